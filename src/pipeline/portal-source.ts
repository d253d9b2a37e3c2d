/**
 * Where the Eleventy plugin gets the portal from. A production build (src/pipeline/build.ts) loads and checks the
 * content first and hands each render process its batch, so the content is read once; the preview server loads it
 * afresh on every rebuild, with drafts and future articles shown (src/pipeline/preview-portal.ts, loaded only then:
 * a render process needs none of the code that reads content).
 */
import type { BrowserAsset } from "../browser/bundle.ts";
import { isDeferred } from "../portal/types.ts";
import type { ArchivePage, ArticlePage, ListPage, Portal } from "../portal/portal.ts";

/** What Eleventy renders: the portal's pages (or some of them, article pages built), without the search records. */
export type PortalBatch = Omit<Portal, "articles" | "lists" | "archives"> & {
  articles: ArticlePage[];
  lists: ListPage[];
  archives: ArchivePage[];
  /** The browser code (src/browser/bundle.ts), with the files of the first batch. */
  assets: BrowserAsset[];
  /** Preview only: pages that list content errors in place of the portal. */
  errors?: { outputPath: string; lines: string[] }[];
  /** Whether this run also copies public/ (one batch of a build does). */
  copyAssets?: boolean;
};

/**
 * The pages of `portal` whose output paths are in `render` (all when absent), ready for Eleventy; the first batch of
 * a build also carries the files (feeds, sitemaps), the browser code, the pictures and public/.
 */
export function portalBatch(portal: Portal, assets: BrowserAsset[], render?: ReadonlySet<string>, first = true): PortalBatch {
  const wanted = <T extends { outputPath: string }>(pages: T[]) => (render ? pages.filter((p) => render.has(p.outputPath)) : pages);
  return {
    home: wanted(portal.home), articles: wanted(portal.articles).map((p) => p.make()), lists: wanted(portal.lists).map((p) => p.make()),
    archives: wanted(portal.archives).map((p) => (isDeferred(p) ? p.make() : p)), pages: wanted(portal.pages), search: wanted(portal.search),
    files: first ? portal.files : [], assets: first ? assets : [], images: first ? portal.images : [], copyAssets: first,
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

/** The batch handed over by the build, or else the preview's portal. */
export async function portalSource(root: string): Promise<PortalBatch> {
  if (prepared) return prepared;
  const { previewPortal } = await import("./preview-portal.ts");
  return previewPortal(root);
}
