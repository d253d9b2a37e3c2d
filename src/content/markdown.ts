/**
 * The article body: Markdown rendered by our own markdown-it, never by a template engine, so `{{ }}` and `{% %}`
 * are printed as written. Raw HTML is escaped and shown as text (`html: false`), and links with a `javascript:`,
 * `vbscript:`, `file:` or any `data:` scheme are not made (markdown-it alone would allow some `data:image` URLs).
 * https://github.com/markdown-it/markdown-it/blob/master/docs/security.md
 */
import MarkdownIt from "markdown-it";

/** markdown-it's nesting limit (its default): a list level counts two (list and item), a quote one. */
export const MAX_NESTING = 100;

const UNSAFE_SCHEME = /^(?:javascript|vbscript|file|data):/;

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  // The default preset's own limit, set here so that the check below reads the same number (not in the typings).
  (md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  // Past maxNesting markdown-it drops the rest of the block silently. Nested blocks are parsed by calling tokenize again, so this sees every level: the line
  // where the limit is reached is reported, and the body refused, instead of text being lost.
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const env = state.env as RenderEnv;
    if (state.level >= MAX_NESTING && startLine < endLine && env.tooDeep === undefined) env.tooDeep = startLine;
    tokenize(state, startLine, endLine);
  };
  md.validateLink = (url: string) => {
    // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so do we.
    const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
    return !UNSAFE_SCHEME.test(squeezed);
  };
  // The page's <h1> is the title; a heading in the body starts at <h2> so the outline stays in order.
  md.core.ruler.push("demote_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Math.min(6, Number(token.tag.slice(1)) + 1);
        token.tag = `h${level}`;
      }
    }
  });
  // Inline tokens carry no line; give each image the line of its paragraph, for error messages, and note every link
  // into the site (relative or root-relative), which the portal checks against what it publishes.
  md.core.ruler.push("image_lines", (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.map || !token.children) continue;
      for (const child of token.children) {
        if (child.type === "image") child.meta = { ...child.meta, line: token.map[0] };
        const href = child.type === "link_open" ? child.attrGet("href") : null;
        if (href !== null && child.markup !== "linkify" && isSiteLink(href)) (env.links ??= []).push({ href, line: token.map[0] });
      }
    }
  });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx]!;
    if (!env.image) return defaultImage(tokens, idx, options, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return env.image(token.attrGet("src") ?? "", alt, (token.meta as { line?: number } | null)?.line ?? 0);
  };
  const defaultLinkOpen = md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx]!.attrGet("href") ?? "";
    if (/^https?:\/\//i.test(href)) tokens[idx]!.attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

/** A link of the body into the site, as written (after markdown-it's normalising), at a 0-based body line. */
export interface SiteLink {
  href: string;
  line: number;
}

/** Whether `href` points into this site: no scheme, not protocol-relative, not only a fragment. */
export function isSiteLink(href: string): boolean {
  return href !== "" && !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href);
}

/** Links at body lines as links at file lines, for a body that starts at `bodyLine`. */
export function fileLines(links: readonly SiteLink[], bodyLine: number): SiteLink[] {
  return links.map((l) => ({ href: l.href, line: bodyLine + l.line }));
}

interface RenderEnv {
  /** Markup for an image at a 0-based body line; absent, markdown-it's plain <img>. */
  image?: (src: string, alt: string, line: number) => string;
  /** Set by the parser: the 0-based body line where lists or quotes nest deeper than MAX_NESTING. */
  tooDeep?: number;
  /** Set by the parser: the body's links into the site. */
  links?: SiteLink[];
}

const md = createMarkdown();

export interface RenderedBody {
  html: string;
  /** The body as plain text, paragraphs joined by newlines (for summaries and search). */
  text: string;
  /** Plain text of the first paragraph. */
  firstParagraph: string;
  /** The 0-based body line where lists or quotes nest too deep to be rendered whole (the body must be refused). */
  tooDeep?: number;
  /** The body's links into the site, in order (absent when there are none). */
  links?: SiteLink[];
}

export function renderBody(markdown: string, options: Pick<RenderEnv, "image"> = {}): RenderedBody {
  const env: RenderEnv = { ...options };
  const tokens = md.parse(markdown, env);
  const paragraphs: string[] = [];
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "inline" && token.children) {
      const plain = token.children
        .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : ""))
        .join("")
        .trim();
      if (plain) paragraphs.push(plain);
      if (plain && !firstParagraph && tokens[i - 1]?.type === "paragraph_open") firstParagraph = plain;
    }
  }
  return {
    html: md.renderer.render(tokens, md.options, env),
    text: paragraphs.join("\n"),
    firstParagraph,
    ...(env.tooDeep !== undefined ? { tooDeep: env.tooDeep } : {}),
    ...(env.links ? { links: env.links } : {}),
  };
}

/** A standfirst of at most `max` characters, cut at a sentence end where one is near. */
/** The problem message for a body nested past MAX_NESTING. */
export const TOO_DEEP = "清單或引文巢狀太深，後面的文字會遺失；請減少層次 (lists or quotes nest too deep to be shown whole; " +
  "use fewer levels)";

export function deriveSummary(firstParagraph: string, max = 120): string {
  const text = firstParagraph.replace(/\s+/g, " ").trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join("");
  const stop = Math.max(head.lastIndexOf("。"), head.lastIndexOf("！"), head.lastIndexOf("？"));
  if (stop >= max / 2) return head.slice(0, stop + 1);
  return `${chars.slice(0, max - 1).join("")}…`;
}
