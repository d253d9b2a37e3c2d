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
  const d = b.date.valueOf() - a.date.valueOf();
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
 * Articles related to `article`: earlier articles only (so publishing an article never changes the pages of older
 * ones, which keeps rebuilds small), shared tags weighing most, the same channel a little, then recency.
 * Candidates come from the tag index and the channel's neighbours, so this stays cheap on a large portal.
 */
export function relatedArticles<A extends Article & { tagKeys?: string[] }>(
  article: A,
  byTag: Map<string, A[]>,
  channelNewestFirst: readonly A[],
  count = 4,
): A[] {
  const scores = new Map<A, number>();
  for (const tag of article.tagKeys ?? article.tags) {
    const list = byTag.get(tag) ?? [];
    // Only the nearest earlier articles of a common tag matter; cap the candidates.
    const from = olderStart(list, article);
    for (const other of list.slice(from, from + RELATED_CANDIDATES)) scores.set(other, (scores.get(other) ?? 0) + 2);
  }
  const from = olderStart(channelNewestFirst, article);
  for (const other of channelNewestFirst.slice(from, from + 10)) scores.set(other, (scores.get(other) ?? 0) + 1);
  // The best `count` by score, then recency: kept in order as candidates come (a full sort of every candidate was
  // most of this function's time on a large portal).
  const best: [A, number][] = [];
  for (const entry of scores) {
    let i = best.length;
    while (i > 0 && (entry[1] - best[i - 1]![1] || -byNewest(entry[0], best[i - 1]![0])) > 0) i--;
    if (i < count) {
      best.splice(i, 0, entry);
      if (best.length > count) best.pop();
    }
  }
  return best.map(([a]) => a);
}

/** Earlier articles per shared tag worth scoring: the nearest ones win ties anyway. */
const RELATED_CANDIDATES = 40;

/** Index of the first article older than `article` in a newest-first list (binary search). */
function olderStart(newestFirst: readonly Article[], article: Article): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byNewest(newestFirst[mid]!, article) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Related articles of every article, by slug (see relatedArticles). Tags are compared by identity (`tagKeys`), which
 * is the same in both scripts, so this is worked out once for the portal, not once per script.
 */
export function relatedIndex<A extends Article & { tagKeys: string[] }>(newestFirst: readonly A[]): Map<string, string[]> {
  const byTag = groupBy(newestFirst, (a) => a.tagKeys);
  const byChannel = groupBy(newestFirst, (a) => [a.channel.slug]);
  return new Map(newestFirst.map((a) => [a.slug, relatedArticles(a, byTag, byChannel.get(a.channel.slug)!).map((r) => r.slug)]));
}
