/**
 * The build's report: a line per step as it ends (its time and this process's peak memory so far), the search
 * index's line, and the summary. Details beyond these are on the debug channels (src/util/debug.ts).
 */
import type { SearchIndexReport } from "../search/indexer.ts";
import { ownCpuSeconds } from "../util/cpu.ts";
import { counted } from "../util/plural.ts";

/** Peak resident memory of this process so far. */
export function peakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Logs `Step: <name>: 1.23 s (peak 456 MiB, CPU 1.10 s)` each time a step ends, timed from the end of the one
 * before; the CPU is this process's (the render and search processes report theirs in `cpuLine`).
 */
export function stepReporter(log: (line: string) => void): (name: string) => void {
  let lap = performance.now();
  let cpu = ownCpuSeconds();
  return (name) => {
    const now = performance.now();
    const cpuNow = ownCpuSeconds();
    log(`Step: ${name}: ${((now - lap) / 1000).toFixed(2)} s (peak ${peakMiB()} MiB, CPU ${(cpuNow - cpu).toFixed(2)} s)`);
    lap = now;
    cpu = cpuNow;
  };
}

/** CPU seconds by process, over a build of `seconds` (wall-clock). */
export interface CpuUse {
  seconds: number;
  /** Processes allowed at once. */
  jobs: number;
  /** The build process. */
  build: number;
  /** The render processes together. */
  render: number;
  /** The search index's processes (each shard's, with its Pagefind service) together. */
  search: number;
}

/** `CPU: 250.1 s, 1.94 cores busy on average, 2 jobs (build process 12.0 s, render 54.1 s, search index 184.0 s)`. */
export function cpuLine(use: CpuUse): string {
  const total = use.build + use.render + use.search;
  return `CPU: ${total.toFixed(1)} s, ${(total / Math.max(use.seconds, 1e-3)).toFixed(2)} cores busy on average, ${counted(use.jobs, "job")} ` +
    `(build process ${use.build.toFixed(1)} s, render ${use.render.toFixed(1)} s, search index ${use.search.toFixed(1)} s)`;
}

export function searchIndexLine(search: SearchIndexReport): string {
  const indexed = search.shards.filter((s) => s.seconds > 0);
  const articles = indexed.reduce((sum, s) => sum + s.records, 0);
  // Time the shard processes took per article they indexed (shards from the cache are not counted).
  const msPerArticle = (indexed.reduce((sum, s) => sum + s.seconds, 0) * 1000 / Math.max(1, articles)).toFixed(1);
  const pagefind = search.shards.some((s) => s.peakMiB > 0)
    ? ` (Pagefind peak ${Math.max(...search.shards.map((s) => s.peakMiB))} MiB, ${msPerArticle} ms of a shard process an article indexed)`
    : "";
  return `Search index: ${counted(search.records, "article")} in ${search.shards.length} shard(s) (${search.reused} from the cache), ` +
    `${(search.bytes / 1024 / 1024).toFixed(1)} MiB, ${search.seconds.toFixed(2)} s${pagefind}`;
}

export interface Summary {
  published: number;
  files: number;
  outDir: string;
  seconds: number;
  drafts: number;
  next?: { file: string; date: string };
}

export function summaryLines(summary: Summary): string[] {
  return [
    `Built ${counted(summary.published, "article")}, ${counted(summary.files, "file")} into ${summary.outDir}/ in ${summary.seconds.toFixed(2)} s (peak memory ${peakMiB()} MiB)`,
    ...(summary.drafts > 0 ? [`${counted(summary.drafts, "draft")} left out`] : []),
    ...(summary.next ? [`Next publication: ${summary.next.date} (${summary.next.file}); rebuild then to publish it`] : []),
  ];
}
