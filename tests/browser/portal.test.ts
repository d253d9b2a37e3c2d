/**
 * The built portal in a real Chromium at phone and desktop widths: what a reader sees, no horizontal overflow,
 * and no serious or critical WCAG 2.1 AA violations (axe-core).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { launch, horizontalOverflow, openPage, seriousViolations } from "../helpers/browser.ts";
import { createProject, type Project } from "../helpers/project.ts";
import { serve } from "../helpers/site.ts";

const WIDTHS = [375, 1280];
const PAGES = [
  { name: "home", path: "", h1: "遼寧長安網" },
  { name: "article", path: "articles/benxi-2020-07-16/", h1: "于天敏赴本溪市調研市域社會治理現代化工作" },
  { name: "channel", path: "channels/city-governance/", h1: "市域治理" },
  { name: "archive month", path: "archive/2020/07/", h1: "2020年07月文章" },
];

describe("the portal in Chromium", () => {
  let project: Project;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  before(async () => {
    project = await createProject();
    await writeArticles(project.root, generateArticles(60, 3));
    const result = await project.run("build");
    assert.equal(result.code, 0, result.stderr);
    server = await serve(path.join(project.root, "_site"));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await project?.dispose();
  });

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
