/**
 * The editors' commands as an editor runs them: npm run import on the seed and its GB18030 and Big5 re-encodings
 * and on an HTML page, npm run new, and npm run check's warnings.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import iconv from "iconv-lite";
import { parseFrontMatter } from "../../src/content/source-file.ts";
import { createProject, REPO, type Project } from "../helpers/project.ts";

const SEED = path.join(REPO, "tests/fixtures/benxi-2020-07-16.txt");
const OUT = "content/articles/2020/07/benxi-2020-07-16.md";
const EXPECTED = {
  title: "于天敏赴本溪市調研市域社會治理現代化工作",
  date: "2020-07-16 08:45",
  source: "遼寧法制報",
  author: "駐省委政法委首席記者 白國軍",
  channel: "市域治理",
  sponsor: "中共遼寧省委政法委員會",
  organizer: "遼寧法治報",
};

describe("npm run import", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());

  async function importAs(label: string, bytes: Uint8Array): Promise<{ stdout: string; fields: Record<string, unknown>; body: string }> {
    const file = path.join(project.root, `benxi-2020-07-16.${label}.txt`);
    await project.write(path.basename(file), bytes);
    const result = await project.run("import", {}, [file, "--slug", "benxi-2020-07-16", "--channel", "市域治理"]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const text = await project.read(OUT);
    await project.remove(OUT);
    const parsed = parseFrontMatter(text, OUT);
    assert.ok(parsed.ok);
    return { stdout: result.stdout, fields: parsed.frontMatter.data, body: parsed.frontMatter.body };
  }

  it("turns the seed, and its GB18030 and Big5 re-encodings, into the same Benxi article", async () => {
    const utf8 = await readFile(SEED);
    const text = utf8.toString("utf8");
    const runs = [
      await importAs("utf8", utf8),
      await importAs("gb18030", iconv.encode(text, "gb18030")),
      // Big5 cannot hold the simplified characters of the garbled spans; they become "?" like any converter's loss.
      await importAs("big5", iconv.encode(text, "big5")),
    ];
    assert.match(runs[0]!.stdout, /as UTF-8/);
    assert.match(runs[1]!.stdout, /as GB18030/);
    assert.match(runs[2]!.stdout, /as Big5/);
    for (const run of runs) {
      assert.deepEqual({ ...run.fields }, EXPECTED);
      assert.match(run.stdout, /^Wrote content\/articles\/2020\/07\/benxi-2020-07-16\.md$/m);
      assert.ok(!/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/.test(run.body), "pinyin notes left");
      assert.equal(run.body.trim().split("\n\n").length, 7);
      // The editors' guide's own repair, made: the ? after the dateline was a full-width space.
      assert.match(run.body.trim(), /^本報訊\u30007月15日，省委常委、政法委書記于天敏來到本溪市，/);
      assert.doesNotMatch(run.stdout, /"本報訊\?7月15"/);
      assert.match(run.stdout, /^repaired: 報頭後的 \? 改為全形空格 \(the \? after a dateline made a full-width space\): 1$/m);
      // No pinyin note is left, not even one whose "(" went into a garbled span (鐣?huì)).
      assert.doesNotMatch(run.body, /[?？][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
      assert.match(run.stdout, /benxi-2020-07-16\.md:19:\d+ wedged: .*"對面交流\?!/);
    }
    const paragraphs = (body: string) => body.trim().split("\n\n");
    assert.deepEqual(paragraphs(runs[1]!.body), paragraphs(runs[0]!.body));
    const same = (i: number) => paragraphs(runs[2]!.body)[i] === paragraphs(runs[0]!.body)[i];
    assert.ok([0, 1, 2, 3, 5, 6].every(same), "Big5: every paragraph but the garbled one is the same");
  });

  it("imports an HTML page in GBK, taking the heading, meta and main text only", async () => {
    const html = await readFile(path.join(REPO, "tests/fixtures/legacy-article.html"), "utf8");
    await project.write("legacy.html", iconv.encode(html, "gbk"));
    const result = await project.run("import", {}, [path.join(project.root, "legacy.html"), "--slug", "xingcheng", "--channel", "基層動態"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /as GB18030/);
    const text = await project.read("content/articles/2021/03/xingcheng.md");
    assert.match(text, /^title: 葫芦岛市兴城市开展矛盾纠纷排查化解专项行动$/m);
    assert.match(text, /^date: 2021-03-08 09:30$/m);
    assert.match(text, /^source: 葫芦岛日报$/m);
    assert.match(text, /^editor: 王明$/m);
    assert.match(text, /^lang: zh-Hans$/m);
    assert.match(text, /本报讯 近日，兴城市委政法委/);
    assert.ok(!/alert|tracker|版权所有|首页/.test(text));
    const check = await project.run("check");
    assert.equal(check.code, 0, check.stdout);
  });

  it("never overwrites, and refuses hostile input", async () => {
    await project.write("again.txt", await readFile(SEED));
    const args = [path.join(project.root, "again.txt"), "--slug", "twice", "--channel", "市域治理"];
    assert.equal((await project.run("import", {}, args)).code, 0);
    const before = await project.read("content/articles/2020/07/twice.md");
    const second = await project.run("import", {}, args);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /content\/articles\/2020\/07\/twice\.md already exists/);
    assert.equal(await project.read("content/articles/2020/07/twice.md"), before);

    const traversal = await project.run("import", {}, [path.join(project.root, "again.txt"), "--slug", "../../../etc/x"]);
    assert.equal(traversal.code, 1);
    assert.match(traversal.stderr, /--slug: .*"\.\.\/\.\.\/\.\.\/etc\/x" cannot be a web address/);
    await project.write("garbage.bin", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const garbage = await project.run("import", {}, [path.join(project.root, "garbage.bin")]);
    assert.equal(garbage.code, 1);
    assert.match(garbage.stderr, /^import: .*garbage\.bin 不是文字或網頁文件 \(is not a text or HTML page/m);
  });

  it("says so when the page was imported before (same title, same day)", async () => {
    await project.write("first.txt", await readFile(SEED));
    assert.equal((await project.run("import", {}, [path.join(project.root, "first.txt"), "--slug", "first-copy", "--channel", "市域治理"])).code, 0);
    const second = await project.run("import", {}, [path.join(project.root, "first.txt"), "--slug", "second-copy", "--channel", "市域治理"]);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /已有同題同日的文章 content\/articles\/2020\/07\/first-copy\.md，這一頁可能已經匯入過/);
    await project.remove("content/articles/2020/07/first-copy.md");
    await project.remove("content/articles/2020/07/second-copy.md");
  });

  it("converts a GBK Markdown article in place as npm run check advises: fields kept, the original backed up", async () => {
    const file = "content/articles/2021/05/gbk-article.md";
    const text = "---\ntitle: 撫順市召開平安建設推進會\ndate: 2021-05-06 10:00\nsource: 撫順日報\nauthor: 記者 李華\nchannel: 平安建設\ntags: [撫順, 平安建設]\n---\n\n本報訊?5月6日，撫順市召開平安建設推進會(huì)。\n";
    const original = iconv.encode(text, "gbk");
    await project.write(file, original);
    const check = await project.run("check");
    assert.match(check.stdout, new RegExp(`${file}:\\d+ encoding: .*npm run import -- ${file}`));
    const result = await project.run("import", {}, [file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /as GB18030/);
    assert.match(result.stdout, /原檔已轉成 UTF-8，欄位不變；原來的內容備份在 \.broadsheet\/import-backups\/content\/articles\/2021\/05\/gbk-article\.md\.gb18030/);
    const converted = await project.read(file);
    // Every field as it was; the body's certain repairs made.
    assert.equal(converted, text.replace("本報訊?5月6日", "本報訊\u30005月6日").replace("會(huì)", "會"));
    assert.deepEqual(await readFile(path.join(project.root, ".broadsheet/import-backups", `${file}.gb18030`)), original);
    // No second article was written, and the converted one passes.
    assert.deepEqual(await readdir(path.join(project.root, "content/articles/2021/05")), ["gbk-article.md"]);
    const after = await project.run("check");
    assert.equal(after.code, 0, after.stdout);
    assert.doesNotMatch(after.stdout, /^content\/articles\/2021\/05\/gbk-article\.md/m);
    await project.remove(file);
  });
});

describe("npm run new and npm run check", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());

  it("scaffolds a valid draft dated now in Shanghai, and refuses to overwrite", async () => {
    const env = { SOURCE_DATE_EPOCH: "1594860300" }; // 2020-07-16 08:45 in Shanghai, 00:45 UTC
    const result = await project.run("new", { ...env, TZ: "America/Los_Angeles" }, ["--channel", "政法要聞", "--slug", "fresh-news", "--title", "新文章"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote content\/articles\/2020\/07\/fresh-news\.md/);
    const text = await project.read("content/articles/2020/07/fresh-news.md");
    assert.match(text, /^date: 2020-07-16 08:45$/m);
    assert.match(text, /^draft: true$/m);
    const again = await project.run("new", env, ["--channel", "政法要聞", "--slug", "fresh-news"]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already has the address "fresh-news"/);
    const badChannel = await project.run("new", env, ["--channel", "體育", "--slug", "x"]);
    assert.match(badChannel.stderr, /--channel must be one of: 政法要聞/);
    assert.equal((await project.run("check")).code, 0);
  });

  it("warns about each kind of damaged text with file, line and column, and exits 0 when there are no errors", async () => {
    await project.write("content/articles/damaged.md", [
      "---", "title: 受損文章", "date: 2021-01-01 09:00", "source: 甲", "author: 乙", "channel: 政法要聞", "---", "",
      "遼寧長安網(wǎng)的文章。", "", "丟了\uFFFD字，魧\uE029鞠。", "", "本報訊?7月15日，魧Ρ鞠。", "", "7月15日,省委常委。", "",
    ].join("\n"));
    const result = await project.run("check");
    assert.equal(result.code, 0, result.stdout);
    const lines = result.stdout.split("\n");
    for (const expected of [
      /^content\/articles\/damaged\.md:9:6 warning: body: 轉換器留下的拼音註音 \(wǎng\)，請刪掉 \(a converter's pinyin note \(wǎng\)/,
      /^content\/articles\/damaged\.md:11:3 warning: body: 編碼轉換時丟了字.*\(a character was lost/,
      /^content\/articles\/damaged\.md:11:7 warning: body: 私用區字元.*\(a private-use character/,
      /^content\/articles\/damaged\.md:13:4 warning: body: 漢字之間的 \? 或 ! 通常是轉換時丟了字.*\(a \? or ! between Chinese characters/,
      /^content\/articles\/damaged\.md:13:\d+ warning: body: 漢字中夾著其他文字的字母.*\(letters of another alphabet/,
      /^content\/articles\/damaged\.md:15:6 warning: body: 中文裡的半形「,」，請改用全形「，」\(half-width "," in Chinese text/,
    ]) {
      assert.ok(lines.some((l) => expected.test(l)), `${expected}\n${result.stdout}`);
    }
    const json = JSON.parse((await project.run("check", {}, ["--json"])).stdout);
    assert.ok(json.problems.length >= 6 && json.problems.every((p: { severity: string }) => p.severity === "warning"));
  });
});
