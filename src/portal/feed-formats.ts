/**
 * Atom 1.0, RSS 2.0 and JSON Feed 1.1, from one description of a feed. Times are the site's zone (+08:00), the
 * feed's updated time is its newest entry's (never the clock), and every URL is absolute.
 * https://www.rfc-editor.org/rfc/rfc4287 · https://www.rssboard.org/rss-specification · https://www.jsonfeed.org/version/1.1/
 *
 * Written here rather than with @11ty/eleventy-plugin-rss: that plugin renders Eleventy collections of template
 * files, and articles are data here (src/content), never templates.
 */
import { DateTime } from "luxon";
import { cdata, escapeXml } from "./escape.ts";
import { formatIso } from "../dates.ts";

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: DateTime;
  updated: DateTime;
  author: string;
  source: string;
  channel: string;
  tags: string[];
  lang: string;
}

export interface Feed {
  title: string;
  description: string;
  /** The page the feed follows (home or channel), absolute. */
  homeUrl: string;
  lang: string;
  publisher: string;
  /** Absolute URLs of this feed in each format. */
  urls: { atom: string; rss: string; json: string };
  /** Newest first. */
  entries: FeedEntry[];
  /** Used for the feed's updated time when it has no entries: the newest article of the whole portal. */
  fallbackUpdated: DateTime;
  zone: string;
}

const rfc3339 = formatIso;
// RFC 822 dates must use English names whatever the build machine's locale.
const rfc822 = (dt: DateTime, zone: string) => dt.setZone(zone).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");

function feedUpdated(feed: Feed): DateTime {
  let newest = feed.entries.length === 0 ? feed.fallbackUpdated : feed.entries[0]!.updated;
  for (const e of feed.entries) if (e.updated > newest) newest = e.updated;
  return newest;
}

export function atomFeed(feed: Feed): string {
  const entries = feed.entries.map((e) => [
    "  <entry>",
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
    `    <published>${rfc3339(e.published, feed.zone)}</published>`,
    `    <updated>${rfc3339(e.updated, feed.zone)}</updated>`,
    `    <author><name>${escapeXml(e.author)}</name></author>`,
    `    <category term="${escapeXml(e.channel)}" label="${escapeXml(e.channel)}"/>`,
    ...e.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
    `    <source><title>${escapeXml(e.source)}</title></source>`,
    `    <summary>${escapeXml(e.summary)}</summary>`,
    `    <content type="html" xml:lang="${escapeXml(e.lang)}">${escapeXml(e.html)}</content>`,
    "  </entry>",
  ].join("\n"));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.urls.atom)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.urls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `  <updated>${rfc3339(feedUpdated(feed), feed.zone)}</updated>`,
    `  <author><name>${escapeXml(feed.publisher)}</name></author>`,
    `  <generator>Broadsheet</generator>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function rssFeed(feed: Feed): string {
  const items = feed.entries.map((e) => [
    "    <item>",
    `      <title>${escapeXml(e.title)}</title>`,
    `      <link>${escapeXml(e.url)}</link>`,
    `      <guid isPermaLink="true">${escapeXml(e.id)}</guid>`,
    `      <pubDate>${rfc822(e.published, feed.zone)}</pubDate>`,
    `      <dc:creator>${escapeXml(e.author)}</dc:creator>`,
    `      <dc:source>${escapeXml(e.source)}</dc:source>`,
    `      <category>${escapeXml(e.channel)}</category>`,
    ...e.tags.map((tag) => `      <category domain="tag">${escapeXml(tag)}</category>`),
    `      <description>${escapeXml(e.summary)}</description>`,
    `      <content:encoded>${cdata(e.html)}</content:encoded>`,
    "    </item>",
  ].join("\n"));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.homeUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.lang)}</language>`,
    `    <lastBuildDate>${rfc822(feedUpdated(feed), feed.zone)}</lastBuildDate>`,
    `    <atom:link rel="self" type="application/rss+xml" href="${escapeXml(feed.urls.rss)}"/>`,
    "    <generator>Broadsheet</generator>",
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function jsonFeed(feed: Feed): string {
  return `${JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.lang,
    authors: [{ name: feed.publisher }],
    _broadsheet: { updated: rfc3339(feedUpdated(feed), feed.zone) },
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.html,
      date_published: rfc3339(e.published, feed.zone),
      date_modified: rfc3339(e.updated, feed.zone),
      authors: [{ name: e.author }],
      tags: [e.channel, ...e.tags],
      language: e.lang,
      _broadsheet: { source: e.source, channel: e.channel },
    })),
  }, null, 2)}\n`;
}
