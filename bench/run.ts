/**
 * `npm run bench -- --articles N`: N synthetic articles in a scratch copy of the project, built cold as CI builds
 * them; prints the build's time and peak memory (resident set size of the build process). Numbers come from here,
 * never from timed tests.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateArticles, writeArticles } from "./generate.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { articles: { type: "string", default: "4000" }, keep: { type: "boolean", default: false } },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) throw new Error("--articles takes a whole number, e.g. --articles 4000");

const root = await mkdtemp(path.join(tmpdir(), "broadsheet-bench-"));
for (const name of ["src", "templates", "public", "node_modules", ".eleventy.ts", "package.json", "tsconfig.json"]) {
  await symlink(path.join(REPO, name), path.join(root, name));
}
await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
const started = performance.now();
await writeArticles(root, generateArticles(count));
console.log(`Generated ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s (${root})`);

function build(label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(path.join(REPO, "node_modules/.bin/tsx"), ["src/cli/build.ts"], {
      cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", (code) => {
      const wall = ((performance.now() - t0) / 1000).toFixed(2);
      const built = /Built .*$/m.exec(out)?.[0] ?? out;
      const search = /Search index: .*$/m.exec(out)?.[0] ?? "";
      console.log(`${label}: ${wall} s wall, process included; ${built}\n  ${search}`);
      code === 0 ? resolve() : reject(new Error(`build failed (${code})`));
    });
  });
}

try {
  await build("cold build");
} finally {
  if (!values.keep) await rm(root, { recursive: true, force: true });
}
