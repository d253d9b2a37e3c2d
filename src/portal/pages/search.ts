/**
 * The search page: its form, the channels and years to filter by, and where the search index lies (its shards and
 * word directory, src/search/). The index itself is written by src/search/indexer.ts.
 */
import type { ScriptContext } from "../context.ts";
import type { SearchPage } from "../types.ts";
import { fill } from "../ui-text.ts";
import { paths } from "../urls.ts";

export function searchPages(context: ScriptContext): SearchPage[] {
  const { t, site, urls, search: layout } = context;
  const page: SearchPage = {
    ...context.base({
      kind: "search", key: "search", path: context.at(paths.search()), title: t.searchTitle,
      description: fill(t.searchDescription, { site: site.name }), crumbs: [context.links.home],
    }),
    heading: t.searchTitle,
    intro: t.searchHint,
    channels: site.channels.map((c) => ({ value: c.slug, text: c.name })),
    years: context.calendar.map(({ year }) => year),
    shards: layout.shards.map((shard) => urls.href(paths.searchShard(shard.name))),
    shardYears: layout.shards.map((shard) => shard.years),
    wordsHref: urls.href(paths.searchWords()),
    buckets: layout.buckets,
    searchScriptHref: urls.href(paths.asset("search.js")),
    messages: {
      count: t.resultsCount, shown: t.resultsShown, none: t.noResults, searching: t.searching, empty: t.searchEmpty,
      failed: t.searchFailed, previous: t.previousPage, next: t.nextPage, paging: t.pageOf, pages: t.resultsPages,
      searched: t.searchedYears, earlier: t.searchEarlier,
    },
  };
  page.head.noindex = true;
  return [context.twinned(page, paths.search())];
}
