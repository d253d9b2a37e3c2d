/**
 * The preview server's portal (`npm start`): the content loaded afresh on every rebuild, drafts and future articles
 * shown, and only the pages whose data changed rendered again.
 */
import { createHash } from "node:crypto";
import { browserAssets } from "../browser/bundle.ts";
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { referenceTime } from "../dates.ts";
import { localizePortal, planPages, renderedPages } from "../portal/portal.ts";
import { lazyRecords, searchLayout } from "../search/records.ts";
import { pageIdentity, sharedDigest } from "./page-cache.ts";
import { portalBatch, type PortalBatch } from "./portal-source.ts";
import { Memo } from "../util/memo.ts";

/** Output paths of the last good preview: while the content has errors, each of them shows the errors. */
let previewPaths: string[] = ["index.html"];
/** What each preview page was last rendered from: a page whose data is unchanged is not rendered again. */
const previewHashes = new Map<string, string>();
/** Articles as loaded and converted by the last rebuild: an unchanged file is not parsed, checked or converted again. */
const memo = new Memo();

export async function previewPortal(root: string): Promise<PortalBatch> {
  const content = await loadContent(root, { memo });
  const errors = content.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content.site) {
    const lines = errors.map(formatProblem);
    for (const line of lines) console.error(line);
    // Every page is overwritten by the error page, so all must be rendered again once the errors are fixed.
    previewHashes.clear();
    return errorPortal(lines, previewPaths);
  }
  const localized = localizePortal({ ...content, site: content.site }, { now: referenceTime(process.env, content.site.timeZone), preview: true, memo });
  const portal = planPages(localized, searchLayout(lazyRecords(localized.searchViews, content.site.timeZone)));
  memo.settle();
  const pages = renderedPages(portal);
  const render = new Set<string>();
  const digest = sharedDigest();
  for (const page of pages) {
    const hash = createHash("sha1").update(pageIdentity(page, digest)).digest("hex");
    if (previewHashes.get(page.outputPath) !== hash) render.add(page.outputPath);
    previewHashes.set(page.outputPath, hash);
  }
  previewPaths = pages.map((p) => p.outputPath);
  return portalBatch(portal, browserAssets(), render);
}

/** The preview while content has errors: every page the editor may be looking at lists them instead. */
function errorPortal(lines: string[], paths: string[]): PortalBatch {
  return {
    home: [], articles: [], lists: [], archives: [], pages: [], search: [], files: [], assets: [], images: [],
    pathPrefix: "/",
    errors: paths.map((outputPath) => ({ outputPath, lines })),
    stats: { published: 0, waiting: 0, drafts: 0 },
  };
}
