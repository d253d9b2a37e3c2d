/**
 * `npm run import -- DIR` on a generated mirror of an old CMS (bench/legacy-mirror.ts): 2,000 articles in GBK, Big5
 * and UTF-8, three layouts, list pages, the site's frame, print copies and second addresses, empty, cut-short, error
 * and binary pages. Stopped half-way and started again, it makes exactly what one uninterrupted run makes; every
 * article once, with its fields; every other page reported with why; every old address kept. A smaller mirror is
 * built, and each old address is answered with a redirect to its article.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { parse } from "yaml";
import { MIRROR_HOST, writeLegacyMirror, type LegacyMirror } from "../../bench/legacy-mirror.ts";
import { filesUnder } from "../../src/util/files.ts";
import { createProject, REPO, type Project } from "../helpers/project.ts";

interface Report {
  pages: number;
  stopped: boolean;
  counts: { articles: number; duplicates: number; skipped: number };
  articles: { page: string; address: string; file: string; slug: string; encoding: string; checks: { line: number; field: string; message: string }[] }[];
  duplicates: { page: string; address: string; file: string; of: string }[];
  skipped: { page: string; reason: string }[];
}

/** The front-matter fields of a written article. */
function fieldsOf(text: string): Record<string, string> {
  return parse(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, string>;
}

/** Every file under content/ with its bytes, for comparing two imports. */
function contentTree(root: string): Map<string, string> {
  return new Map(filesUnder(path.join(root, "content")).map((f) => [f, readFileSync(path.join(root, "content", f), "utf8")]));
}

describe("importing a whole legacy site (npm run import -- DIR)", () => {
  let dir: string;
  let mirror: LegacyMirror;
  let resumed: Project;
  let whole: Project;
  let report: Report;
  let second: { code: number; stdout: string; stderr: string };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "broadsheet-mirror-"));
    mirror = await writeLegacyMirror(dir, 2000);
    resumed = await createProject();
    whole = await createProject();
    // Stopped with Ctrl+C once it has decided some pages (a terminal signals the whole process group: tsx and the
    // node it runs), then run again to the end.
    const child = spawn(path.join(REPO, "node_modules/.bin/tsx"), ["src/cli/import.ts", dir, "--jobs", "2"], {
      cwd: resumed.root, env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" }, stdio: ["ignore", "pipe", "pipe"], detached: true,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
    const journal = path.join(resumed.root, ".broadsheet/import");
    for (let i = 0; i < 600; i++) {
      const lines = existsSync(journal) ? filesUnder(journal).reduce((n, f) => n + readFileSync(path.join(journal, f), "utf8").split("\n").length, 0) : 0;
      if (lines > 300) break;
      await sleep(50);
    }
    process.kill(-child.pid!, "SIGINT");
    const code = await exited;
    // It says so and exits 130; or, if it was too busy to answer tsx in time, tsx killed it outright: either way the
    // journal holds part of the mirror, and the next run goes on from there.
    assert.notEqual(code, 0, `the first run was not stopped: ${output}`);
    if (/已停止/.test(output)) assert.match(output, /已停止，還有 \d+ 頁/);
    second = await resumed.run("import", {}, [dir]);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    report = JSON.parse(await resumed.read("import-report.json")) as Report;
    const uninterrupted = await whole.run("import", {}, [dir, "--jobs", "1"]);
    assert.equal(uninterrupted.code, 0, uninterrupted.stdout + uninterrupted.stderr);
  });
  after(async () => {
    await resumed?.dispose();
    await whole?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("goes on where it stopped, and ends with what one uninterrupted run makes", () => {
    const earlier = Number(/(\d+) 頁上次已做 \(\d+ decided by an earlier run\)/.exec(second.stdout)?.[1]);
    assert.ok(earlier > 0 && earlier < report.pages, `the second run took ${earlier} of ${report.pages} pages from the first`);
    assert.equal(report.stopped, false);
    assert.deepEqual(contentTree(resumed.root), contentTree(whole.root));
  });

  it("imports every article once, with its headline, date, source and author", async () => {
    assert.equal(report.counts.articles, mirror.articles.length);
    const byAddress = new Map(report.articles.map((a) => [a.address, a]));
    for (const expected of mirror.articles) {
      const imported = byAddress.get(expected.addresses[0]!);
      assert.ok(imported, `${expected.page} was not imported as an article`);
      assert.equal(imported.encoding, { gbk: "GB18030", big5: "Big5", "utf-8": "UTF-8" }[expected.encoding], expected.page);
      const text = await resumed.read(imported.file);
      const fields = fieldsOf(text);
      assert.equal(fields.title, expected.title, expected.page);
      assert.equal(fields.date, expected.date, expected.page);
      assert.equal(fields.source, expected.source, expected.page);
      assert.equal(fields.author, expected.author, expected.page);
      assert.equal(fields.channel, expected.channel, `${expected.page}: the breadcrumb's channel`);
    }
    const files = filesUnder(path.join(resumed.root, "content/articles"));
    assert.equal(files.length, mirror.articles.length + 1, "an article was written twice, or an extra one");
  });

  it("keeps out every copy of an article, and sends its old address to the article", () => {
    const copies = mirror.articles.flatMap((a) => a.copies.map((page) => ({ page, of: a.addresses[0]! })));
    assert.equal(report.counts.duplicates, copies.length);
    const articleFile = new Map(report.articles.map((a) => [a.address, a.file]));
    const duplicates = new Map(report.duplicates.map((d) => [d.page, d]));
    for (const copy of copies) {
      assert.equal(duplicates.get(copy.page)?.file, articleFile.get(copy.of), `${copy.page} is not known as a copy of ${copy.of}`);
    }
  });

  it("reports every other page with why, and the cut-short ones for a hand check", () => {
    const skipped = new Map(report.skipped.map((s) => [s.page, s.reason]));
    const why = { list: /list page/, navigation: /no publication date/, empty: /empty/, "not-found": /error page/, junk: /binary/ };
    for (const other of mirror.others) assert.match(skipped.get(other.page) ?? "(not skipped)", why[other.kind], other.page);
    for (const asset of mirror.assets.filter((a) => !a.endsWith(".txt"))) assert.equal(skipped.has(asset), false, `${asset} is no page`);
    const checked = new Map(report.articles.map((a) => [a.page, a.checks]));
    for (const page of mirror.truncated) {
      assert.ok(checked.get(page)?.some((c) => c.field === "body" && /cut short/.test(c.message) && c.line > 1), `${page} is not marked cut short`);
    }
    const summary = readFileSync(path.join(resumed.root, "import-report.txt"), "utf8");
    assert.match(summary, new RegExp(`${mirror.articles.length} 篇文章 \\(articles\\)`));
    assert.match(summary, /content\/articles\/\S+\.md:\d+ body: .*cut short/);
  });

  it("writes each old address to redirects.yaml once, to its article", async () => {
    const redirects = parse(await resumed.read("content/_data/redirects.yaml")) as Record<string, string>;
    const slugOf = new Map(report.articles.map((a) => [a.address, a.slug]));
    for (const a of mirror.articles) for (const address of a.addresses) assert.equal(redirects[address], slugOf.get(a.addresses[0]!), address);
    assert.equal(Object.keys(redirects).length, mirror.articles.reduce((n, a) => n + a.addresses.length, 0));
  });

  it("knows its own articles again when its journal is lost, writing nothing", async () => {
    const before = contentTree(whole.root);
    await rm(path.join(whole.root, ".broadsheet/import"), { recursive: true, force: true });
    const again = await whole.run("import", {}, [dir]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    const lost = JSON.parse(await whole.read("import-report.json")) as Report;
    assert.equal(lost.counts.articles, mirror.articles.length);
    assert.equal(lost.counts.duplicates, mirror.articles.reduce((n, a) => n + a.copies.length, 0));
    assert.deepEqual(contentTree(whole.root), before);
  });

  it("does nothing again on a third run", async () => {
    const before = contentTree(resumed.root);
    const third = await resumed.run("import", {}, [dir]);
    assert.equal(third.code, 0, third.stdout + third.stderr);
    assert.match(third.stdout, /0 條加進/);
    assert.deepEqual(contentTree(resumed.root), before);
  });
});

describe("a legacy site's old addresses in the built portal", () => {
  let dir: string;
  let mirror: LegacyMirror;
  let project: Project;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "broadsheet-mirror-"));
    mirror = await writeLegacyMirror(dir, 40, 11, "seed");
    project = await createProject();
    const imported = await project.run("import", {}, [dir]);
    assert.equal(imported.code, 0, imported.stdout + imported.stderr);
    const built = await project.run("build");
    assert.equal(built.code, 0, built.stdout + built.stderr);
  });
  after(async () => {
    await project?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers every old address of an article with a redirect to its page, or in the server tables", async () => {
    const site = path.join(project.root, "_site");
    const nginx = readFileSync(path.join(site, "redirects/nginx.map"), "utf8");
    const apache = readFileSync(path.join(site, "redirects/apache-rewritemap.txt"), "utf8");
    for (const a of mirror.articles) {
      for (const address of a.addresses) {
        const line = nginx.split("\n").find((l) => l.startsWith(`"${encodeURI(address)}" `));
        assert.ok(line, `${address} is not in nginx.map`);
        const target = /"(https:[^"]+)";$/.exec(line)![1]!;
        assert.ok(apache.includes(`${address} ${target}`), `${address} is not in the Apache map`);
        const page = target.replace(/^https:\/\/[^/]+\//, "");
        assert.ok(existsSync(path.join(site, page, "index.html")), `${target} was not built`);
        if (address.includes("?")) continue;
        const html = readFileSync(path.join(site, address.slice(1)), "utf8");
        assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=${target}">`), address);
        assert.match(html, new RegExp(`<link rel="canonical" href="${target}">`), address);
      }
    }
    // Redirects are no pages of the portal: not in the sitemap.
    assert.doesNotMatch(readFileSync(path.join(site, "sitemap.xml"), "utf8"), new RegExp(MIRROR_HOST.replace(/\./g, "\\.") + "|/zfyw/|\\.shtml"));
  });
});
