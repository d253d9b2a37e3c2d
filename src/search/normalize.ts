/**
 * Search text normalisation, shared by the index (Node) and the query (browser): traditional characters to
 * simplified, CJK compatibility ideographs to their unified forms, full-width ASCII to half-width, Latin letters
 * to lower case, all one character for one character.
 * Index and query pass through the same function, so a query in 繁體 or 简体 is the same query, and its matches
 * line up character for character with the article's own text (for excerpts).
 *
 * The table is OpenCC's character table (TSCharacters, via opencc-js), not its phrase tables: phrases could change
 * a text's length, and the character table alone is small enough to send to the browser.
 */
export interface CharTable {
  /** Traditional characters, one UTF-16 unit each. */
  from: string;
  /** Their simplified forms, at the same positions. */
  to: string;
}

export type Normalizer = (text: string) => string;

export function createNormalizer(table: CharTable): Normalizer {
  const map = new Map<number, string>();
  for (let i = 0; i < table.from.length; i++) map.set(table.from.charCodeAt(i), table.to[i]!);
  return (text) => {
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const mapped = map.get(code);
      if (mapped !== undefined) out += mapped;
      else if (code >= 0xf900 && code <= 0xfaff) out += text[i]!.normalize("NFKC");
      else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
      else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
      else out += text[i];
    }
    return out;
  };
}
