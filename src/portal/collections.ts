/**
 * Shaping the list of articles: what is published at the build's reference time, in which order, and how lists are
 * cut into pages. Pure functions over loaded articles, tested directly.
 */
import type { DateTime } from "luxon";
import type { Article } from "../content/load.ts";

export interface PublishOptions {
  /** The build's reference time: articles dated after it wait. */
  now: DateTime;
  /** Preview shows drafts and future articles; production never does. */
  preview?: boolean;
}

/** Newest first; the slug breaks ties so the order never depends on the order files were read in. */
export function byNewest(a: Article, b: Article): number {
  const d = b.date.toMillis() - a.date.toMillis();
  return d !== 0 ? d : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function publishedArticles(articles: readonly Article[], options: PublishOptions): Article[] {
  const now = options.now.toMillis();
  return articles
    .filter((a) => options.preview || (!a.draft && a.date.toMillis() <= now))
    .sort(byNewest);
}

/** The earliest article still waiting for its time, so the build can say when to run again. */
export function nextPublication(articles: readonly Article[], now: DateTime): Article | undefined {
  return articles
    .filter((a) => !a.draft && a.date.toMillis() > now.toMillis())
    .sort((a, b) => -byNewest(a, b))[0];
}

export function groupBy<K, T>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * A long list (newest first) cut into numbered pages counted from the oldest: page 1 holds the oldest `size`
 * items. Publishing an article changes only the newest page, so older pages keep their URL and content.
 * The list's front page (the newest `size` items) is separate.
 */
export function pagesFromOldest<T>(newestFirst: readonly T[], size: number): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const pages: T[][] = [];
  for (let i = 0; i < oldestFirst.length; i += size) pages.push(oldestFirst.slice(i, i + size).reverse());
  return pages;
}

/** Previous (older) and next (newer) article in the same channel. */
export function neighbours<A extends Article>(channelNewestFirst: readonly A[], article: A): { older?: A; newer?: A } {
  const i = channelNewestFirst.indexOf(article);
  const older = channelNewestFirst[i + 1];
  const newer = i > 0 ? channelNewestFirst[i - 1] : undefined;
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/**
 * Articles related to `article`: shared tags weigh most, the same channel a little, then recency. Candidates come
 * from the tag index and the channel's neighbours, so this stays cheap on a large portal.
 */
export function relatedArticles<A extends Article & { tagKeys?: string[] }>(
  article: A,
  byTag: Map<string, A[]>,
  channelNewestFirst: readonly A[],
  count = 4,
): A[] {
  const scores = new Map<A, number>();
  for (const tag of article.tagKeys ?? article.tags) {
    // Only the nearest neighbours of a very common tag matter; cap the candidates.
    for (const other of (byTag.get(tag) ?? []).slice(0, 200)) {
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + 2);
    }
  }
  const i = channelNewestFirst.indexOf(article);
  for (const other of channelNewestFirst.slice(Math.max(0, i - 10), i + 11)) {
    if (other !== article) scores.set(other, (scores.get(other) ?? 0) + 1);
  }
  return [...scores.entries()]
    .sort(([a, sa], [b, sb]) => sb - sa || byNewest(a, b))
    .slice(0, count)
    .map(([a]) => a);
}
