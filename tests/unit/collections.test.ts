import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { Article } from "../../src/content/article.ts";
import {
  neighbourIndex, nextPublication, pagesFromOldest, publishedArticles, relatedIndex,
} from "../../src/portal/collections.ts";

const channel = (slug: string) => ({ name: slug, slug });
function make(slug: string, date: string, extra: Partial<Article> = {}): Article {
  return {
    file: `content/articles/${slug}.md`, slug, title: slug,
    date: DateTime.fromISO(date, { zone: "Asia/Shanghai" }),
    source: "s", author: "a", channel: channel("news"), sponsor: "sp", tags: [], summary: "", lang: "zh-Hant",
    draft: false, body: () => ({ html: "", text: "" }), textLength: 0, digest: slug, ...extra,
  };
}
const NOW = DateTime.fromISO("2021-01-01T00:00:00+08:00");

describe("publishedArticles", () => {
  const list = [
    make("b", "2020-05-01T10:00"), make("a", "2020-05-01T10:00"), make("old", "2019-01-01T00:00"),
    make("draft", "2020-06-01T00:00", { draft: true }), make("future", "2021-01-01T00:01"),
    make("exact", "2021-01-01T00:00"),
  ];
  it("leaves out drafts and articles dated after the reference time; newest first, ties by slug", () => {
    assert.deepEqual(publishedArticles(list, { now: NOW }).map((a) => a.slug), ["exact", "a", "b", "old"]);
  });
  it("shows everything in preview", () => {
    assert.equal(publishedArticles(list, { now: NOW, preview: true }).length, 6);
  });
  it("does not depend on input order", () => {
    assert.deepEqual(
      publishedArticles([...list].reverse(), { now: NOW }).map((a) => a.slug),
      publishedArticles(list, { now: NOW }).map((a) => a.slug),
    );
  });
  it("names the next publication", () => {
    assert.equal(nextPublication(list, NOW)?.slug, "future");
    assert.equal(nextPublication(list, DateTime.fromISO("2022-01-01T00:00:00+08:00")), undefined);
  });
});

describe("pagesFromOldest", () => {
  it("numbers pages from the oldest so adding an article changes only the newest page", () => {
    const before = pagesFromOldest([5, 4, 3, 2, 1], 2);
    assert.deepEqual(before, [[2, 1], [4, 3], [5]]);
    const afterAdding = pagesFromOldest([6, 5, 4, 3, 2, 1], 2);
    assert.deepEqual(afterAdding.slice(0, 2), before.slice(0, 2));
    assert.deepEqual(afterAdding[2], [6, 5]);
  });
});

describe("neighbours and related", () => {
  const tagged = (x: Article) => ({ ...x, tagKeys: x.tags });
  const a = tagged(make("a", "2020-01-03T00:00", { tags: ["本溪", "治理"] }));
  const b = tagged(make("b", "2020-01-02T00:00", { tags: ["本溪"] }));
  const c = tagged(make("c", "2020-01-01T00:00", { tags: ["本溪", "治理"], channel: channel("other") }));
  const d = tagged(make("d", "2019-01-01T00:00"));
  it("finds the older and newer article in the channel", () => {
    const index = neighbourIndex([a, b, d]);
    assert.deepEqual(index.get(b), { older: d, newer: a });
    assert.deepEqual(index.get(a), { older: b });
    assert.deepEqual(index.get(d), { newer: b });
  });
  it("ranks shared tags above the same channel", () => {
    assert.deepEqual(relatedIndex([a, b, c, d]).get("a"), ["c", "b", "d"]);
  });
  it("relates only earlier articles, so publishing one never changes older pages", () => {
    const related = relatedIndex([a, b, c, d]);
    assert.deepEqual(related.get("b"), ["c", "d"]);
    assert.deepEqual(related.get("d"), []);
    const e = tagged(make("e", "2020-02-01T00:00", { tags: ["本溪", "治理"] }));
    const after = relatedIndex([e, a, b, c, d]);
    for (const x of [a, b, c, d]) assert.deepEqual(after.get(x.slug), related.get(x.slug), x.slug);
    assert.deepEqual(after.get("e"), ["a", "c", "b", "d"]);
  });
  it("keeps the nearest of many equally related articles, newest first", () => {
    const many = Array.from({ length: 60 }, (_, i) => tagged(make(`m${i}`, `2020-03-${String(30 - (i >> 1)).padStart(2, "0")}T${String(i % 2 ? 8 : 9).padStart(2, "0")}:00`, { tags: ["本溪"] })));
    assert.deepEqual(relatedIndex(many).get("m0"), ["m1", "m2", "m3", "m4"]);
    assert.deepEqual(relatedIndex(many, 2).get("m57"), ["m58", "m59"]);
  });
});
