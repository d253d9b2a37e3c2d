/**
 * The word directory as the search page reads it (src/search/word-directory.ts writes it): a word's bucket, and the
 * shards that can answer a query. Shared by the build and the browser, so both place a word in the same bucket.
 */
import { TITLE_MARK } from "./tokens.ts";

/**
 * A word's bucket: FNV-1a over its UTF-16 units, modulo `buckets` (a power of two). A title word (the word and the
 * title mark, src/search/tokens.ts) falls in its plain word's bucket, so that looking up both costs one request.
 */
export function bucketOf(word: string, buckets: number): number {
  const key = word.endsWith(TITLE_MARK) ? word.slice(0, -TITLE_MARK.length) : word;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & (buckets - 1);
}

/** The words to look up for a query: at most `most`, spread over it (the first, the last, and between). */
export function lookupWords(words: readonly string[], most = 3): string[] {
  if (words.length <= most) return [...words];
  return Array.from({ length: most }, (_, i) => words[Math.round((i * (words.length - 1)) / (most - 1))]!);
}

/**
 * For each list of `queries`, the shards (positions, in index order) that hold every one of its words, from the
 * buckets that `load` fetches (each once). A word no shard holds means no shard can answer that list.
 */
export async function shardsHolding(queries: readonly (readonly string[])[], buckets: number,
  load: (bucket: number) => Promise<Record<string, number[]>>): Promise<number[][]> {
  const wanted = [...new Set(queries.flat().map((w) => bucketOf(w, buckets)))];
  const loaded = new Map(await Promise.all(wanted.map(async (b) => [b, await load(b)] as const)));
  return queries.map((words) => {
    let holding: Set<number> | undefined;
    for (const word of words) {
      const shards = new Set(loaded.get(bucketOf(word, buckets))![word] ?? []);
      holding = holding ? new Set([...holding].filter((s) => shards.has(s))) : shards;
    }
    return [...(holding ?? [])].sort((a, b) => a - b);
  });
}
