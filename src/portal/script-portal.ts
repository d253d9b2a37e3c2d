/**
 * The portal's pages in one script, gathered from the page families (src/portal/pages/), and its feeds. Every page
 * is a plain object with its output path and everything its template prints; all decisions are made in the page
 * modules, where they are tested without Eleventy. src/portal/portal.ts puts the two scripts together.
 */
import { scriptContext, type ScriptContextOptions } from "./context.ts";
import { scriptFeeds } from "./feeds.ts";
import { archiveIndexPage, monthPages, yearPages } from "./pages/archive.ts";
import { articlePages } from "./pages/article.ts";
import { channelPages } from "./pages/channel.ts";
import { homePage } from "./pages/home.ts";
import { notFoundPage } from "./pages/not-found.ts";
import { searchPage } from "./pages/search.ts";
import { standalonePages } from "./pages/standalone.ts";
import { tagIndexPage, tagPages } from "./pages/tag.ts";
import type { Script } from "../scripts/convert.ts";
import type { ArchivePage, ArticlePage, DeferredPage, HomePage, ListPage, OutputFile, Planned, SearchPage, StaticPage } from "./types.ts";

export interface ScriptPortal {
  script: Script;
  home: HomePage;
  articles: DeferredPage<ArticlePage>[];
  /** Channel, tag and month lists. */
  lists: DeferredPage<ListPage>[];
  /** The archive and tag indexes, and the year pages. */
  archives: Planned<ArchivePage>[];
  pages: StaticPage[];
  notFound: StaticPage;
  search: SearchPage;
  feeds: OutputFile[];
}

export type ScriptPortalOptions = ScriptContextOptions;

export function planScriptPortal(options: ScriptPortalOptions): ScriptPortal {
  const context = scriptContext(options);
  const feeds = scriptFeeds(context);
  return {
    script: context.script,
    home: homePage(context, feeds),
    articles: articlePages(context),
    lists: [...channelPages(context, feeds), ...tagPages(context), ...monthPages(context)],
    archives: [archiveIndexPage(context), tagIndexPage(context), ...yearPages(context)],
    pages: standalonePages(context),
    notFound: notFoundPage(context),
    search: searchPage(context),
    feeds: feeds.files,
  };
}
