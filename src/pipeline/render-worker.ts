/**
 * One batch of pages rendered with Eleventy in its own process (see src/pipeline/render.ts). Arguments
 * (src/util/worker.ts): a v8-serialised PortalBatch file, the project root and the output folder. Eleventy is loaded
 * before the arguments arrive, while the build is still planning the pages. Prints its peak memory in KiB and its CPU
 * seconds.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { deserialize } from "node:v8";
import Eleventy from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import type { PortalBatch } from "../eleventy/batch.ts";
import { handOver } from "./handover.ts";
import { ownCpuSeconds } from "../util/cpu.ts";
import { workerArguments } from "../util/worker.ts";

const [batchFile, root, outDir] = await workerArguments();
handOver(deserialize(await readFile(batchFile!)) as PortalBatch);
const eleventy = new Eleventy(path.join(root!, ELEVENTY_INPUT), outDir!, { configPath: path.join(root!, ".eleventy.ts"), quietMode: true });
await eleventy.write();
console.log(JSON.stringify({ peakKiB: process.resourceUsage().maxRSS, cpuSeconds: ownCpuSeconds() }));
