import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deriveSummary, renderBody } from "../../src/content/markdown.ts";

describe("renderBody", () => {
  it("shows raw HTML as text", () => {
    const { html } = renderBody('<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">');
    assert.ok(!/<script|<img/i.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=&quot;x&quot; onerror=&quot;alert\(1\)&quot;&gt;/);
  });

  it("does not make javascript:, vbscript:, file: or data: links", () => {
    for (const href of ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:x", "file:///etc/passwd",
      "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,AAAA"]) {
      const { html } = renderBody(`[點我](${href}) ![圖](${href})`);
      assert.ok(!/<a |<img /.test(html), `${href}: ${html}`);
    }
    assert.match(renderBody("[網站](https://example.cn/)").html, /<a href="https:\/\/example.cn\/" rel="noopener noreferrer">/);
  });

  it("prints template syntax as written", () => {
    const { html } = renderBody("{{ 7*7 }} {% raw %} {%- set x = 1 -%}");
    assert.match(html, /\{\{ 7\*7 \}\} \{% raw %\} \{%- set x = 1 -%\}/);
  });

  it("keeps one h1 per page by starting body headings at h2", () => {
    assert.equal(renderBody("# 一\n\n## 二").html, "<h2>一</h2>\n<h3>二</h3>\n");
  });

  it("gives plain text and the first paragraph (not a heading)", () => {
    const body = renderBody("## 小標題\n\n第一段**重點**。\n\n第二段。");
    assert.equal(body.firstParagraph, "第一段重點。");
    assert.equal(body.text, "小標題\n第一段重點。\n第二段。");
  });
});

describe("deriveSummary", () => {
  it("keeps a short paragraph whole and cuts a long one at a sentence end", () => {
    assert.equal(deriveSummary("短。"), "短。");
    const long = `${"甲".repeat(80)}。${"乙".repeat(80)}。`;
    assert.equal(deriveSummary(long), `${"甲".repeat(80)}。`);
    assert.equal(Array.from(deriveSummary("丙".repeat(300))).length, 120);
  });
});

describe("renderBody nesting", () => {
  it("reports the line where lists or quotes nest too deep to be shown whole, instead of dropping text", () => {
    const list = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- 第${i + 1}層`).join("\n") + "\n\n列表之後。";
    assert.equal(renderBody(list).tooDeep, 49, "the 50th level is where markdown-it stops");
    assert.equal(renderBody(`${">".repeat(120)} 引文`).tooDeep, 0);
    const nested = renderBody(Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}- 第${i + 1}層`).join("\n") + "\n\n> > 引文\n\n段落。");
    assert.equal(nested.tooDeep, undefined);
    assert.match(nested.html, /第10層[\s\S]*引文[\s\S]*段落。/);
  });
});
