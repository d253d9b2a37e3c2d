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
import type { OutputFile, PageBase, PlannedPages } from "./types.ts";

/** One script's pages, and its feeds. */
export interface ScriptPortal extends PlannedPages {
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
