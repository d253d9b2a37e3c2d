/** Channel pages (欄目): each channel's articles as a paged list, with the channel's feeds. */
import type { ScriptContext } from "../context.ts";
import type { DeferredPage, ListPage } from "../types.ts";
import { paths } from "../urls.ts";
import { pagedList } from "./paged-list.ts";

export function channelPages(context: ScriptContext): DeferredPage<ListPage>[] {
  const { feeds } = context;
  return context.site.channels.flatMap((channel) => pagedList(context, {
    kind: "channel", key: `channel:${channel.slug}`, title: channel.name,
    ...(channel.description ? { intro: channel.description } : {}),
    list: context.byChannel.get(channel.slug) ?? [], pathOf: (page) => paths.channel(channel.slug, page),
    crumbs: [context.links.home], current: context.channelLink(channel).href, column: channel, feeds: feeds.channel(channel),
  }));
}
