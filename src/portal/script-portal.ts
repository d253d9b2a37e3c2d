/**
 * The portal's pages in one script: home, articles, channel and tag lists, archives, static pages and feeds, each
 * a plain object with its output path and everything its template prints. All decisions are made here, where
 * they are tested without Eleventy; src/portal/build-portal.ts puts the two scripts together.
 */
import { DateTime } from "luxon";
import { formatChineseDate, formatDisplay, formatIso, yearMonth } from "../dates.ts";
import type { Channel } from "../content/site-config.ts";
import type { Script } from "../scripts/convert.ts";
import { groupBy, neighbourIndex, pagesFromOldest } from "./collections.ts";
import { listedKey, pageFactory } from "./deferred.ts";
import { atomFeed, jsonFeed, rssFeed, type Feed, type FeedEntry } from "./feeds.ts";
import type { LocalArticle, ScriptContent } from "./localize.ts";
import { articleMeta, breadcrumbJsonLd, newsArticleJsonLd, pageMeta, webSiteJsonLd } from "./seo.ts";
import type { SitemapEntry } from "./sitemap.ts";
import type {
  ArchivePage, ArticlePage, Chrome, DeferredPage, Planned, HeadLink, HomePage, Link, ListItem, ListPage, OutputFile, PageBase, SearchPage,
  StaticPage,
} from "./types.ts";
import { fill, type UiText } from "./ui-text.ts";
import { createUrls, FEED_FILES, inScript, outputPath, paths, type FeedFormat, type SitePath } from "./urls.ts";

export interface ScriptPortal {
  script: Script;
  home: HomePage;
  articles: DeferredPage<ArticlePage>[];
  lists: DeferredPage<ListPage>[];
  archives: Planned<ArchivePage>[];
  pages: StaticPage[];
  notFound: StaticPage;
  search: SearchPage;
  feeds: OutputFile[];
  sitemap: SitemapEntry[];
}

export interface ScriptPortalOptions {
  /** Published articles in this script, newest first. */
  content: ScriptContent;
  t: UiText;
  now: DateTime;
  /** How many articles the search index holds (decides its shards). */
  /** The search index's shards, oldest first (src/search/shards.ts): folder name and the years it covers. */
  searchShards: { name: string; years: string }[];
  /** Buckets of the search index's word directory. */
  searchBuckets: number;
  /** Related articles by slug (src/portal/collections.ts relatedIndex), the same in both scripts. */
  related: ReadonlyMap<string, readonly string[]>;
}

const HOME_LATEST = 10;
const SECTION_SIZE = 5;
const FEED_TYPES: Record<FeedFormat, { type: string; label: string }> = {
  atom: { type: "application/atom+xml", label: "Atom" },
  rss: { type: "application/rss+xml", label: "RSS" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

export function buildScriptPortal({ content, t, now, searchShards, searchBuckets, related }: ScriptPortalOptions): ScriptPortal {
  const { site, script, articles } = content;
  const urls = createUrls(site);
  const zone = site.timeZone;
  const siteName = site.name;
  // Every path in this script: pages in the site's language at the root, others under their script's folder.
  const at = (path: SitePath, native: string = site.lang) => inScript(path, script, native);
  const href = (path: SitePath, native?: string) => urls.href(at(path, native));
  const articlePath = (a: LocalArticle) => at(paths.article(a.slug), a.lang);

  const byChannel = groupBy(articles, (a) => [a.channel.slug]);
  const byTag = groupBy(articles, (a) => a.tagKeys);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const tagName = new Map<string, string>();
  for (const a of articles) a.tagKeys.forEach((key, i) => tagName.set(key, a.tags[i]!));
  const sitemap: SitemapEntry[] = [];
  const feeds: OutputFile[] = [];
  const lastmodOf = (list: readonly LocalArticle[]) => (list[0] ? formatIso(list[0].updated ?? list[0].date, zone) : undefined);
  const addToSitemap = (path: SitePath, lastmod: string | undefined) =>
    sitemap.push({ url: urls.absolute(path), ...(lastmod ? { lastmod } : {}) });

  const channelLink = (channel: Channel): Link => ({ text: channel.name, href: href(paths.channel(channel.slug)) });
  // One list entry per article and one frame per "current" link, shared by every page that shows them: a large
  // portal lists each article on many pages, and separate copies made most of the build's memory.
  const items = new Map<LocalArticle, ListItem>();
  const item = (a: LocalArticle): ListItem => {
    let entry = items.get(a);
    if (!entry) {
      entry = {
        title: a.title,
        href: urls.href(articlePath(a)),
        dateDisplay: formatDisplay(a.date, zone),
        dateIso: formatIso(a.date, zone),
        channel: channelLink(a.channel),
        summary: a.summary,
      };
      items.set(a, entry);
    }
    return entry;
  };
  const homeLink: Link = { text: t.home, href: href(paths.home()) };
  const archiveLink: Link = { text: t.archive, href: href(paths.archive()) };
  const tagsLink: Link = { text: t.tags, href: href(paths.tags()) };
  const footerLinks: Link[] = [
    ...content.pages.map((p) => ({ text: p.title, href: href(paths.page(p.slug)) })),
    tagsLink,
    { text: t.subscribe, href: href(paths.feed("atom")) },
    { text: t.sitemap, href: urls.href(paths.file("sitemap.xml")) },
  ];
  const chromes = new Map<string | undefined, Chrome>();
  const chrome = (current?: string): Chrome => {
    let frame = chromes.get(current);
    if (!frame) chromes.set(current, (frame = makeChrome(current)));
    return frame;
  };
  const makeChrome = (current?: string): Chrome => ({
    t,
    siteName,
    homeHref: homeLink.href,
    nav: [homeLink, ...site.channels.map(channelLink), archiveLink].map((l) => ({ ...l, current: l.href === current })),
    footerLinks,
    sponsor: site.sponsor,
    ...(site.organizer ? { organizer: site.organizer } : {}),
    ...(site.icp ? { icp: site.icp } : {}),
    cssHref: urls.href(paths.asset("site.css")),
    scriptHref: urls.href(paths.asset("reader.js")),
    searchHref: href(paths.search()),
  });

  interface BaseSpec {
    kind: string;
    key: string;
    path: SitePath;
    title: string;
    description: string;
    crumbs: Link[];
    current?: string;
    ogType?: "website" | "article";
    column?: Channel;
  }
  const base = (spec: BaseSpec): PageBase => {
    const canonical = urls.absolute(spec.path);
    return {
      kind: spec.kind,
      key: spec.key,
      outputPath: outputPath(spec.path),
      lang: script,
      head: {
        title: spec.key === "home" ? siteName : `${spec.title} - ${siteName}`,
        description: spec.description,
        canonical,
        meta: pageMeta(site, {
          title: spec.title, description: spec.description, canonical, lang: script, ogType: spec.ogType ?? "website",
          ...(spec.column ? { column: spec.column } : {}),
        }),
        links: [],
        jsonLd: spec.crumbs.length > 0
          ? [breadcrumbJsonLd([...spec.crumbs, { text: spec.title, href: urls.href(spec.path) }], site.baseUrl)]
          : [],
      },
      chrome: chrome(spec.current),
      breadcrumbs: spec.crumbs,
    };
  };

  // Articles, lists and archives are built only when rendered (src/portal/deferred.ts).
  const { defer, twinned } = pageFactory({
    script, siteLang: site.lang, urls, otherScriptText: t.otherScript,
    frame: [site, [undefined, homeLink.href, archiveLink.href, ...site.channels.map((c) => channelLink(c).href)].map(chrome)],
  });
  const listings = (list: readonly LocalArticle[]) => list.map(listedKey);

  // Feeds: the whole portal and each channel, in three formats, advertised in the head of the page they follow.
  const newest = articles[0];
  const fallbackUpdated = newest ? (newest.updated ?? newest.date) : DateTime.fromMillis(0, { zone });
  const feedEntry = (a: LocalArticle): FeedEntry => {
    const url = urls.absolute(articlePath(a));
    return {
      id: url, url, title: a.title, summary: a.summary, html: a.html, published: a.date, updated: a.updated ?? a.date,
      author: a.author, source: a.source, channel: a.channel.name, tags: a.tags, lang: script,
    };
  };
  const feedPath = (format: FeedFormat, channel?: string) => at(paths.feed(format, channel));
  const writeFeeds = (title: string, description: string, home: SitePath, list: readonly LocalArticle[], channel?: string) => {
    const feed: Feed = {
      title, description, homeUrl: urls.absolute(home), lang: script, publisher: site.sponsor,
      urls: {
        atom: urls.absolute(feedPath("atom", channel)),
        rss: urls.absolute(feedPath("rss", channel)),
        json: urls.absolute(feedPath("json", channel)),
      },
      entries: list.slice(0, site.feedSize).map(feedEntry),
      fallbackUpdated,
      zone,
    };
    const render = { atom: atomFeed, rss: rssFeed, json: jsonFeed };
    for (const format of FORMATS) feeds.push({ outputPath: outputPath(feedPath(format, channel)), body: render[format](feed) });
  };
  const feedHeadLinks = (title: string, channel?: string): HeadLink[] =>
    FORMATS.map((format) => ({
      rel: "alternate", type: FEED_TYPES[format].type, title: `${title} (${FEED_TYPES[format].label})`,
      href: urls.href(feedPath(format, channel)),
    }));
  const feedLinks = (channel?: string): Link[] =>
    FORMATS.map((format) => ({ text: FEED_TYPES[format].label, href: urls.href(feedPath(format, channel)) }));
  writeFeeds(siteName, site.description ?? siteName, at(paths.home()), articles);
  const portalFeedHeadLinks = feedHeadLinks(siteName);

  // Articles, each made from its article, the links to its channel neighbours and its related articles.
  const neighbours = new Map([...byChannel.values()].flatMap((list) => [...neighbourIndex(list)]));
  const articlePages = articles.map((a): DeferredPage<ArticlePage> => {
    const path = articlePath(a);
    addToSitemap(path, formatIso(a.updated ?? a.date, zone));
    const { older, newer } = neighbours.get(a)!;
    const relatedList = (related.get(a.slug) ?? []).map((slug) => bySlug.get(slug)!);
    const noindex = a.draft || a.date > now;
    return defer(
      {
        kind: "article", key: `article:${a.slug}`, path: paths.article(a.slug), native: a.lang,
        inputs: [a.digest, noindex, older ? listedKey(older) : null, newer ? listedKey(newer) : null, listings(relatedList)],
      },
      () => articlePage(a, { path, noindex, related: relatedList, ...(older ? { older } : {}), ...(newer ? { newer } : {}) }),
    );
  });
  /** One article's page, from its inputs (above) only. */
  function articlePage(a: LocalArticle, from: { path: SitePath; noindex: boolean; older?: LocalArticle; newer?: LocalArticle; related: LocalArticle[] }): ArticlePage {
    const { path, older, newer } = from;
    const url = urls.absolute(path);
    const link = (x: LocalArticle): Link => ({ text: x.title, href: urls.href(articlePath(x)) });
    const channel = channelLink(a.channel);
    const page = base({
      kind: "article", key: `article:${a.slug}`, path, title: a.title, description: a.summary,
      crumbs: [homeLink, channel], current: channel.href, ogType: "article", column: a.channel,
    });
    page.head.meta.push(...articleMeta({ ...a, lang: script }, url, zone));
    page.head.jsonLd.unshift(newsArticleJsonLd({ ...a, lang: script }, url, zone));
    if (from.noindex) page.head.noindex = true;
    return {
      ...page,
      title: a.title,
      summary: a.summary,
      html: a.html,
      ...(a.cover ? { coverHtml: a.cover.html } : {}),
      meta: {
        source: a.source,
        author: a.author,
        dateDisplay: formatDisplay(a.date, zone),
        dateIso: formatIso(a.date, zone),
        ...(a.updated ? { updatedDisplay: formatDisplay(a.updated, zone), updatedIso: formatIso(a.updated, zone) } : {}),
        channel,
        ...(a.sponsor !== site.sponsor ? { sponsor: a.sponsor } : {}),
        ...(a.organizer && a.organizer !== site.organizer ? { organizer: a.organizer } : {}),
        ...(a.editor ? { editor: a.editor } : {}),
      },
      draft: a.draft,
      tags: a.tagKeys.map((key, i) => ({ text: a.tags[i]!, href: href(paths.tag(key)) })),
      ...(older ? { older: link(older) } : {}),
      ...(newer ? { newer: link(newer) } : {}),
      related: from.related.map(item),
    };
  }

  // Paged lists: channels and tags share one shape. Each page is made from its spec (key, title, intro) and the
  // articles it lists; the rest of the spec follows from the key and the frame.
  const lists: DeferredPage<ListPage>[] = [];
  interface ListSpec {
    kind: string;
    key: string;
    title: string;
    intro?: string;
    list: LocalArticle[];
    pathOf: (page?: number) => SitePath;
    crumbs: Link[];
    current?: string;
    column?: Channel;
    feeds?: { links: Link[]; head: HeadLink[] };
  }
  const pagedList = (spec: ListSpec) => {
    const { list, title } = spec;
    const pathOf = (page?: number) => at(spec.pathOf(page));
    const chunks = pagesFromOldest(list, site.perPage);
    const common = {
      kind: spec.kind, crumbs: spec.crumbs, ...(spec.current ? { current: spec.current } : {}),
      ...(spec.column ? { column: spec.column } : {}),
    };
    const newest = list.slice(0, site.perPage);
    lists.push(defer({ kind: spec.kind, key: spec.key, path: spec.pathOf(), inputs: [title, spec.intro ?? null, list.length, listings(newest)] }, () => {
      const front = base({
        ...common, key: spec.key, path: pathOf(), title,
        description: spec.intro ?? fill(t.listDescription, { title, site: siteName }),
      });
      if (spec.feeds) front.head.links.push(...spec.feeds.head, ...portalFeedHeadLinks);
      return {
        ...front,
        heading: title,
        ...(spec.intro ? { intro: spec.intro } : {}),
        items: newest.map(item),
        ...(spec.feeds ? { feeds: spec.feeds.links } : {}),
        ...(list.length > site.perPage
          ? {
            pager: {
              label: fill(t.latestOf, { n: site.perPage, total: list.length }),
              older: { text: t.older, href: urls.href(pathOf(chunks.length)) },
            },
          }
          : {}),
      };
    }));
    addToSitemap(pathOf(), lastmodOf(list));
    if (list.length <= site.perPage) return;
    chunks.forEach((chunk, i) => {
      const number = i + 1;
      const key = `${spec.key}:${number}`;
      lists.push(defer({ kind: spec.kind, key, path: spec.pathOf(number), inputs: [title, chunks.length, listings(chunk)] }, () => {
        const range = fill(t.range, {
          from: formatChineseDate(chunk[chunk.length - 1]!.date, zone), to: formatChineseDate(chunk[0]!.date, zone),
        });
        const pageTitle = fill(t.pageTitle, { title, n: number });
        const page = base({
          ...common, key, path: pathOf(number), title: pageTitle,
          description: fill(t.rangeDescription, { title, range }),
          crumbs: [...spec.crumbs, { text: title, href: urls.href(pathOf()) }],
        });
        return {
          ...page,
          heading: pageTitle,
          intro: range,
          items: chunk.map(item),
          pager: {
            label: fill(t.pageOf, { n: number, total: chunks.length }),
            newer: number < chunks.length
              ? { text: t.newer, href: urls.href(pathOf(number + 1)) }
              : { text: t.newest, href: urls.href(pathOf()) },
            ...(number > 1 ? { older: { text: t.older, href: urls.href(pathOf(number - 1)) } } : {}),
          },
        };
      }));
      addToSitemap(pathOf(number), lastmodOf(chunk));
    });
  };
  for (const channel of site.channels) {
    const list = byChannel.get(channel.slug) ?? [];
    const feedTitle = `${siteName}：${channel.name}`;
    const link = channelLink(channel);
    writeFeeds(feedTitle, channel.description ?? feedTitle, at(paths.channel(channel.slug)), list, channel.slug);
    pagedList({
      kind: "channel", key: `channel:${channel.slug}`, title: channel.name,
      ...(channel.description ? { intro: channel.description } : {}),
      list, pathOf: (page) => paths.channel(channel.slug, page), crumbs: [homeLink], current: link.href, column: channel,
      feeds: { links: feedLinks(channel.slug), head: feedHeadLinks(feedTitle, channel.slug) },
    });
  }
  const tagKeys = [...byTag.keys()].sort();
  for (const key of tagKeys) {
    pagedList({
      kind: "tag", key: `tag:${key}`, title: fill(t.tagTitle, { tag: tagName.get(key)! }), list: byTag.get(key)!,
      pathOf: (page) => paths.tag(key, page), crumbs: [homeLink, tagsLink],
    });
  }

  // Archives: all years and months; a page per year and per month (those two built when rendered).
  const archives: Planned<ArchivePage>[] = [];
  const byYear = groupBy(articles, (a) => [yearMonth(a.date, zone).year]);
  const years = [...byYear.keys()].sort().reverse();
  const monthsOf = (year: string) => {
    const byMonth = groupBy(byYear.get(year)!, (a) => [yearMonth(a.date, zone).month]);
    return { byMonth, months: [...byMonth.keys()].sort().reverse() };
  };
  archives.push(twinned({
    ...base({
      kind: "archive", key: "archive", path: at(paths.archive()), title: t.archiveTitle,
      description: fill(t.archiveDescription, { site: siteName }), crumbs: [homeLink], current: archiveLink.href,
    }),
    heading: t.archiveTitle,
    groups: years.map((year) => {
      const { byMonth, months } = monthsOf(year);
      return {
        heading: fill(t.year, { year }),
        href: href(paths.archiveYear(year)),
        links: months.map((month) => ({
          text: fill(t.month, { year, month }), href: href(paths.archiveMonth(year, month)), count: byMonth.get(month)!.length,
        })),
      };
    }),
  }, paths.archive()));
  addToSitemap(at(paths.archive()), lastmodOf(articles));
  archives.push(twinned({
    ...base({
      kind: "archive", key: "tags", path: at(paths.tags()), title: t.tags,
      description: fill(t.tagsDescription, { site: siteName }), crumbs: [homeLink],
    }),
    heading: t.tags,
    groups: [{
      heading: fill(t.tagCount, { n: tagKeys.length }),
      links: tagKeys.map((key) => ({ text: tagName.get(key)!, href: href(paths.tag(key)), count: byTag.get(key)!.length })),
    }],
  }, paths.tags()));
  addToSitemap(at(paths.tags()), lastmodOf(articles));
  const yearCrumbs = [homeLink, archiveLink];
  for (const year of years) {
    const inYear = byYear.get(year)!;
    const { byMonth, months } = monthsOf(year);
    const yearKey = `archive:${year}`;
    archives.push(defer({ kind: "archive", key: yearKey, path: paths.archiveYear(year), inputs: months.map((m) => [m, listings(byMonth.get(m)!)]) }, () => ({
      ...base({
        kind: "archive", key: yearKey, path: at(paths.archiveYear(year)), title: fill(t.yearTitle, { year }),
        description: fill(t.yearDescription, { site: siteName, year }), crumbs: yearCrumbs, current: archiveLink.href,
      }),
      heading: fill(t.yearTitle, { year }),
      groups: months.map((month) => ({
        heading: fill(t.month, { year, month }),
        href: href(paths.archiveMonth(year, month)),
        links: byMonth.get(month)!.map((a) => ({ text: a.title, href: urls.href(articlePath(a)) })),
      })),
    })));
    addToSitemap(at(paths.archiveYear(year)), lastmodOf(inYear));
    for (const month of months) {
      const inMonth = byMonth.get(month)!;
      const monthKey = `archive:${year}:${month}`;
      lists.push(defer({ kind: "month", key: monthKey, path: paths.archiveMonth(year, month), inputs: [listings(inMonth)] }, () => {
        const title = fill(t.monthTitle, { year, month });
        return {
          ...base({
            kind: "month", key: monthKey, path: at(paths.archiveMonth(year, month)), title,
            description: fill(t.monthDescription, { site: siteName, year, month }),
            crumbs: [...yearCrumbs, { text: fill(t.year, { year }), href: href(paths.archiveYear(year)) }],
            current: archiveLink.href,
          }),
          heading: title,
          intro: fill(t.count, { n: inMonth.length }),
          items: inMonth.map(item),
        };
      }));
      addToSitemap(at(paths.archiveMonth(year, month)), lastmodOf(inMonth));
    }
  }

  // Static pages
  const pages = content.pages.map((p): StaticPage => {
    const path = at(paths.page(p.slug));
    addToSitemap(path, undefined);
    return twinned({
      ...base({ kind: "page", key: `page:${p.slug}`, path, title: p.title, description: p.summary, crumbs: [homeLink] }),
      title: p.title,
      html: p.html,
    }, paths.page(p.slug));
  });
  const notFoundBase = base({
    kind: "page", key: "404", path: at(paths.file("404.html")), title: t.notFoundTitle, description: t.notFoundTitle, crumbs: [],
  });
  const notFound: StaticPage = twinned({
    ...notFoundBase,
    head: { ...notFoundBase.head, noindex: true },
    title: t.notFoundTitle,
    html: `<p>${t.notFoundBody}</p>`,
  }, paths.file("404.html"));

  // Home
  const homePath = at(paths.home());
  const homeBase = base({
    kind: "home", key: "home", path: homePath, title: siteName, description: site.description ?? siteName, crumbs: [],
    current: homeLink.href,
  });
  homeBase.head.jsonLd.push(webSiteJsonLd(site, urls.absolute(homePath), script));
  homeBase.head.links.push(...portalFeedHeadLinks);
  const home: HomePage = twinned({
    ...homeBase,
    feeds: feedLinks(),
    ...(articles[0] ? { lead: item(articles[0]) } : {}),
    latest: articles.slice(1, 1 + HOME_LATEST).map(item),
    sections: site.channels.map((c) => ({
      channel: channelLink(c),
      ...(c.description ? { description: c.description } : {}),
      more: fill(t.more, { channel: c.name }),
      items: (byChannel.get(c.slug) ?? []).slice(0, SECTION_SIZE).map(item),
    })),
  }, paths.home());
  addToSitemap(homePath, lastmodOf(articles));

  // Search: the page only; the index is built from the published articles after the pages are written.
  const searchPath = at(paths.search());
  const search: SearchPage = {
    ...base({
      kind: "search", key: "search", path: searchPath, title: t.searchTitle,
      description: fill(t.searchDescription, { site: siteName }), crumbs: [homeLink],
    }),
    heading: t.searchTitle,
    intro: t.searchHint,
    channels: site.channels.map((c) => ({ value: c.slug, text: c.name })),
    years,
    shards: searchShards.map((shard) => urls.href(paths.searchShard(shard.name))),
    shardYears: searchShards.map((shard) => shard.years),
    wordsHref: urls.href(paths.searchWords()),
    buckets: searchBuckets,
    searchScriptHref: urls.href(paths.asset("search.js")),
    messages: {
      count: t.resultsCount, shown: t.resultsShown, none: t.noResults, searching: t.searching, empty: t.searchEmpty,
      failed: t.searchFailed, previous: t.previousPage, next: t.nextPage, paging: t.pageOf, pages: t.resultsPages,
      searched: t.searchedYears, earlier: t.searchEarlier,
    },
  };
  search.head.noindex = true;
  twinned(search, paths.search());

  return { script, home, articles: articlePages, lists, archives, pages, notFound, search, feeds, sitemap };
}
