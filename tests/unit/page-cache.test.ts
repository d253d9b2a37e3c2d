import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { codeFingerprint, PageCache } from "../../src/pipeline/page-cache.ts";
import type { DeferredPage, PageBase } from "../../src/portal/portal.ts";

/** Only what the cache reads of a page. */
const built = (outputPath: string, title: string) => ({ outputPath, title }) as unknown as PageBase;
const deferred = (outputPath: string, inputs: string): DeferredPage<PageBase> => ({
  kind: "article", key: outputPath, outputPath, inputs, make: () => assert.fail("the cache never builds a page"),
});

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
      const pages = [built("a/index.html", "甲"), built("b/index.html", "乙")];
      const cold = await cache.plan(pages);
      assert.deepEqual([...cold.render], ["a/index.html", "b/index.html"]);
      const out = path.join(dir, "out");
      for (const p of pages) {
        await mkdir(path.dirname(path.join(out, p.outputPath)), { recursive: true });
        await writeFile(path.join(out, p.outputPath), p.outputPath);
      }
      await cache.store(cold, out);
      const warm = await cache.plan([pages[0]!, built("b/index.html", "乙（改）")]);
      assert.deepEqual([...warm.render], ["b/index.html"]);
      assert.deepEqual(warm.reuse.map((r) => r.outputPath), ["a/index.html"]);
      const otherCode = await new PageCache(dir, "code-v2").plan(pages);
      assert.equal(otherCode.render.size, 2, "new code renders everything");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keys a deferred page by its inputs, without building it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "page-cache-"));
    try {
      const cache = new PageCache(dir, "code-v1");
      const out = path.join(dir, "out");
      await mkdir(path.join(out, "a"), { recursive: true });
      await writeFile(path.join(out, "a/index.html"), "甲");
      await cache.store(await cache.plan([deferred("a/index.html", '["frame","digest-1"]')]), out);
      assert.equal((await cache.plan([deferred("a/index.html", '["frame","digest-1"]')])).reuse.length, 1);
      assert.equal((await cache.plan([deferred("a/index.html", '["frame","digest-2"]')])).render.size, 1, "other inputs");
      assert.equal((await cache.plan([built("a/index.html", '["frame","digest-1"]')])).render.size, 1, "a built page with those words is another page");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
