/**
 * `sitemap.xml` and `robots.txt`. https://www.sitemaps.org/protocol.html
 * `lastmod` comes from the content (an article's `updated` or `date`), never from the clock.
 */
import { escapeXml } from "./escape.ts";

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((e) => `  <url><loc>${escapeXml(e.url)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(sitemapUrls: readonly string[]): string {
  return ["User-agent: *", "Allow: /", "", ...sitemapUrls.map((u) => `Sitemap: ${u}`), ""].join("\n");
}
