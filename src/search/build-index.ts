/**
 * The search index, built in shards: records (oldest first) are cut into shards of SHARD_SIZE, each indexed by
 * Pagefind in its own process (src/search/shard-worker.ts), at most two at a time (the machine's two cores).
 * The search page merges the shards at query time (Pagefind's mergeIndex). A shard of oldest articles never
 * changes when new ones are published. After writing, the page counts Pagefind recorded are checked against
 * the published articles: a missing article fails the build.
 * https://pagefind.app/docs/multisite/
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchRecords } from "./records.ts";
import { SEARCH_LANGUAGE_CODE, shardFolders } from "./shards.ts";

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "shard-worker.ts");

export interface SearchIndexReport {
  records: number;
  /** Shards copied from the build cache instead of indexed. */
  reused: number;
  shards: { folder: string; records: number; peakMiB: number; seconds: number }[];
  bytes: number;
  seconds: number;
}

export class SearchIndexError extends Error {
  constructor(message: string, readonly lines: string[] = []) {
    super(message);
    this.name = "SearchIndexError";
  }
}

export interface SearchIndexOptions {
  /** The build cache: a shard whose records and code are unchanged is copied from here, not indexed again. */
  cacheDir?: string;
  fingerprint?: string;
  concurrency?: number;
}

/** Writes the shards under `siteDir/pagefind/` and checks them. `records` must be oldest first. */
export async function buildSearchIndex(records: SearchRecords, siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const { cacheDir, fingerprint = "", concurrency = 2 } = options;
  const started = performance.now();
  const folders = shardFolders(records.count);
  const scratch = await mkdtemp(path.join(tmpdir(), "broadsheet-search-"));
  try {
    // Each record also carries its shard's name as a filter: shards are in date order, so the search page can
    // list "newest first" shard by shard, which Pagefind's merged results cannot do.
    const jobs = folders.map((folder, i) => ({
      folder,
      records: () => records.slice(i * folder.size, i * folder.size + folder.size)
        .map((r) => ({ ...r, filters: { ...r.filters, shard: [folder.name] } })),
    }));
    const results: SearchIndexReport["shards"] = [];
    const cacheRoot = cacheDir ? path.join(cacheDir, "search") : undefined;
    const keys = new Set<string>();
    let reused = 0;
    let next = 0;
    const run = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const shardRecords = job.records();
        const json = JSON.stringify(shardRecords);
        const key = createHash("sha256").update(fingerprint).update(json).digest("hex");
        keys.add(key);
        const target = path.join(siteDir, job.folder.path);
        const cached = cacheRoot ? path.join(cacheRoot, key) : undefined;
        if (cached && await stat(cached).then(() => true, () => false)) {
          await cp(cached, target, { recursive: true });
          results.push({ folder: job.folder.path, records: shardRecords.length, peakMiB: 0, seconds: 0 });
          reused++;
          continue;
        }
        const file = path.join(scratch, `${job.folder.name}.json`);
        await writeFile(file, json);
        const t0 = performance.now();
        const out = await runWorker(file, target);
        if (out.problems.length > 0 || out.added !== shardRecords.length) {
          throw new SearchIndexError(`search shard ${job.folder.name} indexed ${out.added} of ${shardRecords.length} articles`, out.problems);
        }
        await pruneBundle(target);
        if (cached) {
          await mkdir(cacheRoot!, { recursive: true });
          await cp(target, cached, { recursive: true });
        }
        results.push({ folder: job.folder.path, records: out.added, peakMiB: Math.round(out.peakKiB / 1024), seconds: (performance.now() - t0) / 1000 });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, run));
    const counted = await countIndexedPages(siteDir, folders.map((f) => f.path));
    if (counted !== records.count) {
      // Pagefind drops a record with no words; name the likely ones so an editor can fix them.
      const wordless = records.slice(0, records.count).filter((r) => !/\S/.test(r.content))
        .map((r) => `${r.url} has no words to search (its title and text are only punctuation or pictures)`);
      throw new SearchIndexError(`the search index holds ${counted} articles but ${records.count} are published`, wordless);
    }
    results.sort((a, b) => (a.folder < b.folder ? -1 : 1));
    if (cacheRoot) {
      for (const name of await readdir(cacheRoot).catch(() => [] as string[])) {
        if (!keys.has(name)) await rm(path.join(cacheRoot, name), { recursive: true, force: true });
      }
    }
    return { records: counted, reused, shards: results, bytes: await folderBytes(path.join(siteDir, "pagefind")), seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Pages recorded in the written shards, read back from each shard's pagefind-entry.json. */
export async function countIndexedPages(siteDir: string, shardPaths: readonly string[]): Promise<number> {
  let total = 0;
  for (const shard of shardPaths) {
    let entry: { languages?: Record<string, { page_count?: number }> };
    try {
      entry = JSON.parse(await readFile(path.join(siteDir, shard, "pagefind-entry.json"), "utf8"));
    } catch {
      throw new SearchIndexError(`search shard ${shard} was not written`);
    }
    total += entry.languages?.[SEARCH_LANGUAGE_CODE]?.page_count ?? 0;
  }
  return total;
}

function runWorker(recordsFile: string, outputPath: string): Promise<{ added: number; problems: string[]; peakKiB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, recordsFile, outputPath], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new SearchIndexError(`search indexing failed (exit ${code})`, [stderr.trim()]));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new SearchIndexError("search indexing printed no report", [stdout, stderr]));
      }
    });
  });
}

/** Pagefind also writes its UI kits and playground; the search page uses only the search API, so they go. */
async function pruneBundle(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\.|^playground$/.test(entry)) {
      await rm(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
