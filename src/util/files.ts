/**
 * File helpers for the output and the build cache. Cached pages and search shards are copied into the output, never
 * hard-linked: the published `_site/` shares no inode with the cache, so a cache file damaged or rewritten in place
 * cannot change a published page. Copies use a reflink where the filesystem has them (then they cost no room).
 * Every cached file is checked against the digest it was stored with before it is used (`digest`).
 * The calls are synchronous on purpose: a rebuild makes tens of thousands of them, and each one's round trip through
 * the thread pool costs more than the call itself.
 */
import { createHash } from "node:crypto";
import { constants, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The digest a cached file is checked against: sha256 of its bytes, 32 hex digits. */
export function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/** The digest of a file, or undefined when it cannot be read. */
export function fileDigest(file: string): string | undefined {
  try {
    return digest(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Copies each `[from, to]` pair, making the folders it needs. */
export function copyFiles(pairs: Iterable<readonly [string, string]>): void {
  const made = new Set<string>();
  for (const [from, to] of pairs) {
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/**
 * Everything under `dir` that is not a folder (files, and any link someone put there), relative to it with `/`
 * between folders (as output paths are written), sorted; folders named in `skip` (`pagefind/`) are left out.
 */
export function filesUnder(dir: string, skip: readonly string[] = []): string[] {
  const files: string[] = [];
  // Relative names are built by hand: path.relative and path.join for each of tens of thousands of entries cost
  // more than reading the folders.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skip.includes(`${prefix}${entry.name}/`)) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      } else files.push(prefix + entry.name);
    }
  };
  walk(dir, "");
  return files.sort();
}

/** The digest of every file under `dir`, by relative path. */
export function treeDigests(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, digest(readFileSync(path.join(dir, f)))]));
}

/**
 * Whether the files under `dir` are exactly `digests` (no file more, none less, none other); `digestOf` may know a
 * file's digest without reading it (src/util/stat-digests.ts).
 */
export function treeMatches(dir: string, digests: Readonly<Record<string, string>>, digestOf: (file: string) => string | undefined = fileDigest): boolean {
  let files: string[];
  try {
    files = filesUnder(dir);
  } catch {
    return false;
  }
  return files.length === Object.keys(digests).length && files.every((f) => digests[f] !== undefined && digestOf(path.join(dir, f)) === digests[f]);
}

/** Copies the tree under `fromDir` into `toDir`. */
export function copyTree(fromDir: string, toDir: string): void {
  copyFiles(filesUnder(fromDir).map((f) => [path.join(fromDir, f), path.join(toDir, f)] as const));
}

/** Bytes of the files under `dir`. */
export function treeBytes(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}
