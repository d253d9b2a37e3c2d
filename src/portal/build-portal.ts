/**
 * The portal as data: every page the build writes, each a plain object with its output path and everything its
 * template prints already prepared (links, formatted times, JSON-LD). Templates only print; all decisions are
 * made here, where they are tested without Eleventy.
 */
import { DateTime } from "luxon";
import { formatChineseDate, formatDisplay, formatIso, yearMonth } from "../dates.ts";
import type { Article, Content, Page } from "../content/load.ts";
import type { Channel, SiteConfig } from "../content/site-config.ts";
import {
  groupBy, neighbours, nextPublication, pagesFromOldest, publishedArticles, relatedArticles,
} from "./collections.ts";
import { atomFeed, jsonFeed, rssFeed, type Feed, type FeedEntry } from "./feeds.ts";
import { inNewsWindow, newsSitemap, robotsTxt, sitemapFiles, type SitemapEntry } from "./sitemap.ts";
import {
  articleMeta, breadcrumbJsonLd, newsArticleJsonLd, pageMeta, webSiteJsonLd, type Link, type MetaTag,
} from "./seo.ts";
import { createUrls, FEED_FILES, outputPath, paths, type FeedFormat, type SitePath } from "./urls.ts";

export type { Link };

export interface HeadLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  hreflang?: string;
}

export interface Head {
  title: string;
  description: string;
  canonical: string;
  meta: MetaTag[];
  links: HeadLink[];
  /** JSON-LD documents, already escaped for a script element. */
  jsonLd: string[];
  noindex?: boolean;
}

export interface Chrome {
  siteName: string;
  homeHref: string;
  nav: (Link & { current: boolean })[];
  footerLinks: Link[];
  sponsor: string;
  organizer?: string;
  icp?: string;
  cssHref: string;
}

export interface PageBase {
  kind: string;
  /** Stable identity of the page across scripts and builds (`article:benxi`, `channel:news:3`). */
  key: string;
  outputPath: string;
  lang: string;
  head: Head;
  chrome: Chrome;
  breadcrumbs: Link[];
}

export interface ListItem {
  title: string;
  href: string;
  dateDisplay: string;
  dateIso: string;
  channel: Link;
  summary: string;
}

export interface Pager {
  label: string;
  newer?: Link;
  older?: Link;
}

export interface ListPage extends PageBase {
  heading: string;
  intro?: string;
  items: ListItem[];
  pager?: Pager;
  /** Visible subscription links (channel pages). */
  feeds?: Link[];
}

export interface ArticlePage extends PageBase {
  title: string;
  summary: string;
  html: string;
  meta: {
    source: string;
    author: string;
    dateDisplay: string;
    dateIso: string;
    updatedDisplay?: string;
    updatedIso?: string;
    channel: Link;
    sponsor?: string;
    editor?: string;
  };
  draft: boolean;
  tags: Link[];
  newer?: Link;
  older?: Link;
  related: ListItem[];
}

export interface HomePage extends PageBase {
  feeds: Link[];
  lead?: ListItem;
  latest: ListItem[];
  sections: { channel: Link; description?: string; items: ListItem[] }[];
}

export interface ArchivePage extends PageBase {
  heading: string;
  groups: { heading: string; href?: string; links: (Link & { count?: number })[] }[];
}

export interface StaticPage extends PageBase {
  title: string;
  html: string;
}

export interface Portal {
  home: HomePage;
  articles: ArticlePage[];
  lists: ListPage[];
  archives: ArchivePage[];
  pages: StaticPage[];
  notFound: StaticPage;
  /** Files printed as they are: feeds, sitemaps, robots.txt. */
  files: { outputPath: string; body: string }[];
  /** Counts for the build's report and checks. */
  stats: { published: number; waiting: number; drafts: number; next?: { file: string; date: string } };
}

export interface PortalOptions {
  now: DateTime;
  preview?: boolean;
}

const HOME_LATEST = 10;
const SECTION_SIZE = 5;
const FEED_TYPES: Record<FeedFormat, { type: string; label: string }> = {
  atom: { type: "application/atom+xml", label: "Atom" },
  rss: { type: "application/rss+xml", label: "RSS" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};
const FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

export function buildPortal(content: Content & { site: SiteConfig }, options: PortalOptions): Portal {
  const { site } = content;
  const urls = createUrls(site);
  const zone = site.timeZone;
  const articles = publishedArticles(content.articles, { now: options.now, ...(options.preview ? { preview: true } : {}) });
  const byChannel = groupBy(articles, (a) => [a.channel.slug]);
  const byTag = groupBy(articles, (a) => a.tags);
  const sitemap: SitemapEntry[] = [];
  const files: { outputPath: string; body: string }[] = [];
  const lastmodOf = (list: readonly Article[]) => (list[0] ? formatIso(list[0].updated ?? list[0].date, zone) : undefined);
  const addToSitemap = (path: SitePath, lastmod: string | undefined) =>
    sitemap.push({ url: urls.absolute(path), ...(lastmod ? { lastmod } : {}) });

  const channelLink = (channel: Channel): Link => ({ text: channel.name, href: urls.href(paths.channel(channel.slug)) });
  const item = (a: Article): ListItem => ({
    title: a.title,
    href: urls.href(paths.article(a.slug)),
    dateDisplay: formatDisplay(a.date, zone),
    dateIso: formatIso(a.date, zone),
    channel: channelLink(a.channel),
    summary: a.summary,
  });
  const chrome = (current?: string): Chrome => ({
    siteName: site.name,
    homeHref: urls.href(paths.home()),
    nav: [
      { text: "首頁", href: urls.href(paths.home()) },
      ...site.channels.map(channelLink),
      { text: "歸檔", href: urls.href(paths.archive()) },
    ].map((l) => ({ ...l, current: l.href === current })),
    footerLinks: [
      ...content.pages.map((p) => ({ text: p.title, href: urls.href(paths.page(p.slug)) })),
      { text: "關鍵詞", href: urls.href(paths.tags()) },
      { text: "訂閱", href: urls.href(paths.feed("atom")) },
      { text: "網站地圖", href: urls.href(paths.file("sitemap.xml")) },
    ],
    sponsor: site.sponsor,
    ...(site.organizer ? { organizer: site.organizer } : {}),
    ...(site.icp ? { icp: site.icp } : {}),
    cssHref: urls.href(paths.asset("site.css")),
  });
  const home: Link = { text: "首頁", href: urls.href(paths.home()) };
  interface BaseSpec {
    kind: string;
    key: string;
    path: SitePath;
    title: string;
    description: string;
    crumbs: Link[];
    current?: string;
    lang?: string;
    ogType?: "website" | "article";
    column?: Channel;
  }
  const base = (spec: BaseSpec): PageBase => {
    const lang = spec.lang ?? site.lang;
    const canonical = urls.absolute(spec.path);
    return {
      kind: spec.kind,
      key: spec.key,
      outputPath: outputPath(spec.path),
      lang,
      head: {
        title: spec.path === paths.home() ? site.name : `${spec.title} - ${site.name}`,
        description: spec.description,
        canonical,
        meta: pageMeta(site, {
          title: spec.title, description: spec.description, canonical, lang, ogType: spec.ogType ?? "website",
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

  // Feeds: the whole portal and each channel, in three formats, advertised in the head of the page they follow.
  const newestOverall = articles[0] ? (articles[0].updated ?? articles[0].date) : DateTime.fromMillis(0, { zone });
  const feedEntry = (a: Article): FeedEntry => {
    const url = urls.absolute(paths.article(a.slug));
    return {
      id: url, url, title: a.title, summary: a.summary, html: a.html, published: a.date, updated: a.updated ?? a.date,
      author: a.author, source: a.source, channel: a.channel.name, tags: a.tags, lang: a.lang,
    };
  };
  const writeFeeds = (title: string, description: string, homePath: SitePath, list: readonly Article[], channel?: string) => {
    const feed: Feed = {
      title, description, homeUrl: urls.absolute(homePath), lang: site.lang, publisher: site.sponsor,
      urls: { atom: urls.absolute(paths.feed("atom", channel)), rss: urls.absolute(paths.feed("rss", channel)), json: urls.absolute(paths.feed("json", channel)) },
      entries: list.slice(0, site.feedSize).map(feedEntry),
      fallbackUpdated: newestOverall,
      zone,
    };
    const render = { atom: atomFeed, rss: rssFeed, json: jsonFeed };
    for (const format of FORMATS) files.push({ outputPath: outputPath(paths.feed(format, channel)), body: render[format](feed) });
  };
  const feedHeadLinks = (title: string, channel?: string): HeadLink[] =>
    FORMATS.map((format) => ({ rel: "alternate", type: FEED_TYPES[format].type, title: `${title} (${FEED_TYPES[format].label})`, href: urls.href(paths.feed(format, channel)) }));
  const feedLinks = (channel?: string): Link[] =>
    FORMATS.map((format) => ({ text: FEED_TYPES[format].label, href: urls.href(paths.feed(format, channel)) }));
  writeFeeds(site.name, site.description ?? site.name, paths.home(), articles);
  const portalFeedLinks = feedHeadLinks(site.name);

  // Articles
  const articlePages = articles.map((a): ArticlePage => {
    const path = paths.article(a.slug);
    const url = urls.absolute(path);
    const channelList = byChannel.get(a.channel.slug) ?? [];
    const { older, newer } = neighbours(channelList, a);
    const link = (x: Article): Link => ({ text: x.title, href: urls.href(paths.article(x.slug)) });
    const page = base({
      kind: "article", key: `article:${a.slug}`, path, title: a.title, description: a.summary,
      crumbs: [home, channelLink(a.channel)], current: channelLink(a.channel).href, lang: a.lang, ogType: "article",
      column: a.channel,
    });
    page.head.meta.push(...articleMeta(a, url, zone));
    page.head.jsonLd.unshift(newsArticleJsonLd(a, url, zone));
    if (a.draft || a.date > options.now) page.head.noindex = true;
    addToSitemap(path, formatIso(a.updated ?? a.date, zone));
    return {
      ...page,
      title: a.title,
      summary: a.summary,
      html: a.html,
      meta: {
        source: a.source,
        author: a.author,
        dateDisplay: formatDisplay(a.date, zone),
        dateIso: formatIso(a.date, zone),
        ...(a.updated ? { updatedDisplay: formatDisplay(a.updated, zone), updatedIso: formatIso(a.updated, zone) } : {}),
        channel: channelLink(a.channel),
        ...(a.sponsor !== site.sponsor ? { sponsor: a.sponsor } : {}),
        ...(a.editor ? { editor: a.editor } : {}),
      },
      draft: a.draft,
      tags: a.tags.map((t) => ({ text: t, href: urls.href(paths.tag(t)) })),
      ...(older ? { older: link(older) } : {}),
      ...(newer ? { newer: link(newer) } : {}),
      related: relatedArticles(a, byTag, channelList).map(item),
    };
  });

  // Paged lists: channels and tags share one shape.
  const lists: ListPage[] = [];
  interface ListSpec {
    kind: string;
    key: string;
    title: string;
    intro?: string;
    list: Article[];
    pathOf: (page?: number) => SitePath;
    crumbs: Link[];
    current?: string;
    column?: Channel;
    feeds?: { links: Link[]; head: HeadLink[] };
  }
  const pagedList = (spec: ListSpec) => {
    const { list, pathOf, title } = spec;
    const chunks = pagesFromOldest(list, site.perPage);
    const common = { kind: spec.kind, crumbs: spec.crumbs, ...(spec.current ? { current: spec.current } : {}), ...(spec.column ? { column: spec.column } : {}) };
    const front = base({ ...common, key: spec.key, path: pathOf(), title, description: spec.intro ?? `${title}：${site.name}的最新文章` });
    if (spec.feeds) front.head.links.push(...spec.feeds.head, ...portalFeedLinks);
    lists.push({
      ...front,
      heading: title,
      ...(spec.intro ? { intro: spec.intro } : {}),
      items: list.slice(0, site.perPage).map(item),
      ...(spec.feeds ? { feeds: spec.feeds.links } : {}),
      ...(list.length > site.perPage
        ? { pager: { label: `最新 ${site.perPage} 篇，共 ${list.length} 篇`, older: { text: "更早的文章", href: urls.href(pathOf(chunks.length)) } } }
        : {}),
    });
    addToSitemap(pathOf(), lastmodOf(list));
    if (list.length <= site.perPage) return;
    chunks.forEach((chunk, i) => {
      const number = i + 1;
      const range = `${formatChineseDate(chunk[chunk.length - 1]!.date, zone)}至${formatChineseDate(chunk[0]!.date, zone)}`;
      const pageTitle = `${title}（第 ${number} 頁）`;
      const page = base({
        ...common, key: `${spec.key}:${number}`, path: pathOf(number), title: pageTitle, description: `${title}：${range}的文章`,
        crumbs: [...spec.crumbs, { text: title, href: urls.href(pathOf()) }],
      });
      lists.push({
        ...page,
        heading: pageTitle,
        intro: range,
        items: chunk.map(item),
        pager: {
          label: `第 ${number} 頁，共 ${chunks.length} 頁`,
          newer: number < chunks.length
            ? { text: "較新的文章", href: urls.href(pathOf(number + 1)) }
            : { text: "最新文章", href: urls.href(pathOf()) },
          ...(number > 1 ? { older: { text: "更早的文章", href: urls.href(pathOf(number - 1)) } } : {}),
        },
      });
      addToSitemap(pathOf(number), lastmodOf(chunk));
    });
  };
  for (const channel of site.channels) {
    const list = byChannel.get(channel.slug) ?? [];
    const feedTitle = `${site.name}：${channel.name}`;
    writeFeeds(feedTitle, channel.description ?? feedTitle, paths.channel(channel.slug), list, channel.slug);
    pagedList({
      kind: "channel", key: `channel:${channel.slug}`, title: channel.name, ...(channel.description ? { intro: channel.description } : {}),
      list, pathOf: (page) => paths.channel(channel.slug, page), crumbs: [home], current: channelLink(channel).href, column: channel,
      feeds: { links: feedLinks(channel.slug), head: feedHeadLinks(feedTitle, channel.slug) },
    });
  }
  const tagNames = [...byTag.keys()].sort();
  for (const tag of tagNames) {
    pagedList({
      kind: "tag", key: `tag:${tag}`, title: `關鍵詞：${tag}`, list: byTag.get(tag)!, pathOf: (page) => paths.tag(tag, page),
      crumbs: [home, { text: "關鍵詞", href: urls.href(paths.tags()) }],
    });
  }

  // Archives: all years and months; a page per year and per month.
  const archives: ArchivePage[] = [];
  const byYear = groupBy(articles, (a) => [yearMonth(a.date, zone).year]);
  const archiveLink: Link = { text: "歸檔", href: urls.href(paths.archive()) };
  const years = [...byYear.keys()].sort().reverse();
  archives.push({
    ...base({ kind: "archive", key: "archive", path: paths.archive(), title: "文章歸檔", description: `${site.name}全部文章，按年月歸檔`, crumbs: [home], current: archiveLink.href }),
    heading: "文章歸檔",
    groups: years.map((year) => {
      const byMonth = groupBy(byYear.get(year)!, (a) => [yearMonth(a.date, zone).month]);
      return {
        heading: `${year}年`,
        href: urls.href(paths.archiveYear(year)),
        links: [...byMonth.keys()].sort().reverse().map((month) => ({
          text: `${year}年${month}月`, href: urls.href(paths.archiveMonth(year, month)), count: byMonth.get(month)!.length,
        })),
      };
    }),
  });
  addToSitemap(paths.archive(), lastmodOf(articles));
  archives.push({
    ...base({ kind: "archive", key: "tags", path: paths.tags(), title: "關鍵詞", description: `${site.name}文章的全部關鍵詞`, crumbs: [home] }),
    heading: "關鍵詞",
    groups: [{
      heading: `共 ${tagNames.length} 個關鍵詞`,
      links: tagNames.map((t) => ({ text: t, href: urls.href(paths.tag(t)), count: byTag.get(t)!.length })),
    }],
  });
  addToSitemap(paths.tags(), lastmodOf(articles));
  for (const year of years) {
    const inYear = byYear.get(year)!;
    const byMonth = groupBy(inYear, (a) => [yearMonth(a.date, zone).month]);
    const months = [...byMonth.keys()].sort().reverse();
    const yearCrumbs = [home, archiveLink];
    archives.push({
      ...base({ kind: "archive", key: `archive:${year}`, path: paths.archiveYear(year), title: `${year}年文章`, description: `${site.name}${year}年的全部文章`, crumbs: yearCrumbs, current: archiveLink.href }),
      heading: `${year}年文章`,
      groups: months.map((month) => ({
        heading: `${year}年${month}月`,
        href: urls.href(paths.archiveMonth(year, month)),
        links: byMonth.get(month)!.map((a) => ({ text: a.title, href: urls.href(paths.article(a.slug)) })),
      })),
    });
    addToSitemap(paths.archiveYear(year), lastmodOf(inYear));
    for (const month of months) {
      const inMonth = byMonth.get(month)!;
      const title = `${year}年${month}月文章`;
      lists.push({
        ...base({
          kind: "month", key: `archive:${year}:${month}`, path: paths.archiveMonth(year, month), title, description: `${site.name}${year}年${month}月的全部文章`,
          crumbs: [...yearCrumbs, { text: `${year}年`, href: urls.href(paths.archiveYear(year)) }], current: archiveLink.href,
        }),
        heading: title,
        intro: `共 ${inMonth.length} 篇`,
        items: inMonth.map(item),
      });
      addToSitemap(paths.archiveMonth(year, month), lastmodOf(inMonth));
    }
  }

  // Static pages
  const pages = content.pages.map((p: Page): StaticPage => {
    const path = paths.page(p.slug);
    addToSitemap(path, undefined);
    return { ...base({ kind: "page", key: `page:${p.slug}`, path, title: p.title, description: p.summary, crumbs: [home] }), title: p.title, html: p.html };
  });
  const notFoundBase = base({ kind: "page", key: "404", path: paths.file("404.html"), title: "找不到這個頁面", description: "找不到這個頁面", crumbs: [] });
  const notFound: StaticPage = {
    ...notFoundBase,
    head: { ...notFoundBase.head, noindex: true },
    title: "找不到這個頁面",
    html: "<p>您要找的頁面不存在，可能已被移動或網址有誤。請從首頁、欄目或文章歸檔繼續瀏覽。</p>",
  };

  // Home
  const homePath = paths.home();
  const homeBase = base({ kind: "home", key: "home", path: homePath, title: site.name, description: site.description ?? site.name, crumbs: [], current: urls.href(homePath) });
  homeBase.head.jsonLd.push(webSiteJsonLd(site, urls.absolute(homePath), site.lang));
  homeBase.head.links.push(...portalFeedLinks);
  const homePage: HomePage = {
    ...homeBase,
    feeds: feedLinks(),
    ...(articles[0] ? { lead: item(articles[0]) } : {}),
    latest: articles.slice(1, 1 + HOME_LATEST).map(item),
    sections: site.channels.map((c) => ({
      channel: channelLink(c),
      ...(c.description ? { description: c.description } : {}),
      items: (byChannel.get(c.slug) ?? []).slice(0, SECTION_SIZE).map(item),
    })),
  };
  addToSitemap(homePath, lastmodOf(articles));

  // Sitemaps and robots.txt
  for (const file of sitemapFiles(sitemap, (n) => urls.absolute(paths.file(`sitemap-${n}.xml`)))) {
    files.push({ outputPath: outputPath(paths.file(file.name)), body: file.body });
  }
  const newsPath = paths.file("sitemap-news.xml");
  const news = articles
    .filter((a) => !a.draft && inNewsWindow(a.date, options.now))
    .map((a) => ({ url: urls.absolute(paths.article(a.slug)), title: a.title, published: formatIso(a.date, zone), lang: a.lang }));
  files.push({ outputPath: outputPath(newsPath), body: newsSitemap(site.name, news, urls.absolute(homePath)) });
  files.push({ outputPath: outputPath(paths.file("robots.txt")), body: robotsTxt([urls.absolute(paths.file("sitemap.xml")), urls.absolute(newsPath)]) });

  const next = nextPublication(content.articles, options.now);
  return {
    home: homePage,
    articles: articlePages,
    lists,
    archives,
    pages,
    notFound,
    files,
    stats: {
      published: articles.filter((a) => !a.draft && a.date <= options.now).length,
      waiting: content.articles.filter((a) => !a.draft && a.date > options.now).length,
      drafts: content.articles.filter((a) => a.draft).length,
      ...(next ? { next: { file: next.file, date: formatIso(next.date, zone) } } : {}),
    },
  };
}
