import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { scanText } from "../../src/content/text-warnings.ts";
import { decodeLegacy } from "../../src/importer/decode.ts";
import { extractFromHtml, extractFromText, metaFields } from "../../src/importer/extract.ts";
import { normaliseDate } from "../../src/importer/import.ts";
import { fullWidthPunctuation, repairCertain } from "../../src/importer/repair.ts";

/** The text with every certain repair made (the pinyin notes deleted among them), as the importer reads it. */
const repaired = (text: string) => repairCertain(text).text;
import { REPO } from "../helpers/project.ts";

const SEED = readFileSync(path.join(REPO, "tests/fixtures/benxi-2020-07-16.txt"), "utf8");

describe("decodeLegacy", () => {
  it("reads UTF-8 (with or without BOM), GB18030 and Big5, and says which", () => {
    const sample = "于天敏赴本溪市調研市域社會治理現代化工作。來源：遼寧法制報";
    assert.deepEqual(decodeLegacy(Buffer.from(`\uFEFF${sample}`)), { text: sample, encoding: "UTF-8" });
    assert.deepEqual(decodeLegacy(iconv.encode(sample, "gb18030")), { text: sample, encoding: "GB18030" });
    assert.deepEqual(decodeLegacy(iconv.encode(sample, "big5")), { text: sample, encoding: "Big5" });
    const simplified = "于天敏赴本溪市调研市域社会治理现代化工作，推动基层社会治理";
    assert.equal(decodeLegacy(iconv.encode(simplified, "gbk")).encoding, "GB18030");
  });
});

describe("repairs", () => {
  it("removes a converter's pinyin notes, and only those", () => {
    assert.equal(repaired("遼寧長安網(wǎng) 主辦(zhǔ bàn)? 會(huì)議(2020)"), "遼寧長安網 主辦(zhǔ bàn)? 會議(2020)");
  });
  it("makes half-width punctuation in Chinese text full-width, but not times or wedged ?", () => {
    assert.equal(fullWidthPunctuation("7月15日,省委;要:好? 08:45 本報訊?7月"), "7月15日，省委；要：好？ 08:45 本報訊?7月");
  });
  it("normalises the dates legacy pages print", () => {
    assert.equal(normaliseDate(" 2020-07-16 08:45"), "2020-07-16 08:45");
    assert.equal(normaliseDate("2021年3月8日 9:30"), "2021-03-08 09:30");
    assert.equal(normaliseDate("2019/12/01"), "2019-12-01");
    assert.equal(normaliseDate("2018.06.05 10:20:30"), "2018-06-05 10:20:30");
    assert.equal(normaliseDate("昨天"), undefined);
  });
});

describe("extract", () => {
  it("finds the seed's headline, meta line, 主辦/承辦 and seven paragraphs, dropping the page chrome", () => {
    const found = extractFromText(repaired(SEED));
    assert.equal(found.title, "于天敏赴本溪市調研市域社會治理現代化工作");
    assert.equal(found.source, "遼寧法制報");
    assert.equal(found.author, "駐省委政法委首席記者 白國軍");
    assert.equal(normaliseDate(found.date!), "2020-07-16 08:45");
    assert.equal(found.sponsor, "中共遼寧省委政法委員會");
    assert.equal(found.organizer, "遼寧法治報");
    assert.equal(found.paragraphs.length, 7);
    assert.ok(!found.paragraphs.some((p) => p.includes("歡迎來到")));
  });
  it("reads meta lines in their variants", () => {
    assert.deepEqual(metaFields("来源：新华社　作者：张三　发布时间：2021-01-02"), { source: "新华社", author: "张三", date: "2021-01-02" });
    assert.deepEqual(metaFields("稿源: 人民網 | 日期:2020/1/2 | 責任編輯：李四"), { source: "人民網", date: "2020/1/2", editor: "李四" });
  });
  it("reads an HTML article page: heading, meta, paragraphs; no scripts, navigation or footer", () => {
    const found = extractFromHtml(readFileSync(path.join(REPO, "tests/fixtures/legacy-article.html"), "utf8"));
    assert.equal(found.title, "葫芦岛市兴城市开展矛盾纠纷排查化解专项行动");
    assert.equal(found.source, "葫芦岛日报");
    assert.equal(found.author, "记者 陈静");
    assert.equal(normaliseDate(found.date!), "2021-03-08 09:30");
    assert.equal(found.editor, "王明");
    assert.equal(found.paragraphs.length, 3);
    assert.ok(found.paragraphs.every((p) => !/alert|版权所有|首页|政法要闻/.test(p)));
  });
});

describe("text warnings", () => {
  const kinds = (text: string) => scanText(text).map((w) => `${w.kind}@${w.line}:${w.column}`);
  it("finds each kind with its line and column", () => {
    assert.deepEqual(kinds("遼寧長安網(wǎng)"), ["pinyin@1:6"]);
    assert.deepEqual(kinds("第一行\n丟了\uFFFD字"), ["replacement@2:3"]);
    assert.deepEqual(kinds("魧\uE029鞠"), ["private-use@1:2"]);
    assert.deepEqual(kinds("本報訊?7月"), ["wedged@1:4"]);
    assert.deepEqual(kinds("魧Ρ鞠"), ["mojibake@1:2"]);
    assert.deepEqual(kinds("7月15日,省委"), ["half-width@1:6"]);
  });
  it("leaves clean Chinese text, times and Latin text alone", () => {
    assert.deepEqual(kinds("本報訊　7月15日，省委常委於08:45到達。Hello, world: ok? yes!"), []);
  });
  it("quotes the span with its surroundings", () => {
    assert.match(scanText("與部分市直政法機關交流?!包h委政府")[0]!.message, /"機關交流\?!包h委政"$/);
  });
});

describe("legacy pages that ran on", () => {
  it("ends a byline where an unlabelled date starts, and never takes the article as a field", () => {
    const body = "<p>本報訊　7月15日，省委常委、政法委書記于天敏來到本溪市。</p><p>第二段。</p>";
    const html = extractFromHtml(`<html><body><h1>標題</h1><div>作者：白國軍　2020-07-16 08:45</div>${body}</body></html>`);
    assert.equal(html.author, "白國軍");
    assert.equal(html.date, "2020-07-16 08:45");
    const bare = extractFromHtml(`<html><body><h1>標題</h1>作者：白國軍 發布時間：2020-07-16 08:45${body}</body></html>`);
    assert.equal(bare.author, "白國軍");
    assert.equal(bare.date, "2020-07-16 08:45");
    const text = extractFromText("標題\n作者：駐省委政法委首席記者 白國軍 2020-07-16 08:45\n正文第一段。");
    assert.equal(text.author, "駐省委政法委首席記者 白國軍");
    assert.equal(text.date, "2020-07-16 08:45");
  });

  it("gives columns on a page exported as one long line, counting characters beyond the BMP as one", () => {
    const line = "𠀋".repeat(3) + "網(wǎng)" + "字".repeat(5000) + "網(wǎng)";
    const warnings = scanText(line).filter((w) => w.kind === "pinyin");
    assert.deepEqual(warnings.map((w) => w.column), [5, 5012]);
    assert.match(warnings[0]!.message, /"𠀋𠀋𠀋網\(wǎng\)字字字字"$/);
  });
});
