/**
 * Shaping the list of articles: what is published at the build's reference time, in which order, and how lists are
 * cut into pages. Pure functions over loaded articles, tested directly.
 */
import type { DateTime } from "luxon";
import type { Article } from "../content/article.ts";

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

/** Each article's previous (older) and next (newer) article in a list (a channel), newest first. */
export function neighbourIndex<A>(newestFirst: readonly A[]): Map<A, { older?: A; newer?: A }> {
  return new Map(newestFirst.map((a, i) => {
    const older = newestFirst[i + 1];
    const newer = i > 0 ? newestFirst[i - 1] : undefined;
    return [a, { ...(older ? { older } : {}), ...(newer ? { newer } : {}) }];
  }));
}

/** Earlier articles per shared tag worth scoring: the nearest ones win ties anyway. */
const RELATED_CANDIDATES = 40;
/** Earlier articles of the same channel worth scoring. */
const CHANNEL_CANDIDATES = 10;

/**
 * Articles related to each article, by slug: earlier articles only (so publishing an article never changes the
 * pages of older ones, which keeps rebuilds small), shared tags weighing most, the same channel a little, then
 * recency. Candidates are the nearest earlier articles of each tag and of the channel, so this stays cheap on a large
 * portal. Tags are compared by identity (`tagKeys`), the same in both scripts, so this is worked out once.
 */
export function relatedIndex<A extends Article & { tagKeys: string[] }>(newestFirst: readonly A[], count = 4): Map<string, string[]> {
  // Articles are worked with by position (0 is the newest): every list below is newest first, so positions ascend
  // along it and "earlier than" is "a larger position".
  const position = new Map(newestFirst.map((a, i) => [a, i]));
  const positions = (groups: Map<string, A[]>) =>
    new Map([...groups].map(([key, list]) => [key, Int32Array.from(list, (a) => position.get(a)!)]));
  const byTag = positions(groupBy(newestFirst, (a) => a.tagKeys));
  const byChannel = positions(groupBy(newestFirst, (a) => [a.channel.slug]));
  return new Map(newestFirst.map((a, own) => {
    const scores = new Map<number, number>();
    const score = (list: Int32Array, candidates: number, weight: number) => {
      const from = firstAfter(list, own);
      for (let i = from; i < Math.min(list.length, from + candidates); i++) scores.set(list[i]!, (scores.get(list[i]!) ?? 0) + weight);
    };
    for (const tag of a.tagKeys) score(byTag.get(tag)!, RELATED_CANDIDATES, 2);
    score(byChannel.get(a.channel.slug)!, CHANNEL_CANDIDATES, 1);
    // The best `count`, by score and then recency, kept in order as candidates come.
    const best: [number, number][] = [];
    for (const entry of scores) {
      let i = best.length;
      while (i > 0 && (entry[1] > best[i - 1]![1] || (entry[1] === best[i - 1]![1] && entry[0] < best[i - 1]![0]))) i--;
      if (i < count) {
        best.splice(i, 0, entry);
        if (best.length > count) best.pop();
      }
    }
    return [a.slug, best.map(([p]) => newestFirst[p]!.slug)];
  }));
}

/** Index of the first position in an ascending list that is larger than `own` (binary search). */
function firstAfter(list: Int32Array, own: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= own) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
