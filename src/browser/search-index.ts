/**
 * The search page's view of the index: which shards can answer a query (the word directory,
 * src/search/word-directory.ts), and Pagefind with just those shards merged in, newest first, so that a search costs
 * the reader the same whatever the size of the archive. https://pagefind.app/docs/api/
 */
import { queryRunsInOrder, queryWords, runSplits, type SegmentedQuery } from "../search/tokens.ts";
import { CARD_EXTENSION, CARD_FOLDER, type Card } from "../search/result-card.ts";
import { bucketOf, candidateShards, rarestWords, shardsHolding } from "../search/word-buckets.ts";

export interface PagefindResult {
  id: string;
  score: number;
  /** Where the matched words stand in the record. */
  words: number[];
  // Pagefind's data() reads the result's fragment; the search page reads its card instead (`card`).
}
interface PagefindSearch {
  results: PagefindResult[];
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<PagefindSearch>;
}

export interface Shard {
  /** The shard's folder, as a link. */
  href: string;
  /** Its name, which its results carry as the `part` filter once it is opened. */
  name: string;
  /** The first and last year of its articles. */
  years: [number, number];
}

/** Reads the shards from the search form: `data-shards` (links), `data-shard-years` ("2016-2017 2017 …"). */
export function shardsOf(form: HTMLFormElement): Shard[] {
  const hrefs = (form.dataset.shards ?? "").split(" ").filter(Boolean);
  const years = (form.dataset.shardYears ?? "").split(" ");
  return hrefs.map((href, i) => {
    const [first, last] = (years[i] ?? "").split("-").map(Number);
    return { href, name: href.replace(/\/$/, "").split("/").pop()!, years: [first ?? 0, last ?? first ?? 0] };
  });
}

/**
 * The filter that tells a result's shard: Pagefind's `mergeFilter` gives every result of a merged index a value the
 * page names, held by Pagefind's engine itself, so that filtering by it downloads nothing (a filter of the records
 * would cost a request a shard).
 */
const PART = "part";

export class SearchIndex {
  private engine: Promise<Pagefind> | undefined;
  private readonly merged = new Set<number>();
  private readonly buckets = new Map<number, Promise<Record<string, number[]>>>();

  constructor(readonly shards: readonly Shard[], private readonly bucketCount: number, private readonly wordsHref: string) {}

  /**
   * The shards that can answer a query, in the order to open them: those holding all its words in a headline first,
   * then the others, each newest first; only shards of the year, when one is asked for.
   */
  async candidates(words: readonly string[], year?: string): Promise<number[]> {
    const { all, titled } = await candidateShards(words, this.bucketCount, (bucket) => this.bucket(bucket));
    const wanted = Number(year);
    const inYear = (s: number) => !year || (this.shards[s]!.years[0] <= wanted && wanted <= this.shards[s]!.years[1]);
    const first = titled.filter((s) => all.includes(s)).reverse();
    return [...first, ...all.filter((s) => !first.includes(s)).reverse()].filter(inYear);
  }

  /** The shards (positions, oldest first) that hold every one of `words`, looked up exactly (no sampling). */
  async holding(words: readonly string[]): Promise<number[]> {
    return (await shardsHolding([words], this.bucketCount, (bucket) => this.bucket(bucket)))[0]!;
  }

  /**
   * A query typed without spaces read as the words the index holds: each run that no shard holds as written is cut
   * into two or three words (于天敏|調研), the first reading whose words some shard holds all of, the most specific
   * of those; runs the index holds stay whole. Undefined when no reading is held.
   */
  async readAsWords(normalized: string): Promise<SegmentedQuery | undefined> {
    const groups: string[][] = [];
    for (const { run, chinese } of queryRunsInOrder(normalized)) {
      const whole = queryWords(run).required;
      if (!chinese || (await this.holding(whole)).length > 0) {
        groups.push(whole);
        continue;
      }
      let best: { parts: string[][]; shards: number } | undefined;
      for (const split of runSplits(run)) {
        if (best && split.length > best.parts.length) break;
        const parts = split.map((part) => queryWords(part).required);
        const shards = (await this.holding(parts.flat())).length;
        if (shards > 0 && (!best || shards < best.shards)) best = { parts, shards };
      }
      if (!best) return undefined;
      groups.push(...best.parts);
    }
    return { required: [...new Set(groups.flat())], groups };
  }

  /** Pagefind with the given shards merged in (each once; the first one opened starts the engine). */
  async open(shards: readonly number[]): Promise<Pagefind> {
    const first = shards[0]!;
    this.engine ??= (async () => {
      const base = this.shards[first]!.href;
      const pagefind = (await import(`${base}pagefind.js`)) as Pagefind;
      await pagefind.options({ basePath: base, excerptLength: 0, noWorker: true });
      await pagefind.init();
      await pagefind.options({ mergeFilter: { [PART]: this.shards[first]!.name } });
      this.merged.add(first);
      return pagefind;
    })();
    const pagefind = await this.engine;
    for (const shard of shards) {
      if (this.merged.has(shard)) continue;
      this.merged.add(shard);
      await pagefind.mergeIndex(this.shards[shard]!.href, { mergeFilter: { [PART]: this.shards[shard]!.name } });
    }
    return pagefind;
  }

  /** A filter keeping a search to `shards`, needed once an earlier query merged others. */
  only(shards: readonly number[]): Record<string, unknown> {
    return this.merged.size > shards.length ? { [PART]: { any: shards.map((s) => this.shards[s]!.name) } } : {};
  }

  /** A filter keeping a search to one shard. */
  inShard(shard: number): Record<string, unknown> {
    return { [PART]: this.shards[shard]!.name };
  }

  /** "2023–2026": the years the given shards cover. */
  years(shards: readonly number[]): string {
    const first = Math.min(...shards.map((s) => this.shards[s]!.years[0]));
    const last = Math.max(...shards.map((s) => this.shards[s]!.years[1]));
    return first === last ? String(first) : `${first}–${last}`;
  }

  /**
   * At most `most` of a query's words for Pagefind to look up: the rarest of those the word directory was asked
   * about (no further request), src/search/word-buckets.ts `rarestWords`.
   */
  async rarest(words: readonly string[], most: number): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const word of words) {
      const bucket = this.buckets.get(bucketOf(word, this.bucketCount));
      if (bucket) counts.set(word, ((await bucket)[word] ?? []).length);
    }
    return rarestWords(words, most, (word) => counts.get(word));
  }

  /** What the search page shows of a result of `shard` (src/search/result-card.ts), read where Pagefind keeps its fragment. */
  card(shard: number, id: string): Promise<Card> {
    return gzippedJson<Card>(`${this.shards[shard]!.href}${CARD_FOLDER}/${id}${CARD_EXTENSION}`);
  }

  private bucket(bucket: number): Promise<Record<string, number[]>> {
    let loaded = this.buckets.get(bucket);
    if (!loaded) {
      loaded = gzippedJson<Record<string, number[]>>(`${this.wordsHref}${bucket}.pf_words`);
      this.buckets.set(bucket, loaded);
    }
    return loaded;
  }
}

/** A gzipped JSON file of the index (named so that no server sends it as compressed, like Pagefind's own files). */
async function gzippedJson<T>(href: string): Promise<T> {
  const response = await fetch(href);
  if (!response.ok || !response.body) throw new Error(`${href}: ${response.status}`);
  return (await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).json()) as T;
}
