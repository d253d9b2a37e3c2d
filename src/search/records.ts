/**
 * One search record per published article: its words in normalised form (src/search/normalize.ts, tokens.ts)
 * and what the results page shows, in both scripts: title, channel and address in 繁體 and 简体, and the
 * article's own text for excerpts.
 */
import { formatDisplay, formatIso, yearMonth } from "../dates.ts";
import type { Article } from "../content/article.ts";
import type { Normalizer } from "./normalize.ts";
import { INDEXED_TEXT, recordWeight, shardFolders, type ShardFolder } from "./shards.ts";
import { indexTokens } from "./tokens.ts";
import { bucketCount } from "./word-directory.ts";

export interface ScriptedText {
  "zh-Hant": string;
  "zh-Hans": string;
}

export interface SearchRecord {
  /** The article's own page, with the sub-path prefix. */
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface ArticleSearchView {
  article: Article;
  titles: ScriptedText;
  urls: ScriptedText;
  channels: ScriptedText;
  /** The byline (作者) and the source (來源), searchable and shown with each result. */
  bylines: ScriptedText;
  sources: ScriptedText;
  /** Tags in the site's language (their identity). */
  tags: string[];
}

/** A record before its words are cut: everything it shows. Cutting (`withWords`) is left to the shard's process. */
export type RecordSource = Omit<SearchRecord, "content">;

export function recordSource(view: ArticleSearchView, zone: string): RecordSource {
  const { article: a } = view;
  return {
    url: view.urls[a.lang],
    meta: {
      title: a.title,
      title_hant: view.titles["zh-Hant"],
      title_hans: view.titles["zh-Hans"],
      url_hant: view.urls["zh-Hant"],
      url_hans: view.urls["zh-Hans"],
      channel_hant: view.channels["zh-Hant"],
      channel_hans: view.channels["zh-Hans"],
      date: formatDisplay(a.date, zone),
      date_iso: formatIso(a.date, zone),
      source: a.source,
      source_hant: view.sources["zh-Hant"],
      source_hans: view.sources["zh-Hans"],
      author: a.author,
      author_hant: view.bylines["zh-Hant"],
      author_hans: view.bylines["zh-Hans"],
      lang: a.lang,
      text: a.body().text,
    },
    filters: {
      channel: [a.channel.slug],
      year: [yearMonth(a.date, zone).year],
      source: [a.source],
      ...(view.tags.length > 0 ? { tag: view.tags } : {}),
    },
    sort: { date: formatIso(a.date, zone) },
  };
}

/**
 * The record with its words: the title's (marked, so they weigh more), the byline's and the source's (so a reporter
 * or a paper can be searched), and the text's, normalised. `directory` collects the words, and every character
 * (encoded), for the word directory, which lists lone characters although the index holds most only inside pairs.
 */
export function withWords(source: RecordSource, normalize: Normalizer, directory?: Set<string>): SearchRecord {
  const { title, text, author, source: from } = source.meta as { title: string; text: string; author: string; source: string };
  const collect = directory ? { directory } : {};
  const words = [indexTokens(normalize(title), { title: true, ...collect }), indexTokens(normalize(`${author} ${from}`), collect),
    indexTokens(normalize(text.slice(0, INDEXED_TEXT)), collect)];
  return { ...source, content: words.join(" ") };
}

/**
 * A shard's records with their words, and the shard's list of words for the word directory (every word and every
 * character, sorted, one a line): what the shard's process gives Pagefind and writes beside it.
 */
export function cutShard(sources: readonly RecordSource[], normalize: Normalizer): { records: SearchRecord[]; wordList: string } {
  const words = new Set<string>();
  const records = sources.map((r) => withWords(r, normalize, words));
  return { records, wordList: [...words].sort().join("\n") };
}

/**
 * Records made on demand, a shard's worth at a time, and cut into words by the shard's own process: a large
 * portal's records (every article's words) would otherwise sit in memory together for the whole build, and cutting
 * them would keep the build's thread busy.
 */
export interface SearchRecords {
  count: number;
  /** The index's shards for these records (src/search/shards.ts): the search page lists them, the indexer fills them. */
  shards: ShardFolder[];
  /** Buckets of the word directory (src/search/word-directory.ts). */
  buckets: number;
  /** The years each shard's articles cover: "2016-2017", or "2018". */
  shardYears: string[];
  slice(from: number, to: number): RecordSource[];
  /**
   * What the records from `from` to `to` are made of (article digests, what is shown of them in both scripts, and
   * the time zone), for the build cache:
   * the same input and the same code make the same records, so a shard can be found in the cache without making
   * its records (cutting every article into words) first.
   */
  input(from: number, to: number): string;
}

/**
 * What search shows of each live article, oldest first: the articles, and each one's view made when asked for (a
 * large portal's views, both scripts' titles and addresses, are not all kept for the whole build).
 */
export interface SearchViews {
  articles: readonly Article[];
  view(i: number): ArticleSearchView;
}

export function lazyRecords(searchViews: SearchViews, zone: string): SearchRecords {
  const { articles } = searchViews;
  const weights = articles.map((a) => recordWeight(a.title, a.textLength, `${a.author} ${a.source}`));
  const shards = shardFolders(weights);
  const year = (i: number) => yearMonth(articles[i]!.date, zone).year;
  const views = (from: number, to: number) => articles.slice(from, to).map((_, i) => searchViews.view(from + i));
  return {
    count: articles.length,
    shards,
    shardYears: shards.map((s) => (s.count === 0 ? "" : year(s.start) === year(s.start + s.count - 1) ? year(s.start) : `${year(s.start)}-${year(s.start + s.count - 1)}`)),
    buckets: bucketCount(weights.reduce((a, b) => a + b, 0)),
    slice: (from, to) => views(from, to).map((view) => recordSource(view, zone)),
    // An article's digest stands for all of it (src/content/load.ts): its text is not serialised again.
    input: (from, to) => JSON.stringify([zone, views(from, to).map(({ article, ...shown }) => [article.digest, shown])]),
  };
}

/** Where the index lies, as the search page links it: each shard's folder name and years, and the directory's buckets. */
export function searchLayout(records: SearchRecords): { shards: { name: string; years: string }[]; buckets: number } {
  return { shards: records.shards.map((shard, i) => ({ name: shard.name, years: records.shardYears[i]! })), buckets: records.buckets };
}
