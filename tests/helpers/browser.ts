/**
 * Debian's Chromium driven by playwright-core (no browser download), with the flags this closed network needs.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { createProject, type Project, type RunResult } from "./project.ts";
import { serve } from "./site.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** WCAG 2.1 A and AA violations of impact serious or critical, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}

/** How far the page is wider than the viewport (0 when nothing overflows horizontally). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A page in its own context (axe-core needs one); `close()` closes both. */
export async function openPage(browser: Browser, width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on("close", () => void context.close().catch(() => undefined));
  return page;
}

export interface RunningPortal {
  project: Project;
  browser: Browser;
  /** The served site's address, ending in "/". */
  url: string;
  build: RunResult;
  close(): Promise<void>;
}

/** A scratch project, prepared by `prepare`, built, served on 127.0.0.1 and opened in Chromium. */
export async function startPortal(prepare: (project: Project) => Promise<void>, env: NodeJS.ProcessEnv = {}): Promise<RunningPortal> {
  const project = await createProject();
  await prepare(project);
  const build = await project.run("build", env);
  if (build.code !== 0) {
    await project.dispose();
    throw new Error(`build failed:\n${build.stderr}`);
  }
  const server = await serve(path.join(project.root, "_site"));
  const browser = await launch();
  return {
    project, browser, url: server.url, build,
    async close() {
      await browser.close();
      await server.close();
      await project.dispose();
    },
  };
}

/** What the search page shows once its search has settled: the status line, and the results' links and lines. */
export async function searchOutcome(page: Page): Promise<{ status: string; hrefs: string[]; titles: string[]; meta: string[] }> {
  await page.waitForFunction(() => {
    const text = document.getElementById("search-status")?.textContent ?? "";
    return text !== "" && !text.endsWith("…");
  });
  return {
    status: (await page.locator("#search-status").textContent()) ?? "",
    hrefs: await page.locator("#search-results a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    titles: await page.locator("#search-results a").allTextContents(),
    meta: await page.locator("#search-results .article-list__meta").allTextContents(),
  };
}

export interface Transfer {
  /** Body bytes of every finished request so far (uncompressed, as the server sent them). */
  bytes: number;
  /** Paths of the finished requests, in the order they finished. */
  files: string[];
  /** Each address's body bytes. */
  sizes: Map<string, number>;
  /** Stops counting, once every body already asked for is counted. */
  stop(): Promise<void>;
}

/**
 * Counts what a page downloads from now on. Each body is read, then added: `bytes += await body()` would read
 * `bytes` before the await, and two bodies arriving together would lose one of them.
 */
export function countTransfer(page: Page): Transfer {
  const pending: Promise<void>[] = [];
  const transfer: Transfer = {
    bytes: 0,
    files: [],
    sizes: new Map(),
    async stop() {
      // Playwright reports a finished request a moment after the page has used it: wait until every resource the
      // page's own timeline lists has been reported, so that what is counted never depends on that race.
      for (let waited = 0; waited < 5000; waited += 50) {
        const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name)).catch(() => []);
        const seen = new Set(finished);
        if (fetched.filter((url) => /^https?:/.test(url)).every((url) => seen.has(url))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      page.off("requestfinished", counting);
      await Promise.all(pending);
    },
  };
  const finished: string[] = [];
  const counting = (request: import("playwright-core").Request) => {
    finished.push(request.url());
    transfer.files.push(new URL(request.url()).pathname);
    pending.push((async () => {
      const body = await (await request.response())?.body().catch(() => undefined);
      transfer.bytes += body?.length ?? 0;
      transfer.sizes.set(request.url(), body?.length ?? 0);
    })());
  };
  page.on("requestfinished", counting);
  return transfer;
}
