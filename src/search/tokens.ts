/**
 * Words for the search index and for queries, cut the same way on both sides.
 *
 * Pagefind segments Chinese with jieba when indexing but with the browser's Intl.Segmenter when searching, and the
 * two disagree (Pagefind issues #987 and #1237: 葫蘆島 or 調兵山 can miss entirely). So Broadsheet cuts the text
 * itself: every pair of neighbouring characters is a word (the bigram scheme of CJK search engines), and so is the
 * last character of a run; Latin words and numbers stay whole. Chinese words reach Pagefind as three base-36 letters
 * per character, in a language without a stemmer, so nothing on either side can cut or stem them again.
 *
 * A lone character is not indexed as a word of its own: every place of a character starts a pair or ends a run, so
 * a search for one character looks it up as a prefix (Pagefind matches a word by the words it starts), and the
 * word directory lists it (`directory`). That is one word a character instead of two: Pagefind's time and memory
 * follow the words it indexes.
 *
 * Title words are also indexed with a `t` after them, characters and pairs both, so a search can tell which articles
 * carry the query in their headline and list those first. (After, not before: Pagefind stores words in sorted
 * chunks, and a title word then sits in the same chunk as its plain word, so a query downloads no extra chunk for it.)
 */
const CJK_FIRST = 0x3400;
const RUN = /[\u3400-\u9fff]+|[a-z0-9]+/g;
const IS_CJK = /^[\u3400-\u9fff]/;
export const TITLE_MARK = "t";
/**
 * Before every Latin word or number: a character's letters never start with `z` (the last character, U+9FFF, is
 * `lbz`), so a lone character looked up as a prefix can never match a Latin word (樽 is `app`; `apple` is `zapple`).
 */
const LATIN_MARK = "z";

/** Each character's three letters, made once (a cache of a pure function: indexing cuts millions of characters). */
const CODES: string[] = [];
function code(charCode: number): string {
  const at = charCode - CJK_FIRST;
  return (CODES[at] ??= at.toString(36).padStart(3, "0"));
}

/** Three base-36 letters per character (U+3400 to U+9FFF fit in 36³). */
export function encodeWord(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) out += code(word.charCodeAt(i));
  return out;
}

/** A run's pairs and its last character. */
function cjkWords(run: string, out: string[]): void {
  let previous = code(run.charCodeAt(0));
  for (let i = 1; i < run.length; i++) {
    const current = code(run.charCodeAt(i));
    out.push(previous + current);
    previous = current;
  }
  out.push(previous);
}

/** A title run's marked words: every character and every pair. */
function titleWords(run: string, out: string[]): void {
  for (let i = 0; i < run.length; i++) {
    out.push(code(run.charCodeAt(i)) + TITLE_MARK);
    if (i + 1 < run.length) out.push(code(run.charCodeAt(i)) + code(run.charCodeAt(i + 1)) + TITLE_MARK);
  }
}

export interface IndexTokenOptions {
  /** Also the marked title words. */
  title?: boolean;
  /** Collects every word made and every character of the text (encoded), for the word directory. */
  directory?: Set<string>;
}

/** Index words of normalised text: pairs, run-final characters and Latin words; `title` adds the marked title words. */
export function indexTokens(normalized: string, options: IndexTokenOptions = {}): string {
  const out: string[] = [];
  for (const run of normalized.match(RUN) ?? []) {
    if (!IS_CJK.test(run)) {
      out.push(LATIN_MARK + run);
      if (options.title) out.push(LATIN_MARK + run + TITLE_MARK);
      continue;
    }
    cjkWords(run, out);
    if (options.title) titleWords(run, out);
    if (options.directory) for (let i = 0; i < run.length; i++) options.directory.add(code(run.charCodeAt(i)));
  }
  if (options.directory) for (const word of out) options.directory.add(word);
  return out.join(" ");
}

export interface QueryWords {
  /** Words that must all be in an article (a lone character as itself, longer runs as their bigrams). */
  required: string[];
  /** The same words as title words. */
  title: string[];
}

/**
 * Whether a plain query word is a lone character, looked up as a prefix rather than as a whole word (see above): the
 * only plain word of three letters, since pairs have six and Latin words start with LATIN_MARK.
 */
export function isLoneCharacter(word: string): boolean {
  return word.length === 3 && !word.startsWith(LATIN_MARK);
}

/**
 * Query words: a lone character as itself, a longer run as bigrams that cover it without overlapping (AB CD DE
 * for ABCDE). Overlapping bigrams would add no articles but double the index chunks a long query downloads.
 */
export function queryWords(normalized: string): QueryWords {
  const required: string[] = [];
  for (const run of normalized.match(RUN) ?? []) {
    if (!IS_CJK.test(run)) required.push(LATIN_MARK + run);
    else if (run.length === 1) required.push(encodeWord(run));
    else {
      for (let i = 0; i + 1 < run.length; i += 2) required.push(encodeWord(run.slice(i, i + 2)));
      if (run.length % 2 === 1) required.push(encodeWord(run.slice(-2)));
    }
  }
  const unique = [...new Set(required)];
  return { required: unique, title: unique.map((w) => w + TITLE_MARK) };
}

/** The runs of a query (normalised) in the order typed, and whether each is a run of Chinese characters. */
export function queryRunsInOrder(normalized: string): { run: string; chinese: boolean }[] {
  return (normalized.match(RUN) ?? []).map((run) => ({ run, chinese: IS_CJK.test(run) }));
}

/** The runs of a query as typed (normalised), longest first, for marking matches in excerpts. */
export function queryRuns(normalized: string): string[] {
  return [...new Set(normalized.match(RUN) ?? [])].sort((a, b) => b.length - a.length);
}

/** Cuts a run of Chinese into words (the browser's Intl.Segmenter; tests pass the same). */
export type Segment = (run: string) => string[];

export interface SegmentedQuery {
  /** Words an article must all hold, wherever they stand: each word of the query as its own (covering) bigrams. */
  required: string[];
  /** The words of each segmented query word, in query order, for measuring how close they stand. */
  groups: string[][];
}

/**
 * A query typed as one run (于天敏調研) is words, not a phrase: readers type no spaces. Each segment is cut like a
 * run of its own, so an article holding 于天敏 and 調研 apart matches, which the phrase's bigram 敏調 would not.
 */
export function segmentedQuery(normalized: string, segment: Segment): SegmentedQuery {
  const groups: string[][] = [];
  for (const run of normalized.match(RUN) ?? []) {
    const parts = IS_CJK.test(run) ? segment(run).filter((w) => IS_CJK.test(w)) : [run];
    for (const part of parts) groups.push(queryWords(part).required);
  }
  return { required: [...new Set(groups.flat())], groups };
}

/** The browser's segmenter for Chinese words; falls back to one word per run where there is none. */
export function wordSegmenter(): Segment {
  if (typeof Intl === "undefined" || !("Segmenter" in Intl)) return (run) => [run];
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  return (run) => [...segmenter.segment(run)].map((s) => s.segment);
}

/**
 * Ways to read a run typed without spaces as two or three words of at least two characters each (于天敏|調研), two
 * words first. Runs shorter than four or longer than twelve characters are not split.
 */
export function runSplits(run: string): string[][] {
  const n = run.length;
  if (n < 4 || n > 12) return [];
  const splits: string[][] = [];
  for (let i = 2; i <= n - 2; i++) splits.push([run.slice(0, i), run.slice(i)]);
  for (let i = 2; i <= n - 4; i++) {
    for (let j = i + 2; j <= n - 2; j++) splits.push([run.slice(0, i), run.slice(i, j), run.slice(j)]);
  }
  return splits;
}
