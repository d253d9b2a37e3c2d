/** The web editor's configuration is made from the contract and site.yaml: every field, every channel, the host. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { articleCollectionName, cmsConfig, type CmsField } from "../../src/portal/cms-config.ts";
import { ARTICLE_FIELDS } from "../../src/content/article-schema.ts";
import { slugProblem } from "../../src/content/path-names.ts";
import { siteSchema } from "../../src/content/site-config.ts";
import { createScriptConverter } from "../../src/scripts/convert.ts";
import { REPO } from "../helpers/project.ts";

const converter = createScriptConverter(["于天敏"]);
/** The sample site.yaml as the build reads it (every value text, as the failsafe YAML schema gives it), changed by `change`. */
async function site(change: Record<string, unknown> = {}) {
  const data = parse(await readFile(path.join(REPO, "content/_data/site.yaml"), "utf8"), { schema: "failsafe" }) as Record<string, unknown>;
  return siteSchema.parse({ ...data, ...change });
}
const fieldsOf = (config: ReturnType<typeof cmsConfig>, collection: string): Map<string, CmsField> =>
  new Map(config.collections.find((c) => c.name === collection)!.fields.map((f) => [f.name, f]));

describe("the web editor's configuration (src/portal/cms-config.ts)", () => {
  it("has every field of the contract, with its Chinese label, and the required ones required", async () => {
    const fields = fieldsOf(cmsConfig(await site(), converter), "articles");
    for (const name of ARTICLE_FIELDS) assert.ok(fields.has(name), `the form lacks ${name}`);
    assert.ok(fields.has("body"));
    for (const name of ["title", "date", "source", "author", "channel", "body", "slug"]) assert.equal(fields.get(name)!.required, true, name);
    for (const name of ["sponsor", "organizer", "editor", "tags", "summary", "cover", "coverAlt", "lang", "updated", "draft"]) {
      assert.equal(fields.get(name)!.required, false, name);
    }
    assert.equal(fields.get("title")!.label, "標題");
    assert.equal(fields.get("source")!.label, "來源");
    assert.equal(fields.get("editor")!.label, "責任編輯");
    // The address rule is the contract's own (src/content/path-names.ts): the pattern, and the length an address may have.
    const form = new RegExp(fields.get("slug")!.pattern![0]);
    for (const slug of ["benxi-survey", "a".repeat(100), "2020-07-16"]) assert.equal(form.test(slug), slugProblem(slug) === undefined, slug);
    for (const slug of ["Benxi", "a".repeat(101), "a--b", "-a", "本溪"]) assert.equal(form.test(slug), false, slug);
    // Dates are Beijing wall-clock text, as the contract reads them; never converted to UTC by the browser.
    assert.equal(fields.get("date")!.format, "YYYY-MM-DD HH:mm");
    assert.equal(fields.get("date")!.picker_utc, false);
  });

  it("offers the configured channels, and files pictures beside the article", async () => {
    const config = cmsConfig(await site(), converter);
    const channel = fieldsOf(config, "articles").get("channel")!;
    assert.deepEqual(channel.options!.map((o) => (typeof o === "string" ? o : o.value)), ["政法要聞", "市域治理", "平安建設", "法治宣傳", "基層動態"]);
    const articles = config.collections.find((c) => c.name === "articles")!;
    assert.equal(articles.folder, "content/articles");
    assert.equal(articles.media_folder, "");
    assert.equal(articles.slug, "{{fields.slug}}");
    assert.equal(config.locale, "zh_Hant");
  });

  it("speaks 简体 for a 简体 site, while a channel's value stays as site.yaml writes it", async () => {
    const config = cmsConfig(await site({ lang: "zh-Hans" }), converter);
    assert.equal(config.locale, "zh_Hans");
    const fields = fieldsOf(config, "articles");
    assert.equal(fields.get("title")!.label, "标题");
    assert.equal(fields.get("source")!.label, "来源");
    assert.deepEqual(fields.get("channel")!.options![0], { label: "政法要闻", value: "政法要聞" });
  });

  it("makes 責任編輯 required when site.yaml sets requireEditor", async () => {
    assert.equal(fieldsOf(cmsConfig(await site({ requireEditor: "true" }), converter), "articles").get("editor")!.required, true);
  });

  it("connects the Git host of site.yaml, with the review workflow where the host has it", async () => {
    const github = cmsConfig(await site({ cms: { backend: "github", repo: "lncaw/portal", authUrl: "https://oauth.example.cn" } }), converter);
    assert.deepEqual(github.backend, { name: "github", repo: "lncaw/portal", branch: "main", base_url: "https://oauth.example.cn" });
    assert.equal(github.publish_mode, "editorial_workflow");
    const gitea = cmsConfig(await site({ cms: { backend: "gitea", repo: "news/portal", apiRoot: "https://git.example.gov.cn/api/v1", appId: "abc" } }), converter);
    assert.deepEqual(gitea.backend, { name: "gitea", repo: "news/portal", branch: "main", api_root: "https://git.example.gov.cn/api/v1", app_id: "abc", base_url: "https://git.example.gov.cn" });
    // Decap's Gitea backend has no editorial workflow: the setting is left out rather than breaking the editor.
    assert.equal(gitea.publish_mode, undefined);
    const simple = cmsConfig(await site({ cms: { backend: "gitlab", repo: "a/b", editorialWorkflow: "false" } }), converter);
    assert.equal(simple.publish_mode, undefined);
    await assert.rejects(site({ cms: { backend: "svn", repo: "a/b" } }), /github, gitlab, gitea/);
  });
});

describe("the web editor's collections at archive scale", () => {
  it("makes a collection of each folder of articles, this month's first and named articles, then the newest months", async () => {
    const config = cmsConfig(await site(), converter, { current: "2026/12", folders: ["2016/03", "2026/11", "undated", "", "2020/07"] });
    assert.deepEqual(config.collections.map((c) => [c.name, c.folder, c.label]), [
      ["articles", "content/articles/2026/12", "本月文章（2026年12月）"],
      ["articles-2026-11", "content/articles/2026/11", "2026年11月"],
      ["articles-2020-07", "content/articles/2020/07", "2020年07月"],
      ["articles-2016-03", "content/articles/2016/03", "2016年03月"],
      ["articles-root", "content/articles", "content/articles"],
      ["articles-undated", "content/articles/undated", "undated"],
      ["pages", "content/pages", "獨立頁面"],
    ]);
    // Each lists its own folder only (no path into subfolders), and files new articles and pictures in it.
    for (const c of config.collections) assert.equal(c.path, undefined, c.name);
    assert.equal(articleCollectionName("2026/12", "2026/12"), "articles");
  });
});
