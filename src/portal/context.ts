/**
 * What every page family of one script shares (src/portal/pages/): the script's addresses, its articles grouped
 * every way a page lists them, the list entries and chromes shared by all pages, and the page base each page
 * starts from.
 */
import type { DateTime } from "luxon";
import { formatDisplay, formatIso, formatListDate, yearMonth } from "../dates.ts";
import type { Channel, SiteConfig } from "../content/site-config.ts";
import type { Page } from "../content/pages.ts";
import type { Script } from "../scripts/convert.ts";
import { groupBy } from "./collections.ts";
import { listedKey, pageFactory, type PageFactory } from "./deferred.ts";
import type { LocalArticle, ScriptContent } from "./localize.ts";
import { breadcrumbJsonLd, pageMeta } from "./seo.ts";
import { scriptFeeds, type ScriptFeeds } from "./feeds.ts";
import type { Chrome, Link, ListItem, PageBase, PageKind, Planned, SitemapEntry } from "./types.ts";
import type { UiText } from "./ui-text.ts";
import { createUrls, siteFile, inScript, outputPath, paths, type SitePath, type Urls } from "./urls.ts";
import { ICP_LINK, POLICE_RECORD_DIGITS, POLICE_RECORD_LINK } from "../content/site-config.ts";

/** The search index as the search page links it: its shards and its word directory (src/search/shards.ts). */
export interface SearchLayout {
  /** Shards oldest first: folder name and the years its articles cover ("2016-2017"). */
  shards: { name: string; years: string }[];
  /** Buckets of the word directory. */
  buckets: number;
}

export interface ScriptContextOptions {
  /** Published articles in this script, newest first, and the site and standalone pages in it. */
  content: ScriptContent;
  t: UiText;
  /** The build's reference time: later articles are not yet published. */
  now: DateTime;
  search: SearchLayout;
  /** Related articles by slug (src/portal/collections.ts relatedIndex), the same in both scripts. */
  related: ReadonlyMap<string, readonly string[]>;
}

/** What a page's base is made from: its place, its words for the head, its breadcrumbs and its current link. */
export interface BaseSpec {
  kind: PageKind;
  key: string;
  path: SitePath;
  title: string;
  description: string;
  crumbs: Link[];
  /** The navigation link marked current (its href). */
  current?: string;
  ogType?: "website" | "article";
  /** The channel a page belongs to, for the government-site column metadata. */
  column?: Channel;
}

/** A page family (src/portal/pages/): its pages in one script, planned. */
export type PageFamily<P extends PageBase> = (context: ScriptContext) => Planned<P>[];

export interface ScriptContext extends PageFactory {
  site: SiteConfig;
  script: Script;
  t: UiText;
  now: DateTime;
  zone: string;
  urls: Urls;
  search: SearchLayout;
  related: ReadonlyMap<string, readonly string[]>;
  /** Published articles, newest first, and standalone pages. */
  articles: LocalArticle[];
  pages: Page[];
  byChannel: Map<string, LocalArticle[]>;
  byTag: Map<string, LocalArticle[]>;
  /** Tag identities (src/portal/localize.ts), sorted. */
  tagKeys: string[];
  byYear: Map<string, LocalArticle[]>;
  /** Years with articles, newest first, each with its months newest first and their articles. */
  calendar: { year: string; months: { month: string; articles: LocalArticle[] }[] }[];
  bySlug: Map<string, LocalArticle>;
  /** A tag's name in this script, by its identity (src/portal/localize.ts). */
  tagName: Map<string, string>;
  links: { home: Link; archive: Link; tags: Link };
  /** A path in this script: pages whose own script (`native`, the site's by default) is the other one move to its folder. */
  at(path: SitePath, native?: string): SitePath;
  /** The link to `at(path, native)`. */
  href(path: SitePath, native?: string): string;
  articlePath(a: LocalArticle): SitePath;
  channelLink(channel: Channel): Link;
  /** An article's entry in lists. */
  item(a: LocalArticle): ListItem;
  /** The chrome whose current navigation link is `current` (one object per link, shared by its pages). */
  chrome(current?: string): Chrome;
  base(spec: BaseSpec): PageBase;
  /** What a deferred page lists of each article, for its inputs. */
  listings(list: readonly LocalArticle[]): string[];
  /** A page's sitemap entry, its last modification the newest of `list` (or none). */
  sitemapEntry(path: SitePath, list?: readonly LocalArticle[]): SitemapEntry;
  /** This script's feeds and the links that advertise them (src/portal/feeds.ts). */
  feeds: ScriptFeeds;
}

export function scriptContext({ content, t, now, search, related }: ScriptContextOptions): ScriptContext {
  const { site, script, articles } = content;
  const urls = createUrls(site);
  const zone = site.timeZone;
  const at = (path: SitePath, native: string = site.lang) => inScript(path, script, native);
  const href = (path: SitePath, native?: string) => urls.href(at(path, native));
  const articlePath = (a: LocalArticle) => at(paths.article(a.slug), a.lang);
  const channelLink = (channel: Channel): Link => ({ text: channel.name, href: href(paths.channel(channel.slug)) });
  const links = {
    home: { text: t.home, href: href(paths.home()) },
    archive: { text: t.archive, href: href(paths.archive()) },
    tags: { text: t.tags, href: href(paths.tags()) },
  };
  const tagName = tagNames(articles);

  // Made afresh for each list (a list page is made only when it is rendered): kept, they would hold every
  // article's entry for the rest of the build.
  // Lists print this year's dates as MM-DD: the build's reference year is part of every list page's inputs.
  const thisYear = yearMonth(now, zone).year;
  const item = (a: LocalArticle): ListItem => ({
    title: a.title, href: urls.href(articlePath(a)), dateDisplay: formatDisplay(a.date, zone), dateIso: formatIso(a.date, zone),
    dateShort: formatListDate(a.date, thisYear, zone),
    channel: channelLink(a.channel), summary: a.summary, ...(a.draft ? { draft: true as const } : {}),
  });
  const footerLinks: Link[] = [
    ...content.pages.map((p) => ({ text: p.title, href: href(paths.page(p.slug)) })),
    links.tags,
    { text: t.subscribe, href: href(paths.feed("atom")) },
    { text: t.sitemap, href: urls.href(paths.file("sitemap.xml")) },
  ];
  const records = siteRecords(site, urls);
  const chromes = new Map<string | undefined, Chrome>();
  const chrome = (current?: string): Chrome => {
    let made = chromes.get(current);
    if (!made) {
      made = {
        t, siteName: site.name, homeHref: links.home.href,
        nav: [links.home, ...site.channels.map(channelLink), links.archive].map((l) => ({ ...l, current: l.href === current })),
        footerLinks, sponsor: site.sponsor,
        ...(site.organizer ? { organizer: site.organizer } : {}),
        ...records,
        cssHref: urls.href(paths.asset("site.css")), scriptHref: urls.href(paths.asset("reader.js")), searchHref: href(paths.search()),
      };
      chromes.set(current, made);
    }
    return made;
  };
  const base = (spec: BaseSpec): PageBase => {
    const canonical = urls.absolute(spec.path);
    return {
      kind: spec.kind, key: spec.key, outputPath: outputPath(spec.path), lang: script,
      head: {
        title: spec.key === "home" ? site.name : `${spec.title} - ${site.name}`,
        description: spec.description,
        canonical,
        meta: pageMeta(site, {
          title: spec.title, description: spec.description, canonical, lang: script, ogType: spec.ogType ?? "website",
          ...(spec.column ? { column: spec.column } : {}),
        }),
        links: [],
        jsonLd: spec.crumbs.length > 0 ? [breadcrumbJsonLd([...spec.crumbs, { text: spec.title, href: urls.href(spec.path) }], site.baseUrl)] : [],
      },
      chrome: chrome(spec.current),
      breadcrumbs: spec.crumbs,
    };
  };
  const factory = pageFactory({
    script, siteLang: site.lang, urls, otherScriptText: t.otherScript,
    chromes: [site, [undefined, links.home.href, links.archive.href, ...site.channels.map((c) => channelLink(c).href)].map(chrome)],
  });
  const byTag = groupBy(articles, (a) => a.tagKeys);
  const byYear = groupBy(articles, (a) => [yearMonth(a.date, zone).year]);
  const lastmod = (list: readonly LocalArticle[]) => (list[0] ? formatIso(list[0].updated ?? list[0].date, zone) : undefined);
  const context: Omit<ScriptContext, "feeds"> = {
    ...factory, site, script, t, now, zone, urls, search, related, articles, pages: content.pages,
    byChannel: groupBy(articles, (a) => [a.channel.slug]),
    byTag,
    tagKeys: [...byTag.keys()].sort(),
    byYear,
    calendar: [...byYear.keys()].sort().reverse().map((year) => {
      const byMonth = groupBy(byYear.get(year)!, (a) => [yearMonth(a.date, zone).month]);
      return { year, months: [...byMonth.keys()].sort().reverse().map((month) => ({ month, articles: byMonth.get(month)! })) };
    }),
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    tagName, links, at, href, articlePath, channelLink, item, chrome, base,
    listings: (list) => [thisYear, ...list.map(listedKey)],
    sitemapEntry: (path, list) => {
      const modified = list && lastmod(list);
      return { url: urls.absolute(path), ...(modified ? { lastmod: modified } : {}) };
    },
  };
  return { ...context, feeds: scriptFeeds(context) };
}

/** The footer's records (ICP and 公安 numbers linked, 網站標識碼, the 黨政機關 mark, contact) and the head's icons, from site.yaml. */
function siteRecords(site: SiteConfig, urls: Urls): Pick<Chrome, "icp" | "policeRecord" | "siteIdCode" | "partyGovMark" | "contact" | "icons"> {
  // A file of the site by its path (under the sub-path, if any); the mark's picture may also be an address elsewhere.
  const file = (p: string) => urls.href(siteFile(p));
  const { icons } = site;
  return {
    ...(site.icp ? { icp: { text: site.icp, href: ICP_LINK } } : {}),
    ...(site.policeRecord ? { policeRecord: { text: site.policeRecord, href: POLICE_RECORD_LINK + POLICE_RECORD_DIGITS.exec(site.policeRecord)![0] } } : {}),
    ...(site.siteIdCode ? { siteIdCode: site.siteIdCode } : {}),
    ...(site.partyGovMark ? { partyGovMark: { ...site.partyGovMark, image: site.partyGovMark.image.startsWith("/") ? file(site.partyGovMark.image) : site.partyGovMark.image } } : {}),
    ...(site.contact ? { contact: site.contact } : {}),
    icons: [
      ...(icons?.favicon ? [{ rel: "icon", href: file(icons.favicon), sizes: "any" }] : []),
      ...(icons?.svg ? [{ rel: "icon", href: file(icons.svg), type: "image/svg+xml" }] : []),
      ...(icons?.touch ? [{ rel: "apple-touch-icon", href: file(icons.touch) }] : []),
    ],
  };
}

/**
 * The name each tag is shown by: of the spellings its articles give it (ABC and abc, 臺灣 and 台灣 are one tag), the
 * one most of them use, the first in code point order between equals.
 */
function tagNames(articles: readonly LocalArticle[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of articles) {
    a.tagKeys.forEach((key, i) => {
      const spellings = counts.get(key) ?? new Map<string, number>();
      spellings.set(a.tags[i]!, (spellings.get(a.tags[i]!) ?? 0) + 1);
      counts.set(key, spellings);
    });
  }
  const names = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const [name] = [...spellings].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0]!;
    names.set(key, name);
  }
  return names;
}
