import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { Article } from "../../src/content/load.ts";
import {
  groupBy, neighbours, nextPublication, pagesFromOldest, publishedArticles, relatedArticles,
} from "../../src/portal/collections.ts";

const channel = (slug: string) => ({ name: slug, slug });
function make(slug: string, date: string, extra: Partial<Article> = {}): Article {
  return {
    file: `content/articles/${slug}.md`, slug, title: slug,
    date: DateTime.fromISO(date, { zone: "Asia/Shanghai" }),
    source: "s", author: "a", channel: channel("news"), sponsor: "sp", tags: [], summary: "", lang: "zh-Hant",
    draft: false, html: "", text: "", digest: slug, ...extra,
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
  const a = make("a", "2020-01-03T00:00", { tags: ["本溪", "治理"] });
  const b = make("b", "2020-01-02T00:00", { tags: ["本溪"] });
  const c = make("c", "2020-01-01T00:00", { tags: ["本溪", "治理"], channel: channel("other") });
  const d = make("d", "2019-01-01T00:00");
  const channelList = [a, b, d];
  it("finds the older and newer article in the channel", () => {
    assert.deepEqual(neighbours(channelList, b), { older: d, newer: a });
    assert.deepEqual(neighbours(channelList, a), { older: b });
  });
  it("ranks shared tags above the same channel", () => {
    const byTag = groupBy([a, b, c, d], (x) => x.tags);
    assert.deepEqual(relatedArticles(a, byTag, channelList).map((x) => x.slug), ["c", "b", "d"]);
  });
  it("relates only earlier articles, so publishing one never changes older pages", () => {
    const byTag = groupBy([a, b, c, d], (x) => x.tags);
    assert.deepEqual(relatedArticles(b, byTag, channelList).map((x) => x.slug), ["c", "d"]);
    assert.deepEqual(relatedArticles(d, byTag, channelList), []);
  });
});
