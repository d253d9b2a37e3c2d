/**
 * One batch of pages rendered with Eleventy in its own process (see src/pipeline/render.ts). Arguments
 * (src/util/worker.ts): a batch file (src/pipeline/batch.ts), the project root and the output folder. Eleventy is loaded
 * before the arguments arrive, while the build is still planning the pages. Prints its peak memory in KiB and its CPU
 * seconds.
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import type { PageBase } from "../portal/types.ts";
import { handOver } from "./handover.ts";
import { ownCpuSeconds } from "../util/cpu.ts";
import { readFrames } from "../util/frames.ts";
import { workerArguments } from "../util/worker.ts";

const [batchFile, root, outDir] = await workerArguments();
// The batch without its pages, then its pages in parts (src/pipeline/batch.ts writeBatch).
const [head, ...parts] = readFrames(batchFile!) as [Omit<PortalBatch, "pages">, ...PageBase[][]];
handOver({ ...head, pages: parts.flat() });
const eleventy = new Eleventy(path.join(root!, ELEVENTY_INPUT), outDir!, { configPath: path.join(root!, ".eleventy.ts"), quietMode: true });
await eleventy.write();
console.log(JSON.stringify({ peakKiB: process.resourceUsage().maxRSS, cpuSeconds: ownCpuSeconds() }));
