/**
 * Rendering the portal's pages with Eleventy into the staging folder, always in child processes
 * (src/pipeline/render-worker.ts): the first is started with the build (startRenderer), so it loads Eleventy on the
 * other core while this process loads the content and plans the pages. A large set is cut into batches, each rendered from
 * its own pages' data only, as many at a time as the build has jobs (and at least one batch a job, when there are
 * pages enough to be worth a process): Eleventy holds on to what it rendered until
 * its process ends, so no process ever holds more than one batch of it.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserAsset } from "../browser/bundle.ts";
import type { Portal } from "../portal/portal.ts";
import { writeBatch } from "./batch.ts";
import { positiveInteger } from "../util/env.ts";
import { mapLimited } from "../util/map-limited.ts";
import { debug } from "../util/debug.ts";
import { counted } from "../util/plural.ts";
import { makeScratch } from "../util/scratch.ts";
import { Worker, WorkerError } from "../util/worker.ts";

const log = debug("render");
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "render-worker.ts");

/** Pages one Eleventy process renders at most: Eleventy keeps what it rendered until its process ends. */
const RENDER_BATCH = 6000;

/** Pages below which a batch is not worth a process of its own (starting Eleventy takes about a second). */
const SMALLEST_BATCH = 1000;

type Renderer = Worker<{ peakKiB: number; cpuSeconds: number; waited?: number; wrote?: number }>;

/**
 * Starts the process that renders the first (for a rebuild, the only) batch of this build's pages into `outDir`
 * (the staging folder): it loads Eleventy and its configuration while the build loads the content.
 */
export function startRenderer(root: string, outDir: string): Renderer {
  return new Worker(WORKER, root, [outDir, "first"]);
}

export interface RenderOptions {
  root: string;
  outDir: string;
  /** Output paths to render (the rest come from the build cache). */
  render: ReadonlySet<string>;
  /** The process from startRenderer, for the first batch. */
  renderer: Renderer;
  /** The browser code, written with the first batch. */
  assets: BrowserAsset[];
  /** BROADSHEET_RENDER_BATCH overrides the batch size (tests use it to exercise batches on a small portal). */
  env?: NodeJS.ProcessEnv;
  /** Batches rendered at once (the build's jobs). */
  concurrency?: number;
  /** Told the pages of each batch as it is written (the build's progress line). */
  onRendered?: (pages: number) => void;
}

export interface RenderReport {
  /** Batches, each rendered by its own process. */
  processes: number;
  /** The largest peak memory of a render process, in MiB. */
  peakMiB: number;
  /** CPU seconds of the render processes together. */
  cpuSeconds: number;
}

/** Renders `render` out of `portal`; feeds, sitemaps, assets and pictures always, once (with the first batch). */
export async function renderPortal(portal: Portal, options: RenderOptions): Promise<RenderReport> {
  const { root, outDir, render, renderer, assets, env = process.env, concurrency = 2, onRendered } = options;
  const size = positiveInteger(env.BROADSHEET_RENDER_BATCH, RENDER_BATCH);
  const paths = [...render];
  const scratch = makeScratch("render");
  try {
    const count = Math.max(1, Math.ceil(paths.length / size), Math.min(concurrency, Math.floor(paths.length / SMALLEST_BATCH)));
    const each = Math.ceil(paths.length / count);
    const batches = Array.from({ length: count }, (_, i) => paths.slice(i * each, (i + 1) * each));
    const reports = await mapLimited(batches, async (batch, i) => {
      const file = path.join(scratch, `batch-${i}.v8`);
      writeBatch(file, portal, assets, new Set(batch), i === 0);
      const worker: Renderer = i === 0 ? renderer : new Worker(WORKER, root, [outDir]);
      log(`batch ${i + 1} of ${batches.length}: ${counted(batch.length, "page")}`);
      const report = await worker.run([file, root, outDir]).catch((error: WorkerError) => {
        throw new WorkerError(`rendering a batch of pages failed (${error.message})`, error.lines);
      });
      log(`batch ${i + 1} rendered, peak ${Math.round(report.peakKiB / 1024)} MiB (waited ${report.waited} s for Eleventy, wrote in ${report.wrote} s)`);
      onRendered?.(batch.length);
      return report;
    }, concurrency);
    return {
      processes: batches.length,
      peakMiB: Math.round(Math.max(...reports.map((r) => r.peakKiB)) / 1024),
      cpuSeconds: reports.reduce((sum, r) => sum + r.cpuSeconds, 0),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
