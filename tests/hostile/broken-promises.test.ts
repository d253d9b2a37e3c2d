/**
 * Inputs that once broke a promise of the contract (issue 26), one class at a time: keys the schema does not own,
 * YAML tags, links that lead nowhere, names that cannot be addresses, impossible dates, a site address that is not
 * an origin — each refused on its file, line and field by `npm run check` and the build alike, with no stack, and
 * `_site/` left as it was. What is only warned about (control characters, tags spelt several ways, an IDN address)
 * is built into machine outputs that still parse. The importer and the build lock are tried with what a careless
 * editor or a restarted machine leaves behind.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { loadContent } from "../../src/content/load.ts";
import { publishedAddresses } from "../../src/portal/site-links.ts";
import { filesUnder } from "../../src/util/files.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

const NO_STACK = /\n\s+at |TypeError|RangeError|ReferenceError|URIError|ENAMETOOLONG/;

/** Each probe: its file, its text, and the `file:line field:` its error must start with. */
const PROBES: { file: string; text: string; expect: RegExp[] }[] = [
  {
    file: "content/articles/proto.md",
    text: `---\ntitle: 原型\nsource: 遼寧法制報\nauthor: 記者\nchannel: 政法要聞\n__proto__: {date: '2020-07-16 08:45', summary: x}\n---\n\n正文。\n`,
    expect: [/proto\.md:1 date: .*is missing/, /proto\.md:6 __proto__: .*is not a field/],
  },
  { file: "content/articles/tostring.md", text: article({ ...VALID, toString: "x", constructor: "y" }), expect: [/tostring\.md:7 toString: .*is not a field/, /tostring\.md:8 constructor: .*is not a field/] },
  {
    file: "content/articles/yaml-tags.md",
    text: article({ ...VALID, summary: "!!js/function 'function(){ return 1 }'", organizer: "!foo bar", editor: "!!python/object:os.system ls" }),
    expect: [/yaml-tags\.md:7 summary: .*YAML tag/, /yaml-tags\.md:8 organizer: .*YAML tag/, /yaml-tags\.md:9 editor: .*YAML tag/],
  },
  {
    file: "content/articles/links.md",
    text: article(VALID, "第一段 [a](nonexistent-page)。\n\n第二段 [b](../nope/) 和 [c](/no/such/page/) 和 [好](../../channels/news/)。"),
    expect: [/links\.md:9 link: .*"nonexistent-page" leads to \/articles\/links\/nonexistent-page/, /links\.md:11 link: .*"\.\.\/nope\/" leads to/,
      /links\.md:11 link: .*"\/no\/such\/page\/" leads to/],
  },
  { file: "content/articles/bad-escape.md", text: article(VALID, "正文。\n\n![x](%E0%A4%A.jpg)"), expect: [/bad-escape\.md:11 image: .*broken %-escape/] },
  { file: "content/articles/long-slug.md", text: article({ ...VALID, slug: "a".repeat(299) }), expect: [/long-slug\.md:7 slug: .*299 characters long/] },
  { file: `content/articles/${"b".repeat(120)}.md`, text: article(VALID), expect: [/b{120}\.md:1 slug: .*the file name "b+…" is 120 characters long/] },
  { file: "content/articles/long-tag.md", text: article({ ...VALID, tags: `[${"長".repeat(90)}]` }), expect: [/long-tag\.md:7 tags: .*90 characters is too long/] },
  {
    file: "content/articles/spoof-tags.md",
    text: article({ ...VALID, tags: '["國\u202e際", "行\u2028分", "零\u200d寬", "a/b"]' }),
    expect: [/spoof-tags\.md:7 tags: .*U\+202E/, /spoof-tags\.md:7 tags: .*U\+2028/, /spoof-tags\.md:7 tags: .*U\+200D/, /spoof-tags\.md:7 tags: .*"a\/b"/],
  },
  { file: "content/articles/dst.md", text: article({ ...VALID, date: "1986-05-04 02:30" }), expect: [/dst\.md:3 date: "1986-05-04 02:30" .*does not exist in Asia\/Shanghai/] },
  { file: "content/articles/y10000.md", text: article({ ...VALID, date: "9999-12-31T23:30:00Z" }), expect: [/y10000\.md:3 date: .*falls in 10000/] },
];

describe("content that broke a promise is refused by check and build alike", () => {
  let project: Project;
  let published: Map<string, string>;
  before(async () => {
    project = await createProject();
    assert.equal((await project.run("build")).code, 0);
    published = await project.hashTree();
    for (const probe of PROBES) await project.write(probe.file, probe.text);
  });
  after(() => project.dispose());

  for (const script of ["check", "build"] as const) {
    it(`npm run ${script} names each probe's file, line and field, and nothing else of the probes passes`, async () => {
      const result = await project.run(script);
      const output = result.stdout + result.stderr;
      assert.equal(result.code, 1, output);
      for (const probe of PROBES) for (const expected of probe.expect) assert.match(output, expected);
      assert.doesNotMatch(output, /\[好\]|channels\/zhengfa\/, which/, "a good link was refused");
      assert.doesNotMatch(output, NO_STACK, "a raw stack or exception was printed");
      if (script === "build") assert.deepEqual(await project.hashTree(), published);
    });
  }
});

describe("a site address that is not an origin", () => {
  let project: Project;
  let published: Map<string, string>;
  before(async () => {
    project = await createProject();
    assert.equal((await project.run("build")).code, 0);
    published = await project.hashTree();
  });
  after(() => project.dispose());

  const CASES: [Record<string, string>, RegExp][] = [
    [{ BROADSHEET_BASE_URL: "https://user:pw@www.example.cn" }, /site\.yaml:\d+ baseUrl: .*user name or password.*BROADSHEET_BASE_URL/],
    [{ BROADSHEET_BASE_URL: "https://www.example.cn/?q=1#x" }, /site\.yaml:\d+ baseUrl: .*query or a fragment/],
    [{ BROADSHEET_BASE_URL: "https://www.example.cn/portal" }, /site\.yaml:\d+ baseUrl: .*put "\/portal" in pathPrefix/],
    [{ BROADSHEET_BASE_URL: "javascript:alert(1)" }, /site\.yaml:\d+ baseUrl: .*must be the portal's address/],
    [{ BROADSHEET_PATH_PREFIX: "/a/../b/" }, /site\.yaml:\d+ pathPrefix: .*without \. or \.\. segments.*BROADSHEET_PATH_PREFIX/],
  ];
  for (const [env, expected] of CASES) {
    it(`refuses ${JSON.stringify(env)} on its site.yaml line, in check and build`, async () => {
      for (const script of ["check", "build"] as const) {
        const result = await project.run(script, env);
        const output = result.stdout + result.stderr;
        assert.equal(result.code, 1, output);
        assert.match(output, expected);
        assert.doesNotMatch(output, NO_STACK);
      }
      assert.deepEqual(await project.hashTree(), published);
    });
  }
});

/** Characters XML 1.0 cannot carry. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

describe("what is warned about is published in outputs that parse", () => {
  let project: Project;
  let build: { code: number; stdout: string; stderr: string };
  before(async () => {
    project = await createProject();
    // The summary's invisible characters are written by YAML escapes, which only the parser sees.
    await project.write("content/articles/escapes.md", article({ ...VALID, title: "轉義", summary: '"摘\\x0b要\\u0001與\\uD800孤\\uFFFE"' }, "正文。"));
    await project.write("content/articles/controls.md", article({ ...VALID, title: "控制\u0001字元", tags: "[發展, ABC]" },
      "垂直\u000b定位和\u0001開頭\u007f的正文，還有 ]]> 和 <b>標記</b>。\n\n見 [本溪](../benxi-2020-07-16/)、[欄目](/channels/news/)、[關於](/about/)、[檔案](/archive/2021/03/)。"));
    await project.write("content/articles/tags-two.md", article({ ...VALID, title: "第二篇", tags: `[发展, abc, ＡＢＣ, "e\u0301te", "\u00e9te", 頭髮, 頭發]` }, "正文。"));
    build = await project.run("build", { BROADSHEET_BASE_URL: "HTTPS://例子.中国" });
  });
  after(() => project.dispose());

  it("warns about each control character on its line, strips it and builds", () => {
    const output = build.stdout + build.stderr;
    assert.equal(build.code, 0, output);
    assert.match(output, /controls\.md:2:\d+ warning: title: .*U\+0001/);
    assert.match(output, /controls\.md:10:\d+ warning: body: .*U\+000B/);
    assert.match(output, /controls\.md:10:\d+ warning: body: .*U\+007F/);
    for (const code of ["000B", "0001", "D800", "FFFE"]) assert.match(output, new RegExp(`escapes\\.md:7 warning: summary: .*U\\+${code}`));
  });

  it("writes every feed and sitemap as well-formed XML, and every JSON-LD block as JSON", async () => {
    const site = path.join(project.root, "_site");
    const files = filesUnder(site, ["pagefind/", "img/"]);
    const xml = files.filter((f) => f.endsWith(".xml"));
    assert.ok(xml.length >= 8, `only ${xml.length} XML files`);
    for (const file of xml) {
      const text = await readFile(path.join(site, file), "utf8");
      assert.equal(XMLValidator.validate(text), true, `${file} is not well-formed`);
      assert.doesNotMatch(text, NOT_XML, `${file} holds a character XML cannot carry`);
    }
    const feed = await readFile(path.join(site, "feeds/rss.xml"), "utf8");
    assert.match(feed, /垂直定位和開頭的正文/);
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const html = await readFile(path.join(site, file), "utf8");
      assert.doesNotMatch(html, NOT_XML, `${file} holds a character no page can carry`);
      for (const m of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) JSON.parse(m[1]!);
    }
    JSON.parse(await readFile(path.join(site, "feeds/feed.json"), "utf8"));
  });

  it("publishes the origin in lower case and punycode", async () => {
    const sitemap = await readFile(path.join(project.root, "_site/sitemap.xml"), "utf8");
    assert.match(sitemap, /<loc>https:\/\/xn--fsqu00a\.xn--fiqs8s\//);
    assert.doesNotMatch(sitemap, /HTTPS|例子/);
  });

  it("makes one tag of each name spelt in either script, case, width or normal form", async () => {
    for (const folder of ["tags", "hans/tags"]) {
      const tags = (await readdir(path.join(project.root, "_site", folder), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
      const folded = tags.map((t) => t.normalize("NFKC").toLowerCase());
      assert.equal(new Set(folded).size, tags.length, `${folder}: ${tags.join(", ")}`);
      assert.equal(tags.filter((t) => /^(?:發展|发展)$/.test(t)).length, 1, `${folder}: ${tags.join(", ")}`);
      assert.equal(tags.filter((t) => /^abc$/i.test(t.normalize("NFKC"))).length, 1, `${folder}: ${tags.join(", ")}`);
      assert.equal(tags.filter((t) => t.normalize("NFC") === "\u00e9te").length, 1, `${folder}: ${tags.join(", ")}`);
    }
  });

  it("knows every page the build wrote as an address links may point to (the link check's model is the portal's)", async () => {
    const content = await loadContent(project.root, { env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" } });
    const isPublished = publishedAddresses({ ...content, root: project.root, site: content.site! });
    const pages = filesUnder(path.join(project.root, "_site"), ["pagefind/", "img/", "admin/", "assets/"]);
    assert.ok(pages.length > 40);
    for (const file of pages) assert.ok(isPublished(`/${file}`), `${file} was written, but links to it would be refused`);
    for (const missing of ["/articles/nope/", "/tags/不存在/", "/archive/1999/", "/channels/news/page/99/", "/nope.html"]) {
      assert.equal(isPublished(missing), false, missing);
    }
  });
});

describe("the importer and the commands, given what a careless editor types", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    await mkdir(path.join(project.root, "docs"), { recursive: true });
    // A GBK article outside content/, reached through a link inside it.
    await writeFile(path.join(project.root, "docs/victim.md"), Buffer.from([...Buffer.from("---\ntitle: "), 0xb2, 0xe2, 0xca, 0xd4, ...Buffer.from("\n---\n\n"), 0xd5, 0xfd, 0xce, 0xc4, 0x0a]));
    await symlink("../../docs/victim.md", path.join(project.root, "content/articles/link.md"));
    execFileSync("mkfifo", [path.join(project.root, "pipe.html")]);
    await writeFile(path.join(project.root, "-name.html"), "<html><body><h1>標題</h1><p>段落。</p></body></html>");
    const nested = `${"<div>".repeat(2000)}<h1>很深的頁面</h1><p>發布時間：2021-03-04 09:05 來源：遼寧法制報 作者：王明</p><p>正文段落。</p>${"</div>".repeat(2000)}`;
    await writeFile(path.join(project.root, "nested.html"), `<html><body>${nested}</body></html>`);
  });
  after(() => project.dispose());

  const refused = async (args: string[], expected: RegExp, env: NodeJS.ProcessEnv = {}, script: "import" | "new" = "import") => {
    const result = await project.run(script, env, args);
    const output = result.stdout + result.stderr;
    assert.equal(result.code, 1, output);
    assert.match(output, expected);
    assert.doesNotMatch(output, NO_STACK);
  };

  it("does not rewrite a file outside content/ through a link inside it", async () => {
    const victim = await readFile(path.join(project.root, "docs/victim.md"));
    await refused(["content/articles/link.md"], /link\.md is a symbolic link or not a plain file; it was not rewritten/);
    assert.deepEqual(await readFile(path.join(project.root, "docs/victim.md")), victim);
  });

  it("refuses a FIFO, a folder without pages and a missing file without waiting, and names a file that starts with -", async () => {
    await refused(["pipe.html"], /pipe\.html is not a plain file/);
    // A folder is a mirror of a whole site (npm run import -- DIR); content/ holds no pages of one.
    await refused(["content"], /there are no pages in content/);
    await refused(["missing.html"], /there is no file missing\.html/);
    await refused(["-name.html"], /write it as \.\/-name\.html/);
    // A dump or a download saved under a page's name is not read into memory.
    await writeFile(path.join(project.root, "huge.html"), Buffer.alloc(17 * 1024 * 1024, 0x61));
    await refused(["huge.html"], /huge\.html is 17 MB: too large for an article page; not read/);
  });

  it("imports a page nested 2,000 levels deep", async () => {
    const result = await project.run("import", {}, ["nested.html", "--slug", "nested"]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(await project.read("content/articles/2021/03/nested.md"), /title: 很深的頁面[\s\S]*正文段落。/);
  });

  it("says what is wrong with a 300-character slug and an unusable SOURCE_DATE_EPOCH, in every command", async () => {
    await refused(["--channel", "政法要聞", "--slug", "a".repeat(300)], /300 characters long/, {}, "new");
    for (const epoch of ["99999999999999999999", "abc", "-1"]) {
      await refused(["--channel", "政法要聞", "--slug", "fine"], /SOURCE_DATE_EPOCH must be a whole number/, { SOURCE_DATE_EPOCH: epoch }, "new");
      for (const script of ["check", "build"] as const) {
        const result = await project.run(script, { SOURCE_DATE_EPOCH: epoch });
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(result.stderr, /SOURCE_DATE_EPOCH must be a whole number/);
        assert.doesNotMatch(result.stdout + result.stderr, /NaN|\n\s+at /);
      }
    }
  });
});

describe("a build lock left by a process whose id was reused", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
  });
  after(() => project.dispose());

  it("is taken over when the id now belongs to a process that started at another time, or before another boot", async () => {
    const boot = await readFile("/proc/sys/kernel/random/boot_id", "utf8").then((t) => t.trim(), () => "");
    // This test's own process is alive; the lock says it started at tick 1 of this boot, or in another boot.
    for (const stamp of [`${process.pid} 1 ${boot}`, `${process.pid} 1 00000000-0000-0000-0000-000000000000`]) {
      await writeFile(path.join(project.root, "._site.lock"), `${stamp}\n`);
      const result = await project.run("build", { BROADSHEET_LOCK_WAIT: "3" });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.doesNotMatch(result.stdout, /waiting for it/);
    }
  });
});
