/**
 * Loads all editor content once: the site configuration, every article and every page, each validated, with
 * every problem of every file collected (the contract: all errors in all files in one run). The build, the preview
 * and `npm run check` share this.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article, ArticleContext } from "./article.ts";
import { articleSchema } from "./article-schema.ts";
import { decodedPictures, loadArticle, sourceOf, type ArticleSource } from "./article-memo.ts";
import { listContent, unreadable } from "./files.ts";
import { undecodablePictures, type ImageJob, type PictureUse } from "./images.ts";
import { parsePage, type Page } from "./pages.ts";
import { sortProblems, type Problem } from "./problems.ts";
import type { SiteConfig } from "./site-config.ts";
import { loadSiteConfig } from "./site-file.ts";
import { newsroomProblems } from "./newsroom.ts";
import { loadWordList } from "./words.ts";
import { loadRedirects, REDIRECTS_FILE, type Redirect } from "./redirects.ts";
import { createScriptConverter } from "../scripts/convert.ts";
import { referenceTime } from "../dates.ts";
import { parseSource } from "./source-file.ts";
import type { DateTime } from "luxon";
import type { Memo } from "../util/memo.ts";
import { MemoryTextStore, type TextStore } from "../util/text-store.ts";

export type { Article, Page };

export interface Content {
  site?: SiteConfig;
  articles: Article[];
  pages: Page[];
  problems: Problem[];
  /** Pictures the build must encode (each source once). */
  images: ImageJob[];
  /** The old site's addresses and the articles they now are (content/_data/redirects.yaml), each to a known article. */
  redirects?: Redirect[];
  /**
   * The build's reference time, read once here for everything that follows (the contract: one instant per build),
   * in the site's zone: what is published, the newsroom's checks, the news sitemap.
   */
  now: DateTime;
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Articles loaded before, by content (the build keeps it in its cache, the preview server in memory): an article
   * file whose bytes, site configuration and pictures are unchanged is not parsed and checked again.
   */
  memo?: Memo;
  /**
   * Where article bodies are kept (src/util/text-store.ts): the build keeps them on disk, so that its memory holds
   * no archive's text; by default in memory.
   */
  store?: TextStore;
  /**
   * The digest of an article file (by its full path) when it can be known without reading it
   * (src/util/stat-digests.ts): an unchanged file found in the memo is then not read at all.
   */
  digestOf?: (file: string) => string | undefined;
  /** Told how many article files there are, then each one as it is loaded (the build's progress line). */
  progress?: { start(files: number): void; loaded(): void };
}

export async function loadContent(root: string, options: LoadOptions = {}): Promise<Content> {
  const env = options.env ?? process.env;
  const read = referenceTime(env);
  const { site, lines, problems } = await loadSiteConfig(root, env);
  const listed = listContent(root);
  problems.push(...listed.problems);
  // A file that cannot be read is a problem of its own; the others are still checked.
  const readBytes = (file: string): Uint8Array | undefined => {
    try {
      return readFileSync(path.join(root, file));
    } catch (error) {
      problems.push({ severity: "error", file, line: 1, field: "file", message: unreadable(error) });
      return undefined;
    }
  };
  if (!site) {
    // Articles cannot be checked against channels that failed to load; report what can be.
    for (const file of [...listed.articles, ...listed.pages]) {
      const bytes = readBytes(file);
      const parsed = bytes && parseSource(bytes, file);
      if (parsed && !parsed.ok) problems.push(...parsed.problems);
    }
    return { articles: [], pages: [], problems: sortProblems(problems), images: [], now: read };
  }
  const words = loadWordList(root, site.protectedWords);
  problems.push(...words.problems);
  options.progress?.start(listed.articles.length);
  const { articles, images } = await loadArticles({ root, site, words: words.entries }, listed.articles, readBytes, problems, options.store ?? new MemoryTextStore(), options.memo, options.digestOf, options.progress?.loaded);
  const pages: Page[] = [];
  for (const file of listed.pages) {
    const bytes = readBytes(file);
    if (!bytes) continue;
    const parsed = parsePage(file, bytes);
    problems.push(...parsed.problems);
    if (parsed.page) pages.push(parsed.page);
  }
  const now = read.setZone(site.timeZone);
  const redirects = redirectsTo(articles, loadRedirects(root, new Set(pages.map((p) => p.slug))), problems);
  problems.push(...newsroomProblems(site, articles, now, lines ?? {}));
  // Channel names are written as site.yaml has them: an editor must type them exactly so.
  // OpenCC's tables load only when there is something to say (a preview rebuild of clean content loads none).
  const speaker = site.lang === "zh-Hans" && problems.length > 0
    ? createScriptConverter([...site.protectedWords, ...site.channels.map((c) => c.name)]) : undefined;
  const said = speaker ? problems.map((p) => ({ ...p, message: inSimplified(p.message, speaker) })) : problems;
  return { site, articles, pages, problems: sortProblems(said), images, now, ...(redirects.length > 0 ? { redirects } : {}) };
}

/** The redirects that lead to an article of the site; one that names no article is an error on its line. */
function redirectsTo(articles: readonly Article[], loaded: { redirects: Redirect[]; problems: Problem[] }, problems: Problem[]): Redirect[] {
  problems.push(...loaded.problems);
  if (loaded.redirects.length === 0) return [];
  const slugs = new Set(articles.map((a) => a.slug));
  return loaded.redirects.filter((r) => {
    if (slugs.has(r.to)) return true;
    problems.push({ severity: "error", file: REDIRECTS_FILE, line: r.line, field: "redirects",
      message: `沒有網址名是「${r.to}」的文章；寫 content/articles/ 裡文章的文件名（不帶 .md）或它的 slug (no article has the slug "${r.to}"; write an article's file name without .md, or its slug)` });
    return false;
  });
}

/**
 * A message in 简体 for a 简体 site: the messages are written in 繁體, and the editor's own text quoted in them
 * (between 「」 or "") is left exactly as the file has it.
 */
function inSimplified(message: string, converter: ReturnType<typeof createScriptConverter>): string {
  return message.split(/(「[^」]*」|"[^"]*")/).map((part, i) => (i % 2 === 1 ? part : converter.convert(part, "zh-Hant", "zh-Hans"))).join("");
}

/** Every article file (from the memo where unchanged), its pictures checked to decode, slugs checked to be unique. */
async function loadArticles({ root, site, words }: Pick<ArticleContext, "root" | "site" | "words">, files: readonly string[], readBytes: (file: string) => Uint8Array | undefined,
  problems: Problem[], store: TextStore, memo?: Memo, digestOf?: (file: string) => string | undefined, loaded?: () => void): Promise<{ articles: Article[]; images: ImageJob[] }> {
  const context: ArticleContext = {
    root, site, words, schema: articleSchema(site.channels, site.timeZone),
    siteKey: createHash("sha256").update(JSON.stringify(site)).update(JSON.stringify(words)).update(root).digest("hex"),
  };
  const articles: Article[] = [];
  const images = new Map<string, ImageJob>();
  const uses: PictureUse[] = [];
  for (const [i, file] of files.entries()) {
    // A large archive takes a while: let the preview's server answer (the web editor) and timers run meanwhile.
    if (i % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    const known = digestOf?.(path.join(root, file));
    let source: ArticleSource | undefined;
    if (known) source = { digest: known, bytes: () => readBytes(file) };
    else {
      const bytes = readBytes(file);
      source = bytes && sourceOf(bytes);
    }
    const outcome = source && loadArticle(file, source, context, store, memo);
    loaded?.();
    if (!outcome) continue;
    problems.push(...outcome.problems);
    if (outcome.article) articles.push(outcome.article);
    for (const { source, line, field } of outcome.pictures) {
      images.set(source, { source });
      uses.push({ source, file, line, field });
    }
  }
  problems.push(...await undecodablePictures(uses, decodedPictures(memo)));
  problems.push(...duplicateSlugs(articles.map((a) => ({ slug: a.slug, file: a.file })), "article"));
  return { articles, images: [...images.values()].sort((a, b) => (a.source < b.source ? -1 : 1)) };
}

function duplicateSlugs(items: { slug: string; file: string }[], what: string): Problem[] {
  const byslug = new Map<string, string[]>();
  for (const item of items) byslug.set(item.slug, [...(byslug.get(item.slug) ?? []), item.file]);
  const problems: Problem[] = [];
  for (const [slug, files] of byslug) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((f) => f !== file).join(", ");
      problems.push({
        severity: "error", file, line: 1, field: "slug",
        message: `網址「${slug}」也是 ${others} 的網址；給其中一篇換個文件名或 slug ("${slug}" is also the address of the ${what} in ${others}; give one of them another file name or slug)`,
      });
    }
  }
  return problems;
}

