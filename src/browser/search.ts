/**
 * The search page: reads the query and filters from the address (`?q=…&channel=…&year=…&sort=newest`), searches
 * every index shard (Pagefind, merged at query time), and lists the results in the reader's script. The address
 * follows each search, so a search can be shared and Back works. Only this page loads this script.
 * https://pagefind.app/docs/api/
 */
import "./reader-settings.ts";
import { excerpt } from "../search/excerpt.ts";
import { closeness } from "../search/rank.ts";
import { SearchIndex, shardsOf, type Pagefind, type PagefindResult } from "./search-index.ts";
import { createNormalizer, type CharTable } from "../search/normalize.ts";
import { isLoneCharacter, queryRuns, queryWords, segmentedQuery, TITLE_MARK, wordSegmenter, type SegmentedQuery } from "../search/tokens.ts";

declare const __SEARCH_TABLE__: CharTable;

const SHOWN = 10;
const normalize = createNormalizer(__SEARCH_TABLE__);
const segment = wordSegmenter();
const form = document.getElementById("search-form") as HTMLFormElement;
const status = document.getElementById("search-status")!;
const list = document.getElementById("search-results")!;
const pager = document.getElementById("search-pager")!;
const script = form.dataset.script === "zh-Hans" ? "hans" : "hant";
const more = document.getElementById("search-more")!;
const index = new SearchIndex(shardsOf(form), Number(form.dataset.buckets ?? 16), form.dataset.words ?? "");
const message = (key: string, values: Record<string, string | number> = {}) =>
  (form.dataset[`msg${key[0]!.toUpperCase()}${key.slice(1)}`] ?? "").replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/**
 * Words of a query Pagefind looks up, at most (src/search/word-buckets.ts `rarestWords`), each an index chunk of
 * 30–40 KB: a query of two Chinese words is three pairs, searched whole; one of four or five pairs by its three rarest;
 * a longer one (a whole headline, whose nine looked-up words' buckets it has also read) by its two rarest, which in
 * a headline are names and the pairs that straddle two words.
 */
function searchedWords(words: number): number {
  return words > 5 ? 2 : 3;
}

/** Shards opened at most before the reader asks for earlier years (each "earlier" step opens as many again). */
const SHARDS_A_STEP = 2;

interface Query {
  q: string;
  channel: string;
  year: string;
  sort: string;
  /** The page of results, from 1 ("" for the first). */
  page: string;
  /** How many times the reader asked for earlier years ("" for none). */
  earlier: string;
}

function readAddress(): Query {
  const params = new URLSearchParams(location.search);
  const get = (name: string) => params.get(name) ?? "";
  return { q: get("q"), channel: get("channel"), year: get("year"), sort: get("sort"), page: get("page"), earlier: get("earlier") };
}

function fillForm(query: Query): void {
  for (const [name, value] of Object.entries(query)) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = value;
  }
}

function readForm(): Query {
  const data = new FormData(form);
  const get = (name: string) => String(data.get(name) ?? "").trim();
  // A new search starts at its first page.
  return { q: get("q"), channel: get("channel"), year: get("year"), sort: get("sort"), page: "", earlier: "" };
}

function addressOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value && !(key === "page" && value === "1")) params.set(key, value);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}`;
}

/** Where each query word stands in each article that holds it, from one exact search per word. */
type Hits = Map<string, Map<string, number[]>>;

let generation = 0;
async function run(query: Query): Promise<void> {
  const current = ++generation;
  list.replaceChildren();
  pager.replaceChildren();
  more.replaceChildren();
  pager.hidden = true;
  const normalized = normalize(query.q);
  // The query as written (its runs as phrases), and as words wherever they stand (a run typed without spaces).
  const phrase = queryWords(normalized);
  const words = segmentedQuery(normalized, segment);
  if (words.required.length === 0) {
    status.textContent = query.q ? message("none", { q: query.q }) : message("empty");
    return;
  }
  status.textContent = message("searching");
  try {
    // The query as written first; only when no shard holds it are its words looked for wherever they stand
    // (于天敏調研): each further word costs the reader an index chunk per shard.
    let found: SegmentedQuery = { required: phrase.required, groups: phrase.required.map((t) => [t]) };
    let candidates = await index.candidates(found.required, query.year);
    if (candidates.length === 0) {
      const split = await index.readAsWords(normalized);
      if (split && split.required.join() !== phrase.required.join()) found = split;
      else if (words.required.join() !== phrase.required.join()) found = words;
      if (found.required !== phrase.required) candidates = await index.candidates(found.required, query.year);
    }
    const long = found.required.length >= 3;
    // A long query (a whole headline) is searched by its rarest words: each word costs an index chunk a shard.
    const most = searchedWords(found.required.length);
    if (found.required.length > most) {
      const rarest = await index.rarest(found.required, most);
      found = { required: rarest, groups: rarest.map((w) => [w]) };
    }
    // One shard at a time (headline matches first, then newest first) until a page of results, or the step's shards
    // are searched; for a long query (three words or more, each an index chunk a shard), until an article whose
    // headline holds its words. The page asked for does not change which shards are searched, so every page of
    // a search counts the same results.
    const page = Math.max(1, Number.parseInt(query.page, 10) || 1);
    const newest = query.sort === "newest" ? [...candidates].sort((a, b) => b - a) : candidates;
    const opened: number[] = [];
    let ordered: Match[] = [];
    let headline = false;
    while (opened.length < Math.min(SHARDS_A_STEP, newest.length) && ordered.length < SHOWN && !headline) {
      opened.push(newest[opened.length]!);
      ({ ordered, headline } = await rank(await index.open(opened), opened, query, found));
      headline &&= long;
      if (current !== generation) return;
    }
    // Each step to earlier years opens as many shards again.
    const wanted = Math.min(newest.length, opened.length + SHARDS_A_STEP * (Number.parseInt(query.earlier, 10) || 0));
    if (wanted > opened.length) {
      opened.push(...newest.slice(opened.length, wanted));
      ({ ordered } = await rank(await index.open(opened), opened, query, found));
      if (current !== generation) return;
    }
    const pages = Math.max(1, Math.ceil(ordered.length / SHOWN));
    const shownPage = Math.min(pages, page);
    const shown = ordered.slice((shownPage - 1) * SHOWN, shownPage * SHOWN);
    const data = await Promise.all(shown.map(({ result, shard }) => index.card(shard, result.id)));
    if (current !== generation) return;
    const seen = new Set<string>();
    const runs = queryRuns(normalized);
    for (const item of data) {
      const url = item.meta[`url_${script}`] ?? item.url;
      if (seen.has(url)) continue;
      seen.add(url);
      list.append(renderResult(item.meta, url, runs));
    }
    const total = ordered.length;
    const partial = opened.length < newest.length;
    status.textContent = (total === 0 ? message("none", { q: query.q })
      : total > SHOWN ? message("shown", { n: total, from: (shownPage - 1) * SHOWN + 1, to: (shownPage - 1) * SHOWN + shown.length })
        : message("count", { n: total })) + (partial ? message("searched", { years: index.years(opened) }) : "");
    if (pages > 1) renderPager(query, shownPage, pages);
    if (partial) more.append(stepLink({ ...query, page: "", earlier: String((Number.parseInt(query.earlier, 10) || 0) + 1) }, message("earlier")));
  } catch (error) {
    console.error(error);
    if (current === generation) status.textContent = message("failed");
  }
}

/** A match, and the shard it is from (its card is there). */
interface Match {
  result: PagefindResult;
  shard: number;
}

/**
 * The matches in the opened shards, ordered as the reader asked (by relevance, or newest first), and whether one
 * holds the query's words in its headline.
 */
async function rank(pagefind: Pagefind, opened: number[], query: Query, words: SegmentedQuery): Promise<{ ordered: Match[]; headline: boolean }> {
  const only = index.only(opened);
  // Pagefind matches a word it lacks by a shorter one ("fuzzy"); a quoted word matches exactly. A lone character is
  // indexed only as the start of its pairs (src/search/tokens.ts): it is looked up unquoted, as a prefix, and the
  // word directory has already said that the opened shards hold it.
  const hits: Hits = new Map();
  const required = words.required;
  const titleWords = required.map((w) => w + TITLE_MARK);
  const tokens = [...new Set([...required, ...titleWords])];
  await Promise.all(tokens.map(async (token) =>
    hits.set(token, new Map((await pagefind.search(isLoneCharacter(token) ? token : `"${token}"`, { filters: only })).results.map((r) => [r.id, r.words])))));
  const having = (list: string[]) => intersect(list.map((t) => new Set(hits.get(t)!.keys())));
  const matching = having(required);
  if (matching.size === 0) return { ordered: [], headline: false };
  const filters: Record<string, unknown> = { ...only };
  if (query.channel) filters.channel = query.channel;
  if (query.year) filters.year = query.year;
  // With more than one shard open, one search a shard (newest first), so that each match is known by its shard.
  // Shards hold consecutive stretches of time, so sorted by date that also lists every match newest first
  // (Pagefind's merged results are not in one order).
  const find = async (sort?: Record<string, string>): Promise<Match[]> => {
    const inShard = async (shard: number, only: Record<string, unknown>) =>
      (await pagefind.search(required.join(" "), { filters: { ...filters, ...only }, ...(sort ? { sort } : {}) }))
        .results.filter((r) => matching.has(r.id)).map((result) => ({ result, shard }));
    if (opened.length === 1) return inShard(opened[0]!, {});
    const found: Match[] = [];
    for (const shard of [...opened].sort((a, b) => b - a)) found.push(...await inShard(shard, index.inShard(shard)));
    return found;
  };
  if (query.sort === "newest") return { ordered: await find({ date: "desc" }), headline: false };
  // Relevance: the query's words in the headline, then the rest. Within each, articles where the words stand
  // closest first, then Pagefind's ranking.
  const inHeadline = having(titleWords);
  const tier = (id: string) => (inHeadline.has(id) ? 0 : 1);
  // How close: the query's words as written, or as segmented when that is how the articles were found.
  const groups = words.groups;
  const span = (id: string) => closeness(groups.map((group) => hits.get(group[0]!)!.get(id) ?? []));
  const ordered = (await find()).map((m) => ({ m, tier: tier(m.result.id), span: span(m.result.id) }))
    .sort((a, b) => a.tier - b.tier || a.span - b.span || b.m.result.score - a.m.result.score).map((x) => x.m);
  return { ordered, headline: ordered.some((m) => inHeadline.has(m.result.id)) };
}

/** A link to another state of the search (a page, earlier years): an address of its own, followed in place. */
function stepLink(next: Query, text: string, rel?: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = addressOf(next);
  a.textContent = text;
  if (rel) a.rel = rel;
  a.addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState(null, "", addressOf(next));
    void run(next).then(() => status.focus());
  });
  return a;
}

/** Links to the other pages of results: each an address of its own, so Back and sharing work. */
function renderPager(query: Query, page: number, pages: number): void {
  if (page > 1) pager.append(stepLink({ ...query, page: String(page - 1) }, message("previous"), "prev"));
  const label = document.createElement("span");
  label.textContent = message("paging", { n: page, total: pages });
  pager.append(label);
  if (page < pages) pager.append(stepLink({ ...query, page: String(page + 1) }, message("next"), "next"));
  pager.hidden = false;
}

function intersect(sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...first!].filter((id) => rest.every((s) => s.has(id))));
}

function renderResult(meta: Record<string, string>, url: string, runs: string[]): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.className = "article-list__title";
  link.href = url;
  link.textContent = meta[`title_${script}`] ?? meta.title ?? url;
  const info = document.createElement("p");
  info.className = "article-list__meta";
  const time = document.createElement("time");
  time.dateTime = meta.date_iso ?? "";
  time.textContent = meta.date ?? "";
  const byline = [meta[`channel_${script}`], meta[`source_${script}`], meta[`author_${script}`]].filter(Boolean).join(" · ");
  info.append(`${byline} `, time);
  const text = document.createElement("p");
  text.className = "search-results__excerpt";
  for (const part of excerpt(meta.text ?? "", runs, normalize)) {
    if (part.match) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      text.append(mark);
    } else {
      text.append(part.text);
    }
  }
  item.append(link, info, text);
  return item;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = readForm();
  history.pushState(null, "", addressOf(query));
  void run(query);
});
for (const name of ["channel", "year", "sort"]) {
  (form.elements.namedItem(name) as HTMLSelectElement | null)?.addEventListener("change", () => form.requestSubmit());
}
window.addEventListener("popstate", () => {
  const query = readAddress();
  fillForm(query);
  void run(query);
});

const initial = readAddress();
fillForm(initial);
if (initial.q) void run(initial);
