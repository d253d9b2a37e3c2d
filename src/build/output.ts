/**
 * Atomic output: the build writes into a staging folder beside `_site/`, is verified there, and only then swapped
 * in with renames. A failed build removes its own folder and leaves the previous `_site/` exactly as it was.
 *
 * The output a build replaces is kept aside (`._site.previous`) and becomes the next build's staging folder:
 * most of its files are hard links to the build cache that the next build wants again, so recycling it costs a
 * directory listing and a few unlinks, where building a fresh tree costs tens of thousands of mkdir and link
 * calls and deleting the old one as many unlinks (slow on filesystems mounted with `discard`). Every file the
 * new build does not want, or that is not exactly the cache file it wants, is removed before anything is
 * written, so files of earlier builds never survive into a new one, and nothing is ever written into a file
 * the cache shares.
 */
import { existsSync, mkdirSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { filesUnder, sameFile } from "../util/link-files.ts";

export function stagingDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`);
}

function previousDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.previous`);
}

/** The staging folder, made from the output the last build replaced when there is one. */
export function openStaging(outDir: string): string {
  const staged = stagingDir(outDir);
  const previous = previousDir(outDir);
  if (!existsSync(staged) && existsSync(previous)) renameSync(previous, staged);
  mkdirSync(staged, { recursive: true });
  return staged;
}

/**
 * Readies a recycled staging folder: keeps each file that is already the very file the build wants there (the
 * same inode as its cache file), removes every other file, except under the folders `leave` names (the search
 * index, which sorts out its own shards), and returns the output paths already in place.
 */
export function keepWanted(dir: string, wanted: ReadonlyMap<string, string>, leave: readonly string[] = []): Set<string> {
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const file of filesUnder(dir)) {
    const rel = file.split(path.sep).join("/");
    if (leave.some((prefix) => rel.startsWith(prefix))) continue;
    const source = wanted.get(rel);
    if (source !== undefined && sameFile(path.join(dir, file), source)) {
      kept.add(rel);
      continue;
    }
    unlinkSync(path.join(dir, file));
    emptied.add(path.dirname(path.join(dir, file)));
  }
  // Folders left empty (an article taken down) go too, deepest first.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) removeEmptyUpTo(folder, dir);
  return kept;
}

function removeEmptyUpTo(folder: string, root: string): void {
  for (let dir = folder; dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/** Replaces `outDir` with `staged` (same filesystem, so each rename is atomic); the old output is kept aside. */
export async function swapIn(staged: string, outDir: string): Promise<void> {
  const previous = previousDir(outDir);
  await rm(previous, { recursive: true, force: true });
  let hadPrevious = true;
  try {
    await rename(outDir, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadPrevious = false;
  }
  try {
    await rename(staged, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true });
}
