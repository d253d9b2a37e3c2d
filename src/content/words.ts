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
import { parse } from "yaml";
import { z } from "zod";
import type { ScriptConverter } from "../scripts/convert.ts";
import type { Problem } from "./problems.ts";

export const WORDS_FILE = "content/_data/words.yaml";

const entrySchema = z.strictObject({
  word: z.string({ error: "每一項需要 word（要找的詞）(every entry needs a word)" }).trim().min(1),
  correction: z.string().trim().min(1).optional(),
});

export interface WordEntry {
  /** The forms searched for: the word as written and in the other script. */
  forms: string[];
  word: string;
  correction?: string;
}

export interface WordHit {
  /** 1-based line and column (in characters) in the text, counted from `firstLine`. */
  line: number;
  column: number;
  span: string;
  entry: WordEntry;
}

/** The word list of `root` (none when the file is absent), or the problems of the file. */
export function loadWordList(root: string, converter: ScriptConverter): { entries: WordEntry[]; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path.join(root, WORDS_FILE), "utf8");
  } catch {
    return { entries: [], problems: [] };
  }
  const fail = (message: string): { entries: WordEntry[]; problems: Problem[] } =>
    ({ entries: [], problems: [{ severity: "error", file: WORDS_FILE, line: 1, field: "words", message }] });
  let data: unknown;
  try {
    data = parse(text, { schema: "failsafe" }) ?? [];
  } catch (error) {
    return fail(`不是有效的用詞表：${(error as Error).message.split("\n")[0]} (is not a valid word list)`);
  }
  const parsed = z.array(entrySchema).safeParse(data);
  if (!parsed.success) return fail("應是列表，每項寫 word 和可選的 correction，例如 - word: 遼寧省政法委 (must be a list of entries with word and an optional correction)");
  const entries = parsed.data.map(({ word, correction }) => ({
    word, ...(correction ? { correction } : {}),
    forms: [...new Set([word, converter.convert(word, "zh-Hans", "zh-Hant"), converter.convert(word, "zh-Hant", "zh-Hans")])],
  }));
  return { entries, problems: [] };
}

/** Every hit of `entries` in `text` (which starts on line `firstLine`), except inside a protected word. */
export function findWords(text: string, firstLine: number, entries: readonly WordEntry[], protectedWords: readonly string[]): WordHit[] {
  if (entries.length === 0) return [];
  const shielded = new Set<number>();
  for (const word of protectedWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) shielded.add(i);
    }
  }
  const hits: WordHit[] = [];
  for (const entry of entries) {
    for (const form of entry.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        // Where the correction itself is written out (省委政法委, correcting 政法委), the word inside it is no mistake.
        const inside = entry.correction?.indexOf(form) ?? -1;
        if (inside >= 0 && at - inside >= 0 && text.startsWith(entry.correction!, at - inside)) continue;
        if (shielded.has(at)) continue;
        const before = text.slice(0, at);
        const lineStart = before.lastIndexOf("\n") + 1;
        hits.push({ line: firstLine + (before.match(/\n/g)?.length ?? 0), column: [...text.slice(lineStart, at)].length + 1, span: form, entry });
      }
    }
  }
  return hits;
}

/** The message for a hit, Chinese first. */
export function wordMessage(hit: WordHit): string {
  return hit.entry.correction
    ? `「${hit.span}」應寫作「${hit.entry.correction}」(the word list says: write ${hit.entry.correction}, not ${hit.span})`
    : `「${hit.span}」是用詞表中的禁用詞，請刪改 (${hit.span} is a forbidden word in ${WORDS_FILE})`;
}
