/**
 * The portal as data: every page the build writes, each a plain object with its output path and everything its
 * template prints already prepared (links, formatted times, JSON-LD). Templates only print; all decisions are
 * made here, where they are tested without Eleventy.
 */
import type { DateTime } from "luxon";
import { formatChineseDate, formatDisplay, formatIso, yearMonth } from "../dates.ts";
import type { Article, Content, Page } from "../content/load.ts";
import type { Channel, SiteConfig } from "../content/site-config.ts";
import {
  groupBy, neighbours, nextPublication, pagesFromOldest, publishedArticles, relatedArticles,
} from "./collections.ts";
import { jsonForScript } from "./escape.ts";
import { robotsTxt, sitemapXml, type SitemapEntry } from "./sitemap.ts";
import { createUrls, outputPath, paths, type SitePath, type Urls } from "./urls.ts";

export interface Link {
  text: string;
  href: string;
}

export interface Head {
  title: string;
  description: string;
  canonical: string;
  ogType: "website" | "article";
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
  /** Files printed as they are: sitemap.xml, robots.txt. */
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

export function buildPortal(content: Content & { site: SiteConfig }, options: PortalOptions): Portal {
  const { site } = content;
  const urls = createUrls(site);
  const zone = site.timeZone;
  const articles = publishedArticles(content.articles, { now: options.now, ...(options.preview ? { preview: true } : {}) });
  const byChannel = groupBy(articles, (a) => [a.channel.slug]);
  const byTag = groupBy(articles, (a) => a.tags);
  const sitemap: SitemapEntry[] = [];
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
      { text: "網站地圖", href: urls.href(paths.file("sitemap.xml")) },
    ],
    sponsor: site.sponsor,
    ...(site.organizer ? { organizer: site.organizer } : {}),
    ...(site.icp ? { icp: site.icp } : {}),
    cssHref: urls.href(paths.asset("site.css")),
  });
  const home: Link = { text: "首頁", href: urls.href(paths.home()) };
  const base = (kind: string, path: SitePath, title: string, description: string, crumbs: Link[], current?: string,
    lang: string = site.lang): PageBase => ({
    kind,
    outputPath: outputPath(path),
    lang,
    head: {
      title: path === paths.home() ? site.name : `${title} - ${site.name}`,
      description,
      canonical: urls.absolute(path),
      ogType: "website",
      jsonLd: crumbs.length > 0 ? [breadcrumbJsonLd([...crumbs, { text: title, href: urls.href(path) }], site)] : [],
    },
    chrome: chrome(current),
    breadcrumbs: crumbs,
  });

  // Articles
  const articlePages = articles.map((a): ArticlePage => {
    const path = paths.article(a.slug);
    const channelList = byChannel.get(a.channel.slug) ?? [];
    const { older, newer } = neighbours(channelList, a);
    const link = (x: Article): Link => ({ text: x.title, href: urls.href(paths.article(x.slug)) });
    const page = base("article", path, a.title, a.summary, [home, channelLink(a.channel)], channelLink(a.channel).href, a.lang);
    page.head.ogType = "article";
    page.head.jsonLd.unshift(newsArticleJsonLd(a, urls, site));
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
  const pagedList = (kind: string, title: string, intro: string | undefined, list: Article[],
    pathOf: (page?: number) => SitePath, crumbs: Link[], current?: string) => {
    const chunks = pagesFromOldest(list, site.perPage);
    const lastmod = lastmodOf(list);
    const front = base(kind, pathOf(), title, intro ?? `${title}：${site.name}的最新文章`, crumbs, current);
    lists.push({
      ...front,
      heading: title,
      ...(intro ? { intro } : {}),
      items: list.slice(0, site.perPage).map(item),
      ...(list.length > site.perPage
        ? { pager: { label: `最新 ${site.perPage} 篇，共 ${list.length} 篇`, older: { text: "更早的文章", href: urls.href(pathOf(chunks.length)) } } }
        : {}),
    });
    addToSitemap(pathOf(), lastmod);
    if (list.length <= site.perPage) return;
    chunks.forEach((chunk, i) => {
      const number = i + 1;
      const first = chunk[chunk.length - 1]!;
      const last = chunk[0]!;
      const range = `${formatChineseDate(first.date, zone)}至${formatChineseDate(last.date, zone)}`;
      const pageTitle = `${title}（第 ${number} 頁）`;
      const page = base(kind, pathOf(number), pageTitle, `${title}：${range}的文章`, [...crumbs, { text: title, href: urls.href(pathOf()) }], current);
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
    const link = channelLink(channel);
    pagedList("channel", channel.name, channel.description, byChannel.get(channel.slug) ?? [],
      (page) => paths.channel(channel.slug, page), [home], link.href);
  }
  const tagNames = [...byTag.keys()].sort();
  for (const tag of tagNames) {
    pagedList("tag", `關鍵詞：${tag}`, undefined, byTag.get(tag)!, (page) => paths.tag(tag, page),
      [home, { text: "關鍵詞", href: urls.href(paths.tags()) }]);
  }

  // Archives: all years and months; a page per year and per month.
  const archives: ArchivePage[] = [];
  const byYear = groupBy(articles, (a) => [yearMonth(a.date, zone).year]);
  const archiveLink: Link = { text: "歸檔", href: urls.href(paths.archive()) };
  const years = [...byYear.keys()].sort().reverse();
  archives.push({
    ...base("archive", paths.archive(), "文章歸檔", `${site.name}全部文章，按年月歸檔`, [home], archiveLink.href),
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
  const tagsIndex: ArchivePage = {
    ...base("archive", paths.tags(), "關鍵詞", `${site.name}文章的全部關鍵詞`, [home]),
    heading: "關鍵詞",
    groups: [{
      heading: `共 ${tagNames.length} 個關鍵詞`,
      links: tagNames.map((t) => ({ text: t, href: urls.href(paths.tag(t)), count: byTag.get(t)!.length })),
    }],
  };
  archives.push(tagsIndex);
  addToSitemap(paths.tags(), lastmodOf(articles));
  for (const year of years) {
    const inYear = byYear.get(year)!;
    const byMonth = groupBy(inYear, (a) => [yearMonth(a.date, zone).month]);
    const months = [...byMonth.keys()].sort().reverse();
    const yearCrumbs = [home, archiveLink];
    archives.push({
      ...base("archive", paths.archiveYear(year), `${year}年文章`, `${site.name}${year}年的全部文章`, yearCrumbs, archiveLink.href),
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
        ...base("month", paths.archiveMonth(year, month), title, `${site.name}${year}年${month}月的全部文章`,
          [...yearCrumbs, { text: `${year}年`, href: urls.href(paths.archiveYear(year)) }], archiveLink.href),
        heading: title,
        intro: `共 ${inMonth.length} 篇`,
        items: inMonth.map(item),
      });
      addToSitemap(paths.archiveMonth(year, month), lastmodOf(inMonth));
    }
  }

  // Static pages
  const staticPage = (p: Page): StaticPage => {
    const path = paths.page(p.slug);
    addToSitemap(path, undefined);
    return { ...base("page", path, p.title, p.summary, [home]), title: p.title, html: p.html };
  };
  const pages = content.pages.map(staticPage);
  const notFoundBase = base("page", paths.file("404.html"), "找不到這個頁面", "找不到這個頁面", []);
  const notFound: StaticPage = {
    ...notFoundBase,
    head: { ...notFoundBase.head, noindex: true },
    title: "找不到這個頁面",
    html: "<p>您要找的頁面不存在，可能已被移動或網址有誤。請從首頁、欄目或文章歸檔繼續瀏覽。</p>",
  };

  // Home
  const homePath = paths.home();
  const homeBase = base("home", homePath, site.name, site.description ?? site.name, [], urls.href(homePath));
  homeBase.head.jsonLd.push(jsonForScript({
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: urls.absolute(homePath),
    inLanguage: site.lang,
    publisher: { "@type": "Organization", name: site.sponsor },
  }));
  const homePage: HomePage = {
    ...homeBase,
    ...(articles[0] ? { lead: item(articles[0]) } : {}),
    latest: articles.slice(1, 1 + HOME_LATEST).map(item),
    sections: site.channels.map((c) => ({
      channel: channelLink(c),
      ...(c.description ? { description: c.description } : {}),
      items: (byChannel.get(c.slug) ?? []).slice(0, SECTION_SIZE).map(item),
    })),
  };
  addToSitemap(homePath, lastmodOf(articles));

  const sitemapPath = paths.file("sitemap.xml");
  const next = nextPublication(content.articles, options.now);
  return {
    home: homePage,
    articles: articlePages,
    lists,
    archives,
    pages,
    notFound,
    files: [
      { outputPath: outputPath(sitemapPath), body: sitemapXml(sitemap) },
      { outputPath: outputPath(paths.file("robots.txt")), body: robotsTxt([urls.absolute(sitemapPath)]) },
    ],
    stats: {
      published: articles.filter((a) => !a.draft && a.date <= options.now).length,
      waiting: content.articles.filter((a) => !a.draft && a.date > options.now).length,
      drafts: content.articles.filter((a) => a.draft).length,
      ...(next ? { next: { file: next.file, date: formatIso(next.date, zone) } } : {}),
    },
  };
}

function newsArticleJsonLd(a: Article, urls: Urls, site: SiteConfig): string {
  const url = urls.absolute(paths.article(a.slug));
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.summary,
    datePublished: formatIso(a.date, site.timeZone),
    dateModified: formatIso(a.updated ?? a.date, site.timeZone),
    author: { "@type": "Person", name: a.author },
    publisher: { "@type": "Organization", name: a.sponsor },
    sourceOrganization: { "@type": "Organization", name: a.source },
    articleSection: a.channel.name,
    keywords: a.tags.join(","),
    inLanguage: a.lang,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
  });
}

function breadcrumbJsonLd(crumbs: Link[], site: SiteConfig): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.text, item: site.baseUrl + c.href })),
  });
}
