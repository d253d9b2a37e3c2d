/** Tag pages: each tag's articles as a paged list, and the index of all tags with their counts. */
import type { ScriptContext } from "../context.ts";
import type { ArchivePage, DeferredPage, ListPage } from "../types.ts";
import { fill } from "../ui-text.ts";
import { paths } from "../urls.ts";
import { pagedList } from "./paged-list.ts";

export function tagPages(context: ScriptContext): DeferredPage<ListPage>[] {
  const { t, site } = context;
  // A tag site.yaml names as a topic (專題) gets the topic's title and description, under a banner.
  const topics = new Map(site.topics.map((topic) => [topic.tag, topic]));
  return context.tagKeys.flatMap((key) => {
    const topic = topics.get(key);
    return pagedList(context, {
      kind: "tag", key: `tag:${key}`, title: topic ? topic.title : fill(t.tagTitle, { tag: context.tagName.get(key)! }), list: context.byTag.get(key)!,
      pathOf: (page) => paths.tag(key, page), crumbs: [context.links.home, context.links.tags],
      ...(topic ? { topic: true, ...(topic.description ? { intro: topic.description } : {}) } : {}),
    });
  });
}

/** The index of all tags (an archive-kind page). */
export function tagIndexPages(context: ScriptContext): ArchivePage[] {
  const { t, site } = context;
  const keys = context.tagKeys;
  const path = context.at(paths.tags());
  return [context.twinned({
    ...context.base({
      kind: "archive", key: "tags", path, title: t.tags, description: fill(t.tagsDescription, { site: site.name }), crumbs: [context.links.home],
    }),
    heading: t.tags,
    groups: [{
      heading: fill(t.tagCount, { n: keys.length }),
      links: keys.map((key) => ({ text: context.tagName.get(key)!, href: context.href(paths.tag(key)), count: context.byTag.get(key)!.length })),
    }],
    sitemap: context.sitemapEntry(path, context.articles),
  }, paths.tags())];
}
