/**
 * Content problems, reported the way the contract asks: one line each, naming the file, the line, the field and
 * what to do, e.g. `content/articles/2020/07/benxi.md:3 date: "2020-13-45" is not a real date (month 13)`.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column?: number;
  /** The front-matter field, or a label for file-level problems (`encoding`, `front-matter`, `body`). */
  field: string;
  message: string;
  /** What kind of warning it is (half-width, pinyin, words, stale-channel …): `npm run check -- --kind` filters by it. */
  kind?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
  const prefix = p.severity === "warning" ? "warning: " : "";
  return `${where} ${prefix}${p.field}: ${p.message}`;
}

/** Problems in file, line, then column order, so a report reads top to bottom whatever order files were read in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Levenshtein distance, for "did you mean" suggestions on misspelt field names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest of `candidates` to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The kinds of warning in editors' words. */
const KIND_NAMES: Record<string, string> = {
  "half-width": "半形標點", pinyin: "拼音注音", replacement: "亂碼字元 U+FFFD", "private-use": "私用區字元", wedged: "字間的 ? 或 !",
  mojibake: "亂碼", control: "控制字元", words: "用詞表", "stale-channel": "欄目不更新", "empty-channel": "空欄目", size: "過長",
};

/** Past this many warnings the build prints a summary instead of every line. */
export const WARNINGS_LISTED = 30;

/**
 * The build's report of `warnings`: every one when they are few; past WARNINGS_LISTED, counts by kind, the files with
 * the most, and how to list them (an archive migrated from a legacy CMS has tens a file, and the errors would drown).
 */
export function warningReport(warnings: readonly Problem[]): string[] {
  if (warnings.length <= WARNINGS_LISTED) return warnings.map(formatProblem);
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  };
  const n = (x: number) => x.toLocaleString("en-US");
  const kinds = count(warnings.map((w) => w.kind ?? w.field));
  const files = count(warnings.map((w) => w.file)).slice(0, 5);
  return [
    `提醒 ${n(warnings.length)} 條，按種類 (${n(warnings.length)} warnings, by kind):`,
    ...kinds.map(([kind, c]) => `  ${kind}${KIND_NAMES[kind] ? `（${KIND_NAMES[kind]}）` : ""}: ${n(c)}`),
    "提醒最多的文件 (the files with the most):",
    ...files.map(([file, c]) => `  ${file}: ${n(c)}`),
    `全部列出用 npm run check；按種類或文件夾篩選，例如 npm run check -- --kind ${kinds[0]![0]} --folder ${files[0]![0].split("/").slice(0, -1).join("/")}`,
    "(npm run check lists them all; --kind and --folder filter them)",
  ];
}
