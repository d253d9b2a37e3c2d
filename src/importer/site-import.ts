/**
 * `npm run import -- DIR`: a whole legacy site, as a mirror of it lies on disk (`wget --mirror`), into articles.
 * Every page is read in worker threads (src/importer/page-worker.ts); what is written is decided here, in the
 * mirror's sorted order, so two runs over the same mirror make the same articles whatever order the workers finish:
 *
 * - an article page becomes an article under content/articles/<year>/<month>/, named from its old address;
 * - a page whose article was already taken (a print copy, a second address, an article the site already has: the
 *   same headline and day, and the same first words) is a duplicate: nothing is written, and its old address leads
 *   to the article too;
 * - anything else (a list page, the site's frame, a server's error page, an empty or binary file) is skipped, and
 *   the report says why.
 *
 * Every old address that became an article is added to content/_data/redirects.yaml, so the build keeps it working
 * (src/portal/redirects.ts). A journal under .broadsheet/import/ records each page as it is decided: a run that is
 * stopped (Ctrl+C, a kill, a full disk) is started again with the same command, and goes on where it stopped
 * without reading a decided page again or writing an article twice. The report (import-report.json, and
 * import-report.txt for people) lists every page that needs a hand check, with the file, line and field.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { DateTime } from "luxon";
import { oldAddressProblem } from "../content/redirects.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { progressLine } from "../util/progress.ts";
import { ImportError } from "./import.ts";
import { addRedirects, articleChecks, writeReport, type Check, type PageRecord } from "./import-report.ts";
import { mirrorPages, oldAddress, siteRoot, slugFromAddress } from "./mirror.ts";
import type { PageJob, PageOutcome, WorkerSetup } from "./page-worker.ts";

export interface SiteImportOptions {
  root: string;
  /** The mirror's folder. */
  dir: string;
  site: SiteConfig;
  /** Every article goes to this channel; otherwise the channel a page's breadcrumb names, else the first. */
  channel?: string;
  /** The site's articles: a page with the headline and day of one of them is a duplicate of it (imported before). */
  existing: readonly { title: string; date: DateTime; file: string; slug: string }[];
  /** The standalone pages' slugs (old addresses may not take their folders). */
  pages: ReadonlySet<string>;
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  /** Where the report goes (default: the project root). */
  reportDir?: string;
  /** Set to stop: pages being read are finished and recorded, the rest wait for the next run. */
  signal?: AbortSignal;
}

export type { Check, PageRecord };

export interface SiteImportResult {
  pages: number;
  records: PageRecord[];
  /** Pages decided in an earlier run, not read again. */
  resumed: number;
  stopped: boolean;
  seconds: number;
  report: { json: string; text: string };
  redirectsAdded: number;
}

/** An article's identity: its headline, day and first forty characters of text, without spaces or punctuation. */
function contentKey(title: string, day: string, lead: string): string {
  const bare = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, "");
  return createHash("sha256").update(`${bare(title)}\n${day}\n${bare(lead).slice(0, 40)}`).digest("hex").slice(0, 32);
}

/** The journal of a mirror: one JSON line a decided page, beside the build cache. */
function journalFile(root: string, dir: string): string {
  const id = createHash("sha256").update(realpathSync(dir)).digest("hex").slice(0, 16);
  return path.join(root, ".broadsheet/import", `${id}.jsonl`);
}

function readJournal(file: string): Map<string, PageRecord> {
  const records = new Map<string, PageRecord>();
  if (!existsSync(file)) return records;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    // A run killed while writing leaves half a line: that page is decided again.
    try {
      const record = JSON.parse(line) as PageRecord;
      if (record.page && record.digest) records.set(record.page, record);
    } catch {
      // Not a whole line.
    }
  }
  return records;
}

/** A pool of worker threads reading pages; results come back in any order. */
function workerPool(setup: WorkerSetup, size: number, onOutcome: (o: PageOutcome) => void, onError: (e: Error) => void) {
  const script = new URL("./page-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(bootstrap, { eval: true, workerData: setup });
    worker.on("message", onOutcome);
    worker.on("error", onError);
    return worker;
  });
  let next = 0;
  return {
    send(job: PageJob) {
      workers[next++ % workers.length]!.postMessage(job);
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/**
 * Decides pages in the mirror's order: a page the journal has (same bytes) as it was; a duplicate of an article
 * already taken (this import's, or the site's: the same headline and day) as a copy; an article written under a
 * free name (a file left by a stopped run with the same text is its own).
 */
function pageDecider(options: SiteImportOptions, pages: readonly string[], top: string, journal: ReadonlyMap<string, PageRecord>) {
  const { root, site } = options;
  // What is taken: the site's slugs and articles, then what this import writes, in order.
  const slugs = new Set(options.existing.map((a) => a.slug));
  const keys = new Map<string, { of: string; file: string; slug: string }>();
  const titleDay = (title: string, day: string) => `${title}\n${day}`;
  const existing = new Map(options.existing.map((a) => [titleDay(a.title, a.date.setZone(site.timeZone).toFormat("yyyy-MM-dd")), { of: a.file, file: a.file, slug: a.slug }]));
  let resumed = 0;

  const decide = (index: number, outcome: PageOutcome): PageRecord => {
    const page = pages[index]!;
    const earlier = journal.get(page);
    if ("same" in outcome && earlier) {
      resumed++;
      if (earlier.slug) slugs.add(earlier.slug);
      if (earlier.outcome === "article" && earlier.key) keys.set(earlier.key, { of: page, file: earlier.file!, slug: earlier.slug! });
      return earlier;
    }
    const base = { page, digest: outcome.digest };
    if ("refused" in outcome) return { ...base, outcome: "skipped", reason: outcome.refused };
    if (!("article" in outcome)) return { ...base, outcome: "skipped", reason: "internal: no outcome" };
    const a = outcome.article;
    const address = oldAddress(page, top);
    const when = a.date ? DateTime.fromISO(a.date, { zone: site.timeZone }) : undefined;
    const day = when?.toFormat("yyyy-MM-dd") ?? "";
    const key = contentKey(a.title, day, a.body.split("\n")[0] ?? "");
    const addressChecks = (slug: string): Check[] => {
      const wrong = oldAddressProblem(address, options.pages);
      return wrong ? [{ line: 1, field: "redirects", message: `舊網址 ${address} 不能轉到 ${slug}：${wrong}` }] : [];
    };
    let slug = slugFromAddress(address, when?.toFormat("yyyy-MM-dd"), page);
    const folder = path.posix.join("content/articles", when ? when.toFormat("yyyy") : "undated", when ? when.toFormat("MM") : "");
    const text = a.text;
    // A copy of what this import took; or the site's article, unless it is this page's own, written by a run that
    // stopped before it could record the page.
    const siteTwin = existing.get(titleDay(a.title, day));
    const own = siteTwin?.file === path.posix.join(folder, `${slug}.md`) && sameFile(path.join(root, siteTwin.file), text);
    const twin = keys.get(key) ?? (own ? undefined : siteTwin);
    if (twin) {
      return { ...base, outcome: "duplicate", address, of: twin.of, file: twin.file, slug: twin.slug, encoding: a.encoding, checks: addressChecks(twin.slug) };
    }
    let file = "";
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? slug : `${slug}-${n}`;
      const target = path.posix.join(folder, `${candidate}.md`);
      const full = path.join(root, target);
      if (slugs.has(candidate) && !sameFile(full, text)) continue;
      mkdirSync(path.dirname(full), { recursive: true });
      try {
        writeFileSync(full, text, { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        // Written by a run that stopped before its journal line: the same text is this page's own article.
        if (!sameFile(full, text)) continue;
      }
      slug = candidate;
      file = target;
      break;
    }
    slugs.add(slug);
    keys.set(key, { of: page, file, slug });
    return {
      ...base, outcome: "article", address, file, slug, encoding: a.encoding, key,
      checks: [...articleChecks(text, a.problems, a.body), ...addressChecks(slug)],
    };
  };

  return { decide, resumed: () => resumed };
}

export async function importSite(options: SiteImportOptions): Promise<SiteImportResult> {
  const { root, site } = options;
  const dir = path.resolve(options.dir);
  const started = performance.now();
  const pages = mirrorPages(dir);
  if (pages.length === 0) throw new ImportError(`${options.dir} 裡沒有網頁文件（.html、.htm、.shtml、.php…）(there are no pages in ${options.dir})`);
  const top = siteRoot(pages);
  const journalPath = journalFile(root, dir);
  mkdirSync(path.dirname(journalPath), { recursive: true });
  const journal = readJournal(journalPath);

  const records: PageRecord[] = new Array(pages.length);
  const decider = pageDecider(options, pages, top, journal);

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), 16));
  const shown = progressLine();
  const decided = shown.counter("匯入頁面 (pages imported)", pages.length);
  const arrived = new Map<number, PageOutcome>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const pool = workerPool({ site, ...(options.channel ? { channel: options.channel } : {}) }, jobs, (o) => {
    arrived.set(o.index, o);
    wake?.();
  }, (e) => {
    failure = e;
    wake?.();
  });
  const window = jobs * 32;
  let sent = 0;
  let head = 0;
  const sendMore = () => {
    while (sent < pages.length && sent - head < window && !options.signal?.aborted) {
      const page = pages[sent]!;
      const known = journal.get(page)?.digest;
      pool.send({ index: sent, file: path.join(dir, page), page, ...(known ? { known } : {}) });
      sent++;
    }
  };
  try {
    sendMore();
    while (head < sent) {
      if (failure) throw failure;
      const outcome = arrived.get(head);
      if (!outcome) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      arrived.delete(head);
      const record = decider.decide(head, outcome);
      records[head] = record;
      if (record !== journal.get(record.page)) appendFileSync(journalPath, `${JSON.stringify(record)}\n`);
      head++;
      decided.add();
      sendMore();
    }
  } finally {
    shown.stop();
    await pool.close();
  }
  const done = records.slice(0, head);
  const redirectsAdded = addRedirects(root, done);
  const report = writeReport(options.reportDir ?? root, dir, pages.length, done, head < pages.length);
  return { pages: pages.length, records: done, resumed: decider.resumed(), stopped: head < pages.length, seconds: (performance.now() - started) / 1000, report, redirectsAdded };
}

function sameFile(full: string, text: string): boolean {
  try {
    return lstatSync(full).isFile() && readFileSync(full, "utf8") === text;
  } catch {
    return false;
  }
}

