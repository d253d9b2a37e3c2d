import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { atomFeed, jsonFeed, rssFeed, type Feed } from "../../src/portal/feed-formats.ts";

const zone = "Asia/Shanghai";
const at = (iso: string) => DateTime.fromISO(iso, { zone });
const HOSTILE = `"</script>]]><x> & '引號'`;
const feed = (entries = 2): Feed => ({
  title: `遼寧長安網 ${HOSTILE}`, description: "描述", homeUrl: "https://e.cn/", lang: "zh-Hant", publisher: "主辦",
  urls: { atom: "https://e.cn/feeds/atom.xml", rss: "https://e.cn/feeds/rss.xml", json: "https://e.cn/feeds/feed.json" },
  fallbackUpdated: at("2019-01-01T00:00"),
  zone,
  entries: [
    { id: "https://e.cn/articles/a/", url: "https://e.cn/articles/a/", title: HOSTILE, summary: "摘要", html: "<p>正文 ]]> 結束</p>",
      published: at("2020-07-16T08:45"), updated: at("2020-07-18T10:00"), author: "記者 甲", source: "遼寧法制報",
      channel: "市域治理", tags: ["本溪"], lang: "zh-Hant" },
    { id: "https://e.cn/articles/b/", url: "https://e.cn/articles/b/", title: "二", summary: "", html: "<p>二</p>",
      published: at("2020-07-17T09:00"), updated: at("2020-07-17T09:00"), author: "乙", source: "丙", channel: "政法要聞",
      tags: [], lang: "zh-Hans" },
  ].slice(0, entries),
});
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("atomFeed", () => {
  it("is well-formed, escapes every value, and takes updated from the newest entry", () => {
    const xml = atomFeed(feed());
    assert.equal(XMLValidator.validate(xml), true);
    const doc = parser.parse(xml).feed;
    assert.equal(doc.updated, "2020-07-18T10:00:00+08:00");
    assert.equal(doc.entry[0].title, HOSTILE);
    assert.equal(doc.entry[0].published, "2020-07-16T08:45:00+08:00");
    assert.equal(doc.entry[0].link["@href"], "https://e.cn/articles/a/");
    assert.equal(doc.entry[0].author.name, "記者 甲");
    assert.equal(doc.entry[0].source.title, "遼寧法制報");
    assert.equal(doc.entry[0].content["#text"], "<p>正文 ]]> 結束</p>");
  });
  it("uses the fallback time when empty, never the clock", () => {
    assert.match(atomFeed(feed(0)), /<updated>2019-01-01T00:00:00\+08:00<\/updated>/);
  });
});

describe("rssFeed", () => {
  it("is well-formed with English RFC 822 dates in +0800", () => {
    const xml = rssFeed(feed());
    assert.equal(XMLValidator.validate(xml), true);
    const channel = parser.parse(xml).rss.channel;
    assert.equal(channel.lastBuildDate, "Sat, 18 Jul 2020 10:00:00 +0800");
    assert.equal(channel.item[0].pubDate, "Thu, 16 Jul 2020 08:45:00 +0800");
    assert.equal(channel.item[0].title, HOSTILE);
    assert.equal(channel.item[0]["content:encoded"], "<p>正文 ]]> 結束</p>");
    assert.equal(channel.item[0]["dc:creator"], "記者 甲");
  });
});

describe("jsonFeed", () => {
  it("is JSON Feed 1.1 with +08:00 times", () => {
    const doc = JSON.parse(jsonFeed(feed()));
    assert.equal(doc.version, "https://jsonfeed.org/version/1.1");
    assert.equal(doc.items[0].date_published, "2020-07-16T08:45:00+08:00");
    assert.equal(doc.items[0].title, HOSTILE);
    assert.deepEqual(doc.items[0].tags, ["市域治理", "本溪"]);
    assert.equal(doc.items[1].language, "zh-Hans");
  });
});
