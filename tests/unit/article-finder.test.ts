import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DateTime } from "luxon";
import { articleFinder } from "../../src/server/article-finder.ts";

describe("the web editor's finder", () => {
  let root: string;
  const write = async (file: string, title: string, date: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), `---\ntitle: ${title}\ndate: ${date}\nsource: 遼寧法制報\n---\n\n正文。\n`);
  };
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "broadsheet-finder-"));
    await write("content/articles/2016/03/old.md", "于天敏赴本溪市調研市域社會治理", "2016-03-04 09:05");
    await write("content/articles/2026/12/new.md", "本溪市推進平安建設", "2026-12-01 08:00");
    await write("content/articles/undated/x.md", "'沒有日期的本溪稿件'", "");
  });
  after(() => rm(root, { recursive: true, force: true }));

  const find = () => articleFinder(root, () => DateTime.fromISO("2026-12-08T10:00", { zone: "Asia/Shanghai" }), "Asia/Shanghai");

  it("finds articles whose headline holds every word, in either script, newest first, with where to open them", () => {
    assert.deepEqual(find()("本溪 调研"), [{
      title: "于天敏赴本溪市調研市域社會治理", date: "2016-03-04 09:05", file: "content/articles/2016/03/old.md",
      collection: "articles-2016-03", entry: "old",
    }]);
    assert.deepEqual(find()("本溪").map((f) => [f.collection, f.entry, f.title]), [
      ["articles", "new", "本溪市推進平安建設"],
      ["articles-2016-03", "old", "于天敏赴本溪市調研市域社會治理"],
      ["articles-undated", "x", "沒有日期的本溪稿件"],
    ]);
    assert.deepEqual(find()("   "), []);
    assert.deepEqual(find()("瀋陽"), []);
  });

  it("reads a headline again when its file changes", async () => {
    const finder = find();
    assert.equal(finder("平安").length, 1);
    await writeFile(path.join(root, "content/articles/2026/12/new.md"), "---\ntitle: 本溪市推進掃黑除惡工作\ndate: 2026-12-01 08:00\n---\n\n正文，改過了。\n");
    assert.equal(finder("平安").length, 0);
    assert.equal(finder("掃黑").length, 1);
  });
});
