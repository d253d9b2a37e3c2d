/** The 404 page, in both scripts; hosts serve /404.html for any address the portal does not have. */
import type { ScriptContext } from "../context.ts";
import type { StaticPage } from "../types.ts";
import { paths } from "../urls.ts";

export function notFoundPages(context: ScriptContext): StaticPage[] {
  const { t } = context;
  const base = context.base({ kind: "page", key: "404", path: context.at(paths.file("404.html")), title: t.notFoundTitle, description: t.notFoundTitle, crumbs: [] });
  return [context.twinned({
    ...base,
    head: { ...base.head, noindex: true },
    title: t.notFoundTitle,
    html: `<p>${t.notFoundBody}</p>`,
  }, paths.file("404.html"))];
}
