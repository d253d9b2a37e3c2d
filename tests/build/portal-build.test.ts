/**
 * The production build, run as CI runs it (`npm run build` in a child process) on a scratch copy of the project:
 * the sample portal plus generated articles, then each promise of the contract in turn.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, symlink, utimes } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ICP_LINK, POLICE_RECORD_LINK } from "../../src/content/site-config.ts";
import { HtmlValidate } from "html-validate";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { READER_BOOT } from "../../src/browser/boot.ts";
import { crawl, foreignScripts, htmlFiles } from "../helpers/site.ts";

const BENXI = "articles/benxi-2020-07-16/index.html";
const generated = generateArticles(300, 7);

describe("npm run build on the sample portal with 300 more articles", () => {
  let project: Project;
  let site: string;
  let firstBuild: Map<string, string>;
  let buildOutput: string;
  let progressOutput: string;

  before(async () => {
    project = await createProject();
    await writeArticles(project.root, generated);
    // Progress lines as often as the clock ticks (15 s apart by default), to see that they are made.
    const result = await project.run("build", { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8", CI: "true", BROADSHEET_PROGRESS_SECONDS: "0" });
    buildOutput = result.stdout + result.stderr;
    progressOutput = result.stderr;
    assert.equal(result.code, 0, buildOutput);
    site = path.join(project.root, "_site");
    firstBuild = await project.hashTree();
  });
  after(() => project.dispose());

  it("says its progress on standard error, in plain lines under CI: pages rendered of how many", () => {
    assert.match(progressOutput, /(?:^|，)渲染頁面 \(pages rendered\) [\d,]+ \/ [\d,]+ \(\d+%\)/m);
    assert.match(progressOutput, /^讀取文章 \(articles loaded\) [\d,]+ \/ 30\d \(\d+%\)/m);
    assert.doesNotMatch(progressOutput, /\x1b\[/, "no terminal codes under CI");
  });

  it("prints the reference time and what it built", () => {
    assert.match(buildOutput, /Build reference time: 2026-09-21T22:13:20\+08:00 \(SOURCE_DATE_EPOCH\)/);
    assert.match(buildOutput, /Built 301 articles/);
  });

  it("shows the Benxi article's title, source, author, time (+08:00) and channel", async () => {
    const html = await readFile(path.join(site, BENXI), "utf8");
    assert.match(html, /<h1>于天敏赴本溪市調研市域社會治理現代化工作<\/h1>/);
    assert.match(html, /來源：遼寧法制報/);
    assert.match(html, /作者：駐省委政法委首席記者 白國軍/);
    assert.match(html, /發布時間：<time datetime="2020-07-16T08:45:00\+08:00">2020-07-16 08:45<\/time>/);
    assert.match(html, /欄目：<a href="\/channels\/city-governance\/">市域治理<\/a>/);
    assert.match(html, /<html lang="zh-Hant">/);
    assert.match(html, /本報訊　7月15日，/);
    assert.match(html, /交流。“黨委政府站位高、推動工作舉措實、創新探索有新招。”于天敏對本溪市/);
  });

  it("shows generated articles at the time written, with or without an offset, whatever TZ the build ran in", async () => {
    for (const a of generated.slice(0, 8)) {
      const html = await readFile(path.join(site, "articles", a.slug, "index.html"), "utf8");
      const datetime = `${a.date.replace(" ", "T")}:00+08:00`;
      assert.ok(html.includes(`<time datetime="${datetime}">${a.date}</time>`), `${a.slug} at ${a.date}`);
      assert.ok(html.includes(`<h1>${a.title}</h1>`));
    }
  });

  it("reaches every article from the home page by links, and lists each in sitemap.xml", async () => {
    const reached = await crawl(site);
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    for (const slug of ["benxi-2020-07-16", ...generated.map((a) => a.slug)]) {
      assert.ok(reached.has(`articles/${slug}/index.html`), `${slug} is not reachable from the home page`);
      assert.ok(sitemap.includes(`<loc>https://www.lncaw.example.cn/articles/${slug}/</loc><lastmod>`), `${slug} not in sitemap`);
    }
  });

  it("has no broken internal links", async () => {
    const reached = await crawl(site);
    for (const target of reached) assert.ok(existsSync(path.join(site, target)), `broken link to ${target}`);
  });

  it("is valid HTML (html-validate:standard) on every page", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
    const errors: string[] = [];
    for (const file of await htmlFiles(site)) {
      const report = await validator.validateString(await readFile(path.join(site, file), "utf8"), file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    assert.deepEqual(errors.slice(0, 20), []);
  });

  it("shows the sponsor, the topics and no focus zone on a home page without covers; a topic's page has its banner", async () => {
    const home = await readFile(path.join(site, "index.html"), "utf8");
    assert.match(home, /<p class="masthead-sponsor">主辦：中共遼寧省委政法委員會<\/p>/);
    assert.ok(!home.includes('class="focus"'), "no article has a cover: no focus zone");
    assert.match(home, /<nav class="topics"[\s\S]*?<a href="\/tags\/%E5%B8%82%E5%9F%9F%E7%A4%BE%E6%9C%83%E6%B2%BB%E7%90%86\/">市域社會治理現代化<\/a>/);
    const topic = await readFile(path.join(site, "tags/市域社會治理/index.html"), "utf8");
    assert.match(topic, /<div class="topic-banner">\s*<p class="topic-banner__label">專題<\/p>\s*<h1>市域社會治理現代化<\/h1>\s*<p class="intro">全省市域社會治理現代化試點工作的部署、調研與經驗。<\/p>/);
    const hans = await readFile(path.join(site, "hans/tags/市域社會治理/index.html"), "utf8");
    assert.match(hans, /<h1>市域社会治理现代化<\/h1>/);
  });

  it("paginates channels 20 a page, numbered from the oldest", async () => {
    const front = await readFile(path.join(site, "channels/news/index.html"), "utf8");
    assert.equal(front.match(/class="article-list__title"/g)?.length, 20);
    const news = generated.filter((a) => a.channel === "政法要聞").length;
    const pages = Math.ceil(news / 20);
    assert.ok(existsSync(path.join(site, `channels/news/page/${pages}/index.html`)));
    assert.ok(!existsSync(path.join(site, `channels/news/page/${pages + 1}/index.html`)));
    // Page numbers, newest first: the front page (current), then every numbered page down to 1 (few enough to show all).
    const numbers = (html: string) => [.../<ol class="pager__numbers">([\s\S]*?)<\/ol>/.exec(html)![1]!.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)]
      .map((m) => `${m[3]}${m[2] ? "*" : ""}`);
    const all = Array.from({ length: pages }, (_, i) => String(pages - i));
    assert.deepEqual(numbers(front), ["最新文章*", ...all]);
    const oldest = await readFile(path.join(site, "channels/news/page/1/index.html"), "utf8");
    assert.deepEqual(numbers(oldest), ["最新文章", ...all.slice(0, -1), "1*"]);
  });

  it("builds byte-identical output under another TZ, locale, file times and number of jobs, from an empty cache", async () => {
    const now = new Date();
    for (const a of generated.slice(0, 50)) await utimes(path.join(project.root, a.file), now, now);
    const result = await project.run("build", {
      TZ: "Pacific/Kiritimati", LANG: "C", LC_ALL: "C", BROADSHEET_JOBS: "1", BROADSHEET_CACHE_DIR: path.join(project.root, ".other-cache"),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await project.hashTree(), firstBuild);
  });
});

describe("npm run build with bad content", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    assert.equal((await project.run("build")).code, 0);
    await project.write("_site/stale.html", "<p>left from an old build</p>");
  });
  after(() => project.dispose());

  it("fails naming every file, line and field, runs nothing, and leaves _site/ as it was", async () => {
    const before = await project.hashTree();
    const { title: _omit, ...noTitle } = VALID;
    await project.write("content/articles/no-title.md", article(noTitle));
    await project.write("content/articles/bad-date.md", article({ ...VALID, date: "2020-13-45" }));
    await project.write("content/articles/bad-channel.md", article({ ...VALID, channel: "體育新聞" }));
    await project.write("content/articles/js.md",
      '---js\n{ title: require("fs").writeFileSync("PWNED", "x") || "x", date: "2020-01-01" }\n---\n正文\n');
    await project.write("content/articles/gbk.md", new Uint8Array([...Buffer.from(article(VALID)).subarray(0, 10), 0xb1, 0xea, 0x0a]));
    const result = await project.run("build");
    const lines = result.stderr.split("\n");
    assert.equal(result.code, 1);
    const expect = (pattern: RegExp) => assert.ok(lines.some((l) => pattern.test(l)), `${pattern} not in:\n${result.stderr}`);
    expect(/^content\/articles\/no-title\.md:1 title: 缺少標題.*\(is missing/);
    expect(/^content\/articles\/bad-date\.md:3 date: "2020-13-45" 不是真實的日期：沒有 13 月 \(is not a real date \(month 13\)\)$/);
    expect(/^content\/articles\/bad-channel\.md:6 channel: 「體育新聞」不是本站的欄目.*\("體育新聞" is not a channel of this site; use one of: 政法要聞/);
    expect(/^content\/articles\/js\.md:1 front-matter: 不允許「---js」.*\("---js" front-matter \(js\) is not allowed/);
    expect(/^content\/articles\/gbk\.md:2 encoding: 文件不是 UTF-8 文字.*npm run import.*\(the file is not UTF-8 /);
    assert.match(result.stderr, /_site\/ was left as it was/);
    assert.ok(!existsSync(path.join(project.root, "PWNED")), "---js front-matter was executed");
    assert.deepEqual(await project.hashTree(), before);
    assert.ok(!existsSync(path.join(project.root, "._site.building")));

    const check = await project.run("check");
    assert.equal(check.code, 1);
    // Errors only: the check also lists warnings (the sample's channels have had no article for years).
    const errorLines = (text: string) => text.split("\n").filter((l) => /^content\//.test(l) && !/^\S+ warning: /.test(l)).sort();
    assert.deepEqual(errorLines(check.stdout), errorLines(result.stderr), "check and build report the same errors");
    for (const f of ["no-title", "bad-date", "bad-channel", "js", "gbk"]) await project.remove(`content/articles/${f}.md`);
  });

  it("refuses a --jobs that is not a whole number of 1 or more, in Chinese first, and leaves _site/ as it was", async () => {
    const before = await project.hashTree();
    for (const args of [["--jobs", "0"], ["--jobs", "兩"], ["--jbos", "2"]]) {
      const result = await project.run("build", {}, args);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /用法 \(usage\): npm run build -- --jobs 2/);
      assert.match(result.stderr, /_site\/ was left as it was/);
    }
    assert.match((await project.run("build", {}, ["--jobs", "0"])).stderr, /--jobs 須為 1 或以上的整數，收到 "0"/);
    assert.deepEqual(await project.hashTree(), before);
  });

  it("replaces _site/ whole on success: stale files do not survive, nor when the old output is recycled", async () => {
    assert.ok(existsSync(path.join(project.root, "_site/stale.html")));
    // A link planted in the output must not survive either, nor lead a later build to write outside _site/.
    await project.write("outside/keep.txt", "untouched");
    await symlink(path.join(project.root, "outside"), path.join(project.root, "_site/assets/planted"));
    await symlink(path.join(project.root, "outside/keep.txt"), path.join(project.root, "_site/robots.txt.link"));
    for (let i = 0; i < 3; i++) {
      assert.equal((await project.run("build")).code, 0);
      assert.ok(!existsSync(path.join(project.root, "_site/stale.html")));
      assert.ok(!existsSync(path.join(project.root, "_site/assets/planted")));
      assert.ok(!existsSync(path.join(project.root, "_site/robots.txt.link")));
    }
    assert.deepEqual(await readdir(path.join(project.root, "outside")), ["keep.txt"]);
    assert.equal(await project.read("outside/keep.txt"), "untouched");
  });

  it("keeps hostile bodies inert and prints template syntax as written", async () => {
    await project.write("content/articles/hostile.md", article({ ...VALID, title: `'"</script><script>alert(1)</script> & ''引號'''` },
      '<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[鏈接](javascript:alert(1)) {{ 7*7 }} {% include "layouts/base.njk" %}'));
    const result = await project.run("build");
    await project.remove("content/articles/hostile.md");
    assert.equal(result.code, 0, result.stderr);
    const html = await project.read("_site/articles/hostile/index.html");
    assert.deepEqual(foreignScripts(html, READER_BOOT), []);
    const body = /<div class="article__body">([\s\S]*?)<\/div>/.exec(html)![1]!;
    assert.ok(!/<img|onerror="|href="javascript:/i.test(body), body);
    assert.ok(!/onerror="|href="javascript:/i.test(html));
    assert.match(html, /\{\{ 7\*7 \}\} \{% include &quot;layouts\/base.njk&quot; %\}/);
    assert.match(html, /<h1>&quot;&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &#39;引號&#39;<\/h1>/);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    assert.equal(ld[0].headline, '"</script><script>alert(1)</script> & \'引號\'');
  });

  it("leaves drafts and future articles out of every output and names the next publication", async () => {
    await project.write("content/articles/secret-draft.md", article({ ...VALID, title: "草稿標題甲", draft: "true" }));
    await project.write("content/articles/tomorrow.md", article({ ...VALID, title: "明日標題乙", date: "2030-01-01 09:00" }));
    const result = await project.run("build");
    await project.remove("content/articles/secret-draft.md");
    await project.remove("content/articles/tomorrow.md");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Next publication: 2030-01-01T09:00:00\+08:00 \(content\/articles\/tomorrow\.md\)/);
    for (const [file] of await project.hashTree()) {
      const text = await project.read(`_site/${file}`);
      for (const needle of ["草稿標題甲", "明日標題乙", "secret-draft", "tomorrow"]) {
        assert.ok(!text.includes(needle), `${needle} found in ${file}`);
      }
    }
  });
});

describe("npm run build under a sub-path", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    const result = await project.run("build", { BROADSHEET_PATH_PREFIX: "/portal/", BROADSHEET_BASE_URL: "https://example.gov.cn" });
    assert.equal(result.code, 0, result.stderr);
  });
  after(() => project.dispose());

  it("prefixes every link, asset and sitemap URL, and every link resolves", async () => {
    const site = path.join(project.root, "_site");
    for (const file of await htmlFiles(site)) {
      const html = await readFile(path.join(site, file), "utf8");
      for (const m of html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)) {
        assert.ok(m[1]!.startsWith("/portal/"), `${file}: ${m[1]}`);
      }
      // Every address is the portal's own, but the footer's filing records, which link where the norms say.
      const records = [ICP_LINK, POLICE_RECORD_LINK, "https://bszs.conac.cn/"];
      for (const m of html.matchAll(/href="(https?:[^"]*)"/g)) {
        if (records.some((r) => m[1]!.startsWith(r))) continue;
        assert.ok(m[1]!.startsWith("https://example.gov.cn/portal/"), `${file}: ${m[1]}`);
      }
    }
    const reached = await crawl(site, "/portal/");
    assert.ok(reached.has(BENXI));
    for (const target of reached) assert.ok(existsSync(path.join(site, target)), target);
    const sitemap = await project.read("_site/sitemap.xml");
    assert.match(sitemap, /<loc>https:\/\/example\.gov\.cn\/portal\/articles\/benxi-2020-07-16\/<\/loc>/);
    assert.match(await project.read("_site/robots.txt"), /Sitemap: https:\/\/example\.gov\.cn\/portal\/sitemap\.xml/);
  });
});
