/** Standalone pages (content/pages/*.md: about, contact …): a title, an optional summary and a Markdown body. */
import path from "node:path";
import { z } from "zod";
import { slugProblem } from "./path-names.ts";
import { schemaProblems } from "./field-problems.ts";
import { deriveSummary, fileLines, renderBody, TOO_DEEP, type SiteLink } from "./markdown.ts";
import type { Problem } from "./problems.ts";
import { parseSource } from "./source-file.ts";

/** First path segments the portal itself uses; a page may not take them. */
export const RESERVED_SLUGS = ["articles", "channels", "tags", "archive", "search", "assets", "feeds", "pagefind",
  "hans", "hant", "404", "sitemap", "robots", "admin", "images", "img", "topics", "redirects"];

export interface Page {
  file: string;
  /** The file's name: the page's address. */
  slug: string;
  title: string;
  summary: string;
  html: string;
  /** The body's links into the site, at their file lines. */
  links?: SiteLink[];
}

export const pageSchema = z.strictObject({
  title: z.string({ error: "is missing; a page needs a title" }).trim().min(1),
  summary: z.string().trim().optional(),
  /** The page's address, when it is not the file's name (the web editor writes it). */
  slug: z.string().trim().optional(),
});

/** One page file: the page, or its problems. */
export function parsePage(file: string, bytes: Uint8Array): { page?: Page; problems: Problem[] } {
  const source = parseSource(bytes, file);
  if (!source.ok) return { problems: source.problems };
  const parsed = pageSchema.safeParse(source.frontMatter.data);
  if (!parsed.success) return { problems: schemaProblems(parsed.error, source.frontMatter, file, Object.keys(pageSchema.shape)) };
  const slug = parsed.data.slug ?? path.posix.basename(file, ".md");
  const problem = slugProblem(slug) ?? (RESERVED_SLUGS.includes(slug)
    ? `「${slug}」是網站自己用的網址，頁面不能用；不能是 ${RESERVED_SLUGS.join("、")} ("${slug}" is an address the portal uses itself; a page cannot be ${RESERVED_SLUGS.join(", ")})`
    : undefined);
  if (problem) {
    const field = parsed.data.slug === undefined ? "file name" : "slug";
    return { problems: [{ severity: "error", file, line: parsed.data.slug === undefined ? 1 : (source.frontMatter.lines.slug ?? 1), field, message: problem }] };
  }
  const body = renderBody(source.frontMatter.body);
  if (body.tooDeep !== undefined) {
    return { problems: [{ severity: "error", file, line: source.frontMatter.bodyLine + body.tooDeep, field: "body", message: TOO_DEEP }] };
  }
  return { page: { file, slug, title: parsed.data.title, summary: parsed.data.summary ?? deriveSummary(body.firstParagraph), html: body.html,
    ...(body.links ? { links: fileLines(body.links, source.frontMatter.bodyLine) } : {}) }, problems: source.frontMatter.warnings };
}
