/**
 * The portal's feeds, in each script: one for the whole portal and one per channel, each the newest `feedSize`
 * articles in Atom, RSS and JSON Feed (written by src/portal/feed-formats.ts, at the addresses of `paths.feed`),
 * and the links that advertise them: in the head of the page a feed follows, and visibly on home and channel pages.
 */
import { DateTime } from "luxon";
import type { Channel } from "../content/site-config.ts";
import type { ScriptContext } from "./context.ts";
import { atomFeed, jsonFeed, rssFeed, type Feed, type FeedEntry } from "./feed-formats.ts";
import type { LocalArticle } from "./localize.ts";
import type { HeadLink, Link, OutputFile } from "./types.ts";
import { FEED_FILES, outputPath, paths, type FeedFormat, type SitePath } from "./urls.ts";

const FORMATS: Record<FeedFormat, { type: string; label: string; write: (feed: Feed) => string }> = {
  atom: { type: "application/atom+xml", label: "Atom", write: atomFeed },
  rss: { type: "application/rss+xml", label: "RSS", write: rssFeed },
  json: { type: "application/feed+json", label: "JSON Feed", write: jsonFeed },
};
const FORMAT_NAMES = Object.keys(FEED_FILES) as FeedFormat[];

export interface ScriptFeeds {
  /** Every feed file of this script. */
  files: OutputFile[];
  /** The portal feed's head links (home page and channel pages carry them). */
  portalHead: HeadLink[];
  /** The portal feed's visible links (home page). */
  portalLinks: Link[];
  /** A channel feed's head and visible links. */
  channel(channel: Channel): { head: HeadLink[]; links: Link[] };
}

export function scriptFeeds(context: Omit<ScriptContext, "feeds">): ScriptFeeds {
  const { site, script, urls, zone, articles } = context;
  const newest = articles[0];
  const fallbackUpdated = newest ? (newest.updated ?? newest.date) : DateTime.fromMillis(0, { zone });
  const feedPath = (format: FeedFormat, channel?: string) => context.at(paths.feed(format, channel));
  const entry = (a: LocalArticle): FeedEntry => {
    const url = urls.absolute(context.articlePath(a));
    return {
      id: url, url, title: a.title, summary: a.summary, html: a.html(), published: a.date, updated: a.updated ?? a.date,
      author: a.author, source: a.source, channel: a.channel.name, tags: a.tags, lang: script,
    };
  };
  const files: OutputFile[] = [];
  const write = (title: string, description: string, home: SitePath, list: readonly LocalArticle[], channel?: string) => {
    const absolute = (format: FeedFormat) => urls.absolute(feedPath(format, channel));
    const feed: Feed = {
      title, description, homeUrl: urls.absolute(home), lang: script, publisher: site.sponsor,
      urls: { atom: absolute("atom"), rss: absolute("rss"), json: absolute("json") },
      entries: list.slice(0, site.feedSize).map(entry),
      fallbackUpdated,
      zone,
    };
    for (const format of FORMAT_NAMES) files.push({ outputPath: outputPath(feedPath(format, channel)), body: FORMATS[format].write(feed) });
  };
  const headLinks = (title: string, channel?: string): HeadLink[] => FORMAT_NAMES.map((format) => ({
    rel: "alternate", type: FORMATS[format].type, title: `${title} (${FORMATS[format].label})`, href: urls.href(feedPath(format, channel)),
  }));
  const visibleLinks = (channel?: string): Link[] =>
    FORMAT_NAMES.map((format) => ({ text: FORMATS[format].label, href: urls.href(feedPath(format, channel)) }));

  write(site.name, site.description ?? site.name, context.at(paths.home()), articles);
  const channels = new Map(site.channels.map((channel) => {
    const title = `${site.name}：${channel.name}`;
    write(title, channel.description ?? title, context.at(paths.channel(channel.slug)), context.byChannel.get(channel.slug) ?? [], channel.slug);
    return [channel.slug, { head: headLinks(title, channel.slug), links: visibleLinks(channel.slug) }] as const;
  }));
  return {
    files,
    portalHead: headLinks(site.name),
    portalLinks: visibleLinks(),
    channel: (channel) => channels.get(channel.slug)!,
  };
}
