/**
 * `npm run check`: validate all content without building; the same errors as the build, every one in one run, and
 * every warning. `--kind K` and `--folder F` (each may be given more than once) keep the warnings of those kinds and
 * under those folders; errors are always listed. `--json` prints the problems as JSON for CI annotations. Exit code
 * 1 on any error, 2 if the check itself broke.
 */
import { parseArgs } from "node:util";
import { loadContent } from "../content/load.ts";
import { formatProblem, type Problem } from "../content/problems.ts";
import { cachedLoadOptions } from "../pipeline/cache-reader.ts";
import { withLinkProblems } from "../portal/site-links.ts";
import { counted } from "../util/plural.ts";
import { UserError } from "../util/user-error.ts";

let options: { json?: boolean; kind?: string[]; folder?: string[] };
try {
  ({ values: options } = parseArgs({ options: { json: { type: "boolean" }, kind: { type: "string", multiple: true }, folder: { type: "string", multiple: true } } }));
} catch (error) {
  console.error(`check: ${(error as Error).message}`);
  console.error("用法 (usage): npm run check [-- --json] [--kind half-width] [--folder content/articles/2019]");
  process.exit(1);
}

/** Whether a warning passes the --kind and --folder filters. */
function wanted(p: Problem): boolean {
  if (p.severity === "error") return true;
  const kinds = options.kind ?? [];
  const folders = (options.folder ?? []).map((f) => f.replace(/\/*$/, "/"));
  return (kinds.length === 0 || kinds.includes(p.kind ?? p.field)) && (folders.length === 0 || folders.some((f) => p.file.startsWith(f)));
}

try {
  const root = process.cwd();
  // Unchanged articles are taken from the last build's cache: at 100,000 articles only the changed are parsed.
  const content = withLinkProblems(await loadContent(root, await cachedLoadOptions(root)), root);
  const problems = content.problems.filter(wanted);
  const errors = problems.filter((p) => p.severity === "error");
  if (options.json) {
    console.log(JSON.stringify({ problems, articles: content.articles.length }, null, 2));
  } else {
    for (const problem of problems) console.log(formatProblem(problem));
    const warnings = problems.length - errors.length;
    const andWarnings = warnings ? `, ${counted(warnings, "warning")}` : "";
    console.log(
      errors.length === 0
        ? `檢查了 ${content.articles.length} 篇文章和 ${content.pages.length} 個頁面：沒有錯誤${warnings ? `，${warnings} 條提醒` : ""}。\nChecked ${counted(content.articles.length, "article")} and ${counted(content.pages.length, "page")}: no errors${andWarnings}.`
        : `內容有 ${errors.length} 處錯誤${warnings ? `、${warnings} 條提醒` : ""}；改正後再執行 npm run check。\n${counted(errors.length, "error")}${andWarnings} in the content; fix them and run npm run check again.`,
    );
  }
  process.exitCode = errors.length > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof UserError) {
    console.error(`check: ${error.message}`);
    process.exit(1);
  }
  // Every problem of the content is reported above; reaching this is a defect of the checker, not the content.
  console.error(error);
  console.error("\n檢查程式本身出錯，請回報這段訊息 (the check itself failed; report the message above to the developers).");
  process.exitCode = 2;
}
