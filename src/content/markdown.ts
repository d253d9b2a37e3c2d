/**
 * The article body: Markdown rendered by our own markdown-it, never by a template engine, so `{{ }}` and `{% %}`
 * are printed as written. Raw HTML is escaped and shown as text (`html: false`), and links with a `javascript:`,
 * `vbscript:`, `file:` or any `data:` scheme are not made (markdown-it alone would allow some `data:image` URLs).
 * https://github.com/markdown-it/markdown-it/blob/master/docs/security.md
 */
import MarkdownIt from "markdown-it";

const UNSAFE_SCHEME = /^(?:javascript|vbscript|file|data):/;

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
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
  // Inline tokens carry no line; give each image the line of its paragraph, for error messages.
  md.core.ruler.push("image_lines", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.map || !token.children) continue;
      for (const child of token.children) if (child.type === "image") child.meta = { ...child.meta, line: token.map[0] };
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

interface RenderEnv {
  /** Markup for an image at a 0-based body line; absent, markdown-it's plain <img>. */
  image?: (src: string, alt: string, line: number) => string;
}

const md = createMarkdown();

export interface RenderedBody {
  html: string;
  /** The body as plain text, paragraphs joined by newlines (for summaries and search). */
  text: string;
  /** Plain text of the first paragraph. */
  firstParagraph: string;
}

export function renderBody(markdown: string, env: RenderEnv = {}): RenderedBody {
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
  };
}

/** A standfirst of at most `max` characters, cut at a sentence end where one is near. */
export function deriveSummary(firstParagraph: string, max = 120): string {
  const text = firstParagraph.replace(/\s+/g, " ").trim();
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join("");
  const stop = Math.max(head.lastIndexOf("。"), head.lastIndexOf("！"), head.lastIndexOf("？"));
  if (stop >= max / 2) return head.slice(0, stop + 1);
  return `${chars.slice(0, max - 1).join("")}…`;
}
