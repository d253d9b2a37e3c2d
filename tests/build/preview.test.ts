/**
 * `npm start`, the editors' preview: the real server and Eleventy's watcher in a scratch project, driven the way an editor
 * works — save an article, see it; save a mistake, see the error named; fix it, see the page again. Waits poll
 * the server until a deadline; nothing here measures speed.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { startCli, type RunningCli } from "../helpers/server.ts";

const BENXI = "articles/benxi-2020-07-16/";

describe("preview (npm start)", () => {
  let project: Project;
  let server: RunningCli;
  let port: number;

  const page = async (address: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/${address}`).catch(() => undefined);
    return response ? { status: response.status, html: await response.text() } : { status: 0, html: "" };
  };
  /** Polls `address` until `ok` holds for what it serves, for at most a minute. */
  const until = async (address: string, ok: (p: { status: number; html: string }) => boolean, what: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const served = await page(address);
      if (ok(served)) return served;
      if (Date.now() > deadline) assert.fail(`${what} never happened; last status ${served.status}; log:\n${server.log().slice(-3000)}`);
      await sleep(100);
    }
  };
  // Eleventy's watcher waits for a file to settle before it rebuilds; give each save its own moment.
  const save = async (file: string, text: string) => {
    await project.write(file, text);
    await sleep(300);
  };

  before(async () => {
    project = await createProject();
    await project.write("content/articles/draft-note.md", article({ ...VALID, title: "尚未發布的草稿", draft: "true" }));
    server = await startCli(project, "start");
    port = server.port;
    await until(BENXI, (p) => p.status === 200, "the first preview build");
  });
  after(async () => {
    await server?.stop();
    await project.dispose();
  });

  it("shows drafts, marked, and never writes the production _site/", async () => {
    const draft = await until("articles/draft-note/", (p) => p.status === 200, "the draft page");
    assert.match(draft.html, /尚未發布的草稿/);
    assert.match(draft.html, /class="draft-banner"/);
    // Listed, it is marked too: on the home page (where a new draft is the lead) and in its channel.
    const home = await until("", (p) => p.html.includes("尚未發布的草稿"), "the draft on the home page");
    assert.match(home.html, /<span class="draft-mark">草稿<\/span><a[^>]*>尚未發布的草稿<\/a>/);
    const listed = (html: string) => /<span class="draft-mark">草稿<\/span><a class="article-list__title" href="[^"]*draft-note\/">/.test(html);
    const channel = await until("channels/news/", (p) => listed(p.html), "the draft marked in its channel");
    assert.ok(listed(channel.html));
    assert.equal(existsSync(path.join(project.root, "_site")), false);
  });

  it("shows a saved edit", async () => {
    const text = await project.read("content/articles/2020/07/benxi-2020-07-16.md");
    await save("content/articles/2020/07/benxi-2020-07-16.md", `${text.trimEnd()}\n\n編者按：預覽測試。\n`);
    await until(BENXI, (p) => p.html.includes("編者按：預覽測試。"), "the edit showing");
  });

  it("names a mistake on the page, and shows the article again once it is fixed", async () => {
    await save("content/articles/broken.md", article({ ...VALID, date: "2020-13-45" }));
    const shown = await until(BENXI, (p) => p.html.includes("內容有錯誤"), "the error page");
    assert.match(shown.html, /content\/articles\/broken\.md:\d+ date: &quot;2020-13-45&quot; 不是真實的日期：沒有 13 月 \(is not a real date/);
    await save("content/articles/broken.md", article({ ...VALID, title: "改好了的文章" }));
    await until(BENXI, (p) => p.status === 200 && !p.html.includes("內容有錯誤") && p.html.includes("編者按：預覽測試。"), "the article again");
  });

  it("takes a deleted article out of the preview: its pages in both scripts, and the lists", async () => {
    await save("content/articles/2024/05/to-delete.md", article({ ...VALID, title: "將被刪除的文章", date: "2024-05-01 09:00" }));
    await until("articles/to-delete/", (p) => p.status === 200, "the new article");
    await until("hans/articles/to-delete/", (p) => p.status === 200, "the new article in 简体");
    await until("", (p) => p.html.includes("將被刪除的文章"), "the new article on the home page");
    await rm(path.join(project.root, "content/articles/2024/05/to-delete.md"));
    await until("articles/to-delete/", (p) => p.status === 404, "the deleted article's page going");
    await until("hans/articles/to-delete/", (p) => p.status === 404, "its 简体 page going");
    await until("", (p) => p.status === 200 && !p.html.includes("將被刪除的文章"), "the home page without it");
  });
});
