/**
 * `npm run import`: a legacy page (text or HTML; UTF-8, GB18030/GBK or Big5) to an article under
 * content/articles/. It decodes, removes converter damage it can repair, extracts the front-matter, writes the
 * file (never over an existing one) and returns every warning about what is left for the editor, with the
 * written file's line and column.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { editorPath, writeEditorFile } from "../content/editor-files.ts";
import { ARTICLES_DIR } from "../content/files.ts";
import { slugProblem } from "../content/path-names.ts";
import { UserError } from "../util/user-error.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { parseFrontMatter } from "../content/source-file.ts";
import { scanText } from "../content/text-warnings.ts";
import { formatDisplay, parseDate } from "../dates.ts";
import { channelProblem, detectScript } from "./placing.ts";
import { decodeLegacy, type LegacyEncoding } from "./decode.ts";
import { extractFromHtml, extractFromText, type Extracted } from "./extract.ts";
import { fullWidthPunctuation, repairCertain } from "./repair.ts";

export interface ImportOptions {
  root: string;
  file: string;
  site: SiteConfig;
  slug?: string;
  channel?: string;
  /** The site's articles, so a page imported before is named rather than written twice. */
  existing?: readonly { title: string; date: DateTime; file: string }[];
  /** Maps a channel a page's breadcrumb names, in either script, to the site's spelling. */
  channelOf?: (text: string) => string | undefined;
}

export interface ImportResult {
  /** Written file, relative to the root. */
  written: string;
  encoding: LegacyEncoding;
  warnings: string[];
  /** The certain repairs made (src/importer/repair.ts), with their counts. */
  repairs: string[];
  /** Where the original bytes were kept, when an article was converted in place. */
  backup?: string;
}

export class ImportError extends UserError {}

/** The largest file read as a page: an article page is tens of kilobytes; a larger file is a download or a dump. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

const badSlug = (slug: string) => new ImportError(`--slug: ${slugProblem(slug)}`);
const taken = (written: string) => new ImportError(`${written} 已經存在，換一個 --slug (${written} already exists; choose another --slug)`);

/** `2020年7月16日 8:45`, `2020/07/16`, `2020.7.16 08:45:00` and the like, as the contract's `YYYY-MM-DD HH:mm`. */
export function normaliseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：時时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/.exec(text);
  if (!m) return undefined;
  const p = (n: string | undefined) => (n ?? "0").padStart(2, "0");
  const day = `${m[1]}-${p(m[2])}-${p(m[3])}`;
  return m[4] ? `${day} ${p(m[4])}:${p(m[5])}${m[6] ? `:${p(m[6])}` : ""}` : day;
}

export interface FieldCheck {
  field: string;
  message: string;
}

/** A legacy page read as an article, ready to be written (src/importer/site-import.ts writes many). */
export interface PreparedArticle {
  title: string;
  when?: DateTime;
  slug: string;
  /** The file's whole text: front-matter and body. */
  text: string;
  body: string;
  encoding: LegacyEncoding;
  /** What the editor must check, each in its field (`author`: "not found in the page; fill it in"). */
  problems: FieldCheck[];
  repairs: string[];
  /** The page ended before its markup did: its text may be cut short. */
  truncated: boolean;
}

export interface PrepareOptions {
  /** The page's name, for messages and the default slug. */
  file: string;
  site: SiteConfig;
  slug?: string;
  channel?: string;
  /** A page without a publication date is refused (a whole site's import: such pages are the site's frame). */
  requireDate?: boolean;
  /** Maps a channel name in either script to the site's spelling (a page's breadcrumb names its channel). */
  channelOf?: (text: string) => string | undefined;
}

/** An error page a web server sent, which a mirror saved under the address it could not find. */
const ERROR_PAGE = /^(?:40[0-9]|50[0-9])\b|not found|forbidden|找不到|頁面不存在|页面不存在|無法訪問|无法访问/i;
/** A page that is mostly links: a channel's list, a home page, a site map. */
const LIST_LINKS = 10;
const LIST_SHARE = 0.4;

/**
 * A legacy page's bytes as an article, or an ImportError that says why the page is none (binary, empty, a server's
 * error page, a list of links, no headline, no text). No file is read or written: a whole site's pages are prepared
 * in worker threads.
 */
export function prepareArticle(bytes: Uint8Array, options: PrepareOptions): PreparedArticle {
  const { site } = options;
  const decoded = decodeLegacy(bytes);
  const controls = decoded.text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, decoded.text.length / 1000)) {
    throw new ImportError(`${options.file} 不是文字或網頁文件 (is not a text or HTML page (it holds binary data))`);
  }
  if (decoded.text.trim() === "") throw new ImportError("頁面是空的 (the page is empty)");
  const { text: repaired, made: repairs } = repairCertain(decoded.text);
  const isHtml = /<(?:html|body|p|div|h1)[\s>]/i.test(repaired.slice(0, 4096));
  const found: Extracted = isHtml ? extractFromHtml(repaired) : extractFromText(repaired);
  if (found.title && ERROR_PAGE.test(found.title)) {
    throw new ImportError(`這是網站伺服器的錯誤頁（${found.title}），不是文章 (an error page the old server sent: "${found.title}")`);
  }
  // Mostly links, and less text of its own than in them (an article with a long "related" column keeps its text).
  const ownText = found.paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (found.links !== undefined && found.links >= LIST_LINKS && (found.linkText ?? 0) >= LIST_SHARE * (found.textLength ?? 0) && ownText < (found.linkText ?? 0)) {
    throw new ImportError(`這是列表頁（${found.links} 個連結），不是文章 (a list page of ${found.links} links, not an article)`);
  }
  if (!found.title) throw new ImportError("頁面裡找不到標題，這是文章頁嗎？(no headline found in the page; is it an article page?)");
  if (found.paragraphs.length === 0) throw new ImportError("頁面裡找不到正文段落 (no paragraphs of text found in the page)");

  const problems: FieldCheck[] = [];
  const dateText = found.date ? normaliseDate(found.date) : undefined;
  const date = dateText ? parseDate(dateText, site.timeZone) : undefined;
  if (!date?.ok) {
    if (options.requireDate) throw new ImportError("頁面裡沒有發布時間，不像文章頁（可能是網站的欄目或說明頁）(no publication date: not an article page; the site's frame?)");
    problems.push({ field: "date", message: `"${found.date ?? ""}" could not be read; set date: by hand (YYYY-MM-DD HH:mm)` });
  }
  const when = date?.ok ? date.value : undefined;

  const guessed = found.crumb !== undefined ? options.channelOf?.(found.crumb) : undefined;
  const channel = options.channel ?? guessed ?? site.channels[0]!.name;
  const unknown = channelProblem(site, channel);
  if (unknown) throw new ImportError(unknown);
  if (!options.channel && !guessed) problems.push({ field: "channel", message: `set to ${channel}; change it if the article belongs elsewhere` });

  const base = path.basename(options.file).replace(/\.[^.]+$/, "");
  const slug = options.slug ?? (slugProblem(base) === undefined ? base : `article-${when ? when.toFormat("yyyyMMdd-HHmm") : "undated"}`);
  if (slugProblem(slug)) throw badSlug(slug);

  const title = fullWidthPunctuation(found.title);
  const lang = detectScript(found.paragraphs.join(""));
  const fields: Record<string, string> = {
    title,
    date: when ? formatDisplay(when, site.timeZone) : "",
    source: found.source ? fullWidthPunctuation(found.source) : "",
    author: found.author ?? "",
    channel,
  };
  if (found.sponsor) fields.sponsor = found.sponsor;
  if (found.organizer) fields.organizer = found.organizer;
  if (found.editor) fields.editor = found.editor;
  if (lang !== site.lang) fields.lang = lang;
  for (const key of ["source", "author"] as const) {
    if (!fields[key]) problems.push({ field: key, message: "not found in the page; fill it in" });
  }
  const truncated = isHtml && !/<\/(?:html|body)>\s*$/i.test(repaired.trimEnd().slice(-200));
  if (truncated) problems.push({ field: "body", message: "頁面在 </html> 之前就斷了，正文可能不全，請對照原頁 (the page ends before </html>: its text may be cut short; compare it with the original)" });
  const body = found.paragraphs.map(fullWidthPunctuation).join("\n\n");
  const text = `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${body}\n`;
  return { title, ...(when ? { when } : {}), slug, text, body, encoding: decoded.encoding, problems, repairs, truncated };
}

/** The 1-based line of the first body line in an article's text. */
export function bodyLineOf(text: string): number {
  const lines = text.split("\n");
  return lines.indexOf("", lines.indexOf("---", 1)) + 2;
}

export async function importLegacy(options: ImportOptions): Promise<ImportResult> {
  const { root } = options;
  const bytes = await readSource(options.file);
  // An article of this site already (front-matter between --- lines), only not in UTF-8: its fields are kept.
  const decoded = decodeLegacy(bytes);
  if (/^---\r?\n/.test(decoded.text)) return convertArticle(options, bytes, decoded.text, decoded.encoding);
  const prepared = prepareArticle(bytes, options);
  const { when, title } = prepared;
  const problems = prepared.problems.map((p) => `${p.field}: ${p.message}`);
  const twin = when && options.existing?.find((a) => a.title === title && a.date.toFormat("yyyy-MM-dd") === when.toFormat("yyyy-MM-dd"));
  if (twin) problems.push(`已有同題同日的文章 ${twin.file}，這一頁可能已經匯入過；確認後刪掉其中一篇 (an article with the same title and date exists: ${twin.file}; this page may have been imported before)`);
  const written = await writeNewArticle(root, when, prepared.slug, prepared.text);
  const warnings = [...problems.map((p) => `${written}: ${p}`), ...textWarningLines(written, prepared.body, bodyLineOf(prepared.text))];
  return { written, encoding: prepared.encoding, warnings, repairs: prepared.repairs };
}

/**
 * A Markdown article of this site that is not UTF-8 (saved by an old editor in GBK or Big5): decoded and repaired,
 * its front-matter kept as written. Inside content/articles/ it is converted in place, its original bytes kept under
 * .broadsheet/import-backups/; elsewhere it is written under content/articles/ by its date, never over a file.
 */
async function convertArticle(options: ImportOptions, bytes: Uint8Array, text: string, encoding: LegacyEncoding): Promise<ImportResult> {
  const { root, site } = options;
  const { text: repaired, made: repairs } = repairCertain(text.replace(/\r\n?/g, "\n"));
  const source = parseFrontMatter(repaired, options.file);
  if (!source.ok) throw new ImportError(`${options.file}: ${source.problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
  const fm = source.frontMatter;
  const relative = path.relative(root, path.resolve(options.file)).split(path.sep).join("/");
  let written = relative;
  let backup: string | undefined;
  if (relative.startsWith(`${ARTICLES_DIR}/`)) {
    // Rewritten in place only as the web editor would write it: a plain file inside content/articles/, reached
    // through no symbolic link (a link could lead the rewrite anywhere).
    const target = editorPath(root, relative, "entry");
    if (!target.ok) throw new ImportError(`${relative} 是符號連結或不是普通文件，沒有就地改寫；把文章本身放進 ${ARTICLES_DIR}/ (${relative} is a symbolic link or not a plain file; it was not rewritten in place)`);
    backup = path.posix.join(".broadsheet/import-backups", `${relative}.${encoding.toLowerCase().replace(/[^a-z0-9]/g, "")}`);
    await mkdir(path.dirname(path.join(root, backup)), { recursive: true });
    await writeFile(path.join(root, backup), bytes);
    writeEditorFile(target.full, Buffer.from(repaired));
  } else {
    const date = typeof fm.data.date === "string" ? parseDate(fm.data.date, site.timeZone) : undefined;
    const when = date?.ok ? date.value : undefined;
    const slug = options.slug ?? path.basename(options.file).replace(/\.[^.]+$/, "");
    if (slugProblem(slug)) throw badSlug(slug);
    written = await writeNewArticle(root, when, slug, repaired);
  }
  return { written, encoding, warnings: textWarningLines(written, fm.body, fm.bodyLine), repairs, ...(backup ? { backup } : {}) };
}

/**
 * The bytes of the file to import, or an ImportError that says what it is instead: missing, a folder, or not a plain
 * file (a FIFO or a device would be read forever). It is looked at before it is opened.
 */
async function readSource(file: string): Promise<Uint8Array> {
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ImportError(`找不到文件 ${file}；檢查路徑 (there is no file ${file}; check the path)`);
    throw new ImportError(`讀不到 ${file} (${file} cannot be read: ${code ?? (error as Error).message})`);
  }
  if (stats.isDirectory()) throw new ImportError(`${file} 是文件夾；每次匯入一個文件 (${file} is a folder; import one file at a time)`);
  if (!stats.isFile()) throw new ImportError(`${file} 不是普通文件（管道或裝置），沒有讀取 (${file} is not a plain file (a pipe or a device); it was not read)`);
  if (stats.size > MAX_PAGE_BYTES) throw new ImportError(`${file} 有 ${Math.round(stats.size / 1048576)} MB，不像文章頁，沒有讀取 (${file} is ${Math.round(stats.size / 1048576)} MB: too large for an article page; not read)`);
  try {
    return await readFile(file);
  } catch (error) {
    throw new ImportError(`讀不到 ${file} (${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Writes a new article under content/articles/<year>/<month>/ by its date (undated/ without one), never over a file. */
export async function writeNewArticle(root: string, when: DateTime | undefined, slug: string, text: string): Promise<string> {
  const written = path.posix.join("content/articles", when ? when.toFormat("yyyy") : "undated", when ? when.toFormat("MM") : "", `${slug}.md`);
  await mkdir(path.dirname(path.join(root, written)), { recursive: true });
  try {
    await writeFile(path.join(root, written), text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw taken(written);
    throw error;
  }
  return written;
}

/** The text warnings of a written article's body, as the importer prints them: file:line:column kind: message. */
export function textWarningLines(written: string, body: string, bodyLine: number): string[] {
  return scanText(body, bodyLine).map((w) => `${written}:${w.line}:${w.column} ${w.kind}: ${w.message}`);
}
