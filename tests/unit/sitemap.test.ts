import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { inNewsWindow, newsSitemap, robotsTxt, sitemapFiles } from "../../src/portal/sitemap.ts";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "sitemap"].includes(name) });

describe("sitemapFiles", () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ url: `https://e.cn/a/${i}/?x=1&y=2`, lastmod: `2020-07-1${i}T08:00:00+08:00` }));
  it("writes one urlset under the limit, sorted and escaped", () => {
    const [file, ...rest] = sitemapFiles([...entries].reverse(), (n) => `https://e.cn/sitemap-${n}.xml`);
    assert.equal(rest.length, 0);
    assert.equal(XMLValidator.validate(file!.body), true);
    const urls = parser.parse(file!.body).urlset.url;
    assert.equal(urls[0].loc, "https://e.cn/a/0/?x=1&y=2");
    assert.match(file!.body, /&amp;y=2/);
  });
  it("writes an index and parts past the limit", () => {
    const files = sitemapFiles(entries, (n) => `https://e.cn/sitemap-${n}.xml`, 2);
    assert.deepEqual(files.map((f) => f.name), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
    const index = parser.parse(files[0]!.body).sitemapindex.sitemap;
    assert.equal(index.length, 3);
    assert.equal(index[2].loc, "https://e.cn/sitemap-3.xml");
    assert.equal(index[0].lastmod, "2020-07-11T08:00:00+08:00");
  });
});

describe("news sitemap", () => {
  it("takes articles of the 48 hours up to the reference time", () => {
    const now = DateTime.fromISO("2020-07-18T08:45:00+08:00");
    assert.ok(inNewsWindow(DateTime.fromISO("2020-07-16T08:45:00+08:00"), now));
    assert.ok(!inNewsWindow(DateTime.fromISO("2020-07-16T08:44:59+08:00"), now));
    assert.ok(!inNewsWindow(DateTime.fromISO("2020-07-18T08:46:00+08:00"), now));
  });
  it("is well-formed with entries and still has a url element when empty", () => {
    const full = newsSitemap("遼寧長安網", [{ url: "https://e.cn/a/", title: "<標題>", published: "2020-07-16T08:45:00+08:00", lang: "zh-Hans" }], "https://e.cn/");
    assert.equal(XMLValidator.validate(full), true);
    const url = parser.parse(full).urlset.url[0];
    assert.equal(url["news:news"]["news:title"], "<標題>");
    assert.equal(url["news:news"]["news:publication"]["news:language"], "zh-cn");
    const empty = newsSitemap("遼寧長安網", [], "https://e.cn/");
    assert.equal(XMLValidator.validate(empty), true);
    assert.equal(parser.parse(empty).urlset.url.length, 1);
  });
  it("robots.txt names every sitemap", () => {
    assert.equal(robotsTxt(["https://e.cn/sitemap.xml", "https://e.cn/sitemap-news.xml"]),
      "User-agent: *\nAllow: /\n\nSitemap: https://e.cn/sitemap.xml\nSitemap: https://e.cn/sitemap-news.xml\n");
  });
});
