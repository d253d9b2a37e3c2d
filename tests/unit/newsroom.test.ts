/** The newsroom's checks: stale and empty channels, the word list in both scripts, and requireEditor. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem, warningReport, type Problem } from "../../src/content/problems.ts";
import { article, createProject, REPO, VALID, type Project } from "../helpers/project.ts";

// SOURCE_DATE_EPOCH 1790000000 is 2026-09-22 in Beijing.
const ENV = { SOURCE_DATE_EPOCH: "1790000000" };

describe("newsroom checks", () => {
  let project: Project;
  let siteYaml: string;
  before(async () => {
    project = await createProject({ withContent: false });
    siteYaml = await readFile(path.join(REPO, "content/_data/site.yaml"), "utf8");
  });
  after(() => project.dispose());
  const lines = async () => (await loadContent(project.root, { env: ENV })).problems.map(formatProblem);
  const withSite = (change: (yaml: string) => string) => project.write("content/_data/site.yaml", change(siteYaml));

  it("names each channel without a new article in 14 days with its last date, and each channel with none", async () => {
    await withSite((y) => y);
    await project.write("content/articles/a.md", article({ ...VALID, channel: "政法要聞", date: "2026-09-20 08:00" }));
    await project.write("content/articles/b.md", article({ ...VALID, channel: "市域治理", date: "2026-08-01 08:00" }));
    await project.write("content/articles/c.md", article({ ...VALID, channel: "平安建設", date: "2026-09-01 08:00", draft: "true" }));
    const found = await lines();
    assert.ok(found.includes("content/_data/site.yaml:33 warning: channels: 欄目「市域治理」最近的文章是 2026-08-01，已 51 天沒有更新，超過 14 天 (channel 市域治理 has had no new article since 2026-08-01, 51 days; checks.staleDays is 14)"), found.join("\n"));
    // A draft is not a published article: 平安建設 is empty.
    assert.ok(found.some((l) => l.includes("欄目「平安建設」還沒有發布的文章")));
    assert.ok(!found.some((l) => l.includes("「政法要聞」")), "a channel updated two days ago is fine");
    // The home page was updated two days ago.
    assert.ok(!found.some((l) => l.includes("全站最近的文章")));
  });

  it("makes them errors, and counts the days site.yaml sets, when site.yaml says so", async () => {
    await withSite((y) => y.replace("staleDays: 14", "staleDays: 60").replace("emptyChannels: warning", "emptyChannels: error"));
    const found = await lines();
    assert.ok(!found.some((l) => l.includes("「市域治理」最近的文章")), "51 days is within 60");
    assert.ok(found.includes("content/_data/site.yaml:33 channels: 欄目「平安建設」還沒有發布的文章 (channel 平安建設 has no published article)"), found.join("\n"));
    await project.remove("content/articles/a.md");
    await project.remove("content/articles/b.md");
    await project.remove("content/articles/c.md");
  });

  it("reports a word-list entry written in 简体 where a 繁體 article uses it, with file, line and column and the correction", async () => {
    await withSite((y) => y);
    await project.write("content/_data/words.yaml", "- word: 辽宁省政法委\n  correction: 遼寧省委政法委\n- word: 禁用词\n");
    await project.write("content/articles/w.md", article({ ...VALID, title: "關於遼寧省政法委的報道" }, "第一段。\n\n據遼寧省政法委消息，遼寧省委政法委召開會議，不提禁用詞。"));
    const found = (await lines()).filter((l) => l.startsWith("content/articles/w.md"));
    assert.deepEqual(found, [
      "content/articles/w.md:2:10 warning: title: 「遼寧省政法委」應寫作「遼寧省委政法委」(the word list says: write 遼寧省委政法委, not 遼寧省政法委)",
      "content/articles/w.md:11:2 warning: body: 「遼寧省政法委」應寫作「遼寧省委政法委」(the word list says: write 遼寧省委政法委, not 遼寧省政法委)",
      "content/articles/w.md:11:25 warning: body: 「禁用詞」是用詞表中的禁用詞，請刪改 (禁用詞 is a forbidden word in content/_data/words.yaml)",
    ]);
  });

  it("never flags a protected word, and makes hits errors when checks.words is error", async () => {
    await withSite((y) => y.replace("words: warning", "words: error").replace("  - 于天敏", "  - 于天敏\n  - 禁用詞典"));
    await project.write("content/articles/w.md", article(VALID, "他翻開禁用詞典，又寫下禁用詞。"));
    const found = (await lines()).filter((l) => l.startsWith("content/articles/w.md"));
    assert.deepEqual(found, ["content/articles/w.md:9:12 body: 「禁用詞」是用詞表中的禁用詞，請刪改 (禁用詞 is a forbidden word in content/_data/words.yaml)"]);
    await project.remove("content/articles/w.md");
    await project.remove("content/_data/words.yaml");
  });

  it("refuses an article without 責任編輯 when site.yaml sets requireEditor", async () => {
    await withSite((y) => y.replace("requireEditor: false", "requireEditor: true"));
    await project.write("content/articles/e.md", article(VALID));
    await project.write("content/articles/f.md", article({ ...VALID, editor: "張三" }));
    const found = (await lines()).filter((l) => l.startsWith("content/articles/"));
    assert.deepEqual(found, ["content/articles/e.md:7 editor: 本站要求寫明責任編輯，在 --- 之前加一行，例如 editor: 張三 (this site requires the responsible editor: add editor: 張三)"]);
    await withSite((y) => y);
    assert.deepEqual((await lines()).filter((l) => l.startsWith("content/articles/")), []);
  });

  it("summarises a flood of warnings in the build, and npm run check lists them, filtered by kind and folder", async () => {
    const flood: Problem[] = Array.from({ length: 45 }, (_, i) => ({
      severity: "warning", file: `content/articles/2019/0${1 + (i % 3)}/a${i % 4}.md`, line: 9, column: i + 1, field: "body",
      message: 'half-width "," in Chinese text; use the full-width ，', kind: i < 40 ? "half-width" : "pinyin",
    }));
    const report = warningReport(flood);
    assert.deepEqual(report.slice(0, 3), ["提醒 45 條，按種類 (45 warnings, by kind):", "  half-width（半形標點）: 40", "  pinyin（拼音注音）: 5"]);
    assert.ok(report.length < 15, "a summary, not every line");
    assert.match(report.join("\n"), /npm run check -- --kind half-width --folder content\/articles\/2019\//);
    assert.deepEqual(warningReport(flood.slice(0, 3)), flood.slice(0, 3).map(formatProblem), "a few warnings are listed as they are");

    await withSite((y) => y);
    await project.write("content/articles/2019/h.md", article(VALID, "本溪,遼陽;撫順。"));
    await project.write("content/articles/2020/p.md", article(VALID, "網(wǎng)站"));
    const all = await project.run("check");
    assert.match(all.stdout, /2019\/h\.md:9:3 warning: body: 中文裡的半形「,」/);
    assert.match(all.stdout, /2020\/p\.md:9:2 warning: body: 轉換器留下的拼音註音/);
    const kind = await project.run("check", {}, ["--kind", "pinyin"]);
    assert.doesNotMatch(kind.stdout, /half-width/);
    assert.match(kind.stdout, /2020\/p\.md/);
    const folder = await project.run("check", {}, ["--folder", "content/articles/2019"]);
    assert.match(folder.stdout, /2019\/h\.md:9:3/);
    assert.doesNotMatch(folder.stdout, /2020\/p\.md|site\.yaml/);
    await project.remove("content/articles/2019/h.md");
    await project.remove("content/articles/2020/p.md");
  });

  it("names the line of a broken word list, in Chinese first", async () => {
    await withSite((y) => y);
    await project.write("content/_data/words.yaml", "- word: 遼寧省政法委\n  correction: 遼寧省委政法委\n- correction: 沒有詞\n");
    assert.ok((await lines()).includes("content/_data/words.yaml:3 words: 每一項需要 word（要找的詞），例如 - word: 遼寧省政法委 (every entry needs a word)"));
    await project.write("content/_data/words.yaml", "- word: 甲\n  word: 乙\n");
    assert.ok((await lines()).some((l) => /^content\/_data\/words\.yaml:2 words: 這一行不是有效的 YAML/.test(l)));
    await project.write("content/_data/words.yaml", new Uint8Array([0x2d, 0x20, 0xb1, 0xea, 0x0a]));
    assert.ok((await lines()).some((l) => /^content\/_data\/words\.yaml:1 encoding: 文件不是 UTF-8 文字/.test(l)));
    await project.remove("content/_data/words.yaml");
  });
});
