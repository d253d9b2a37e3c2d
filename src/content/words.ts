/**
 * The newsroom's word list, content/_data/words.yaml: forbidden words, and common mistakes with their corrections
 * (a wrong form of an official's title or a place name). An entry written in either script catches both scripts'
 * forms; `protectedWords` of site.yaml are never flagged.
 *
 *     - word: 遼寧省政法委     # what must not be written
 *       correction: 遼寧省委政法委   # what to write instead (absent: the word is forbidden)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { createScriptConverter } from "../scripts/convert.ts";
import type { Problem } from "./problems.ts";
import { decodeSource } from "./source-file.ts";
import { plainValue, type ValueProblem } from "./yaml-values.ts";

export const WORDS_FILE = "content/_data/words.yaml";

const entrySchema = z.strictObject({
  word: z.string({ error: "每一項需要 word（要找的詞），例如 - word: 遼寧省政法委 (every entry needs a word)" }).trim().min(1),
  correction: z.string({ error: "correction 應是文字，例如 correction: 遼寧省委政法委 (must be text)" }).trim().min(1).optional(),
});

export interface WordEntry {
  /** The forms searched for: the word as written and in the other script. */
  forms: string[];
  word: string;
  correction?: string;
  /** The correction in both scripts: where one is written out, the word inside it is no mistake. */
  corrections: string[];
}

export interface WordHit {
  /** 1-based line and column (in characters) in the text, counted from `firstLine`. */
  line: number;
  column: number;
  span: string;
  entry: WordEntry;
}

/**
 * The word list of `root` (none when the file is absent), or the problems of the file, each on its line. Read like
 * every editor file (UTF-8 only); OpenCC's tables load only when there is a list.
 */
export function loadWordList(root: string, protectedWords: readonly string[]): { entries: WordEntry[]; problems: Problem[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(root, WORDS_FILE));
  } catch {
    return { entries: [], problems: [] };
  }
  const fail = (line: number, message: string) =>
    ({ entries: [], problems: [{ severity: "error" as const, file: WORDS_FILE, line, field: "words", message }] });
  const decoded = decodeSource(bytes, WORDS_FILE);
  if (!decoded.ok) return { entries: [], problems: [decoded.problem] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { schema: "failsafe", lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return fail(lineOf(doc.errors[0]!.pos[0]), `這一行不是有效的 YAML，請檢查冒號和縮排，例如 - word: 遼寧省政法委 (is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]})`);
  }
  const values: ValueProblem[] = [];
  const plain = plainValue(doc.contents, doc, values);
  // An invisible character an escape wrote is removed from the word, as from any field; the rest stop the list.
  const refused = values.filter((v) => !v.kind);
  if (refused.length > 0) return fail(lineOf(refused[0]!.offset), refused[0]!.message);
  const parsed = z.array(entrySchema).safeParse(plain ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const item = typeof issue.path[0] === "number" && isSeq(doc.contents) ? doc.contents.items[issue.path[0]] : undefined;
    const range = (item as { range?: [number, number, number] } | undefined)?.range;
    const message = issue.path.length === 0
      ? "應是列表，每項寫 word 和可選的 correction，例如 - word: 遼寧省政法委 (must be a list of entries with word and an optional correction)"
      : issue.message;
    return fail(lineOf(range?.[0]), message);
  }
  const converter = createScriptConverter(protectedWords);
  const bothScripts = (text: string) =>
    [...new Set([text, converter.convert(text, "zh-Hans", "zh-Hant"), converter.convert(text, "zh-Hant", "zh-Hans")])];
  const entries = parsed.data.map(({ word, correction }) => ({
    word, forms: bothScripts(word), corrections: correction ? bothScripts(correction) : [], ...(correction ? { correction } : {}),
  }));
  return { entries, problems: [] };
}

/**
 * Every hit of `entries` in `text` (which starts on line `firstLine`), line by line as the text warnings are found
 * (a word never spans lines), except inside a protected word or inside the entry's own correction.
 */
export function findWords(text: string, firstLine: number, entries: readonly WordEntry[], protectedWords: readonly string[]): WordHit[] {
  if (entries.length === 0) return [];
  const hits: WordHit[] = [];
  text.split("\n").forEach((lineText, i) => {
    for (const entry of entries) {
      for (const form of entry.forms) {
        for (let at = lineText.indexOf(form); at >= 0; at = lineText.indexOf(form, at + form.length)) {
          if (covered(lineText, at, form, entry.corrections) || covered(lineText, at, form, protectedWords)) continue;
          hits.push({ line: firstLine + i, column: [...lineText.slice(0, at)].length + 1, span: form, entry });
        }
      }
    }
  });
  return hits;
}

/** Whether `form`, found at `at`, lies inside one of `words` written out around it. */
function covered(line: string, at: number, form: string, words: readonly string[]): boolean {
  return words.some((word) => {
    for (let inside = word.indexOf(form); inside >= 0; inside = word.indexOf(form, inside + 1)) {
      if (at - inside >= 0 && line.startsWith(word, at - inside)) return true;
    }
    return false;
  });
}
/** The message for a hit, Chinese first. */
export function wordMessage(hit: WordHit): string {
  return hit.entry.correction
    ? `「${hit.span}」應寫作「${hit.entry.correction}」(the word list says: write ${hit.entry.correction}, not ${hit.span})`
    : `「${hit.span}」是用詞表中的禁用詞，請刪改 (${hit.span} is a forbidden word in ${WORDS_FILE})`;
}
