/**
 * The search index, built in shards: records (oldest first) are cut into shards of SHARD_SIZE, each indexed by
 * Pagefind in its own process (src/search/shard-worker.ts), as many at a time as the build has jobs.
 * The search page merges the shards at query time (Pagefind's mergeIndex). A shard of oldest articles never
 * changes when new ones are published. After writing, the page counts Pagefind recorded are checked against
 * the published articles: a missing article fails the build.
 * https://pagefind.app/docs/multisite/
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { searchCharTable } from "./char-table.ts";
import { createNormalizer } from "./normalize.ts";
import { cutShard, withWords, type SearchRecords } from "./records.ts";
import { SEARCH_LANGUAGE_CODE, type ShardFolder } from "./shards.ts";
import { copyTree, digest, treeBytes, treeDigests, treeMatches } from "../util/files.ts";
import { StatDigests } from "../util/stat-digests.ts";
import { mapLimited } from "../util/map-limited.ts";
import { debug } from "../util/debug.ts";
import { counted } from "../util/plural.ts";
import { makeScratch } from "../util/scratch.ts";
import { runWorker, WorkerError } from "../util/worker.ts";

const log = debug("search");
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "shard-worker.ts");
const DIRECTORY_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "word-directory-worker.ts");
/** Articles to index at most for the word directory to be written from words cut here, beside the indexing. */
const EARLY_DIRECTORY_RECORDS = 250;

export interface SearchIndexReport {
  records: number;
  /** Shards copied from the build cache instead of indexed. */
  reused: number;
  /** Cached shards whose files were not the ones stored: discarded and indexed again. */
  damaged: string[];
  /** Buckets of the word directory (src/search/word-directory.ts). */
  buckets: number;
  /** Each shard: its articles, Pagefind's peak memory, and the time and CPU seconds it took (0 from the cache). */
  shards: { folder: string; records: number; peakMiB: number; seconds: number; cpuSeconds: number }[];
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
  /** Shards indexed at once (the build's jobs). */
  concurrency?: number;
  /** Digests of files known without reading them (src/util/stat-digests.ts); without it every file is read. */
  known?: StatDigests;
  /** Told how many shards are to be indexed, then each one as it is done (the build's progress line). */
  progress?: { start(shards: number): void; indexed(): void };
}

/**
 * Builds the search index under `siteDir/pagefind/`; `records` must be oldest first. Shards the cache holds are
 * placed at once; the others are handed to indexing processes. Everything up to the start of the first of those
 * processes runs before this returns its promise (the function does not await until then), so that the caller can
 * keep this thread busy (planning pages) while they work.
 */
export async function indexSearch(records: SearchRecords, siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const { cacheDir, fingerprint = "", concurrency = 2, known = StatDigests.inMemory(), progress } = options;
  const started = performance.now();
  const folders = records.shards;
  const cacheRoot = cacheDir ? path.join(cacheDir, "search") : undefined;
  const results: SearchIndexReport["shards"] = [];
  const keys = new Set<string>();
  const pending: { folder: ShardFolder; target: string; cached?: string }[] = [];
  const damaged: string[] = [];
  // Each shard's distinct words, for the word directory.
  const wordFiles = new Map<string, string>();
  for (const folder of folders) {
    const { start, count } = folder;
    const key = createHash("sha256").update(fingerprint).update(folder.name).update(records.input(start, start + count)).digest("hex");
    keys.add(key);
    const target = path.join(siteDir, folder.path);
    const cached = cacheRoot ? path.join(cacheRoot, key) : undefined;
    const stored = cached ? storedDigests(cached) : undefined;
    // The output may be recycled from the last build (src/pipeline/output.ts) and hold this very shard already.
    if (cached && stored && known.digest(`${cached}.words`) === stored.words &&
      (treeMatches(target, stored.files, known.digest) || placeShard(cached, stored.files, target, known))) {
      results.push({ folder: folder.path, records: count, peakMiB: 0, seconds: 0, cpuSeconds: 0 });
      wordFiles.set(folder.name, `${cached}.words`);
      log(`shard ${folder.name}: ${counted(count, "article")}, from the cache`);
      continue;
    }
    if (cached && stored) {
      damaged.push(path.basename(cached));
      discardShard(cached);
    }
    pending.push({ folder, target, ...(cached ? { cached } : {}) });
  }
  const reused = results.length;
  log(`${counted(reused, "shard")} from the cache, checked in ${((performance.now() - started) / 1000).toFixed(2)} s`);

  // Everything up to the start of a shard's process is synchronous (see above).
  const scratch = makeScratch("search");
  // When only a few articles are to be indexed (publishing one), their words are cut here, at once, and the word
  // directory is written while Pagefind indexes them: the directory no longer waits for the newest shard.
  const early = pending.reduce((sum, p) => sum + p.folder.count, 0) <= EARLY_DIRECTORY_RECORDS;
  const earlyWords = new Map<string, string>();
  if (early) {
    const normalize = createNormalizer(searchCharTable());
    for (const { folder } of pending) {
      const file = path.join(scratch, `${folder.name}.early.words`);
      writeFileSync(file, cutShard(records.slice(folder.start, folder.start + folder.count), normalize).wordList);
      earlyWords.set(folder.name, file);
    }
  }
  const writeWordDirectory = () => {
    const directoryStarted = performance.now();
    return runWorker(DIRECTORY_WORKER, [String(records.buckets), siteDir, ...folders.map((f) => wordFiles.get(f.name) ?? earlyWords.get(f.name)!)])
      .then(() => log(`word directory: ${counted(records.buckets, "bucket")} over ${counted(folders.length, "shard")} in ${((performance.now() - directoryStarted) / 1000).toFixed(2)} s`),
        (error: WorkerError) => {
          throw new SearchIndexError(`the search index's word directory could not be written (${error.message})`, error.lines);
        });
  };
  const directory = early ? writeWordDirectory() : undefined;
  directory?.catch(() => undefined);
  progress?.start(pending.length);
  const indexing = mapLimited(pending, async (shard) => {
    const indexed = await indexShard(records, shard, scratch, known);
    wordFiles.set(shard.folder.name, indexed.words);
    results.push(indexed.report);
    progress?.indexed();
  }, concurrency);

  try {
    await indexing;
    const names = new Set(folders.map((f) => f.name));
    for (const entry of await readdir(path.join(siteDir, "pagefind"))) {
      if (!names.has(entry) && entry !== "words") await rm(path.join(siteDir, "pagefind", entry), { recursive: true, force: true });
    }
    await (directory ?? writeWordDirectory());
    const indexed = await countIndexedPages(siteDir, folders.map((f) => f.path));
    if (indexed !== records.count) {
      // Pagefind drops a record with no words; name the likely ones so an editor can fix them.
      const normalize = createNormalizer(searchCharTable());
      const wordless = records.slice(0, records.count).filter((r) => !/\S/.test(withWords(r, normalize).content))
        .map((r) => `${r.url} has no words to search (its title and text are only punctuation or pictures)`);
      throw new SearchIndexError(`the search index holds ${indexed} articles but ${records.count} are published`, wordless);
    }
    results.sort((a, b) => (a.folder < b.folder ? -1 : 1));
    if (cacheRoot) {
      for (const name of await readdir(cacheRoot).catch(() => [] as string[])) {
        if (!keys.has(name.replace(/\.(?:json|words)$/, ""))) await rm(path.join(cacheRoot, name), { recursive: true, force: true });
      }
    }
    return { records: indexed, reused, damaged, buckets: records.buckets, shards: results, bytes: treeBytes(path.join(siteDir, "pagefind")), seconds: (performance.now() - started) / 1000 };
  } finally {
    // A directory started early may still be reading the words cut for it.
    await directory?.catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Indexes one shard in its own process, then stores it in the cache (when there is one) under its key. */
async function indexShard(records: SearchRecords, { folder, target, cached }: { folder: ShardFolder; target: string; cached?: string },
  scratch: string, known: StatDigests): Promise<{ words: string; report: SearchIndexReport["shards"][number] }> {
  rmSync(target, { recursive: true, force: true });
  // The search page tells a result's shard by the filter it gives each shard it merges (src/browser/search-index.ts).
  const shardRecords = records.slice(folder.start, folder.start + folder.count);
  const file = path.join(scratch, `${folder.name}.json`);
  writeFileSync(file, JSON.stringify(shardRecords));
  const t0 = performance.now();
  const words = path.join(scratch, `${folder.name}.words`);
  const out = await runWorker<{ added: number; problems: string[]; peakKiB: number; cpuSeconds: number }>(WORKER, [file, target, words])
    .catch((error: WorkerError) => {
      throw new SearchIndexError(`search indexing failed (${error.message})`, error.lines);
    });
  if (out.problems.length > 0 || out.added !== shardRecords.length) {
    throw new SearchIndexError(`search shard ${folder.name} indexed ${out.added} of ${shardRecords.length} articles`, out.problems);
  }
  await pruneBundle(target);
  if (cached) {
    // Under a temporary name first, and its digests last: an interrupted build leaves no shard under a valid key.
    discardShard(cached);
    await rm(`${cached}.partial`, { recursive: true, force: true });
    copyTree(target, `${cached}.partial`);
    await rename(`${cached}.partial`, cached);
    const wordList = readFileSync(words);
    writeFileSync(`${cached}.words`, wordList);
    const files = treeDigests(cached);
    noteTree(known, target, files);
    writeFileSync(`${cached}.json.partial`, JSON.stringify({ files, words: digest(wordList) } satisfies StoredShard));
    await rename(`${cached}.json.partial`, `${cached}.json`);
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`shard ${folder.name}: ${counted(out.added, "article")} indexed in ${seconds.toFixed(2)} s, Pagefind peak ${Math.round(out.peakKiB / 1024)} MiB`);
  return { words: cached ? `${cached}.words` : words, report: { folder: folder.path, records: out.added, peakMiB: Math.round(out.peakKiB / 1024), seconds, cpuSeconds: out.cpuSeconds } };
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

/** Pagefind also writes its UI kits and playground; the search page uses only the search API, so they go. */
async function pruneBundle(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\.|^playground$/.test(entry)) {
      await rm(path.join(dir, entry), { recursive: true, force: true });
    }
  }
}

/** What is kept beside a cached shard: the digest of each of its files, and of its list of words. */
interface StoredShard {
  files: Record<string, string>;
  words: string;
}

/** The digests a cached shard was stored with, or undefined when it has none (never finished, or unreadable). */
function storedDigests(cached: string): StoredShard | undefined {
  try {
    const stored = JSON.parse(readFileSync(`${cached}.json`, "utf8")) as Partial<StoredShard>;
    return typeof stored.files === "object" && stored.files !== null && typeof stored.words === "string" ? stored as StoredShard : undefined;
  } catch {
    return undefined;
  }
}

/** Copies a cached shard into the output when its files are the ones stored; false when they are not. */
function placeShard(cached: string, digests: Record<string, string>, target: string, known: StatDigests): boolean {
  if (!treeMatches(cached, digests, known.digest)) return false;
  rmSync(target, { recursive: true, force: true });
  copyTree(cached, target);
  noteTree(known, target, digests);
  return true;
}

/** Records the digests of a shard's files just copied into `dir`, so that the next build that recycles them does not read them. */
function noteTree(known: StatDigests, dir: string, digests: Readonly<Record<string, string>>): void {
  for (const [file, sum] of Object.entries(digests)) known.note(path.join(dir, file), sum);
}

function discardShard(cached: string): void {
  rmSync(cached, { recursive: true, force: true });
  rmSync(`${cached}.json`, { force: true });
  rmSync(`${cached}.words`, { force: true });
}
