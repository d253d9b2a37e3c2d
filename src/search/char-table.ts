/**
 * The traditional→simplified character table for search, taken from opencc-js's OpenCC dictionaries at build
 * time. Only one-to-one pairs of BMP characters are kept, so normalising never changes a text's length.
 */
import * as OpenCC from "opencc-js";
import type { CharTable } from "./normalize.ts";

let cached: CharTable | undefined;

export function searchCharTable(): CharTable {
  if (cached) return cached;
  // Locale.to.cn is [[phrases, characters]]; the characters dictionary is "繁 简|繁 简|…".
  const groups = (OpenCC.Locale.to as unknown as Record<string, string[][]>).cn!;
  const characters = groups[0]![1]!;
  let from = "";
  let to = "";
  for (const pair of characters.split("|")) {
    const [source, target] = pair.split(" ");
    if (!source || !target || source.length !== 1 || target.length !== 1 || source === target) continue;
    from += source;
    to += target;
  }
  cached = { from, to };
  return cached;
}
