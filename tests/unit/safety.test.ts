/** The build's safety helpers: locks, scratch folders, the memo's checksums, file listing of content/. */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { listContent } from "../../src/content/files.ts";
import { acquireLock, isRunning, LockError } from "../../src/util/lock.ts";
import { Memo } from "../../src/util/memo.ts";
import { sweepScratch } from "../../src/util/scratch.ts";
import { deadPid } from "../helpers/processes.ts";

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "broadsheet-safety-"));
});
after(() => rm(dir, { recursive: true, force: true }));

describe("acquireLock", () => {
  it("lets one holder in at a time: the second waits until the first releases", async () => {
    const file = path.join(dir, "a.lock");
    const lines: string[] = [];
    const first = await acquireLock(file, { what: "_site/", waitMs: 5000, log: (l) => lines.push(l), pollMs: 20 });
    let second = false;
    const waiting = acquireLock(file, { what: "_site/", waitMs: 5000, log: (l) => lines.push(l), pollMs: 20 }).then((lock) => {
      second = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(second, false, "the second got in while the first held the lock");
    assert.match(lines.join("\n"), new RegExp(`process ${process.pid}, is using _site/; waiting`));
    first.release();
    (await waiting).release();
    assert.equal(existsSync(file), false);
  });

  it("takes over from a holder that no longer runs, and gives up on a running one after the wait", async () => {
    const file = path.join(dir, "b.lock");
    const dead = await deadPid();
    assert.equal(isRunning(dead), false);
    writeFileSync(file, `${dead}\n`);
    const lock = await acquireLock(file, { what: "_site/", waitMs: 1000, log: () => undefined });
    assert.equal(readFileSync(file, "utf8").split(" ")[0], String(process.pid));
    await assert.rejects(acquireLock(file, { what: "_site/", waitMs: 50, log: () => undefined, pollMs: 10 }), LockError);
    lock.release();
  });
});

describe("sweepScratch", () => {
  it("removes the scratch folders of builds that no longer run, and no others", async () => {
    const scratch = path.join(dir, "tmp");
    const dead = await deadPid();
    for (const name of [`broadsheet-${dead}-render-abc`, `broadsheet-${process.pid}-search-def`, "broadsheet-test-xyz"]) {
      mkdirSync(path.join(scratch, name), { recursive: true });
    }
    assert.equal(sweepScratch(scratch), 1);
    assert.equal(existsSync(path.join(scratch, `broadsheet-${dead}-render-abc`)), false);
    assert.equal(existsSync(path.join(scratch, `broadsheet-${process.pid}-search-def`)), true, "a running build's folder stays");
    assert.equal(existsSync(path.join(scratch, "broadsheet-test-xyz")), true, "not a build's folder");
  });
});

describe("Memo", () => {
  it("discards a file whose bytes do not match its checksum, and names it", () => {
    const memoDir = path.join(dir, "memo");
    const memo = new Memo(new Map(), "code");
    memo.set("article", { title: "省委常委、政法委書記于天敏" });
    memo.save(memoDir);
    assert.deepEqual(Memo.read(memoDir, "code").get("article"), { title: "省委常委、政法委書記于天敏" });
    const [file] = findBuckets(memoDir);
    const bytes = readFileSync(file!);
    bytes[bytes.length - 10]! ^= 0x01;
    writeFileSync(file!, bytes);
    const read = Memo.read(memoDir, "code");
    assert.equal(read.get("article"), undefined);
    assert.deepEqual(read.damaged, [file]);
  });
});

function findBuckets(memoDir: string): string[] {
  return Array.from({ length: 64 }, (_, b) => path.join(memoDir, `${String(b).padStart(2, "0")}.v8`)).filter((f) => existsSync(f));
}

describe("listContent", () => {
  it("lists articles and pages, refuses code files and links out of content/, and warns about linked articles", () => {
    const root = path.join(dir, "project");
    const file = (rel: string, text = "") => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    file("content/articles/2020/a.md");
    file("content/pages/about.md");
    file("content/articles/a.11tydata.json", "{}");
    file("content/x.11tydata.js");
    file("content/articles/helper.mjs");
    file("outside.jpg");
    symlinkSync(path.join(root, "outside.jpg"), path.join(root, "content/articles/out.jpg"));
    symlinkSync("2020/a.md", path.join(root, "content/articles/linked.md"));
    symlinkSync("nowhere.jpg", path.join(root, "content/articles/broken.jpg"));
    const listed = listContent(root);
    assert.deepEqual(listed.articles, ["content/articles/2020/a.md"]);
    assert.deepEqual(listed.pages, ["content/pages/about.md"]);
    const byFile = Object.fromEntries(listed.problems.map((p) => [p.file, p.severity]));
    assert.deepEqual(byFile, {
      "content/articles/a.11tydata.json": "error", "content/x.11tydata.js": "error", "content/articles/helper.mjs": "error",
      "content/articles/out.jpg": "error", "content/articles/broken.jpg": "error", "content/articles/linked.md": "warning",
    });
  });
});
