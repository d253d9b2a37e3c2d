import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summaryLines } from "../../src/pipeline/report.ts";
import { debug } from "../../src/util/debug.ts";
import { counted } from "../../src/util/plural.ts";

describe("the build's report", () => {
  it("puts nouns in the right number", () => {
    assert.equal(counted(1, "article"), "1 article");
    assert.equal(counted(0, "article"), "0 articles");
    assert.equal(counted(2, "batch", "batches"), "2 batches");
    const [built, drafts] = summaryLines({ published: 1, files: 1, outDir: "_site", seconds: 1, drafts: 1 });
    assert.match(built!, /^Built 1 article, 1 file into _site\/ in 1\.00 s/);
    assert.equal(drafts, "1 draft left out");
  });

  it("turns on a debug channel by name, by wildcard, or in a list, and no other", () => {
    assert.equal(debug("search", { DEBUG: "broadsheet:search" }).enabled, true);
    assert.equal(debug("search", { DEBUG: "broadsheet:*" }).enabled, true);
    assert.equal(debug("search", { DEBUG: "Eleventy*, broadsheet:search" }).enabled, true);
    assert.equal(debug("search", { DEBUG: "broadsheet:cache" }).enabled, false);
    assert.equal(debug("search", { DEBUG: "broadsheet:searc" }).enabled, false);
    assert.equal(debug("search", {}).enabled, false);
  });
});
