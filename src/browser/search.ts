/**
 * The search page: reads the query and filters from the address (`?q=…&channel=…&year=…&sort=newest`), searches
 * every index shard (Pagefind, merged at query time), and lists the results in the reader's script. The address
 * follows each search, so a search can be shared and Back works. Only this page loads this script.
 * https://pagefind.app/docs/api/
 */
import { excerpt } from "../search/excerpt.ts";
import { createNormalizer, type CharTable } from "../search/normalize.ts";
import { queryRuns, queryWords } from "../search/tokens.ts";

declare const __SEARCH_TABLE__: CharTable;

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<PagefindSearch>;
}

const SHOWN = 10;
const normalize = createNormalizer(__SEARCH_TABLE__);
const form = document.getElementById("search-form") as HTMLFormElement;
const status = document.getElementById("search-status")!;
const list = document.getElementById("search-results")!;
const script = form.dataset.script === "zh-Hans" ? "hans" : "hant";
const shards = (form.dataset.shards ?? "").split(" ").filter(Boolean);
const shardNames = shards.map((url) => url.replace(/\/$/, "").split("/").pop()!);
const message = (key: string, values: Record<string, string | number> = {}) =>
  (form.dataset[`msg${key[0]!.toUpperCase()}${key.slice(1)}`] ?? "").replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

let engine: Promise<Pagefind> | undefined;
function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const pagefind = (await import(/* primary shard */ `${shards[0]}pagefind.js`)) as Pagefind;
    await pagefind.options({ basePath: shards[0], excerptLength: 0, noWorker: true });
    await pagefind.init();
    for (const shard of shards.slice(1)) await pagefind.mergeIndex(shard);
    return pagefind;
  })();
  return engine;
}

interface Query {
  q: string;
  channel: string;
  year: string;
  sort: string;
}

function readAddress(): Query {
  const params = new URLSearchParams(location.search);
  return { q: params.get("q") ?? "", channel: params.get("channel") ?? "", year: params.get("year") ?? "", sort: params.get("sort") ?? "" };
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
  return { q: get("q"), channel: get("channel"), year: get("year"), sort: get("sort") };
}

function addressOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}`;
}

let generation = 0;
async function run(query: Query): Promise<void> {
  const current = ++generation;
  list.replaceChildren();
  const normalized = normalize(query.q);
  const words = queryWords(normalized);
  if (words.required.length === 0) {
    status.textContent = query.q ? message("none", { q: query.q }) : message("empty");
    return;
  }
  status.textContent = message("searching");
  try {
    const pagefind = await loadEngine();
    // Pagefind matches a word it lacks by a shorter one ("fuzzy"), shard by shard; a quoted word matches exactly.
    // So: the articles holding every query word exactly, the ones holding them all in the title, then
    // Pagefind's ranking restricted to the first set, title matches first.
    const exactly = async (list: string[]) => intersect(await Promise.all(
      list.map(async (w) => new Set((await pagefind.search(`"${w}"`)).results.map((r) => r.id)))));
    const [matching, inTitle] = await Promise.all([exactly(words.required), exactly(words.title)]);
    const filters: Record<string, string> = {};
    if (query.channel) filters.channel = query.channel;
    if (query.year) filters.year = query.year;
    // Shards hold consecutive stretches of time: the newest shard first, each sorted by date, lists every match
    // newest first (Pagefind's merged results are not in one order). Relevance is Pagefind's ranking, with the
    // articles that carry the query in their headline first.
    const find = async (extra: Record<string, string>, sort?: Record<string, string>) =>
      (await pagefind.search(words.required.join(" "), { filters: { ...filters, ...extra }, ...(sort ? { sort } : {}) }))
        .results.filter((r) => matching.has(r.id));
    let ordered: PagefindResult[] = [];
    if (matching.size > 0 && query.sort === "newest") {
      for (const shard of [...shardNames].reverse()) ordered.push(...await find({ shard }, { date: "desc" }));
    } else if (matching.size > 0) {
      const ranked = (await find({})).sort((a, b) => b.score - a.score);
      ordered = [...ranked.filter((r) => inTitle.has(r.id)), ...ranked.filter((r) => !inTitle.has(r.id))];
    }
    const data = await Promise.all(ordered.slice(0, SHOWN).map((r) => r.data()));
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
    status.textContent = total === 0 ? message("none", { q: query.q })
      : total > SHOWN ? message("shown", { n: total, shown: SHOWN }) : message("count", { n: total });
  } catch (error) {
    console.error(error);
    if (current === generation) status.textContent = message("failed");
  }
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
  info.append(`${meta[`channel_${script}`] ?? ""} `, time);
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
