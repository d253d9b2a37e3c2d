/**
 * Search in a real Chromium on a portal it has never seen: place and person names and whole headlines typed in
 * either script, filters, sort, deep links, no results, keyboard use, accessibility, and what a query downloads.
 * The index is sharded small (60 articles a shard) so every query exercises the merge of shards.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { countTransfer, horizontalOverflow, openPage, searchOutcome, seriousViolations, startPortal, type RunningPortal } from "../helpers/browser.ts";
import { article, createProject } from "../helpers/project.ts";
import { shardFolders } from "../../src/search/shards.ts";

const generated = generateArticles(150, 5);
// 155 published articles in shards of 60: two whole shards and the newest in pieces.
const SHARDS = shardFolders(155, 60).length;
const PLANTED: Record<string, { fields: Record<string, string>; body: string }> = {
  "tiaobingshan": {
    fields: { title: "調兵山市矛盾糾紛多元化解工作見成效", date: "2025-03-01 10:00", source: "鐵嶺日報", author: "記者 劉洋", channel: "基層動態" },
    body: "調兵山市堅持和發展新時代“楓橋經驗”，把矛盾糾紛化解在基層。\n\n調兵山市各街道建立調解室，群眾反映問題有人管。",
  },
  "huludao-xingcheng": {
    fields: { title: "葫芦岛兴城古城平安建设纪实", date: "2024-05-06 09:30", source: "葫芦岛日报", author: "记者 陈静", channel: "平安建設", lang: "zh-Hans" },
    body: "葫芦岛市兴城古城游客众多，公安机关加强巡逻防控。\n\n兴城古城派出所与社区联动，守护一方平安。",
  },
  "hunnan": {
    fields: { title: "瀋陽市渾南區推進智慧政法建設", date: "2023-08-09 15:20", source: "瀋陽日報", author: "記者 張偉", channel: "政法要聞" },
    body: "渾南區政法委建成智慧政法平台，提升社會治理效能。",
  },
  // Mentions 調兵山 once in passing: it must rank below the article about 調兵山.
  "passing-mention": {
    fields: { title: "全省基層治理工作會議召開", date: "2025-06-01 08:00", source: "遼寧法制報", author: "記者 王明", channel: "政法要聞" },
    body: "會議交流了各地經驗，其中包括調兵山的做法。",
  },
};

describe("search", () => {
  let portal: RunningPortal;
  let browser: Browser;
  let server: { url: string };

  before(async () => {
    portal = await startPortal(async (project) => {
      await writeArticles(project.root, generated);
      for (const [slug, a] of Object.entries(PLANTED)) await project.write(`content/articles/planted/${slug}.md`, article(a.fields, a.body));
    }, { BROADSHEET_SEARCH_SHARD_SIZE: "60" });
    assert.match(portal.build.stdout, new RegExp(`Search index: 155 articles in ${SHARDS} shard\\(s\\)`));
    ({ browser } = portal);
    server = { url: portal.url };
  });
  after(() => portal?.close());

  const results = searchOutcome;
  async function search(path: string): Promise<Awaited<ReturnType<typeof results>>> {
    const page = await openPage(browser, 1280);
    try {
      await page.goto(server.url + path);
      return await results(page);
    } finally {
      await page.close();
    }
  }

  const cases: [string, string, string][] = [
    ["調兵山", "调兵山", "tiaobingshan"],
    ["葫蘆島 興城", "葫芦岛 兴城", "huludao-xingcheng"],
    ["渾南區", "浑南区", "hunnan"],
    ["于天敏", "于天敏", "benxi-2020-07-16"],
    ["于天敏赴本溪市調研市域社會治理現代化工作", "于天敏赴本溪市调研市域社会治理现代化工作", "benxi-2020-07-16"],
    ["瀋陽市渾南區推進智慧政法建設", "沈阳市浑南区推进智慧政法建设", "hunnan"],
    [generated[42]!.lang === "zh-Hant" ? generated[42]!.title : "", "", generated[42]!.slug],
  ];
  for (const [hant, hans, slug] of cases.filter(([h]) => h)) {
    it(`finds ${slug} first for “${hant}”, in either script, the same way`, async () => {
      const fromHant = await search(`search/?q=${encodeURIComponent(hant)}`);
      assert.ok(fromHant.hrefs.length > 0, fromHant.status);
      assert.match(fromHant.hrefs[0]!, new RegExp(`/articles/${slug}/$`), fromHant.hrefs.join(" "));
      if (!hans) return;
      const fromHans = await search(`search/?q=${encodeURIComponent(hans)}`);
      assert.deepEqual(fromHans.hrefs, fromHant.hrefs, "a 简体 query ranks exactly as the 繁體 one");
      assert.equal(new Set(fromHant.hrefs).size, fromHant.hrefs.length, "no article twice");
    });
  }

  it("shows titles and links in the reader's script", async () => {
    const hant = await search(`search/?q=${encodeURIComponent("兴城")}`);
    assert.equal(hant.hrefs[0], "/hant/articles/huludao-xingcheng/");
    assert.equal(hant.titles[0], "葫蘆島興城古城平安建設紀實");
    const hans = await search(`hans/search/?q=${encodeURIComponent("興城")}`);
    assert.equal(hans.hrefs[0], "/articles/huludao-xingcheng/");
    assert.equal(hans.titles[0], "葫芦岛兴城古城平安建设纪实");
  });

  it("ranks the article about a place above one that mentions it in passing", async () => {
    const found = await search(`search/?q=${encodeURIComponent("調兵山")}`);
    assert.deepEqual(found.hrefs.slice(0, 2), ["/articles/tiaobingshan/", "/articles/passing-mention/"]);
    assert.equal(found.status, "找到 2 篇文章");
  });

  it("filters by channel and year, and sorts by newest", async () => {
    const byChannel = await search(`search/?q=${encodeURIComponent("本溪")}&channel=news`);
    assert.ok(byChannel.meta.length > 0);
    assert.ok(byChannel.meta.every((m) => m.startsWith("政法要聞")), byChannel.meta.join("|"));
    const byYear = await search(`search/?q=${encodeURIComponent("本溪")}&year=2020`);
    assert.ok(byYear.meta.length > 0 && byYear.meta.every((m) => / 2020-/.test(m)), byYear.meta.join("|"));
    const newest = await search(`search/?q=${encodeURIComponent("本溪")}&sort=newest`);
    const dates = newest.meta.map((m) => m.split(" ").slice(-2).join(" "));
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it("finds an article from words typed without spaces, in either script", async () => {
    for (const q of ["于天敏調研", "于天敏调研"]) {
      const found = await search(`search/?q=${encodeURIComponent(q)}`);
      assert.equal(found.hrefs[0], "/articles/benxi-2020-07-16/", `${q}: ${found.hrefs.join(" ")}`);
    }
  });

  it("finds an article by its byline or its source, and shows both with each result", async () => {
    // Generated articles have bylines by 白國軍 too; the whole byline is the Benxi article's alone.
    const byName = await search(`search/?q=${encodeURIComponent("白國軍")}`);
    assert.ok(byName.hrefs.length > 0 && byName.meta.every((m) => m.includes("白國軍")), byName.meta.join("|"));
    const byAuthor = await search(`search/?q=${encodeURIComponent("首席記者 白國軍")}`);
    assert.equal(byAuthor.hrefs[0], "/articles/benxi-2020-07-16/", byAuthor.hrefs.join(" "));
    assert.match(byAuthor.meta[0]!, /市域治理 · 遼寧法制報 · 駐省委政法委首席記者 白國軍 2020-07-16 08:45/);
    const bySource = await search(`search/?q=${encodeURIComponent("鐵嶺日報")}`);
    assert.equal(bySource.hrefs[0], "/articles/tiaobingshan/");
    const hans = await search(`hans/search/?q=${encodeURIComponent("首席记者 白国军")}`);
    assert.match(hans.meta[0]!, /辽宁法制报 · 驻省委政法委首席记者 白国军/);
  });

  it("pages through results past the first ten, each page in the address, by keyboard, and Back returns", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.goto(`${server.url}search/?q=${encodeURIComponent("本溪")}`);
      const first = await results(page);
      const total = Number(/找到 (\d+) 篇文章/.exec(first.status)?.[1]);
      assert.ok(total > 10, first.status);
      assert.match(first.status, /顯示第 1–10 篇/);
      assert.equal(first.hrefs.length, 10);
      await page.locator("#search-pager a[rel=next]").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("page") === "2");
      const second = await results(page);
      assert.match(second.status, new RegExp(`顯示第 11–${Math.min(20, total)} 篇`));
      assert.equal(second.hrefs.filter((h) => first.hrefs.includes(h)).length, 0, "page 2 repeats nothing of page 1");
      assert.match((await page.locator("#search-pager").textContent()) ?? "", /第 2 頁，共 \d+ 頁/);
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("page"));
      assert.deepEqual((await results(page)).hrefs, first.hrefs);
      // A page in the address is a link that can be shared.
      const shared = await search(`search/?q=${encodeURIComponent("本溪")}&page=2`);
      assert.deepEqual(shared.hrefs, second.hrefs);
    } finally {
      await page.close();
    }
  });

  it("says so clearly when nothing matches", async () => {
    const none = await search(`search/?q=${encodeURIComponent("量子引力")}`);
    assert.deepEqual(none.hrefs, []);
    assert.match(none.status, /沒有找到與「量子引力」相關的文章/);
  });

  it("works by keyboard: the address follows the search, Back restores it, filters apply", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.goto(server.url + "search/");
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== "search-q"; i++) await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "search-q");
      await page.keyboard.type("渾南區");
      await page.keyboard.press("Enter");
      const first = await results(page);
      assert.equal(first.hrefs[0], "/articles/hunnan/");
      assert.equal(new URL(page.url()).searchParams.get("q"), "渾南區");
      await page.fill("#search-q", "調兵山");
      await page.keyboard.press("Enter");
      assert.equal((await results(page)).hrefs[0], "/articles/tiaobingshan/");
      await page.goBack();
      await page.waitForFunction(() => (document.getElementById("search-q") as HTMLInputElement).value === "渾南區");
      assert.equal((await results(page)).hrefs[0], "/articles/hunnan/");
      await page.locator("#search-channel").focus();
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("channel") === "news");
      assert.equal((await results(page)).hrefs[0], "/articles/hunnan/");
      await page.locator("#search-results a").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/articles\/hunnan\/$/);
    } finally {
      await page.close();
    }
  });

  for (const width of [375, 1280]) {
    for (const prefix of ["", "hans/"]) {
      it(`${prefix || "繁體 "}search page at ${width} px with results: no serious axe violations, no overflow`, async () => {
        const page = await openPage(browser, width);
        try {
          await page.goto(`${server.url}${prefix}search/?q=${encodeURIComponent("本溪")}`);
          await results(page);
          assert.equal(await horizontalOverflow(page), 0);
          assert.deepEqual(await seriousViolations(page), []);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("a query downloads little, and no other page loads search code", async (t) => {
    const page = await openPage(browser, 375);
    try {
      const article = countTransfer(page);
      await page.goto(`${server.url}articles/benxi-2020-07-16/`, { waitUntil: "networkidle" });
      await article.stop();
      assert.ok(!article.files.some((u) => /search\.js|\/pagefind\//.test(u)), article.files.join(" "));
      const query = countTransfer(page);
      await page.goto(`${server.url}search/?q=${encodeURIComponent("于天敏")}`, { waitUntil: "networkidle" });
      await results(page);
      await page.waitForLoadState("networkidle");
      await query.stop();
      const bytes = query.sizes;
      const total = [...bytes.values()].reduce((a, b) => a + b, 0);
      const search = [...bytes].filter(([u]) => /search\.js|\/pagefind\//.test(u)).reduce((a, [, b]) => a + b, 0);
      t.diagnostic(`query page: ${total} bytes in ${bytes.size} files, ${search} of them search code and index (${SHARDS} shards)`);
      t.diagnostic([...bytes].sort((a, b) => b[1] - a[1]).map(([u, n]) => `${new URL(u).pathname} ${n}`).join(", "));
      // The page, its code and Pagefind's (about 140 KB), then per shard its metadata and the index chunks of the
      // query's words (under 45 KB).
      assert.ok(total < (140 + 45 * SHARDS) * 1024, `${total} bytes for ${SHARDS} shards`);
    } finally {
      await page.close();
    }
  });
});

describe("search index check", () => {
  it("fails the build, leaving _site/ as it was, when an article is missing from the index", async () => {
    const project = await createProject();
    try {
      assert.equal((await project.run("build")).code, 0);
      const before = await project.hashTree();
      await project.write("content/articles/wordless.md", article(
        { title: "！？", date: "2021-01-01 09:00", source: "！", author: "？", channel: "政法要聞" }, "……"));
      const result = await project.run("build");
      assert.equal(result.code, 1);
      assert.match(result.stderr, /the search index holds 1 articles but 2 are published/);
      assert.match(result.stderr, /\/articles\/wordless\/ has no words to search/);
      assert.deepEqual(await project.hashTree(), before);
    } finally {
      await project.dispose();
    }
  });
});
