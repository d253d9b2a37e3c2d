/**
 * The slips a Chinese keyboard makes in front-matter, recognised and named in the editor's terms instead of the YAML
 * parser's: a full-width colon after a field name (`author：白國軍`), a half-width colon and space inside a value
 * (`title: 市域治理: 本溪經驗`, which YAML reads as a second field), no space after the colon (`author:白國軍`), a field
 * name written in Chinese (`作者: 白國軍`) and a channel written in the other script (`政法要闻`).
 */
import { createScriptConverter, type ScriptConverter } from "../scripts/convert.ts";
import { FIELD_LABELS } from "./field-labels.ts";
import type { Problem } from "./problems.ts";

/** Chinese names editors use for the fields (the labels, and the words they write for them). */
const CHINESE_NAMES: Record<string, keyof typeof FIELD_LABELS> = {
  ...Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, label]) => [label, field])),
  發布日期: "date", 日期: "date", 時間: "date", 主辦: "sponsor", 承辦: "organizer", 編輯: "editor", 標籤: "tags",
  出處: "source", 記者: "author", 內容摘要: "summary", 封面: "cover", 題目: "title",
};

let converter: ScriptConverter | undefined;
/** OpenCC's tables load only when a slip needs them. */
const convert = (): ScriptConverter => (converter ??= createScriptConverter());

/** The contract's field for a name written in Chinese (either script), if it is one. */
export function fieldForChineseName(name: string): keyof typeof FIELD_LABELS | undefined {
  const named = (text: string) => (Object.hasOwn(CHINESE_NAMES, text) ? CHINESE_NAMES[text] : undefined);
  return named(name) ?? named(convert().convert(name, "zh-Hans", "zh-Hant"));
}

/** The configured channel that `name` is in the other script, if any: the two read the same in 简体. */
export function channelInOtherScript(name: string, channels: readonly string[]): string | undefined {
  const simplified = (text: string) => convert().convert(text, "zh-Hant", "zh-Hans");
  return channels.find((channel) => channel !== name && simplified(channel) === simplified(name));
}

/**
 * The keyboard slips in front-matter lines (`lines`, the first of them on file line `firstLine`), each named on its
 * line with what to type instead. Called when YAML could not read the front-matter as fields.
 */
export function keyboardSlips(lines: readonly string[], firstLine: number, file: string): Problem[] {
  const problems: Problem[] = [];
  lines.forEach((text, i) => {
    const line = firstLine + i;
    const slip = (field: string, message: string) => problems.push({ severity: "error", file, line, field, message });
    if (/^\s*(#|-|$)/.test(text)) return;
    const fullWidth = /^\s*([^\s:："'#][^:：]*?)\s*：\s*(.*)$/.exec(text);
    if (fullWidth && !text.includes(": ")) {
      const name = fullWidth[1]!;
      const field = /^[A-Za-z]+$/.test(name) ? name : fieldForChineseName(name) ?? name;
      return slip(field, `欄位名後面的冒號是全形的「：」，要用半形冒號加一個空格，寫成 ${field}: ${fullWidth[2]} ` +
        `(the colon after the field name is full-width; type a half-width colon and a space: ${field}: …)`);
    }
    const noSpace = /^\s*([A-Za-z]+):(\S.*)$/.exec(text);
    if (noSpace && !/^\s*[A-Za-z]+:\/\//.test(text)) {
      return slip(noSpace[1]!, `冒號後面要加一個空格，寫成 ${noSpace[1]}: ${noSpace[2]} (put a space after the colon)`);
    }
    const inside = /^\s*([A-Za-z]+):\s+([^"'\s[{|>].*?):(\s|$)/.exec(text);
    if (inside) {
      const field = inside[1]!;
      return slip(field, `內容裡的半形冒號「: 」會被讀成另一個欄位；改用全形冒號「：」，或把整個內容放進引號，例如 ${field}: "${text.slice(text.indexOf(":") + 1).trim()}" ` +
        `(a half-width colon and space inside the value reads as another field; use the full-width ：, or put the value in quotes)`);
    }
  });
  return problems;
}
