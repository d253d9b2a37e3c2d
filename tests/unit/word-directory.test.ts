/** The word directory: written by the build, read by the search page to open only the shards that can answer. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { bucketOf, candidateShards, lookupWords, shardsHolding } from "../../src/search/word-buckets.ts";
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

  it("looks up more of a long query's words when its first three leave more than one shard", async () => {
    // Words w0..w9 of a headline: shard 2 holds them all in its headline; shards 0 and 1 hold w0, w4 (or w5) and w9 too.
    const words = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const directory: Record<string, number[]> = {};
    for (const w of words) directory[w] = directory[`${w}t`] = [2];
    for (const w of ["w0", "w4", "w5", "w9"]) directory[w] = directory[`${w}t`] = [0, 1, 2];
    const load = async (bucket: number) => Object.fromEntries(Object.entries(directory).filter(([word]) => bucketOf(word, 64) === bucket));
    assert.deepEqual(lookupWords(words), ["w0", "w5", "w9"]);
    assert.deepEqual(await candidateShards(words, 64, load), { all: [2], titled: [2] });
    // A short query is looked up as it is.
    assert.deepEqual(await candidateShards(["w0", "w1", "w2"], 64, load), { all: [2], titled: [2] });
    assert.deepEqual(await candidateShards(["w0", "w9"], 64, load), { all: [0, 1, 2], titled: [0, 1, 2] });
  });

  it("has more buckets for more text, a power of two from 16 to 16,384", () => {
    assert.equal(bucketCount(0), 16);
    assert.equal(bucketCount(5_000_000), 128);
    assert.equal(bucketCount(1e12), 16384);
  });
});
