/**
 * The old site's addresses, answered (content/_data/redirects.yaml, src/content/redirects.ts). Every static host
 * can serve a page: at each old address without a query, a small HTML page sends the reader on at once
 * (`<meta http-equiv="refresh">`) and tells search engines where the article now lives (`rel=canonical`). A host
 * that can redirect properly (301) is given the whole table instead, with the query addresses a file cannot
 * stand for: redirects/nginx.map for nginx's `map`, redirects/apache-rewritemap.txt for Apache's `RewriteMap`.
 * None of these is a page of the portal: no sitemap entry, search record or feed item.
 * https://nginx.org/en/docs/http/ngx_http_map_module.html · https://httpd.apache.org/docs/current/rewrite/rewritemap.html
 */
import type { Article } from "../content/article.ts";
import type { Redirect } from "../content/redirects.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { escapeXml } from "./escape.ts";
import type { OutputFile } from "./types.ts";
import { createUrls, filePath, outputPath, paths, sitePath } from "./urls.ts";

/** The folder of the site that holds the tables for nginx and Apache. */
export const REDIRECTS_FOLDER = "redirects";

/** Endings of old addresses a static host serves as HTML; other old addresses are answered by the tables only. */
const HTML_ENDING = /\.(?:s?html?)$/i;

/**
 * The file an old address is answered with on a static host, relative to the output folder, or undefined when a
 * file cannot stand for it (a query, or an ending such as .php that a host would not send as a page).
 */
export function redirectPagePath(from: string): string | undefined {
  if (from.includes("?")) return undefined;
  const parts = from.slice(1).split("/");
  const last = parts.at(-1)!;
  // `/news/` and `/news/123` (no ending: hosts send it on to /news/123/) are folders; `/news/123.html` a file.
  if (last === "" || !last.includes(".")) return outputPath(sitePath(...parts));
  return HTML_ENDING.test(last) ? outputPath(filePath(...parts)) : undefined;
}

/** The address as a browser sends it: non-ASCII and spaces percent-encoded, the query kept. */
export function requestUri(from: string): string {
  return encodeURI(from);
}

/** The redirect pages and the two tables, for the redirects whose article is published. */
export function redirectFiles(site: SiteConfig, redirects: readonly Redirect[], published: readonly Article[]): OutputFile[] {
  if (redirects.length === 0) return [];
  const bySlug = new Map(published.map((a) => [a.slug, a]));
  const urls = createUrls(site);
  const live = redirects.flatMap((r) => {
    const article = bySlug.get(r.to);
    return article ? [{ from: r.from, title: article.title, target: urls.absolute(paths.article(article.slug)) }] : [];
  }).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const files: OutputFile[] = [];
  const written = new Set<string>();
  for (const r of live) {
    // `/news/123` and `/news/123/` are one folder: the first in order answers for both.
    const page = redirectPagePath(r.from);
    if (!page || written.has(page)) continue;
    written.add(page);
    files.push({ outputPath: page, body: redirectPage(site.lang, r.title, r.target) });
  }
  const quoted = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;
  files.push({
    outputPath: outputPath(filePath(REDIRECTS_FOLDER, "nginx.map")),
    body: [
      "# The old site's addresses and the articles they now are (content/_data/redirects.yaml), for nginx:",
      "#   map $request_uri $broadsheet_moved { default \"\"; include /etc/nginx/broadsheet-redirects.map; }",
      "#   server { … if ($broadsheet_moved) { return 301 $broadsheet_moved; } }",
      ...live.map((r) => `${quoted(requestUri(r.from))} ${quoted(r.target)};`),
      "",
    ].join("\n"),
  });
  files.push({
    outputPath: outputPath(filePath(REDIRECTS_FOLDER, "apache-rewritemap.txt")),
    body: [
      "# The old site's addresses and the articles they now are (content/_data/redirects.yaml), for Apache (mod_rewrite):",
      "#   RewriteMap moved \"txt:/etc/apache2/broadsheet-redirects.txt\"",
      "#   RewriteCond \"${moved:%{REQUEST_URI}}\" \"^(.+)$\"            # addresses without a query",
      "#   RewriteRule \"^\" \"%1\" [R=301,L,QSD]",
      "#   RewriteCond \"%{QUERY_STRING}\" \"^(.+)$\"",
      "#   RewriteCond \"${moved:%{REQUEST_URI}?%1}\" \"^(.+)$\"          # addresses with one",
      "#   RewriteRule \"^\" \"%1\" [R=301,L,QSD]",
      // Apache looks the path up decoded; its query as sent.
      ...live.map((r) => {
        const [pathname, query] = r.from.split(/\?(.*)/s, 2) as [string, string | undefined];
        return `${pathname}${query === undefined ? "" : `?${encodeURI(query)}`} ${r.target}`;
      }),
      "",
    ].join("\n"),
  });
  return files;
}

/** A page that sends the reader to `target` at once, and says where it went for a reader whose browser does not. */
function redirectPage(lang: string, title: string, target: string): string {
  const href = escapeXml(target);
  const moved = lang === "zh-Hans" ? "本文已迁至" : "本文已遷至";
  return [
    "<!doctype html>",
    `<html lang="${escapeXml(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    "</head>",
    `<body><p>${moved} <a href="${href}">${escapeXml(title)}</a></p></body>`,
    "</html>",
    "",
  ].join("\n");
}
