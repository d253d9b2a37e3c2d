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

/**
 * How many of a query's words are looked up (src/browser/search-index.ts `candidates`): three, then, while more than
 * one shard holds them all, five and nine. Each sample holds the one before it (the first, the last and the words
 * halfway between), so a step costs only its new words' buckets: two, then four.
 */
export const LOOKUPS = [3, 5, 9] as const;

/** The words to look up for a query: at most `most`, spread over it (the first, the last, and between). */
export function lookupWords(words: readonly string[], most: number = LOOKUPS[0]): string[] {
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

/**
 * The shards that can answer a query: those holding every looked-up word (`all`) and those holding them all in a
 * headline (`titled`), positions in index order. A few of the query's words are looked up first; a long query (a
 * whole headline) whose sample more than one shard holds is looked up again with more of its words (LOOKUPS), which
 * costs a few small directory requests and saves opening a shard that does not have it (a shard costs ten or more).
 */
export async function candidateShards(words: readonly string[], buckets: number,
  load: (bucket: number) => Promise<Record<string, number[]>>): Promise<{ all: number[]; titled: number[] }> {
  const lookUp = async (looked: string[]) => {
    const [all, titled] = await shardsHolding([looked, looked.map((w) => w + TITLE_MARK)], buckets, load);
    return { all: all!, titled: titled! };
  };
  let looked: number = LOOKUPS[0];
  let found = await lookUp(lookupWords(words, looked));
  for (const most of LOOKUPS.slice(1)) {
    // One shard or none already, or every word looked up already.
    if (found.all.length <= 1 || words.length <= looked) break;
    looked = most;
    found = await lookUp(lookupWords(words, most));
  }
  return found;
}

/**
 * At most `most` of a query's words to search, the rarest first: the ones the fewest shards hold (`shardsHolding`
 * answers from buckets already read, or undefined for a word whose bucket was not), kept in query order. Pagefind
 * reads an index chunk of some 30 KB a shard for every word it looks up, so a whole headline is searched by a few of
 * its words; the rarest of them pick out the same articles the whole would.
 */
export function rarestWords(words: readonly string[], most: number, shardCount: (word: string) => number | undefined): string[] {
  if (words.length <= most) return [...words];
  const known = words.map((word, at) => ({ word, at, shards: shardCount(word) ?? Number.POSITIVE_INFINITY }));
  return known.sort((a, b) => a.shards - b.shards || a.at - b.at).slice(0, most).sort((a, b) => a.at - b.at).map((w) => w.word);
}
