/**
 * A worker thread of the site importer (src/importer/site-import.ts): it reads legacy pages, hashes them, and reads
 * each as an article (src/importer/import.ts `prepareArticle`), or says why it is none. It writes nothing; the main
 * thread decides, in the mirror's order, what is written.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { SiteConfig } from "../content/site-config.ts";
import { ImportError, MAX_PAGE_BYTES, prepareArticle, type FieldCheck } from "./import.ts";
import { channelFinder } from "./placing.ts";

export interface PageJob {
  index: number;
  /** The page's file, absolute. */
  file: string;
  /** Its name in the mirror, for messages. */
  page: string;
  /** The digest the journal has for this page: when the bytes still have it, the page is not read again. */
  known?: string;
}

/** What a page turned out to be. Dates travel as text: a worker's DateTime does not cross threads. */
export type PageOutcome =
  | { index: number; digest: string; same: true }
  | { index: number; digest: string; article: { title: string; date?: string; text: string; body: string; encoding: string; problems: FieldCheck[]; repairs: string[] } }
  | { index: number; digest: string; refused: string };

export interface WorkerSetup {
  site: SiteConfig;
  channel?: string;
}

if (parentPort) {
  const port = parentPort;
  const { site, channel } = workerData as WorkerSetup;
  const channelOf = channelFinder(site);
  port.on("message", (job: PageJob) => {
    let outcome: PageOutcome;
    let digest = "";
    try {
      const size = statSync(job.file).size;
      if (size > MAX_PAGE_BYTES) throw new ImportError(`頁面有 ${Math.round(size / 1048576)} MB，不像文章頁，沒有讀取 (the page is ${Math.round(size / 1048576)} MB: too large for an article page; not read)`);
      const bytes = readFileSync(job.file);
      digest = createHash("sha256").update(bytes).digest("hex");
      if (job.known === digest) {
        outcome = { index: job.index, digest, same: true };
      } else {
        const p = prepareArticle(bytes, { file: job.page, site, requireDate: true, channelOf, slug: "page", ...(channel ? { channel } : {}) });
        outcome = {
          index: job.index, digest,
          article: {
            title: p.title, ...(p.when ? { date: p.when.toISO()! } : {}), text: p.text, body: p.body, encoding: p.encoding,
            problems: p.problems, repairs: p.repairs,
          },
        };
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      outcome = { index: job.index, digest, refused: code ? `讀不到這一頁 (the page cannot be read: ${code})` : (error as Error).message };
    }
    port.postMessage(outcome);
  });
}
