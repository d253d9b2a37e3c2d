/**
 * Atomic output: the build writes into a staging folder beside `_site/`, is verified there, and only then swapped
 * in with renames. A failed build removes its own folder and leaves the previous `_site/` exactly as it was.
 *
 * The output a build replaces is kept in the build cache (`previous-output`, so CI keeps it with the cache) and
 * becomes the next build's staging folder: most of its pages are the very bytes the next build wants again, so
 * recycling it costs reading them and a few unlinks, where building a fresh tree costs tens of thousands of mkdir
 * and write calls and deleting the old one as many unlinks (slow on filesystems mounted with `discard`). Every file
 * the new build does not want, or whose bytes are not exactly the ones it wants (checked by digest, so a page
 * edited in place since is replaced), is removed before anything is written: files of earlier builds never survive
 * into a new one.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileDigest, filesUnder } from "../util/files.ts";

/** Where a build writes before it publishes: `._site.building`, beside the output. */
export function stagingDir(outDir: string): string {
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
 * Readies a recycled staging folder: keeps each file whose bytes are already the ones the build wants there
 * (`wanted`: output path to digest), removes every other file, except under the folders `leave` names (the search
 * index, which sorts out its own shards), and returns the output paths already in place. Folders left empty go,
 * unless one of the build's output paths (`outputs`) is under them: a rebuild after a change of code replaces
 * every page, and removing and making again thousands of folders costs seconds on some filesystems.
 */
export function keepWanted(dir: string, wanted: ReadonlyMap<string, string>, outputs: Iterable<string>, leave: readonly string[] = [],
  digestOf: (file: string) => string | undefined = fileDigest): Set<string> {
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const rel of filesUnder(dir)) {
    const file = path.join(dir, rel);
    if (leave.some((prefix) => rel.startsWith(prefix))) continue;
    const want = wanted.get(rel);
    if (want !== undefined && digestOf(file) === want) {
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
 * Readies the staging folder with keepWanted; when the recycled folder cannot be cleaned (files another user left
 * read-only), it is moved aside and the build starts from an empty folder instead of failing.
 */
export function recycleStaging(staged: string, wanted: ReadonlyMap<string, string>, outputs: Iterable<string>, leave: readonly string[], log: (line: string) => void,
  digestOf: (file: string) => string | undefined = fileDigest): Set<string> {
  try {
    return keepWanted(staged, wanted, outputs, leave, digestOf);
  } catch (error) {
    const unusable = `${staged}.unusable-${process.pid}`;
    renameSync(staged, unusable);
    removeOrWarn(unusable, log, `the last output could not be reused (${(error as NodeJS.ErrnoException).code ?? error})`);
    mkdirSync(staged, { recursive: true });
    return new Set();
  }
}

/** Where `outDir` is moved while the new output takes its place: `._site.replaced`, or a new name if a leftover stays. */
function asideDir(outDir: string): string {
  const aside = path.join(path.dirname(outDir), `.${path.basename(outDir)}.replaced`);
  try {
    rmSync(aside, { recursive: true, force: true });
    return aside;
  } catch {
    return `${aside}-${process.pid}`;
  }
}

/**
 * Replaces `outDir` with `staged` (same filesystem, so each rename is atomic); the old output is kept in the cache
 * for the next build, or removed. Once the new output is in place the build has published: tidying up after it can
 * only warn (a build that says it failed must have left `_site/` as it was).
 */
export async function publishOutput(staged: string, outDir: string, cacheDir: string, log: (line: string) => void = () => undefined): Promise<void> {
  const aside = asideDir(outDir);
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
  try {
    const previous = previousDir(cacheDir);
    await rm(previous, { recursive: true, force: true });
    await mkdir(cacheDir, { recursive: true });
    await rename(aside, previous);
  } catch {
    removeOrWarn(aside, log, "the replaced output could not be kept in the build cache");
  }
}

function removeOrWarn(dir: string, log: (line: string) => void, why: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    log(`warning: ${why}, and ${path.basename(dir)} could not be removed (${(error as NodeJS.ErrnoException).code ?? error}); ` +
      "remove it by hand (it is not published)");
  }
}

/** Removes what killed or failed builds left beside the output; what cannot be removed is left for a person. */
export function sweepLeftovers(outDir: string): void {
  const prefix = `.${path.basename(outDir)}.`;
  for (const name of readdirSync(path.dirname(outDir))) {
    if (!name.startsWith(prefix) || !/^(?:replaced|building\.unusable)/.test(name.slice(prefix.length))) continue;
    try {
      rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true });
    } catch {
      // Another user's leftovers: reported when they get in the way.
    }
  }
}

/** Removes a failed build's staging folder; never throws, so the build's own error is the one reported. */
export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true }).catch(() => undefined);
}
