/**
 * Images in articles: a cover (front-matter `cover` and `coverAlt`) and inline Markdown images, each a file next
 * to the article. Markup is made while the content is read (sizes come from the file's header, so width and
 * height are known and nothing shifts); the AVIF, WebP and JPEG renditions are encoded by the build into a cache
 * and copied into the output (src/pipeline/images.ts). A missing file, a missing alt text or a remote address is a
 * content error on the image's line.
 * https://www.11ty.dev/docs/plugins/image/
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Image from "@11ty/eleventy-img";
import type { ImageMetadata, ImageOptions } from "@11ty/eleventy-img";
import type SharpType from "sharp";
import { unreadable } from "./files.ts";
import type { Problem } from "./problems.ts";

// eleventy-img (and sharp under it) is loaded when a picture is first read: most rebuilds read none.
const require = createRequire(import.meta.url);
let loaded: typeof Image | undefined;
const eleventyImg = (): typeof Image => (loaded ??= require("@11ty/eleventy-img") as typeof Image);
let loadedSharp: typeof SharpType | undefined;
const sharp = (): typeof SharpType => (loadedSharp ??= require("sharp") as typeof SharpType);

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
      return { ok: false, message: `圖片「${src}」沒有說明文字；為看不見圖片的讀者描述它，例如 ![程家社區紅色長廊](${src}) ("${src}" has no alt text; describe the picture for readers who cannot see it, e.g. ![程家社區紅色長廊](${src}))` };
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
      return { ok: false, message: `「${src}」不是本站的文件；把圖片存在文章旁邊，寫它的文件名 ("${src}" is not a file of this site; save the picture next to the article and write its file name)` };
    }
    if (!ACCEPTED.test(src)) {
      return { ok: false, message: `「${src}」不是 JPEG、PNG、WebP、AVIF 或 GIF 圖片 ("${src}" is not a JPEG, PNG, WebP, AVIF or GIF picture)` };
    }
    let name: string;
    try {
      name = decodeURI(src);
    } catch {
      return { ok: false, message: `「${src}」的 % 編碼不完整；直接寫圖片的文件名 ("${src}" has a broken %-escape; write the picture's file name as it is)` };
    }
    const source = path.resolve(path.dirname(path.join(root, file)), name);
    if (!source.startsWith(contentDir + path.sep) || !existsSync(source)) {
      return { ok: false, message: `文章旁邊沒有「${src}」；檢查文件名（字母和大小寫要一致）("${src}" was not found next to the article; check the file name (letters and case must match))` };
    }
    // A link may lead anywhere: the picture itself must be inside content/.
    if (!insideContent(source, contentDir)) {
      return { ok: false, message: `"${src}" 是指向 content/ 以外的連結，不會發布 (links to a file outside content/; put the picture itself next to the article)` };
    }
    let metadata: ImageMetadata;
    try {
      metadata = eleventyImg().statsSync(source, imageOptions(pathPrefix));
    } catch (error) {
      return { ok: false, message: `「${src}」讀不出圖片 ("${src}" could not be read as a picture (${(error as Error).message}))` };
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

function insideContent(source: string, contentDir: string): boolean {
  try {
    return realpathSync(source).startsWith(realpathSync(contentDir) + path.sep);
  } catch {
    return false;
  }
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

/** Where an article shows a picture: for problems on the right file and line. */
export interface PictureUse {
  source: string;
  file: string;
  line: number;
  field: string;
}

/** Pixels a picture may have (sharp's own default limit, 16,383 × 16,383). */
export const MAX_PIXELS = 268_402_689;

/**
 * Decodes every picture the articles show, as the build's encoder will, and returns an error on each use of one
 * that cannot be decoded (a damaged JPEG, a picture past the pixel limit): the build and `npm run check` stop on it
 * naming the article and the picture, instead of the encoder failing later with no file named. A picture that
 * decoded before (by the hash of its bytes, `decoded`) is not decoded again.
 */
/** Hashes of pictures known to decode (the build keeps them in its memo). */
export interface DecodedPictures {
  has(hash: string): boolean;
  add(hash: string): void;
}

export async function undecodablePictures(uses: readonly PictureUse[], decoded?: DecodedPictures): Promise<Problem[]> {
  const failures = new Map<string, string>();
  for (const source of new Set(uses.map((u) => u.source))) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch (error) {
      failures.set(source, unreadable(error));
      continue;
    }
    const hash = createHash("sha256").update(bytes).digest("hex");
    if (decoded?.has(hash)) continue;
    try {
      // A small rendition forces every pixel's data to be read, as encoding will.
      await sharp()(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).resize(8, 8, { fit: "inside" }).raw().toBuffer();
      decoded?.add(hash);
    } catch (error) {
      failures.set(source, `無法解碼這張圖片，請換一個檔案 (cannot be decoded as a picture: ${(error as Error).message.split("\n")[0]}; save it again or use another file)`);
    }
  }
  return uses.filter((u) => failures.has(u.source)).map((u) => ({
    severity: "error", file: u.file, line: u.line, field: u.field,
    message: `"${path.basename(u.source)}" ${failures.get(u.source)}`,
  }));
}
