/**
 * `npm run import`: a legacy page (text or HTML; UTF-8, GB18030/GBK or Big5) to an article under
 * content/articles/. It decodes, removes converter damage it can repair, extracts the front-matter, writes the
 * file (never over an existing one) and returns every warning about what is left for the editor, with the
 * written file's line and column.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { SLUG_PATTERN } from "../content/article-schema.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { scanText } from "../content/text-warnings.ts";
import { formatDisplay, parseDate } from "../dates.ts";
import { searchCharTable } from "../search/char-table.ts";
import { decodeLegacy, type LegacyEncoding } from "./decode.ts";
import { extractFromHtml, extractFromText, type Extracted } from "./extract.ts";
import { fullWidthPunctuation, removePinyinNotes } from "./repair.ts";

export interface ImportOptions {
  root: string;
  file: string;
  site: SiteConfig;
  slug?: string;
  channel?: string;
}

export interface ImportResult {
  /** Written file, relative to the root. */
  written: string;
  encoding: LegacyEncoding;
  warnings: string[];
}

export class ImportError extends Error {}

/** `2020年7月16日 8:45`, `2020/07/16`, `2020.7.16 08:45:00` and the like, as the contract's `YYYY-MM-DD HH:mm`. */
export function normaliseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：時时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/.exec(text);
  if (!m) return undefined;
  const p = (n: string | undefined) => (n ?? "0").padStart(2, "0");
  const day = `${m[1]}-${p(m[2])}-${p(m[3])}`;
  return m[4] ? `${day} ${p(m[4])}:${p(m[5])}${m[6] ? `:${p(m[6])}` : ""}` : day;
}

/** zh-Hans when the text uses more simplified-only than traditional-only characters. */
function detectScript(text: string): "zh-Hant" | "zh-Hans" {
  const table = searchCharTable();
  const traditional = new Set(table.from);
  const simplified = new Set(table.to);
  let t = 0;
  let s = 0;
  for (const char of text) {
    if (traditional.has(char)) t++;
    else if (simplified.has(char)) s++;
  }
  return s > t ? "zh-Hans" : "zh-Hant";
}

export async function importLegacy(options: ImportOptions): Promise<ImportResult> {
  const { site, root } = options;
  const bytes = await readFile(options.file);
  const decoded = decodeLegacy(bytes);
  const controls = decoded.text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, decoded.text.length / 1000)) {
    throw new ImportError(`${options.file} is not a text or HTML page (it holds binary data)`);
  }
  const repaired = removePinyinNotes(decoded.text);
  const isHtml = /<(?:html|body|p|div|h1)[\s>]/i.test(repaired.slice(0, 4096));
  const found: Extracted = isHtml ? extractFromHtml(repaired) : extractFromText(repaired);
  const problems: string[] = [];
  if (!found.title) throw new ImportError("no headline found in the page; is it an article page?");
  if (found.paragraphs.length === 0) throw new ImportError("no paragraphs of text found in the page");

  const dateText = found.date ? normaliseDate(found.date) : undefined;
  const date = dateText ? parseDate(dateText, site.timeZone) : undefined;
  if (!date?.ok) problems.push(`date: "${found.date ?? ""}" could not be read; set date: by hand (YYYY-MM-DD HH:mm)`);
  const when = date?.ok ? date.value : undefined;

  const channel = options.channel ?? site.channels[0]!.name;
  if (!site.channels.some((c) => c.name === channel)) {
    throw new ImportError(`"${channel}" is not a channel of this site; use one of: ${site.channels.map((c) => c.name).join(", ")}`);
  }
  if (!options.channel) problems.push(`channel: set to ${channel}; change it if the article belongs elsewhere`);

  const base = path.basename(options.file).replace(/\.[^.]+$/, "");
  const slug = options.slug ?? (SLUG_PATTERN.test(base) ? base : `article-${when ? when.toFormat("yyyyMMdd-HHmm") : "undated"}`);
  if (!SLUG_PATTERN.test(slug)) throw new ImportError(`--slug "${slug}" must be lower-case letters, digits and hyphens`);

  const lang = detectScript(found.paragraphs.join(""));
  const fields: Record<string, string> = {
    title: fullWidthPunctuation(found.title),
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
    if (!fields[key]) problems.push(`${key}: not found in the page; fill it in`);
  }
  const body = found.paragraphs.map(fullWidthPunctuation).join("\n\n");
  const text = `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${body}\n`;

  const year = when ? when.toFormat("yyyy") : "undated";
  const month = when ? when.toFormat("MM") : "";
  const written = path.posix.join("content/articles", year, month, `${slug}.md`);
  const target = path.join(root, written);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ImportError(`${written} already exists; choose another --slug`);
    throw error;
  }

  const bodyLine = text.split("\n").indexOf("", text.split("\n").indexOf("---", 1)) + 2;
  const warnings = [
    ...problems.map((p) => `${written}: ${p}`),
    ...scanText(body, bodyLine).map((w) => `${written}:${w.line}:${w.column} ${w.kind}: ${w.message}`),
  ];
  return { written, encoding: decoded.encoding, warnings };
}
