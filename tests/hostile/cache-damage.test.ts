/**
 * A damaged build cache (a disk error, an interrupted copy in CI, a hand edit) never reaches `_site/`: every entry is
 * checked against the digest it was stored with, and a damaged one is discarded with a warning that names it, so the
 * output equals a cold build's. The published site shares no inode with the cache, so damage done to a cache file in
 * place cannot change a published page either.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { generateArticles, writeArticles } from "../../bench/generate.ts";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { validJpeg } from "../helpers/pictures.ts";
import { digest, filesUnder } from "../../src/util/files.ts";

const ENV = { BROADSHEET_SEARCH_SHARD_SIZE: "40" };

describe("a damaged build cache", () => {
  let project: Project;
  let cold: Map<string, string>;
  const cache = (...parts: string[]) => path.join(project.root, ".broadsheet/cache", ...parts);
  /** Rebuilds, after forgetting the recycled output so that every page comes from the page cache. */
  const rebuild = async (options: { recycled?: boolean } = {}) => {
    if (!options.recycled) await rm(cache("previous-output"), { recursive: true, force: true });
    const result = await project.run("build", ENV);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };
  /** The page-cache entry holding the bytes of a published file. */
  const entryOf = (published: string) => {
    const sum = digest(readFileSync(path.join(project.root, "_site", published)));
    const name = readdirSync(cache("pages")).find((n) => n.endsWith(`.${sum}`));
    assert.ok(name, `no cache entry for ${published}`);
    return cache("pages", name);
  };

  before(async () => {
    project = await createProject();
    await writeArticles(project.root, generateArticles(100, 5));
    const result = await project.run("build", { ...ENV, BROADSHEET_CACHE_DIR: ".cold-cache" });
    assert.equal(result.code, 0, result.stderr);
    await rm(path.join(project.root, ".cold-cache"), { recursive: true, force: true });
    cold = await project.hashTree();
    await rebuild();
  });
  after(() => project.dispose());

  it("publishes no file that shares its inode with the cache", async () => {
    await rebuild({ recycled: true });
    for (const file of filesUnder(path.join(project.root, "_site"))) {
      assert.equal(statSync(path.join(project.root, "_site", file)).nlink, 1, `${file} is linked elsewhere`);
    }
  });

  it("a page-cache entry truncated in place changes no published page, and is rendered again", async () => {
    const entry = entryOf("index.html");
    truncateSync(entry, 100);
    assert.deepEqual(await project.hashTree(), cold, "the live _site/ changed with the cache");
    const log = await rebuild();
    assert.match(log, new RegExp(`page ${path.basename(entry)} was damaged`));
    assert.deepEqual(await project.hashTree(), cold);
  });

  it("a page-cache entry edited or cut short is discarded", async () => {
    const edited = entryOf("articles/benxi-2020-07-16/index.html");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("于天敏", "某某某"));
    const cut = entryOf("hans/index.html");
    writeFileSync(cut, readFileSync(cut).subarray(0, 500));
    const log = await rebuild();
    assert.match(log, /was damaged/);
    assert.deepEqual(await project.hashTree(), cold);
  });

  it("a published page edited in place is replaced by the next build, not recycled, even with its size and times put back", async () => {
    const page = path.join(project.root, "_site/articles/benxi-2020-07-16/index.html");
    const { atime, mtime, size } = statSync(page);
    // Same length in bytes, and the modification time put back: only the change time (src/util/stat-digests.ts) tells.
    writeFileSync(page, readFileSync(page, "utf8").replace("于天敏", "某某某"));
    utimesSync(page, atime, mtime);
    assert.equal(statSync(page).size, size);
    await rebuild({ recycled: true });
    await rebuild({ recycled: true });
    assert.deepEqual(await project.hashTree(), cold);
  });

  it("a memo file with garbled bytes is discarded, and the articles are read again", async () => {
    const buckets = readdirSync(cache("content")).filter((n) => n.endsWith(".v8"));
    for (const name of buckets) {
      const bytes = readFileSync(cache("content", name));
      // Twenty bytes in the middle, where the articles' text is.
      for (let i = 0; i < 20; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x20;
      writeFileSync(cache("content", name), bytes);
    }
    const log = await rebuild();
    assert.match(log, /content\/\d+\.v8 was damaged/);
    assert.deepEqual(await project.hashTree(), cold);
  });

  it("a stored article body with garbled bytes is discarded, and its article read again", async () => {
    const files = readdirSync(cache("bodies")).flatMap((folder) => readdirSync(cache("bodies", folder)).map((name) => cache("bodies", folder, name)));
    assert.ok(files.some((f) => f.endsWith(".zh-Hans")) && files.some((f) => !path.basename(f).includes(".")), "bodies and their conversions are stored");
    for (const file of files) {
      const bytes = readFileSync(file);
      for (let i = 0; i < 6; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x20;
      writeFileSync(file, bytes);
    }
    // Bodies are read for the pages rendered and the shards indexed: neither is in the cache now.
    await rm(cache("pages"), { recursive: true, force: true });
    await rm(cache("search"), { recursive: true, force: true });
    const log = await rebuild();
    assert.match(log, /stored body [0-9a-f]{64} was damaged/);
    assert.match(log, /stored body [0-9a-f]{64}\.zh-Hans was damaged/);
    assert.deepEqual(await project.hashTree(), cold);
  });

  it("a cached search shard with a garbled entry file or truncated index files is indexed again", async () => {
    const shards = readdirSync(cache("search"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.ok(shards.length >= 3, `${shards.length} shards`);
    writeFileSync(cache("search", shards[0]!, "pagefind-entry.json"), "{ garbled");
    const files = filesUnder(cache("search", shards[1]!)).filter((f) => /\.pf_(?:index|card)$/.test(f));
    for (const file of files.slice(0, 3)) truncateSync(cache("search", shards[1]!, file), 10);
    // And the list of a shard's words, from which the word directory is made.
    writeFileSync(cache("search", `${shards[2]!}.words`), "garbled");
    // A published shard too, which a later build recycles.
    const published = filesUnder(path.join(project.root, "_site/pagefind")).filter((f) => f.endsWith("pagefind-entry.json"));
    writeFileSync(path.join(project.root, "_site/pagefind", published[0]!), "{ garbled");
    // The damaged published shard is recycled by the build after next; the damaged cached shards are read by a build
    // that has no recycled output.
    await rebuild({ recycled: true });
    const log = (await rebuild({ recycled: true })) + (await rebuild());
    assert.match(log, /search shard [0-9a-f]+ was damaged/);
    assert.deepEqual(await project.hashTree(), cold);
    // And the damage does not come back.
    assert.doesNotMatch(await rebuild(), /was damaged/);
  });
});

describe("a damaged picture rendition in the build cache", () => {
  it("is encoded again, not published", async () => {
    const project = await createProject();
    try {
      await project.write("content/articles/pictured.md", article(VALID, "![座談會現場](meeting.jpg)"));
      await project.write("content/articles/meeting.jpg", await validJpeg());
      assert.equal((await project.run("build")).code, 0);
      const published = await project.hashTree();
      const renditions = path.join(project.root, ".broadsheet/cache/img");
      const jpeg = readdirSync(renditions).find((n) => n.endsWith(".jpeg"))!;
      truncateSync(path.join(renditions, jpeg), 50);
      await rm(path.join(project.root, ".broadsheet/cache/previous-output"), { recursive: true, force: true });
      const result = await project.run("build");
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(await project.hashTree(), published);
    } finally {
      await project.dispose();
    }
  });
});
