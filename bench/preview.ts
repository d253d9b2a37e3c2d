/**
 * `npm run bench:preview -- --articles N`: how long an editor waits in `npm start` between saving an article and
 * seeing it in the browser, on a portal of N synthetic articles. Starts the preview server in a scratch copy,
 * waits for the first build, edits one article, and polls its page until the edit shows.
 */
import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateArticles, writeArticles } from "./generate.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { articles: { type: "string", default: "4000" }, port: { type: "string", default: "8791" } } });
const count = Number(values.articles);
const root = await mkdtemp(path.join(tmpdir(), "broadsheet-preview-"));
for (const name of ["src", "templates", "public", "node_modules", ".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
  await symlink(path.join(REPO, name), path.join(root, name));
}
await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
const articles = generateArticles(count);
await writeArticles(root, articles);

const server = spawn(path.join(REPO, "node_modules/.bin/tsx"), ["src/cli/serve.ts"], {
  cwd: root, env: { ...process.env, PORT: values.port }, stdio: ["ignore", "pipe", "pipe"], detached: true,
});
let log = "";
server.stdout.on("data", (d) => (log += d));
server.stderr.on("data", (d) => (log += d));
const url = (p: string) => `http://127.0.0.1:${values.port}/${p}`;
const target = articles[Math.floor(count / 2)]!;
const page = `articles/${target.slug}/`;
try {
  const t0 = performance.now();
  for (;;) {
    if ((await fetch(url(page)).then((r) => r.status, () => 0)) === 200) break;
    if (performance.now() - t0 > 600_000) throw new Error(`preview did not start:\n${log}`);
    await sleep(200);
  }
  console.log(`First preview build of ${count} articles: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await sleep(2000);
  for (let round = 1; round <= 3; round++) {
    const marker = `編者按：預覽測試第${round}次。`;
    const t1 = performance.now();
    await appendFile(path.join(root, target.file), `\n${marker}\n`);
    for (;;) {
      const html = await fetch(url(page)).then((r) => r.text(), () => "");
      if (html.includes(marker)) break;
      if (performance.now() - t1 > 120_000) throw new Error(`the edit never showed:\n${log.slice(-2000)}`);
      await sleep(25);
    }
    console.log(`Edit ${round} visible after ${Math.round(performance.now() - t1)} ms`);
    await sleep(1500);
  }
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
  await rm(root, { recursive: true, force: true });
}
