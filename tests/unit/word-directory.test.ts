/** The word directory: written by the build, read by the search page to open only the shards that can answer. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { bucketOf, lookupWords, shardsHolding } from "../../src/search/word-buckets.ts";
import { bucketCount, DIRECTORY_FOLDER, writeDirectory } from "../../src/search/word-directory.ts";

describe("word directory", () => {
  it("records, for every word, the shards that hold it, in the bucket the search page will read", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "broadsheet-words-"));
    try {
      const lists = [["abc", "abct", "x1"], ["abc", "zzz"], ["zzz", "x1"]].map((words, i) => {
        const file = path.join(dir, `${i}.words`);
        writeFileSync(file, words.join("\n"));
        return file;
      });
      writeDirectory(lists, dir, 16);
      const load = async (bucket: number) =>
        JSON.parse(gunzipSync(readFileSync(path.join(dir, DIRECTORY_FOLDER, `${bucket}.pf_words`))).toString()) as Record<string, number[]>;
      assert.deepEqual(await load(bucketOf("abc", 16)).then((b) => b.abc), [0, 1]);
      assert.deepEqual(await shardsHolding([["abc"], ["abc", "zzz"], ["x1", "zzz"], ["abc", "nowhere"], ["abct"]], 16, load),
        [[0, 1], [1], [2], [], [0]]);
      assert.equal(bucketOf("abct", 16), bucketOf("abc", 16), "a title word sits with its plain word");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("looks up at most three words, spread over the query", () => {
    assert.deepEqual(lookupWords(["a", "b"]), ["a", "b"]);
    assert.deepEqual(lookupWords(["a", "b", "c", "d", "e", "f", "g"]), ["a", "d", "g"]);
  });

  it("has more buckets for more text, a power of two from 16 to 16,384", () => {
    assert.equal(bucketCount(0), 16);
    assert.equal(bucketCount(5_000_000), 128);
    assert.equal(bucketCount(1e12), 16384);
  });
});
