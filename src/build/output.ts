/**
 * Atomic output: the build writes into a staging folder beside `_site/`, is verified there, and only then swapped
 * in with renames. A failed build removes its own folder and leaves the previous `_site/` exactly as it was.
 *
 * The output a build replaces is kept in the build cache (`previous-output`, so CI keeps it with the cache) and
 * becomes the next build's staging folder:
 * most of its files are hard links to the build cache that the next build wants again, so recycling it costs a
 * directory listing and a few unlinks, where building a fresh tree costs tens of thousands of mkdir and link
 * calls and deleting the old one as many unlinks (slow on filesystems mounted with `discard`). Every file the
 * new build does not want, or that is not exactly the cache file it wants, is removed before anything is
 * written, so files of earlier builds never survive into a new one, and nothing is ever written into a file
 * the cache shares.
 */
import { existsSync, mkdirSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { filesUnder, sameFile } from "../util/link-files.ts";

function stagingDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`);
}

/** Where the output a build replaced is kept for the next build. */
export function previousDir(cacheDir: string): string {
  return path.join(cacheDir, "previous-output");
}

/** The staging folder, made from the output the last build replaced when there is one (and it can be moved). */
export function openStaging(outDir: string, cacheDir: string): string {
  const staged = stagingDir(outDir);
  const previous = previousDir(cacheDir);
  if (!existsSync(staged) && existsSync(previous)) {
    try {
      renameSync(previous, staged);
    } catch (error) {
      // On another filesystem than the output: start afresh.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  mkdirSync(staged, { recursive: true });
  return staged;
}

/**
 * Readies a recycled staging folder: keeps each file that is already the very file the build wants there (the
 * same inode as its cache file), removes every other file, except under the folders `leave` names (the search
 * index, which sorts out its own shards), and returns the output paths already in place. Folders left empty go,
 * unless one of the build's output paths (`outputs`) is under them: a rebuild after a change of code replaces
 * every page, and removing and making again thousands of folders costs seconds on some filesystems.
 */
export function keepWanted(dir: string, wanted: ReadonlyMap<string, string>, outputs: Iterable<string>, leave: readonly string[] = []): Set<string> {
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const rel of filesUnder(dir)) {
    const file = path.join(dir, rel);
    if (leave.some((prefix) => rel.startsWith(prefix))) continue;
    const source = wanted.get(rel);
    if (source !== undefined && sameFile(file, source)) {
      kept.add(rel);
      continue;
    }
    unlinkSync(file);
    emptied.add(path.dirname(file));
  }
  // Folders left empty (an article taken down) go too, deepest first.
  const used = new Set<string>();
  for (const output of outputs) {
    for (let folder = path.dirname(path.join(dir, output)); folder.startsWith(dir + path.sep) && !used.has(folder); folder = path.dirname(folder)) {
      used.add(folder);
    }
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) removeEmptyUpTo(folder, dir, used);
  return kept;
}

function removeEmptyUpTo(folder: string, root: string, used: ReadonlySet<string>): void {
  for (let dir = folder; dir.startsWith(root + path.sep) && !used.has(dir); dir = path.dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/**
 * Replaces `outDir` with `staged` (same filesystem, so each rename is atomic); the old output is kept in the cache
 * for the next build, or removed when the cache is on another filesystem.
 */
export async function swapIn(staged: string, outDir: string, cacheDir: string): Promise<void> {
  const aside = path.join(path.dirname(outDir), `.${path.basename(outDir)}.replaced`);
  await rm(aside, { recursive: true, force: true });
  let hadPrevious = true;
  try {
    await rename(outDir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadPrevious = false;
  }
  try {
    await rename(staged, outDir);
  } catch (error) {
    if (hadPrevious) await rename(aside, outDir);
    throw error;
  }
  if (!hadPrevious) return;
  const previous = previousDir(cacheDir);
  await rm(previous, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await rename(aside, previous).catch(() => rm(aside, { recursive: true, force: true }));
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true });
}
