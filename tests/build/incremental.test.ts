/**
 * Rebuilds with the build cache: after publishing or editing one article, only the pages that change are
 * rendered and the search shards that change are indexed, and the output is byte-identical to a cold build of the
 * same content.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

const articles = generateArticles(150, 9);
// Small shards, so that a change touches one shard of several.
const ENV = { BROADSHEET_SEARCH_SHARD_SIZE: "50" };

describe("incremental builds", () => {
  let project: Project;
  const cold = async () => {
    // The cold build renders in batches of 100 pages (several processes), the incremental ones in one batch.
    const result = await project.run("build", { ...ENV, BROADSHEET_CACHE_DIR: path.join(project.root, ".cold-cache"), BROADSHEET_RENDER_BATCH: "100" });
    await rm(path.join(project.root, ".cold-cache"), { recursive: true, force: true });
    assert.equal(result.code, 0, result.stderr);
    return project.hashTree();
  };
  const warm = async () => {
    const result = await project.run("build", ENV);
    assert.equal(result.code, 0, result.stderr);
    const render = /render \((\d+) of (\d+) pages; (\d+) from the cache;/.exec(result.stdout)!;
    const shards = /in (\d+) shard\(s\) \((\d+) from the cache\)/.exec(result.stdout)!;
    const kept = /recycle the previous output \((\d+) pages kept\)/.exec(result.stdout)!;
    return {
      tree: await project.hashTree(), rendered: Number(render[1]), pages: Number(render[2]),
      shards: Number(shards[1]), reusedShards: Number(shards[2]), recycled: Number(kept[1]),
    };
  };

  before(async () => {
    project = await createProject();
    await writeArticles(project.root, articles);
    await warm();
  });
  after(() => project.dispose());

  it("renders nothing and indexes nothing when nothing changed", async () => {
    const again = await warm();
    assert.equal(again.rendered, 0);
    assert.equal(again.reusedShards, again.shards);
  });

  it("publishing one article re-renders a few pages and one shard, and equals a cold build", async () => {
    await project.write("content/articles/2026/01/breaking.md", article({ ...VALID, title: "最新消息", date: "2026-01-02 09:00", tags: "[本溪]" }));
    const rebuilt = await warm();
    assert.ok(rebuilt.rendered > 0 && rebuilt.rendered < rebuilt.pages / 10, `${rebuilt.rendered} of ${rebuilt.pages} pages rendered`);
    // The output two builds back was recycled: most pages were already in place.
    assert.ok(rebuilt.recycled > rebuilt.pages / 2, `${rebuilt.recycled} of ${rebuilt.pages} pages recycled`);
    assert.equal(rebuilt.reusedShards, rebuilt.shards - 1);
    const home = await project.read("_site/index.html");
    assert.match(home, /<a href="\/articles\/breaking\/">最新消息<\/a>/);
    assert.deepEqual(rebuilt.tree, await cold(), "an incremental build is byte-identical to a cold one");
  });

  it("editing one article re-renders its pages and one shard, and equals a cold build", async () => {
    const target = articles[70]!;
    const text = await project.read(target.file);
    await project.write(target.file, text.replace(/\n$/, "\n\n編者按：本文已更新。\n"));
    const rebuilt = await warm();
    assert.ok(rebuilt.rendered >= 2 && rebuilt.rendered < 20, `${rebuilt.rendered} pages rendered`);
    assert.equal(rebuilt.reusedShards, rebuilt.shards - 1);
    assert.match(await project.read(`_site/articles/${target.slug}/index.html`), /編者按：本文已更新。/);
    assert.deepEqual(rebuilt.tree, await cold());
  });

  it("retitling one article re-renders the lists and pages that show it, and equals a cold build", async () => {
    const target = articles[90]!;
    const text = await project.read(target.file);
    await project.write(target.file, text.replace(/^title: .*$/m, "title: 改過的標題"));
    const rebuilt = await warm();
    assert.ok(rebuilt.rendered > 4, `${rebuilt.rendered} pages rendered: its own, its lists and its neighbours'`);
    const month = target.file.replace(/^content\/articles\/(\d{4})\/(\d{2})\/.*$/, "_site/archive/$1/$2/index.html");
    assert.match(await project.read(month), /改過的標題/, "its month's list shows the new title");
    assert.deepEqual(rebuilt.tree, await cold());
  });

  it("taking an article down removes its pages and their folders, and equals a cold build", async () => {
    const target = articles[20]!;
    await project.remove(target.file);
    const rebuilt = await warm();
    assert.equal(existsSync(path.join(project.root, `_site/articles/${target.slug}`)), false, "the article's folder is gone");
    assert.equal(existsSync(path.join(project.root, `_site/hans/articles/${target.slug}`)), false);
    assert.deepEqual(rebuilt.tree, await cold());
  });

  it("renaming a page in every footer re-renders every page, and equals a cold build", async () => {
    const about = await project.read("content/pages/about.md");
    await project.write("content/pages/about.md", about.replace(/^title: .*$/m, "title: 本站簡介"));
    const rebuilt = await warm();
    assert.equal(rebuilt.rendered, rebuilt.pages, "the footer of every page links the page by its title");
    assert.match(await project.read(`_site/articles/${articles[5]!.slug}/index.html`), /本站簡介/);
    assert.deepEqual(rebuilt.tree, await cold());
  });
});
