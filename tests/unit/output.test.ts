import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { keepWanted } from "../../src/pipeline/output.ts";
import { digest } from "../../src/util/files.ts";

describe("keepWanted (recycling the last output)", () => {
  it("keeps the files whose bytes are wanted, removes the rest, and keeps only the folders the new output uses", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "broadsheet-recycle-"));
    try {
      const staged = path.join(root, "staged");
      const file = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(staged, rel)), { recursive: true });
        writeFileSync(path.join(staged, rel), text);
      };
      file("articles/kept/index.html", "甲");
      file("articles/edited/index.html", "乙（在原處改過）"); // wanted, but its bytes were changed in place
      file("articles/replaced/index.html", "舊");
      file("articles/gone/index.html", "舊");
      file("pagefind/shard-1/x.pf_meta", "索引");
      const wanted = new Map([
        ["articles/kept/index.html", digest(Buffer.from("甲"))],
        ["articles/edited/index.html", digest(Buffer.from("乙"))],
      ]);
      const outputs = ["articles/kept/index.html", "articles/edited/index.html", "articles/replaced/index.html"];
      const kept = keepWanted(staged, wanted, outputs, ["pagefind/"]);
      assert.deepEqual([...kept], ["articles/kept/index.html"]);
      assert.equal(existsSync(path.join(staged, "articles/edited/index.html")), false, "bytes other than the wanted ones go");
      assert.equal(existsSync(path.join(staged, "articles/replaced/index.html")), false);
      assert.equal(existsSync(path.join(staged, "articles/replaced")), true, "its folder is used again");
      assert.equal(existsSync(path.join(staged, "articles/gone")), false, "a folder nothing uses goes");
      assert.equal(existsSync(path.join(staged, "pagefind/shard-1/x.pf_meta")), true, "the search index is left alone");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
