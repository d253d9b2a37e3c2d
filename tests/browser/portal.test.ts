/**
 * The built portal in a real Chromium at phone and desktop widths: what a reader sees, no horizontal overflow,
 * and no serious or critical WCAG 2.1 AA violations (axe-core).
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { article, VALID } from "../helpers/project.ts";
import { validJpeg } from "../helpers/pictures.ts";
import { countTransfer, horizontalOverflow, openPage, seriousViolations, startPortal, type RunningPortal } from "../helpers/browser.ts";

const WIDTHS = [375, 1280];
/** Every page kind is also checked at the narrowest phone width and in elderly mode. */
const NARROW = 320;
const PAGES = [
  { name: "home", path: "", h1: "遼寧長安網" },
  { name: "topic", path: "tags/市域社會治理/", h1: "市域社會治理現代化" },
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
    portal = await startPortal(async (project) => {
      await writeArticles(project.root, generateArticles(60, 3));
      // Two articles with a cover picture: the home page's focus zone (焦點圖) is checked at both widths too.
      for (const [i, name] of ["gallery-one", "gallery-two"].entries()) {
        await project.write(`content/articles/2021/03/${name}.jpg`, await validJpeg());
        await project.write(`content/articles/2021/03/${name}.md`, article({ ...VALID, title: `圖片新聞${i + 1}`, date: `2021-03-0${i + 1} 09:00`, cover: `${name}.jpg`, coverAlt: `會場${i + 1}` }));
      }
    });
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

  for (const target of PAGES) {
    it(`${target.name} at ${NARROW} px, and in elderly mode at 375 px: no overflow, no serious axe violations`, async () => {
      for (const [width, elderly] of [[NARROW, false], [375, true]] as const) {
        const page = await openPage(browser, width);
        try {
          if (elderly) await page.addInitScript(() => localStorage.setItem("broadsheet:reader", JSON.stringify({ font: "medium", elderly: true })));
          await page.goto(server.url + target.path);
          assert.equal((await page.locator("h1").first().textContent())?.trim(), target.h1);
          assert.equal(await horizontalOverflow(page), 0, `the page scrolls sideways at ${width} px${elderly ? " in elderly mode" : ""}`);
          assert.deepEqual(await seriousViolations(page), [], `${width} px${elderly ? " elderly" : ""}`);
        } finally {
          await page.close();
        }
      }
    });
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

  /**
   * A stand-in for the browser's speech synthesis with the given voices, recording what it is asked to do. Given as
   * source text: a function would be sent to the page as tsx compiled it, with helpers the page does not have.
   */
  const fakeSpeech = (voices: { lang: string; name: string }[]) => ({
    content: `(() => {
      const voices = ${JSON.stringify(voices)};
      window.spoken = [];
      window.calls = [];
      Object.defineProperty(window, "SpeechSynthesisUtterance", { configurable: true, value: function (text) { this.text = text; this.lang = ""; } });
      Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
        getVoices: () => voices,
        addEventListener: () => undefined,
        speak: (u) => { window.spoken.push(u); },
        pause: () => { window.calls.push("pause"); },
        resume: () => { window.calls.push("resume"); },
        cancel: () => { window.calls.push("cancel"); },
      } });
    })();`,
  });

  it("reads an article aloud with a Chinese voice of the page's script, marking the paragraph being read", async () => {
    const page = await openPage(browser, 375);
    try {
      await page.addInitScript(fakeSpeech([{ lang: "en-US", name: "English" }, { lang: "zh-CN", name: "普通话" }, { lang: "zh-TW", name: "國語" }]));
      await page.goto(server.url + ARTICLE);
      const start = page.getByRole("button", { name: "朗讀", exact: true });
      assert.ok(await start.isVisible(), "the read-aloud button shows where there is a Chinese voice");
      await start.click();
      const first = (await page.locator(".article__body p").first().innerText()).trim();
      const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken.map(({ text, lang }) => ({ text, lang })));
      assert.deepEqual(await spoken(), [{ text: first, lang: "zh-TW" }], "the first paragraph, in a 繁體 voice");
      assert.equal(await page.locator(".article__body .is-reading").count(), 1);
      assert.equal((await page.locator(".article__body .is-reading").innerText()).trim(), first);
      // The end of a paragraph starts the next, and marks it.
      await page.evaluate(() => (window as unknown as { spoken: { onend: () => void }[] }).spoken[0]!.onend());
      assert.equal((await spoken()).length, 2);
      assert.equal((await page.locator(".article__body .is-reading").innerText()).trim(), (await spoken())[1]!.text.trim());
      await page.getByRole("button", { name: "暫停" }).click();
      assert.ok(await page.getByRole("button", { name: "繼續" }).isVisible());
      await page.getByRole("button", { name: "停止" }).click();
      assert.equal(await page.locator(".article__body .is-reading").count(), 0);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { calls: string[] }).calls), ["cancel", "pause", "cancel"]);
      assert.ok(await start.isVisible());
      // The 简体 page reads with a 简体 voice.
      await page.goto(server.url + "hans/" + ARTICLE);
      await page.getByRole("button", { name: "朗读", exact: true }).click();
      assert.equal((await spoken())[0]!.lang, "zh-CN");
    } finally {
      await page.close();
    }
  });

  it("offers no read-aloud where the browser has no Chinese voice", async () => {
    const page = await openPage(browser, 1280);
    try {
      await page.addInitScript(fakeSpeech([{ lang: "en-US", name: "English" }]));
      await page.goto(server.url + ARTICLE);
      assert.equal(await page.locator("[data-read-aloud]").isVisible(), false);
      assert.ok(await page.getByRole("button", { name: "打印" }).isVisible());
    } finally {
      await page.close();
    }
  });

  it("shows an article's own address as a QR code when asked, labelled for screen readers, decoding to the canonical URL", async () => {
    for (const [path, summary, lang] of [[ARTICLE, "二維碼", "zh-Hant"], ["hans/" + ARTICLE, "二维码", "zh-Hans"]] as const) {
      const page = await openPage(browser, 375);
      try {
        await page.goto(server.url + path);
        const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
        const code = page.getByRole("img", { name: lang === "zh-Hant" ? "本文網址的二維碼" : "本文网址的二维码" });
        assert.equal(await code.isVisible(), false, "hidden until asked for");
        await page.getByText(summary, { exact: true }).click();
        assert.ok(await code.isVisible());
        // Decoded in the page by jsQR, from the SVG drawn on a canvas.
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve("jsqr/dist/jsQR.js") });
        const decoded = await page.evaluate(async () => {
          const svg = document.querySelector(".share-qr svg")!;
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 400;
          const g = canvas.getContext("2d")!;
          g.imageSmoothingEnabled = false;
          g.drawImage(image, 0, 0, 400, 400);
          const pixels = g.getImageData(0, 0, 400, 400);
          type JsQR = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
          return (window as unknown as { jsQR: JsQR }).jsQR(pixels.data, 400, 400)?.data;
        });
        assert.equal(decoded, canonical);
      } finally {
        await page.close();
      }
    }
  });

  it("shows the newest articles with a cover in the home page's focus zone, a row that scrolls on a phone", async () => {
    for (const width of WIDTHS) {
      const page = await openPage(browser, width);
      try {
        await page.goto(server.url);
        const titles = await page.locator(".focus__title").allInnerTexts();
        assert.deepEqual(titles, ["圖片新聞2", "圖片新聞1"]);
        assert.equal(await page.locator(".focus img").count(), 2);
        assert.equal(await horizontalOverflow(page), 0);
      } finally {
        await page.close();
      }
    }
  });

  it("skip link moves keyboard focus to the main content", async () => {
    const page = await openPage(browser, 1280);
    try {
      await page.goto(server.url + "articles/benxi-2020-07-16/");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "跳到主要內容");
      await page.keyboard.press("Enter");
      // Following the link is a navigation of its own: wait for it rather than read the address at once.
      await page.waitForURL(/#main$/);
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
