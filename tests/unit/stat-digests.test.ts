import assert from "node:assert/strict";
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { digest } from "../../src/util/files.ts";
import { StatDigests } from "../../src/util/stat-digests.ts";

/** Files are recorded however recently they changed (the tests write them just before). */
const AT_ONCE = { fine: 0, coarse: 0 };

/** A scratch folder with a record file and one page in it. */
async function scratch(run: (dir: string, record: string, page: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "broadsheet-stat-digests-"));
  try {
    const page = path.join(dir, "index.html");
    writeFileSync(page, "<p>甲</p>");
    run(dir, path.join(dir, "file-digests.json"), page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The saved record with every digest in it replaced by `fake` (as if the record had been written by a liar). */
function forge(record: string, fake: string): void {
  const saved = JSON.parse(readFileSync(record, "utf8")) as { last: Record<string, string>; before: Record<string, string> };
  for (const entries of [saved.last, saved.before]) {
    for (const id of Object.keys(entries)) entries[id] = entries[id]!.replace(/[0-9a-f]{32}$/, fake);
  }
  writeFileSync(record, JSON.stringify(saved));
}

/**
 * Waits until the clock has moved past the file's change time by more than a timestamp tick (a few milliseconds),
 * so that writing it again gives it another change time.
 */
function pastChangeTick(file: string): void {
  const wait = statSync(file).ctimeMs + 20 - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

describe("StatDigests (digests known by inode and times)", () => {
  it("gives a file's digest, and on the next build trusts the record while the file's times are unchanged", () => scratch((_, record, page) => {
    const first = StatDigests.read(record, AT_ONCE);
    assert.equal(first.digest(page), digest(Buffer.from("<p>甲</p>")));
    first.save();
    // The record says another digest: a build that trusts it gives that one, which proves the file was not read.
    forge(record, "f".repeat(32));
    assert.equal(StatDigests.read(record, AT_ONCE).digest(page), "f".repeat(32));
  }));

  it("reads a file again once it was written, even with its size and modification time put back", () => scratch((_, record, page) => {
    const first = StatDigests.read(record, AT_ONCE);
    first.digest(page);
    first.save();
    forge(record, "f".repeat(32));
    const { mtime, atime } = statSync(page);
    pastChangeTick(page);
    writeFileSync(page, "<p>乙</p>"); // same size in bytes
    utimesSync(page, atime, mtime);
    assert.equal(StatDigests.read(record, AT_ONCE).digest(page), digest(Buffer.from("<p>乙</p>")), "the change time gives the edit away");
  }));

  it("does not record a file changed too recently (a second write in the same tick of the clock would go unseen)", () => scratch((_, record, page) => {
    const recent = StatDigests.read(record, { fine: 60_000, coarse: 60_000 });
    assert.equal(recent.digest(page), digest(Buffer.from("<p>甲</p>")));
    recent.save();
    assert.deepEqual(JSON.parse(readFileSync(record, "utf8")), { last: {}, before: {} });
  }));

  it("keeps a file asked about in the last build or the one before, and forgets it after that", () => scratch((dir, record, page) => {
    const other = path.join(dir, "other.html");
    writeFileSync(other, "乙");
    const build = (...files: string[]) => {
      const record1 = StatDigests.read(record, AT_ONCE);
      for (const file of files) record1.digest(file);
      record1.save();
    };
    const entries = () => {
      const saved = JSON.parse(readFileSync(record, "utf8")) as { last: object; before: object };
      return Object.keys(saved.last).length + Object.keys(saved.before).length;
    };
    build(page, other);
    assert.equal(entries(), 2);
    build(page); // the two output trees take turns: `other` is asked about again in the build after
    assert.equal(entries(), 2);
    build(page);
    assert.equal(entries(), 1, "not asked about in two builds: forgotten");
  }));

  it("records a file the build wrote with the digest of the bytes it wrote (note), for the next build", () => scratch((_, record, page) => {
    const writer = StatDigests.read(record, AT_ONCE);
    writer.note(page, "e".repeat(32));
    writer.save();
    assert.equal(StatDigests.read(record, AT_ONCE).digest(page), "e".repeat(32));
  }));

  it("records a file noted just after it was written once it has settled, when the record is saved", () => scratch((_, record, page) => {
    const writer = StatDigests.read(record, { fine: 100, coarse: 100 });
    writer.note(page, "e".repeat(32));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    writer.save();
    assert.equal(StatDigests.read(record, AT_ONCE).digest(page), "e".repeat(32));
  }));

  it("reads every file when the record is damaged or missing", () => scratch((_, record, page) => {
    writeFileSync(record, "{ not json");
    assert.equal(StatDigests.read(record, AT_ONCE).digest(page), digest(Buffer.from("<p>甲</p>")));
    assert.equal(StatDigests.read(path.join(path.dirname(record), "none.json"), AT_ONCE).digest(page), digest(Buffer.from("<p>甲</p>")));
    assert.equal(StatDigests.read(record, AT_ONCE).digest(path.join(path.dirname(record), "missing.html")), undefined);
  }));
});
