/**
 * Articles in the memo (src/util/memo.ts), by the hash of their file's bytes and the site configuration: an
 * unchanged file is not parsed and checked again. Pictures that decoded are remembered there too. Their bodies are
 * kept apart, in a text store (src/util/text-store.ts) by the article's digest, and read only when asked for: the
 * memo and the articles in memory hold an archive's metadata, not its text.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { articleOf, parseArticle, type Article, type ArticleBody, type ArticleContext, type ArticleOutcome, type Picture } from "./article.ts";
import { pictureStamp, type DecodedPictures } from "./images.ts";
import type { Problem } from "./problems.ts";
import { debug } from "../util/debug.ts";
import { digest } from "../util/files.ts";
import type { Memo } from "../util/memo.ts";
import { remembered, type TextStore } from "../util/text-store.ts";

const log = debug("content");

/** An article without errors as the memo keeps it: dates as milliseconds, the channel by slug, no body. */
interface StoredArticle {
  article: Omit<Article, "date" | "updated" | "channel" | "body"> & { date: number; updated?: number; channel: string; body: undefined };
  warnings: Problem[];
  pictures: Picture[];
}

/** An article file as the loader knows it: the digest of its bytes, and the bytes when they must be read. */
export interface ArticleSource {
  digest: string;
  bytes: () => Uint8Array | undefined;
}

/** An article file whose bytes are in hand. */
export function sourceOf(bytes: Uint8Array): ArticleSource {
  return { digest: digest(bytes), bytes: () => bytes };
}

/**
 * One article file: from the memo when its bytes (known by their digest), the site and its pictures are as they were,
 * else read and parsed afresh. Its body is put in `store` and read back from it when asked for.
 */
export function loadArticle(file: string, source: ArticleSource, context: ArticleContext, store: TextStore, memo?: Memo): ArticleOutcome | undefined {
  const key = articleKey(context, file, source.digest);
  // The file is read again only if its body has gone from the store (its bytes are not kept in memory); its key is
  // made from what it holds now, so an edited file makes an article of another digest.
  const parseAgain = () => {
    try {
      const now = readFileSync(path.join(context.root, file));
      return parseArticle(file, now, context, articleKey(context, file, digest(now))).article;
    } catch {
      return undefined; // Gone since it was loaded: reported as changed.
    }
  };
  const stored = memo?.get<StoredArticle>(key);
  if (stored && stored.pictures.every((p) => pictureStamp(p.source, context.site.pathPrefix) === p.stamp)) {
    // One shape, one order of fields (articleOf), so the article prints as it did when parsed.
    const { date, updated, channel } = stored.article;
    const zone = context.site.timeZone;
    const article = articleOf({
      ...stored.article,
      date: DateTime.fromMillis(date, { zone }),
      ...(updated !== undefined ? { updated: DateTime.fromMillis(updated, { zone }) } : {}),
      channel: context.site.channels.find((c) => c.slug === channel)!,
      body: storedBody(store, file, stored.article.digest, parseAgain),
    } as Article);
    store.keep(article.digest);
    log(`${file}: from the memo`);
    return { article, problems: stored.warnings, pictures: stored.pictures };
  }
  const bytes = source.bytes();
  if (!bytes) return undefined;
  log(`${file}: parsed`);
  const outcome = parseArticle(file, bytes, context, key);
  const { article } = outcome;
  if (!article) return outcome;
  const body = article.body();
  store.put(article.digest, [body.html, body.text]);
  const kept = articleOf({ ...article, body: storedBody(store, file, article.digest, parseAgain) });
  if (memo && outcome.problems.every((p) => p.severity === "warning")) {
    const { date, updated, channel } = kept;
    // The body's place is kept (as undefined), so that an article from the memo has its fields in the same order.
    const value: StoredArticle = {
      article: { ...kept, date: date.toMillis(), ...(updated ? { updated: updated.toMillis() } : {}), channel: channel.slug, body: undefined } as StoredArticle["article"],
      warnings: outcome.problems,
      pictures: outcome.pictures,
    };
    memo.set(key, value);
  }
  return { ...outcome, article: kept };
}

/** What an article is loaded from: the site configuration, its file's name and its bytes (by their digest). */
function articleKey(context: ArticleContext, file: string, bytesDigest: string): string {
  return createHash("sha256").update(context.siteKey).update(file).update("\0").update(bytesDigest).digest("hex");
}

/**
 * An article's body read from the store; when it is not there (removed, or damaged on disk), the article's file is
 * parsed again and the body put back. A file that no longer makes the same article (edited during the build) stops
 * the build rather than publish a body its page was not planned from.
 */
function storedBody(store: TextStore, file: string, digest: string, parseAgain: () => Article | undefined): () => ArticleBody {
  return () => {
    const [html, text] = remembered(store, digest, () => {
      const again = parseAgain();
      if (again?.digest !== digest) {
        throw new Error(`${file}: 建置期間此文章被修改或刪除，請再建置一次 (the article changed while the portal was being built; build again)`);
      }
      const body = again.body();
      return [body.html, body.text];
    });
    return { html: html!, text: text! };
  };
}

/** Hashes of pictures that decoded, kept in the memo so that a rebuild decodes only new pictures. */
export function decodedPictures(memo?: Memo): DecodedPictures | undefined {
  if (!memo) return undefined;
  return { has: (hash) => memo.get<true>(`picture-decodes:${hash}`) === true, add: (hash) => memo.set(`picture-decodes:${hash}`, true) };
}
