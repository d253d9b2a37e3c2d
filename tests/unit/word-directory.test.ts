/** The word directory: written by the build, read by the search page to open only the shards that can answer. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { bucketOf, candidateShards, lookupWords, rarestWords, shardsHolding } from "../../src/search/word-buckets.ts";
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

  it("looks up more of a long query's words, five then nine, while its sample leaves more than one shard", async () => {
    // Words w0..w16 of a headline: shard 2 holds them all in its headline; shard 1 holds the five-word sample too,
    // shard 0 the three-word one.
    const words = Array.from({ length: 17 }, (_, i) => `w${i}`);
    assert.deepEqual(lookupWords(words), ["w0", "w8", "w16"]);
    assert.deepEqual(lookupWords(words, 5), ["w0", "w4", "w8", "w12", "w16"], "each sample holds the one before it");
    assert.deepEqual(lookupWords(words, 9), ["w0", "w2", "w4", "w6", "w8", "w10", "w12", "w14", "w16"]);
    const directory: Record<string, number[]> = {};
    for (const w of words) directory[w] = directory[`${w}t`] = [2];
    for (const w of ["w0", "w8", "w16"]) directory[w] = directory[`${w}t`] = [0, 1, 2];
    for (const w of ["w4", "w12"]) directory[w] = directory[`${w}t`] = [1, 2];
    const asked: number[] = [];
    const load = async (bucket: number) => {
      asked.push(bucket);
      return Object.fromEntries(Object.entries(directory).filter(([word]) => bucketOf(word, 1024) === bucket));
    };
    assert.deepEqual(await candidateShards(words, 1024, load), { all: [2], titled: [2] });
    assert.equal(new Set(asked).size, 9, "nine words' buckets in all");
    // Narrowed at five words: nine are not looked up.
    directory.w4 = directory.w4t = [2];
    asked.length = 0;
    assert.deepEqual(await candidateShards(words, 1024, load), { all: [2], titled: [2] });
    assert.equal(new Set(asked).size, 5);
    // A short query is looked up as it is.
    assert.deepEqual(await candidateShards(["w0", "w1", "w2"], 1024, load), { all: [2], titled: [2] });
    assert.deepEqual(await candidateShards(["w0", "w16"], 1024, load), { all: [0, 1, 2], titled: [0, 1, 2] });
  });

  it("searches a long query by its rarest words, in query order, and a short one whole", () => {
    const shards: Record<string, number> = { a: 9, b: 1, c: 4, d: 1, e: 2 };
    const count = (word: string) => shards[word];
    assert.deepEqual(rarestWords(["a", "b", "c", "d", "e"], 3, count), ["b", "d", "e"]);
    // Ties keep the earlier word; a word whose bucket was not read counts as common.
    assert.deepEqual(rarestWords(["x", "c", "a", "e"], 2, count), ["c", "e"]);
    assert.deepEqual(rarestWords(["a", "c"], 3, count), ["a", "c"]);
  });

  it("has more buckets for more text, a power of two from 16 to 16,384", () => {
    assert.equal(bucketCount(0), 16);
    assert.equal(bucketCount(5_000_000), 512);
    assert.equal(bucketCount(1e12), 16384);
  });
});
