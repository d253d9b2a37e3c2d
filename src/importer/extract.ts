/**
 * Reading an article out of a legacy page: plain text as scraped (the seed's layout) or an HTML article page.
 * Finds the headline, the meta line (來源/来源, 作者, 發布時間/发布时间 and common variants, 主辦, 承辦, 責任編輯) and
 * the paragraphs, and drops page chrome (歡迎來到…, navigation, copyright lines).
 */
import { parse, type HTMLElement } from "node-html-parser";
import { matches, pageTree, type PageTree } from "./html-tree.ts";

export interface Extracted {
  title?: string;
  source?: string;
  author?: string;
  /** As written on the page; normalised by src/importer/import.ts. */
  date?: string;
  sponsor?: string;
  organizer?: string;
  editor?: string;
  paragraphs: string[];
  /** Of an HTML page, outside its frame (nav, header, footer): links, the length of their text, and of all text. */
  links?: number;
  linkText?: number;
  textLength?: number;
  /** The breadcrumb trail after 當前位置 (it names the page's channel). */
  crumb?: string;
}

const LABELS: ["source" | "author" | "date" | "sponsor" | "organizer" | "editor", RegExp][] = [
  ["source", /^(?:來源|来源|稿源|出處|出处|來自|来自)$/],
  ["author", /^(?:作者|記者|记者|撰稿|撰文|文)$/],
  ["date", /^(?:發布時間|发布时间|發佈時間|發表時間|发表时间|發布日期|发布日期|時間|时间|日期|更新時間|更新时间)$/],
  ["sponsor", /^(?:主辦|主办|主辦單位|主办单位)$/],
  ["organizer", /^(?:承辦|承办|承辦單位|承办单位)$/],
  ["editor", /^(?:責任編輯|责任编辑|編輯|编辑|責編|责编)$/],
];
const LABEL_NAMES = "來源|来源|稿源|出處|出处|來自|来自|作者|記者|记者|撰稿|撰文|發布時間|发布时间|發佈時間|發表時間|发表时间|發布日期|发布日期|時間|时间|日期|更新時間|更新时间|主辦單位|主办单位|主辦|主办|承辦單位|承办单位|承辦|承办|責任編輯|责任编辑|編輯|编辑|責編|责编";
const FIELD = new RegExp(`(${LABEL_NAMES})\\s*[:：]\\s*`, "g");
const CHROME = /^(?:歡迎來到|欢迎来到|歡迎光臨|欢迎光临|當前位置|当前位置|您的位置|您現在的位置|您现在的位置|首頁\s*[>›»]|首页\s*[>›»]|版權所有|版权所有|copyright|©|打印本頁|打印本页|關閉窗口|关闭窗口|【字[體体]|分享到|上一篇|下一篇|相關閱讀|相关阅读|.*ICP[備备])/i;

const DATE_IN_TEXT = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：時时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2})?)?/;
/** The longest a meta value can be: a longer one ran on into the article, and is cut at its first space. */
const MAX_VALUE = 40;

/** Field values found on one line: "來源:遼寧法制報 | 作者:… | 發布時間: 2020-07-16 08:45". */
export function metaFields(line: string): Partial<Extracted> {
  const found: Partial<Extracted> = {};
  const matches = [...line.matchAll(FIELD)];
  matches.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1]!.index! : line.length;
    // Trailing separators; "?" stands for spaces a legacy encoding could not hold (Big5 has no NBSP).
    const raw = line.slice(start, end).split("\n")[0]!.replace(/[|｜?\s\u3000\u00a0]+$/u, "").trim();
    const field = LABELS.find(([, pattern]) => pattern.test(m[1]!))?.[0];
    if (!field || field in found) return;
    // A date with no label of its own often follows the byline ("作者：白國軍 2020-07-16 08:45"), and a page's text
    // read as one line runs on into the article: a value ends where a date starts, and a date is only the date.
    const date = DATE_IN_TEXT.exec(raw);
    let value = field === "date" ? date?.[0] ?? raw : date ? raw.slice(0, date.index).trim() : raw;
    if (field !== "date" && date && !found.date) found.date = date[0];
    if (value.length > MAX_VALUE) value = value.split(/[\s\u3000，。；;|｜]+/u)[0]!;
    if (value && value.length <= MAX_VALUE) found[field] = value;
  });
  return found;
}

const clean = (line: string) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, "");

export function extractFromText(text: string): Extracted {
  const lines = text.split(/\r\n?|\n/).map(clean);
  const out: Extracted = { paragraphs: [] };
  let metaIndex = -1;
  lines.forEach((line, i) => {
    if (metaIndex !== -1 || !line) return;
    const fields = metaFields(line);
    if (fields.source || fields.author || fields.date) {
      Object.assign(out, { ...fields, ...out });
      metaIndex = i;
    } else if (fields.sponsor || fields.organizer) {
      Object.assign(out, { ...fields, ...out });
    }
  });
  const isChrome = (line: string) => CHROME.test(line) || (metaFields(line).sponsor !== undefined && !out.title);
  const head = lines.slice(0, metaIndex === -1 ? 0 : metaIndex).filter((l) => l && !isChrome(l) && !metaFields(l).sponsor);
  out.title = head.at(-1);
  const bodyLines = metaIndex === -1 ? lines : lines.slice(metaIndex + 1);
  if (metaIndex === -1) {
    const first = bodyLines.findIndex((l) => l && !isChrome(l));
    out.title = bodyLines[first];
    bodyLines.splice(0, first + 1);
  }
  for (const line of bodyLines) {
    if (!line || CHROME.test(line)) continue;
    const fields = metaFields(line);
    if (fields.editor && line.replace(FIELD, "").length <= fields.editor.length + 2) {
      out.editor ??= fields.editor;
      continue;
    }
    out.paragraphs.push(line);
  }
  return out;
}

/** Elements whose text is never the article's: the page's frame, forms and pictures. */
const FRAME = new Set(["nav", "header", "footer", "aside", "form", "iframe", "svg", "script", "style", "noscript"]);
/** Elements that may carry one meta field ("來源：…") each. */
const META_HOLDERS = ["p", "div", "span", "li", "td", "em", "small"];

export function extractFromHtml(html: string): Extracted {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const tree = pageTree(root, FRAME);
  const { title, heading } = headline(tree);
  const container = mainContainer(root, tree);
  const inContainer = pageTree(container, FRAME);
  let paragraphs = inContainer.elements.filter((el) => matches(el, ["p"]))
    .map((p) => clean(tree.text(p))).filter((t) => t && !CHROME.test(t));
  // Some CMSs set an article's text in lines of a <div> or between <br>s, with no <p> at all.
  if (paragraphs.length === 0) {
    const named = container !== root ? container : tree.elements.find((el) => matches(el, CONTENT_HOLDERS));
    if (named) paragraphs = textLines(named).filter((t) => !CHROME.test(t));
  }
  const text = clean(tree.text(root).replace(/\s+/g, " "));
  const fields: Partial<Extracted> = {};
  // Innermost first: the shortest element that carries a label holds its value and nothing after it.
  const candidates = tree.elements.filter((el) => tree.length(el) < 2000 && matches(el, META_HOLDERS)).map((el) => clean(tree.text(el)))
    .filter((t) => t.length < 200).sort((a, b) => a.length - b.length);
  for (const text of candidates) {
    for (const [k, v] of Object.entries(metaFields(text)) as [string, string][]) {
      if (!(k in fields)) (fields as Record<string, string>)[k] = v;
    }
  }
  if (!fields.date) Object.assign(fields, metaFields(text));
  // A date with no label ("2020-07-16 08:45　來源：…", "[2020-07-16]"): the first short line after the headline.
  if (!fields.date && heading) {
    const after = tree.elements.slice(tree.elements.indexOf(heading) + 1).find((el) => tree.length(el) < 100 && DATE_IN_TEXT.test(tree.text(el)));
    if (after) fields.date = DATE_IN_TEXT.exec(tree.text(after))![0];
  }
  const metaLike = (p: string) => {
    const f = metaFields(p);
    return Boolean(f.source || f.author || f.date || f.sponsor || f.organizer || f.editor) && p.replace(FIELD, "").length < 80;
  };
  const anchors = tree.elements.filter((el) => matches(el, ["a"]) && el.getAttribute("href") !== undefined);
  const crumb = CRUMB.exec(text)?.[1];
  return {
    ...fields, ...(title ? { title } : {}), paragraphs: paragraphs.filter((p) => !metaLike(p) && p !== title),
    links: anchors.length, linkText: anchors.reduce((sum, a) => sum + tree.length(a), 0), textLength: tree.length(root),
    ...(crumb ? { crumb: crumb.slice(0, 80) } : {}),
  };
}

/** Where a page says where it is: 當前位置：首頁 > 政法要聞 > 正文. */
const CRUMB = /(?:當前位置|当前位置|您的位置|您現在的位置|您现在的位置|所在位置)\s*[:：]?\s*([^\n]*)/;

/** Elements old CMSs set a headline in when they have no <h1>. */
const HEADLINE_HOLDERS = [".title", "#title", ".article-title", ".news-title", ".biaoti", ".bt", "h2"];

/**
 * The page's headline: its <h1>; else an element styled as a headline whose text the page's <title> holds; else the
 * <title> without the site's name beside the headline ("標題 - 遼寧長安網", "遼寧長安網_標題": the longest part).
 */
function headline(tree: PageTree): { title: string; heading?: HTMLElement } {
  const h1 = tree.elements.find((el) => matches(el, ["h1"]));
  if (h1 && clean(tree.text(h1))) return { title: clean(tree.text(h1)), heading: h1 };
  const titleElement = tree.elements.find((el) => matches(el, ["title"]));
  const pageTitle = titleElement ? clean(tree.text(titleElement)) : "";
  const styled = tree.elements.find((el) => matches(el, HEADLINE_HOLDERS) && tree.length(el) > 0 && tree.length(el) <= 120 &&
    (pageTitle === "" || pageTitle.includes(clean(tree.text(el)))));
  if (styled) return { title: clean(tree.text(styled)), heading: styled };
  const parts = pageTitle.split(/\s*[-－—|｜_]+\s*/).map((p) => p.trim()).filter(Boolean);
  const longest = parts.reduce((best, p) => (p.length > best.length ? p : best), "");
  return { title: parts.length > 1 && longest.length >= 4 ? longest : pageTitle, ...(titleElement ? { heading: titleElement } : {}) };
}

/** An element's text in lines: a line break at each <br> and at the edges of block elements. */
function textLines(el: HTMLElement): string[] {
  try {
    return el.structuredText.split("\n").map(clean).filter(Boolean);
  } catch {
    // A page nested too deep for node-html-parser's recursion: no lines, as with no text.
    return [];
  }
}

/** Elements CMSs set an article's text in. */
const CONTENT_HOLDERS = ["article", "#content", ".content", ".article", ".article-content", "#article", ".TRS_Editor", "main", "#zoom", ".zoom", ".text"];

/** The element holding the article: <article>, a common content id or class, or the one with the most <p> text. */
function mainContainer(root: HTMLElement, tree: PageTree): HTMLElement {
  const named = tree.elements.find((el) => matches(el, CONTENT_HOLDERS));
  if (named && pageTree(named, FRAME).elements.some((el) => matches(el, ["p"]))) return named;
  let best = root;
  let bestLength = 0;
  for (const el of tree.elements) {
    if (!matches(el, ["div", "section", "td"])) continue;
    const length = el.childNodes.filter((n) => (n as HTMLElement).rawTagName?.toLowerCase() === "p").reduce((sum, p) => sum + tree.length(p as HTMLElement), 0);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best;
}
