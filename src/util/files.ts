/**
 * Hard links for the build cache: a cached page or search shard is linked into the output (and a rendered one into
 * the cache) rather than copied. The calls are synchronous on purpose: a rebuild makes tens of thousands of them,
 * and each one's round trip through the thread pool costs more than the call itself. Files are never written in
 * place after they are made, so a link shared by the cache and the output cannot change under either.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (code !== "EXDEV" && code !== "EPERM") throw error;
    copyFileSync(from, to);
  }
}

/** Links each `[from, to]` pair, making the folders it needs. */
export function linkFiles(pairs: Iterable<readonly [string, string]>): void {
  const made = new Set<string>();
  for (const [from, to] of pairs) {
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkOrCopy(from, to);
  }
}

/**
 * Everything under `dir` that is not a folder (files, and any link someone put there), relative to it with `/`
 * between folders (as output paths are written), sorted.
 */
export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  // Relative names are built by hand: path.relative and path.join for each of tens of thousands of entries cost
  // more than reading the folders.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else files.push(prefix + entry.name);
    }
  };
  walk(dir, "");
  return files.sort();
}

/** Links the tree under `fromDir` into `toDir`. */
export function linkTree(fromDir: string, toDir: string): void {
  linkFiles(filesUnder(fromDir).map((f) => [path.join(fromDir, f), path.join(toDir, f)] as const));
}

/** Bytes of the files under `dir`. */
export function treeBytes(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/** Whether two paths are the same file (hard links of one inode; a symbolic link is never the file it names). */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [lstatSync(a), lstatSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}
