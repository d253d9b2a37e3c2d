/**
 * What the Eleventy plugin renders in one run: pages already made, files printed as they are, the browser code,
 * and the pictures to encode. The pipeline makes it (src/pipeline/batch.ts); the plugin only reads it.
 */
import type { BrowserAsset } from "../browser/bundle.ts";
import type { ImageJob } from "../content/images.ts";
import type { OutputFile, PageBase } from "../portal/types.ts";

export interface PortalBatch {
  /** Pages to render, each printed by its kind's template. */
  pages: PageBase[];
  /** Feeds, sitemaps and robots.txt (with the first batch of a build). */
  files: OutputFile[];
  /** The browser code (src/browser/bundle.ts), with the first batch. */
  assets: BrowserAsset[];
  /** Pictures to encode into the output after the pages are written, and the sub-path their URLs carry. */
  images: ImageJob[];
  pathPrefix: string;
  /** Whether this run also copies public/ (one batch of a build does, and the preview). */
  copyAssets: boolean;
  /** Preview only: pages that list content errors in place of the portal. */
  errors?: { outputPath: string; lines: string[] }[];
}
