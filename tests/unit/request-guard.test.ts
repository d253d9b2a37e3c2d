/** The servers' guard and the editor's one path check, called directly (the real servers: tests/hostile/editor-server.test.ts). */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { editorPath } from "../../src/content/editor-files.ts";
import { listenAddress, ownHosts, plainPath } from "../../src/server/request-guard.ts";

describe("the request guard", () => {
  it("decodes plain paths and refuses the rest", () => {
    assert.equal(plainPath("/tags/%E6%9C%AC%E6%BA%AA/?q=1"), "/tags/本溪/");
    for (const bad of ["/%ff", "/%2e%2e%2f", "/..%2f..%2fetc/passwd", "/a/./b", "/a%00", "/a%5c..", "//evil.example/", "http://evil.example/", "*", ""]) {
      assert.equal(plainPath(bad), undefined, bad);
    }
  });

  it("listens on loopback unless asked, and warns when asked", () => {
    assert.deepEqual(listenAddress(undefined, undefined), { host: "127.0.0.1", port: 8080 });
    assert.deepEqual(listenAddress("localhost", "9000"), { host: "127.0.0.1", port: 9000 });
    const open = listenAddress("0.0.0.0", "8080");
    assert.ok("warning" in open && /anyone on the network/.test(open.warning!));
    for (const [host, port] of [["a b", "8080"], [undefined, "0"], [undefined, "65536"], [undefined, "80x"]] as const) {
      assert.ok("error" in listenAddress(host, port), `${host} ${port}`);
    }
  });

  it("knows its own addresses: loopback names, and the one it was given", () => {
    assert.deepEqual([...ownHosts("127.0.0.1", 8080)].sort(), ["127.0.0.1:8080", "[::1]:8080", "localhost:8080"]);
    assert.ok(ownHosts("192.0.2.7", 80).has("192.0.2.7:80"));
    assert.ok(!ownHosts("192.0.2.7", 80).has("evil.example:80"));
  });
});

describe("the web editor's files", () => {
  const root = mkdtempSync(path.join(tmpdir(), "broadsheet-editor-"));
  mkdirSync(path.join(root, "content/articles/2020"), { recursive: true });
  mkdirSync(path.join(root, "content/pages"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), "{}");
  symlinkSync("../../package.json", path.join(root, "content/articles/link.md"));
  symlinkSync("../../src", path.join(root, "content/articles/linked"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("takes articles, pages and pictures in the editor's folders", () => {
    for (const [p, kind] of [["content/articles/2020/a.md", "entry"], ["content/articles/2021/07/new.md", "entry"], ["content/pages/about.md", "entry"],
      ["content/articles/2020/photo.JPG", "picture"], ["content/articles/2020", "folder"], ["content/articles/", "folder"]] as const) {
      const checked = editorPath(root, p, kind);
      assert.ok(checked.ok, `${p}: ${checked.ok ? "" : checked.message}`);
    }
  });

  it("refuses every other path, naming it", () => {
    for (const [p, kind] of [["package.json", "entry"], ["content/_data/site.yaml", "entry"], ["content/articles/../../package.json", "entry"],
      ["/etc/passwd", "entry"], ["content/articles/link.md", "entry"], ["content/articles/linked/x.md", "entry"], ["content/articles/a.njk", "entry"],
      ["content/articles/a.md", "picture"], ["content/articles/x\u202e.md", "entry"], ["content/articles/a\\b.md", "entry"], [`content/articles/${"字".repeat(90)}.md`, "entry"],
      ["content/articles//a.md", "entry"], ["content", "folder"], [7, "entry"]] as const) {
      const checked = editorPath(root, p, kind);
      assert.ok(!checked.ok, String(p));
      assert.match(checked.message, /網頁編輯器只能讀寫 .*\(the web editor reads and writes only/);
    }
  });
});
