/**
 * Decoding a legacy page: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030/GBK or
 * Big5, whichever reads as more ordinary Chinese. Each legacy decoding of the other's bytes still yields
 * characters, so the choice is made by how many of the text's characters are common ones.
 */
import { COMMON_HAN } from "./common-han.ts";

export type LegacyEncoding = "UTF-8" | "GB18030" | "Big5";

export interface Decoded {
  text: string;
  encoding: LegacyEncoding;
}

const CANDIDATES: [LegacyEncoding, string][] = [["GB18030", "gb18030"], ["Big5", "big5"]];

export function decodeLegacy(bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "UTF-8" };
  } catch {
    // Not UTF-8: try the legacy Chinese encodings.
  }
  let best: Decoded & { score: number } = { text: "", encoding: "GB18030", score: -Infinity };
  for (const [encoding, label] of CANDIDATES) {
    const text = new TextDecoder(label).decode(bytes);
    const score = commonness(text);
    if (score > best.score) best = { text, encoding, score };
  }
  return { text: best.text.replace(/^\uFEFF/, ""), encoding: best.encoding };
}

/** Common characters minus lost ones (U+FFFD) and private-use ones, per character of Chinese text. */
function commonness(text: string): number {
  let common = 0;
  let bad = 0;
  let han = 0;
  for (const char of text) {
    if (char === "\uFFFD" || (char >= "\uE000" && char <= "\uF8FF")) bad++;
    else if (char >= "\u3400" && char <= "\u9fff") {
      han++;
      if (COMMON_HAN.has(char)) common++;
    }
  }
  return han === 0 ? -bad : (common - 5 * bad) / han;
}
