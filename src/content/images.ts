/**
 * Images in articles: a cover (front-matter `cover` and `coverAlt`) and inline Markdown images, each a file next
 * to the article. Markup is made while the content is read (sizes come from the file's header, so width and
 * height are known and nothing shifts); the AVIF, WebP and JPEG renditions are encoded by the build into a cache
 * and copied into the output (src/build/images.ts). A missing file, a missing alt text or a remote address is a
 * content error on the image's line.
 * https://www.11ty.dev/docs/plugins/image/
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Image from "@11ty/eleventy-img";
import type { ImageMetadata, ImageOptions } from "@11ty/eleventy-img";

// eleventy-img (and sharp under it) is loaded when a picture is first read: most rebuilds read none.
const require = createRequire(import.meta.url);
let loaded: typeof Image | undefined;
const eleventyImg = (): typeof Image => (loaded ??= require("@11ty/eleventy-img") as typeof Image);

export const IMAGE_WIDTHS = [480, 960];
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"];
const ACCEPTED = /\.(?:jpe?g|png|webp|avif|gif)$/i;
/** Article column width: images never render wider, so browsers pick the 480 or 960 rendition. */
const SIZES = "(min-width: 40em) 36em, 100vw";

export interface ImageJob {
  /** Absolute path of the source file. */
  source: string;
}

export type ResolvedImage =
  | { ok: true; html: string; metadata: ImageMetadata; job: ImageJob }
  | { ok: false; message: string };

export interface ImageResolver {
  (src: string, alt: string, options?: { cover?: boolean }): ResolvedImage;
}

/** Options for eleventy-img, the same when markup is made and when files are written. */
export function imageOptions(pathPrefix: string, outputDir = "."): ImageOptions {
  return { widths: IMAGE_WIDTHS, formats: IMAGE_FORMATS, urlPath: `${pathPrefix}img/`, outputDir, svgShortCircuit: false };
}

/** Resolves image addresses written in `file` (relative to the project `root`). */
export function createImageResolver(root: string, file: string, pathPrefix: string): ImageResolver {
  const contentDir = path.join(root, "content");
  return (src, alt, options = {}) => {
    if (!alt.trim()) {
      return { ok: false, message: `"${src}" has no alt text; describe the picture for readers who cannot see it, e.g. ![程家社區紅色長廊](${src})` };
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
      return { ok: false, message: `"${src}" is not a file of this site; save the picture next to the article and write its file name` };
    }
    if (!ACCEPTED.test(src)) {
      return { ok: false, message: `"${src}" is not a JPEG, PNG, WebP, AVIF or GIF picture` };
    }
    const source = path.resolve(path.dirname(path.join(root, file)), decodeURI(src));
    if (!source.startsWith(contentDir + path.sep) || !existsSync(source)) {
      return { ok: false, message: `"${src}" was not found next to the article; check the file name (letters and case must match)` };
    }
    let metadata: ImageMetadata;
    try {
      metadata = eleventyImg().statsSync(source, imageOptions(pathPrefix));
    } catch (error) {
      return { ok: false, message: `"${src}" could not be read as a picture (${(error as Error).message})` };
    }
    const html = eleventyImg().generateHTML(metadata, {
      alt: alt.trim(),
      sizes: SIZES,
      loading: options.cover ? "eager" : "lazy",
      decoding: "async",
      ...(options.cover ? { fetchpriority: "high" } : {}),
    });
    return { ok: true, html, metadata, job: { source } };
  };
}

/** The URL of the largest JPEG rendition, for og:image and JSON-LD. */
export function largestJpeg(metadata: ImageMetadata): string | undefined {
  return metadata.jpeg?.at(-1)?.url;
}

/**
 * What the markup of a picture is made from (its stats, as eleventy-img reports them), or undefined when it cannot
 * be read: an article loaded before is reused only while each of its pictures has the same stamp.
 */
export function pictureStamp(source: string, pathPrefix: string): string | undefined {
  try {
    return JSON.stringify(eleventyImg().statsSync(source, imageOptions(pathPrefix)));
  } catch {
    return undefined;
  }
}
