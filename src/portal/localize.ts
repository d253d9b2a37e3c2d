/**
 * The content as readers of one script see it: articles written in the other script, the site configuration and
 * the pages converted to it. Tags keep one identity across scripts (their form in the site's language), so a tag
 * page is the same page in 繁體 and 简体, and an article tagged 社会治理 meets one tagged 社會治理.
 */
import type { Article, Content, Page } from "../content/load.ts";
import type { SiteConfig } from "../content/site-config.ts";
import type { Script, ScriptConverter } from "../scripts/convert.ts";
import type { Memo } from "../util/memo.ts";

export interface LocalArticle extends Article {
  /** Tag identities (the tags in the site's language), parallel to `tags`. */
  tagKeys: string[];
}

export interface ScriptContent {
  script: Script;
  site: SiteConfig;
  articles: LocalArticle[];
  pages: Page[];
}

/** The fields of an article that conversion changes; a memo keeps them by the article's digest. */
type Converted = Pick<LocalArticle, "title" | "source" | "author" | "sponsor" | "editor" | "organizer" | "tags" | "summary" | "html" | "cover">;

export function contentInScript(
  content: Content & { site: SiteConfig }, script: Script, converter: ScriptConverter, memo?: Memo,
): ScriptContent {
  const { site } = content;
  const siteLang = site.lang;
  const c = (text: string, from: Script) => converter.convert(text, from, script);
  const s = (text: string) => c(text, siteLang);
  const localSite: SiteConfig = script === siteLang ? site : {
    ...site,
    name: s(site.name),
    sponsor: s(site.sponsor),
    ...(site.description ? { description: s(site.description) } : {}),
    ...(site.organizer ? { organizer: s(site.organizer) } : {}),
    ...(site.icp ? { icp: s(site.icp) } : {}),
    channels: site.channels.map((ch) => ({ ...ch, name: s(ch.name), ...(ch.description ? { description: s(ch.description) } : {}) })),
  };
  const channelBySlug = new Map(localSite.channels.map((ch) => [ch.slug, ch]));
  const articles = content.articles.map((a): LocalArticle => {
    const channel = channelBySlug.get(a.channel.slug)!;
    const tagKeys = a.tags.map((t) => converter.convert(t, a.lang, siteLang));
    if (a.lang === script) {
      return { ...a, channel, sponsor: a.sponsor === site.sponsor ? localSite.sponsor : a.sponsor, tagKeys };
    }
    // The article's digest covers its text and the site configuration (protected words included).
    const key = `${a.digest}|${script}`;
    let converted = memo?.get<Converted>(key);
    if (!converted) {
      const f = (text: string) => c(text, a.lang);
      converted = {
        title: f(a.title),
        source: f(a.source),
        author: f(a.author),
        sponsor: a.sponsor === site.sponsor ? localSite.sponsor : f(a.sponsor),
        ...(a.editor ? { editor: f(a.editor) } : {}),
        ...(a.organizer ? { organizer: f(a.organizer) } : {}),
        tags: tagKeys.map((k) => converter.convert(k, siteLang, script)),
        summary: f(a.summary),
        html: f(a.html),
        ...(a.cover ? { cover: { ...a.cover, html: f(a.cover.html) } } : {}),
      };
      memo?.set(key, converted);
    }
    // `text` stays in the article's own script: only the search index reads it.
    return { ...a, ...converted, channel, tagKeys };
  });
  const pages = script === siteLang ? content.pages
    : content.pages.map((p) => ({ ...p, title: s(p.title), summary: s(p.summary), html: s(p.html) }));
  return { script, site: localSite, articles, pages };
}
