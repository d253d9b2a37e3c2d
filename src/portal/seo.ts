/**
 * What machines read in a page's head: Open Graph and Twitter cards, the government portal meta tags
 * (政府網站網頁設計規範: SiteName, SiteDomain, ColumnName, ArticleTitle, PubDate, ContentSource, ...), and JSON-LD
 * (NewsArticle, BreadcrumbList, WebSite), escaped so no value can close its script element.
 * https://ogp.me/ · https://schema.org/NewsArticle · https://developers.google.com/search/docs/appearance/structured-data/article
 */
import { formatDisplay, formatIso } from "../dates.ts";
import type { Article } from "../content/article.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { jsonForScript } from "./escape.ts";

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

export interface Link {
  text: string;
  href: string;
}

const OG_LOCALE: Record<string, string> = { "zh-Hant": "zh_TW", "zh-Hans": "zh_CN" };

export function ogLocale(lang: string): string {
  return OG_LOCALE[lang] ?? "zh_TW";
}

/** Tags every page carries: Open Graph, Twitter card, and the government site tags. */
export function pageMeta(site: SiteConfig, page: {
  title: string; description: string; canonical: string; lang: string; ogType: "website" | "article";
  column?: { name: string; description?: string; keywords?: string[]; type?: string };
}): MetaTag[] {
  const tags: MetaTag[] = [
    { property: "og:type", content: page.ogType },
    { property: "og:title", content: page.title },
    { property: "og:description", content: page.description },
    { property: "og:url", content: page.canonical },
    { property: "og:site_name", content: site.name },
    { property: "og:locale", content: ogLocale(page.lang) },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: page.title },
    { name: "twitter:description", content: page.description },
    { name: "SiteName", content: site.name },
    { name: "SiteDomain", content: hostOf(site.baseUrl) },
  ];
  if (site.siteIdCode) tags.push({ name: "SiteIDCode", content: site.siteIdCode });
  if (page.column) {
    tags.push({ name: "ColumnName", content: page.column.name });
    if (page.column.description) tags.push({ name: "ColumnDescription", content: page.column.description });
    if (page.column.keywords?.length) tags.push({ name: "ColumnKeywords", content: page.column.keywords.join(",") });
    if (page.column.type) tags.push({ name: "ColumnType", content: page.column.type });
  }
  return tags;
}

// Every page carries the site's domain; parse the address once, not once a page.
const hosts = new Map<string, string>();
function hostOf(baseUrl: string): string {
  let host = hosts.get(baseUrl);
  if (host === undefined) hosts.set(baseUrl, (host = new URL(baseUrl).host));
  return host;
}

/** Tags only an article carries: article:* Open Graph and the government article tags. */
export function articleMeta(a: Article, url: string, zone: string): MetaTag[] {
  return [
    { property: "article:published_time", content: formatIso(a.date, zone) },
    ...(a.updated ? [{ property: "article:modified_time", content: formatIso(a.updated, zone) }] : []),
    { property: "article:section", content: a.channel.name },
    ...a.tags.map((t) => ({ property: "article:tag", content: t })),
    { name: "ArticleTitle", content: a.title },
    { name: "PubDate", content: formatDisplay(a.date, zone) },
    { name: "ContentSource", content: a.source },
    { name: "Author", content: a.author },
    { name: "Keywords", content: a.tags.join(",") },
    { name: "Description", content: a.summary },
    { name: "Url", content: url },
    ...(a.cover ? [{ property: "og:image", content: absolute(a.cover.url, url) }, { name: "Image", content: absolute(a.cover.url, url) }] : []),
  ];
}

export function newsArticleJsonLd(a: Article, url: string, zone: string): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.summary,
    datePublished: formatIso(a.date, zone),
    dateModified: formatIso(a.updated ?? a.date, zone),
    author: { "@type": "Person", name: a.author },
    publisher: { "@type": "Organization", name: a.sponsor },
    sourceOrganization: { "@type": "Organization", name: a.source },
    articleSection: a.channel.name,
    keywords: a.tags.join(","),
    inLanguage: a.lang,
    isAccessibleForFree: true,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    ...(a.cover ? { image: [absolute(a.cover.url, url)] } : {}),
  });
}

/** An image path (`/img/…`) made absolute against the page's URL. */
function absolute(path: string, pageUrl: string): string {
  return new URL(path, pageUrl).href;
}

/** BreadcrumbList from the page's trail (links with site hrefs) and the page itself. */
export function breadcrumbJsonLd(trail: readonly Link[], baseUrl: string): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.text, item: baseUrl + c.href })),
  });
}

export function webSiteJsonLd(site: SiteConfig, url: string, lang: string): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url,
    inLanguage: lang,
    publisher: { "@type": "Organization", name: site.sponsor },
  });
}
