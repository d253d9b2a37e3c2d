/**
 * The content as readers of one script see it: articles written in the other script, the site configuration and
 * the pages converted to it. Tags keep one identity across scripts (`tagIdentity`: folded, in the site's language),
 * so a tag page is the same page in 繁體 and 简体, and an article tagged 社会治理 meets one tagged 社會治理, as one
 * tagged ABC meets one tagged ＡＢＣ or abc.
 */
import type { Article, Content, Page } from "../content/load.ts";
import { foldName } from "../content/path-names.ts";
import type { Channel, SiteConfig } from "../content/site-config.ts";
import type { Script, ScriptConverter } from "../scripts/convert.ts";
import type { Memo } from "../util/memo.ts";
import { remembered, type TextStore } from "../util/text-store.ts";

export interface LocalArticle extends Article {
  /** Tag identities (`tagIdentity`), parallel to `tags`; tags of one identity are one tag. */
  tagKeys: string[];
  /**
   * The body's HTML in this script: read (and converted, for an article written in the other script) when a page
   * or a feed prints it, not held in memory.
   */
  html(): string;
}

export interface ScriptContent {
  script: Script;
  site: SiteConfig;
  articles: LocalArticle[];
  pages: Page[];
}

/** The fields of an article that conversion changes; a memo keeps them by the article's digest. */
type Converted = Pick<LocalArticle, "title" | "source" | "author" | "sponsor" | "editor" | "organizer" | "tags" | "summary" | "cover">;

export interface Converters {
  /** For the site's words, pages and tags (it may remember them: src/scripts/convert.ts rememberingConverter). */
  converter: ScriptConverter;
  /**
   * For an article's own fields and body: never remembered text by text, since the memo keeps an article's
   * conversions whole, by its digest (an archive's titles and summaries would otherwise be kept twice).
   */
  articleConverter: ScriptConverter;
  /** The converted fields of unchanged articles from earlier builds. */
  memo?: Memo;
  /** The articles' bodies and their conversions (by the article's digest and the script). */
  store?: TextStore;
}

/**
 * A tag's identity, which is its address (`/tags/<identity>/`): the tag folded (src/content/path-names.ts foldName:
 * case, full-width letters, NFC and NFD, 繁體 and 简体 are one), written in the site's script. It depends on the
 * tag alone, so no article added elsewhere ever moves a tag's address.
 */
export function tagIdentity(converter: ScriptConverter, siteLang: Script): (tag: string) => string {
  return (tag) => {
    const folded = foldName(tag, (text) => converter.convert(text, "zh-Hant", "zh-Hans"));
    return siteLang === "zh-Hans" ? folded : converter.convert(folded, "zh-Hans", siteLang);
  };
}

export function contentInScript(content: Content & { site: SiteConfig }, script: Script, converters: Converters): ScriptContent {
  const { converter, articleConverter, memo, store } = converters;
  const { site } = content;
  const siteLang = site.lang;
  const identity = tagIdentity(converter, siteLang);
  const convert = (text: string, from: Script) => converter.convert(text, from, script);
  /** Text of the site's configuration or its pages, written in the site's script. */
  const fromSite = (text: string) => convert(text, siteLang);
  const inScript: SiteConfig = script === siteLang ? site : {
    ...site,
    name: fromSite(site.name),
    sponsor: fromSite(site.sponsor),
    ...(site.description ? { description: fromSite(site.description) } : {}),
    ...(site.organizer ? { organizer: fromSite(site.organizer) } : {}),
    ...(site.icp ? { icp: fromSite(site.icp) } : {}),
    ...(site.policeRecord ? { policeRecord: fromSite(site.policeRecord) } : {}),
    ...(site.partyGovMark ? { partyGovMark: { ...site.partyGovMark, alt: fromSite(site.partyGovMark.alt) } } : {}),
    ...(site.contact ? { contact: { ...site.contact, ...(site.contact.address ? { address: fromSite(site.contact.address) } : {}) } } : {}),
    topics: site.topics.map((tp) => ({ ...tp, title: fromSite(tp.title), ...(tp.description ? { description: fromSite(tp.description) } : {}) })),
    channels: site.channels.map((ch) => ({
      ...ch, name: fromSite(ch.name),
      ...(ch.description ? { description: fromSite(ch.description) } : {}),
      ...(ch.keywords ? { keywords: ch.keywords.map(fromSite) } : {}),
      ...(ch.type ? { type: fromSite(ch.type) } : {}),
    })),
  };
  // A topic names its tag as editors write it: it is that tag's identity that has the topic.
  const localSite: SiteConfig = { ...inScript, topics: inScript.topics.map((topic) => ({ ...topic, tag: identity(topic.tag) })) };
  const channelBySlug = new Map(localSite.channels.map((ch) => [ch.slug, ch]));
  const articles = content.articles.map((a): LocalArticle => {
    const channel = channelBySlug.get(a.channel.slug)!;
    // Two spellings of one tag in one article are one tag (the first kept).
    const tags: string[] = [];
    const tagKeys: string[] = [];
    for (const tag of a.tags) {
      const key = identity(tag);
      if (tagKeys.includes(key)) continue;
      tags.push(tag);
      tagKeys.push(key);
    }
    if (a.lang === script) {
      return localArticle(a, { sponsor: a.sponsor === site.sponsor ? localSite.sponsor : a.sponsor, tags }, channel, tagKeys, () => a.body().html);
    }
    // The article's digest covers its text and the site configuration (protected words included).
    const key = `${a.digest}|${script}`;
    let converted = memo?.get<Converted>(key);
    if (!converted) {
      const fromArticle = (text: string) => articleConverter.convert(text, a.lang, script);
      converted = {
        title: fromArticle(a.title),
        source: fromArticle(a.source),
        author: fromArticle(a.author),
        sponsor: a.sponsor === site.sponsor ? localSite.sponsor : fromArticle(a.sponsor),
        ...(a.editor ? { editor: fromArticle(a.editor) } : {}),
        ...(a.organizer ? { organizer: fromArticle(a.organizer) } : {}),
        tags: tags.map(fromArticle),
        summary: fromArticle(a.summary),
        ...(a.cover ? { cover: { ...a.cover, html: fromArticle(a.cover.html) } } : {}),
      };
      memo?.set(key, converted);
    }
    const convertBody = () => [articleConverter.convert(a.body().html, a.lang, script)];
    const html = () => (store ? remembered(store, `${a.digest}.${script}`, convertBody) : convertBody())[0]!;
    // The body's text stays in the article's own script: only the search index reads it.
    return localArticle(a, converted, channel, tagKeys, html);
  });
  const pages = script === siteLang ? content.pages
    : content.pages.map((p) => ({ ...p, title: fromSite(p.title), summary: fromSite(p.summary), html: fromSite(p.html) }));
  return { script, site: localSite, articles, pages };
}

/** The article in a script, as an object of one shape (see articleOf in src/content/article.ts). */
function localArticle(a: Article, c: Partial<Converted>, channel: Channel, tagKeys: string[], html: () => string): LocalArticle {
  return {
    file: a.file, slug: a.slug, title: c.title ?? a.title, date: a.date, updated: a.updated, source: c.source ?? a.source,
    author: c.author ?? a.author, channel, sponsor: c.sponsor ?? a.sponsor, organizer: c.organizer ?? a.organizer,
    editor: c.editor ?? a.editor, tags: c.tags ?? a.tags, summary: c.summary ?? a.summary, lang: a.lang, draft: a.draft,
    body: a.body, textLength: a.textLength, digest: a.digest, cover: c.cover ?? a.cover, tagKeys, html,
  };
}
