import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

describe("loadContent", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());

  const problemsFor = async (file: string, text: string | Uint8Array) => {
    await project.write(file, text);
    try {
      const content = await loadContent(project.root);
      return content.problems.filter((p) => p.file === file).map(formatProblem);
    } finally {
      await project.remove(file);
    }
  };

  it("loads a valid article with defaults from the site configuration", async () => {
    await project.write("content/articles/2021/ok.md", article({ ...VALID, tags: "[ 本溪 , 本溪, 市域 ]" }, "第一段。\n\n第二段。"));
    const content = await loadContent(project.root);
    await project.remove("content/articles/2021/ok.md");
    assert.deepEqual(content.problems, []);
    const [a] = content.articles;
    assert.equal(a!.slug, "ok");
    assert.equal(a!.sponsor, "中共遼寧省委政法委員會");
    assert.equal(a!.lang, "zh-Hant");
    assert.deepEqual(a!.tags, ["本溪", "市域"]);
    assert.equal(a!.summary, "第一段。");
    assert.equal(a!.channel.slug, "news");
  });

  it("names file, line and field for each broken rule", async () => {
    const file = "content/articles/bad.md";
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...VALID, title: '""' }, /^content\/articles\/bad\.md:2 title: is missing; every article needs a title \(標題\)/],
      [{ ...VALID, date: "2020-13-45" }, /:3 date: "2020-13-45" is not a real date \(month 13\)$/],
      [{ ...VALID, channel: "體育" }, /:6 channel: "體育" is not a channel of this site; use one of: 政法要聞, 市域治理/],
      [{ ...VALID, auther: "x" }, /:7 auther: is not a field; did you mean author \(作者\)\?/],
      [{ ...VALID, permalink: "/../../etc/" }, /:7 permalink: is a build setting, not an article field/],
      [{ ...VALID, slug: "Bad Slug" }, /:7 slug: "Bad Slug" cannot be a web address/],
      [{ ...VALID, lang: "en" }, /:7 lang: "en" is not a script/],
      [{ ...VALID, draft: "maybe" }, /:7 draft: "maybe" must be true or false/],
      [{ ...VALID, updated: "2020-01-01" }, /:7 updated: is earlier than date/],
    ];
    for (const [fields, expected] of cases) {
      const problems = await problemsFor(file, article(fields));
      assert.equal(problems.length, 1, `${JSON.stringify(fields)} → ${problems.join(" | ")}`);
      assert.match(problems[0]!, expected);
    }
  });

  it("reports every missing required field at once", async () => {
    const problems = await problemsFor("content/articles/empty.md", "---\nsummary: 摘要\n---\n\n正文\n");
    for (const field of ["title", "date", "source", "author", "channel"]) {
      assert.ok(problems.some((p) => p.startsWith(`content/articles/empty.md:1 ${field}: is missing`)), field);
    }
  });

  it("refuses a file name that cannot be an address, unless slug is set", async () => {
    const problems = await problemsFor("content/articles/本溪調研.md", article(VALID));
    assert.match(problems[0]!, /:1 slug: the file name "本溪調研" cannot be a web address/);
    assert.deepEqual(await problemsFor("content/articles/本溪調研.md", article({ ...VALID, slug: "benxi" })), []);
  });

  it("refuses two articles with the same address, naming both files", async () => {
    await project.write("content/articles/2020/same.md", article(VALID));
    await project.write("content/articles/2021/same.md", article(VALID));
    const content = await loadContent(project.root);
    await project.remove("content/articles/2020/same.md");
    await project.remove("content/articles/2021/same.md");
    const lines = content.problems.map(formatProblem);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /2020\/same\.md:1 slug: "same" is also the address of the article in content\/articles\/2021\/same\.md/);
  });

  it("reports problems of all files in one run, in file order", async () => {
    await project.write("content/articles/b.md", article({ ...VALID, date: "2020-02-30" }));
    await project.write("content/articles/a.md", "---js\n{}\n---\n");
    await project.write("content/articles/c.md", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea]));
    const content = await loadContent(project.root);
    for (const f of ["a", "b", "c"]) await project.remove(`content/articles/${f}.md`);
    assert.deepEqual(content.problems.map((p) => `${p.file}:${p.field}`), [
      "content/articles/a.md:front-matter",
      "content/articles/b.md:date",
      "content/articles/c.md:encoding",
    ]);
  });

  it("validates the site configuration like an article", async () => {
    const original = await project.read("content/_data/site.yaml");
    await project.write("content/_data/site.yaml", original.replace("lang: zh-Hant", "lang: en\nsponser: x"));
    const content = await loadContent(project.root);
    await project.write("content/_data/site.yaml", original);
    const lines = content.problems.map(formatProblem);
    assert.ok(lines.some((l) => /^content\/_data\/site\.yaml:\d+ lang: must be zh-Hant/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /sponser: is not a field; did you mean sponsor/.test(l)), lines.join("\n"));
  });
});
