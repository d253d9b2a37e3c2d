/**
 * Loads all editor content once: the site configuration, every article and every page, each validated, with
 * every problem of every file collected (the contract: all errors in all files in one run). The build, the preview
 * and `npm run check` share this.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import { articleSchema, ARTICLE_FIELDS, SLUG_PATTERN, unknownFieldMessage } from "./article-schema.ts";
import { listContent, unreadable } from "./files.ts";
import { createImageResolver, largestJpeg, pictureStamp, undecodablePictures, type DecodedPictures, type ImageJob, type PictureUse } from "./images.ts";
import { renderBody, deriveSummary, TOO_DEEP } from "./markdown.ts";
import { scanText } from "./text-warnings.ts";
import type { Memo } from "../util/memo.ts";
import { closest, sortProblems, type Problem } from "./problems.ts";
import { applyEnvironment, siteSchema, type Channel, type SiteConfig } from "./site-config.ts";
import { decodeSource, parseFrontMatter, type FrontMatter } from "./source-file.ts";

export const SITE_FILE = "content/_data/site.yaml";

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
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { problems: [{ severity: "error", file: SITE_FILE, line: 1, field: "file", message: missing ? "is missing; the portal needs its site configuration" : unreadable(error) }] };
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
  /** Where the article first shows it. */
  line: number;
  field: string;
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
  const listed = listContent(root);
  problems.push(...listed.problems);
  const { articles: articleFiles, pages: pageFiles } = listed;
  // A file that cannot be read is a problem of its own; the others are still checked.
  const read = (file: string): Uint8Array | undefined => {
    try {
      return readFileSync(path.join(root, file));
    } catch (error) {
      problems.push({ severity: "error", file, line: 1, field: "file", message: unreadable(error) });
      return undefined;
    }
  };
  if (!site) {
    // Articles cannot be checked against channels that failed to load; report what can be.
    for (const file of [...articleFiles, ...pageFiles]) {
      const bytes = read(file);
      const parsed = bytes && parseSource(bytes, file);
      if (parsed && !parsed.ok) problems.push(...parsed.problems);
    }
    return { articles: [], pages: [], problems: sortProblems(problems), images: [] };
  }

  const context: ArticleContext = {
    root, site, schema: articleSchema(site.channels, site.timeZone),
    siteKey: createHash("sha256").update(JSON.stringify(site)).update(root).digest("hex"),
  };
  const articles: Article[] = [];
  const images = new Map<string, ImageJob>();
  const uses: PictureUse[] = [];
  for (const file of articleFiles) {
    const bytes = read(file);
    if (!bytes) continue;
    const outcome = loadArticle(file, bytes, context, options.memo);
    problems.push(...outcome.problems);
    if (outcome.article) articles.push(outcome.article);
    for (const { source, line, field } of outcome.pictures) {
      images.set(source, { source });
      uses.push({ source, file, line, field });
    }
  }
  problems.push(...await undecodablePictures(uses, decodedPictures(options.memo)));
  problems.push(...duplicateSlugs(articles.map((a) => ({ slug: a.slug, file: a.file })), "article"));

  const pageSchema = z.strictObject({
    title: z.string({ error: "is missing; a page needs a title" }).trim().min(1),
    summary: z.string().trim().optional(),
  });
  const pages: Page[] = [];
  for (const file of pageFiles) {
    const bytes = read(file);
    if (!bytes) continue;
    const source = parseSource(bytes, file);
    if (!source.ok) {
      problems.push(...source.problems);
      continue;
    }
    const slug = path.posix.basename(file, ".md");
    if (!SLUG_PATTERN.test(slug) || RESERVED_SLUGS.includes(slug)) {
      problems.push({ severity: "error", file, line: 1, field: "file name", message: `"${slug}" cannot be a page address; use lower-case letters, digits and hyphens, not ${RESERVED_SLUGS.join(", ")}` });
      continue;
    }
    const parsed = pageSchema.safeParse(source.frontMatter.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(parsed.error, source.frontMatter, file, Object.keys(pageSchema.shape)));
      continue;
    }
    const body = renderBody(source.frontMatter.body);
    if (body.tooDeep !== undefined) {
      problems.push({ severity: "error", file, line: source.frontMatter.bodyLine + body.tooDeep, field: "body", message: TOO_DEEP });
      continue;
    }
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
  const pictures = new Map<string, Omit<Picture, "source">>();
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
    if (!pictures.has(resolved.job.source)) pictures.set(resolved.job.source, { stamp: JSON.stringify(resolved.metadata), line, field });
    return resolved;
  };
  const body = renderBody(fm.body, {
    image: (src, alt, line) => imageHtml(src, alt, fm.bodyLine + line, "image")?.html ?? "",
  });
  if (body.tooDeep !== undefined) {
    problems.push({ severity: "error", file, line: fm.bodyLine + body.tooDeep, field: "body", message: TOO_DEEP });
  }
  for (const w of scanText(fm.body, fm.bodyLine)) {
    problems.push({ severity: "warning", file, line: w.line, column: w.column, field: "body", message: w.message });
  }
  const limits = site.sizeWarnings;
  if (typeof fm.data.title === "string" && fm.data.title.length > limits.title) {
    problems.push({ severity: "warning", file, line: fm.lines.title ?? 1, field: "title",
      message: `標題有 ${fm.data.title.length} 字，超過 ${limits.title} 字 (is ${fm.data.title.length} characters long, more than ${limits.title}; sizeWarnings.title in site.yaml sets the limit)` });
  }
  if (fm.body.length > limits.body) {
    problems.push({ severity: "warning", file, line: fm.bodyLine, field: "body",
      message: `正文有 ${fm.body.length} 字，超過 ${limits.body} 字 (is ${fm.body.length} characters long, more than ${limits.body}; was a whole file pasted in? sizeWarnings.body in site.yaml sets the limit)` });
  }
  if (typeof fm.data.title === "string") {
    for (const w of scanText(fm.data.title, fm.lines.title ?? 1)) {
      problems.push({ severity: "warning", file, line: w.line, field: "title", message: w.message });
    }
  }
  const outcome = (article?: Omit<Article, "digest">): ArticleOutcome => {
    const shown = [...pictures].map(([source, use]) => ({ source, ...use }));
    const digest = createHash("sha256").update(key).update(JSON.stringify(shown.map(({ source, stamp }) => ({ source, stamp })))).digest("hex");
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

/** Hashes of pictures that decoded, kept in the memo so that a rebuild decodes only new pictures. */
function decodedPictures(memo?: Memo): DecodedPictures | undefined {
  if (!memo) return undefined;
  return { has: (hash) => memo.get<true>(`picture-decodes:${hash}`) === true, add: (hash) => memo.set(`picture-decodes:${hash}`, true) };
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

