/**
 * One batch of pages rendered with Eleventy in its own process (see src/pipeline/render.ts). Arguments
 * (src/util/worker.ts): a batch file (src/pipeline/batch.ts), the project root and the output folder. On its command
 * line: the output folder, and `first` for the batch that also writes feeds, assets and public/. Eleventy is loaded,
 * and its configuration read, before the arguments arrive, while the build is still loading the content and planning
 * the pages. Prints its peak memory in KiB and its CPU seconds.
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import type { PageBase } from "../portal/types.ts";
import { expectHandOver, handOver } from "./handover.ts";
import { ownCpuSeconds } from "../util/cpu.ts";
import { readFrames } from "../util/frames.ts";
import { workerArguments } from "../util/worker.ts";

const [startedFor, first] = process.argv.slice(2);
const root = process.cwd();
expectHandOver(first === "first");
const eleventy = new Eleventy(path.join(root, ELEVENTY_INPUT), startedFor!, { configPath: path.join(root, ".eleventy.ts"), quietMode: true });
const ready = eleventy.init();
ready.catch(() => undefined);
const [batchFile, , outDir] = await workerArguments();
if (outDir !== startedFor) throw new Error(`render process started for ${startedFor} was given ${outDir}`);
// The batch without its pages, then its pages in parts (src/pipeline/batch.ts writeBatch).
const [head, ...parts] = readFrames(batchFile!) as [Omit<PortalBatch, "pages">, ...PageBase[][]];
handOver({ ...head, pages: parts.flat() });
const t1 = performance.now();
await ready;
const t2 = performance.now();
await eleventy.write();
const seconds = (from: number, to = performance.now()) => Number(((to - from) / 1000).toFixed(2));
// How long the batch waited for Eleventy to be ready (loading its configuration), and how long writing took.
console.log(JSON.stringify({ peakKiB: process.resourceUsage().maxRSS, cpuSeconds: ownCpuSeconds(), waited: seconds(t1, t2), wrote: seconds(t2) }));
