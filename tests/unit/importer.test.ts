import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { scanText } from "../../src/content/text-warnings.ts";
import { decodeLegacy } from "../../src/importer/decode.ts";
import { extractFromHtml, extractFromText, metaFields } from "../../src/importer/extract.ts";
import { normaliseDate, prepareArticle } from "../../src/importer/import.ts";
import { oldAddress, siteRoot, slugFromAddress } from "../../src/importer/mirror.ts";
import { siteSchema } from "../../src/content/site-config.ts";
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

describe("pages of CMSs the importer has not seen", () => {
  const SITE = siteSchema.parse({
    name: "遼寧長安網", sponsor: "中共遼寧省委政法委員會", baseUrl: "https://e.cn", channels: [{ name: "政法要聞", slug: "news" }],
  });
  const prepare = (html: string, file = "page.html") => prepareArticle(Buffer.from(html), { file, site: SITE, requireDate: true });
  const body = "<p>本報訊　全省政法系統深入推進市域社會治理現代化試點工作，各地結合實際創新載體，取得明顯成效。</p><p>第二段說明具體做法和下一步安排。</p>";

  it("finds a headline set in a styled <div> or in <title> beside the site's name", () => {
    const styled = extractFromHtml(`<html><head><title>遼寧長安網 - 全省推進市域治理試點</title></head><body><div class="title">全省推進市域治理試點</div><div>發布時間：2021-03-04 09:05</div>${body}</body></html>`);
    assert.equal(styled.title, "全省推進市域治理試點");
    const titled = extractFromHtml(`<html><head><title>遼寧長安網_全省推進市域治理試點工作</title></head><body><div>發布時間：2021-03-04</div>${body}</body></html>`);
    assert.equal(titled.title, "全省推進市域治理試點工作");
  });

  it("reads a date with no label, the first short line after the headline", () => {
    const page = extractFromHtml(`<html><body><h1>全省推進市域治理試點</h1><div class="time">[2021-03-04 09:05]</div>${body}<ul><li><a href="/x">舊聞</a> 2019-01-01</li></ul></body></html>`);
    assert.equal(page.date, "2021-03-04 09:05");
  });

  it("reads an article set in lines between <br>s, without <p>", () => {
    const page = extractFromHtml(`<html><body><h1>標題在這裡</h1><div>來源：遼寧法制報 日期：2021-03-04</div><div class="content">第一行正文內容。<br>第二行正文內容。<br/><br/>第三行。</div></body></html>`);
    assert.deepEqual(page.paragraphs, ["第一行正文內容。", "第二行正文內容。", "第三行。"]);
  });

  it("keeps an article with a long column of related links, and skips a list of links", () => {
    const related = Array.from({ length: 15 }, (_, i) => `<li><a href="/a/${i}.html">相關新聞標題第${i}篇</a></li>`).join("");
    const longBody = `<p>${"本報訊　全省政法系統深入推進市域社會治理現代化試點工作。".repeat(12)}</p>`;
    const article = prepare(`<html><body><h1>全省推進市域治理試點</h1><div>發布時間：2021-03-04 09:05 來源：遼寧法制報</div>${longBody}<ul>${related}</ul></body></html>`);
    assert.equal(article.title, "全省推進市域治理試點");
    assert.throws(() => prepare(`<html><body><h1>政法要聞</h1><div>發布時間：2021-03-04</div><ul>${related}</ul><p>共 15 條</p></body></html>`), /list page of 15 links/);
  });

  it("names articles from their old addresses, and finds the old site's root in a mirror", () => {
    assert.equal(oldAddress("www.x.gov.cn/article.php@id=42.html", "www.x.gov.cn/"), "/article.php?id=42");
    assert.equal(oldAddress("www.x.gov.cn/article.php?id=42.html", "www.x.gov.cn/"), "/article.php?id=42");
    assert.equal(oldAddress("www.x.gov.cn/zfyw/t20200716_1.html", "www.x.gov.cn/"), "/zfyw/t20200716_1.html");
    assert.equal(slugFromAddress("/zfyw/202007/t20200716_123456.html", "2020-07-16", "p"), "t20200716-123456");
    assert.equal(slugFromAddress("/article.php?id=42", "2020-07-16", "p"), "42");
    assert.match(slugFromAddress("/news/2020/07/16/index.html", "2020-07-16", "p"), /^article-20200716-[0-9a-f]{6}$/);
    assert.equal(siteRoot(["www.x.gov.cn/a.html", "www.x.gov.cn/b/c.html"]), "www.x.gov.cn/");
    assert.equal(siteRoot(["a.html", "www.x.gov.cn/b.html"]), "");
  });
});
