/**
 * Links of articles and pages into the site, checked against what the portal publishes, before anything is built:
 * `npm run check` and the build call the same function, so both refuse a broken link on its file and line, and the
 * build's check of its output (src/pipeline/verify.ts) stays a safety net that should never fire on content.
 *
 * The addresses are the portal's own (src/portal/urls.ts): the home page; each published article and page; every
 * channel, tag (by its folded address, src/portal/localize.ts) and archive year and month, with their numbered
 * pages; the indexes, the search page, feeds, sitemaps and the files of public/; each in either script's folder.
 * A unit test builds a portal and asks this model about every file it wrote, so the two cannot drift apart.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { Article } from "../content/article.ts";
import type { SiteLink } from "../content/markdown.ts";
import type { Page } from "../content/pages.ts";
import { sortProblems, type Problem } from "../content/problems.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { yearMonth } from "../dates.ts";
import { createScriptConverter, type ScriptConverter } from "../scripts/convert.ts";
import { publishedArticles } from "./collections.ts";
import { tagIdentity } from "./localize.ts";
import type { Redirect } from "../content/redirects.ts";
import { redirectPagePath, REDIRECTS_FOLDER } from "./redirects.ts";
import { FEED_FILES, SCRIPT_FOLDERS } from "./urls.ts";

export interface LinkedContent {
  root: string;
  site: SiteConfig;
  articles: readonly Article[];
  pages: readonly Page[];
  now: DateTime;
  /** The preview publishes drafts and future articles too. */
  preview?: boolean;
  /** The old site's addresses, answered by redirect pages (src/portal/redirects.ts). */
  redirects?: readonly Redirect[];
}

/** Whether a site path (after the prefix, decoded, starting with `/`) is published by the portal. */
export type PublishedAddress = (sitePath: string) => boolean;

/** The portal's addresses for `content`, as a predicate on site paths. */
export function publishedAddresses(content: LinkedContent, converter?: ScriptConverter): PublishedAddress {
  const { site } = content;
  const live = publishedArticles(content.articles, { now: content.now, ...(content.preview ? { preview: true } : {}) });
  const identity = tagIdentity(converter ?? createScriptConverter(site.protectedWords), site.lang);
  const folders = new Map<string, number>();
  const list = (folder: string, count: number) => folders.set(folder, Math.max(folders.get(folder) ?? 0, count));
  for (const folder of ["", "articles", "tags", "archive", "search", "channels"]) list(folder, 0);
  for (const channel of site.channels) list(`channels/${channel.slug}`, live.filter((a) => a.channel.slug === channel.slug).length);
  const byTag = new Map<string, number>();
  const byMonth = new Map<string, number>();
  for (const a of live) {
    list(`articles/${a.slug}`, 0);
    for (const key of new Set(a.tags.map(identity))) byTag.set(key, (byTag.get(key) ?? 0) + 1);
    const { year, month } = yearMonth(a.date, site.timeZone);
    list(`archive/${year}`, 0);
    byMonth.set(`${year}/${month}`, (byMonth.get(`${year}/${month}`) ?? 0) + 1);
  }
  for (const [key, count] of byTag) list(`tags/${key}`, count);
  for (const [key, count] of byMonth) list(`archive/${key}`, count);
  for (const page of content.pages) list(page.slug, 0);
  const files = new Set(["404.html", "sitemap.xml", "sitemap-news.xml", "robots.txt", ...Object.values(FEED_FILES).map((f) => `feeds/${f}`),
    ...site.channels.flatMap((c) => Object.values(FEED_FILES).map((f) => `feeds/${c.slug}/${f}`))]);
  const liveSlugs = new Set(live.map((a) => a.slug));
  for (const r of content.redirects ?? []) {
    const page = liveSlugs.has(r.to) ? redirectPagePath(r.from) : undefined;
    if (page?.endsWith("index.html")) list(page.slice(0, -"/index.html".length), 0);
    else if (page) files.add(page);
  }
  if (content.redirects?.length) for (const table of ["nginx.map", "apache-rewritemap.txt"]) files.add(`${REDIRECTS_FOLDER}/${table}`);
  const publicDir = path.join(content.root, "public");

  const isFolder = (folder: string): boolean => {
    if (folders.has(folder)) return true;
    // A numbered page of a list (`channels/x/page/3`): as many as pagesFromOldest makes (src/portal/collections.ts).
    const numbered = /^(.*)\/page\/([1-9][0-9]*)$/.exec(folder);
    if (!numbered) return false;
    const count = folders.get(numbered[1]!);
    return count !== undefined && count > site.perPage && Number(numbered[2]) <= Math.ceil(count / site.perPage);
  };
  const isFile = (file: string): boolean => {
    if (files.has(file) || /^sitemap-[1-9][0-9]*\.xml$/.test(file)) return true;
    const inPublic = path.join(publicDir, file);
    return inPublic.startsWith(publicDir + path.sep) && existsSync(inPublic) && statSync(inPublic).isFile();
  };
  return (sitePath) => {
    let rest = sitePath.replace(/^\/+/, "");
    const script = /^([a-z]+)\/(.*)$/s.exec(rest);
    if (script && (Object.values(SCRIPT_FOLDERS) as string[]).includes(script[1]!)) rest = script[2]!;
    else if ((Object.values(SCRIPT_FOLDERS) as string[]).includes(rest)) rest = "";
    if (rest.endsWith("/index.html")) rest = rest.slice(0, -"index.html".length);
    if (rest === "index.html") rest = "";
    if (rest === "" || rest.endsWith("/")) return isFolder(rest.replace(/\/$/, ""));
    // A folder written without its closing slash is redirected to it by static hosts.
    return isFile(rest) || isFolder(rest);
  };
}

/** Where a link of an article or a page starts from: the page's own folder on the site. */
function pageFolder(slug: string, kind: "article" | "page"): string {
  return kind === "article" ? `/articles/${slug}/` : `/${slug}/`;
}

/** An error on every link of the articles and pages that does not lead to a published address. */
export function linkProblems(content: LinkedContent, converter?: ScriptConverter): Problem[] {
  const sources: { file: string; folder: string; links: readonly SiteLink[] }[] = [
    ...content.articles.flatMap((a) => (a.links ? [{ file: a.file, folder: pageFolder(a.slug, "article"), links: a.links }] : [])),
    ...content.pages.flatMap((p) => (p.links ? [{ file: p.file, folder: pageFolder(p.slug, "page"), links: p.links }] : [])),
  ];
  if (sources.length === 0) return [];
  const published = publishedAddresses(content, converter);
  const prefix = content.site.pathPrefix;
  const problems: Problem[] = [];
  for (const { file, folder, links } of sources) {
    for (const link of links) {
      const message = linkProblem(link.href, prefix, prefix + folder.slice(1), published);
      if (message) problems.push({ severity: "error", file, line: link.line, field: "link", message });
    }
  }
  return problems;
}

/**
 * `content` as loaded, with its links checked too: what `npm run check`, the build and the preview report. Links are
 * checked when site.yaml loaded (without it there are no addresses to check against).
 */
export function withLinkProblems<C extends Omit<LinkedContent, "site" | "root"> & { site?: SiteConfig; problems: Problem[] }>(
  content: C, root: string, options: { preview?: boolean; converter?: ScriptConverter } = {}): C {
  if (!content.site) return content;
  const found = linkProblems({ ...content, root, site: content.site, ...(options.preview ? { preview: true } : {}) }, options.converter);
  return found.length === 0 ? content : { ...content, problems: sortProblems([...content.problems, ...found]) };
}

/** Why the link `href`, on a page at `base` (a path with the prefix), leads nowhere; undefined when it leads to a page. */
function linkProblem(href: string, prefix: string, base: string, published: PublishedAddress): string | undefined {
  const shown = readable(href);
  let pathname: string;
  try {
    pathname = new URL(href, `http://site.invalid${base}`).pathname;
  } catch {
    return `連結「${shown}」不是有效的網址 ("${shown}" is not a valid address)`;
  }
  if (!pathname.startsWith(prefix)) {
    return `連結「${shown}」在本站的網址 ${prefix} 之外；寫站內的網址，例如 ${prefix}about/ ("${shown}" is outside the site's address ${prefix}; link to a page of the site)`;
  }
  let sitePath: string;
  try {
    sitePath = `/${decodeURIComponent(pathname.slice(prefix.length))}`;
  } catch {
    return `連結「${shown}」的 % 編碼不完整 ("${shown}" has a broken %-escape)`;
  }
  if (published(sitePath)) return undefined;
  return `連結「${shown}」指向的頁面 ${sitePath} 不存在或還沒發布；檢查網址，或鏈接到 https:// 開頭的外部網址 ("${shown}" leads to ${sitePath}, which the portal does not publish; check the address)`;
}

/** `href` as the editor wrote it: markdown-it percent-encodes what it normalises. */
function readable(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
