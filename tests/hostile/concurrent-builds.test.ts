/**
 * Two builds started together in one folder (a double-clicked deploy, two CI jobs): the second waits for the first,
 * both exit 0, and the published `_site/` is complete and the same as one build's. A lock left by a build that was
 * killed is taken over.
 */
import assert from "node:assert/strict";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { createProject, type Project } from "../helpers/project.ts";
import { deadPid } from "../helpers/processes.ts";

describe("builds at the same time", () => {
  let project: Project;
  let single: Map<string, string>;
  before(async () => {
    project = await createProject();
    await writeArticles(project.root, generateArticles(60, 3));
    const result = await project.run("build");
    assert.equal(result.code, 0, result.stderr);
    single = await project.hashTree();
  });
  after(() => project.dispose());

  it("two builds started together both succeed, one after the other, and leave a complete _site/", async () => {
    // A fresh start for both: no cache, no output.
    await rm(path.join(project.root, "_site"), { recursive: true, force: true });
    const [a, b] = await Promise.all([project.run("build", { BROADSHEET_CACHE_DIR: ".shared-cache" }), project.run("build", { BROADSHEET_CACHE_DIR: ".shared-cache" })]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(a.stdout + b.stdout, /waiting for it/, "one of them waited");
    assert.deepEqual(await project.hashTree(), single);
  });

  it("two builds with different caches share the output folder one at a time", async () => {
    const [a, b] = await Promise.all([project.run("build", { BROADSHEET_CACHE_DIR: ".cache-a" }), project.run("build", { BROADSHEET_CACHE_DIR: ".cache-b" })]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(a.stdout + b.stdout, /waiting for it/);
    assert.deepEqual(await project.hashTree(), single);
  });

  it("takes over a lock whose build no longer runs", async () => {
    await writeFile(path.join(project.root, "._site.lock"), `${await deadPid()}\n`);
    const result = await project.run("build", { BROADSHEET_LOCK_WAIT: "5" });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /waiting for it/);
  });

  it("refuses with a clear message when a running build holds the lock past the wait", async () => {
    await writeFile(path.join(project.root, "._site.lock"), `${process.pid}\n`);
    const before_ = await project.hashTree();
    const result = await project.run("build", { BROADSHEET_LOCK_WAIT: "1" });
    await project.remove("._site.lock");
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`another build, process ${process.pid}, is still using _site/`));
    assert.deepEqual(await project.hashTree(), before_);
  });
});
