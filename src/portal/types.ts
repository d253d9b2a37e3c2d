/**
 * The prepared pages the templates print (made by src/portal/pages/). Every string a template shows is here,
 * already in the page's script; templates add markup only.
 *
 * Words used across the portal's code:
 * - script: 繁體 (zh-Hant) or 简体 (zh-Hans). Every page exists in both; a page's own script (`native`: the article's
 *   language, the site's for other pages) is at the root, the other under /hant/ or /hans/.
 * - twin: the same page in the other script. Each page links its twin (hreflang and the script switch): `twinned`.
 * - chrome: what surrounds a page's own content — header, channel navigation with its current link, footer, and the
 *   interface words. One object per current link, shared by every page with that link.
 * - page kind: which family a page belongs to (PageKind); the Eleventy plugin prints each kind with its template.
 * - planned page: a page as the build knows it before rendering (`Planned`): made already, or deferred.
 * - deferred page: a page made only when it is rendered, known until then by its output path and `inputs` (what it
 *   is made from), which key the page cache.
 * - listed key: what a list shows of an article (address, title, date, channel, summary), digested: a deferred
 *   page's inputs name the articles it lists by it (src/portal/deferred.ts).
 * - channel: a section of the portal (欄目), configured in site.yaml; each article belongs to one.
 * - shard: one part of the search index (src/search/shards.ts); the search page opens only those a query needs.
 */
import type { Script } from "../scripts/convert.ts";
import type { Link, MetaTag } from "./seo.ts";
import type { SitemapEntry } from "./sitemap.ts";
import type { UiText } from "./ui-text.ts";

export type { Link, SitemapEntry };

/** Every family of page; src/portal/pages/ has a module for each, the Eleventy plugin a template. */
export type PageKind = "home" | "article" | "channel" | "tag" | "month" | "archive" | "page" | "search";

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
  t: UiText;
  siteName: string;
  homeHref: string;
  nav: (Link & { current: boolean })[];
  footerLinks: Link[];
  sponsor: string;
  organizer?: string;
  /** The ICP number, linked to the MIIT filing system. */
  icp?: Link;
  /** The 公安機關備案號, linked to its record. */
  policeRecord?: Link;
  siteIdCode?: string;
  /** The 黨政機關 identification mark: a picture linked to its certificate. */
  partyGovMark?: { image: string; href: string; alt: string };
  contact?: { phone?: string; email?: string; address?: string };
  /** The site's icons, for the head (favicon, SVG icon, touch icon). */
  icons: { rel: string; href: string; type?: string; sizes?: string }[];
  cssHref: string;
  scriptHref: string;
  /** The search page in this script (the header's search form submits to it). */
  searchHref: string;
}

export interface PageBase {
  kind: PageKind;
  /** Stable identity of the page across scripts and builds (`article:benxi`, `channel:news:3`). */
  key: string;
  outputPath: string;
  lang: Script;
  head: Head;
  /** Shared by every page with the same current navigation link: never changed per page. */
  chrome: Chrome;
  breadcrumbs: Link[];
  /** The same page in the other script. */
  toggle?: Link & { lang: Script };
  /** The page's entry in sitemap.xml; pages that are not listed there (404, search) have none. */
  sitemap?: SitemapEntry;
}

/**
 * A page built only when it is rendered (article pages: most of a portal). The build cache keys it by `inputs`,
 * all it is made from, so a rebuild does not build the pages the cache already holds.
 */
export interface DeferredPage<P extends PageBase> {
  kind: PageKind;
  key: string;
  outputPath: string;
  sitemap?: SitemapEntry;
  /** A digest of what the page is made from: the same inputs and the same code make the same page. */
  inputs: string;
  /** The page itself: called only when it is rendered. */
  make(): P;
}

/** A page as the build cache sees it: built, or deferred with the inputs it will be built from. */
export type Planned<P extends PageBase> = P | DeferredPage<P>;

export function isDeferred<P extends PageBase>(page: Planned<P>): page is DeferredPage<P> {
  return "make" in page;
}

/** A portal's planned pages by family (one script's, or both scripts' together). */
export interface PlannedPages {
  home: HomePage[];
  /** Made only when rendered (see DeferredPage), as are lists and most archives. */
  articles: DeferredPage<ArticlePage>[];
  /** Channel, tag and month lists. */
  lists: DeferredPage<ListPage>[];
  /** The archive and tag indexes, and the year pages. */
  archives: Planned<ArchivePage>[];
  /** Standalone pages and the 404 page. */
  pages: StaticPage[];
  search: SearchPage[];
}

export interface ListItem {
  title: string;
  href: string;
  dateDisplay: string;
  dateIso: string;
  /** `07-16` this year, `2019-07-16` before (dense lists). */
  dateShort: string;
  channel: Link;
  summary: string;
  /** A draft (listed only in the preview), marked 草稿 wherever it is listed. */
  draft?: true;
}

export interface Pager {
  label: string;
  newer?: Link;
  older?: Link;
  /** Links to the list's pages, newest first: the front page, then numbered pages around this one (a gap where some are left out). */
  numbers?: PageNumber[];
}

export type PageNumber = { text: string; href: string; current: boolean } | { gap: true };

export interface ListPage extends PageBase {
  heading: string;
  /** A topic's front page (專題): the heading and intro printed as a banner. */
  topic?: boolean;
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
  coverHtml?: string;
  meta: {
    source: string;
    author: string;
    dateDisplay: string;
    dateIso: string;
    updatedDisplay?: string;
    updatedIso?: string;
    channel: Link;
    sponsor?: string;
    organizer?: string;
    editor?: string;
  };
  draft: boolean;
  tags: Link[];
  newer?: Link;
  older?: Link;
  related: ListItem[];
  /** The page's canonical address as a QR code, inline SVG (src/portal/qr.ts). */
  qr: string;
}

export interface HomePage extends PageBase {
  feeds: Link[];
  /** The sponsor, under the portal's name (the masthead). */
  sponsor: string;
  lead?: ListItem;
  /** 焦點圖: the newest articles with a cover picture (none, no zone). */
  focus: (ListItem & { coverHtml: string })[];
  /** 專題: the topics that have articles, as links to their pages. */
  topics: Link[];
  latest: ListItem[];
  sections: { channel: Link; description?: string; more: string; items: ListItem[] }[];
}

export interface ArchivePage extends PageBase {
  heading: string;
  groups: { heading: string; href?: string; links: (Link & { count?: number })[] }[];
}

export interface StaticPage extends PageBase {
  title: string;
  html: string;
}

export interface OutputFile {
  outputPath: string;
  body: string;
}

export interface SearchPage extends PageBase {
  heading: string;
  intro: string;
  channels: { value: string; text: string }[];
  years: string[];
  /** Index shards to search, as links, oldest first, and the years each covers ("2016-2017"). */
  shards: string[];
  shardYears: string[];
  /** The word directory (src/search/word-directory.ts): its folder, as a link, and its number of buckets. */
  wordsHref: string;
  buckets: number;
  searchScriptHref: string;
  /** Messages the search script shows, in this script. */
  messages: Record<string, string>;
}
