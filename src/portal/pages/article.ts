/**
 * Article pages: one per published article, in each script, made only when rendered. An article page shows its
 * article, links to its neighbours in its channel (older and newer) and its related articles.
 */
import { qrSvg } from "../qr.ts";
import { formatDisplay, formatIso } from "../../dates.ts";
import { neighbourIndex } from "../collections.ts";
import type { ScriptContext } from "../context.ts";
import { listedKey } from "../deferred.ts";
import type { LocalArticle } from "../localize.ts";
import { articleMeta, newsArticleJsonLd } from "../seo.ts";
import type { ArticlePage, DeferredPage, Link } from "../types.ts";
import { paths, type SitePath } from "../urls.ts";

interface ArticleInputs {
  a: LocalArticle;
  path: SitePath;
  /** Drafts and future articles (shown only in the preview) are kept out of search engines. */
  noindex: boolean;
  older: LocalArticle | undefined;
  newer: LocalArticle | undefined;
  related: LocalArticle[];
}

export function articlePages(context: ScriptContext): DeferredPage<ArticlePage>[] {
  const { articles, now } = context;
  const neighbours = new Map([...context.byChannel.values()].flatMap((list) => [...neighbourIndex(list)]));
  // One maker for the family (made apart, so that it does not hold the index of every neighbour); each deferred
  // page keeps only its own inputs.
  const make = articleMaker(context);
  return articles.map((a) => {
    const { older, newer } = neighbours.get(a)!;
    const related = (context.related.get(a.slug) ?? []).map((slug) => context.bySlug.get(slug)!);
    const path = context.articlePath(a);
    const noindex = a.draft || a.date > now;
    return context.defer(
      {
        kind: "article", key: `article:${a.slug}`, path: paths.article(a.slug), native: a.lang,
        inputs: [a.digest, noindex, older ? listedKey(older) : null, newer ? listedKey(newer) : null, context.listings(related)],
        sitemap: context.sitemapEntry(path, [a]),
      },
      make, { a, path, noindex, related, older, newer },
    );
  });
}

function articleMaker(context: ScriptContext): (inputs: ArticleInputs) => ArticlePage {
  return (inputs) => articlePage(context, inputs);
}

/** One article's page, from its inputs (above) only. */
function articlePage(context: ScriptContext, inputs: ArticleInputs): ArticlePage {
  const { site, script, urls, zone } = context;
  const { a, path, older, newer } = inputs;
  const url = urls.absolute(path);
  const link = (x: LocalArticle): Link => ({ text: x.title, href: urls.href(context.articlePath(x)) });
  const channel = context.channelLink(a.channel);
  const page = context.base({
    kind: "article", key: `article:${a.slug}`, path, title: a.title, description: a.summary,
    crumbs: [context.links.home, channel], current: channel.href, ogType: "article", column: a.channel,
  });
  page.head.meta.push(...articleMeta({ ...a, lang: script }, url, zone));
  page.head.jsonLd.unshift(newsArticleJsonLd({ ...a, lang: script }, url, zone));
  if (inputs.noindex) page.head.noindex = true;
  return {
    ...page,
    title: a.title,
    summary: a.summary,
    html: a.html(),
    ...(a.cover ? { coverHtml: a.cover.html } : {}),
    meta: {
      source: a.source,
      author: a.author,
      dateDisplay: formatDisplay(a.date, zone),
      dateIso: formatIso(a.date, zone),
      ...(a.updated ? { updatedDisplay: formatDisplay(a.updated, zone), updatedIso: formatIso(a.updated, zone) } : {}),
      channel,
      ...(a.sponsor !== site.sponsor ? { sponsor: a.sponsor } : {}),
      ...(a.organizer && a.organizer !== site.organizer ? { organizer: a.organizer } : {}),
      ...(a.editor ? { editor: a.editor } : {}),
    },
    draft: a.draft,
    tags: a.tagKeys.map((key, i) => ({ text: a.tags[i]!, href: context.href(paths.tag(key)) })),
    ...(older ? { older: link(older) } : {}),
    ...(newer ? { newer: link(newer) } : {}),
    related: inputs.related.map(context.item),
    qr: qrSvg(url, context.t.qrLabel),
  };
}
