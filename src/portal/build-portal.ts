/**
 * The whole portal as data: what is published at the build's reference time, shaped once per script (繁體 and
 * 简体), the two linked page by page (hreflang and the script switch), plus the sitemaps and robots.txt.
 */
import type { DateTime } from "luxon";
import { formatIso } from "../dates.ts";
import type { ImageJob } from "../content/images.ts";
import type { Content } from "../content/load.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { createScriptConverter, SCRIPTS, type Script, type ScriptConverter } from "../scripts/convert.ts";
import { nextPublication, publishedArticles } from "./collections.ts";
import { contentInScript } from "./localize.ts";
import { buildScriptPortal, type ScriptPortal } from "./script-portal.ts";
import { inNewsWindow, newsSitemap, robotsTxt, sitemapFiles } from "./sitemap.ts";
import { searchCharTable } from "../search/char-table.ts";
import { createNormalizer } from "../search/normalize.ts";
import { lazyRecords, type SearchRecords } from "../search/records.ts";
import type { ArchivePage, ArticlePage, HomePage, ListPage, OutputFile, PageBase, SearchPage, StaticPage } from "./types.ts";
import { uiText } from "./ui-text.ts";
import { createUrls, outputPath, paths } from "./urls.ts";

export type * from "./types.ts";

export interface Portal {
  home: HomePage[];
  articles: ArticlePage[];
  lists: ListPage[];
  archives: ArchivePage[];
  pages: StaticPage[];
  search: SearchPage[];
  /** One search record per published article, oldest first (the order the index is sharded in). */
  searchRecords: SearchRecords;
  /** Files printed as they are: feeds, sitemaps, robots.txt. */
  files: OutputFile[];
  /** Pictures to encode into the output, and the sub-path their URLs carry. */
  images: ImageJob[];
  pathPrefix: string;
  /** When set, only these output paths are rendered (the build cache holds the others). */
  render?: ReadonlySet<string>;
  /** Preview only: pages that list content errors in place of the portal. */
  errors?: { outputPath: string; lines: string[] }[];
  /** Counts for the build's report and checks. */
  stats: { published: number; waiting: number; drafts: number; next?: { file: string; date: string } };
}

export interface PortalOptions {
  now: DateTime;
  preview?: boolean;
  converter?: ScriptConverter;
}

export function buildPortal(content: Content & { site: SiteConfig }, options: PortalOptions): Portal {
  const { site } = content;
  const converter = options.converter ?? createScriptConverter(site.protectedWords);
  const published = publishedArticles(content.articles, { now: options.now, ...(options.preview ? { preview: true } : {}) });
  // What readers can find: in preview `published` also holds drafts and future articles, which search never does.
  const live = published.filter((a) => !a.draft && a.date <= options.now);
  const localized = SCRIPTS.map((script) => contentInScript({ ...content, articles: published }, script, converter));
  const scripts = localized.map((local) => buildScriptPortal({
    content: local, t: uiText(local.script, converter), now: options.now, searchable: live.length,
  }));
  linkScripts(scripts);

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

  // Search records: each published article once, with its title, channel and address in both scripts.
  const normalize = createNormalizer(searchCharTable());
  const pageBySlug = new Map(scripts.map((s) => [s.script, new Map(s.articles.map((p) => [p.key, p]))]));
  const inScript = new Map(localized.map((l) => [l.script, new Map(l.articles.map((a) => [a.slug, a]))]));
  const searchViews = [...live].reverse().map((a) => {
    const page = (script: Script) => pageBySlug.get(script)!.get(`article:${a.slug}`)!;
    const both = <T>(f: (script: Script) => T) => ({ "zh-Hant": f("zh-Hant"), "zh-Hans": f("zh-Hans") });
    return {
      article: a,
      titles: both((s) => page(s).title),
      urls: both((s) => new URL(page(s).head.canonical).pathname),
      channels: both((s) => page(s).meta.channel.text),
      tags: inScript.get(site.lang)!.get(a.slug)!.tagKeys,
    };
  });
  const searchRecords = lazyRecords(searchViews, normalize, site.timeZone);

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
      published: live.length,
      waiting: content.articles.filter((a) => !a.draft && a.date > options.now).length,
      drafts: content.articles.filter((a) => a.draft).length,
      ...(next ? { next: { file: next.file, date: formatIso(next.date, site.timeZone) } } : {}),
    },
  };
}

/** Every page the build renders (everything but the files printed as they are), in one order. */
export function renderedPages(portal: Portal): PageBase[] {
  return [...portal.home, ...portal.articles, ...portal.lists, ...portal.archives, ...portal.pages, ...portal.search];
}

/** Every page learns its twin: hreflang alternates both ways, and the script switch in its header. */
function linkScripts(scripts: ScriptPortal[]): void {
  const all = (s: ScriptPortal): PageBase[] => [s.home, ...s.articles, ...s.lists, ...s.archives, ...s.pages, s.notFound, s.search];
  const byKey = new Map<string, Map<Script, PageBase>>();
  for (const s of scripts) {
    for (const page of all(s)) {
      const twins = byKey.get(page.key) ?? new Map<Script, PageBase>();
      twins.set(s.script, page);
      byKey.set(page.key, twins);
    }
  }
  for (const twins of byKey.values()) {
    for (const [script, page] of twins) {
      const other = [...twins.entries()].find(([s]) => s !== script);
      if (!other) continue;
      const [otherScript, twin] = other;
      for (const [s, p] of [...twins.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        page.head.links.push({ rel: "alternate", hreflang: s, href: p.head.canonical });
      }
      page.toggle = {
        text: page.chrome.t.otherScript,
        href: new URL(twin.head.canonical).pathname,
        lang: otherScript,
      };
    }
  }
}
