import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { Article, Content } from "../../src/content/load.ts";
import { siteSchema, type SiteConfig } from "../../src/content/site-config.ts";
import { planPortal, type PageBase } from "../../src/portal/portal.ts";

const site: SiteConfig = siteSchema.parse({
  name: "遼寧長安網", sponsor: "中共遼寧省委政法委員會", baseUrl: "https://e.cn", protectedWords: ["于天敏"],
  channels: [{ name: "市域治理", slug: "city" }, { name: "政法要聞", slug: "news" }],
});
const at = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Shanghai" });
function make(slug: string, lang: "zh-Hant" | "zh-Hans", fields: Partial<Article> = {}): Article {
  return {
    file: `content/articles/${slug}.md`, slug, title: lang === "zh-Hant" ? "于天敏赴本溪市調研" : "于天敏赴本溪市调研",
    date: at("2020-07-16T08:45"), source: "遼寧法制報", author: "記者", channel: site.channels[0]!, sponsor: site.sponsor,
    tags: lang === "zh-Hant" ? ["社會治理"] : ["社会治理"], summary: "摘要", lang, draft: false, body: () => ({ html: "<p>正文</p>", text: "正文" }), textLength: 2, digest: `test:${slug}`,
    ...fields,
  };
}
const content: Content & { site: SiteConfig } = {
  site, pages: [], problems: [], images: [], now: at("2021-01-01T00:00"),
  articles: [make("hant", "zh-Hant"), make("hans", "zh-Hans", { date: at("2020-07-17T09:00") })],
};
const portal = planPortal(content, { now: at("2021-01-01T00:00") });
const articles = portal.articles.map((page) => page.make());
const lists = portal.lists.map((page) => page.make());
const find = <P extends PageBase>(pages: P[], outputPath: string) => {
  const page = pages.find((p) => p.outputPath === outputPath);
  assert.ok(page, `${outputPath} missing; have ${pages.map((p) => p.outputPath).join(", ")}`);
  return page;
};

describe("planPortal in two scripts", () => {
  it("puts an article's own script at /articles/ and its twin under the other script's folder", () => {
    const hant = find(articles, "articles/hant/index.html");
    const hantTwin = find(articles, "hans/articles/hant/index.html");
    assert.equal(hant.lang, "zh-Hant");
    assert.equal(hant.title, "于天敏赴本溪市調研");
    assert.equal(hantTwin.lang, "zh-Hans");
    assert.equal(hantTwin.title, "于天敏赴本溪市调研");
    const hans = find(articles, "articles/hans/index.html");
    const hansTwin = find(articles, "hant/articles/hans/index.html");
    assert.equal(hans.lang, "zh-Hans");
    assert.equal(hansTwin.title, "于天敏赴本溪市調研", "the protected name keeps its 于");
  });

  it("links twins both ways with hreflang and the script switch", () => {
    const hant = find(articles, "articles/hant/index.html");
    const twin = find(articles, "hans/articles/hant/index.html");
    const alternates = (p: PageBase) => p.head.links.filter((l) => l.hreflang).map((l) => `${l.hreflang} ${l.href}`);
    const expected = ["zh-Hans https://e.cn/hans/articles/hant/", "zh-Hant https://e.cn/articles/hant/"];
    assert.deepEqual(alternates(hant), expected);
    assert.deepEqual(alternates(twin), expected);
    assert.deepEqual(hant.toggle, { text: "简体", href: "/hans/articles/hant/", lang: "zh-Hans" });
    assert.deepEqual(twin.toggle, { text: "繁體", href: "/articles/hant/", lang: "zh-Hant" });
    const home = find(portal.home, "index.html");
    assert.equal(home.toggle?.href, "/hans/");
  });

  it("prints the portal's own words in the page's script", () => {
    const twin = find(articles, "hans/articles/hant/index.html");
    assert.equal(twin.chrome.t.source, "来源");
    assert.equal(twin.chrome.siteName, "辽宁长安网");
    assert.equal(twin.meta.channel.text, "市域治理");
    assert.equal(find(articles, "articles/hant/index.html").chrome.t.source, "來源");
  });

  it("lists pages in one script, linking articles in that script", () => {
    const hansHome = find(portal.home, "hans/index.html");
    assert.deepEqual(hansHome.latest.concat(hansHome.lead ? [hansHome.lead] : []).map((i) => i.href).sort(),
      ["/articles/hans/", "/hans/articles/hant/"]);
    const hantHome = find(portal.home, "index.html");
    assert.deepEqual(hantHome.latest.concat(hantHome.lead ? [hantHome.lead] : []).map((i) => i.href).sort(),
      ["/articles/hant/", "/hant/articles/hans/"]);
  });

  it("links the twin of a page built when rendered, as of the others", () => {
    const tag = find(lists, "tags/社會治理/index.html");
    assert.deepEqual(tag.head.links.filter((l) => l.hreflang).map((l) => `${l.hreflang} ${l.href}`),
      ["zh-Hans https://e.cn/hans/tags/%E7%A4%BE%E6%9C%83%E6%B2%BB%E7%90%86/", "zh-Hant https://e.cn/tags/%E7%A4%BE%E6%9C%83%E6%B2%BB%E7%90%86/"]);
    assert.deepEqual(tag.toggle, { text: "简体", href: "/hans/tags/%E7%A4%BE%E6%9C%83%E6%B2%BB%E7%90%86/", lang: "zh-Hans" });
  });

  it("gives a tag one page per script whichever script it was written in", () => {
    const hantTag = find(lists, "tags/社會治理/index.html");
    assert.equal(hantTag.items.length, 2);
    assert.equal(hantTag.heading, "關鍵詞：社會治理");
    const hansTag = find(lists, "hans/tags/社會治理/index.html");
    assert.equal(hansTag.heading, "关键词：社会治理");
    assert.equal(portal.lists.filter((l) => l.kind === "tag").length, 2);
  });
});
