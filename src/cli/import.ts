/**
 * `npm run import -- FILE [--slug SLUG] [--channel 欄目]`: turns a legacy page into an article under
 * content/articles/ and prints the path it wrote and every warning. Exit code 1 when nothing was written.
 */
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { importLegacy } from "../importer/import.ts";
import { commandLine, runCommand } from "./command.ts";

const USAGE = "npm run import -- 文件 [--slug 網址] [--channel 欄目]";
const { values, positionals } = commandLine("import", USAGE, {
  allowPositionals: true,
  options: { slug: { type: "string" }, channel: { type: "string" } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(file ? "import: 每次匯入一個文件 (import takes one file at a time)" : "import: 寫出要匯入的文件 (name the file to import)");
  console.error(`用法 (usage): ${USAGE}`);
  process.exit(1);
}

await runCommand("import", async () => {
  const root = process.cwd();
  const content = await loadContent(root);
  if (!content.site) {
    for (const p of content.problems) console.error(formatProblem(p));
    process.exitCode = 1;
    return;
  }
  const result = await importLegacy({
    root, file, site: content.site,
    ...(values.slug ? { slug: values.slug } : {}),
    ...(values.channel ? { channel: values.channel } : {}),
    existing: content.articles.map((a) => ({ title: a.title, date: a.date, file: a.file })),
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
