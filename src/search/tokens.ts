/**
 * Words for the search index and for queries, cut the same way on both sides. Pagefind segments Chinese with
 * jieba when indexing but with the browser's Intl.Segmenter when searching, and the two disagree (Pagefind issues
 * #987 and #1237: 葫蘆島 or 調兵山 can miss entirely). So Broadsheet cuts the text itself: every Chinese
 * character and every pair of neighbouring characters is a word (the bigram scheme of CJK search engines), Latin
 * words and numbers stay whole. Chinese words are handed to Pagefind as digits (each character's code point in
 * five digits), so no segmenter or stemmer on either side can cut them again; a character's word is a prefix of
 * the words of the pairs it starts, which Pagefind's prefix matching turns into "contains this character".
 */
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
const IS_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A Chinese word as Pagefind sees it: five digits per character (U+3400 to U+FAFF are 13312 to 64255). */
export function encodeWord(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) out += String(word.charCodeAt(i)).padStart(5, "0");
  return out;
}

/** Index words of normalised text: characters, bigrams and Latin words. */
export function indexTokens(normalized: string): string {
  const out: string[] = [];
  for (const run of normalized.match(RUN) ?? []) {
    if (!IS_CJK.test(run)) {
      out.push(run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      out.push(encodeWord(run[i]!));
      if (i + 1 < run.length) out.push(encodeWord(run.slice(i, i + 2)));
    }
  }
  return out.join(" ");
}

/** Query words of a normalised query: a lone character as itself, longer runs as their bigrams. */
export function queryTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.match(RUN) ?? []) {
    if (!IS_CJK.test(run)) {
      out.push(run);
      continue;
    }
    if (run.length === 1) out.push(encodeWord(run));
    for (let i = 0; i + 1 < run.length; i++) out.push(encodeWord(run.slice(i, i + 2)));
  }
  return [...new Set(out)];
}

/** The runs of a query as typed (normalised), for highlighting whole matches in excerpts. */
export function queryRuns(normalized: string): string[] {
  return [...new Set(normalized.match(RUN) ?? [])].sort((a, b) => b.length - a.length);
}
