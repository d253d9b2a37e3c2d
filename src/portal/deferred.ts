/**
 * Pages built only when they are rendered (DeferredPage): articles, lists and archives, nearly all of a portal. A
 * rebuild needs a page's cache key, not the page, so each deferred page names all it is made from in its `inputs`:
 * the script's chromes (the site, and every chrome a page can have, which carries the UI text and the footer's
 * pages), and its own content: its article by digest (src/content/load.ts), and the articles it lists or
 * links by what is shown of them (`listedKey`). The incremental build tests check that a change of each kind of
 * input re-renders the pages that show it and that the output equals a cold build.
 */
import { createHash } from "node:crypto";
import { SCRIPTS, type Script } from "../scripts/convert.ts";
import type { LocalArticle } from "./localize.ts";
import type { DeferredPage, PageBase, PageKind, SitemapEntry } from "./types.ts";
import { inScript, outputPath, type SitePath, type Urls } from "./urls.ts";

export interface PageFactoryOptions {
  script: Script;
  /** The site's own script: pages other than articles are in it at the root. */
  siteLang: string;
  urls: Urls;
  /** The script switch's words (`t.otherScript`). */
  otherScriptText: string;
  /** Every chrome a page of this script can have, and the site (see above), as JSON-able data. */
  chromes: unknown;
}

export interface PageFactory {
  /**
   * A page built when rendered; `path` is its path before it is put in a script, `native` its own script. The page
   * is `make(data)`: a family with many pages passes one `make` for all and each page's `data`, so that a deferred
   * page holds no function of its own.
   */
  defer<P extends PageBase, T = undefined>(
    page: { kind: PageKind; key: string; path: SitePath; native?: string; inputs: unknown[]; sitemap?: SitemapEntry },
    make: (data: T) => P,
    data?: T,
  ): DeferredPage<P>;
  /** Every page learns its twin in the other script: hreflang alternates (after its other links) and the switch. */
  twinned<P extends PageBase>(page: P, path: SitePath, native?: string): P;
}

export function pageFactory(options: PageFactoryOptions): PageFactory {
  const { script, siteLang, urls } = options;
  const otherScript = SCRIPTS.find((s) => s !== script)!;
  const chromes = createHash("sha256").update(JSON.stringify([script, options.chromes])).digest("base64");
  const twinned = <P extends PageBase>(page: P, path: SitePath, native = siteLang): P => {
    const twins = SCRIPTS.map((s) => [s, urls.absolute(inScript(path, s, native))] as const).sort(([x], [y]) => (x < y ? -1 : 1));
    for (const [s, canonical] of twins) page.head.links.push({ rel: "alternate", hreflang: s, href: canonical });
    page.toggle = { text: options.otherScriptText, href: new URL(twins.find(([s]) => s === otherScript)![1]).pathname, lang: otherScript };
    return page;
  };
  return {
    twinned,
    defer: (page, make, data) => new Deferred(
      page.kind, page.key, outputPath(inScript(page.path, script, page.native ?? siteLang)),
      createHash("sha256").update(JSON.stringify([chromes, page.key, ...page.inputs])).digest("base64"), page.sitemap,
      page.path, page.native, twinned, make, data as never,
    ),
  };
}

/**
 * A deferred page as an object of one shape that holds only what it needs until it is rendered (a portal has
 * hundreds of thousands of them): its identity, a digest of its inputs, its sitemap entry, and how to make it (its
 * path and own script, and its family's `make` with its data).
 */
class Deferred<P extends PageBase, T> implements DeferredPage<P> {
  constructor(
    readonly kind: PageKind, readonly key: string, readonly outputPath: string, readonly inputs: string,
    readonly sitemap: SitemapEntry | undefined, private readonly path: SitePath, private readonly native: string | undefined,
    private readonly twinned: PageFactory["twinned"], private readonly maker: (data: T) => P, private readonly data: T,
  ) {}

  make(): P {
    return this.twinned(this.maker(this.data), this.path, this.native);
  }
}

const listedKeys = new WeakMap<LocalArticle, string>();

/**
 * What an article's entry in a list and its links on other pages are made from (its address, title, date, channel,
 * summary and, in the preview, whether it is a draft, in one script), as a short digest: editing an article's body
 * leaves the pages that only list it alone.
 */
export function listedKey(a: LocalArticle): string {
  let key = listedKeys.get(a);
  if (key === undefined) {
    key = createHash("sha1").update(JSON.stringify([a.slug, a.lang, a.title, a.date.toMillis(), a.channel.slug, a.summary, a.draft])).digest("base64");
    listedKeys.set(a, key);
  }
  return key;
}
