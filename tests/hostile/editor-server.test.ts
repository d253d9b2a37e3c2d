/**
 * The web editor and the preview as an attacker on the newsroom's network meets them: a real `npm run cms` and a real
 * `npm start` in a scratch project, driven with raw HTTP requests. Nothing from another address or another page is
 * carried out, nothing outside the editor's folders is read or written, no request stops a server, and after all of
 * it an editor's save still works.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "../../src/util/free-port.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { apiCall, raw, startCli, type RunningCli } from "../helpers/server.ts";

const base64 = (text: string) => Buffer.from(text).toString("base64");
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The process ids whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
}

/** Whether a process runs (a zombie, ended but not yet reaped, does not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** What the server answers to bytes that are not a well-formed request (the status line, or "" if it hung up). */
function rawBytes(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    socket.on("data", (d) => (answer += d));
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.on("error", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.end(bytes);
  });
}

describe("npm run cms on a shared network", () => {
  let project: Project;
  let cms: RunningCli;
  const outside = () => ["package.json", "src", ".ci", ".github"].map((f) => path.join(project.root, f));

  before(async () => {
    project = await createProject();
    // A repository's own secrets, and links an editor might have made inside the editor's folders.
    await mkdir(path.join(project.root, ".git"), { recursive: true });
    await writeFile(path.join(project.root, ".git/config"), "[remote]\n\ttoken = secret-token\n");
    await project.write("docs/victim.md", "---\ntitle: outside\n---\n");
    symlinkSync("../../docs/victim.md", path.join(project.root, "content/articles/link.md"));
    symlinkSync("../../docs", path.join(project.root, "content/articles/linked"));
    await project.write("content/articles/secret-draft.md", article({ ...VALID, title: "未發布的草稿內容", draft: "true" }));
    cms = await startCli(project, "cms");
    await cms.until("the editor's page", async () => ((await raw(cms.port, "GET", "/admin/")).status === 200 ? true : undefined));
  });
  after(async () => {
    await cms?.stop();
    await project?.dispose();
  });

  it("listens on loopback only", async () => {
    assert.match(cms.log(), new RegExp(`http://127\\.0\\.0\\.1:${cms.port}/admin/`));
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (lan) assert.equal(await accepts(lan.address, cms.port), false, `${lan.address}:${cms.port} must not accept connections`);
  });

  it("refuses requests for another address (DNS rebinding) and from another page, before doing anything", async () => {
    const write = { dataFiles: [{ path: "content/articles/rebound.md", raw: article(VALID) }], assets: [], options: {} };
    const foreign: Record<string, string>[] = [
      { host: "evil.example" }, { host: `evil.example:${cms.port}` }, { host: `localhost.evil.example:${cms.port}` },
      { origin: "http://evil.example" }, { origin: "http://localhost:3000" }, { origin: `http://localhost:${cms.port + 1}` },
      { origin: "null" }, { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      const reply = await apiCall(cms.port, "persistEntry", write, headers);
      assert.equal(reply.status, 403, JSON.stringify(headers));
      assert.equal(reply.headers["access-control-allow-origin"], undefined);
      const page = await raw(cms.port, "GET", "/articles/secret-draft/", headers);
      assert.equal(page.status, 403, JSON.stringify(headers));
      assert.doesNotMatch(page.body, /未發布的草稿內容/);
    }
    assert.equal(existsSync(path.join(project.root, "content/articles/rebound.md")), false);
    // From a browser on this machine, on the server's own address, the same call is carried out.
    const own = await apiCall(cms.port, "info", {}, { host: `localhost:${cms.port}`, origin: `http://localhost:${cms.port}` });
    assert.equal(own.status, 200);
  });

  it("writes nothing outside the editor's folders, whatever the action", async () => {
    const before_ = outside().filter(existsSync).map((f) => (f.endsWith(".json") ? hash(f) : readdirSync(f, { recursive: true }).length));
    const site = hash(path.join(project.root, "content/_data/site.yaml"));
    const victim = hash(path.join(project.root, "docs/victim.md"));
    const targets = [
      "package.json", ".github/workflows/x.yml", "src/cli/x.ts", ".ci/run", "content/_data/site.yaml", "content/articles/../../package.json",
      "../outside.md", "/etc/broadsheet.md", "content/articles/link.md", "content/articles/linked/x.md", "content/articles/2021\\..\\..\\x.md",
      "content/articles/x.11tydata.js", "content/articles/x.njk", "content/articles/\u202ex.md", "content/articles/a\u0000.md",
      `content/articles/${"a".repeat(300)}.md`,
    ];
    for (const target of targets) {
      const entry = await apiCall(cms.port, "persistEntry", { dataFiles: [{ path: target, raw: "x" }], assets: [], options: {} });
      assert.equal(entry.status >= 400 && entry.status < 500, true, `persistEntry ${target}: ${entry.status}`);
      const media = await apiCall(cms.port, "persistMedia", { asset: { path: target, content: base64("x"), encoding: "base64" }, options: {} });
      assert.equal(media.status >= 400 && media.status < 500, true, `persistMedia ${target}: ${media.status}`);
      const removed = await apiCall(cms.port, "deleteFile", { path: target, options: {} });
      assert.equal(removed.status >= 400 && removed.status < 500, true, `deleteFile ${target}: ${removed.status}`);
    }
    // A valid entry with a picture outside, or a move out of the folders: nothing of the call is written.
    const mixed = await apiCall(cms.port, "persistEntry", {
      dataFiles: [{ path: "content/articles/mixed.md", raw: article(VALID), newPath: "src/mixed.md" }],
      assets: [{ path: "public/x.png", content: base64("x"), encoding: "base64" }], options: {},
    });
    assert.equal(mixed.status, 403);
    assert.equal(existsSync(path.join(project.root, "content/articles/mixed.md")), false);
    const after_ = outside().filter(existsSync).map((f) => (f.endsWith(".json") ? hash(f) : readdirSync(f, { recursive: true }).length));
    assert.deepEqual(after_, before_);
    assert.equal(hash(path.join(project.root, "content/_data/site.yaml")), site);
    assert.equal(hash(path.join(project.root, "docs/victim.md")), victim);
    for (const made of [".github/workflows/x.yml", "src/cli/x.ts", "public/x.png", "src/mixed.md"]) {
      assert.equal(existsSync(path.join(project.root, made)), false, made);
    }
  });

  it("reads nothing outside the editor's folders", async () => {
    const reads: [string, Record<string, unknown>][] = [
      ["getMediaFile", { path: ".git/config" }], ["getEntry", { path: ".git/config" }], ["getEntry", { path: "content/_data/site.yaml" }],
      ["getEntry", { path: "content/articles/link.md" }], ["getMediaFile", { path: "content/articles/link.md" }],
      ["entriesByFiles", { files: [{ path: "package.json" }] }], ["entriesByFolder", { folder: ".git", extension: "md", depth: 1 }],
      ["entriesByFolder", { folder: "content/articles/linked", extension: "md", depth: 1 }], ["getMedia", { mediaFolder: "src" }],
      ["getMedia", { mediaFolder: "content/articles/../.." }], ["entriesByFolder", { folder: "content", extension: "yaml", depth: 3 }],
    ];
    for (const [action, params] of reads) {
      const reply = await apiCall(cms.port, action, params);
      assert.equal(reply.status, 403, `${action} ${JSON.stringify(params)}: ${reply.status}`);
      assert.doesNotMatch(reply.body, /secret-token|title: outside/);
    }
    // Listing the articles leaves out the link and whatever lies behind the linked folder.
    const listed = await apiCall(cms.port, "entriesByFolder", { folder: "content/articles", extension: "md", depth: 3 });
    const paths = (JSON.parse(listed.body) as { file: { path: string } }[]).map((e) => e.file.path);
    assert.ok(paths.includes("content/articles/2020/07/benxi-2020-07-16.md"));
    assert.deepEqual(paths.filter((p) => p.includes("link")), []);
  });

  it("goes on answering after malformed addresses, escapes and requests", async () => {
    for (const target of ["/%ff", "/%2e%2e%2f", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/package.json", "/a/%00", "/%c0%ae%c0%ae/", "/\\..\\package.json"]) {
      const reply = await raw(cms.port, "GET", target);
      assert.ok(reply.status === 400 || reply.status === 404, `${target}: ${reply.status}`);
      assert.doesNotMatch(reply.body, /"scripts"|secret-token/);
    }
    for (const bytes of ["GET /%ff HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "\u0000\u0001 NONSENSE\r\n\r\n", `GET / HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(100_000)}\r\n\r\n`,
      "GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n", "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\n{"]) {
      assert.match(await rawBytes(cms.port, bytes), /^(HTTP\/1\.1 4\d\d|)/);
    }
    assert.equal((await raw(cms.port, "POST", "/api/v1", { "content-type": "application/json", origin: `http://127.0.0.1:${cms.port}` }, "{not json")).status, 400);
    assert.equal((await raw(cms.port, "POST", "/api/v1", { "content-type": "text/plain" }, "{}")).status, 415);
    assert.equal((await apiCall(cms.port, "runShell", {})).status, 422);
    assert.equal((await raw(cms.port, "GET", "/admin/")).status, 200);
  });

  it("still saves an editor's article and picture, beside each other, after all of that", async () => {
    const text = article({ ...VALID, title: "網頁編輯器保存的文章", cover: "photo.png", coverAlt: "會場" });
    const saved = await apiCall(cms.port, "persistEntry", {
      dataFiles: [{ path: "content/articles/2021/03/api-saved.md", raw: text }],
      assets: [{ path: "content/articles/2021/03/photo.png", content: base64("not really a picture"), encoding: "base64" }], options: {},
    });
    assert.equal(saved.status, 200, saved.body);
    assert.equal(await project.read("content/articles/2021/03/api-saved.md"), text);
    assert.equal(existsSync(path.join(project.root, "content/articles/2021/03/photo.png")), true);
    const read = JSON.parse((await apiCall(cms.port, "getEntry", { path: "content/articles/2021/03/api-saved.md" })).body) as { data: string };
    assert.equal(read.data, text);
    // A move to another month takes the picture along; the old place is emptied.
    const moved = await apiCall(cms.port, "persistEntry", {
      dataFiles: [{ path: "content/articles/2021/03/api-saved.md", raw: text, newPath: "content/articles/2021/04/api-saved.md" }], assets: [], options: {},
    });
    assert.equal(moved.status, 200, moved.body);
    assert.equal(existsSync(path.join(project.root, "content/articles/2021/03/api-saved.md")), false);
    assert.equal(await project.read("content/articles/2021/04/api-saved.md"), text);
    assert.equal(existsSync(path.join(project.root, "content/articles/2021/04/photo.png")), true);
    // Nothing was left half-written beside them.
    assert.deepEqual(readdirSync(path.join(project.root, "content/articles/2021/04")).sort(), ["api-saved.md", "photo.png"]);
  });

  it("serves the editor itself, before the preview is built and without its output", async () => {
    // The editor's address is printed once the server listens, before the preview's first build ends.
    assert.ok(cms.log().indexOf("網頁編輯器 (web editor)") < cms.log().indexOf("預覽 (preview)"), cms.log());
    rmSync(path.join(project.root, ".broadsheet/preview/admin"), { recursive: true, force: true });
    const page = await raw(cms.port, "GET", "/admin/");
    assert.equal(page.status, 200);
    assert.match(page.body, /window\.broadsheetLocalBackend/);
    assert.match(page.body, /"name":"articles-2020-07"/);
    assert.equal((await raw(cms.port, "GET", "/admin/decap-cms.js")).status, 200);
    assert.equal((await raw(cms.port, "GET", "/admin/config.yml")).status, 200);
    assert.equal((await raw(cms.port, "GET", "/admin/nothing.js")).status, 404);
  });

  it("leaves no process behind when it is killed outright", async () => {
    // Its only helpers are esbuild's (bundling the browser code), which end when their parent's pipe closes.
    const children = childrenOf(cms.child.pid!);
    process.kill(cms.child.pid!, "SIGKILL");
    await cms.until("every child of the killed server ending", async () => (children.every((pid) => !running(pid)) ? true : undefined));
    assert.equal(await accepts("127.0.0.1", cms.port), false);
  });
});

describe("npm start on a shared network", () => {
  let project: Project;
  let preview: RunningCli;
  before(async () => {
    project = await createProject();
    await project.write("content/articles/secret-draft.md", article({ ...VALID, title: "未發布的草稿內容", draft: "true" }));
  });
  after(async () => {
    await preview?.stop();
    await project?.dispose();
  });

  it("listens on loopback and refuses other addresses; --host is a choice, with a warning", async () => {
    preview = await startCli(project, "start");
    await preview.until("the draft's page", async () => ((await raw(preview.port, "GET", "/articles/secret-draft/")).status === 200 ? true : undefined));
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (lan) assert.equal(await accepts(lan.address, preview.port), false);
    assert.equal((await raw(preview.port, "GET", "/articles/secret-draft/", { host: "rebound.example" })).status, 403);
    // npm start has no editor: nothing answers its calls.
    assert.equal((await raw(preview.port, "POST", "/api/v1", { "content-type": "application/json" }, '{"action":"info"}')).status, 404);
    assert.equal((await raw(preview.port, "GET", "/%ff")).status, 400);
    assert.equal((await raw(preview.port, "GET", "/")).status, 200);
    await preview.stop();

    preview = await startCli(project, "start", ["--host", "0.0.0.0"]);
    assert.match(preview.log(), /Warning: listening on 0\.0\.0\.0: anyone on the network can open it/);
    if (lan) {
      assert.equal(await accepts(lan.address, preview.port), true);
      const reply = await raw(preview.port, "GET", "/", { host: `${lan.address}:${preview.port}` });
      assert.equal(reply.status, 200);
    }
    assert.equal((await raw(preview.port, "GET", "/", { host: "rebound.example" })).status, 403);
  });

  it("ends when the npm that launched it is killed outright, instead of serving on with nobody to stop it", async () => {
    await preview.stop(); // One preview at a time writes the project's .broadsheet/preview.
    const port = await freePort();
    // As an editor starts it: npm, the shell npm runs the script in, then node.
    const npm = spawn("npm", ["start", "--", "--port", String(port)], { cwd: project.root, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let log = "";
    npm.stdout!.on("data", (d) => (log += d));
    npm.stderr!.on("data", (d) => (log += d));
    try {
      await preview.until("the preview started through npm", async () => (/預覽 \(preview\): http/.test(log) && (await accepts("127.0.0.1", port)) ? true : undefined));
      const below = childrenOf(npm.pid!).flatMap((pid) => [pid, ...childrenOf(pid)]);
      assert.ok(below.length >= 1, "npm started nothing");
      process.kill(npm.pid!, "SIGKILL");
      await preview.until("the preview ending with its npm", async () => (below.every((pid) => !running(pid)) ? true : undefined));
      assert.equal(await accepts("127.0.0.1", port), false);
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // The group is gone.
      }
    }
  });

  it("says what is wrong with its command line, without a stack", () => {
    for (const args of [["--port", "99999"], ["--host", "a b"], ["--nonsense"]]) {
      let output = "";
      try {
        execFileSync(process.execPath, ["--import", "tsx", "src/cli/serve.ts", ...args], { cwd: project.root, stdio: "pipe", encoding: "utf8" });
        assert.fail(`${args.join(" ")} was accepted`);
      } catch (error) {
        output = String((error as { stderr: string }).stderr);
      }
      assert.match(output, /^start: /m, args.join(" "));
      assert.doesNotMatch(output, /\n\s+at /, "no stack trace");
    }
  });
});
