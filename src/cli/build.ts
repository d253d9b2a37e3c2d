/**
 * `npm run build [-- --jobs N]`: the production build into `_site/`. Exit code 1 on any content or build error.
 * `--jobs` (or BROADSHEET_JOBS) sets how many processes run at once; by default one for each core.
 */
import { parseArgs } from "node:util";
import { buildSite, BuildError, ContentError } from "../pipeline/build.ts";
import { SearchIndexError } from "../search/indexer.ts";
import { UserError } from "../util/user-error.ts";
import { counted } from "../util/plural.ts";
import { WorkerError } from "../util/worker.ts";

try {
  await buildSite({ root: process.cwd(), ...jobsOption() });
} catch (error) {
  if (error instanceof ContentError) {
    for (const line of error.lines) console.error(line);
    console.error(`\n內容有 ${error.lines.length} 處錯誤，沒有發布；網站保持原樣。改正後再執行 npm run build。\nBuild stopped: ${counted(error.lines.length, "content error")}. _site/ was left as it was.`);
  } else if (error instanceof UserError) {
    console.error(`\nBuild stopped: ${error.message}. _site/ was left as it was.`);
  } else if (error instanceof BuildError || error instanceof SearchIndexError || error instanceof WorkerError) {
    for (const line of error.lines) console.error(line);
    console.error(`\nBuild stopped: ${error.message}. _site/ was left as it was.`);
  } else {
    console.error(error);
    console.error("\nBuild stopped. _site/ was left as it was.");
  }
  process.exitCode = 1;
}

/** `--jobs N` from the command line; anything else given is refused with what to write instead. */
function jobsOption(): { jobs?: number } {
  const usage = "用法 (usage): npm run build -- --jobs 2";
  let given: string | undefined;
  try {
    given = parseArgs({ options: { jobs: { type: "string" } } }).values.jobs;
  } catch (error) {
    throw new BuildError(`${(error as Error).message}; ${usage}`);
  }
  if (given === undefined) return {};
  const jobs = Number(given);
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new BuildError(`--jobs 須為 1 或以上的整數，收到 "${given}" (--jobs takes a whole number of 1 or more); ${usage}`);
  }
  return { jobs };
}
