/** A new editor's slips get a Chinese message that names the line and what to write instead. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

describe("an editor's slips, named in Chinese on their line", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());
  const problemsOf = async (file: string, text: string) => {
    await project.write(file, text);
    try {
      return (await loadContent(project.root)).problems.filter((p) => p.file === file).map(formatProblem);
    } finally {
      await project.remove(file);
    }
  };
  const withLine = (line: string) => `---\ntitle: 測試文章\ndate: 2021-03-04 09:05\nsource: 遼寧法制報\n${line}\nchannel: 政法要聞\n---\n\n正文段落。\n`;

  it("a full-width colon after the field name (author：白國軍)", async () => {
    assert.deepEqual(await problemsOf("content/articles/a.md", withLine("author：白國軍")), [
      "content/articles/a.md:5 author: 欄位名後面的冒號是全形的「：」，要用半形冒號加一個空格，寫成 author: 白國軍 (the colon after the field name is full-width; type a half-width colon and a space: author: …)",
    ]);
    // The same with the field's Chinese name: both slips named at once.
    const both = await problemsOf("content/articles/a.md", withLine("作者：白國軍"));
    assert.match(both[0]!, /^content\/articles\/a\.md:5 author: 欄位名後面的冒號是全形的「：」，要用半形冒號加一個空格，寫成 author: 白國軍/);
  });

  it("a half-width colon and space inside a title, and no space after a colon", async () => {
    const [inside] = await problemsOf("content/articles/a.md", `---\ntitle: 市域治理: 本溪經驗\ndate: 2021-03-04 09:05\nsource: 遼寧法制報\nauthor: 記者 王明\nchannel: 政法要聞\n---\n\n正文。\n`);
    assert.match(inside!, /^content\/articles\/a\.md:2 title: 內容裡的半形冒號「: 」會被讀成另一個欄位；改用全形冒號「：」，或把整個內容放進引號，例如 title: "市域治理: 本溪經驗"/);
    const [noSpace] = await problemsOf("content/articles/a.md", withLine("author:白國軍"));
    assert.match(noSpace!, /^content\/articles\/a\.md:5 author: 冒號後面要加一個空格，寫成 author: 白國軍/);
  });

  it("a field written in Chinese (作者: 白國軍) in either script is told its name", async () => {
    const found = await problemsOf("content/articles/a.md", withLine("作者: 白國軍"));
    assert.ok(found.includes("content/articles/a.md:5 作者: 欄位名要寫英文：「作者」寫成 author，例如 author: … (write the field's name as author)"), found.join("\n"));
    const hans = await problemsOf("content/articles/a.md", withLine("author: 白國軍\n来源: 新华社"));
    assert.ok(hans.some((l) => l.startsWith("content/articles/a.md:6 来源: 欄位名要寫英文：「来源」寫成 source")), hans.join("\n"));
  });

  it("a channel written in the other script (政法要闻) is told the site's spelling", async () => {
    const found = await problemsOf("content/articles/a.md", article({ ...VALID, channel: "政法要闻" }));
    assert.deepEqual(found, ["content/articles/a.md:6 channel: 「政法要闻」是另一種字體的寫法，本站的欄目寫作「政法要聞」，寫成 channel: 政法要聞 (\"政法要闻\" is written in the other script; write channel: 政法要聞)"]);
  });

  it("an article scaffolded by npm run new and never filled in is an error once it is no draft", async () => {
    const scaffold = "---\ntitle: 標題\ndate: 2021-03-04 09:05\nsource: 遼寧長安網\nauthor: 作者\nchannel: 政法要聞\ntags: []\n---\n\n正文第一段。\n";
    const found = await problemsOf("content/articles/s.md", scaffold);
    assert.deepEqual(found, [
      "content/articles/s.md:2 title: 還是 npm run new 留下的「標題」，發布前請寫上真正的內容，例如 title: 于天敏赴本溪市調研市域社會治理現代化工作 (still the placeholder npm run new wrote; write the real title)",
      "content/articles/s.md:5 author: 還是 npm run new 留下的「作者」，發布前請寫上真正的內容，例如 author: 駐省委政法委首席記者 白國軍 (still the placeholder npm run new wrote; write the real author)",
      "content/articles/s.md:10 body: 還是 npm run new 留下的「正文第一段。」，發布前請寫上真正的內容，例如 本報訊 7月15日，…… (still the placeholder npm run new wrote; write the real body)",
    ]);
    // As the draft npm run new writes, it passes: the editor is still writing it.
    assert.deepEqual(await problemsOf("content/articles/s.md", scaffold.replace("tags: []", "tags: []\ndraft: true")), []);
  });

  it("speaks 简体 on a 简体 site, quoting the editor's own text as the file has it", async () => {
    const yaml = await project.read("content/_data/site.yaml");
    await project.write("content/_data/site.yaml", yaml.replace("lang: zh-Hant", "lang: zh-Hans"));
    try {
      const found = await problemsOf("content/articles/a.md", article({ ...VALID, channel: "體育新聞" }));
      // The channels as site.yaml writes them: the editor must type them so.
      assert.deepEqual(found, ["content/articles/a.md:6 channel: 「體育新聞」不是本站的栏目；可用：政法要聞、市域治理、平安建設、法治宣傳、基層動態 (\"體育新聞\" is not a channel of this site; use one of: 政法要聞, 市域治理, 平安建設, 法治宣傳, 基層動態)"]);
    } finally {
      await project.write("content/_data/site.yaml", yaml);
    }
  });
});
