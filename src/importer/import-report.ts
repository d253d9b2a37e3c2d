/**
 * What a legacy site's import leaves for people: each page's fate (the journal's records), the checks of each
 * written article at its file's lines, the old addresses added to content/_data/redirects.yaml, and the report,
 * import-report.json for tools and import-report.txt for the editor who does the hand checks.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMap, parseDocument, stringify } from "yaml";
import { REDIRECTS_FILE } from "../content/redirects.ts";
import { scanText } from "../content/text-warnings.ts";
import { bodyLineOf, type FieldCheck } from "./import.ts";

/** Something to check by hand in a written article, at its line. */
export interface Check {
  line: number;
  column?: number;
  field: string;
  message: string;
}

/** One page's fate, as the journal and the report record it. */
export interface PageRecord {
  /** The page's file in the mirror, relative to the mirror's folder, with `/`. */
  page: string;
  digest: string;
  outcome: "article" | "duplicate" | "skipped";
  /** The address readers asked the old site for (articles and duplicates). */
  address?: string;
  /** The article written (or, for a duplicate, the one it is a copy of), and its slug. */
  file?: string;
  slug?: string;
  /** For a duplicate: the page (or the site's article) it repeats. */
  of?: string;
  /** For a skipped page: why. */
  reason?: string;
  encoding?: string;
  /** What to check by hand in the written article (or, for an address that cannot redirect, in redirects.yaml). */
  checks?: Check[];
  /** Identity of the article's content: headline, day and opening words (a later copy has the same). */
  key?: string;
}

/** What the editor must check in a written article, each on its field's line of the file. */
export function articleChecks(text: string, problems: readonly FieldCheck[], body: string): Check[] {
  const lines = text.split("\n");
  const bodyLine = bodyLineOf(text);
  const lineOf = (field: string) => (field === "body" ? bodyLine : lines.findIndex((l) => l.startsWith(`${field}:`)) + 1 || 1);
  const checks: Check[] = problems.map((p) => ({ line: lineOf(p.field), field: p.field, message: p.message }));
  for (const w of scanText(body, bodyLine)) checks.push({ line: w.line, column: w.column, field: "body", message: w.message });
  return checks;
}

/**
 * Adds each old address of the decided pages to redirects.yaml, after what the file already says (its lines are
 * kept as written; an address it has already is not added again). Written whole into place.
 */
export function addRedirects(root: string, records: readonly PageRecord[]): number {
  const file = path.join(root, REDIRECTS_FILE);
  const before = existsSync(file) ? readFileSync(file, "utf8") : "# 舊網站的網址 → 文章的網址名 (old addresses → article slugs); npm run import -- DIR adds to it.\n";
  const doc = parseDocument(before, { schema: "failsafe" });
  const known = new Set(isMap(doc.contents) ? doc.contents.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? "")) : []);
  const added: string[] = [];
  for (const r of records) {
    if (r.outcome === "skipped" || !r.address || !r.slug || known.has(r.address)) continue;
    if (r.checks?.some((c) => c.field === "redirects")) continue;
    known.add(r.address);
    added.push(stringify({ [r.address]: r.slug }, { lineWidth: 0 }).trimEnd());
  }
  if (added.length === 0) return 0;
  const text = `${before}${before.endsWith("\n") || before === "" ? "" : "\n"}${added.join("\n")}\n`;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.writing`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return added.length;
}

/** import-report.json (every page's fate) and import-report.txt (what a person must do), in `reportDir`. */
export function writeReport(reportDir: string, dir: string, total: number, records: readonly PageRecord[], stopped: boolean): { json: string; text: string } {
  const of = (outcome: PageRecord["outcome"]) => records.filter((r) => r.outcome === outcome);
  const articles = of("article");
  const duplicates = of("duplicate");
  const skipped = of("skipped");
  const toCheck = records.filter((r) => r.checks && r.checks.length > 0);
  const json = {
    mirror: dir, pages: total, decided: records.length, stopped,
    counts: { articles: articles.length, duplicates: duplicates.length, skipped: skipped.length, toCheck: toCheck.length },
    articles: articles.map(({ page, address, file, slug, encoding, checks }) => ({ page, address, file, slug, encoding, checks: checks ?? [] })),
    duplicates: duplicates.map(({ page, address, of: copyOf, file, slug, checks }) => ({ page, address, of: copyOf, file, slug, checks: checks ?? [] })),
    skipped: skipped.map(({ page, reason }) => ({ page, reason })),
  };
  const lines = [
    `匯入舊網站 (legacy site import): ${dir}`,
    `${total} 頁 (pages): ${articles.length} 篇文章 (articles), ${duplicates.length} 個重複 (duplicates), ${skipped.length} 頁跳過 (skipped)${stopped ? `；中途停止，還有 ${total - records.length} 頁 (stopped; ${total - records.length} pages left)` : ""}`,
    "",
    `需要人工檢查 (to check by hand): ${toCheck.length}`,
    ...toCheck.flatMap((r) => (r.checks ?? []).map((c) => `${c.field === "redirects" ? REDIRECTS_FILE : r.file}:${c.line}${c.column ? `:${c.column}` : ""} ${c.field}: ${c.message}  (← ${r.page})`)),
    "",
    `跳過的頁面 (skipped pages): ${skipped.length}`,
    ...skipped.map((r) => `${r.page}: ${r.reason}`),
    "",
    `重複的頁面 (duplicates; their old addresses lead to the article): ${duplicates.length}`,
    ...duplicates.map((r) => `${r.page} = ${r.file} (${r.of})`),
    "",
  ];
  mkdirSync(reportDir, { recursive: true });
  const jsonFile = path.join(reportDir, "import-report.json");
  const textFile = path.join(reportDir, "import-report.txt");
  writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(textFile, lines.join("\n"));
  return { json: jsonFile, text: textFile };
}
