/** The home page: the lead article, the latest ones, and a block per channel with its newest articles. */
import type { ScriptContext } from "../context.ts";
import { webSiteJsonLd } from "../seo.ts";
import type { HomePage } from "../types.ts";
import { fill } from "../ui-text.ts";
import { paths } from "../urls.ts";

/** Articles listed under the lead. */
const HOME_LATEST = 10;
/** Articles in each channel's block. */
const SECTION_SIZE = 6;
/** Pictures in the focus zone (焦點圖). */
const FOCUS_SIZE = 4;

export function homePages(context: ScriptContext): HomePage[] {
  const { feeds } = context;
  const { site, script, t, articles, urls } = context;
  const path = context.at(paths.home());
  const base = context.base({
    kind: "home", key: "home", path, title: site.name, description: site.description ?? site.name, crumbs: [], current: context.links.home.href,
  });
  base.head.jsonLd.push(webSiteJsonLd(site, urls.absolute(path), script));
  base.head.links.push(...feeds.portalHead);
  return [context.twinned({
    ...base,
    feeds: feeds.portalLinks,
    sponsor: `${t.sponsorShort}：${site.sponsor}`,
    ...(articles[0] ? { lead: context.item(articles[0]) } : {}),
    focus: withCovers(articles, FOCUS_SIZE).map((a) => ({ ...context.item(a), coverHtml: a.cover!.html })),
    topics: site.topics.filter((topic) => context.byTag.has(topic.tag)).map((topic) => ({ text: topic.title, href: context.href(paths.tag(topic.tag)) })),
    latest: articles.slice(1, 1 + HOME_LATEST).map(context.item),
    sections: site.channels.map((c) => ({
      channel: context.channelLink(c),
      ...(c.description ? { description: c.description } : {}),
      more: fill(t.more, { channel: c.name }),
      items: (context.byChannel.get(c.slug) ?? []).slice(0, SECTION_SIZE).map(context.item),
    })),
    sitemap: context.sitemapEntry(path, articles),
  }, paths.home())];
}

/** The first `n` articles (newest first) that have a cover, without walking the whole archive. */
function withCovers<A extends { cover?: unknown }>(articles: readonly A[], n: number): A[] {
  const found: A[] = [];
  for (const a of articles) {
    if (found.length === n) break;
    if (a.cover) found.push(a);
  }
  return found;
}
