/**
 * What machines read, on a build of articles it has never seen: feeds, sitemaps, robots.txt, JSON-LD, Open Graph
 * and the government portal meta tags, each parsed by a real parser and checked field by field.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { READER_BOOT } from "../../src/browser/boot.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { foreignScripts } from "../helpers/site.ts";

const BASE = "https://www.lncaw.example.cn";
const HOSTILE = `標題</script><script>alert(1)</script> "引" & 'x'`;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => ["entry", "item", "url", "category", "link"].includes(n) });
const generated = generateArticles(120, 11);

describe("feeds, sitemaps and structured data", () => {
  let project: Project;
  let site: string;
  const read = (file: string) => readFile(path.join(site, file), "utf8");

  before(async () => {
    project = await createProject();
    await writeArticles(project.root, generated);
    // The reference time of the test builds is 2026-09-21T22:13:20+08:00 (SOURCE_DATE_EPOCH=1790000000).
    await project.write("content/articles/hostile-title.md", article({ ...VALID, title: JSON.stringify(HOSTILE), date: "2026-09-21 10:00", channel: "平安建設", tags: "[甲&乙]" }));
    await project.write("content/articles/fresh.md", article({ ...VALID, title: "昨日新聞", date: "2026-09-20 23:00", channel: "平安建設" }));
    await project.write("content/articles/a-draft.md", article({ ...VALID, title: "草稿", date: "2026-09-21 11:00", draft: "true" }));
    await project.write("content/articles/later.md", article({ ...VALID, title: "未來", date: "2026-09-22 09:00" }));
    const result = await project.run("build");
    assert.equal(result.code, 0, result.stderr);
    site = path.join(project.root, "_site");
  });
  after(() => project.dispose());

  it("home and channel pages advertise Atom, RSS and JSON feeds, and link them visibly", async () => {
    for (const [page, channel] of [["index.html", ""], ["channels/news/index.html", "news/"]] as const) {
      const html = await read(page);
      for (const [type, file] of [["application/atom+xml", "atom.xml"], ["application/rss+xml", "rss.xml"], ["application/feed+json", "feed.json"]]) {
        assert.match(html, new RegExp(`<link rel="alternate" href="/feeds/${channel}${file.replace(".", "\\.")}" type="${type.replace("+", "\\+")}"`), `${page} ${file}`);
        assert.match(html, new RegExp(`<a href="/feeds/${channel}${file.replace(".", "\\.")}">`), `${page} visible ${file}`);
      }
    }
  });

  it("every feed parses and every entry has id, title, link and +08:00 time; channel feeds hold only their channel", async () => {
    for (const channel of ["", "news/", "public-safety/", "grassroots/"]) {
      const atomXml = await read(`feeds/${channel}atom.xml`);
      assert.equal(XMLValidator.validate(atomXml), true);
      const atom = parser.parse(atomXml).feed;
      assert.ok(atom.entry.length > 0 && atom.entry.length <= 50);
      for (const e of atom.entry) {
        assert.match(e.id, new RegExp(`^${BASE}/(hant/)?articles/[a-z0-9-]+/$`));
        assert.ok(e.title && e.link[0]["@href"] === e.id);
        assert.match(e.published, /\+08:00$/);
      }
      assert.equal(atom.updated, atom.entry.map((e: { updated: string }) => e.updated).sort().pop());
      const rss = parser.parse(await read(`feeds/${channel}rss.xml`)).rss.channel;
      assert.equal(rss.item.length, atom.entry.length);
      for (const i of rss.item) assert.match(i.pubDate, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
      const json = JSON.parse(await read(`feeds/${channel}feed.json`));
      assert.deepEqual(json.items.map((i: { id: string }) => i.id), atom.entry.map((e: { id: string }) => e.id));
      if (channel) {
        const name = { "news/": "政法要聞", "public-safety/": "平安建設", "grassroots/": "基層動態" }[channel];
        for (const e of atom.entry) assert.equal(e.category[0]["@term"], name);
      }
    }
  });

  it("a hostile title survives every output intact and escaped", async () => {
    const atom = parser.parse(await read("feeds/public-safety/atom.xml")).feed;
    assert.ok(atom.entry.some((e: { title: string }) => e.title === HOSTILE));
    const rss = parser.parse(await read("feeds/rss.xml")).rss.channel;
    assert.ok(rss.item.some((i: { title: string }) => i.title === HOSTILE));
    const json = JSON.parse(await read("feeds/feed.json"));
    assert.ok(json.items.some((i: { title: string }) => i.title === HOSTILE));
    const news = parser.parse(await read("sitemap-news.xml")).urlset.url;
    assert.ok(news.some((u: { "news:news": { "news:title": string } }) => u["news:news"]["news:title"] === HOSTILE));
    const html = await read("articles/hostile-title/index.html");
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    assert.equal(ld[0].headline, HOSTILE);
    assert.equal(ld[1].itemListElement.at(-1).name, HOSTILE);
    assert.deepEqual(foreignScripts(html, READER_BOOT), []);
    assert.ok(html.includes(`<meta name="ArticleTitle" content="標題&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;引&quot; &amp; &#39;x&#39;">`));
  });

  it("every article has NewsArticle JSON-LD, canonical URL, Open Graph and government meta tags", async () => {
    const hant = generated.filter((a) => a.lang === "zh-Hant").slice(0, 20);
    for (const a of [...hant, { slug: "benxi-2020-07-16", title: "于天敏赴本溪市調研市域社會治理現代化工作" }]) {
      const html = await read(`articles/${a.slug}/index.html`);
      const url = `${BASE}/articles/${a.slug}/`;
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
      assert.equal(ld["@type"], "NewsArticle");
      assert.equal(ld.headline, a.title);
      assert.match(ld.datePublished, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
      assert.match(ld.dateModified, /\+08:00$/);
      assert.equal(ld.mainEntityOfPage["@id"], url);
      assert.ok(ld.author.name && ld.publisher.name && ld.articleSection && ld.inLanguage);
      assert.ok(html.includes(`<link rel="canonical" href="${url}">`));
      for (const tag of ['property="og:type" content="article"', `property="og:title" content="${a.title}"`, `property="og:url" content="${url}"`,
        'property="og:site_name" content="遼寧長安網"', 'property="og:locale"', 'property="article:published_time"', 'property="article:section"',
        'name="twitter:card" content="summary"', 'name="SiteName" content="遼寧長安網"', 'name="SiteDomain" content="www.lncaw.example.cn"',
        'name="ColumnName"', `name="ArticleTitle" content="${a.title}"`, 'name="ContentSource"', 'name="Author"', 'name="Keywords"', 'name="Description"']) {
        assert.ok(html.includes(`<meta ${tag}`), `${a.slug}: ${tag}`);
      }
      assert.match(html, /<meta name="PubDate" content="\d{4}-\d{2}-\d{2} \d{2}:\d{2}">/);
    }
    const channel = await read("channels/news/index.html");
    assert.ok(channel.includes('<meta name="ColumnName" content="政法要聞">'));
  });

  it("every page carries the site's government tags, and a footer with its records linked, in both scripts", async () => {
    const pages = {
      home: ["index.html", "hans/index.html"],
      channel: ["channels/news/index.html", "hans/channels/news/index.html"],
      article: ["articles/benxi-2020-07-16/index.html", "hans/articles/benxi-2020-07-16/index.html"],
    };
    for (const [kind, files] of Object.entries(pages)) {
      for (const [i, file] of files.entries()) {
        const html = await read(file);
        const hans = i === 1;
        for (const tag of ['name="SiteName" content="' + (hans ? "辽宁长安网" : "遼寧長安網") + '"', 'name="SiteDomain" content="www.lncaw.example.cn"',
          'name="SiteIDCode" content="2100000001"']) {
          assert.ok(html.includes(`<meta ${tag}>`), `${file}: ${tag}`);
        }
        if (kind !== "home") {
          // The channel page is 政法要聞's; the Benxi article is in 市域治理.
          const [name, keywords] = kind === "channel" ? [hans ? "政法要闻" : "政法要聞", hans ? "政法,新闻,工作部署" : "政法,新聞,工作部署"]
            : ["市域治理", hans ? "市域社会治理,现代化试点" : "市域社會治理,現代化試點"];
          assert.ok(html.includes(`<meta name="ColumnName" content="${name}">`), file);
          assert.ok(html.includes(`<meta name="ColumnKeywords" content="${keywords}">`), file);
          assert.ok(html.includes(`<meta name="ColumnType" content="${hans ? "工作动态" : "工作動態"}">`), file);
          assert.match(html, /<meta name="ColumnDescription" content="[^"]+">/, file);
        }
        const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html)![1]!;
        assert.match(footer, hans ? /主办：中共辽宁省委政法委员会.*承办：辽宁法治报/ : /主辦：中共遼寧省委政法委員會.*承辦：遼寧法治報/, file);
        assert.match(footer, /<a href="https:\/\/beian\.miit\.gov\.cn\/" rel="noopener">[遼辽]ICP[備备]00000000[號号]<\/a>/, file);
        assert.match(footer, /<a href="https:\/\/beian\.gov\.cn\/portal\/registerSystemInfo\?recordcode=21010202000001" rel="noopener">[遼辽]公[網网]安[備备] 21010202000001[號号]<\/a>/, file);
        assert.match(footer, /[網网][站][標标][識识][碼码]：2100000001/, file);
        assert.match(footer, /<a class="gov-mark" href="https:\/\/bszs\.conac\.cn\/" rel="noopener"><img src="\/images\/party-gov-mark\.svg" alt="[^"]+" width="55" height="65"><\/a>/, file);
        assert.match(footer, /<a href="tel:024-00000000">024-00000000<\/a>/, file);
        // The statement of what elderly mode keeps (18 px and more, line height 1.5 and more) is one click away.
        assert.match(footer, hans ? /<a href="[^"]+">适老化与无障碍说明<\/a>/ : /<a href="[^"]+">適老化與無障礙說明<\/a>/, file);
        assert.match(footer, /<a href="mailto:web@lncaw\.example\.cn">web@lncaw\.example\.cn<\/a>/, file);
      }
    }
    const statement = await read("accessibility/index.html");
    assert.match(statement, /正文字號不小於 18 像素/);
    assert.match(statement, /行距不小於 1\.5 倍/);
    // The mark's picture is the site's own, copied from public/, and so are the icons every page names.
    assert.ok((await read("images/party-gov-mark.svg")).startsWith("<svg"));
    const home = await read("index.html");
    for (const link of ['<link rel="icon" href="/favicon.ico" sizes="any">', '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
      '<link rel="apple-touch-icon" href="/apple-touch-icon.png">']) assert.ok(home.includes(link), link);
    const ico = await readFile(path.join(site, "favicon.ico"));
    assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0], "favicon.ico is an icon file");
  });

  it("sitemaps: lastmod on every article, the news sitemap holds the last 48 hours, robots.txt names both", async () => {
    const urls = parser.parse(await read("sitemap.xml")).urlset.url as { loc: string; lastmod?: string }[];
    const articleUrls = urls.filter((u) => u.loc.includes("/articles/"));
    assert.equal(articleUrls.length, 2 * (generated.length + 3), "every article in both scripts");
    assert.ok(articleUrls.every((u) => /\+08:00$/.test(u.lastmod ?? "")));
    const news = parser.parse(await read("sitemap-news.xml")).urlset.url as { loc: string }[];
    assert.deepEqual(news.map((u) => u.loc).sort(), [`${BASE}/articles/fresh/`, `${BASE}/articles/hostile-title/`]);
    const robots = await read("robots.txt");
    assert.match(robots, new RegExp(`Sitemap: ${BASE}/sitemap\\.xml`));
    assert.match(robots, new RegExp(`Sitemap: ${BASE}/sitemap-news\\.xml`));
  });

  it("drafts and future articles appear in no feed or sitemap", async () => {
    for (const file of ["feeds/atom.xml", "feeds/rss.xml", "feeds/feed.json", "feeds/news/atom.xml", "sitemap.xml", "sitemap-news.xml"]) {
      const text = await read(file);
      for (const needle of ["a-draft", "later", "草稿", "未來"]) assert.ok(!text.includes(needle), `${needle} in ${file}`);
    }
  });
});
