/**
 * The preview server's portal (`npm start`): the content loaded afresh on every rebuild, drafts and future articles
 * shown, and only the pages whose data changed rendered again.
 */
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { browserAssets } from "../browser/bundle.ts";
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { adminFiles } from "../portal/admin.ts";
import { localizePortal, planPages, renderedPages } from "../portal/portal.ts";
import { withLinkProblems } from "../portal/site-links.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { createScriptConverter } from "../scripts/convert.ts";
import { lazyRecords, searchLayout } from "../search/records.ts";
import { pageIdentity, sharedDigest } from "./page-cache.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import { portalBatch } from "./batch.ts";
import { Memo } from "../util/memo.ts";
import { MemoryTextStore } from "../util/text-store.ts";
import { StatDigests } from "../util/stat-digests.ts";
import { debug } from "../util/debug.ts";

const log = debug("preview");

/** Where the preview server writes (relative to the project root): never the production `_site/`. */
export const PREVIEW_OUTPUT = ".broadsheet/preview";

/**
 * A preview session: the portal to render on each rebuild. It remembers the output paths of the last good preview
 * (while the content has errors, each of them shows the errors; a page no longer in the portal is removed), what each
 * page was last rendered from (a page whose data is unchanged is not rendered again), and the articles as loaded and converted (an unchanged file is not
 * parsed, checked or converted again).
 */
export function previewSession(root: string): () => Promise<PortalBatch> {
  let previewPaths: string[] = ["index.html"];
  const previewHashes = new Map<string, string>();
  const memo = new Memo();
  const store = new MemoryTextStore();
  // Unchanged files are known by their inode and times between rebuilds, and not read again.
  const known = StatDigests.inMemory();
  return async () => {
    const started = performance.now();
    const content = withLinkProblems(await loadContent(root, { memo, store, digestOf: known.digest }), root, { preview: true });
    const loaded = performance.now();
    const errors = content.problems.filter((p) => p.severity === "error");
    if (errors.length > 0 || !content.site) {
      const lines = errors.map(formatProblem);
      for (const line of lines) console.error(line);
      // Every page is overwritten by the error page, so all must be rendered again once the errors are fixed.
      previewHashes.clear();
      return errorPortal(lines, previewPaths, content.site);
    }
    const localized = localizePortal({ ...content, site: content.site }, { now: content.now, preview: true, memo, store });
    const portal = planPages(localized, searchLayout(lazyRecords(localized.searchViews, content.site.timeZone)));
    memo.settle();
    store.settle();
    const planned = performance.now();
    const pages = renderedPages(portal);
    const render = new Set<string>();
    const digest = sharedDigest();
    for (const page of pages) {
      const hash = createHash("sha1").update(pageIdentity(page, digest)).digest("hex");
      if (previewHashes.get(page.outputPath) !== hash) render.add(page.outputPath);
      previewHashes.set(page.outputPath, hash);
    }
    // Eleventy leaves the files of pages that are gone (a deleted or renamed article, an emptied tag): remove them.
    const current = new Set(pages.map((p) => p.outputPath));
    for (const gone of previewPaths.filter((p) => !current.has(p))) {
      rmSync(path.join(root, PREVIEW_OUTPUT, gone), { force: true });
      previewHashes.delete(gone);
    }
    previewPaths = [...current];
    const batch = portalBatch(portal, browserAssets(), render);
    const ms = (from: number, to = performance.now()) => Math.round(to - from);
    log(`${render.size} of ${pages.length} pages to render: loaded in ${ms(started, loaded)} ms, planned in ${ms(loaded, planned)} ms, compared and made in ${ms(planned)} ms`);
    return batch;
  };
}

/**
 * The preview while content has errors: every page the editor may be looking at lists them instead, and the web
 * editor stays (with a readable site.yaml), so that the mistake can be put right in it.
 */
function errorPortal(lines: string[], paths: string[], site?: SiteConfig): PortalBatch {
  const files = site ? adminFiles(site, createScriptConverter(site.protectedWords)) : [];
  return {
    pages: [], files, assets: site ? browserAssets() : [], images: [], pathPrefix: "/", copyAssets: true,
    errors: paths.map((outputPath) => ({ outputPath, lines })),
  };
}
