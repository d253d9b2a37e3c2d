/**
 * Reading an editor's file: bytes to text (UTF-8 only, BOM accepted), then the YAML front-matter between the two
 * `---` lines. Nothing here interprets anything but YAML: `---js` and other front-matter engines are refused as
 * text, never handed to a parser that could run them (gray-matter, which Eleventy uses, would run `---js`).
 * https://www.11ty.dev/docs/data-frontmatter/#alternative-front-matter-formats
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Problem } from "./problems.ts";
import { keyboardSlips } from "./slips.ts";
import { invisibleCharacters } from "./text-warnings.ts";
import { plainValue, type ValueProblem } from "./yaml-values.ts";

export interface FrontMatter {
  /**
   * Field values: strings, lists and maps of strings (YAML's failsafe schema: no implicit types), in objects with no
   * prototype (src/content/yaml-values.ts).
   */
  data: Record<string, unknown>;
  /** 1-based line in the file where each field's key stands. */
  lines: Record<string, number>;
  /** The Markdown after the closing `---`, line endings normalised to `\n`. */
  body: string;
  /** 1-based line in the file of the body's first line. */
  bodyLine: number;
  /** Characters the file held that no page or feed can carry, removed from the text (src/content/text-warnings.ts). */
  warnings: Problem[];
}

export type Decoded = { ok: true; text: string; warnings: Problem[] } | { ok: false; problem: Problem };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * UTF-8 text without a BOM, with `\n` line ends and without the control characters no page, feed or sitemap can carry
 * (each a warning on its line and column), or a problem that points the editor to `npm run import`.
 */
export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    return { ok: false, problem: encodingProblem(bytes, file) };
  }
  const invisible = invisibleCharacters(text);
  return {
    ok: true,
    text: invisible.text,
    warnings: invisible.found.map((w) => ({ severity: "warning", kind: w.kind, file, line: w.line, column: w.column, field: "text", message: w.message })),
  };
}

function encodingProblem(bytes: Uint8Array, file: string): Problem {
  // Find the first byte that breaks UTF-8 so the editor sees where the damage is.
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) break;
    let valid = i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (!valid) break;
    if (b === 0x0a) line++;
    i += length;
  }
  return {
    severity: "error",
    file,
    line,
    field: "encoding",
    message:
      `文件不是 UTF-8 文字（可能是舊系統的 GB18030/GBK 或 Big5）；用 npm run import -- ${file} 原地轉換（欄位不變），或另存為 UTF-8 ` +
      "(the file is not UTF-8 text (it may be GB18030/GBK or Big5 from an old system); convert it with " +
      `\`npm run import -- ${file}\` or save it as UTF-8)`,
  };
}

export type Split = { ok: true; frontMatter: FrontMatter } | { ok: false; problems: Problem[] };

/** Splits and parses the front-matter of decoded text; `warnings` are the decoding's, carried along. */
export function parseFrontMatter(text: string, file: string, warnings: Problem[] = []): Split {
  const problem = (line: number, field: string, message: string): Split => ({
    ok: false,
    problems: [{ severity: "error", file, line, field, message }],
  });
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  if (first !== "---") {
    if (/^---\s*\S/.test(first)) {
      const engine = first.slice(3).trim();
      return problem(1, "front-matter",
        `不允許「${first}」這種前置資料；欄位要寫成 YAML，放在兩行 --- 之間 ("${first}" front-matter (${engine}) is not allowed; write the fields as YAML between two "---" lines)`);
    }
    if (first.trim() === "---") {
      return problem(1, "front-matter", '第一行必須正好是 ---，前後不能有空格或別的字 (the first line must be exactly "---" with nothing around it)');
    }
    return problem(1, "front-matter",
      '文件要以一行 --- 開頭，接著寫欄位（title、date、source、author、channel），再寫一行 --- (the file must start with a "---" line, then the fields (title, date, source, author, channel), then "---")');
  }
  const close = lines.indexOf("---", 1);
  if (close === -1) {
    return problem(1, "front-matter", '欄位部分沒有結束；在最後一個欄位後加一行 --- (the front-matter is never closed; add a line "---" after the last field)');
  }
  const yamlText = lines.slice(1, close).join("\n");
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: "failsafe",
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
  });
  // Line of an offset inside the YAML text, as a line of the file (the YAML starts on line 2).
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const problems: Problem[] = [];
  // When YAML cannot read the fields, a keyboard slip (a full-width colon, a colon inside a value) is named in the
  // editor's terms, not YAML's.
  const slips = doc.errors.length > 0 || !isMap(doc.contents) ? keyboardSlips(lines.slice(1, close), 2, file) : [];
  if (slips.length > 0) return { ok: false, problems: slips };
  for (const error of doc.errors) {
    const reason = error.code === "DUPLICATE_KEY" ? "同一個欄位寫了兩次，只留一個 (a field is written twice; keep one)" : yamlReason(error.message);
    problems.push({ severity: "error", file, line: fileLine(error.pos[0]), field: "front-matter", message: reason });
  }
  if (problems.length > 0) return { ok: false, problems };

  const root = doc.contents;
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const keyLines: Record<string, number> = Object.create(null) as Record<string, number>;
  const body = lines.slice(close + 1).join("\n");
  if (root === null || (isScalar(root) && (root.value === "" || root.value === null))) {
    return { ok: true, frontMatter: { data, lines: keyLines, body, bodyLine: close + 2, warnings } };
  }
  if (!isMap(root)) {
    return problem(2, "front-matter", '欄位要寫成「名稱: 內容」，一行一個 (the fields must be written as "name: value" lines)');
  }
  const aliasBudget = { aliases: 0 };
  const escaped: Problem[] = [];
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) && keyNode.tag === undefined ? String(keyNode.value ?? "") : "";
    const line = keyNode?.range ? fileLine(keyNode.range[0]) : 2;
    if (!key) {
      problems.push({ severity: "error", file, line, field: "front-matter", message: "有一個欄位沒有名稱 (a field has no name)" });
      continue;
    }
    keyLines[key] = line;
    const found: ValueProblem[] = [];
    data[key] = emptyToUndefined(plainValue(pair.value, doc, found, aliasBudget));
    for (const p of found) {
      if (p.kind) escaped.push({ severity: "warning", kind: p.kind, file, line: fileLine(p.offset), field: key, message: p.message });
      else problems.push({ severity: "error", file, line: fileLine(p.offset), field: key, message: p.message });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, frontMatter: { data, lines: keyLines, body, bodyLine: close + 2, warnings: [...inFields(warnings, keyLines, close + 2), ...escaped] } };
}

/** Decoding warnings named by the field they fall in: the body, or the last field that starts on or above their line. */
function inFields(warnings: Problem[], keyLines: Record<string, number>, bodyLine: number): Problem[] {
  if (warnings.length === 0) return warnings;
  const starts = Object.entries(keyLines).sort((a, b) => a[1] - b[1]);
  return warnings.map((w) => ({ ...w, field: w.line >= bodyLine ? "body" : starts.filter(([, line]) => line <= w.line).at(-1)?.[0] ?? "front-matter" }));
}

/** `summary:` with nothing after it means "not set", as an editor would read it. */
function emptyToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

function yamlReason(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return `這一行不是有效的 YAML，請檢查冒號和引號，例如 title: "標題" (is not valid YAML (${first.replace(/ at line \d+, column \d+:?$/, "")}); ` +
    'check the colons and quotes, e.g. title: "標題")';
}

/** An editor's file from its bytes: decoded, then split into front-matter and body. */
export function parseSource(bytes: Uint8Array, file: string): Split {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parseFrontMatter(decoded.text, file, decoded.warnings);
}
