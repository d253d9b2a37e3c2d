/**
 * Sitemaps and robots.txt. `lastmod` comes from the content (an article's `updated` or `date`), never the clock.
 * https://www.sitemaps.org/protocol.html · https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import type { DateTime } from "luxon";
import { escapeXml } from "./escape.ts";

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

const byUrl = (a: SitemapEntry, b: SitemapEntry) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

function urlset(entries: readonly SitemapEntry[]): string {
  const rows = entries.map((e) =>
    `  <url><loc>${escapeXml(e.url)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ""}</url>`);
  return `${XML_HEAD}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join("\n")}\n</urlset>\n`;
}

/**
 * `sitemap.xml` as one urlset, or, past the limit, as a sitemap index of `sitemap-N.xml` parts. `partUrl` gives
 * a part's absolute URL; returned files are named relative to the site root.
 */
export function sitemapFiles(entries: readonly SitemapEntry[], partUrl: (n: number) => string, limit = SITEMAP_LIMIT):
  { name: string; body: string }[] {
  const sorted = [...entries].sort(byUrl);
  if (sorted.length <= limit) return [{ name: "sitemap.xml", body: urlset(sorted) }];
  const parts: { name: string; body: string }[] = [];
  const index: string[] = [];
  for (let i = 0; i * limit < sorted.length; i++) {
    const chunk = sorted.slice(i * limit, (i + 1) * limit);
    parts.push({ name: `sitemap-${i + 1}.xml`, body: urlset(chunk) });
    const lastmod = chunk.map((e) => e.lastmod ?? "").sort().pop();
    index.push(`  <sitemap><loc>${escapeXml(partUrl(i + 1))}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ""}</sitemap>`);
  }
  return [
    { name: "sitemap.xml", body: `${XML_HEAD}\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join("\n")}\n</sitemapindex>\n` },
    ...parts,
  ];
}

export interface NewsEntry {
  url: string;
  title: string;
  published: string;
  lang: string;
}

/** Google News' language codes for Chinese: zh-cn (simplified), zh-tw (traditional). */
export const newsLanguage = (lang: string) => (lang === "zh-Hans" ? "zh-cn" : "zh-tw");

/**
 * The Google News sitemap: articles published in the 48 hours up to the build's reference time. With none, it
 * lists the home page alone (no news tags), because the sitemap schema requires at least one url element.
 */
export function newsSitemap(publication: string, entries: readonly NewsEntry[], homeUrl: string): string {
  const rows = entries.map((e) => [
    "  <url>",
    `    <loc>${escapeXml(e.url)}</loc>`,
    "    <news:news>",
    `      <news:publication><news:name>${escapeXml(publication)}</news:name><news:language>${newsLanguage(e.lang)}</news:language></news:publication>`,
    `      <news:publication_date>${escapeXml(e.published)}</news:publication_date>`,
    `      <news:title>${escapeXml(e.title)}</news:title>`,
    "    </news:news>",
    "  </url>",
  ].join("\n"));
  const body = rows.length > 0 ? rows.join("\n") : `  <!-- no articles in the last 48 hours -->\n  <url><loc>${escapeXml(homeUrl)}</loc></url>`;
  return `${XML_HEAD}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

/** Whether an article falls in the news sitemap's window: published, and at most 48 hours before `now`. */
export function inNewsWindow(published: DateTime, now: DateTime): boolean {
  const age = now.toMillis() - published.toMillis();
  return age >= 0 && age <= 48 * 3600 * 1000;
}

export function robotsTxt(sitemapUrls: readonly string[], disallow: readonly string[] = []): string {
  return ["User-agent: *", ...disallow.map((p) => `Disallow: ${p}`), "Allow: /", "", ...sitemapUrls.map((u) => `Sitemap: ${u}`), ""].join("\n");
}
