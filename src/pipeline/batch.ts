/**
 * Cutting the planned portal into what one Eleventy run renders (src/eleventy/batch.ts), and handing a batch to a
 * render process as a file.
 */
import type { BrowserAsset } from "../browser/bundle.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import { renderedPages, type PlannedPage, type Portal } from "../portal/portal.ts";
import { isDeferred, type PageBase } from "../portal/types.ts";
import { frameWriter } from "../util/frames.ts";

/**
 * The pages of `portal` whose output paths are in `render` (all when absent), made; the first batch of a build
 * also carries the files (feeds, sitemaps), the browser code, the pictures and public/.
 */
export function portalBatch(portal: Portal, assets: BrowserAsset[], render?: ReadonlySet<string>, first = true): PortalBatch {
  return { ...batchFrame(portal, assets, first), pages: made(wantedPages(portal, render)) };
}

/** The planned pages of `portal` whose output paths are in `render` (all when absent). */
function wantedPages(portal: Portal, render?: ReadonlySet<string>): PlannedPage[] {
  return renderedPages(portal).filter((page) => !render || render.has(page.outputPath));
}

/** The pages themselves: deferred ones made now. */
function made(pages: readonly PlannedPage[]): PageBase[] {
  return pages.map((page) => (isDeferred(page) ? page.make() : page));
}

/** Pages made and written at a time: a batch's pages (their bodies included) are never all in memory at once. */
const PAGES_A_FRAME = 250;

/**
 * Writes the batch of `render` to `file` as frames (src/util/frames.ts): the batch without its pages, then its pages
 * a few hundred at a time, each frame made and written before the next is made. The render process reads it with
 * `readBatch` in src/pipeline/render-worker.ts.
 */
export function writeBatch(file: string, portal: Portal, assets: BrowserAsset[], render: ReadonlySet<string>, first: boolean): void {
  const frames = frameWriter(file);
  try {
    frames.write(batchFrame(portal, assets, first));
    const wanted = wantedPages(portal, render);
    for (let i = 0; i < wanted.length; i += PAGES_A_FRAME) frames.write(made(wanted.slice(i, i + PAGES_A_FRAME)));
  } finally {
    frames.close();
  }
}

function batchFrame(portal: Portal, assets: BrowserAsset[], first: boolean): Omit<PortalBatch, "pages"> {
  return {
    files: first ? portal.files : [], assets: first ? assets : [], images: first ? portal.images : [],
    pathPrefix: portal.pathPrefix, copyAssets: first,
  };
}
