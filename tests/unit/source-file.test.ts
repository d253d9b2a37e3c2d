import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeSource, parseFrontMatter } from "../../src/content/source-file.ts";

const FILE = "content/articles/x.md";
const split = (text: string) => parseFrontMatter(text, FILE);

describe("decodeSource", () => {
  it("accepts UTF-8 with a BOM and CRLF line ends", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("---\r\ntitle: 標題\r\n---\r\n正文\r\n")]);
    const decoded = decodeSource(bytes, FILE);
    assert.ok(decoded.ok);
    assert.equal(decoded.text, "---\ntitle: 標題\n---\n正文\n");
  });

  it("refuses GB18030 text, names the line and points to npm run import", () => {
    // "---\ntitle: " then 標題 in GBK (0xB1EA 0xCCE2) on line 2.
    const bytes = new Uint8Array([...new TextEncoder().encode("---\ntitle: "), 0xb1, 0xea, 0xcc, 0xe2, 0x0a]);
    const decoded = decodeSource(bytes, FILE);
    assert.ok(!decoded.ok);
    assert.equal(decoded.problem.line, 2);
    assert.equal(decoded.problem.field, "encoding");
    assert.match(decoded.problem.message, /not UTF-8/);
    assert.match(decoded.problem.message, /npm run import/);
  });
});

describe("parseFrontMatter", () => {
  it("reads fields as text with their lines, and the body after the closing line", () => {
    const result = split("---\ntitle: 2020\ndraft: true\ntags: [本溪, 市域]\n---\n\n正文\n");
    assert.ok(result.ok);
    assert.deepEqual({ ...result.frontMatter.data }, { title: "2020", draft: "true", tags: ["本溪", "市域"] });
    assert.deepEqual({ ...result.frontMatter.lines }, { title: 2, draft: 3, tags: 4 });
    assert.equal(result.frontMatter.body.trim(), "正文");
    assert.equal(result.frontMatter.bodyLine, 6);
  });

  it("keeps dates as the text the editor wrote (no YAML timestamp conversion)", () => {
    const result = split("---\ndate: 2020-07-16\n---\n");
    assert.ok(result.ok);
    assert.equal(result.frontMatter.data.date, "2020-07-16");
  });

  it("refuses ---js and other engines without running them", () => {
    (globalThis as Record<string, unknown>).__ran = false;
    for (const first of ["---js", "---javascript", "---json", "--- js"]) {
      const result = split(`${first}\n{ title: (globalThis.__ran = true) }\n---\n`);
      assert.ok(!result.ok, first);
      assert.equal(result.problems[0]!.line, 1);
      assert.equal(result.problems[0]!.field, "front-matter");
      assert.match(result.problems[0]!.message, /not allowed/);
    }
    assert.equal((globalThis as Record<string, unknown>).__ran, false);
  });

  it("requires the first line to be exactly ---", () => {
    for (const text of ["title: x\n---\n", "\n---\ntitle: x\n---\n", " ---\ntitle: x\n---\n"]) {
      const result = split(text);
      assert.ok(!result.ok);
      assert.equal(result.problems[0]!.line, 1);
    }
  });

  it("reports an unclosed front-matter, bad YAML and repeated fields on their lines", () => {
    const unclosed = split("---\ntitle: x\n");
    assert.ok(!unclosed.ok);
    assert.match(unclosed.problems[0]!.message, /never closed/);

    const bad = split("---\ntitle: x\nsource: [a\n---\n");
    assert.ok(!bad.ok);
    assert.equal(bad.problems[0]!.field, "front-matter");

    const twice = split("---\ntitle: a\nauthor: b\ntitle: c\n---\n");
    assert.ok(!twice.ok);
    assert.equal(twice.problems[0]!.line, 4);
    assert.match(twice.problems[0]!.message, /twice/);
  });

  it("does not resolve YAML tags into code or objects", () => {
    const result = split('---\ntitle: !!js/function "function(){}"\n---\n');
    if (result.ok) assert.equal(typeof result.frontMatter.data.title, "string");
  });

  it("refuses a billion-laughs alias bomb on its own line, without throwing", () => {
    const bomb = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]", "---", ""].join("\n");
    const result = split(bomb);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]!.message, /more than 50 YAML aliases/);
  });
});
