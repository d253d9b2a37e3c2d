/** Cutting the planned portal into what one Eleventy run renders (src/eleventy/batch.ts). */
import type { BrowserAsset } from "../browser/bundle.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import { renderedPages, type Portal } from "../portal/portal.ts";
import { isDeferred } from "../portal/types.ts";

/**
 * The pages of `portal` whose output paths are in `render` (all when absent), made; the first batch of a build
 * also carries the files (feeds, sitemaps), the browser code, the pictures and public/.
 */
export function portalBatch(portal: Portal, assets: BrowserAsset[], render?: ReadonlySet<string>, first = true): PortalBatch {
  const wanted = renderedPages(portal).filter((page) => !render || render.has(page.outputPath));
  return {
    pages: wanted.map((page) => (isDeferred(page) ? page.make() : page)),
    files: first ? portal.files : [], assets: first ? assets : [], images: first ? portal.images : [],
    pathPrefix: portal.pathPrefix, copyAssets: first,
  };
}
