/**
 * The portal's pages in one script, gathered from the page families (src/portal/pages/, each a PageFamily: the
 * script's context in, its pages out), and its feeds. All decisions are made in the page modules, where they are
 * tested without Eleventy; src/portal/portal.ts puts the two scripts together.
 */
import { scriptContext, type PageFamily, type ScriptContextOptions } from "./context.ts";
import { archivePages, monthPages } from "./pages/archive.ts";
import { articlePages } from "./pages/article.ts";
import { channelPages } from "./pages/channel.ts";
import { homePages } from "./pages/home.ts";
import { notFoundPages } from "./pages/not-found.ts";
import { searchPages } from "./pages/search.ts";
import { standalonePages } from "./pages/standalone.ts";
import { tagIndexPages, tagPages } from "./pages/tag.ts";
import type { ArchivePage, ArticlePage, DeferredPage, HomePage, ListPage, OutputFile, PageBase, Planned, SearchPage, StaticPage } from "./types.ts";

export interface ScriptPortal {
  home: HomePage[];
  articles: DeferredPage<ArticlePage>[];
  /** Channel, tag and month lists. */
  lists: DeferredPage<ListPage>[];
  /** The archive and tag indexes, and the year pages. */
  archives: Planned<ArchivePage>[];
  /** Standalone pages and the 404 page. */
  pages: StaticPage[];
  search: SearchPage[];
  feeds: OutputFile[];
}

/** Every family has the same shape: the script's context in, its planned pages out. */
const FAMILIES = {
  homePages, articlePages, channelPages, tagPages, monthPages, archivePages, tagIndexPages, standalonePages, notFoundPages, searchPages,
} satisfies Record<string, PageFamily<PageBase>>;

export function planScriptPortal(options: ScriptContextOptions): ScriptPortal {
  const context = scriptContext(options);
  return {
    home: FAMILIES.homePages(context),
    articles: FAMILIES.articlePages(context),
    lists: [...FAMILIES.channelPages(context), ...FAMILIES.tagPages(context), ...FAMILIES.monthPages(context)],
    archives: [...FAMILIES.archivePages(context), ...FAMILIES.tagIndexPages(context)],
    pages: [...FAMILIES.standalonePages(context), ...FAMILIES.notFoundPages(context)],
    search: FAMILIES.searchPages(context),
    feeds: context.feeds.files,
  };
}
