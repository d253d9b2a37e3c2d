/**
 * A careless operator: a build run by another user than the one who owns `_site/`, and content files nobody can
 * read. Run only as root (CI is), which can act as another user; other runs skip with the reason.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { chmod } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;
const skip = asRoot ? false : "needs root, to run the build as another user";

describe("builds run by another user", { skip }, () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    await chmod(project.root, 0o777);
    assert.equal((await project.run("build")).code, 0);
  });
  after(() => project.dispose());

  it("a _site/ it cannot write is either replaced whole or left as it was, and nothing is left in the way", async () => {
    // The cache is the other user's too, so the build gets as far as the swap.
    await chmodTree(path.join(project.root, ".broadsheet"), 0o777);
    const before_ = await project.hashTree();
    await project.write("content/articles/new.md", article({ ...VALID, title: "另一個用戶發布" }));
    await chmod(path.join(project.root, "content/articles/new.md"), 0o644);
    const result = await project.run("build", {}, [], NOBODY);
    const after_ = await project.hashTree();
    if (result.code === 0) {
      assert.match(await project.read("_site/articles/new/index.html"), /另一個用戶發布/);
      // The output it replaced belongs to the owner: it says so rather than fail after publishing.
      if (existsSync(path.join(project.root, "._site.replaced"))) assert.match(result.stdout, /\._site\.replaced could not be removed/);
    } else {
      assert.match(result.stderr, /_site\/ was left as it was/);
      assert.deepEqual(after_, before_, "the build said it left _site/ as it was");
    }
    // The owner's next build works, whatever the other user left.
    const next = await project.run("build");
    assert.equal(next.code, 0, next.stderr);
    assert.match(await project.read("_site/articles/new/index.html"), /另一個用戶發布/);
    assert.deepEqual(readdirSync(project.root).filter((n) => n.startsWith("._site.") && n !== "._site.lock"), []);
  });

  it("check and build name a file they cannot read, and report the other problems too", async () => {
    await project.write("content/articles/secret.md", article(VALID));
    await chmod(path.join(project.root, "content/articles/secret.md"), 0o600);
    await project.write("content/articles/broken.md", article({ ...VALID, date: "2020-13-45" }));
    await chmod(path.join(project.root, "content/articles/broken.md"), 0o644);
    for (const script of ["check", "build"] as const) {
      const result = await project.run(script, {}, [], NOBODY);
      const output = result.stdout + result.stderr;
      assert.equal(result.code, 1, output);
      assert.match(output, /content\/articles\/secret\.md:1 file: .*cannot be read/);
      assert.match(output, /content\/articles\/broken\.md:3 date: "2020-13-45" 不是真實的日期.*\(is not a real date/);
      assert.doesNotMatch(output, /\n\s+at /, "a raw stack was printed");
    }
    assert.equal(existsSync(path.join(project.root, "_site/articles/secret")), false);
  });
});

async function chmodTree(dir: string, mode: number): Promise<void> {
  await chmod(dir, mode);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(full, mode);
    else await chmod(full, 0o666);
  }
}
