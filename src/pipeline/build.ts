/**
 * The production build: load and check all content (stop on any error, `_site/` untouched), plan the portal at
 * the build's reference time, render it with Eleventy into a staging folder while the search index is written,
 * verify it, then publish it (swap it in).
 */
import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { loadContent } from "../content/load.ts";
import { formatProblem, warningReport } from "../content/problems.ts";
import { formatIso } from "../dates.ts";
import { localizePortal, renderedPages, planPages, type Portal } from "../portal/portal.ts";
import { withLinkProblems } from "../portal/site-links.ts";
import { positiveInteger } from "../util/env.ts";
import { acquireLock } from "../util/lock.ts";
import { Memo } from "../util/memo.ts";
import { DiskTextStore } from "../util/text-store.ts";
import { sweepScratch } from "../util/scratch.ts";
import { StatDigests } from "../util/stat-digests.ts";
import type { BrowserAsset } from "../browser/bundle.ts";
import { discard, openStaging, recycleStaging, publishOutput, stagingDir, sweepLeftovers } from "./output.ts";
import { codeFingerprint, PageCache } from "./page-cache.ts";
import { progressLine, type Counter, type Progress } from "../util/progress.ts";
import { cacheDirOf } from "./cache-reader.ts";
import { renderPortal, startRenderer } from "./render.ts";
import { verifyOutput } from "./verify.ts";
import { indexSearch, type SearchIndexReport } from "../search/indexer.ts";
import { lazyRecords, searchLayout } from "../search/records.ts";
import { counted } from "../util/plural.ts";
import { filesUnder } from "../util/files.ts";
import { cpuLine, searchIndexLine, stepReporter, summaryLines } from "./report.ts";
import { ownCpuSeconds } from "../util/cpu.ts";

export interface BuildOptions {
  /** Project root (where content/, templates/ and .eleventy.ts are); Eleventy reads paths relative to it. */
  root: string;
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /**
   * Processes run at once (render batches, search shards): by default BROADSHEET_JOBS, or as many as the machine has
   * cores. The output does not depend on it.
   */
  jobs?: number;
}

export interface BuildReport {
  portal: Portal;
  files: number;
  seconds: number;
  reference: string;
}

/** The content has errors: nothing was built. `lines` name each one (file, line, field). */
export class ContentError extends Error {
  constructor(readonly lines: string[]) {
    super(`${counted(lines.length, "content problem")}:\n${lines.join("\n")}`);
    this.name = "ContentError";
  }
}

export class BuildError extends Error {
  constructor(message: string, readonly lines: string[] = []) {
    super(message);
    this.name = "BuildError";
  }
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const root = path.resolve(options.root);
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const outDir = path.resolve(root, options.outDir ?? "_site");
  const cacheDir = cacheDirOf(root, env);
  // One build at a time in a cache and in an output folder (always taken in this order): a second one waits.
  const waitMs = positiveInteger(env.BROADSHEET_LOCK_WAIT, 1800) * 1000;
  await mkdir(path.dirname(cacheDir), { recursive: true });
  const locks = [await acquireLock(`${cacheDir}.lock`, { what: path.relative(root, cacheDir) || cacheDir, waitMs, log })];
  try {
    locks.push(await acquireLock(lockFile(outDir), { what: `${path.basename(outDir)}/`, waitMs, log }));
    sweepLeftovers(outDir);
    sweepScratch();
    // Started first, so that it loads Eleventy on the other core while this process loads the content and plans the pages.
    const renderer = startRenderer(root, stagingDir(outDir));
    try {
      const jobs = options.jobs ?? positiveInteger(env.BROADSHEET_JOBS, availableParallelism());
      return await build({ ...options, root, env, log, outDir, cacheDir, jobs }, renderer);
    } finally {
      renderer.stop();
    }
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}

/** The lock file of an output folder, beside it: `._site.lock`. */
export function lockFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.lock`);
}

type Settled = Required<Omit<BuildOptions, "outDir" | "jobs">> & { outDir: string; cacheDir: string; jobs: number };

/** What the build has made ready before its long steps begin. */
interface Begun {
  started: number;
  cpuAtStart: number;
  step: (name: string) => void;
  fingerprint: string;
  memoDir: string;
  memo: Memo;
  store: DiskTextStore;
  known: StatDigests;
}

async function build(options: Settled, renderer: ReturnType<typeof startRenderer>): Promise<BuildReport> {
  const started = performance.now();
  const cpuAtStart = ownCpuSeconds();
  const { env, log, root, cacheDir } = options;
  const step = stepReporter(log);
  const fingerprint = await codeFingerprint(root);
  // Articles loaded and converted by earlier builds, by content: only new and changed files are parsed again.
  const memoDir = path.join(cacheDir, "content");
  const memo = Memo.read(memoDir, fingerprint);
  for (const bucket of memo.damaged) {
    log(`warning: build cache: ${path.relative(root, bucket)} was damaged (its checksum does not match); discarded, its articles are read again`);
  }
  // Article bodies, and their conversions, are kept on disk and read when a page or a search shard needs them.
  const store = new DiskTextStore(path.join(cacheDir, "bodies"));
  // Files hashed by earlier builds, known again by their inode and times (src/util/stat-digests.ts): an unchanged
  // article is not even read, a recycled page or a cached search shard is not read again.
  const known = StatDigests.read(path.join(cacheDir, "file-digests.json"));
  const shown = progressLine({ env });
  try {
    return await buildWithProgress(options, renderer, { started, cpuAtStart, step, fingerprint, memoDir, memo, store, known }, shown);
  } finally {
    shown.stop();
  }
}

/** Counts of the build's long steps for its progress line: articles loaded, pages rendered, shards indexed. */
function buildCounters(shown: Progress) {
  let loading: Counter | undefined;
  let indexing: Counter | undefined;
  return {
    load: { start: (files: number) => (loading = shown.counter("讀取文章 (articles loaded)", files)), loaded: () => loading?.add() },
    loadEnded: () => loading?.end(),
    search: { start: (shards: number) => (indexing = shards > 0 ? shown.counter("搜尋索引分片 (search shards)", shards) : undefined), indexed: () => indexing?.add() },
    searchEnded: () => indexing?.end(),
  };
}

async function buildWithProgress(options: Settled, renderer: ReturnType<typeof startRenderer>, begun: Begun, shown: Progress): Promise<BuildReport> {
  const { env, log, root, outDir, cacheDir, jobs } = options;
  const { started, cpuAtStart, step, fingerprint, memoDir, memo, store, known } = begun;
  const counters = buildCounters(shown);
  const content = withLinkProblems(await loadContent(root, { env, memo, store, digestOf: known.digest, progress: counters.load }), root);
  counters.loadEnded();
  for (const line of warningReport(content.problems.filter((p) => p.severity === "warning"))) log(line);
  const errors = content.problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content.site) throw new ContentError(errors.map(formatProblem));
  const site = content.site;

  const { now } = content;
  const reference = formatIso(now, site.timeZone);
  log(`Build reference time: ${reference}${env.SOURCE_DATE_EPOCH ? " (SOURCE_DATE_EPOCH)" : ""}`);
  const localized = localizePortal({ ...content, site }, { now, memo, store });
  const searchRecords = lazyRecords(localized.searchViews, site.timeZone);
  step("load and convert");

  const staged = openStaging(outDir, cacheDir);
  let searching: Promise<SearchIndexReport> | undefined;
  try {
    // The search index needs only the records, so it is built (in its own processes, under pagefind/) while the
    // pages are planned and rendered: its processes are running when the call returns.
    searching = indexSearch(searchRecords, staged, { cacheDir, fingerprint, concurrency: jobs, known, progress: counters.search });
    searching.catch(() => undefined);
    step("start the search index");
    const portal = planPages(localized, searchLayout(searchRecords));
    step("plan pages, feeds and sitemaps");
    const cache = new PageCache(cacheDir, fingerprint);
    const pages = renderedPages(portal);
    const plan = await cache.plan(pages);
    step("look up the page cache");
    // Every page and file the portal holds (archives and static pages included).
    const outputs = [...pages, ...portal.files].map((p) => p.outputPath);
    const placed = recycleStaging(staged, new Map(plan.reuse.map((r) => [r.outputPath, r.digest])), outputs, ["pagefind/"], log, known.digest);
    step(`recycle the previous output (${counted(placed.size, "page")} kept)`);
    for (const entry of cache.place(plan, staged, placed, known)) {
      log(`warning: build cache: page ${entry} was damaged (its bytes are not the ones stored); discarded, the page is rendered again`);
    }
    step("place cached pages");
    const rendering = shown.counter("渲染頁面 (pages rendered)", plan.render.size);
    const rendered = await renderPortal(portal, { root, outDir: staged, render: plan.render, renderer, assets: await browserCode(memo), env, concurrency: jobs, onRendered: (n) => rendering.add(n) });
    rendering.end();
    step(`render (${plan.render.size} of ${counted(pages.length, "page")}; ${plan.reuse.length} from the cache; ` +
      `${counted(rendered.processes, "batch", "batches")} in child processes, peak ${rendered.peakMiB} MiB each at most)`);
    // Every one of them must have been written. The pages are checked and cached while the search index is
    // finished in its own processes (it checks its own files).
    const verified = await verifyOutput({
      dir: staged, expected: outputs, pathPrefix: site.pathPrefix, skip: ["pagefind/"],
      ...(plan.reuse.length > 0 ? { checkLinksOf: plan.render } : {}),
    });
    if (verified.problems.length > 0) {
      throw new BuildError(`the built site failed its checks (${counted(verified.problems.length, "problem")})`, verified.problems);
    }
    step("verify");
    await cache.store(plan, staged, known);
    memo.save(memoDir);
    store.settle();
    step("cache");
    const search = await searching;
    counters.searchEnded();
    known.save();
    step("search index (finishing)");
    for (const shard of search.damaged) {
      log(`warning: build cache: search shard ${shard} was damaged (its files are not the ones stored); discarded and indexed again`);
    }
    for (const key of store.damaged) {
      log(`warning: build cache: the stored body ${key} was damaged (its checksum does not match); discarded, its article was read again`);
    }
    log(searchIndexLine(search));
    // The pages were listed by the check; the index's files are counted now that they are written.
    const files = verified.files.length + filesUnder(path.join(staged, "pagefind")).length;
    await publishOutput(staged, outDir, cacheDir, log);
    step("publish");
    const seconds = (performance.now() - started) / 1000;
    log(cpuLine({ seconds, jobs, build: ownCpuSeconds() - cpuAtStart, render: rendered.cpuSeconds, search: search.shards.reduce((sum, s) => sum + s.cpuSeconds, 0) }));
    const { stats } = portal;
    const summary = { published: stats.published, files, outDir: path.relative(root, outDir) || ".", seconds, drafts: stats.drafts };
    for (const line of summaryLines({ ...summary, ...(stats.next ? { next: stats.next } : {}) })) log(line);
    return { portal, files, seconds, reference };
  } catch (error) {
    await searching?.catch(() => undefined);
    await discard(staged);
    throw error;
  }
}

/** The browser code, bundled once for each version of the code (the memo is emptied when the code changes). */
async function browserCode(memo: Memo): Promise<BrowserAsset[]> {
  let assets = memo.get<BrowserAsset[]>("browser-assets");
  if (!assets) {
    const { browserAssets } = await import("../browser/bundle.ts");
    memo.set("browser-assets", (assets = browserAssets()));
  }
  return assets;
}
