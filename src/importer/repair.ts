/**
 * Repairs an importer can make safely on legacy text: delete a converter's pinyin notes after characters
 * (網(wǎng) → 網) and make half-width punctuation in Chinese text full-width. Anything it cannot be sure of (a `?`
 * wedged between characters, mojibake) is left for the editor and reported by src/content/text-warnings.ts.
 */
import { FULL_WIDTH } from "../content/text-warnings.ts";

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ";
// A toned letter can be lost in a legacy encoding (Big5 has none): it arrives as "?" or a private-use character.
const PINYIN_NOTE = new RegExp(`(?<=[${HAN}])\\((?=[a-z${TONED}ü?\\uE000-\\uF8FF]*[${TONED}?\\uE000-\\uF8FF])[a-z${TONED}ü?\\uE000-\\uF8FF]{1,8}\\)`, "gu");
const HALF_WIDTH = new RegExp(
  `(?<=[${HAN}])[,;:](?![0-9])|[,;:](?=[${HAN}])|(?<=[${HAN}])[?!](?![${HAN}0-9a-z${TONED}?!“”「」])`, "gu");

export function removePinyinNotes(text: string): string {
  return text.replace(PINYIN_NOTE, "");
}

export function fullWidthPunctuation(text: string): string {
  return text.replace(HALF_WIDTH, (mark) => FULL_WIDTH[mark] ?? mark);
}
