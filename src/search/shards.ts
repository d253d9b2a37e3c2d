/**
 * Where the search index's shards live, from the number of published articles alone, so the search page (made
 * before the index) and the indexer agree without talking to each other.
 */
import { positiveInteger } from "../util/env.ts";

/** Articles per shard, at most. */
export const SHARD_SIZE = 2500;

/**
 * Characters per shard, at most (titles, bylines and text, as `recordWeight` counts them): what Pagefind's memory
 * follows is the number of words it indexes, about 0.5 KiB a character of Chinese text (one word a character,
 * src/search/tokens.ts), so a shard of long articles is cut short of SHARD_SIZE to stay under 800 MiB, well within
 * the 1.5 GiB a process budget, on any content.
 */
export const SHARD_CHARACTERS = 1_600_000;

/** Characters of an article's text that are indexed: a pasted book must not take a shard's memory on its own. */
export const INDEXED_TEXT = 200_000;

/**
 * The newest articles, short of a whole shard, are cut into pieces of whole units of a 32nd of a shard, in the
 * sizes of the binary digits of their count (16, 8, 4, 2, 1 units), then the rest. Publishing re-indexes the rest
 * (fewer than a unit, some 80 articles, while the pages render) instead of a whole shard, and only now and then
 * merges pieces; there are at most six pieces besides the whole shards, and a search opens only those that hold its
 * words (the word directory), each costing the reader an index chunk per query word.
 */
export const TAIL_UNITS = 32;

/**
 * Pagefind's language code for the records: one it has no stemmer or segmenter for, because the words are already
 * cut and encoded (src/search/tokens.ts).
 */
export const SEARCH_LANGUAGE_CODE = "zz";

export interface ShardFolder {
  name: string;
  /** Relative to the site root, with a trailing slash. */
  path: string;
  /** The shard's records: `count` of them from `start` (oldest first). */
  start: number;
  count: number;
}

/** The shard size in force: BROADSHEET_SEARCH_SHARD_SIZE overrides it (tests use it to exercise merging). */
export function shardSize(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env.BROADSHEET_SEARCH_SHARD_SIZE, SHARD_SIZE);
}

/** What an article weighs in a shard: the characters it has Pagefind index. */
export function recordWeight(title: string, textLength: number, byline: string): number {
  return title.length * 2 + byline.length + Math.min(textLength, INDEXED_TEXT);
}

/**
 * Whole shards of `size` records from the oldest, then the newest in pieces; a function of the records' weights
 * alone (a number stands for that many records of no weight). A shard or piece heavier than `characters` is halved
 * (by records) until each part fits, so Pagefind's memory is bounded on any content; the split depends on that
 * shard's own records only, so editing an article never moves another shard's records. Shards are named after their
 * first record, so a split does not rename the shards after it (a shard's name is part of its index).
 */
export function shardFolders(weights: number | readonly number[], size = shardSize(), characters = SHARD_CHARACTERS): ShardFolder[] {
  const w = typeof weights === "number" ? new Array<number>(weights).fill(0) : weights;
  const records = w.length;
  const unit = Math.max(1, Math.ceil(size / TAIL_UNITS));
  const ranges: [number, number][] = [];
  let start = 0;
  for (; start + size <= records; start += size) ranges.push([start, size]);
  const units = Math.floor((records - start) / unit);
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(1, units))); bit >= 1; bit /= 2) {
    if (units & bit) {
      ranges.push([start, bit * unit]);
      start += bit * unit;
    }
  }
  if (start < records || ranges.length === 0) ranges.push([start, records - start]);
  const weight = (from: number, count: number) => {
    let sum = 0;
    for (let i = from; i < from + count; i++) sum += w[i]!;
    return sum;
  };
  const fitted: [number, number][] = [];
  const fit = (from: number, count: number): void => {
    if (count <= 1 || weight(from, count) <= characters) {
      fitted.push([from, count]);
      return;
    }
    const half = Math.ceil(count / 2);
    fit(from, half);
    fit(from + half, count - half);
  };
  for (const [from, count] of ranges) fit(from, count);
  return fitted.map(([from, count]) => ({ name: `shard-${from}`, path: `pagefind/shard-${from}/`, start: from, count }));
}
