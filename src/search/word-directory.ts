/**
 * The word directory: which shards of the index hold each search word, so that a query opens only the shards that
 * can answer it (a rare name costs one shard, whatever the size of the archive). Written next to the shards as
 * `pagefind/words/<bucket>.pf_words`: each bucket a gzipped JSON object from word to the positions of the shards that
 * hold it, a word's bucket being a hash of it. A query reads one bucket per word it looks up.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bucketOf } from "./word-buckets.ts";

export const DIRECTORY_FOLDER = "pagefind/words/";

/**
 * The number of buckets for records of this many characters (`recordWeight`), known before any shard is indexed (the
 * search page, made meanwhile, needs it): a power of two from 16 to 16,384, about one bucket for 40,000 characters,
 * which in news text is a bucket of a few thousand words, some 10 KB gzipped.
 */
export function bucketCount(characters: number): number {
  let buckets = 16;
  while (buckets < 16384 && buckets * 40_000 < characters) buckets *= 2;
  return buckets;
}

/** Writes the directory under `siteDir` from each shard's list of words (`wordFiles`, in shard order, one a line). */
export function writeDirectory(wordFiles: readonly string[], siteDir: string, buckets: number): void {
  const shardsOf = new Map<string, number[]>();
  wordFiles.forEach((file, shard) => {
    for (const word of readFileSync(file, "utf8").split("\n")) {
      if (!word) continue;
      const list = shardsOf.get(word);
      if (list) list.push(shard);
      else shardsOf.set(word, [shard]);
    }
  });
  const byBucket: Record<string, number[]>[] = Array.from({ length: buckets }, () => ({}));
  // Sorted, so that the same words always make the same bytes.
  for (const word of [...shardsOf.keys()].sort()) byBucket[bucketOf(word, buckets)]![word] = shardsOf.get(word)!;
  const dir = path.join(siteDir, DIRECTORY_FOLDER);
  mkdirSync(dir, { recursive: true });
  byBucket.forEach((words, bucket) => writeFileSync(path.join(dir, `${bucket}.pf_words`), gzipSync(JSON.stringify(words), { level: 9 })));
}
