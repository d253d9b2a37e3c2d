/**
 * Result cards replace Pagefind's fragments: one a result, under the result's id, holding what the search page shows
 * and the lead of the text, and small whatever the article's length. Checked on a real Pagefind index.
 * A fragment whose address is not a record of the shard fails loudly.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { writeCards } from "../../src/search/card-writer.ts";
import { CARD_EXTENSION, CARD_FOLDER, CARD_TEXT, type Card } from "../../src/search/result-card.ts";

describe("result cards", () => {
  let dir = "";
  const shown = new Map<string, Record<string, string>>();
  const long = "本溪市堅持和發展新時代楓橋經驗。".repeat(400);
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "broadsheet-cards-"));
    const { index } = await pagefind.createIndex({ forceLanguage: "unknown", keepIndexUrl: false });
    // As the shard worker does: the meta is the cards', not Pagefind's.
    const record = (url: string, title: string, text: string) => {
      shown.set(url, { title, title_hans: title, text });
      return index!.addCustomRecord({ url, language: "unknown", content: `${text.length} words of ${title} ${"abc ".repeat(text.length)}`, meta: {}, filters: {}, sort: {} });
    };
    await record("/articles/short/", "短文", "調兵山市矛盾糾紛多元化解。");
    await record("/articles/long/", "長文", long);
    await index!.writeFiles({ outputPath: dir });
    await pagefind.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("writes a card for every fragment, under its name, and removes the fragments", () => {
    const fragments = readdirSync(path.join(dir, "fragment")).map((f) => f.replace(/\.pf_fragment$/, ""));
    assert.equal(fragments.length, 2);
    assert.equal(writeCards(dir, shown), 2);
    assert.ok(!existsSync(path.join(dir, "fragment")));
    const cards = readdirSync(path.join(dir, CARD_FOLDER));
    assert.deepEqual(cards.map((c) => c.replace(CARD_EXTENSION, "")).sort(), fragments.sort());
    const read = (name: string) => JSON.parse(gunzipSync(readFileSync(path.join(dir, CARD_FOLDER, name))).toString("utf8")) as Card;
    const byUrl = new Map(cards.map((c) => [read(c).url, { card: read(c), bytes: readFileSync(path.join(dir, CARD_FOLDER, c)).length }]));
    const short = byUrl.get("/articles/short/")!;
    assert.deepEqual(short.card.meta, { title: "短文", title_hans: "短文", text: "調兵山市矛盾糾紛多元化解。" });
    const longCard = byUrl.get("/articles/long/")!;
    assert.equal(longCard.card.meta.text, long.slice(0, CARD_TEXT), "the lead of a long text");
    assert.equal(longCard.card.meta.title, "長文");
    assert.ok(longCard.bytes < 2048, `${longCard.bytes} bytes`);
    // The words Pagefind indexed are not in a card.
    assert.ok(!JSON.stringify(longCard.card).includes("abc"));
  });

  it("refuses a fragment of an address it has no record for", async () => {
    const other = await mkdtemp(path.join(tmpdir(), "broadsheet-cards-"));
    try {
      const { index } = await pagefind.createIndex({ forceLanguage: "unknown", keepIndexUrl: false });
      await index!.addCustomRecord({ url: "/articles/stray/", language: "unknown", content: "abc def", meta: {}, filters: {}, sort: {} });
      await index!.writeFiles({ outputPath: other });
      assert.throws(() => writeCards(other, shown), /\/articles\/stray\/, which is not a record of this shard/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
