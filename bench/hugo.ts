/**
 * The Hugo comparison of `npm run bench -- --hugo`: the same generated articles built by Hugo (Debian's `hugo`,
 * `apt-get install hugo`) with the minimal templates in bench/hugo/, three times (the best time counts), then the
 * Pagefind CLI over Hugo's output: the usual way to give a Hugo site search, and the peer a searchable portal is
 * compared with.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { endedChildrenCpuSeconds } from "../src/util/cpu.ts";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedArticle } from "./generate.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATES = path.join(HERE, "hugo");
const PAGEFIND = path.join(HERE, "../node_modules/.bin/pagefind");

export interface HugoTimes {
  version: string;
  /** Hugo's best of three builds. */
  seconds: number;
  /** The Pagefind CLI over Hugo's output, once. */
  pagefindSeconds: number;
  /** CPU seconds of Hugo's builds (on average) and of the Pagefind CLI. */
  hugoCpuSeconds: number;
  pagefindCpuSeconds: number;
}

/** Hugo's and then Pagefind's times, or undefined when Hugo is not installed. */
export async function hugoSeconds(articles: readonly GeneratedArticle[]): Promise<HugoTimes | undefined> {
  const probe = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (probe.status !== 0) return undefined;
  const site = await mkdtemp(path.join(tmpdir(), "broadsheet-hugo-"));
  try {
    await cp(TEMPLATES, site, { recursive: true });
    await mkdir(path.join(site, "content/posts"), { recursive: true });
    // Hugo reads a date with a time only with seconds and an offset.
    for (const a of articles) {
      const text = a.text.replace(/^date: (\d{4}-\d\d-\d\d) (\d\d:\d\d)$/m, "date: $1T$2:00+08:00");
      await writeFile(path.join(site, "content/posts", `${a.slug}.md`), text);
    }
    let best = Infinity;
    const cpu0 = endedChildrenCpuSeconds();
    for (let i = 0; i < 3; i++) {
      await rm(path.join(site, "public"), { recursive: true, force: true });
      const t0 = performance.now();
      execFileSync("hugo", ["--quiet", "--source", site], { stdio: "inherit" });
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    const cpu1 = endedChildrenCpuSeconds();
    const t0 = performance.now();
    execFileSync(PAGEFIND, ["--site", path.join(site, "public")], { stdio: "ignore" });
    const pagefindSeconds = (performance.now() - t0) / 1000;
    const pagefindCpuSeconds = endedChildrenCpuSeconds() - cpu1;
    return { seconds: best, pagefindSeconds, hugoCpuSeconds: (cpu1 - cpu0) / 3, pagefindCpuSeconds, version: probe.stdout.trim().split(" ")[1] ?? "" };
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}
