import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { codeFingerprint, PageCache } from "../../src/build/page-cache.ts";

describe("page cache", () => {
  it("changes its fingerprint when any template, source or asset changes", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "fingerprint-"));
    try {
      for (const dir of ["src", "templates/pages", "public"]) await mkdir(path.join(root, dir), { recursive: true });
      await writeFile(path.join(root, "templates/pages/article.njk"), "<h1>{{ p.title }}</h1>");
      await writeFile(path.join(root, "package-lock.json"), "{}");
      const first = await codeFingerprint(root);
      assert.equal(await codeFingerprint(root), first);
      await writeFile(path.join(root, "templates/pages/article.njk"), "<h1 class=x>{{ p.title }}</h1>");
      assert.notEqual(await codeFingerprint(root), first);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("plans to render pages whose data changed, and reuse the rest", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "page-cache-"));
    try {
      const cache = new PageCache(dir, "code-v1");
      const pages = [{ outputPath: "a/index.html", title: "甲" }, { outputPath: "b/index.html", title: "乙" }];
      const cold = await cache.plan(pages);
      assert.deepEqual([...cold.render], ["a/index.html", "b/index.html"]);
      const out = path.join(dir, "out");
      for (const p of pages) {
        await mkdir(path.dirname(path.join(out, p.outputPath)), { recursive: true });
        await writeFile(path.join(out, p.outputPath), p.title);
      }
      await cache.store(cold, out);
      const warm = await cache.plan([pages[0]!, { ...pages[1]!, title: "乙（改）" }]);
      assert.deepEqual([...warm.render], ["b/index.html"]);
      assert.deepEqual(warm.reuse.map((r) => r.outputPath), ["a/index.html"]);
      const otherCode = await new PageCache(dir, "code-v2").plan(pages);
      assert.equal(otherCode.render.size, 2, "new code renders everything");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
