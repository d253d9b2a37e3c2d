/**
 * Repairs an importer can make safely on legacy text: delete a converter's pinyin notes after characters
 * (網(wǎng) → 網) and make half-width punctuation in Chinese text full-width. Anything it cannot be sure of (a `?`
 * wedged between characters, mojibake) is left for the editor and reported by src/content/text-warnings.ts, whose
 * patterns these are.
 */
import { FULL_WIDTH, HALF_WIDTH, PINYIN_NOTE } from "../content/text-warnings.ts";

export function removePinyinNotes(text: string): string {
  return text.replace(PINYIN_NOTE, "");
}

export function fullWidthPunctuation(text: string): string {
  return text.replace(HALF_WIDTH, (mark) => FULL_WIDTH[mark] ?? mark);
}
