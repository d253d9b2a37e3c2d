/**
 * A news-sized corpus for the bench: articles whose vocabulary is as varied as a real archive's. Words are drawn with
 * Zipf weights from OpenCC's phrase dictionary (about 49,000 words in 繁體, in a seeded random order, so common and
 * rare words are spread over the alphabet), most of them within set phrases that recur, mixed with function words,
 * and with people and places from large generated pools (a long tail of names, as news has). Lengths follow a log-normal law: most articles are a few
 * hundred to two thousand characters, one in ten is over 5,000. Deterministic for a count and a seed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type Random = () => number;

const require = createRequire(import.meta.url);

/** The traditional side of OpenCC's simplified-to-traditional phrase list. */
function phraseWords(): string[] {
  // The package's exports map hides its dictionary files; find them beside its core module.
  const file = path.join(path.dirname(require.resolve("opencc-js/core")), "dict/STPhrases.js");
  const text = readFileSync(file, "utf8");
  const body = text.slice(text.indexOf('"') + 1, text.lastIndexOf('"'));
  return [...new Set(body.split("|").map((pair) => pair.split(" ")[1] ?? "").filter((w) => /^[\u3400-\u9fff]{2,6}$/.test(w)))];
}

const FUNCTION_WORDS = ["的", "了", "在", "和", "是", "對", "為", "將", "與", "等", "並", "要", "也", "把", "從", "向", "就", "都", "還", "中",
  "上", "以", "及", "其", "於", "被", "由", "通過", "進一步", "各級", "全面", "堅持", "加強", "推動", "工作", "發展"];
const SURNAMES = "王李張劉陳楊趙黃周吳徐孫胡朱高林何郭馬羅梁宋鄭謝韓唐馮于董蕭程曹袁鄧許傅沈曾彭呂蘇盧蔣蔡賈丁魏薛葉閻余潘杜戴夏鍾汪田任姜范方石姚譚廖鄒熊金陸郝孔白崔康毛邱秦江史顧侯邵孟龍萬段雷錢湯尹黎易常武喬賀賴龔文";
const PLACE_ENDS = ["市", "縣", "區", "鎮", "鄉", "村", "街道", "社區"];

/** Index of a weight in a cumulative table (binary search). */
function pickIndex(cumulative: Float64Array, r: number): number {
  const target = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sampler of `items` with Zipf weights 1 / (rank + 2)^s. */
function zipf<T>(items: readonly T[], s: number): (r: number) => T {
  const cumulative = new Float64Array(items.length);
  let sum = 0;
  for (let i = 0; i < items.length; i++) cumulative[i] = sum += 1 / Math.pow(i + 2, s);
  return (r) => items[pickIndex(cumulative, r)]!;
}

function shuffle<T>(items: T[], next: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface NewsVocabulary {
  word(): string;
  person(): string;
  place(): string;
  reporter(): string;
  source(): string;
  /** A common word, for tags. */
  topic(): string;
  /** A length in characters for an article's body. */
  length(): number;
}

export function newsVocabulary(next: Random): NewsVocabulary {
  const words = shuffle(phraseWords(), next);
  const chars = [...new Set(words.join(""))];
  const name = (min: number, max: number) => {
    const n = min + Math.floor(next() * (max - min + 1));
    return Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join("");
  };
  const people = Array.from({ length: 20000 }, () => SURNAMES[Math.floor(next() * SURNAMES.length)] + name(1, 2));
  const places = Array.from({ length: 4000 }, () => name(2, 3) + PLACE_ENDS[Math.floor(next() * PLACE_ENDS.length)]);
  const reporters = Array.from({ length: 300 }, () => SURNAMES[Math.floor(next() * SURNAMES.length)] + name(1, 2));
  const sources = Array.from({ length: 60 }, () => name(2, 2) + ["日報", "晚報", "法治報", "新聞網", "電視台", "政法委"][Math.floor(next() * 6)]);
  const single = zipf(words, 1.05);
  // News repeats itself: set phrases ("堅持以人民為中心") recur across articles, so most neighbours of a word are the
  // usual ones. A pool of phrases of two to five words, drawn with Zipf weights too, carries most of the text.
  const phrases = Array.from({ length: 12000 }, () => Array.from({ length: 2 + Math.floor(next() * 4) }, () => single(next())).join(""));
  const phrase = zipf(phrases, 1.0);
  const word = (r: number) => (r < 0.65 ? phrase(next()) : single(next()));
  const person = zipf(people, 0.9);
  const place = zipf(places, 0.9);
  const reporter = zipf(reporters, 0.8);
  const source = zipf(sources, 1.0);
  const topic = zipf(words.slice(0, 500), 1.0);
  return {
    word: () => (next() < 0.3 ? FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)]! : word(next())),
    person: () => person(next()),
    place: () => place(next()),
    reporter: () => reporter(next()),
    source: () => source(next()),
    topic: () => topic(next()),
    length: () => {
      // Log-normal: median 1,100 characters, one article in ten over 5,000; at most 20,000.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.min(20000, Math.max(120, Math.round(1100 * Math.exp(1.15 * normal))));
    },
  };
}

/** Paragraphs of about `length` characters: sentences of words, names and places. */
export function newsBody(vocabulary: NewsVocabulary, next: Random, length: number): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences: string[] = [];
    for (let s = 2 + Math.floor(next() * 4); s > 0; s--) {
      const parts: string[] = [];
      for (let w = 6 + Math.floor(next() * 14); w > 0; w--) {
        const r = next();
        parts.push(r < 0.06 ? vocabulary.person() : r < 0.11 ? vocabulary.place() : r < 0.13 ? String(Math.floor(next() * 2000)) : vocabulary.word());
        if (next() < 0.12) parts.push("，");
      }
      sentences.push(`${parts.join("").replace(/^，|，$/g, "")}${next() < 0.9 ? "。" : "！"}`);
    }
    const paragraph = sentences.join("");
    paragraphs.push(paragraph);
    total += paragraph.length;
  }
  return paragraphs;
}
