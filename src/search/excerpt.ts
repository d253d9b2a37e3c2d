/**
 * The excerpt under a search result: a window of the article's own text around the first match, with every match
 * marked. Matches are found in the normalised text, which lines up character for character with the original
 * (src/search/normalize.ts), so the excerpt shows the article's own script.
 */
import type { Normalizer } from "./normalize.ts";

export interface ExcerptPart {
  text: string;
  match: boolean;
}

export function excerpt(original: string, runs: readonly string[], normalize: Normalizer, width = 90): ExcerptPart[] {
  const text = original.replace(/\s+/g, " ").trim();
  const normalized = normalize(text);
  // Longest query runs first; if none occurs whole, fall back to its bigrams.
  const needles = runs.length > 0 ? [...runs] : [];
  for (const run of runs) for (let i = 0; i + 1 < run.length; i++) needles.push(run.slice(i, i + 2));
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = normalized.indexOf(needle); at !== -1; at = normalized.indexOf(needle, at + needle.length)) {
      if (!ranges.some(([s, e]) => at < e && at + needle.length > s)) ranges.push([at, at + needle.length]);
    }
    if (ranges.length > 0 && runs.includes(needle)) break;
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  const end = Math.min(text.length, start + width);
  const parts: ExcerptPart[] = [];
  let cursor = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    if (from > cursor) parts.push({ text: text.slice(cursor, from), match: false });
    parts.push({ text: text.slice(from, Math.min(e, end)), match: true });
    cursor = Math.min(e, end);
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < text.length) parts.push({ text: "…", match: false });
  return parts;
}
