/**
 * `npm run check` takes unchanged articles from the last build's cache (src/pipeline/cache-reader.ts), and is never
 * misled by it: an article edited after the build is read again, and a damaged or foreign cache is no cache.
 */
import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

describe("npm run check with a build's cache", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    await project.write("content/articles/later.md", article({ ...VALID, title: "構建之後修改" }, "正文。"));
    assert.equal((await project.run("build")).code, 0);
  });
  after(() => project.dispose());

  it("passes what the build passed, and reads again what was edited since", async () => {
    const clean = await project.run("check");
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /檢查了 2 篇文章/);
    await project.write("content/articles/later.md", article({ ...VALID, title: "構建之後修改", date: "2020-13-45" }, "正文。"));
    const edited = await project.run("check");
    assert.equal(edited.code, 1, edited.stdout);
    assert.match(edited.stdout, /later\.md:3 date: "2020-13-45"/);
  });

  it("reports the same when the cache is damaged", async () => {
    const memo = path.join(project.root, ".broadsheet/cache/content");
    for (const file of await readdir(memo)) await writeFile(path.join(memo, file), "not a memo");
    const damaged = await project.run("check");
    assert.equal(damaged.code, 1, damaged.stdout + damaged.stderr);
    assert.match(damaged.stdout, /later\.md:3 date: "2020-13-45"/);
    assert.match(damaged.stdout, /內容有 1 處錯誤/);
  });
});
