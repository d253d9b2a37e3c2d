/**
 * The whole portal as data: what is published at the build's reference time, planned once per script (繁體 and
 * 简体, every page linking its twin in the other script), plus the feeds, sitemaps and robots.txt.
 */
import type { DateTime } from "luxon";
import { formatIso } from "../dates.ts";
import type { ImageJob } from "../content/images.ts";
import type { Article, Content } from "../content/load.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { createScriptConverter, rememberingConverter, SCRIPTS, type Script, type ScriptConverter } from "../scripts/convert.ts";
import type { ArticleSearchView, SearchViews } from "../search/records.ts";
import { nextPublication, publishedArticles, relatedIndex } from "./collections.ts";
import type { SearchLayout } from "./context.ts";
import { adminFiles, ADMIN_FOLDER, articleFolders } from "./admin.ts";
import { redirectFiles } from "./redirects.ts";
import { contentInScript, type ScriptContent } from "./localize.ts";
import { planScriptPortal } from "./script-portal.ts";
import { inNewsWindow, newsSitemap, robotsTxt, sitemapFiles } from "./sitemap.ts";
import type { OutputFile, PageBase, Planned, PlannedPages } from "./types.ts";
import { uiText } from "./ui-text.ts";
import { createUrls, inScript, outputPath, paths, sitePath } from "./urls.ts";
import type { Memo } from "../util/memo.ts";
import type { TextStore } from "../util/text-store.ts";

export type * from "./types.ts";
export type { SearchLayout };

export interface Portal extends PlannedPages {
  /** Files printed as they are: feeds, sitemaps, robots.txt. */
  files: OutputFile[];
  /** Pictures to encode into the output, and the sub-path their URLs carry. */
  images: ImageJob[];
  pathPrefix: string;
  /** Counts for the build's report and checks. */
  stats: { published: number; waiting: number; drafts: number; next?: { file: string; date: string } };
}

export interface PortalOptions {
  now: DateTime;
  preview?: boolean;
  converter?: ScriptConverter;
  /** Conversions of unchanged articles from earlier builds (src/util/memo.ts). */
  memo?: Memo;
  /** Where the articles' bodies are, for their conversions (src/util/text-store.ts). */
  store?: TextStore;
}

/**
 * The first half of planning: what is published, and the content in each script. The search index needs nothing
 * more (`searchViews`), so it can be started while the pages are planned and rendered.
 */
export interface LocalizedPortal {
  content: Content & { site: SiteConfig };
  options: PortalOptions;
  converter: ScriptConverter;
  /** Published articles, newest first (in preview also drafts and future articles). */
  published: Article[];
  localized: ScriptContent[];
  /** What readers can find: each live article once, oldest first, with what search shows of it in both scripts. */
  searchViews: SearchViews;
}

export function localizePortal(content: Content & { site: SiteConfig }, options: PortalOptions): LocalizedPortal {
  const { site } = content;
  const articleConverter = options.converter ?? createScriptConverter(site.protectedWords);
  const converter = options.memo && !options.converter
    ? rememberingConverter(articleConverter, options.memo, site.protectedWords)
    : articleConverter;
  const published = publishedArticles(content.articles, { now: options.now, ...(options.preview ? { preview: true } : {}) });
  const { memo, store } = options;
  const localized = SCRIPTS.map((script) => contentInScript({ ...content, articles: published }, script, {
    converter, articleConverter, ...(memo ? { memo } : {}), ...(store ? { store } : {}),
  }));

  // In preview `published` also holds drafts and future articles, which search never does.
  const urls = createUrls(site);
  const inScriptBySlug = new Map(localized.map((l) => [l.script, new Map(l.articles.map((a) => [a.slug, a]))]));
  const live = published.filter((a) => !a.draft && a.date <= options.now).reverse();
  const view = (i: number): ArticleSearchView => {
    const a = live[i]!;
    const local = (script: Script) => inScriptBySlug.get(script)!.get(a.slug)!;
    const both = <T>(pick: (script: Script) => T) => ({ "zh-Hant": pick("zh-Hant"), "zh-Hans": pick("zh-Hans") });
    return {
      article: a,
      titles: both((s) => local(s).title),
      urls: both((s) => urls.href(inScript(paths.article(a.slug), s, a.lang))),
      channels: both((s) => local(s).channel.name),
      bylines: both((s) => local(s).author),
      sources: both((s) => local(s).source),
      tags: local(site.lang).tagKeys,
    };
  };
  return { content, options, converter, published, localized, searchViews: { articles: live, view } };
}

/** The whole portal from localized content; `search` is where the search index lies, for the search page. */
export function planPages(localizedPortal: LocalizedPortal, search: SearchLayout): Portal {
  const { content, options, converter, localized, searchViews } = localizedPortal;
  const { site } = content;
  const related = relatedIndex(localized[0]!.articles);
  const scripts = localized.map((local) => planScriptPortal({
    content: local, t: uiText(local.script, converter), now: options.now, search, related,
  }));
  const next = nextPublication(content.articles, options.now);
  const portal: Portal = {
    home: scripts.flatMap((s) => s.home),
    articles: scripts.flatMap((s) => s.articles),
    lists: scripts.flatMap((s) => s.lists),
    archives: scripts.flatMap((s) => s.archives),
    pages: scripts.flatMap((s) => s.pages),
    search: scripts.flatMap((s) => s.search),
    files: scripts.flatMap((s) => s.feeds),
    images: content.images,
    pathPrefix: site.pathPrefix,
    stats: {
      published: searchViews.articles.length,
      waiting: content.articles.filter((a) => !a.draft && a.date > options.now).length,
      drafts: content.articles.filter((a) => a.draft).length,
      ...(next ? { next: { file: next.file, date: formatIso(next.date, site.timeZone) } } : {}),
    },
  };
  const folders = articleFolders(content.articles.map((a) => a.file), options.now, site.timeZone);
  portal.files.push(...siteMaps(portal, localizedPortal), ...adminFiles(site, converter, folders),
    ...redirectFiles(site, content.redirects ?? [], searchViews.articles));
  return portal;
}

/** sitemap.xml from every rendered page that has an entry, the news sitemap, and robots.txt pointing to both. */
function siteMaps(portal: Portal, { content, published, options }: LocalizedPortal): OutputFile[] {
  const { site } = content;
  const urls = createUrls(site);
  const entries = renderedPages(portal).flatMap((page) => (page.sitemap ? [page.sitemap] : []));
  const files = sitemapFiles(entries, (n) => urls.absolute(paths.file(`sitemap-${n}.xml`)))
    .map((file) => ({ outputPath: outputPath(paths.file(file.name)), body: file.body }));
  // News sitemaps list each article once, at its own script's address.
  const news = published
    .filter((a) => !a.draft && inNewsWindow(a.date, options.now))
    .map((a) => ({ url: urls.absolute(paths.article(a.slug)), title: a.title, published: formatIso(a.date, site.timeZone), lang: a.lang }));
  const newsPath = paths.file("sitemap-news.xml");
  files.push({ outputPath: outputPath(newsPath), body: newsSitemap(site.name, news, urls.absolute(paths.home())) });
  files.push({ outputPath: outputPath(paths.file("robots.txt")), body: robotsTxt([urls.absolute(paths.file("sitemap.xml")), urls.absolute(newsPath)], [urls.href(sitePath(ADMIN_FOLDER))]) });
  return files;
}

/** No search index (unit tests of the pages): the search page lists no shards. */
export const NO_SEARCH: SearchLayout = { shards: [], buckets: 1 };

/** Localizes and plans in one step, for callers that start no search index alongside. */
export function planPortal(content: Content & { site: SiteConfig }, options: PortalOptions, search: SearchLayout = NO_SEARCH): Portal {
  return planPages(localizePortal(content, options), search);
}

export type PlannedPage = Planned<PageBase>;

/** Every page the build renders (everything but the files printed as they are), in one order. */
export function renderedPages(portal: Portal): PlannedPage[] {
  return [...portal.home, ...portal.articles, ...portal.lists, ...portal.archives, ...portal.pages, ...portal.search];
}
