/**
 * One shard of the search index, built in its own process so that no process holds more than one shard's
 * index in memory. Arguments (src/util/worker.ts): a JSON file of records (without their words,
 * which are cut here), the folder for its Pagefind bundle, and a file for the shard's distinct words (sorted, one a
 * line, for the word directory: src/search/word-directory.ts).
 * Prints one JSON line: records added, errors, and the Pagefind service's peak memory.
 * https://pagefind.app/docs/node-api/
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as pagefind from "pagefind";
import { searchCharTable } from "./char-table.ts";
import { createNormalizer } from "./normalize.ts";
import { withWords, type RecordSource } from "./records.ts";
import { SEARCH_LANGUAGE_CODE as SEARCH_LANGUAGE } from "./shards.ts";
import { workerArguments } from "../util/worker.ts";


const [recordsFile, outputPath, wordsFile] = await workerArguments();
const normalize = createNormalizer(searchCharTable());
const records = (JSON.parse(await readFile(recordsFile!, "utf8")) as RecordSource[]).map((r) => withWords(r, normalize));
const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, keepIndexUrl: false });
if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
const problems: string[] = [];
let added = 0;
for (const record of records) {
  const response = await index.addCustomRecord({ ...record, language: SEARCH_LANGUAGE });
  if (response.errors.length > 0) problems.push(`${record.url}: ${response.errors.join("; ")}`);
  else added++;
}
const written = await index.writeFiles({ outputPath: outputPath! });
const words = new Set<string>();
for (const record of records) for (const word of record.content.split(" ")) if (word) words.add(word);
writeFileSync(wordsFile!, [...words].sort().join("\n"));
problems.push(...written.errors);
const peakKiB = servicePeakKiB();
await pagefind.close();
console.log(JSON.stringify({ added, problems, peakKiB }));

/** Peak resident memory of the Pagefind service (a child binary of this process), from /proc on Linux. */
function servicePeakKiB(): number {
  try {
    const children = execFileSync("pgrep", ["-P", String(process.pid)]).toString().trim().split("\n");
    let peak = 0;
    for (const pid of children) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    }
    return peak;
  } catch {
    return 0;
  }
}
