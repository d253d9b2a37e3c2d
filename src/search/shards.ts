/**
 * Where the search index's shards live, from the number of published articles alone, so the search page (made
 * before the index) and the indexer agree without talking to each other.
 */
import { positiveInteger } from "../util/env.ts";

/** Articles per shard: a shard of 2,500 Chinese articles peaks near 1.3 GiB in Pagefind, under the 1.5 GiB budget. */
export const SHARD_SIZE = 2500;

/**
 * The newest articles, short of a whole shard, are cut into pieces of whole units of an eighth of a shard, in the
 * sizes of the binary digits of their count (4, 2, 1 units), then the rest. Publishing re-indexes the rest (at
 * most a unit, about a second, while the pages render) instead of a whole shard (about nine), and only now and
 * then merges pieces; a search downloads at most four small pieces besides the whole shards, each costing the
 * reader an index chunk per query word.
 */
export const TAIL_UNITS = 8;

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

/** Whole shards from the oldest, then the newest in pieces; a function of the number of records alone. */
export function shardFolders(records: number, size = shardSize()): ShardFolder[] {
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
  return ranges.map(([from, count], i) => ({ name: `shard-${i + 1}`, path: `pagefind/shard-${i + 1}/`, start: from, count }));
}
