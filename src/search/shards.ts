/**
 * Where the search index's shards live, from the number of published articles alone, so the search page (made
 * before the index) and the indexer agree without talking to each other.
 */

/** Articles per shard: a shard of 2,500 Chinese articles peaks near 1.3 GiB in Pagefind, under the 1.5 GiB budget. */
export const SHARD_SIZE = 2500;

/**
 * The newest articles, short of a whole shard, are cut into pieces of a tenth of a shard: publishing re-indexes one
 * piece (about a second) instead of a whole shard (about nine). Once they fill a shard, the pieces become one.
 */
export const TAIL_PIECES = 10;

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
  const override = Number(env.BROADSHEET_SEARCH_SHARD_SIZE);
  return Number.isInteger(override) && override > 0 ? override : SHARD_SIZE;
}

/** Whole shards from the oldest, then the rest in pieces; a function of the number of records alone. */
export function shardFolders(records: number, size = shardSize()): ShardFolder[] {
  const piece = Math.max(1, Math.ceil(size / TAIL_PIECES));
  const ranges: [number, number][] = [];
  const whole = Math.floor(records / size) * size;
  for (let start = 0; start < whole; start += size) ranges.push([start, size]);
  for (let start = whole; start < records; start += piece) ranges.push([start, Math.min(piece, records - start)]);
  if (ranges.length === 0) ranges.push([0, 0]);
  return ranges.map(([start, count], i) => ({ name: `shard-${i + 1}`, path: `pagefind/shard-${i + 1}/`, start, count }));
}
