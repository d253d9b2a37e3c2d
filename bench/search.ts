/**
 * `npm run bench -- --search`: what a reader's search costs on the built portal, in Chromium, from a file server
 * that does not compress (as the worst static host would): bytes transferred and requests until the page settles,
 * and the time to the first results, for the queries a newsroom's readers make. Each query runs in a fresh browser
 * context, so nothing is cached between them.
 */
import type { Browser } from "playwright-core";
import { countTransfer, launch } from "../tests/helpers/browser.ts";
import { serve } from "../tests/helpers/site.ts";
import type { GeneratedArticle } from "./generate.ts";

/** Articles the bench plants among the generated ones, for queries whose right answer is known. */
export const PROBES: GeneratedArticle[] = [{
  file: "content/articles/probes/tiaobingshan.md", slug: "tiaobingshan", title: "調兵山市矛盾糾紛多元化解工作見成效",
  channel: "基層動態", date: "2016-03-01 10:00", lang: "zh-Hant",
  text: ["---", "title: 調兵山市矛盾糾紛多元化解工作見成效", "date: 2016-03-01 10:00", "source: 鐵嶺日報", "author: 記者 劉洋",
    "channel: 基層動態", "---", "", "調兵山市堅持和發展新時代“楓橋經驗”，把矛盾糾紛化解在基層。", "",
    "鴨綠江畔的誓師大會上，調兵山市各街道建立調解室，群眾反映問題有人管。", ""].join("\n"),
}];

export interface SearchQuery {
  label: string;
  /** The address below the site root: `search/?q=…`. */
  path: string;
  /** The article expected first, if any. */
  first?: string;
}

export function benchQueries(articles: readonly GeneratedArticle[], toHans: (text: string) => string): SearchQuery[] {
  const q = (text: string, extra = "") => `search/?q=${encodeURIComponent(text)}${extra}`;
  const headline = articles.find((a, i) => i > articles.length / 3 && a.lang === "zh-Hant")!;
  // And the longest headline of the archive: every word of a query Pagefind looks up costs an index chunk.
  const longest = articles.filter((a) => a.lang === "zh-Hant").reduce((a, b) => (b.title.length > a.title.length ? b : a));
  return [
    { label: "rare place, old article (調兵山)", path: q("調兵山"), first: "tiaobingshan" },
    { label: "rare place, 简体 (调兵山)", path: `hans/${q("调兵山")}`, first: "tiaobingshan" },
    { label: "common word (工作)", path: q("工作") },
    { label: "two words (鴨綠江 誓師)", path: q("鴨綠江 誓師"), first: "tiaobingshan" },
    { label: "no spaces (于天敏調研)", path: q("于天敏調研"), first: "benxi-2020-07-16" },
    { label: "byline (白國軍)", path: q("白國軍"), first: "benxi-2020-07-16" },
    { label: "headline 繁體", path: q(headline.title), first: headline.slug },
    { label: "headline 简体", path: `hans/${q(toHans(headline.title))}`, first: headline.slug },
    { label: `longest headline (${longest.title.length} characters)`, path: q(longest.title), first: longest.slug },
    { label: "common word, newest first", path: q("工作", "&sort=newest") },
    { label: "common word, one channel", path: q("工作", "&channel=news") },
    { label: "common word, one year", path: q("工作", "&year=2019") },
  ];
}

export interface SearchCost {
  label: string;
  bytes: number;
  requests: number;
  /** Milliseconds from navigation to the first result on screen (or the final status when none). */
  firstResultMs: number;
  status: string;
  /** Whether the expected article came first (undefined when none is expected). */
  right?: boolean;
}

async function measure(browser: Browser, url: string, query: SearchQuery): Promise<SearchCost> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const transfer = countTransfer(page);
  try {
    await page.goto(url + query.path);
    await page.waitForFunction(() => {
      const text = document.getElementById("search-status")?.textContent ?? "";
      return document.querySelector("#search-results li") !== null || (text !== "" && !text.endsWith("…"));
    }, undefined, { timeout: 120_000 });
    const firstResultMs = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => !(document.getElementById("search-status")?.textContent ?? "…").endsWith("…"), undefined, { timeout: 120_000 });
    await page.waitForLoadState("networkidle");
    const status = (await page.locator("#search-status").textContent()) ?? "";
    const href = await page.locator("#search-results a").first().getAttribute("href").catch(() => null);
    await transfer.stop();
    return {
      label: query.label, bytes: transfer.bytes, requests: transfer.files.length, firstResultMs, status,
      ...(query.first ? { right: href !== null && href.endsWith(`/articles/${query.first}/`) } : {}),
    };
  } finally {
    await context.close();
  }
}

export async function measureSearch(siteDir: string, queries: readonly SearchQuery[]): Promise<SearchCost[]> {
  const server = await serve(siteDir);
  const browser = await launch();
  try {
    const costs: SearchCost[] = [];
    for (const query of queries) costs.push(await measure(browser, server.url, query));
    return costs;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatCosts(costs: readonly SearchCost[]): string {
  const rows = costs.map((c) => `  ${c.label.padEnd(34)} ${(c.bytes / 1024).toFixed(0).padStart(6)} KB ${String(c.requests).padStart(4)} requests ` +
    `${(c.firstResultMs / 1000).toFixed(2).padStart(6)} s to first results  ${c.right === undefined ? "" : c.right ? "right first" : "WRONG first"}  ${c.status}`);
  return ["Search, per query (uncompressed, fresh browser each):", ...rows].join("\n");
}
