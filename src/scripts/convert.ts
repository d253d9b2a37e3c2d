/**
 * 繁體 ⇄ 简体 conversion with OpenCC's phrase-level dictionaries (opencc-js), traditional as OpenCC's standard
 * ("t") and simplified as mainland ("cn"). Words on the editors' protected list (people and places the converter
 * gets wrong, such as the surname 于 in 于天敏, which character-level s2t would turn into 於) pass through unchanged.
 * https://github.com/nk2028/opencc-js
 */
import { createHash } from "node:crypto";
import * as OpenCC from "opencc-js";
import type { Memo } from "../util/memo.ts";

export type Script = "zh-Hant" | "zh-Hans";
export const SCRIPTS: readonly Script[] = ["zh-Hant", "zh-Hans"];

export interface ScriptConverter {
  /** Text in `script`, from text written in `from`. Same script: the text as it is. */
  convert(text: string, from: Script, to: Script): string;
}

// Private-use code points mark protected words during conversion; OpenCC leaves them alone.
const MARK_START = 0xf0000;

export function createScriptConverter(protectedWords: readonly string[] = []): ScriptConverter {
  // OpenCC's dictionaries take a tenth of a second to load: only when something is converted.
  let toHans: ((text: string) => string) | undefined;
  let toHant: ((text: string) => string) | undefined;
  // Longest first, so a longer protected phrase wins over a word inside it.
  const words = [...new Set(protectedWords.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  const pattern = words.length > 0 ? new RegExp(words.map(escapeRegExp).join("|"), "g") : undefined;
  const index = new Map(words.map((w, i) => [w, String.fromCodePoint(MARK_START + i)]));
  const restore = new RegExp(`[\\u{${MARK_START.toString(16)}}-\\u{${(MARK_START + Math.max(words.length, 1)).toString(16)}}]`, "gu");
  return {
    convert(text, from, to) {
      if (from === to || text === "") return text;
      const run = to === "zh-Hans" ? (toHans ??= OpenCC.Converter({ from: "t", to: "cn" })) : (toHant ??= OpenCC.Converter({ from: "cn", to: "t" }));
      if (!pattern) return run(text);
      const marked = text.replace(pattern, (w) => index.get(w)!);
      return run(marked).replace(restore, (m: string) => words[m.codePointAt(0)! - MARK_START]!);
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Texts this short are remembered between builds: names, tags, the UI's words (articles are remembered whole). */
const REMEMBERED_LENGTH = 200;

/**
 * A converter that remembers short conversions in `memo` (src/util/memo.ts), so that a rebuild in which no article
 * changed need not load OpenCC at all. `protectedWords` must be the converter's own: they are part of each key.
 */
export function rememberingConverter(converter: ScriptConverter, memo: Memo, protectedWords: readonly string[]): ScriptConverter {
  // A digest of the list, not the list: it is part of every key the memo holds.
  const salt = createHash("sha1").update(JSON.stringify(protectedWords)).digest("base64");
  return {
    convert(text, from, to) {
      if (from === to || text === "" || text.length > REMEMBERED_LENGTH) return converter.convert(text, from, to);
      const key = `convert|${salt}|${from}|${to}|${text}`;
      let converted = memo.get<string>(key);
      if (converted === undefined) memo.set(key, (converted = converter.convert(text, from, to)));
      return converted;
    },
  };
}
