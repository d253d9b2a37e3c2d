/**
 * Warnings (not errors) for text that looks damaged, the kind legacy CMS pages and script converters leave behind:
 * a converter's pinyin notes (網(wǎng)), U+FFFD, private-use characters, `?`/`!` wedged between Chinese characters
 * (where a converter lost a character), letters of other alphabets inside Chinese text (mojibake), and half-width
 * punctuation in Chinese text. Each names its line and column and quotes the span.
 */
export type WarningKind = "pinyin" | "replacement" | "private-use" | "wedged" | "mojibake" | "half-width" | "control";

export interface TextWarning {
  kind: WarningKind;
  /** 1-based line of the file. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
  span: string;
  message: string;
}

const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";
export const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ";

/**
 * A converter's pinyin note after a character: 網(wǎng). A toned letter can be lost in a legacy encoding (Big5 has
 * none), arriving as "?" or a private-use character. Shared with the importer, which deletes these notes.
 */
export const PINYIN_NOTE = new RegExp(`(?<=[${HAN}])\\((?=[a-z${TONED}ü?\\uE000-\\uF8FF]*[${TONED}?\\uE000-\\uF8FF])[a-z${TONED}ü?\\uE000-\\uF8FF]{1,8}\\)`, "gu");

/** Half-width punctuation in Chinese text (not in times like 08:45, nor a ? wedged between characters). */
export const HALF_WIDTH = new RegExp(`(?<=[${HAN}])[,;:](?![0-9])|[,;:](?=[${HAN}])|(?<=[${HAN}])[?!](?![${HAN}0-9a-z${TONED}?!“”「」])`, "gu");

const RULES: { kind: WarningKind; pattern: RegExp; message: (span: string) => string }[] = [
  {
    kind: "pinyin",
    pattern: PINYIN_NOTE,
    message: (s) => `轉換器留下的拼音註音 ${s}，請刪掉 (a converter's pinyin note ${s}; delete it)`,
  },
  {
    kind: "replacement",
    pattern: /\uFFFD+/gu,
    message: () => "編碼轉換時丟了字（U+FFFD），請照原稿補上 (a character was lost in an encoding conversion (U+FFFD); restore it from the original)",
  },
  {
    kind: "private-use",
    pattern: /[\uE000-\uF8FF\u{F0000}-\u{10FFFF}]+/gu,
    message: () => "私用區字元（顯示成方框或空白），請換成原來的字 (a private-use character (it shows as a box or nothing); restore the real character)",
  },
  {
    kind: "wedged",
    pattern: new RegExp(`(?<=[${HAN}0-9])[?!]+(?=[${HAN}0-9“”「」])`, "gu"),
    message: () => "漢字之間的 ? 或 ! 通常是轉換時丟了字，請對照原稿 (a ? or ! between Chinese characters usually marks text a converter lost; compare with the original)",
  },
  {
    kind: "mojibake",
    pattern: new RegExp(`(?<=[${HAN}])[\\u0370-\\u03ff\\u0400-\\u04ff]+|[\\u0370-\\u03ff\\u0400-\\u04ff]+(?=[${HAN}])|[?？][a-z${TONED}]+\\)`, "gu"),
    message: () => "漢字中夾著其他文字的字母，像是亂碼，請對照原稿 (letters of another alphabet inside Chinese text look like garbled encoding; compare with the original)",
  },
  {
    kind: "half-width",
    pattern: HALF_WIDTH,
    message: (s) => `中文裡的半形「${s}」，請改用全形「${FULL_WIDTH[s] ?? s}」(half-width "${s}" in Chinese text; use the full-width ${FULL_WIDTH[s] ?? s})`,
  },
];

export const FULL_WIDTH: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

/** Warnings for `text`, whose first line is line `firstLine` of its file. */
export function scanText(text: string, firstLine = 1): TextWarning[] {
  const warnings: TextWarning[] = [];
  text.split("\n").forEach((lineText, i) => {
    for (const rule of RULES) {
      // Columns are counted on from the last match: counting from the line's start each time is quadratic on the
      // one-line pages legacy systems export.
      let counted = 0;
      let column = 1;
      for (const m of lineText.matchAll(rule.pattern)) {
        const at = m.index!;
        column += codePoints(lineText, counted, at);
        counted = at;
        const context = quote(lineText, at, m[0].length);
        warnings.push({ kind: rule.kind, line: firstLine + i, column, span: m[0], message: `${rule.message(m[0])}: "${context}"` });
      }
    }
  });
  return warnings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Characters (code points) in `text` from `start` to `end`: UTF-16 units less the second halves of pairs. */
function codePoints(text: string, start: number, end: number): number {
  let count = end - start;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}

/** The span with a few characters either side, so an editor can find it. */
function quote(line: string, at: number, length: number): string {
  // Eight units hold at least four characters.
  const whole = (text: string) => Array.from(text).filter((c) => !/^[\ud800-\udfff]$/.test(c));
  const before = whole(line.slice(Math.max(0, at - 8), at)).slice(-4).join("");
  const after = whole(line.slice(at + length, at + length + 8)).slice(0, 4).join("");
  return `${before}${line.slice(at, at + length)}${after}`;
}

/**
 * Characters that XML 1.0 cannot carry, nor HTML without a parse error: C0 controls but tab and line feed, DEL, C1
 * controls, the noncharacters, and half of a surrogate pair standing alone (only a YAML escape can write one: a
 * file's bytes are UTF-8). No editor types them on purpose: they come from pasted text and old systems.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]/gu;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, "u");

/**
 * `text` without the characters no page, feed or sitemap can carry, and a warning for each (its line and column
 * in `text`, which starts at line `firstLine`): the editor learns of it, and every output stays well-formed.
 */
export function invisibleCharacters(text: string, firstLine = 1): { text: string; found: TextWarning[] } {
  if (!ANY_INVISIBLE.test(text)) return { text, found: [] };
  const found: TextWarning[] = [];
  text.split("\n").forEach((lineText, i) => {
    let counted = 0;
    let column = 1;
    for (const m of lineText.matchAll(INVISIBLE)) {
      column += codePoints(lineText, counted, m.index!);
      counted = m.index!;
      const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      found.push({
        kind: "control", line: firstLine + i, column, span: m[0],
        message: `看不見的控制字元 ${code}，已刪掉（網頁和訂閱都不能含有它）(an invisible control character ${code} was removed: no page or feed can carry it)`,
      });
    }
  });
  return { text: text.replace(INVISIBLE, ""), found };
}
