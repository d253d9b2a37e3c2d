import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { Article } from "../../src/content/article.ts";
import { searchCharTable } from "../../src/search/char-table.ts";
import { excerpt } from "../../src/search/excerpt.ts";
import { createNormalizer } from "../../src/search/normalize.ts";
import { recordSource, withWords } from "../../src/search/records.ts";
import { shardFolders } from "../../src/search/shards.ts";
import { closeness } from "../../src/search/rank.ts";
import { encodeWord, indexTokens, isLoneCharacter, queryRuns, queryWords, runSplits, segmentedQuery } from "../../src/search/tokens.ts";

const normalize = createNormalizer(searchCharTable());

describe("search normalisation", () => {
  it("makes a 繁體 and a 简体 query the same query", () => {
    for (const [hant, hans] of [["調兵山", "调兵山"], ["葫蘆島 興城", "葫芦岛 兴城"], ["渾南區", "浑南区"], ["于天敏", "于天敏"],
      ["于天敏赴本溪市調研市域社會治理現代化工作", "于天敏赴本溪市调研市域社会治理现代化工作"]]) {
      assert.equal(normalize(hant!), normalize(hans!));
      assert.deepEqual(queryWords(normalize(hant!)), queryWords(normalize(hans!)));
    }
  });
  it("never changes a text's length, and folds full-width Latin and case", () => {
    const text = "遼寧長安網 ＡＢＣ Xyz 2020年";
    assert.equal(normalize(text).length, text.length);
    assert.equal(normalize("ＡＢＣ Xyz"), "abc xyz");
  });
  it("sends a small table: one-to-one BMP pairs only", () => {
    const table = searchCharTable();
    assert.equal(table.from.length, table.to.length);
    assert.ok(table.from.length > 2500 && table.from.length < 4000, `${table.from.length} pairs`);
  });
});

describe("search words", () => {
  it("cuts pairs and run-final characters into base-36 words Pagefind cannot re-segment", () => {
    const [diao, bing, shan] = ["调", "兵", "山"].map(encodeWord) as [string, string, string];
    assert.equal(diao, (0x8c03 - 0x3400).toString(36));
    assert.equal(encodeWord("调兵"), diao + bing);
    const directory = new Set<string>();
    assert.equal(indexTokens("调兵山 x2 调", { directory }), `${diao}${bing} ${bing}${shan} ${shan} zx2 ${diao}`,
      "one word a character: each starts a pair or ends a run");
    assert.deepEqual([...directory].sort(), [diao, bing, shan, diao + bing, bing + shan, "zx2"].sort(),
      "every word and every character is collected for the directory");
    assert.equal(encodeWord("樽"), "app");
    assert.ok(!indexTokens("apple").startsWith("app"), "a Latin word never starts like a character (a lone character is a prefix)");
    assert.deepEqual(queryWords("covid 2020").required, ["zcovid", "z2020"]);
    assert.equal(indexTokens("兵山", { title: true }), `${bing}${shan} ${shan} ${bing}t ${bing}${shan}t ${shan}t`,
      "a title's marked words are its characters and its pairs");
    assert.deepEqual(queryWords("调兵山"), { required: [diao + bing, bing + shan], title: [`${diao}${bing}t`, `${bing}${shan}t`] });
    assert.deepEqual(queryWords("调兵山").required.filter(isLoneCharacter), [], "pairs are whole words");
    assert.deepEqual(queryWords("葫芦岛兴城").required, [encodeWord("葫芦"), encodeWord("岛兴"), encodeWord("兴城")],
      "bigrams cover a run without overlapping");
    assert.deepEqual(queryWords("于"), { required: [encodeWord("于")], title: [`${encodeWord("于")}t`] });
    assert.ok(isLoneCharacter(encodeWord("于")) && !isLoneCharacter(`${encodeWord("于")}t`),
      "a lone character is looked up as a prefix (its title word exactly)");
    assert.ok(!isLoneCharacter(queryWords("app").required[0]!), "a three-letter Latin word is a whole word");
    assert.deepEqual(queryWords("葫芦岛 兴城").required, [encodeWord("葫芦"), encodeWord("芦岛"), encodeWord("兴城")]);
    assert.deepEqual(queryRuns("兴城 葫芦岛"), ["葫芦岛", "兴城"]);
  });
});

describe("excerpt", () => {
  it("shows the article's own script around the first match, with matches marked", () => {
    const text = `${"前文".repeat(40)}調兵山市推進工作，調兵山${"後文".repeat(40)}`;
    const parts = excerpt(text, queryRuns(normalize("调兵山")), normalize, 40);
    assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ["調兵山", "調兵山"]);
    assert.equal(parts[0]!.text, "…");
    assert.ok(parts.map((p) => p.text).join("").includes("調兵山市推進工作"));
  });
  it("falls back to bigrams when the whole query is not in the text", () => {
    const parts = excerpt("本溪市和調兵山", queryRuns(normalize("本溪兵山")), normalize);
    assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ["本溪", "兵山"]);
  });
});

describe("search records and shards", () => {
  const article = {
    file: "x.md", slug: "x", title: "調兵山市", date: DateTime.fromISO("2021-02-03T04:05:00+08:00"), source: "遼寧法制報",
    author: "記者 白國軍", channel: { name: "政法要聞", slug: "news" }, sponsor: "s", tags: ["調兵山"], summary: "", lang: "zh-Hant",
    draft: false, body: () => ({ html: "", text: "正文" }), textLength: 2, digest: "x",
  } satisfies Article;
  it("indexes normalised words with the title weighted, and carries both scripts for display", () => {
    const record = withWords(recordSource({
      article, titles: { "zh-Hant": "調兵山市", "zh-Hans": "调兵山市" }, urls: { "zh-Hant": "/articles/x/", "zh-Hans": "/hans/articles/x/" },
      channels: { "zh-Hant": "政法要聞", "zh-Hans": "政法要闻" }, tags: ["調兵山"],
      bylines: { "zh-Hant": "記者 白國軍", "zh-Hans": "记者 白国军" }, sources: { "zh-Hant": "遼寧法制報", "zh-Hans": "辽宁法制报" },
    }, "Asia/Shanghai"), normalize);
    assert.equal(record.url, "/articles/x/");
    assert.ok(record.content.includes(`${encodeWord("调兵")}t`), "title words are marked");
    assert.ok(record.content.includes(encodeWord("正文")));
    assert.deepEqual(record.filters, { channel: ["news"], year: ["2021"], source: ["遼寧法制報"], tag: ["調兵山"] });
    assert.equal(record.sort.date, "2021-02-03T04:05:00+08:00");
    assert.equal(record.meta.title_hans, "调兵山市");
    assert.equal(record.meta.text, "正文");
    assert.ok(record.content.includes(encodeWord("白国")) && record.content.includes(encodeWord("法制")), "byline and source are searchable");
    assert.equal(record.meta.author_hans, "记者 白国军");
    assert.equal(record.meta.source_hans, "辽宁法制报");
  });
  it("cuts shards from the oldest, so old shards keep their articles, each named after its first", () => {
    assert.deepEqual(shardFolders(0, 2).map((f) => f.path), ["pagefind/shard-0/"]);
    assert.deepEqual(shardFolders(5, 2).map((f) => f.path), ["pagefind/shard-0/", "pagefind/shard-2/", "pagefind/shard-4/"]);
  });
  it("halves a shard whose articles are too long for one Pagefind process, and only that shard", () => {
    const weights = new Array<number>(40).fill(100);
    const plain = shardFolders(weights, 16, 10_000).map((f) => [f.start, f.count]);
    assert.deepEqual(plain, [[0, 16], [16, 16], [32, 8]]);
    // Articles 16 to 31 grow: their shard is cut in two, then four; the shards around it keep their records and names.
    for (let i = 16; i < 32; i++) weights[i] = 1000;
    const split = shardFolders(weights, 16, 10_000);
    assert.deepEqual(split.map((f) => [f.start, f.count]), [[0, 16], [16, 8], [24, 8], [32, 8]]);
    for (let i = 16; i < 32; i++) weights[i] = 2000;
    assert.deepEqual(shardFolders(weights, 16, 10_000).map((f) => f.name), ["shard-0", "shard-16", "shard-20", "shard-24", "shard-28", "shard-32"]);
    // One article heavier than a shard is a shard of its own.
    assert.deepEqual(shardFolders([50_000], 16, 10_000).map((f) => f.count), [1]);
  });
  it("cuts the newest articles into pieces of binary sizes, so publishing re-indexes a small piece", () => {
    const ranges = (n: number) => shardFolders(n, 160).map((f) => [f.start, f.count]);
    assert.deepEqual(ranges(0), [[0, 0]]);
    assert.deepEqual(ranges(160), [[0, 160]]);
    // 160 whole, then 28 units of 5 (16 + 8 + 4), then the rest.
    assert.deepEqual(ranges(303), [[0, 160], [160, 80], [240, 40], [280, 20], [300, 3]]);
    // One more article changes only the last piece; the shards before it keep their records.
    assert.deepEqual(ranges(304).slice(0, -1), ranges(303).slice(0, -1));
    // A completed unit merges pieces: 1 unit and the rest become 2 units.
    assert.deepEqual(ranges(169), [[0, 160], [160, 5], [165, 4]]);
    assert.deepEqual(ranges(170), [[0, 160], [160, 10]]);
    assert.deepEqual(ranges(320), [[0, 160], [160, 160]]);
    for (let n = 0; n < 700; n++) {
      const r = ranges(n);
      assert.equal(r.reduce((sum, [, c]) => sum + c, 0), n, `all ${n} records are in a shard`);
      assert.ok(r.length <= Math.floor(n / 160) + 6, `${n}: at most six pieces after the whole shards`);
      assert.ok(r.at(-1)![1]! <= 160 / 32 || r.length === Math.floor(n / 160) + 1 || n % 5 === 0, `${n}: the newest piece is smaller than a unit`);
    }
  });
});

describe("queries typed without spaces", () => {
  it("are words wherever they stand, not one phrase", () => {
    const split = (run: string) => (run === "于天敏调研" ? ["于天敏", "调研"] : [run]);
    const query = segmentedQuery(normalize("于天敏調研"), split);
    assert.deepEqual(query.groups, [[encodeWord("于天"), encodeWord("天敏")], [encodeWord("调研")]]);
    assert.ok(!query.required.includes(encodeWord("敏调")), "no bigram across the two words");
    // A segmenter that knows no word gives characters, which still find every article holding them all.
    const chars = segmentedQuery("白国军", (run) => [...run]);
    assert.deepEqual(chars.required, ["白", "国", "军"].map(encodeWord));
    assert.deepEqual(chars.required.filter(isLoneCharacter), chars.required, "lone characters are prefixes");
    assert.deepEqual(query.required.filter(isLoneCharacter), []);
  });

  it("can be read as two or three words of two characters or more, two words first", () => {
    assert.deepEqual(runSplits("于天敏調研").slice(0, 2), [["于天", "敏調研"], ["于天敏", "調研"]]);
    assert.deepEqual(runSplits("于天敏調研").length, 2, "five characters cannot make three words of two");
    assert.deepEqual(runSplits("鴨綠江誓師大會").at(-1), ["鴨綠江", "誓師", "大會"]);
    assert.deepEqual(runSplits("調兵山"), [], "a short run is one word");
  });

  it("rank by how close the words stand", () => {
    assert.equal(closeness([[3, 40]]), 0, "one word");
    assert.equal(closeness([[1, 50], [48, 90]]), 2);
    assert.equal(closeness([[1, 50], [48, 90], [10, 52]]), 4);
    assert.equal(closeness([[1], []]), Infinity);
  });
});
