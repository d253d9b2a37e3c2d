/**
 * Synthetic articles for benchmarks and tests, spread over the sample channels, dates from 2016 on (some without an
 * offset, some with), tags and both scripts. Two corpora: `seed`, sentences of the Benxi report recombined (small,
 * for tests), and `news`, a news-sized vocabulary and long articles (bench/news-corpus.ts; the bench's default).
 * Deterministic for a given count, seed and corpus, so two runs build the same portal.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createScriptConverter } from "../src/scripts/convert.ts";
import { newsBody, newsVocabulary, type NewsVocabulary } from "./news-corpus.ts";

export type Corpus = "seed" | "news";

const SENTENCES = [
  "省委常委、政法委書記于天敏來到本溪市，就市域社會治理現代化工作進行專題調研。",
  "于天敏先后走進本溪市明山區新明街道程家社區和本溪市公安局明山分局明山派出所。",
  "勉勵社會工作者要以黨建為引領，發揮好基層黨組織的戰斗堡壘作用和基層黨員的先鋒模范作用。",
  "要針對群眾的實際需求創新載體，通過多種方式向群眾講解關于識別非法集資、吸販毒品危害等相關知識。",
  "要團結好基層政法力量，發動好志愿者等社會團體，及時排查化解社會矛盾糾紛，加大源頭治理力度。",
  "要求公安機關把警力下沉到基層，下沉到群眾中去，真正做到察民情、聽民意、解民憂。",
  "本溪市是全省市域社會治理現代化工作試點城市之一，將其作為“一把手”工程加以推進。",
  "依托平安本溪建設領導小組機制，組建了市域社會治理綜合指揮中心和十個專項組。",
  "聽取了本溪市市域社會治理現代化試點工作匯報，與部分市直政法機關主要負責同志進行了面對面交流。",
  "要全面分析、準確把握社會治理新形勢、新任務，找準找實社會治理中的難點、堵點和痛點。",
  "把“以人民為中心”理念落實到具體工作中，以推動基層社會治理為重點，開展一系列平安創建活動。",
  "积极探索和打造具有地方特色的市域社会治理品牌，推动平安建设走深走实。",
];
// Cities only: the search tests plant articles about 調兵山, 葫蘆島 興城 and 渾南區, which must stay distinctive.
const PLACES = ["本溪", "瀋陽", "大連", "鞍山", "撫順", "丹東", "錦州", "營口", "阜新", "遼陽", "鐵嶺", "朝陽", "盤錦"];
const TOPICS = ["市域社會治理", "平安建設", "掃黑除惡", "法治宣傳", "矛盾糾紛化解", "基層治理", "政法隊伍建設", "智慧政法"];
const CHANNELS = ["政法要聞", "市域治理", "平安建設", "法治宣傳", "基層動態"];
const SOURCES = ["遼寧法制報", "遼寧長安網", "遼寧日報", "本溪日報"];

/** A small deterministic generator (mulberry32), so generated content is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle {
  /** Path relative to the project root. */
  file: string;
  slug: string;
  title: string;
  channel: string;
  /** Local time as written (Asia/Shanghai). */
  date: string;
  lang: "zh-Hant" | "zh-Hans";
  text: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function generateArticles(count: number, seed = 1, corpus: Corpus = "seed"): GeneratedArticle[] {
  const next = random(seed);
  const news: NewsVocabulary | undefined = corpus === "news" ? newsVocabulary(next) : undefined;
  const converter = createScriptConverter(["于天敏"]);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const articles: GeneratedArticle[] = [];
  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const topic = pick(TOPICS);
    const channel = CHANNELS[i % CHANNELS.length]!;
    // Wall-clock time in Shanghai; computed in UTC arithmetic so the machine's zone never matters.
    const t = new Date(start + Math.floor(next() * span / 60000) * 60000);
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    const slug = `gen-${String(i + 1).padStart(6, "0")}`;
    // One article in ten is written in 简体, as syndicated copy arrives.
    const hans = next() < 0.1;
    const script = (text: string) => (hans ? converter.convert(text, "zh-Hant", "zh-Hans") : text);
    const title = script(news
      ? `${news.place()}${Array.from({ length: 2 + Math.floor(next() * 3) }, () => news.word()).join("")}（${i + 1}）`
      : `${place}推進${topic}工作紀實（${i + 1}）`);
    const paragraphs = news
      ? newsBody(news, next, news.length()).map(script)
      : Array.from({ length: 4 + Math.floor(next() * 4) }, () =>
        script(Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SENTENCES)).join("").replace(/本溪/g, place)));
    const tags = news ? [news.topic(), news.topic()] : [place, topic];
    const year = date.slice(0, 4);
    const month = date.slice(5, 7);
    const fm = [
      "---",
      `title: ${title}`,
      // Every fourth article carries an explicit offset; the rest are Shanghai wall-clock time.
      `date: ${i % 4 === 3 ? `${date.replace(" ", "T")}:00+08:00` : date}`,
      `source: ${news ? news.source() : pick(SOURCES)}`,
      `author: 記者 ${news ? news.reporter() : pick(["王明", "李華", "張偉", "劉洋", "陳靜", "白國軍"])}`,
      `channel: ${channel}`,
      `tags: [${[...new Set(tags.map(script))].join(", ")}]`,
      ...(hans ? ["lang: zh-Hans"] : []),
      "---",
      "",
    ];
    articles.push({
      file: `content/articles/${year}/${month}/${slug}.md`,
      slug, title, channel, date, lang: hans ? "zh-Hans" : "zh-Hant",
      text: `${fm.join("\n")}${paragraphs.join("\n\n")}\n`,
    });
  }
  return articles;
}

export async function writeArticles(root: string, articles: readonly GeneratedArticle[]): Promise<void> {
  const dirs = new Set(articles.map((a) => path.dirname(path.join(root, a.file))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (let i = 0; i < articles.length; i += 256) {
    await Promise.all(articles.slice(i, i + 256).map((a) => writeFile(path.join(root, a.file), a.text)));
  }
}
