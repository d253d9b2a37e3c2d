/**
 * Articles in the memo (src/util/memo.ts), by the hash of their file's bytes and the site configuration: an
 * unchanged file is not parsed and checked again. Pictures that decoded are remembered there too.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { parseArticle, type Article, type ArticleContext, type ArticleOutcome, type Picture } from "./article.ts";
import { pictureStamp, type DecodedPictures } from "./images.ts";
import type { Problem } from "./problems.ts";
import { debug } from "../util/debug.ts";
import type { Memo } from "../util/memo.ts";

const log = debug("content");

/** An article without errors as the memo keeps it: dates as milliseconds, the channel by slug. */
interface StoredArticle {
  article: Omit<Article, "date" | "updated" | "channel"> & { date: number; updated?: number; channel: string };
  warnings: Problem[];
  pictures: Picture[];
}

/** One article file: from the memo when its bytes, the site and its pictures are as they were, else read afresh. */
export function loadArticle(file: string, bytes: Uint8Array, context: ArticleContext, memo?: Memo): ArticleOutcome {
  const key = createHash("sha256").update(context.siteKey).update(file).update("\0").update(bytes).digest("hex");
  const stored = memo?.get<StoredArticle>(key);
  if (stored && stored.pictures.every((p) => pictureStamp(p.source, context.site.pathPrefix) === p.stamp)) {
    // Fields keep their places (a key set again stays where it was), so the article prints as it did when parsed.
    const { date, updated, channel } = stored.article;
    const zone = context.site.timeZone;
    const article = {
      ...stored.article,
      date: DateTime.fromMillis(date, { zone }),
      ...(updated !== undefined ? { updated: DateTime.fromMillis(updated, { zone }) } : {}),
      channel: context.site.channels.find((c) => c.slug === channel)!,
    } as Article;
    log(`${file}: from the memo`);
    return { article, problems: stored.warnings, pictures: stored.pictures };
  }
  log(`${file}: parsed`);
  const outcome = parseArticle(file, bytes, context, key);
  const { article } = outcome;
  if (memo && article && outcome.problems.every((p) => p.severity === "warning")) {
    const { date, updated, channel } = article;
    const value: StoredArticle = {
      article: { ...article, date: date.toMillis(), ...(updated ? { updated: updated.toMillis() } : {}), channel: channel.slug } as StoredArticle["article"],
      warnings: outcome.problems,
      pictures: outcome.pictures,
    };
    memo.set(key, value);
  }
  return outcome;
}

/** Hashes of pictures that decoded, kept in the memo so that a rebuild decodes only new pictures. */
export function decodedPictures(memo?: Memo): DecodedPictures | undefined {
  if (!memo) return undefined;
  return { has: (hash) => memo.get<true>(`picture-decodes:${hash}`) === true, add: (hash) => memo.set(`picture-decodes:${hash}`, true) };
}
