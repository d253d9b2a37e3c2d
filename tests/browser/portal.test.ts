/**
 * The built portal in a real Chromium at phone and desktop widths: what a reader sees, no horizontal overflow,
 * and no serious or critical WCAG 2.1 AA violations (axe-core).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { countTransfer, horizontalOverflow, openPage, seriousViolations, startPortal, type RunningPortal } from "../helpers/browser.ts";

const WIDTHS = [375, 1280];
const PAGES = [
  { name: "home", path: "", h1: "遼寧長安網" },
  { name: "article", path: "articles/benxi-2020-07-16/", h1: "于天敏赴本溪市調研市域社會治理現代化工作" },
  { name: "channel", path: "channels/city-governance/", h1: "市域治理" },
  { name: "archive month", path: "archive/2020/07/", h1: "2020年07月文章" },
  { name: "简体 home", path: "hans/", h1: "辽宁长安网" },
  { name: "简体 article", path: "hans/articles/benxi-2020-07-16/", h1: "于天敏赴本溪市调研市域社会治理现代化工作" },
  { name: "简体 channel", path: "hans/channels/city-governance/", h1: "市域治理" },
];
const ARTICLE = "articles/benxi-2020-07-16/";

describe("the portal in Chromium", () => {
  let portal: RunningPortal;
  let browser: Browser;
  let server: { url: string };

  before(async () => {
    portal = await startPortal((project) => writeArticles(project.root, generateArticles(60, 3)));
    ({ browser } = portal);
    server = { url: portal.url };
  });
  after(() => portal?.close());

  for (const width of WIDTHS) {
    for (const target of PAGES) {
      it(`${target.name} at ${width} px: right heading, no overflow, no serious axe violations`, async () => {
        const page = await openPage(browser, width);
        try {
          const response = await page.goto(server.url + target.path);
          assert.equal(response?.status(), 200);
          assert.equal((await page.locator("h1").first().textContent())?.trim(), target.h1);
          assert.equal(await horizontalOverflow(page), 0, "the page scrolls sideways");
          assert.deepEqual(await seriousViolations(page), []);
        } finally {
          await page.close();
        }
      });
    }
  }

  it("lets a reader go from the home page to an article and see its meta line", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.goto(server.url);
      await page.getByRole("link", { name: "市域治理" }).first().click();
      await page.getByRole("link", { name: "于天敏赴本溪市調研市域社會治理現代化工作" }).click();
      await page.waitForURL(/benxi-2020-07-16/);
      const meta = await page.locator(".article__meta").first().innerText();
      for (const part of ["來源：遼寧法制報", "作者：駐省委政法委首席記者 白國軍", "發布時間：2020-07-16 08:45", "欄目：市域治理"]) {
        assert.ok(meta.includes(part), `${part} missing from "${meta}"`);
      }
    } finally {
      await page.close();
    }
  });

  it("prints an article alone: 打印 opens the print dialog, and print media hides the portal around the article", async () => {
    const page = await openPage(browser, 1280);
    try {
      await page.goto(server.url + ARTICLE);
      // The browser's print dialog cannot be driven headless: count the calls instead.
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByRole("button", { name: "打印" }).click();
      assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
      await page.emulateMedia({ media: "print" });
      const shown = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== "none");
      for (const hidden of [".site-nav", ".site-search", ".reader-tools", ".site-footer", ".article__tools", ".breadcrumbs"]) {
        assert.equal(await shown(hidden), false, `${hidden} is printed`);
      }
      for (const kept of ["h1", ".article__meta", ".article__body"]) assert.equal(await shown(kept), true, `${kept} is not printed`);
      // The printed page ends with the article's address.
      const address = await page.locator(".article").evaluate((el) => getComputedStyle(el, "::after").content);
      assert.match(address, /https:\/\/www\.lncaw\.example\.cn\/articles\/benxi-2020-07-16\//);
    } finally {
      await page.close();
    }
  });

  it("skip link moves keyboard focus to the main content", async () => {
    const page = await openPage(browser, 1280);
    try {
      await page.goto(server.url + "articles/benxi-2020-07-16/");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "跳到主要內容");
      await page.keyboard.press("Enter");
      assert.match(page.url(), /#main$/);
    } finally {
      await page.close();
    }
  });

  it("switches script by keyboard, both ways, with hreflang on the switch", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.goto(server.url + ARTICLE);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
      await page.locator(".script-toggle").focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/hans\/articles\//);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      assert.equal(await page.locator("h1").textContent(), "于天敏赴本溪市调研市域社会治理现代化工作");
      assert.equal(await page.locator(".script-toggle").getAttribute("hreflang"), "zh-Hant");
      await page.locator(".script-toggle").focus();
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname.endsWith(`/${ARTICLE}`) && !url.pathname.includes("/hans/"));
      assert.equal(await page.locator("h1").textContent(), "于天敏赴本溪市調研市域社會治理現代化工作");
    } finally {
      await page.close();
    }
  });

  it("keeps the font size and elderly mode, set by keyboard, from page to page without layout shift", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.goto(server.url + ARTICLE);
      const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      const normal = await bodySize();
      assert.ok(normal >= 17 && normal <= 18, `body text is ${normal}px`);
      await page.locator('[data-font="large"]').focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.getAttribute('[data-font="large"]', "aria-pressed"), "true");
      assert.ok((await bodySize()) > normal);
      await page.locator("[data-elderly]").focus();
      await page.keyboard.press("Space");
      assert.equal(await page.getAttribute("[data-elderly]", "aria-pressed"), "true");
      await page.goto(server.url + "channels/city-governance/");
      assert.deepEqual(await page.evaluate(() => [...document.documentElement.classList].sort()), ["elderly", "font-large", "js"]);
      const shift = await page.evaluate(() => new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }));
      assert.equal(shift, 0, "applying saved settings shifted the layout");
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await seriousViolations(page), [], "elderly mode keeps WCAG AA");
    } finally {
      await page.close();
    }
  });

  for (const width of WIDTHS) {
    it(`elderly mode at ${width} px: body text of 18 px or more, line height 1.5 or more, one column, large targets, header and page aligned`, async () => {
      const page = await openPage(browser, width);
      try {
        await page.addInitScript(() => localStorage.setItem("broadsheet:reader", JSON.stringify({ font: "medium", elderly: true })));
        await page.goto(server.url + ARTICLE);
        const body = await page.evaluate(() => {
          const style = getComputedStyle(document.querySelector(".article__body p") ?? document.body);
          return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
        });
        assert.ok(body.size >= 18, `body text is ${body.size}px`);
        assert.ok(body.lineHeight / body.size >= 1.5, `line height is ${body.lineHeight / body.size}`);
        for (const target of ["[data-elderly]", "[data-print]", ".site-search button", ".site-nav a"]) {
          const box = await page.locator(target).first().boundingBox();
          assert.ok(box && box.height >= 48, `${target} is ${box?.height}px high`);
        }
        await page.goto(server.url);
        const columns = await page.locator(".sections").evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(" ").length);
        assert.equal(columns, 1, "the home page's channel blocks are one column");
        // The header's content and the main column start at the same left edge.
        const left = async (selector: string) => (await page.locator(selector).first().boundingBox())!.x;
        assert.equal(await left(".site-header__top"), await left("main"));
        assert.equal(await horizontalOverflow(page), 0);
        const cursor = await page.evaluate(() => getComputedStyle(document.body).cursor);
        if (width === 1280) assert.match(cursor, /^url\("data:image\/svg\+xml/, "an extra-large cursor where there is a mouse");
      } finally {
        await page.close();
      }
    });
  }

  it("an article page weighs at most 60 KB of HTML, CSS and JavaScript, with no web font or blocking script", async (t) => {
    const page = await openPage(browser, 375);
    const kinds: string[] = [];
    page.on("response", (response) => kinds.push(response.request().resourceType()));
    const transfer = countTransfer(page);
    try {
      await page.goto(server.url + ARTICLE, { waitUntil: "networkidle" });
      await transfer.stop();
      const sizes = transfer.sizes;
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      t.diagnostic(`article page: ${total} bytes in ${sizes.size} files (${[...sizes].map(([u, n]) => `${new URL(u).pathname} ${n}`).join(", ")})`);
      assert.ok(total <= 60 * 1024, `${total} bytes`);
      assert.ok(!kinds.includes("font"), "a web font was loaded");
      const blocking = await page.evaluate(() => [...document.querySelectorAll("script[src]")].filter((s) => !(s as HTMLScriptElement).defer && !(s as HTMLScriptElement).async).length);
      assert.equal(blocking, 0);
    } finally {
      await page.close();
    }
  });

  it("serves the 404 page for an unknown address", async () => {
    const page = await openPage(browser);
    try {
      const response = await page.goto(server.url + "no-such-page/");
      assert.equal(response?.status(), 404);
      assert.equal(await page.locator("h1").textContent(), "找不到這個頁面");
    } finally {
      await page.close();
    }
  });
});
