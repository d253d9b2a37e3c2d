/**
 * Repairs an importer can make safely on legacy text, each certain from the text alone:
 * - a converter's pinyin notes after characters: 網(wǎng) → 網;
 * - a pinyin note whose "(" went into a garbled span: 鐣?huì) → 鐣? (the garble itself is left for the editor);
 * - the full-width space a legacy encoding lost after a dateline, as the editors' guide repairs it by hand:
 *   本報訊?7月15日 → 本報訊　7月15日;
 * - half-width punctuation in Chinese text made full-width.
 * Anything it cannot be sure of (another `?` between characters, mojibake) is left for the editor and reported by
 * src/content/text-warnings.ts, whose patterns these are.
 */
import { FULL_WIDTH, HALF_WIDTH, PINYIN_NOTE, TONED } from "../content/text-warnings.ts";

/** The remnant of a pinyin note after a lost character: toned letters and ")" straight after a "?". */
const ORPHAN_NOTE = new RegExp(`(?<=[?？])[a-zü${TONED}]*[${TONED}][a-zü${TONED}]*\\)`, "gu");

/** A "?" between a dateline (本報訊, 新華社…電) and its date: the full-width space it stood for. */
const DATELINE_GAP = /(?<=(?:報訊|报讯|電|电))[?？](?=\d{1,2}月\d{1,2}日)/gu;

export interface Repaired {
  text: string;
  /** What was repaired, in editors' words, with how many times. */
  made: string[];
}

/** Every certain repair of `text` (punctuation aside), and a note of what was made. */
export function repairCertain(text: string): Repaired {
  const made: string[] = [];
  let out = text;
  const apply = (pattern: RegExp, to: string, what: string) => {
    const count = out.match(pattern)?.length ?? 0;
    if (count === 0) return;
    out = out.replace(pattern, to);
    made.push(`${what}: ${count}`);
  };
  apply(PINYIN_NOTE, "", "刪除拼音註音 (pinyin notes deleted)");
  apply(ORPHAN_NOTE, "", "刪除亂碼後殘留的拼音註音 (pinyin remnants after a garbled character deleted)");
  apply(DATELINE_GAP, "\u3000", "報頭後的 ? 改為全形空格 (the ? after a dateline made a full-width space)");
  return { text: out, made };
}

export function fullWidthPunctuation(text: string): string {
  return text.replace(HALF_WIDTH, (mark) => FULL_WIDTH[mark] ?? mark);
}
