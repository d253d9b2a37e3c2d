import assert from "node:assert/strict";
import { existsSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { keepWanted } from "../../src/build/output.ts";

describe("keepWanted (recycling the last output)", () => {
  it("keeps the very cache files wanted, removes the rest, and keeps only the folders the new output uses", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "broadsheet-recycle-"));
    try {
      const staged = path.join(root, "staged");
      const cache = path.join(root, "cache");
      mkdirSync(cache);
      const file = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(staged, rel)), { recursive: true });
        writeFileSync(path.join(staged, rel), text);
      };
      writeFileSync(path.join(cache, "kept"), "甲");
      mkdirSync(path.join(staged, "articles/kept"), { recursive: true });
      linkSync(path.join(cache, "kept"), path.join(staged, "articles/kept/index.html"));
      writeFileSync(path.join(cache, "same-text"), "乙");
      file("articles/copied/index.html", "乙"); // the same text, but not the cache's file
      file("articles/replaced/index.html", "舊");
      file("articles/gone/index.html", "舊");
      file("pagefind/shard-1/x.pf_meta", "索引");
      const wanted = new Map([
        ["articles/kept/index.html", path.join(cache, "kept")],
        ["articles/copied/index.html", path.join(cache, "same-text")],
      ]);
      const outputs = ["articles/kept/index.html", "articles/copied/index.html", "articles/replaced/index.html"];
      const kept = keepWanted(staged, wanted, outputs, ["pagefind/"]);
      assert.deepEqual([...kept], ["articles/kept/index.html"]);
      assert.equal(existsSync(path.join(staged, "articles/copied/index.html")), false, "a copy is not the cached file");
      assert.equal(existsSync(path.join(staged, "articles/replaced/index.html")), false);
      assert.equal(existsSync(path.join(staged, "articles/replaced")), true, "its folder is used again");
      assert.equal(existsSync(path.join(staged, "articles/gone")), false, "a folder nothing uses goes");
      assert.equal(existsSync(path.join(staged, "pagefind/shard-1/x.pf_meta")), true, "the search index is left alone");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
