/**
 * Rendering the portal's pages with Eleventy into the staging folder, always in child processes
 * (src/pipeline/render-worker.ts): the first is started with the build (startRenderer), so it loads Eleventy on the
 * other core while this process loads the content and plans the pages. A large set is cut into batches, each rendered from
 * its own pages' data only, two at a time for the machine's two cores: Eleventy holds on to what it rendered until
 * its process ends, so no process ever holds more than one batch of it.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import type { BrowserAsset } from "../browser/bundle.ts";
import type { Portal } from "../portal/portal.ts";
import { portalBatch } from "./batch.ts";
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

type Renderer = Worker<{ peakKiB: number }>;

/** Starts the process that renders the first (for a rebuild, the only) batch of this build's pages. */
export function startRenderer(root: string): Renderer {
  return new Worker(WORKER, root);
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
  concurrency?: number;
}

export interface RenderReport {
  /** Batches, each rendered by its own process. */
  processes: number;
  /** The largest peak memory of a render process, in MiB. */
  peakMiB: number;
}

/** Renders `render` out of `portal`; feeds, sitemaps, assets and pictures always, once (with the first batch). */
export async function renderPortal(portal: Portal, options: RenderOptions): Promise<RenderReport> {
  const { root, outDir, render, renderer, assets, env = process.env, concurrency = 2 } = options;
  const size = positiveInteger(env.BROADSHEET_RENDER_BATCH, RENDER_BATCH);
  const paths = [...render];
  const scratch = makeScratch("render");
  try {
    const batches = Array.from({ length: Math.max(1, Math.ceil(paths.length / size)) }, (_, i) => paths.slice(i * size, (i + 1) * size));
    const peaks = await mapLimited(batches, async (batch, i) => {
      const file = path.join(scratch, `batch-${i}.v8`);
      await writeFile(file, serialize(portalBatch(portal, assets, new Set(batch), i === 0)));
      const worker = i === 0 ? renderer : new Worker<{ peakKiB: number }>(WORKER, root);
      log(`batch ${i + 1} of ${batches.length}: ${counted(batch.length, "page")}`);
      const report = await worker.run([file, root, outDir]).catch((error: WorkerError) => {
        throw new WorkerError(`rendering a batch of pages failed (${error.message})`, error.lines);
      });
      log(`batch ${i + 1} rendered, peak ${Math.round(report.peakKiB / 1024)} MiB`);
      return report.peakKiB;
    }, concurrency);
    return { processes: batches.length, peakMiB: Math.round(Math.max(...peaks) / 1024) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
