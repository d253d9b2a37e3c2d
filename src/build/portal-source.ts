/**
 * Where the Eleventy plugin gets the portal from. A production build (src/build/build.ts) loads and checks the
 * content first and hands the result over, so the content is read once; the preview server loads it afresh on
 * every rebuild, with drafts and future articles shown.
 */
import { createHash } from "node:crypto";
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { referenceTime } from "../dates.ts";
import { buildPortal, renderedPages, type ArticlePage, type Portal } from "../portal/build-portal.ts";
import { pageIdentity, sharedDigest } from "./page-cache.ts";
import { Memo } from "../util/memo.ts";

/** What Eleventy renders: the portal's pages (or some of them, article pages built), without the search records. */
export type PortalBatch = Omit<Portal, "searchRecords" | "articles"> & {
  articles: ArticlePage[];
  /** Whether this run also copies public/ (one batch of a build does). */
  copyAssets?: boolean;
};

/**
 * The pages of `portal` whose output paths are in `render` (all when absent), ready for Eleventy; the first batch of
 * a build also carries the files (feeds, sitemaps), the pictures and the assets.
 */
export function portalBatch(portal: Portal, render?: ReadonlySet<string>, first = true): PortalBatch {
  const wanted = <T extends { outputPath: string }>(pages: T[]) => (render ? pages.filter((p) => render.has(p.outputPath)) : pages);
  return {
    home: wanted(portal.home), articles: wanted(portal.articles).map((a) => a.build()), lists: wanted(portal.lists),
    archives: wanted(portal.archives), pages: wanted(portal.pages), search: wanted(portal.search),
    files: first ? portal.files : [], images: first ? portal.images : [], copyAssets: first,
    pathPrefix: portal.pathPrefix, stats: portal.stats,
  };
}

let prepared: PortalBatch | undefined;

export function providePortal(portal: PortalBatch | undefined): void {
  prepared = portal;
}

/** Whether the Eleventy run about to start copies public/ into the output. */
export function copiesAssets(): boolean {
  return prepared?.copyAssets ?? true;
}

export class ContentError extends Error {
  constructor(readonly lines: string[]) {
    super(`${lines.length} content problem${lines.length === 1 ? "" : "s"}:\n${lines.join("\n")}`);
    this.name = "ContentError";
  }
}

/** Output paths of the last good preview: while the content has errors, each of them shows the errors. */
let previewPaths: string[] = ["index.html"];
/** What each preview page was last rendered from: a page whose data is unchanged is not rendered again. */
const previewHashes = new Map<string, string>();
/** Articles as loaded and converted by the last rebuild: an unchanged file is not parsed, checked or converted again. */
const memo = new Memo();

export async function currentPortal(root: string): Promise<PortalBatch> {
  if (prepared) return prepared;
  const content = await loadContent(root, { memo });
  const errors = content.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content.site) {
    const lines = errors.map(formatProblem);
    for (const line of lines) console.error(line);
    // Every page is overwritten by the error page, so all must be rendered again once the errors are fixed.
    previewHashes.clear();
    return errorPortal(lines, previewPaths);
  }
  const portal = buildPortal({ ...content, site: content.site }, { now: referenceTime(process.env, content.site.timeZone), preview: true, memo });
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
  return portalBatch(portal, render);
}

/** The preview while content has errors: every page the editor may be looking at lists them instead. */
function errorPortal(lines: string[], paths: string[]): PortalBatch {
  return {
    home: [], articles: [], lists: [], archives: [], pages: [], search: [], files: [], images: [],
    pathPrefix: "/",
    errors: paths.map((outputPath) => ({ outputPath, lines })),
    stats: { published: 0, waiting: 0, drafts: 0 },
  };
}
