/**
 * Paged lists of articles, the shape channel and tag pages share: a front page with the newest `perPage` articles,
 * then numbered pages from the oldest (page 1 holds the oldest), so that publishing changes only the front page and
 * the newest numbered page. Each page is made from its spec and the articles it lists.
 */
import type { Channel } from "../../content/site-config.ts";
import { formatChineseDate } from "../../dates.ts";
import { pagesFromOldest } from "../collections.ts";
import type { ScriptContext } from "../context.ts";
import type { LocalArticle } from "../localize.ts";
import type { DeferredPage, HeadLink, Link, ListPage, PageKind, PageNumber } from "../types.ts";
import { fill } from "../ui-text.ts";
import type { SitePath } from "../urls.ts";

export interface ListSpec {
  kind: PageKind;
  key: string;
  title: string;
  /** Shown under the heading of the front page, and its description. */
  intro?: string;
  /** Newest first. */
  list: LocalArticle[];
  /** The front page's path (no number) and each numbered page's, before they are put in a script. */
  pathOf: (page?: number) => SitePath;
  crumbs: Link[];
  current?: string;
  column?: Channel;
  /** Feeds the list follows (channel pages): visible links, and head links besides the portal feed's. */
  feeds?: { links: Link[]; head: HeadLink[] };
  /** A topic's page (專題): its heading is printed as a banner. */
  topic?: boolean;
}

export function pagedList(context: ScriptContext, spec: ListSpec): DeferredPage<ListPage>[] {
  const { site } = context;
  const { list, title } = spec;
  const newest = list.slice(0, site.perPage);
  const chunks = pagesFromOldest(list, site.perPage);
  const pages = [context.defer({
    kind: spec.kind, key: spec.key, path: spec.pathOf(), inputs: [title, spec.intro ?? null, spec.topic ?? false, list.length, context.listings(newest)],
    sitemap: context.sitemapEntry(context.at(spec.pathOf()), list),
  }, () => frontPage(context, spec, newest, chunks.length))];
  if (list.length <= site.perPage) return pages;
  chunks.forEach((chunk, i) => {
    const number = i + 1;
    pages.push(context.defer({
      kind: spec.kind, key: `${spec.key}:${number}`, path: spec.pathOf(number), inputs: [title, chunks.length, context.listings(chunk)],
      sitemap: context.sitemapEntry(context.at(spec.pathOf(number)), chunk),
    }, () => numberedPage(context, spec, chunk, number, chunks.length)));
  });
  return pages;
}

const commonSpec = (spec: ListSpec) => ({
  kind: spec.kind, crumbs: spec.crumbs, ...(spec.current ? { current: spec.current } : {}), ...(spec.column ? { column: spec.column } : {}),
});

function frontPage(context: ScriptContext, spec: ListSpec, newest: LocalArticle[], numbered: number): ListPage {
  const { site, t, urls } = context;
  const { title } = spec;
  const front = context.base({
    ...commonSpec(spec), key: spec.key, path: context.at(spec.pathOf()), title,
    description: spec.intro ?? fill(t.listDescription, { title, site: site.name }),
  });
  if (spec.feeds) front.head.links.push(...spec.feeds.head, ...context.feeds.portalHead);
  return {
    ...front,
    heading: title,
    ...(spec.topic ? { topic: true } : {}),
    ...(spec.intro ? { intro: spec.intro } : {}),
    items: newest.map(context.item),
    ...(spec.feeds ? { feeds: spec.feeds.links } : {}),
    ...(spec.list.length > site.perPage
      ? {
        pager: {
          label: fill(t.latestOf, { n: site.perPage, total: spec.list.length }),
          older: { text: t.older, href: urls.href(context.at(spec.pathOf(numbered))) },
          numbers: pageNumbers(context, spec, 0, numbered),
        },
      }
      : {}),
  };
}

function numberedPage(context: ScriptContext, spec: ListSpec, chunk: LocalArticle[], number: number, numbered: number): ListPage {
  const { t, urls, zone } = context;
  const { title } = spec;
  const pathOf = (page?: number) => context.at(spec.pathOf(page));
  const range = fill(t.range, { from: formatChineseDate(chunk[chunk.length - 1]!.date, zone), to: formatChineseDate(chunk[0]!.date, zone) });
  const pageTitle = fill(t.pageTitle, { title, n: number });
  const page = context.base({
    ...commonSpec(spec), key: `${spec.key}:${number}`, path: pathOf(number), title: pageTitle,
    description: fill(t.rangeDescription, { title, range }),
    crumbs: [...spec.crumbs, { text: title, href: urls.href(pathOf()) }],
  });
  return {
    ...page,
    heading: pageTitle,
    intro: range,
    items: chunk.map(context.item),
    pager: {
      label: fill(t.pageOf, { n: number, total: numbered }),
      newer: number < numbered ? { text: t.newer, href: urls.href(pathOf(number + 1)) } : { text: t.newest, href: urls.href(pathOf()) },
      ...(number > 1 ? { older: { text: t.older, href: urls.href(pathOf(number - 1)) } } : {}),
      numbers: pageNumbers(context, spec, number, numbered),
    },
  };
}

/**
 * The page links of a list with `numbered` numbered pages, as this page (`current`, 0 for the front page) shows them,
 * newest first: the front page (最新), the newest and the oldest numbered pages, and those within two of this one,
 * with a gap where pages are left out. Numbered pages keep their numbers as the list grows (1 is the oldest).
 */
export function pageNumbers(context: ScriptContext, spec: Pick<ListSpec, "pathOf">, current: number, numbered: number): PageNumber[] {
  const { t, urls } = context;
  const href = (page?: number) => urls.href(context.at(spec.pathOf(page)));
  const shown = (n: number) => n === numbered || n === 1 || Math.abs(n - current) <= 2 || (current === 0 && n >= numbered - 3);
  const numbers: PageNumber[] = [{ text: t.newest, href: href(), current: current === 0 }];
  for (let n = numbered; n >= 1; n--) {
    if (shown(n)) numbers.push({ text: String(n), href: href(n), current: n === current });
    else if (!("gap" in numbers[numbers.length - 1]!)) numbers.push({ gap: true });
  }
  return numbers;
}
