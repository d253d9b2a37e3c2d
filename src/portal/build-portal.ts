/**
 * The whole portal as data: what is published at the build's reference time, shaped once per script (繁體 and
 * 简体, every page linking its twin in the other script), plus the feeds, sitemaps and robots.txt.
 */
import type { DateTime } from "luxon";
import { formatIso } from "../dates.ts";
import type { ImageJob } from "../content/images.ts";
import type { Article, Content } from "../content/load.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { createScriptConverter, rememberingConverter, SCRIPTS, type Script, type ScriptConverter } from "../scripts/convert.ts";
import { nextPublication, publishedArticles, relatedIndex } from "./collections.ts";
import { contentInScript, type ScriptContent } from "./localize.ts";
import { buildScriptPortal } from "./script-portal.ts";
import { inNewsWindow, newsSitemap, robotsTxt, sitemapFiles } from "./sitemap.ts";
import { lazyRecords, type SearchRecords } from "../search/records.ts";
import type { ArchivePage, ArticlePage, DeferredPage, HomePage, ListPage, OutputFile, PageBase, Planned, SearchPage, StaticPage } from "./types.ts";
import { uiText } from "./ui-text.ts";
import { createUrls, inScript, outputPath, paths } from "./urls.ts";
import type { Memo } from "../util/memo.ts";

export type * from "./types.ts";

export interface Portal {
  home: HomePage[];
  /** Built only when rendered (see DeferredPage), as are lists and most archives. */
  articles: DeferredPage<ArticlePage>[];
  lists: DeferredPage<ListPage>[];
  archives: Planned<ArchivePage>[];
  pages: StaticPage[];
  search: SearchPage[];
  /** One search record per published article, oldest first (the order the index is sharded in). */
  searchRecords: SearchRecords;
  /** Files printed as they are: feeds, sitemaps, robots.txt. */
  files: OutputFile[];
  /** Pictures to encode into the output, and the sub-path their URLs carry. */
  images: ImageJob[];
  pathPrefix: string;
  /** Preview only: pages that list content errors in place of the portal. */
  errors?: { outputPath: string; lines: string[] }[];
  /** Counts for the build's report and checks. */
  stats: { published: number; waiting: number; drafts: number; next?: { file: string; date: string } };
}

export interface PortalOptions {
  now: DateTime;
  preview?: boolean;
  converter?: ScriptConverter;
  /** Conversions of unchanged articles from earlier builds (src/util/memo.ts). */
  memo?: Memo;
}

/**
 * The first half of shaping: what is published, the content in each script, and the search records (which need
 * nothing more, so the index can be started while the pages are shaped and rendered).
 */
export interface PreparedPortal {
  content: Content & { site: SiteConfig };
  options: PortalOptions;
  converter: ScriptConverter;
  /** Published articles, newest first (in preview also drafts and future articles). */
  published: Article[];
  localized: ScriptContent[];
  /** One search record per live article, oldest first (the order the index is sharded in). */
  searchRecords: SearchRecords;
}

export function preparePortal(content: Content & { site: SiteConfig }, options: PortalOptions): PreparedPortal {
  const { site } = content;
  const converter = options.converter ?? (options.memo
    ? rememberingConverter(createScriptConverter(site.protectedWords), options.memo, site.protectedWords)
    : createScriptConverter(site.protectedWords));
  const published = publishedArticles(content.articles, { now: options.now, ...(options.preview ? { preview: true } : {}) });
  const localized = SCRIPTS.map((script) => contentInScript({ ...content, articles: published }, script, converter, options.memo));

  // What readers can find: in preview `published` also holds drafts and future articles, which search never does.
  // Each article once, with its title, channel and address in both scripts.
  const urls = createUrls(site);
  const inScriptBySlug = new Map(localized.map((l) => [l.script, new Map(l.articles.map((a) => [a.slug, a]))]));
  const live = published.filter((a) => !a.draft && a.date <= options.now);
  const searchViews = [...live].reverse().map((a) => {
    const local = (script: Script) => inScriptBySlug.get(script)!.get(a.slug)!;
    const both = <T>(f: (script: Script) => T) => ({ "zh-Hant": f("zh-Hant"), "zh-Hans": f("zh-Hans") });
    return {
      article: a,
      titles: both((s) => local(s).title),
      urls: both((s) => urls.href(inScript(paths.article(a.slug), s, a.lang))),
      channels: both((s) => local(s).channel.name),
      bylines: both((s) => local(s).author),
      sources: both((s) => local(s).source),
      tags: local(site.lang).tagKeys,
    };
  });
  const searchRecords = lazyRecords(searchViews, site.timeZone);
  return { content, options, converter, published, localized, searchRecords };
}

/** The whole portal from prepared content. */
export function shapePortal(prepared: PreparedPortal): Portal {
  const { content, options, converter, published, localized, searchRecords } = prepared;
  const { site } = content;
  const related = relatedIndex(localized[0]!.articles);
  const scripts = localized.map((local) => buildScriptPortal({
    content: local, t: uiText(local.script, converter), now: options.now, searchShards: searchRecords.shards.map((shard, i) => ({ name: shard.name, years: searchRecords.shardYears[i]! })), searchBuckets: searchRecords.buckets, related,
  }));

  const urls = createUrls(site);
  const files: OutputFile[] = scripts.flatMap((s) => s.feeds);
  for (const file of sitemapFiles(scripts.flatMap((s) => s.sitemap), (n) => urls.absolute(paths.file(`sitemap-${n}.xml`)))) {
    files.push({ outputPath: outputPath(paths.file(file.name)), body: file.body });
  }
  // News sitemaps list each article once, at its own script's address.
  const news = published
    .filter((a) => !a.draft && inNewsWindow(a.date, options.now))
    .map((a) => ({ url: urls.absolute(paths.article(a.slug)), title: a.title, published: formatIso(a.date, site.timeZone), lang: a.lang }));
  const newsPath = paths.file("sitemap-news.xml");
  files.push({ outputPath: outputPath(newsPath), body: newsSitemap(site.name, news, urls.absolute(paths.home())) });
  files.push({
    outputPath: outputPath(paths.file("robots.txt")),
    body: robotsTxt([urls.absolute(paths.file("sitemap.xml")), urls.absolute(newsPath)]),
  });

  const next = nextPublication(content.articles, options.now);
  return {
    home: scripts.map((s) => s.home),
    articles: scripts.flatMap((s) => s.articles),
    lists: scripts.flatMap((s) => s.lists),
    archives: scripts.flatMap((s) => s.archives),
    pages: scripts.flatMap((s) => [...s.pages, s.notFound]),
    search: scripts.map((s) => s.search),
    searchRecords,
    files,
    images: content.images,
    pathPrefix: site.pathPrefix,
    stats: {
      published: searchRecords.count,
      waiting: content.articles.filter((a) => !a.draft && a.date > options.now).length,
      drafts: content.articles.filter((a) => a.draft).length,
      ...(next ? { next: { file: next.file, date: formatIso(next.date, site.timeZone) } } : {}),
    },
  };
}

export function buildPortal(content: Content & { site: SiteConfig }, options: PortalOptions): Portal {
  return shapePortal(preparePortal(content, options));
}

export type PlannedPage = Planned<PageBase>;

/** Every page the build renders (everything but the files printed as they are), in one order. */
export function renderedPages(portal: Portal): PlannedPage[] {
  return [...portal.home, ...portal.articles, ...portal.lists, ...portal.archives, ...portal.pages, ...portal.search];
}
