/**
 * Search on an archive of many shards (30 articles a shard, so a small portal has a dozen): a query opens only the
 * shards that can answer it, so what it downloads stays under the ceilings whatever the size of the archive; a rare
 * word in an old article is found without a filter; a common word searches the newest years first and offers
 * earlier years in one step, by keyboard.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { countTransfer, openPage, searchOutcome, startPortal, type RunningPortal } from "../helpers/browser.ts";
import { article } from "../helpers/project.ts";

const KB = 1024;
const CEILING = { bytes: 300 * KB, requests: 25 };

describe("search across many shards", () => {
  let portal: RunningPortal;
  let shards = 0;
  before(async () => {
    portal = await startPortal(async (project) => {
      await writeArticles(project.root, generateArticles(360, 21));
      await project.write("content/articles/old/tiaobingshan.md", article({
        title: "調兵山市矛盾糾紛多元化解工作見成效", date: "2016-01-05 10:00", source: "鐵嶺日報", author: "記者 劉洋", channel: "基層動態",
      }, "調兵山市堅持和發展新時代“楓橋經驗”，鴨綠江畔誓師，把矛盾糾紛化解在基層。"));
    }, { BROADSHEET_SEARCH_SHARD_SIZE: "30" });
    shards = Number(/in (\d+) shard\(s\)/.exec(portal.build.stdout)?.[1]);
    assert.ok(shards >= 10, portal.build.stdout);
  });
  after(() => portal?.close());

  /** Opens a search and waits until it settles; what it cost, and what it shows. */
  async function measure(page: Page, path: string) {
    const transfer = countTransfer(page);
    await page.goto(portal.url + path);
    const shown = await settled(page);
    await page.waitForLoadState("networkidle");
    await transfer.stop();
    return { ...shown, bytes: transfer.bytes, files: transfer.files };
  }
  const settled = searchOutcome;
  const shardMetadata = (files: string[]) => files.filter((f) => f.endsWith(".pf_meta")).length;

  it("finds a rare word of the oldest article without a filter, opening one shard, under the ceilings", async (t) => {
    for (const path of [`search/?q=${encodeURIComponent("調兵山")}`, `hans/search/?q=${encodeURIComponent("调兵山")}`]) {
      const page = await openPage(portal.browser, 375);
      try {
        const found = await measure(page, path);
        t.diagnostic(`${path}: ${found.bytes} bytes in ${found.files.length} requests, ${shardMetadata(found.files)} of ${shards} shards`);
        assert.match(found.hrefs[0] ?? "", /\/articles\/tiaobingshan\/$/);
        assert.equal(shardMetadata(found.files), 1, found.files.join(" "));
        assert.ok(found.bytes <= CEILING.bytes && found.files.length <= CEILING.requests, `${found.bytes} bytes, ${found.files.length} requests`);
      } finally {
        await page.close();
      }
    }
  });

  it("searches a common word in the newest years first, under the ceilings, and offers earlier years", async (t) => {
    const page = await openPage(portal.browser, 375);
    try {
      const first = await measure(page, `search/?q=${encodeURIComponent("社會治理")}`);
      t.diagnostic(`common word: ${first.bytes} bytes in ${first.files.length} requests, ${shardMetadata(first.files)} of ${shards} shards`);
      assert.ok(first.bytes <= CEILING.bytes && first.files.length <= CEILING.requests, `${first.bytes} bytes, ${first.files.length} requests`);
      assert.ok(shardMetadata(first.files) < shards, "not every shard was opened");
      const searched = /已搜尋 (\d{4})(?:–(\d{4}))? 年/.exec(first.status);
      assert.ok(searched, first.status);
      const total = (status: string) => Number(/找到 (\d+) 篇文章/.exec(status)?.[1]);
      // By keyboard: to the "earlier" link, and Enter.
      await page.locator("#search-more a").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("earlier") === "1");
      const earlier = await settled(page);
      assert.ok(total(earlier.status) > total(first.status), `${first.status} → ${earlier.status}`);
      const from = Number(/已搜尋 (\d{4})/.exec(earlier.status)?.[1] ?? "0") || 0;
      assert.ok(from === 0 || from < Number(searched[1]), `earlier years: ${earlier.status}`);
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("earlier"));
      assert.equal((await settled(page)).status, first.status);
    } finally {
      await page.close();
    }
  });

  it("stays under the ceilings for two words, a headline, newest first, a channel and a year", async (t) => {
    const queries = [
      `search/?q=${encodeURIComponent("鴨綠江 誓師")}`, `search/?q=${encodeURIComponent("調兵山市矛盾糾紛多元化解工作見成效")}`,
      `search/?q=${encodeURIComponent("社會治理")}&sort=newest`, `search/?q=${encodeURIComponent("社會治理")}&channel=news`,
      `search/?q=${encodeURIComponent("社會治理")}&year=2019`, `search/?q=${encodeURIComponent("于天敏調研")}`,
    ];
    for (const path of queries) {
      const page = await openPage(portal.browser, 375);
      try {
        const found = await measure(page, path);
        t.diagnostic(`${decodeURIComponent(path)}: ${found.bytes} bytes in ${found.files.length} requests; ${found.status}`);
        assert.ok(found.hrefs.length > 0, found.status);
        if (path.includes(encodeURIComponent("于天敏調研"))) assert.equal(found.hrefs[0], "/articles/benxi-2020-07-16/", "typed without a space");
        if (path.includes(encodeURIComponent("調兵山市矛盾"))) assert.match(found.hrefs[0] ?? "", /\/articles\/tiaobingshan\/$/, "a whole headline");
        // Each result shown costs its card (src/search/result-card.ts), never Pagefind's fragment of the article.
        assert.equal(found.files.filter((f) => f.endsWith(".pf_card")).length, found.hrefs.length, found.files.join(" "));
        assert.ok(!found.files.some((f) => f.endsWith(".pf_fragment")), found.files.join(" "));
        assert.ok(found.bytes <= CEILING.bytes && found.files.length <= CEILING.requests, `${path}: ${found.bytes} bytes, ${found.files.length} requests`);
      } finally {
        await page.close();
      }
    }
  });
});
