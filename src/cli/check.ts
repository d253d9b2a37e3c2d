/**
 * `npm run check`: validate all content without building; the same errors as the build, every one in one run.
 * `--json` prints the problems as JSON for CI annotations. Exit code 1 on any error, 2 if the check itself broke.
 */
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { counted } from "../util/plural.ts";

const json = process.argv.includes("--json");
try {
  const content = await loadContent(process.cwd());
  const errors = content.problems.filter((p) => p.severity === "error");
  if (json) {
    console.log(JSON.stringify({ problems: content.problems, articles: content.articles.length }, null, 2));
  } else {
    for (const problem of content.problems) console.log(formatProblem(problem));
    const warnings = content.problems.length - errors.length;
    const andWarnings = warnings ? `, ${counted(warnings, "warning")}` : "";
    console.log(
      errors.length === 0
        ? `Checked ${counted(content.articles.length, "article")} and ${counted(content.pages.length, "page")}: no errors${andWarnings}.`
        : `${counted(errors.length, "error")}${andWarnings} in the content; fix them and run npm run check again.`,
    );
  }
  process.exitCode = errors.length > 0 ? 1 : 0;
} catch (error) {
  // Every problem of the content is reported above; reaching this is a defect of the checker, not the content.
  console.error(error);
  console.error("\n檢查程式本身出錯，請回報這段訊息 (the check itself failed; report the message above to the developers).");
  process.exitCode = 2;
}
