/**
 * `npm run bench:preview -- --articles N`: how long an editor waits in `npm start` between saving an article and
 * seeing it in the browser, on a portal of N synthetic articles (the news corpus; `--corpus seed` for the other).
 * Starts the preview server in a scratch copy, waits for the first build, then times three edits of one article
 * (polling its page until the edit shows), a new article (until its page is served) and its deletion (until its page
 * is gone).
 */
import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, rm, symlink, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateArticles, writeArticles, type Corpus } from "./generate.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: {
  articles: { type: "string", default: "4000" }, port: { type: "string", default: "8791" }, corpus: { type: "string", default: "news" },
} });
const count = Number(values.articles);
const root = await mkdtemp(path.join(tmpdir(), "broadsheet-preview-"));
for (const name of ["src", "templates", "public", "node_modules", ".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
  await symlink(path.join(REPO, name), path.join(root, name));
}
await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
const all = generateArticles(count + 1, 1, values.corpus as Corpus);
const articles = all.slice(0, count);
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
  /** Milliseconds from `change` until `shown` holds for the page at `address`. */
  const until = async (address: string, change: () => Promise<void>, shown: (status: number, html: string) => boolean, what: string) => {
    const t1 = performance.now();
    await change();
    for (;;) {
      const response = await fetch(url(address)).catch(() => undefined);
      if (response && shown(response.status, await response.text())) return Math.round(performance.now() - t1);
      if (performance.now() - t1 > 120_000) throw new Error(`${what} never showed:\n${log.slice(-2000)}`);
      await sleep(25);
    }
  };
  const edits: number[] = [];
  for (let round = 1; round <= 3; round++) {
    const marker = `編者按：預覽測試第${round}次。`;
    edits.push(await until(page, () => appendFile(path.join(root, target.file), `\n${marker}\n`), (_, html) => html.includes(marker), "the edit"));
    console.log(`Edit ${round} visible after ${edits.at(-1)} ms`);
    await sleep(1500);
  }
  console.log(`Edits: median ${[...edits].sort((a, b) => a - b)[1]} ms`);
  // A new article, dated after the others, then deleted.
  const fresh = all[count]!;
  const freshPage = `articles/${fresh.slug}/`;
  const added = await until(freshPage, () => writeArticles(root, [{ ...fresh, text: fresh.text.replace(/^date: .*$/m, "date: 2026-01-02 09:00") }]),
    (status) => status === 200, "the new article");
  console.log(`New article visible after ${added} ms`);
  await sleep(1500);
  const gone = await until(freshPage, () => unlink(path.join(root, fresh.file)), (status) => status === 404, "the deletion");
  console.log(`Deleted article gone after ${gone} ms`);
  // With DEBUG=broadsheet:preview, what each rebuild spent (src/pipeline/preview-portal.ts).
  for (const line of log.split("\n").filter((l) => l.startsWith("broadsheet:preview"))) console.log(`  ${line}`);
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
  await rm(root, { recursive: true, force: true });
}
