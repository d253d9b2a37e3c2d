/**
 * `npm run bench -- --articles N`: N synthetic articles in a scratch copy of the project, built as CI builds them:
 * cold (empty cache), then after publishing one new article, then after editing one existing article. Prints each
 * build's time, its steps (render, feeds and sitemaps, search index, ...) and the peak memory of the build process
 * and of the Pagefind processes. `--hugo` also times Hugo, then the Pagefind CLI over Hugo's output, on the same articles (bench/hugo.ts). Numbers come from here,
 * never from timed tests. `--import N` instead imports a generated legacy mirror of N articles (bench/import.ts).
 */
import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateArticles, writeArticles, type Corpus } from "./generate.ts";
import { hugoSeconds } from "./hugo.ts";
import { benchImport } from "./import.ts";
import { benchQueries, formatCosts, measureSearch, PROBES } from "./search.ts";
import { createScriptConverter } from "../src/scripts/convert.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "4000" },
    keep: { type: "boolean", default: false },
    // Only the cold build (for very large N, where three builds take long).
    "cold-only": { type: "boolean", default: false },
    // Also build the same articles with Hugo (minimal templates) and compare with the cold build.
    hugo: { type: "boolean", default: false },
    // After the cold build, what searches cost a reader in Chromium (bench/search.ts).
    search: { type: "boolean", default: false },
    // The articles: a news-sized vocabulary and long articles (default), or the seed's sentences recombined.
    corpus: { type: "string", default: "news" },
    // Processes the build runs at once (BROADSHEET_JOBS); by default one a core.
    jobs: { type: "string" },
    // Instead of building: import a generated legacy mirror of this many articles (bench/import.ts).
    import: { type: "string" },
  },
});
const count = Number(values.articles);
const corpus = values.corpus as Corpus;
if (corpus !== "news" && corpus !== "seed") throw new Error("--corpus takes news or seed");
if (!Number.isInteger(count) || count < 1) throw new Error("--articles takes a whole number, e.g. --articles 4000");

const root = await mkdtemp(path.join(tmpdir(), "broadsheet-bench-"));
for (const name of ["src", "templates", "public", "node_modules", ".eleventy.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
  await symlink(path.join(REPO, name), path.join(root, name));
}
await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
if (values.import !== undefined) {
  const pagesOf = Number(values.import);
  if (!Number.isInteger(pagesOf) || pagesOf < 1) throw new Error("--import takes a number of articles, e.g. --import 20000");
  try {
    await benchImport(root, pagesOf, values.jobs);
  } finally {
    if (!values.keep) await rm(root, { recursive: true, force: true });
  }
  process.exit(0);
}
const started = performance.now();
const articles = generateArticles(count + 2, 1, corpus);
await writeArticles(root, [...articles.slice(0, count), ...PROBES]);
console.log(`Generated ${count} articles (${corpus} corpus) in ${((performance.now() - started) / 1000).toFixed(1)} s (${root})`);

/** `npm run build`'s arguments to node (package.json: `node <flags> src/cli/build.ts`). */
const BUILD_COMMAND = (JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { scripts: { build: string } })
  .scripts.build.split(/\s+/).slice(1);

function build(label: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // As `npm run build` runs it: package.json's command, with its Node flags (the heap's size and growth), but
    // without npm in between.
    const child = spawn(process.execPath, BUILD_COMMAND, {
      cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000", ...(values.jobs ? { BROADSHEET_JOBS: values.jobs } : {}) }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", (code) => {
      const wall = (performance.now() - t0) / 1000;
      const lines = (prefix: string) => out.match(new RegExp(`^${prefix}.*$`, "gm")) ?? [];
      console.log(`\n${label}: ${wall.toFixed(2)} s wall (process start included)`);
      console.log(["Built ", "Step: ", "Search index: ", "CPU: "].flatMap(lines).map((line) => `  ${line}`).join("\n"));
      console.log(`  CPU per article: ${cpuPerArticle(out)}`);
      // The build process, its render processes and its Pagefind processes each report their own peak.
      const peaks = [/peak memory (\d+) MiB/, /peak (\d+) MiB each at most/, /Pagefind peak (\d+) MiB/].map((re) => Number(re.exec(out)?.[1] ?? 0));
      console.log(`  Largest process: ${Math.max(...peaks)} MiB (build ${peaks[0]}, render ${peaks[1] || "in the build process"}, Pagefind ${peaks[2] || "none run"})`);
      code === 0 ? resolve(wall) : reject(new Error(`build failed (${code}):\n${out}`));
    });
  });
}

/** CPU milliseconds per published article, by step: the build process's steps, then its render and search processes. */
function cpuPerArticle(out: string): string {
  const articles = Number(/^Built (\d+) article/m.exec(out)?.[1] ?? 0);
  const ms = (seconds: number) => `${((seconds * 1000) / Math.max(1, articles)).toFixed(1)} ms`;
  const parts: string[] = [];
  let counted = 0;
  for (const [, name, cpu] of out.matchAll(/^Step: ([^:(]+?)(?: \(.*\))?: [\d.]+ s \(peak \d+ MiB, CPU ([\d.]+) s\)$/gm)) {
    counted += Number(cpu);
    if (Number(cpu) >= 0.05 * articles / 1000) parts.push(`${name} ${ms(Number(cpu))}`);
  }
  const workers = /\(build process ([\d.]+) s, render ([\d.]+) s, search index ([\d.]+) s\)/.exec(out);
  const [build, render, search] = [1, 2, 3].map((i) => Number(workers?.[i] ?? 0)) as [number, number, number];
  parts.push(`between steps ${ms(Math.max(0, build - counted))}`, `render processes ${ms(render)}`, `search processes ${ms(search)}`);
  return `${parts.join(", ")}; in all ${ms(build + render + search)}`;
}

try {
  const cold = await build("cold build");
  if (values.hugo) {
    const hugo = await hugoSeconds(articles.slice(0, count));
    if (!hugo) console.log("\nHugo is not installed (apt-get install hugo); no comparison");
    else {
      const peer = hugo.seconds + hugo.pagefindSeconds;
      console.log(`\nHugo ${hugo.version}, same articles, minimal templates, one script (best of 3): ${hugo.seconds.toFixed(2)} s; ` +
        `then the Pagefind CLI over its output: ${hugo.pagefindSeconds.toFixed(2)} s; Hugo + Pagefind ${peer.toFixed(2)} s`);
      console.log(`  The cold build took ${(cold / hugo.seconds).toFixed(2)}x Hugo alone and ${(cold / peer).toFixed(2)}x Hugo + Pagefind`);
      const perArticle = (seconds: number) => `${((seconds * 1000) / count).toFixed(1)} ms`;
      console.log(`  CPU per article: Hugo ${perArticle(hugo.hugoCpuSeconds)} (${(hugo.hugoCpuSeconds / hugo.seconds).toFixed(2)} cores busy), ` +
        `the Pagefind CLI ${perArticle(hugo.pagefindCpuSeconds)} (${(hugo.pagefindCpuSeconds / hugo.pagefindSeconds).toFixed(2)} cores busy)`);
    }
  }
  if (values.search) {
    const converter = createScriptConverter(["于天敏"]);
    const queries = benchQueries(articles.slice(0, count), (text) => converter.convert(text, "zh-Hant", "zh-Hans"));
    console.log(`\n${formatCosts(await measureSearch(path.join(root, "_site"), queries))}`);
  }
  if (!values["cold-only"]) await rebuilds(cold);
} finally {
  if (!values.keep) await rm(root, { recursive: true, force: true });
}

async function rebuilds(cold: number): Promise<void> {
  // Publish: one more article, dated after all the others. The first rebuild after a cold build has no earlier
  // output to recycle (src/pipeline/output.ts), so it also makes the output tree afresh.
  const publishNew = async (i: number, date: string, label: string) => {
    const extra = articles[i]!;
    await writeArticles(root, [{ ...extra, text: extra.text.replace(/^date: .*$/m, `date: ${date}`) }]);
    return build(label);
  };
  const publish = await publishNew(count, "2026-01-02 09:00", "publish one new article");
  // Edit: change a sentence in an existing article from the middle of the archive.
  const edited = articles[Math.floor(count / 2)]!;
  await appendFile(path.join(root, edited.file), "\n編者按：本文已更新。\n");
  const edit = await build("edit one existing article");
  // Publish again, as an hourly CI run would: now the output two builds back is recycled.
  const again = await publishNew(count + 1, "2026-01-02 10:00", "publish another new article");
  const share = (t: number) => `${((t / cold) * 100).toFixed(0)}%`;
  console.log(`\nRebuild after publishing: ${share(publish)} of the cold build; after editing: ${share(edit)}; ` +
    `after publishing again: ${share(again)}`);
}