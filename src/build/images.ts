/**
 * Encodes article pictures with eleventy-img into a cache kept between builds (a picture is encoded once), then
 * copies the renditions the pages use into the output's img/ folder.
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { imageOptions, type ImageJob } from "../content/images.ts";

export const IMAGE_CACHE = ".broadsheet/cache/img";

export async function writeImages(jobs: readonly ImageJob[], outputDir: string, pathPrefix: string, cacheDir = IMAGE_CACHE): Promise<number> {
  if (jobs.length === 0) return 0;
  await mkdir(path.join(outputDir, "img"), { recursive: true });
  let written = 0;
  for (const job of jobs) {
    const metadata = await Image(job.source, imageOptions(pathPrefix, cacheDir));
    for (const entries of Object.values(metadata)) {
      for (const entry of entries) {
        await copyFile(entry.outputPath, path.join(outputDir, "img", entry.filename));
        written++;
      }
    }
  }
  return written;
}
