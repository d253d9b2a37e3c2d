/** `npm run build`: the production build into `_site/`. Exit code 1 on any content or build error. */
import { buildSite, BuildError, ContentError } from "../pipeline/build.ts";
import { SearchIndexError } from "../search/indexer.ts";
import { LockError } from "../util/lock.ts";
import { counted } from "../util/plural.ts";
import { WorkerError } from "../util/worker.ts";

try {
  await buildSite({ root: process.cwd() });
} catch (error) {
  if (error instanceof ContentError) {
    for (const line of error.lines) console.error(line);
    console.error(`\nBuild stopped: ${counted(error.lines.length, "content error")}. _site/ was left as it was.`);
  } else if (error instanceof LockError) {
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
