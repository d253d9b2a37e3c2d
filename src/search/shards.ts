/**
 * Where the search index's shards live, from the number of published articles alone, so the search page (made
 * before the index) and the indexer agree without talking to each other.
 */

/** Articles per shard: a shard of 2,500 Chinese articles peaks near 1.3 GiB in Pagefind, under the 1.5 GiB budget. */
export const SHARD_SIZE = 2500;

/**
 * Pagefind's language code for the records: one it has no stemmer or segmenter for, because the words are already
 * cut and encoded (src/search/tokens.ts).
 */
export const SEARCH_LANGUAGE_CODE = "zz";

export interface ShardFolder {
  name: string;
  /** Relative to the site root, with a trailing slash. */
  path: string;
  size: number;
}

/** The shard size in force: BROADSHEET_SEARCH_SHARD_SIZE overrides it (tests use it to exercise merging). */
export function shardSize(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.BROADSHEET_SEARCH_SHARD_SIZE);
  return Number.isInteger(override) && override > 0 ? override : SHARD_SIZE;
}

export function shardFolders(records: number, size = shardSize()): ShardFolder[] {
  const count = Math.max(1, Math.ceil(records / size));
  return Array.from({ length: count }, (_, i) => ({ name: `shard-${i + 1}`, path: `pagefind/shard-${i + 1}/`, size }));
}
