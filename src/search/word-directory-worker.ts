/**
 * The word directory written in its own process (src/search/word-directory.ts), so that the build process never
 * holds every word of the archive. Arguments (src/util/worker.ts): the number of buckets, the site folder, then each
 * shard's list of words in shard order. Prints its peak memory in KiB.
 */
import { workerArguments } from "../util/worker.ts";
import { writeDirectory } from "./word-directory.ts";

const [buckets, siteDir, ...wordFiles] = await workerArguments();
writeDirectory(wordFiles, siteDir!, Number(buckets));
console.log(JSON.stringify({ peakKiB: process.resourceUsage().maxRSS }));
