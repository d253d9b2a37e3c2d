/**
 * One shard of the search index, built in its own process so that no process holds more than one shard's
 * index in memory. Arguments (src/util/worker.ts): a JSON file of records (without their words,
 * which are cut here), the folder for its Pagefind bundle, and a file for the shard's distinct words (sorted, one a
 * line, for the word directory: src/search/word-directory.ts).
 * Pagefind's result fragments are replaced by the search page's result cards (src/search/card-writer.ts).
 * Prints one JSON line: records added, errors, the Pagefind service's peak memory, and the CPU seconds of this
 * process and of the service together.
 * https://pagefind.app/docs/node-api/
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as pagefind from "pagefind";
import { searchCharTable } from "./char-table.ts";
import { createNormalizer } from "./normalize.ts";
import { writeCards } from "./card-writer.ts";
import { cutShard, type RecordSource } from "./records.ts";
import { SEARCH_LANGUAGE_CODE as SEARCH_LANGUAGE } from "./shards.ts";
import { ownCpuSeconds, processCpuSeconds } from "../util/cpu.ts";
import { workerArguments } from "../util/worker.ts";


const [recordsFile, outputPath, wordsFile] = await workerArguments();
// The records with their words, and the directory's words: every word the index holds, and every character (the
// index holds most only inside pairs).
const { records, wordList } = cutShard(JSON.parse(await readFile(recordsFile!, "utf8")) as RecordSource[], createNormalizer(searchCharTable()));
const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, keepIndexUrl: false });
if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
const problems: string[] = [];
let added = 0;
// All at once: the service takes them in the order sent (so the index is the same), and neither side waits for the
// other between records.
// Without their meta: Pagefind indexes every meta value as words of its own (each run of the text one word), which
// made a shard's index a quarter larger, with chunks of 700 KB; what a result shows goes to its card instead.
const responses = await Promise.all(records.map(({ meta: _shown, ...record }) => index.addCustomRecord({ ...record, meta: {}, language: SEARCH_LANGUAGE })));
responses.forEach((response, i) => {
  if (response.errors.length > 0) problems.push(`${records[i]!.url}: ${response.errors.join("; ")}`);
  else added++;
});
const written = await index.writeFiles({ outputPath: outputPath! });
writeFileSync(wordsFile!, wordList);
problems.push(...written.errors);
// What the search page shows of each result, in place of Pagefind's fragments (src/search/result-card.ts). A record
// Pagefind dropped has neither; the indexer counts the pages of every shard against the published articles.
if (written.errors.length === 0) writeCards(outputPath!, new Map(records.map((r) => [r.url, r.meta])));
const service = serviceUsage();
await pagefind.close();
console.log(JSON.stringify({ added, problems, peakKiB: service.peakKiB, cpuSeconds: ownCpuSeconds() + service.cpuSeconds }));

/** Peak resident memory and CPU time of the Pagefind service (a child binary of this process), from /proc on Linux. */
function serviceUsage(): { peakKiB: number; cpuSeconds: number } {
  const usage = { peakKiB: 0, cpuSeconds: 0 };
  try {
    for (const pid of execFileSync("pgrep", ["-P", String(process.pid)]).toString().trim().split("\n")) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      usage.peakKiB = Math.max(usage.peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      usage.cpuSeconds += processCpuSeconds(Number(pid));
    }
  } catch {
    // No pgrep or no /proc: the figures stay 0.
  }
  return usage;
}
