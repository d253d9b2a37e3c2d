/**
 * Loads all editor content once: the site configuration, every article and every page, each validated, with
 * every problem of every file collected (the contract: all errors in all files in one run). The build, the preview
 * and `npm run check` share this.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import { articleSchema, ARTICLE_FIELDS, SLUG_PATTERN, unknownFieldMessage } from "./article-schema.ts";
import { createImageResolver, largestJpeg, pictureStamp, type ImageJob } from "./images.ts";
import { renderBody, deriveSummary } from "./markdown.ts";
import { scanText } from "./text-warnings.ts";
import type { Memo } from "../util/memo.ts";
import { closest, sortProblems, type Problem } from "./problems.ts";
import { applyEnvironment, siteSchema, type Channel, type SiteConfig } from "./site-config.ts";
import { decodeSource, parseFrontMatter, type FrontMatter } from "./source-file.ts";

export const CONTENT_DIR = "content";
export const SITE_FILE = "content/_data/site.yaml";
export const ARTICLES_DIR = "content/articles";
export const PAGES_DIR = "content/pages";

/** First path segments the portal itself uses; a page may not take them. */
export const RESERVED_SLUGS = ["articles", "channels", "tags", "archive", "search", "assets", "feeds", "pagefind",
  "hans", "hant", "404", "sitemap", "robots"];

export interface Article {
  /** Source file, relative to the project root. */
  file: string;
  slug: string;
  title: string;
  date: DateTime;
  updated?: DateTime;
  source: string;
  author: string;
  channel: Channel;
  /** The sponsor as written, or the site's. */
  sponsor: string;
  organizer?: string;
  editor?: string;
  tags: string[];
  summary: string;
  lang: "zh-Hant" | "zh-Hans";
  draft: boolean;
  html: string;
  text: string;
  /**
   * A hash of everything the article is made from (its file and bytes, the site configuration, its pictures):
   * equal digests, equal articles. The build cache keys pages by it rather than hashing their text again.
   */
  digest: string;
  /** The cover picture's markup and the URL of its largest JPEG (for og:image). */
  cover?: { html: string; url: string };
}

export interface Page {
  file: string;
  slug: string;
  title: string;
  summary: string;
  html: string;
}

export interface Content {
  site?: SiteConfig;
  articles: Article[];
  pages: Page[];
  problems: Problem[];
  /** Pictures the build must encode (each source once). */
  images: ImageJob[];
}

async function listMarkdown(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

type Read = { ok: true; frontMatter: FrontMatter } | { ok: false; problems: Problem[] };

function parseSource(bytes: Uint8Array, file: string): Read {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parseFrontMatter(decoded.text, file);
}

/** Turns schema issues into one problem per field, on the line where the field stands. */
function schemaProblems(error: z.ZodError, fm: FrontMatter, file: string, fields: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          severity: "error", file, line: fm.lines[key] ?? 1, field: key,
          message: unknownFieldMessage(key, closest(key, fields), fields),
        });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || "front-matter";
    const top = String(issue.path[0] ?? "");
    problems.push({ severity: "error", file, line: fm.lines[top] ?? 1, field, message: issue.message });
  }
  return problems;
}

async function loadSite(root: string, env: NodeJS.ProcessEnv): Promise<{ site?: SiteConfig; problems: Problem[] }> {
  let read: Read;
  try {
    const bytes = await readFile(path.join(root, SITE_FILE));
    const decoded = decodeSource(bytes, SITE_FILE);
    // The configuration is all YAML; wrap it as front-matter so it is read by the same parser.
    read = decoded.ok ? parseFrontMatter(`---\n${decoded.text}\n---\n`, SITE_FILE) : { ok: false, problems: [decoded.problem] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return { problems: [{ severity: "error", file: SITE_FILE, line: 1, field: "file", message: "is missing; the portal needs its site configuration" }] };
  }
  if (!read.ok) {
    // Front-matter lines are one below the file's because of the wrapper line.
    return { problems: read.problems.map((p) => ({ ...p, line: Math.max(1, p.line - 1) })) };
  }
  const fm = read.frontMatter;
  const parsed = siteSchema.safeParse(applyEnvironment(fm.data, env));
  if (parsed.success) return { site: parsed.data, problems: [] };
  const lines = Object.fromEntries(Object.entries(fm.lines).map(([k, v]) => [k, v - 1]));
  return { problems: schemaProblems(parsed.error, { ...fm, lines }, SITE_FILE, Object.keys(siteSchema.shape)) };
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * Articles loaded before, by content (the build keeps it in its cache, the preview server in memory): an article
   * file whose bytes, site configuration and pictures are unchanged is not parsed and checked again.
   */
  memo?: Memo;
}

/** A picture an article shows: its source file and what its markup was made from (src/content/images.ts). */
interface Picture {
  source: string;
  stamp: string;
}

/** What loading one article file yields. */
interface ArticleOutcome {
  article?: Article;
  problems: Problem[];
  pictures: Picture[];
}

/** An article without errors as the memo keeps it: dates as milliseconds, the channel by slug. */
interface StoredArticle {
  article: Omit<Article, "date" | "updated" | "channel"> & { date: number; updated?: number; channel: string };
  warnings: Problem[];
  pictures: Picture[];
}

export async function loadContent(root: string, options: LoadOptions = {}): Promise<Content> {
  const env = options.env ?? process.env;
  const { site, problems } = await loadSite(root, env);
  const [articleFiles, pageFiles] = await Promise.all([listMarkdown(root, ARTICLES_DIR), listMarkdown(root, PAGES_DIR)]);
  const read = (file: string) => readFileSync(path.join(root, file));
  if (!site) {
    // Articles cannot be checked against channels that failed to load; report what can be.
    for (const file of [...articleFiles, ...pageFiles]) {
      const parsed = parseSource(read(file), file);
      if (!parsed.ok) problems.push(...parsed.problems);
    }
    return { articles: [], pages: [], problems: sortProblems(problems), images: [] };
  }

  const context: ArticleContext = {
    root, site, schema: articleSchema(site.channels, site.timeZone),
    siteKey: createHash("sha256").update(JSON.stringify(site)).update(root).digest("hex"),
  };
  const articles: Article[] = [];
  const images = new Map<string, ImageJob>();
  for (const file of articleFiles) {
    const outcome = loadArticle(file, read(file), context, options.memo);
    problems.push(...outcome.problems);
    if (outcome.article) articles.push(outcome.article);
    for (const { source } of outcome.pictures) images.set(source, { source });
  }
  problems.push(...duplicateSlugs(articles.map((a) => ({ slug: a.slug, file: a.file })), "article"));

  const pageSchema = z.strictObject({
    title: z.string({ error: "is missing; a page needs a title" }).trim().min(1),
    summary: z.string().trim().optional(),
  });
  const pages: Page[] = [];
  for (const file of pageFiles) {
    const read = parseSource(readFileSync(path.join(root, file)), file);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const slug = path.posix.basename(file, ".md");
    if (!SLUG_PATTERN.test(slug) || RESERVED_SLUGS.includes(slug)) {
      problems.push({ severity: "error", file, line: 1, field: "file name", message: `"${slug}" cannot be a page address; use lower-case letters, digits and hyphens, not ${RESERVED_SLUGS.join(", ")}` });
      continue;
    }
    const parsed = pageSchema.safeParse(read.frontMatter.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(parsed.error, read.frontMatter, file, Object.keys(pageSchema.shape)));
      continue;
    }
    const body = renderBody(read.frontMatter.body);
    pages.push({ file, slug, title: parsed.data.title, summary: parsed.data.summary ?? deriveSummary(body.firstParagraph), html: body.html });
  }

  return { site, articles, pages, problems: sortProblems(problems), images: [...images.values()].sort((a, b) => (a.source < b.source ? -1 : 1)) };
}

interface ArticleContext {
  root: string;
  site: SiteConfig;
  schema: ReturnType<typeof articleSchema>;
  /** A hash of the site configuration and project folder, which every article is loaded against. */
  siteKey: string;
}

/** One article file: from the memo when its bytes, the site and its pictures are as they were, else read afresh. */
function loadArticle(file: string, bytes: Uint8Array, context: ArticleContext, memo?: Memo): ArticleOutcome {
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
    return { article, problems: stored.warnings, pictures: stored.pictures };
  }
  const outcome = readArticle(file, bytes, context, key);
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

/** Parses and checks one article file: the article, or every problem the file has. */
function readArticle(file: string, bytes: Uint8Array, context: ArticleContext, key: string): ArticleOutcome {
  const { root, site, schema } = context;
  const problems: Problem[] = [];
  const pictures = new Map<string, string>();
  const read = parseSource(bytes, file);
  if (!read.ok) return { problems: read.problems, pictures: [] };
  const fm = read.frontMatter;
  const parsed = schema.safeParse(fm.data);
  const slug = (typeof fm.data.slug === "string" ? fm.data.slug.trim() : "") || path.posix.basename(file, ".md");
  if (fm.data.slug === undefined && !SLUG_PATTERN.test(slug)) {
    problems.push({
      severity: "error", file, line: 1, field: "slug",
      message: `the file name "${slug}" cannot be a web address; rename the file (e.g. benxi-survey.md) or add slug: benxi-survey`,
    });
  }
  const resolveImage = createImageResolver(root, file, site.pathPrefix);
  const imageHtml = (src: string, alt: string, line: number, field: string, cover = false) => {
    const resolved = resolveImage(src, alt, { cover });
    if (!resolved.ok) {
      problems.push({ severity: "error", file, line, field, message: resolved.message });
      return undefined;
    }
    pictures.set(resolved.job.source, JSON.stringify(resolved.metadata));
    return resolved;
  };
  const body = renderBody(fm.body, {
    image: (src, alt, line) => imageHtml(src, alt, fm.bodyLine + line, "image")?.html ?? "",
  });
  for (const w of scanText(fm.body, fm.bodyLine)) {
    problems.push({ severity: "warning", file, line: w.line, column: w.column, field: "body", message: w.message });
  }
  if (typeof fm.data.title === "string") {
    for (const w of scanText(fm.data.title, fm.lines.title ?? 1)) {
      problems.push({ severity: "warning", file, line: w.line, field: "title", message: w.message });
    }
  }
  const outcome = (article?: Omit<Article, "digest">): ArticleOutcome => {
    const shown = [...pictures].map(([source, stamp]) => ({ source, stamp }));
    const digest = createHash("sha256").update(key).update(JSON.stringify(shown)).digest("hex");
    return { ...(article ? { article: { ...article, digest } } : {}), problems, pictures: shown };
  };
  // The body is checked even when the front-matter is wrong, so one run reports every problem of the file.
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, fm, file, ARTICLE_FIELDS));
    return outcome();
  }
  const data = parsed.data;
  const cover = data.cover && data.coverAlt ? imageHtml(data.cover, data.coverAlt, fm.lines.cover ?? 1, "cover", true) : undefined;
  if (!body.text.trim() && !body.html.includes("<img")) {
    problems.push({ severity: "error", file, line: fm.bodyLine, field: "body", message: "is empty; write the article below the closing ---" });
    return outcome();
  }
  return outcome({
    file,
    slug,
    title: data.title,
    date: data.date,
    ...(data.updated ? { updated: data.updated } : {}),
    source: data.source,
    author: data.author,
    channel: site.channels.find((c) => c.name === data.channel)!,
    sponsor: data.sponsor ?? site.sponsor,
    ...(data.organizer ? { organizer: data.organizer } : {}),
    ...(data.editor ? { editor: data.editor } : {}),
    tags: data.tags,
    summary: data.summary ?? deriveSummary(body.firstParagraph),
    lang: data.lang ?? site.lang,
    draft: data.draft,
    html: body.html,
    text: body.text,
    ...(cover ? { cover: { html: cover.html, url: largestJpeg(cover.metadata) ?? "" } } : {}),
  });
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
        message: `"${slug}" is also the address of the ${what} in ${others}; give one of them another file name or slug`,
      });
    }
  }
  return problems;
}

