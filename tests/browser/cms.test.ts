/**
 * The web editor, as a new editor meets it: `npm run cms` in a scratch project (Decap CMS against its local backend,
 * src/server/editor-backend.ts, in the same server as the preview), driven in Chromium. The article written through the form lands under
 * content/articles/, passes `npm run check`, and a build publishes it. Waits poll until a deadline; nothing here
 * measures speed.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launch, openPage } from "../helpers/browser.ts";
import { createProject, type Project } from "../helpers/project.ts";
import { startCli, type RunningCli } from "../helpers/server.ts";
import { validJpeg } from "../helpers/pictures.ts";
import { serve } from "../helpers/site.ts";

describe("the web editor at /admin/ (npm run cms)", () => {
  let project: Project;
  let server: RunningCli;
  let browser: Browser;
  let base: string;
  const foreign: string[] = [];
  const errors: string[] = [];

  async function editor(): Promise<Page> {
    const page = await openPage(browser, 1280, 900);
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(base) && !/^(data|blob):/.test(url)) foreign.push(url);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/admin/`);
    return page;
  }

  before(async () => {
    project = await createProject();
    // The editor's "now" is March 2021: that month's folder is where new articles are written.
    server = await startCli(project, "cms", [], { SOURCE_DATE_EPOCH: "1615852800" });
    // The address a newsroom's editor types: the server accepts its loopback names.
    base = `http://localhost:${server.port}`;
    await server.until("the editor being served", async () => ((await fetch(`${base}/admin/`)).status === 200 ? true : undefined));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await project.dispose();
  });

  it("loads from this site alone, marked noindex, with the five channels and the contract's required fields", async () => {
    const page = await editor();
    await page.getByRole("button", { name: "登入" }).waitFor();
    assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex, nofollow");
    const { config } = JSON.parse(await page.locator("#cms-config").textContent() ?? "{}") as { config: { collections: { name: string; fields: { name: string; required: boolean; options?: { value: string }[] }[] }[] } };
    const fields = config.collections.find((c) => c.name === "articles")!.fields;
    assert.deepEqual(fields.find((f) => f.name === "channel")!.options!.map((o) => o.value), ["政法要聞", "市域治理", "平安建設", "法治宣傳", "基層動態"]);
    for (const name of ["title", "date", "source", "author", "channel"]) assert.equal(fields.find((f) => f.name === name)?.required, true, name);
    // Each month is a collection of its own (no listing reads the whole archive): this month's comes first and is
    // where new articles are written; the sample article is listed in July 2020's.
    const names = config.collections.map((c) => c.name);
    assert.deepEqual(names, ["articles", "articles-2020-07", "pages"]);
    await page.getByRole("button", { name: "登入" }).click();
    await page.getByRole("link", { name: "2020年07月" }).click();
    await page.getByText("于天敏赴本溪市調研市域社會治理現代化工作").first().waitFor();
    await page.close();
    assert.deepEqual(foreign, [], "requests to another host");
    assert.deepEqual(errors, [], "script errors");
  });

  it("finds an old article by words of its headline, in either script, and opens it", async () => {
    const page = await editor();
    await page.getByRole("button", { name: "登入" }).click();
    await page.getByRole("button", { name: "尋找文章" }).click();
    await page.getByLabel(/文章題目裡的詞/).fill("本溪 调研");
    await page.getByRole("dialog", { name: "尋找文章" }).getByRole("link", { name: "于天敏赴本溪市調研市域社會治理現代化工作" }).click();
    await page.waitForURL(/#\/collections\/articles-2020-07\/entries\/benxi-2020-07-16$/);
    await page.getByLabel("網址").waitFor();
    assert.equal(await page.getByLabel("標題").inputValue(), "于天敏赴本溪市調研市域社會治理現代化工作");
    await page.close();
    assert.deepEqual(errors, [], "script errors");
  });

  it("writes an article through the form that passes npm run check and is published by a build", async () => {
    const page = await editor();
    await page.getByRole("button", { name: "登入" }).click();
    await page.locator('a[href$="/collections/articles/new"]').click();
    await page.getByLabel("標題").fill("網頁編輯器寫的文章");
    await page.getByLabel("網址").fill("cms-written");
    await page.getByLabel("發布時間").fill("2021-03-04T09:30");
    await page.getByLabel("欄目").click();
    await page.getByRole("option", { name: "基層動態" }).click();
    await page.getByLabel("來源").fill("遼寧長安網");
    await page.getByLabel("作者").fill("記者 王明");
    // A cover picture, uploaded through the media library: it lands beside the article.
    await page.getByText("選擇一張圖片").click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByText("上傳新內容").click()]);
    await chooser.setFiles({ name: "meeting.jpg", mimeType: "image/jpeg", buffer: await validJpeg() });
    await page.getByRole("button", { name: "選擇已選擇的項目" }).click();
    await page.getByLabel("封面圖說明").fill("會場");
    await page.locator('[contenteditable="true"]').last().click();
    await page.keyboard.type("網頁編輯器寫下的正文第一段。");
    // The preview pane lays the article out with the portal's own stylesheet.
    const preview = page.frameLocator("iframe").first();
    await preview.locator("h1", { hasText: "網頁編輯器寫的文章" }).waitFor();
    assert.ok(await preview.locator('link[href="/assets/site.css"]').count() > 0, "the preview uses the portal's stylesheet");
    await page.getByRole("button", { name: "發布" }).click();
    await page.getByText("立即發布", { exact: true }).click();
    const file = await server.until("the article file", async () => {
      const found = (await readdir(path.join(project.root, "content/articles"), { recursive: true })).find((f) => f.endsWith("cms-written.md"));
      return found ? path.posix.join("content/articles", found.split(path.sep).join("/")) : undefined;
    });
    await page.close();
    // Foldered by the publication time, as npm run new does; the cover beside it.
    assert.equal(file, "content/articles/2021/03/cms-written.md");
    assert.ok(existsSync(path.join(project.root, "content/articles/2021/03/meeting.jpg")), "the cover beside the article");
    const text = await project.read(file);
    assert.match(text, /^---\ntitle: 網頁編輯器寫的文章\n/);
    assert.match(text, /\ndate: 2021-03-04 09:30\n/);
    assert.match(text, /\nchannel: 基層動態\n/);
    assert.match(text, /\ncover: meeting\.jpg\ncoverAlt: 會場\n/);
    const check = await project.run("check");
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const build = await project.run("build");
    assert.equal(build.code, 0, build.stderr);
    const html = await project.read("_site/articles/cms-written/index.html");
    assert.match(html, /<span>來源：遼寧長安網<\/span>\s*<span>作者：記者 王明<\/span>\s*<span>發布時間：<time datetime="2021-03-04T09:30:00\+08:00">2021-03-04 09:30<\/time><\/span>/);
    assert.match(html, /網頁編輯器寫下的正文第一段。/);
    assert.match(html, /<figure class="article__cover">.*alt="會場"/s);
    // /admin/ is built, and kept out of the sitemap and robots' reach.
    assert.match(await project.read("_site/admin/index.html"), /noindex/);
    assert.doesNotMatch(await project.read("_site/sitemap.xml"), /\/admin\//);
    assert.match(await project.read("_site/robots.txt"), /^Disallow: \/admin\/$/m);
    assert.deepEqual(foreign, [], "requests to another host");
    assert.deepEqual(errors, [], "script errors");
  });

  it("is in the built site too, where it offers the Git host of site.yaml and asks nothing of another host", async () => {
    // The build of the test before wrote _site/; served as any static host would.
    const site = await serve(path.join(project.root, "_site"));
    try {
      const page = await openPage(browser, 375, 800);
      const seen: string[] = [];
      const failed: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith(site.url) && !/^(data|blob):/.test(r.url())) seen.push(r.url());
      });
      page.on("pageerror", (e) => failed.push(e.message));
      await page.goto(`${site.url}admin/`);
      // No local backend answers here: Decap offers the GitHub sign-in of site.yaml's cms section.
      await page.getByRole("button", { name: /GitHub/ }).waitFor();
      assert.deepEqual(seen, [], "requests to another host");
      assert.deepEqual(failed, [], "script errors");
      await page.close();
    } finally {
      await site.close();
    }
  });
});
