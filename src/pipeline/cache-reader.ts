/**
 * The build cache, read by a command that builds nothing (`npm run check`, `npm run import`): what the last build
 * knew of each unchanged article (src/util/memo.ts), found by its file's inode and times without reading it
 * (src/util/stat-digests.ts), so that only new and changed articles are parsed. Nothing is written back: the cache
 * stays the build's. A cache made by other code, or none, is simply no help: every article is read, as without it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { LoadOptions } from "../content/load.ts";
import { Memo } from "../util/memo.ts";
import { StatDigests } from "../util/stat-digests.ts";
import { codeFingerprint } from "./page-cache.ts";

/** The cache folder of a project: BROADSHEET_CACHE_DIR, or .broadsheet/cache. */
export function cacheDirOf(root: string, env: NodeJS.ProcessEnv): string {
  return path.resolve(root, env.BROADSHEET_CACHE_DIR ?? ".broadsheet/cache");
}

/** Load options that take unchanged articles from the last build's cache. */
export async function cachedLoadOptions(root: string, env: NodeJS.ProcessEnv = process.env): Promise<Pick<LoadOptions, "memo" | "digestOf">> {
  const cacheDir = cacheDirOf(root, env);
  if (!existsSync(path.join(cacheDir, "content"))) return {};
  const memo = Memo.read(path.join(cacheDir, "content"), await codeFingerprint(root));
  const known = StatDigests.read(path.join(cacheDir, "file-digests.json"));
  return { memo, digestOf: known.digest };
}
