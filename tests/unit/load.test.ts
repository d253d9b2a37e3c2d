import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadContent, type Content } from "../../src/content/load.ts";
import { Memo } from "../../src/util/memo.ts";
import { MemoryTextStore } from "../../src/util/text-store.ts";
import { formatProblem, type Problem } from "../../src/content/problems.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

/** Problems of the files, without the newsroom's notes on the site as a whole (src/content/newsroom.ts). */
const ofFiles = (problems: Problem[]) => problems.filter((p) => p.kind !== "stale-channel" && p.kind !== "empty-channel");

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
    assert.deepEqual(ofFiles(content.problems), []);
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
      [{ ...VALID, title: '""' }, /^content\/articles\/bad\.md:2 title: 缺少標題，每篇文章都要寫.*\(is missing; every article needs a title \(標題\)/],
      [{ ...VALID, date: "2020-13-45" }, /:3 date: "2020-13-45" 不是真實的日期：沒有 13 月 \(is not a real date \(month 13\)\)$/],
      [{ ...VALID, channel: "體育" }, /:6 channel: 「體育」不是本站的欄目.*\("體育" is not a channel of this site; use one of: 政法要聞, 市域治理/],
      [{ ...VALID, auther: "x" }, /:7 auther: 不是欄位；是不是要寫 author（作者）？\(is not a field; did you mean author \(作者\)\?/],
      [{ ...VALID, permalink: "/../../etc/" }, /:7 permalink: 是建站設定.*\(is a build setting, not an article field/],
      [{ ...VALID, slug: "Bad Slug" }, /:7 slug: 「Bad Slug」不能作為網址.*\("Bad Slug" cannot be a web address/],
      [{ ...VALID, lang: "en" }, /:7 lang: 「en」不是文種.*\("en" is not a script/],
      [{ ...VALID, draft: "maybe" }, /:7 draft: 「maybe」應是 true 或 false \("maybe" must be true or false/],
      [{ ...VALID, updated: "2020-01-01" }, /:7 updated: 更新時間早於發布時間.*\(is earlier than date/],
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
      assert.ok(problems.some((p) => p.startsWith(`content/articles/empty.md:1 ${field}: 缺少`)), field);
    }
  });

  it("refuses a file name that cannot be an address, unless slug is set", async () => {
    const problems = await problemsFor("content/articles/本溪調研.md", article(VALID));
    assert.match(problems[0]!, /:1 slug: 文件名「本溪調研」不能作為網址.*\(the file name "本溪調研" cannot be a web address/);
    assert.deepEqual(await problemsFor("content/articles/本溪調研.md", article({ ...VALID, slug: "benxi" })), []);
  });

  it("refuses two articles with the same address, naming both files", async () => {
    await project.write("content/articles/2020/same.md", article(VALID));
    await project.write("content/articles/2021/same.md", article(VALID));
    const content = await loadContent(project.root);
    await project.remove("content/articles/2020/same.md");
    await project.remove("content/articles/2021/same.md");
    const lines = ofFiles(content.problems).map(formatProblem);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /2020\/same\.md:1 slug: 網址「same」也是 content\/articles\/2021\/same\.md 的網址.*\("same" is also the address of the article in content\/articles\/2021\/same\.md/);
  });

  it("reports problems of all files in one run, in file order", async () => {
    await project.write("content/articles/b.md", article({ ...VALID, date: "2020-02-30" }));
    await project.write("content/articles/a.md", "---js\n{}\n---\n");
    await project.write("content/articles/c.md", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb1, 0xea]));
    const content = await loadContent(project.root);
    for (const f of ["a", "b", "c"]) await project.remove(`content/articles/${f}.md`);
    assert.deepEqual(ofFiles(content.problems).map((p) => `${p.file}:${p.field}`), [
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
    assert.ok(lines.some((l) => /^content\/_data\/site\.yaml:\d+ lang: 應是 zh-Hant（繁體）或 zh-Hans（简体）\(must be zh-Hant/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /sponser: 不是欄位.*did you mean sponsor/.test(l)), lines.join("\n"));
  });

  it("checks the footer's records: the 網站標識碼's length, the 公安備案 number's digits, the mark's picture", async () => {
    const original = await project.read("content/_data/site.yaml");
    await project.write("content/_data/site.yaml", original
      .replace(/^siteIdCode: .*$/m, "siteIdCode: 21000001")
      .replace(/^policeRecord: .*$/m, "policeRecord: 遼公網安備號")
      .replace(/^  image: .*$/m, "  image: /images/../../etc/passwd"));
    const content = await loadContent(project.root);
    await project.write("content/_data/site.yaml", original);
    const lines = content.problems.map(formatProblem);
    const line = (key: string) => original.split("\n").findIndex((l) => l.startsWith(key)) + 1;
    assert.ok(lines.some((l) => l.startsWith(`content/_data/site.yaml:${line("siteIdCode:")} siteIdCode: 網站標識碼應是 10 或 12 位`) && l.includes("must be the site id code of 10 or 12")), lines.join("\n"));
    assert.ok(lines.some((l) => l.startsWith(`content/_data/site.yaml:${line("policeRecord:")} policeRecord: 應包含備案號的數字`) && l.includes("must hold the record's number")), lines.join("\n"));
    assert.ok(lines.some((l) => /site\.yaml:\d+ partyGovMark\.image: 不能用 \. 或 \.\. 跳出本站.*must not climb out of the site/.test(l)), lines.join("\n"));
    // An icon the site names must be one of its files.
    await project.write("content/_data/site.yaml", original.replace("touch: /apple-touch-icon.png", "touch: /icons/touch.png"));
    const missing = (await loadContent(project.root)).problems.map(formatProblem);
    await project.write("content/_data/site.yaml", original);
    assert.ok(missing.some((l) => l.startsWith(`content/_data/site.yaml:${line("icons:")} icons.touch: public/ 裡沒有這個文件 (public/icons/touch.png)`) && l.includes("is not a file in public/")), missing.join("\n"));
    // A code written as a number (no quotes) is checked as written.
    await project.write("content/_data/site.yaml", original.replace(/^siteIdCode: .*$/m, "siteIdCode: 210000000001"));
    const unquoted = await loadContent(project.root);
    await project.write("content/_data/site.yaml", original);
    assert.equal(unquoted.site?.siteIdCode, "210000000001");
  });
});

describe("loading with a memo of earlier loads", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());

  /** A memo that counts what it found, so a test can tell a reuse from a fresh parse. */
  class CountingMemo extends Memo {
    found = 0;
    override get<T>(key: string): T | undefined {
      const value = super.get<T>(key);
      if (value !== undefined) this.found++;
      return value;
    }
  }
  // Dates are Luxon objects: compare articles by what they print as.
  const printed = (content: Content) => JSON.stringify(content.articles.map((a) => ({ ...a, date: a.date.toISO(), updated: a.updated?.toISO(), body: a.body() })));

  it("reuses an unchanged article as it was loaded, warnings included, and parses a changed one again", async () => {
    await project.write("content/articles/2021/kept.md", article({ ...VALID, updated: "2021-04-01 10:00" }, "第一段，有半角標點:這裡。"));
    await project.write("content/articles/2021/changed.md", article(VALID, "舊的正文。"));
    const memo = new CountingMemo();
    const first = await loadContent(project.root, { memo });
    memo.settle();
    assert.ok(first.problems.some((p) => p.severity === "warning" && p.file.endsWith("kept.md")), "the article has a warning to keep");
    const plain = await loadContent(project.root);

    await project.write("content/articles/2021/changed.md", article(VALID, "新的正文。"));
    memo.found = 0;
    const second = await loadContent(project.root, { memo });
    assert.equal(memo.found, 1, "only the unchanged article comes from the memo");
    assert.deepEqual(second.problems, first.problems, "its warnings are reported again");
    const kept = (c: Content) => c.articles.find((a) => a.slug === "kept")!;
    assert.equal(printed({ ...second, articles: [kept(second)] }), printed({ ...plain, articles: [kept(plain)] }));
    assert.equal(kept(second).date.zoneName, "Asia/Shanghai");
    assert.equal(kept(second).channel, second.site!.channels.find((c) => c.slug === "news"), "the channel is the site's own");
    const changed = second.articles.find((a) => a.slug === "changed")!;
    assert.match(changed.body().html, /新的正文/);
    assert.notEqual(changed.digest, first.articles.find((a) => a.slug === "changed")!.digest, "a changed file has a new digest");
    assert.equal(kept(second).digest, kept(first).digest);
    await project.remove("content/articles/2021/kept.md");
    await project.remove("content/articles/2021/changed.md");
  });

  it("loads every article again when the site configuration changes", async () => {
    await project.write("content/articles/2021/one.md", article(VALID));
    const memo = new CountingMemo();
    await loadContent(project.root, { memo });
    memo.settle();
    const original = await project.read("content/_data/site.yaml");
    await project.write("content/_data/site.yaml", original.replace(/^sponsor: .*$/m, "sponsor: 另一個主辦單位"));
    const changed = await loadContent(project.root, { memo });
    await project.write("content/_data/site.yaml", original);
    await project.remove("content/articles/2021/one.md");
    assert.equal(memo.found, 0);
    assert.equal(changed.articles[0]!.sponsor, "另一個主辦單位");
  });

  it("never keeps an article with errors", async () => {
    await project.write("content/articles/2021/broken.md", article({ ...VALID, date: "2020-02-30" }));
    const memo = new CountingMemo();
    const first = await loadContent(project.root, { memo });
    memo.settle();
    const second = await loadContent(project.root, { memo });
    await project.remove("content/articles/2021/broken.md");
    assert.equal(memo.found, 0);
    assert.deepEqual(second.problems, first.problems);
  });
});

describe("article bodies kept in a text store", () => {
  let project: Project;
  before(async () => {
    project = await createProject({ withContent: false });
  });
  after(() => project.dispose());

  it("makes a body that left the store again from its file, and stops, naming the file, if the file changed", async () => {
    await project.write("content/articles/2021/kept.md", article(VALID, "正文第一段。"));
    const store = new MemoryTextStore();
    const [loaded] = (await loadContent(project.root, { store })).articles;
    // Two rounds in which nothing uses it: the body is forgotten.
    store.settle();
    store.settle();
    assert.equal(store.get(loaded!.digest), undefined);
    assert.match(loaded!.body().html, /正文第一段/, "made again from the file");
    assert.ok(store.get(loaded!.digest), "and put back");
    store.settle();
    store.settle();
    await project.write("content/articles/2021/kept.md", article(VALID, "改過的正文。"));
    assert.throws(() => loaded!.body(), /^Error: content\/articles\/2021\/kept\.md: 建置期間此文章被修改或刪除，請再建置一次/);
    await project.remove("content/articles/2021/kept.md");
  });
});

describe("Memo", () => {
  it("saves what a round used, forgets the rest, and starts empty for other code", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "broadsheet-memo-"));
    try {
      const memo = Memo.read(dir, "code-1");
      memo.set("a", { n: 1 });
      memo.set("b", [2]);
      memo.save(dir);
      const again = Memo.read(dir, "code-1");
      assert.deepEqual(again.get("a"), { n: 1 });
      again.save(dir);
      const third = Memo.read(dir, "code-1");
      assert.deepEqual(third.get("a"), { n: 1 });
      assert.equal(third.get("b"), undefined, "what the last round did not use is gone");
      assert.equal(Memo.read(dir, "code-2").get("a"), undefined, "other code starts afresh");
      for (const file of await readdir(dir)) await writeFile(path.join(dir, file), "not a memo");
      assert.equal(Memo.read(dir, "code-1").get("a"), undefined, "an unreadable file is an empty memo");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rewrites only the files whose entries changed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "broadsheet-memo-"));
    try {
      const memo = Memo.read(dir, "code-1");
      const keys = Array.from({ length: 300 }, (_, i) => `article-${i}`);
      for (const key of keys) memo.set(key, key);
      memo.save(dir);
      const files = async () => new Map(await Promise.all((await readdir(dir)).map(async (f) => [f, (await stat(path.join(dir, f))).ino] as const)));
      const before = await files();
      assert.ok(before.size > 32, `${before.size} files`);
      const next = Memo.read(dir, "code-1");
      for (const key of keys) assert.equal(next.get(key), key);
      next.set("article-new", "new");
      next.save(dir);
      const after = await files();
      const rewritten = [...after].filter(([f, ino]) => before.get(f) !== ino);
      assert.equal(rewritten.length, 1, "publishing one article rewrites one file");
      assert.equal(Memo.read(dir, "code-1").get("article-new"), "new");
      const last = Memo.read(dir, "code-1");
      for (const key of keys.slice(1)) last.get(key);
      last.get("article-new");
      last.save(dir);
      assert.equal(Memo.read(dir, "code-1").get(keys[0]!), undefined, "an entry no longer used is dropped from its file");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
