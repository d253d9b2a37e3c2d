import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createUrls, outputPath, paths, sitePath } from "../../src/portal/urls.ts";

describe("urls", () => {
  it("prefixes and percent-encodes links, and makes absolute URLs", () => {
    const urls = createUrls({ baseUrl: "https://example.cn", pathPrefix: "/portal/" });
    assert.equal(urls.href(paths.home()), "/portal/");
    assert.equal(urls.href(paths.tag("本溪")), "/portal/tags/%E6%9C%AC%E6%BA%AA/");
    assert.equal(urls.href(paths.tag("A&B")), "/portal/tags/A%26B/");
    assert.equal(urls.absolute(paths.article("benxi")), "https://example.cn/portal/articles/benxi/");
    assert.equal(createUrls({ baseUrl: "https://example.cn", pathPrefix: "/" }).href(paths.file("sitemap.xml")), "/sitemap.xml");
  });

  it("maps site paths to files inside the output folder", () => {
    assert.equal(outputPath(paths.home()), "index.html");
    assert.equal(outputPath(paths.channel("news", 3)), "channels/news/page/3/index.html");
    assert.equal(outputPath(paths.tag("本溪")), "tags/本溪/index.html");
    assert.equal(outputPath(paths.file("404.html")), "404.html");
  });

  it("refuses segments that could leave the output folder", () => {
    for (const bad of ["..", ".", "a/b", "a\\b", "x\u0000"]) assert.throws(() => sitePath("tags", bad), /unsafe/);
  });

  it("makes a tag that looks like a file name a folder, never a bare file or another page's index.html", () => {
    assert.equal(outputPath(paths.tag("node.js")), "tags/node.js/index.html");
    assert.equal(outputPath(paths.tag("index.html")), "tags/index.html/index.html");
    assert.equal(outputPath(paths.feed("rss", "news")), "feeds/news/rss.xml");
  });
});
