/**
 * Rendering the portal's pages with Eleventy into the staging folder. A rebuild's few pages are rendered in this
 * process. A large set is cut into batches, each rendered by a child process (src/build/render-worker.ts) from
 * its own pages' data only, two at a time for the machine's two cores: Eleventy holds on to what it rendered
 * until its process ends, so no process ever holds more than one batch of it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serialize } from "node:v8";
import Eleventy from "@11ty/eleventy";
import type { Portal } from "../portal/build-portal.ts";
import { providePortal, type PortalBatch } from "./portal-source.ts";
import { positiveInteger } from "../util/env.ts";
import { mapLimited } from "../util/map-limited.ts";
import { runWorker, WorkerError } from "../util/worker.ts";

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "render-worker.ts");

/** Pages one Eleventy process renders: it peaks near 600 MiB. */
const RENDER_BATCH = 6000;

export interface RenderOptions {
  root: string;
  outDir: string;
  /** Output paths to render (the rest come from the build cache). */
  render: ReadonlySet<string>;
  /** BROADSHEET_RENDER_BATCH overrides the batch size (tests use it to exercise batches on a small portal). */
  env?: NodeJS.ProcessEnv;
  concurrency?: number;
}

export interface RenderReport {
  /** Child processes used (0: rendered in this process). */
  processes: number;
  /** The largest peak memory of a child process, in MiB. */
  peakMiB: number;
}

/** Renders `render` out of `portal`; feeds, sitemaps, assets and pictures always, once. */
export async function renderPortal(portal: Portal, options: RenderOptions): Promise<RenderReport> {
  const { root, outDir, render, env = process.env, concurrency = 2 } = options;
  const size = positiveInteger(env.BROADSHEET_RENDER_BATCH, RENDER_BATCH);
  const paths = [...render];
  if (paths.length <= size) {
    await renderHere(root, outDir, batchOf(portal, render, true));
    return { processes: 0, peakMiB: 0 };
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "broadsheet-render-"));
  try {
    const batches = Array.from({ length: Math.ceil(paths.length / size) }, (_, i) => paths.slice(i * size, (i + 1) * size));
    const peaks = await mapLimited(batches, async (batch, i) => {
      const file = path.join(scratch, `batch-${i}.v8`);
      await writeFile(file, serialize(batchOf(portal, new Set(batch), i === 0)));
      const report = await runWorker<{ peakKiB: number }>(WORKER, [file, root, outDir], root).catch((error: WorkerError) => {
        throw new WorkerError(`rendering a batch of pages failed (${error.message})`, error.lines);
      });
      return report.peakKiB;
    }, concurrency);
    return { processes: batches.length, peakMiB: Math.round(Math.max(...peaks) / 1024) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The data of the pages in `render`; the first batch also carries the files, pictures and assets. */
function batchOf(portal: Portal, render: ReadonlySet<string>, first: boolean): PortalBatch {
  const wanted = <T extends { outputPath: string }>(pages: T[]) => pages.filter((p) => render.has(p.outputPath));
  return {
    home: wanted(portal.home), articles: wanted(portal.articles), lists: wanted(portal.lists),
    archives: wanted(portal.archives), pages: wanted(portal.pages), search: wanted(portal.search),
    files: first ? portal.files : [], images: first ? portal.images : [], copyAssets: first,
    pathPrefix: portal.pathPrefix, stats: portal.stats,
  };
}

export async function renderHere(root: string, outDir: string, batch: PortalBatch): Promise<void> {
  providePortal(batch);
  try {
    const eleventy = new Eleventy(path.join(root, "content"), outDir, { configPath: path.join(root, ".eleventy.ts"), quietMode: true });
    await eleventy.write();
  } finally {
    providePortal(undefined);
  }
}
