/** Tag pages: each tag's articles as a paged list, and the index of all tags with their counts. */
import type { ScriptContext } from "../context.ts";
import type { ArchivePage, DeferredPage, ListPage } from "../types.ts";
import { fill } from "../ui-text.ts";
import { paths } from "../urls.ts";
import { pagedList } from "./paged-list.ts";

export function tagPages(context: ScriptContext): DeferredPage<ListPage>[] {
  const { t } = context;
  return context.tagKeys.flatMap((key) => pagedList(context, {
    kind: "tag", key: `tag:${key}`, title: fill(t.tagTitle, { tag: context.tagName.get(key)! }), list: context.byTag.get(key)!,
    pathOf: (page) => paths.tag(key, page), crumbs: [context.links.home, context.links.tags],
  }));
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
