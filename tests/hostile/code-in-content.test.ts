/**
 * Probes of "content never runs code": Eleventy data and template files, and code, put into content/ by someone with
 * commit rights there. They must run nothing and inject nothing; they are refused by name, and the build leaves
 * `_site/` as it was. A data file Eleventy would read from its data folder if content/ were its input does nothing.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createProject, type Project } from "../helpers/project.ts";

/** A script that leaves a marker file if anything ever runs it. */
const marker = (name: string) =>
  `require("node:fs").writeFileSync(${JSON.stringify(name)}, "ran"); module.exports = { boot: "alert(document.domain)" };\n`;

describe("code and Eleventy data files under content/", () => {
  let project: Project;
  let before_: Map<string, string>;
  const markers = ["MARKER-content", "MARKER-cjs", "MARKER-deep", "MARKER-template"];
  before(async () => {
    project = await createProject();
    assert.equal((await project.run("build")).code, 0);
    before_ = await project.hashTree();
  });
  after(() => project.dispose());

  it("refuses each one by name in check and build, runs none, and leaves _site/ as it was", async () => {
    const m = (name: string) => path.join(project.root, name);
    await project.write("content/content.11tydata.js", marker(m(markers[0]!)));
    await project.write("content/articles/articles.11tydata.cjs", marker(m(markers[1]!)));
    await project.write("content/articles/2020/07/07.11tydata.js", marker(m(markers[2]!)));
    await project.write("content/content.11tydata.json", JSON.stringify({ boot: "alert(document.domain)" }));
    await project.write("content/pages/evil.11ty.js", marker(m(markers[3]!)));
    await project.write("content/pages/evil.njk", "{{ boot }}");
    const files = ["content/content.11tydata.js", "content/articles/articles.11tydata.cjs", "content/articles/2020/07/07.11tydata.js",
      "content/content.11tydata.json", "content/pages/evil.11ty.js", "content/pages/evil.njk"];
    for (const script of ["check", "build"] as const) {
      const result = await project.run(script);
      const output = result.stdout + result.stderr;
      assert.equal(result.code, 1, `${script} must fail:\n${output}`);
      for (const file of files) assert.match(output, new RegExp(`${file.replace(/\./g, "\\.")}:1 file: `), `${script} names ${file}`);
    }
    for (const name of markers) assert.equal(existsSync(m(name)), false, `${name}: content ran`);
    assert.deepEqual(await project.hashTree(), before_, "_site/ changed");
  });

  it("reads no data file in content/_data/ but site.yaml: a JSON file there injects nothing", async () => {
    for (const file of ["content/content.11tydata.js", "content/articles/articles.11tydata.cjs", "content/articles/2020/07/07.11tydata.js",
      "content/content.11tydata.json", "content/pages/evil.11ty.js", "content/pages/evil.njk"]) await project.remove(file);
    await project.write("content/_data/boot.json", JSON.stringify({ boot: "alert(document.domain)", site: { name: "HACKED" } }));
    const result = await project.run("build");
    assert.equal(result.code, 0, result.stderr);
    const home = await project.read("_site/index.html");
    assert.doesNotMatch(home, /alert\(document\.domain\)|HACKED/);
    assert.match(home, /遼寧長安網/);
  });
});
