/**
 * `npm run import -- FILE [--slug SLUG] [--channel 欄目]`: turns a legacy page into an article under
 * content/articles/ and prints the path it wrote and every warning. Exit code 1 when nothing was written.
 * `npm run import -- DIR [--channel 欄目] [--jobs N]`: a mirror of a whole legacy site (src/importer/site-import.ts);
 * Ctrl+C stops it, and the same command goes on where it stopped.
 */
import { statSync } from "node:fs";
import { loadContent } from "../content/load.ts";
import { cachedLoadOptions } from "../pipeline/cache-reader.ts";
import { formatProblem } from "../content/problems.ts";
import { importLegacy } from "../importer/import.ts";
import { channelFinder, channelProblem } from "../importer/placing.ts";
import { importSite } from "../importer/site-import.ts";
import { formatDuration } from "../util/progress.ts";
import { commandLine, runCommand } from "./command.ts";

const USAGE = "npm run import -- 文件或文件夾 [--slug 網址] [--channel 欄目] [--jobs 線程數]";
const { values, positionals } = commandLine("import", USAGE, {
  allowPositionals: true,
  options: { slug: { type: "string" }, channel: { type: "string" }, jobs: { type: "string" } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(file ? "import: 每次匯入一個文件或一個文件夾 (import takes one file or one folder at a time)" : "import: 寫出要匯入的文件或文件夾 (name the file or the folder to import)");
  console.error(`用法 (usage): ${USAGE}`);
  process.exit(1);
}
const isFolder = (() => {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
})();
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)) {
  console.error(`import: --jobs 應是 1 至 16 的整數 (--jobs must be a whole number from 1 to 16, not "${values.jobs}")`);
  process.exit(1);
}

await runCommand("import", async () => {
  const root = process.cwd();
  const content = await loadContent(root, await cachedLoadOptions(root));
  if (!content.site) {
    for (const p of content.problems) console.error(formatProblem(p));
    process.exitCode = 1;
    return;
  }
  const site = content.site;
  const unknown = values.channel ? channelProblem(site, values.channel) : undefined;
  if (unknown) {
    console.error(`import: --channel ${unknown}`);
    process.exitCode = 1;
    return;
  }
  const existing = content.articles.map((a) => ({ title: a.title, date: a.date, file: a.file, slug: a.slug }));
  if (isFolder) {
    if (values.slug) console.error("import: --slug 只用於單個文件；整個網站的文章以舊網址命名 (--slug is for one file; a site's articles are named from their old addresses)");
    const stop = new AbortController();
    // Every Ctrl+C is taken (tsx, which runs this command, passes one on again when this process is slow to answer).
    process.on("SIGINT", () => {
      if (stop.signal.aborted) return;
      console.error("\n正在停止：讀到一半的頁面做完後記錄下來；再執行同一命令會接著做 (stopping: pages being read are finished and recorded; run the same command again to go on)");
      stop.abort();
    });
    const result = await importSite({
      root, dir: file, site, existing, pages: new Set(content.pages.map((p) => p.slug)), signal: stop.signal,
      ...(values.channel ? { channel: values.channel } : {}), ...(jobs ? { jobs } : {}),
    });
    const count = (o: string) => result.records.filter((r) => r.outcome === o).length;
    const toCheck = result.records.filter((r) => r.checks?.length).length;
    console.log(`${file}: ${result.pages} 頁 (pages) in ${formatDuration(result.seconds)}, ${(result.records.length - result.resumed) / Math.max(result.seconds, 0.001) | 0} 頁每秒 (pages a second)` +
      `${result.resumed ? `；${result.resumed} 頁上次已做 (${result.resumed} decided by an earlier run)` : ""}`);
    console.log(`文章 (articles): ${count("article")}，重複 (duplicates): ${count("duplicate")}，跳過 (skipped): ${count("skipped")}，要人工檢查 (to check by hand): ${toCheck}`);
    console.log(`舊網址 (old addresses): ${result.redirectsAdded} 條加進 content/_data/redirects.yaml (added)`);
    console.log(`報告 (report): ${result.report.text}, ${result.report.json}`);
    if (result.stopped) {
      console.log(`已停止，還有 ${result.pages - result.records.length} 頁；再執行同一命令會接著做 (stopped with ${result.pages - result.records.length} pages left; run the same command again to go on)`);
      process.exitCode = 130;
    }
    return;
  }
  const result = await importLegacy({
    root, file, site,
    ...(values.slug ? { slug: values.slug } : {}),
    ...(values.channel ? { channel: values.channel } : {}),
    channelOf: channelFinder(site),
    existing,
  });
  console.log(`Read ${file} as ${result.encoding}.`);
  console.log(`Wrote ${result.written}`);
  if (result.backup) console.log(`原檔已轉成 UTF-8，欄位不變；原來的內容備份在 ${result.backup} (converted to UTF-8 in place, fields kept; the original is in ${result.backup})`);
  for (const repair of result.repairs) console.log(`repaired: ${repair}`);
  for (const warning of result.warnings) console.log(`warning: ${warning}`);
  const after = await loadContent(root);
  const errors = after.problems.filter((p) => p.file === result.written && p.severity === "error");
  for (const e of errors) console.log(formatProblem(e));
  console.log(result.warnings.length + errors.length === 0
    ? "沒有需要人工檢查的地方，用 npm start 預覽。(No warnings. Preview it with npm start.)"
    : `${result.written} 有 ${result.warnings.length + errors.length} 處要人工檢查，改好後執行 npm run check。(${result.warnings.length + errors.length} thing(s) to check by hand in ${result.written}; then run npm run check.)`);
});
