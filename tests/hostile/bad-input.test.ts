/**
 * Hostile and careless content: each probe is refused with an error naming its file, line and field (or warned
 * about), by `npm run check` and `npm run build` alike, in one run, and a refused build leaves `_site/` as it was.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";
import { garbledJpeg, hugePng, validJpeg } from "../helpers/pictures.ts";

const deepList = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- 第${i + 1}層`).join("\n") + "\n\n列表之後的段落。";
const deepQuote = `${">".repeat(120)} 引文很深。`;
const aliasBomb = ["---", "title: 標題", 'a: &a ["x","x","x","x","x","x","x","x","x"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]", "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]", "---", "", "正文。", ""].join("\n");

/** Each probe: its file, and the `file:line field:` its error (or warning) must start with. */
const PROBES: { file: string; text: () => Promise<string | Buffer> | string | Buffer; expect?: RegExp }[] = [
  { file: "content/articles/deep-list.md", text: () => article(VALID, deepList), expect: /deep-list\.md:\d+ body: .*nest too deep/ },
  { file: "content/articles/deep-quote.md", text: () => article(VALID, deepQuote), expect: /deep-quote\.md:\d+ body: .*nest too deep/ },
  { file: "content/articles/dotted-tag.md", text: () => article({ ...VALID, tags: "[node.js, 2020.07, index.html]" }), expect: /dotted-tag\.md:7 tags: .*"node\.js" has a character/ },
  { file: "content/articles/alias-bomb.md", text: () => aliasBomb, expect: /alias-bomb\.md:\d+ [a-z]+: .*more than 50 YAML aliases/ },
  { file: "content/articles/old.md", text: () => article({ ...VALID, date: "0000-01-01" }), expect: /old\.md:3 date: "0000-01-01" .*before 1901/ },
  { file: "content/articles/garbled.md", text: () => article({ ...VALID, cover: "garbled.jpg", coverAlt: "壞圖" }), expect: /garbled\.md:7 cover: "garbled\.jpg" .*cannot be decoded/ },
  { file: "content/articles/garbled.jpg", text: garbledJpeg },
  { file: "content/articles/huge.md", text: () => article(VALID, "![巨圖](huge.png)"), expect: /huge\.md:9 image: "huge\.png" .*pixel limit/ },
  { file: "content/articles/huge.png", text: () => hugePng() },
  { file: "content/articles/outside.md", text: () => article(VALID, "![外面](img/outside.jpg)"), expect: /outside\.md:9 image: "img\/outside\.jpg" .*outside content/ },
  { file: "content/articles/img/outside.jpg:link", text: () => "", expect: /content\/articles\/img\/outside\.jpg:1 file: .*out of content/ },
];

describe("hostile and careless content", () => {
  let project: Project;
  let outside: string;
  let published: Map<string, string>;
  before(async () => {
    project = await createProject();
    // The portal as published before the probes arrive.
    await project.write("content/articles/good-picture.md", article(VALID, "![好圖](good.jpg)"));
    await project.write("content/articles/good.jpg", await validJpeg());
    assert.equal((await project.run("build")).code, 0);
    published = await project.hashTree();
    outside = await mkdtemp(path.join(tmpdir(), "broadsheet-outside-"));
    await writeFile(path.join(outside, "secret.jpg"), await validJpeg());
    for (const probe of PROBES) {
      if (probe.file.endsWith(":link")) {
        await mkdir(path.join(project.root, "content/articles/img"), { recursive: true });
        await symlink(path.join(outside, "secret.jpg"), path.join(project.root, probe.file.replace(/:link$/, "")));
      } else {
        await project.write(probe.file, await probe.text());
      }
    }
  });
  after(async () => {
    await project.dispose();
    await rm(outside, { recursive: true, force: true });
  });

  for (const script of ["check", "build"] as const) {
    it(`npm run ${script} names every probe's file, line and field in one run${script === "build" ? ", and leaves _site/ as it was" : ""}`, async () => {
      const result = await project.run(script);
      const output = result.stdout + result.stderr;
      assert.equal(result.code, 1, output);
      for (const probe of PROBES) if (probe.expect) assert.match(output, probe.expect);
      assert.equal(output.match(/more than 50 YAML aliases/g)?.length, 1, "the alias cap is said once, not per alias");
      assert.doesNotMatch(output, /\n\s+at |ReferenceError|Error:/, "a raw stack or exception was printed");
      if (script === "build") assert.deepEqual(await project.hashTree(), published);
    });
  }
});

describe("careless content that is only warned about", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
  });
  after(() => project.dispose());

  it("warns about a linked article and an oversized title or body, and builds", async () => {
    await project.write("content/articles/real.md", article({ ...VALID, title: "很".repeat(30) }, "長".repeat(500)));
    await symlink("real.md", path.join(project.root, "content/articles/linked.md"));
    const site = await project.read("content/_data/site.yaml");
    await project.write("content/_data/site.yaml", `${site}\nsizeWarnings:\n  title: 20\n  body: 400\n`);
    const result = await project.run("build");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /content\/articles\/linked\.md:1 warning: file: .*linked article is not read/);
    assert.match(result.stdout, /content\/articles\/real\.md:2 warning: title: .*30 characters long, more than 20/);
    assert.match(result.stdout, /content\/articles\/real\.md:8 warning: body: .*50\d characters long, more than 400/);
    assert.match(await project.read("_site/articles/real/index.html"), /很很很/);
  });
});
