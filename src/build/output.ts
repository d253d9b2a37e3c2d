/**
 * Atomic output: the build writes into a fresh folder beside `_site/`, is verified there, and only then swapped
 * in with renames. A failed build removes its own folder and leaves the previous `_site/` exactly as it was;
 * files of earlier builds never survive into a new one.
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";

export function stagingDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`);
}

function previousDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.previous`);
}

/**
 * Removes the output the last build replaced. It is left in place by swapIn and removed while the next build
 * works, since deleting tens of thousands of files takes seconds a build need not wait for.
 */
export function removePrevious(outDir: string): Promise<void> {
  return rm(previousDir(outDir), { recursive: true, force: true });
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
