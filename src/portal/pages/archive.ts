/**
 * Archive pages: the index of all years and months, a page per year (its months' articles by title) and a list
 * per month. The year and month pages are made only when rendered.
 */
import type { ScriptContext } from "../context.ts";
import type { ArchivePage, DeferredPage, ListPage, Planned } from "../types.ts";
import { fill } from "../ui-text.ts";
import { paths } from "../urls.ts";

/** The archive index, then a page per year. */
export function archivePages(context: ScriptContext): Planned<ArchivePage>[] {
  return [archiveIndexPage(context), ...yearPages(context)];
}

function archiveIndexPage(context: ScriptContext): ArchivePage {
  const { t, site, links } = context;
  const path = context.at(paths.archive());
  return context.twinned({
    ...context.base({
      kind: "archive", key: "archive", path, title: t.archiveTitle,
      description: fill(t.archiveDescription, { site: site.name }), crumbs: [links.home], current: links.archive.href,
    }),
    heading: t.archiveTitle,
    groups: context.calendar.map(({ year, months }) => ({
      heading: fill(t.year, { year }),
      href: context.href(paths.archiveYear(year)),
      links: months.map(({ month, articles }) => ({
        text: fill(t.month, { year, month }), href: context.href(paths.archiveMonth(year, month)), count: articles.length,
      })),
    })),
    sitemap: context.sitemapEntry(path, context.articles),
  }, paths.archive());
}

function yearPages(context: ScriptContext): DeferredPage<ArchivePage>[] {
  const { t, site, links, urls } = context;
  return context.calendar.map(({ year, months }) => {
    const key = `archive:${year}`;
    const path = context.at(paths.archiveYear(year));
    return context.defer({
      kind: "archive", key, path: paths.archiveYear(year), inputs: months.map(({ month, articles }) => [month, context.listings(articles)]),
      sitemap: context.sitemapEntry(path, context.byYear.get(year)!),
    }, () => ({
      ...context.base({
        kind: "archive", key, path, title: fill(t.yearTitle, { year }),
        description: fill(t.yearDescription, { site: site.name, year }), crumbs: [links.home, links.archive], current: links.archive.href,
      }),
      heading: fill(t.yearTitle, { year }),
      groups: months.map(({ month, articles }) => ({
        heading: fill(t.month, { year, month }),
        href: context.href(paths.archiveMonth(year, month)),
        links: articles.map((a) => ({ text: a.title, href: urls.href(context.articlePath(a)) })),
      })),
    }));
  });
}

export function monthPages(context: ScriptContext): DeferredPage<ListPage>[] {
  const { t, site, links } = context;
  return context.calendar.flatMap(({ year, months }) => months.map(({ month, articles }) => {
    const key = `archive:${year}:${month}`;
    const path = context.at(paths.archiveMonth(year, month));
    return context.defer({
      kind: "month", key, path: paths.archiveMonth(year, month), inputs: [context.listings(articles)],
      sitemap: context.sitemapEntry(path, articles),
    }, () => {
      const title = fill(t.monthTitle, { year, month });
      return {
        ...context.base({
          kind: "month", key, path, title, description: fill(t.monthDescription, { site: site.name, year, month }),
          crumbs: [links.home, links.archive, { text: fill(t.year, { year }), href: context.href(paths.archiveYear(year)) }],
          current: links.archive.href,
        }),
        heading: title,
        intro: fill(t.count, { n: articles.length }),
        items: articles.map(context.item),
      };
    });
  }));
}
