/** Standalone pages (about, contact …: content/pages/), each in both scripts. */
import type { ScriptContext } from "../context.ts";
import type { StaticPage } from "../types.ts";
import { paths } from "../urls.ts";

export function standalonePages(context: ScriptContext): StaticPage[] {
  return context.pages.map((p) => {
    const path = context.at(paths.page(p.slug));
    return context.twinned({
      ...context.base({ kind: "page", key: `page:${p.slug}`, path, title: p.title, description: p.summary, crumbs: [context.links.home] }),
      title: p.title,
      html: p.html,
      sitemap: context.sitemapEntry(path),
    }, paths.page(p.slug));
  });
}
