/**
 * An article file, parsed and checked: its front-matter against the schema (src/content/article-schema.ts), its body
 * rendered (src/content/markdown.ts), its pictures resolved, and every problem of the file collected.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { DateTime } from "luxon";
import { ARTICLE_FIELDS, SCAFFOLD, type articleSchema } from "./article-schema.ts";
import { slugProblem } from "./path-names.ts";
import { schemaProblems } from "./field-problems.ts";
import { createImageResolver, largestJpeg } from "./images.ts";
import { deriveSummary, fileLines, renderBody, TOO_DEEP, type SiteLink } from "./markdown.ts";
import type { Problem } from "./problems.ts";
import type { Channel, SiteConfig } from "./site-config.ts";
import { parseSource, type FrontMatter } from "./source-file.ts";
import { scanText } from "./text-warnings.ts";
import { findWords, wordMessage, type WordEntry } from "./words.ts";

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
  /**
   * The body: its HTML (in the article's own script) and its plain text. Kept out of memory by the build
   * (src/util/text-store.ts, src/content/article-memo.ts) and read when a page or a search shard needs it.
   */
  body(): ArticleBody;
  /** The plain text's length (the search index weighs articles by it without reading their text). */
  textLength: number;
  /**
   * A hash of everything the article is made from (its file and bytes, the site configuration, its pictures):
   * equal digests, equal articles. The build cache keys pages by it rather than hashing their text again.
   */
  digest: string;
  /** The cover picture's markup and the URL of its largest JPEG (for og:image). */
  cover?: { html: string; url: string };
  /** The body's links into the site, at their file lines (the portal checks each: src/portal/site-links.ts). */
  links?: SiteLink[];
}

export interface ArticleBody {
  html: string;
  text: string;
}

/**
 * `a` as an object of one shape: every field, in one order, set by one object literal (absent ones undefined).
 * V8 gives such objects one shared shape with their fields in place; an article made by spreading (`{ ...a, x }`)
 * ends up in dictionary mode, with a shape and a hash table of its own: about half a kilobyte more an article, held
 * for the whole build.
 */
export function articleOf(a: Article): Article {
  return {
    file: a.file, slug: a.slug, title: a.title, date: a.date, updated: a.updated, source: a.source, author: a.author,
    channel: a.channel, sponsor: a.sponsor, organizer: a.organizer, editor: a.editor, tags: a.tags, summary: a.summary,
    lang: a.lang, draft: a.draft, body: a.body, textLength: a.textLength, digest: a.digest, cover: a.cover, links: a.links,
  };
}

/** A picture an article shows: its source file and what its markup was made from (src/content/images.ts). */
export interface Picture {
  source: string;
  stamp: string;
  /** Where the article first shows it. */
  line: number;
  field: string;
}

/** What loading one article file yields. */
export interface ArticleOutcome {
  article?: Article;
  problems: Problem[];
  pictures: Picture[];
}

export interface ArticleContext {
  root: string;
  site: SiteConfig;
  schema: ReturnType<typeof articleSchema>;
  /** The newsroom's word list (src/content/words.ts). */
  words: readonly WordEntry[];
  /** A hash of the site configuration, the word list and the project folder, which every article is loaded against. */
  siteKey: string;
}

/** Parses and checks one article file: the article, or every problem the file has. */
export function parseArticle(file: string, bytes: Uint8Array, context: ArticleContext, key: string): ArticleOutcome {
  const { root, site, schema } = context;
  const problems: Problem[] = [];
  const pictures = new Map<string, Omit<Picture, "source">>();
  const source = parseSource(bytes, file);
  if (!source.ok) return { problems: source.problems, pictures: [] };
  const fm = source.frontMatter;
  const parsed = schema.safeParse(fm.data);
  const slug = (typeof fm.data.slug === "string" ? fm.data.slug.trim() : "") || path.posix.basename(file, ".md");
  const nameProblem = fm.data.slug === undefined ? slugProblem(slug, { zh: "文件名", en: "the file name " }) : undefined;
  if (nameProblem) {
    problems.push({
      severity: "error", file, line: 1, field: "slug",
      message: `${nameProblem}；把文件改名（例如 benxi-survey.md），或加一行 slug: benxi-survey (rename the file or add slug: benxi-survey)`,
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
  problems.push(...fm.warnings, ...textWarnings(file, fm, site.sizeWarnings));
  problems.push(...wordProblems(file, fm, context));
  const outcome = (article?: Omit<Article, "digest">): ArticleOutcome => {
    const shown = [...pictures].map(([source, use]) => ({ source, ...use }));
    const digest = createHash("sha256").update(key).update(JSON.stringify(shown.map(({ source, stamp }) => ({ source, stamp })))).digest("hex");
    return { ...(article ? { article: articleOf({ ...article, digest }) } : {}), problems, pictures: shown };
  };
  // The body is checked even when the front-matter is wrong, so one run reports every problem of the file.
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, fm, file, ARTICLE_FIELDS));
    return outcome();
  }
  const data = parsed.data;
  if (!data.draft) problems.push(...scaffoldLeft(file, fm, data.title, data.author, body.text));
  if (site.requireEditor && !data.editor) {
    problems.push({ severity: "error", file, line: fm.bodyLine - 1, field: "editor",
      message: "本站要求寫明責任編輯，在 --- 之前加一行，例如 editor: 張三 (this site requires the responsible editor: add editor: 張三)" });
  }
  const cover = data.cover && data.coverAlt ? imageHtml(data.cover, data.coverAlt, fm.lines.cover ?? 1, "cover", true) : undefined;
  if (!body.text.trim() && !body.html.includes("<img")) {
    problems.push({ severity: "error", file, line: fm.bodyLine, field: "body", message: "正文是空的；在第二行 --- 下面寫文章 (is empty; write the article below the closing ---)" });
    return outcome();
  }
  const kept: ArticleBody = { html: body.html, text: body.text };
  return outcome({
    file,
    slug: own(slug),
    title: own(data.title),
    date: data.date,
    ...(data.updated ? { updated: data.updated } : {}),
    source: own(data.source),
    author: own(data.author),
    channel: site.channels.find((c) => c.name === data.channel)!,
    sponsor: data.sponsor ? own(data.sponsor) : site.sponsor,
    ...(data.organizer ? { organizer: own(data.organizer) } : {}),
    ...(data.editor ? { editor: own(data.editor) } : {}),
    tags: data.tags.map(own),
    summary: own(data.summary ?? deriveSummary(body.firstParagraph)),
    lang: data.lang ?? site.lang,
    draft: data.draft,
    body: () => kept,
    textLength: body.text.length,
    ...(cover ? { cover: { html: cover.html, url: largestJpeg(cover.metadata) ?? "" } } : {}),
    ...(body.links ? { links: fileLines(body.links, fm.bodyLine) } : {}),
  });
}

/**
 * A copy of `text` that holds nothing else: V8 keeps a part cut from a string (a field read by the YAML parser, a
 * summary cut from a paragraph) as a view of the whole, which would keep every article's front-matter and first
 * paragraph in memory for the whole build.
 */
function own(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The placeholders of `npm run new` still in an article about to be published: errors, each on its line. */
function scaffoldLeft(file: string, fm: FrontMatter, title: string, author: string, text: string): Problem[] {
  const left = (line: number, field: string, what: string, example: string): Problem => ({
    severity: "error", file, line, field,
    message: `還是 npm run new 留下的「${what}」，發布前請寫上真正的內容，例如 ${example} (still the placeholder npm run new wrote; write the real ${field})`,
  });
  const problems: Problem[] = [];
  if (title === SCAFFOLD.title) problems.push(left(fm.lines.title ?? 1, "title", SCAFFOLD.title, "title: 于天敏赴本溪市調研市域社會治理現代化工作"));
  if (author === SCAFFOLD.author) problems.push(left(fm.lines.author ?? 1, "author", SCAFFOLD.author, "author: 駐省委政法委首席記者 白國軍"));
  if (text.trim() === SCAFFOLD.body) problems.push(left(fm.bodyLine + Math.max(0, fm.body.split("\n").findIndex((l) => l.includes(SCAFFOLD.body))), "body", SCAFFOLD.body, "本報訊 7月15日，……"));
  return problems;
}

/** Hits of the newsroom's word list in the title and the body, at the level site.yaml's checks.words sets. */
function wordProblems(file: string, fm: FrontMatter, { site, words }: ArticleContext): Problem[] {
  const problems: Problem[] = [];
  // `shift`: the columns a value starts after on its line (`title: `).
  const scan = (text: unknown, line: number, field: string, shift: number) => {
    if (typeof text !== "string") return;
    for (const hit of findWords(text, line, words, site.protectedWords)) {
      problems.push({ severity: site.checks.words, file, line: hit.line, column: hit.column + shift, field, message: wordMessage(hit), kind: "words" });
    }
  };
  scan(fm.data.title, fm.lines.title ?? 1, "title", "title: ".length);
  scan(fm.body, fm.bodyLine, "body", 0);
  return problems;
}

/** Warnings about the text: characters a converter or a scraper left (src/content/text-warnings.ts) and sizes past the limits. */
function textWarnings(file: string, fm: FrontMatter, limits: SiteConfig["sizeWarnings"]): Problem[] {
  const problems: Problem[] = [];
  for (const w of scanText(fm.body, fm.bodyLine)) {
    problems.push({ severity: "warning", file, line: w.line, column: w.column, field: "body", message: w.message, kind: w.kind });
  }
  if (typeof fm.data.title === "string" && fm.data.title.length > limits.title) {
    problems.push({ severity: "warning", kind: "size", file, line: fm.lines.title ?? 1, field: "title",
      message: `標題有 ${fm.data.title.length} 字，超過 ${limits.title} 字 (is ${fm.data.title.length} characters long, more than ${limits.title}; sizeWarnings.title in site.yaml sets the limit)` });
  }
  if (fm.body.length > limits.body) {
    problems.push({ severity: "warning", kind: "size", file, line: fm.bodyLine, field: "body",
      message: `正文有 ${fm.body.length} 字，超過 ${limits.body} 字 (is ${fm.body.length} characters long, more than ${limits.body}; was a whole file pasted in? sizeWarnings.body in site.yaml sets the limit)` });
  }
  if (typeof fm.data.title === "string") {
    for (const w of scanText(fm.data.title, fm.lines.title ?? 1)) {
      problems.push({ severity: "warning", file, line: w.line, field: "title", message: w.message, kind: w.kind });
    }
  }
  return problems;
}
