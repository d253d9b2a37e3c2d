/**
 * One batch of pages rendered in its own process (see src/build/render.ts). Input: a v8-serialised PortalBatch
 * (argv[2]), the project root and the output folder. Prints its peak memory in KiB.
 */
import { readFile } from "node:fs/promises";
import { deserialize } from "node:v8";
import { renderHere } from "./render.ts";

const [batchFile, root, outDir] = process.argv.slice(2);
await renderHere(root!, outDir!, deserialize(await readFile(batchFile!)));
console.log(JSON.stringify({ peakKiB: process.resourceUsage().maxRSS }));
