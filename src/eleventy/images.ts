/**
 * Encodes article pictures with eleventy-img into a cache kept between builds (a picture is encoded once), then
 * copies the renditions the pages use into the output's img/ folder. eleventy-img reuses any file already at a
 * rendition's name, so the cache keeps the digest of each rendition it made (`digests.json`): a rendition that is
 * not what was stored (damaged, or of unknown origin) is deleted before eleventy-img looks, and encoded again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { imageOptions, type ImageJob } from "../content/images.ts";
import { digest } from "../util/files.ts";

export const IMAGE_CACHE = ".broadsheet/cache/img";

export async function writeImages(jobs: readonly ImageJob[], outputDir: string, pathPrefix: string, cacheDir = IMAGE_CACHE): Promise<number> {
  if (jobs.length === 0) return 0;
  mkdirSync(path.join(outputDir, "img"), { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  const digestsFile = path.join(cacheDir, "digests.json");
  const digests = readDigests(digestsFile);
  // Only the renditions this portal uses are remembered.
  const kept: Record<string, string> = {};
  const options = imageOptions(pathPrefix, cacheDir);
  let written = 0;
  for (const job of jobs) {
    for (const entry of Object.values(Image.statsSync(job.source, options)).flat()) {
      const file = entry.outputPath;
      if (existsSync(file) && digests[entry.filename] !== digest(readFileSync(file))) unlinkSync(file);
    }
    const metadata = await Image(job.source, options);
    for (const entry of Object.values(metadata).flat()) {
      const bytes = readFileSync(entry.outputPath);
      kept[entry.filename] = digest(bytes);
      writeFileSync(path.join(outputDir, "img", entry.filename), bytes);
      written++;
    }
  }
  writeFileSync(`${digestsFile}.partial`, JSON.stringify(kept));
  renameSync(`${digestsFile}.partial`, digestsFile);
  return written;
}

function readDigests(file: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null ? parsed as Record<string, string> : {};
  } catch {
    return {};
  }
}
