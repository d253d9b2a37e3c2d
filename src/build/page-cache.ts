/**
 * The build cache that makes a rebuild after publishing or editing one article cheap: every page is keyed by a
 * hash of the code that renders it (src/, templates/, the lock file) and of its prepared data. A page whose key is
 * in the cache is linked into the output instead of rendered; Eleventy renders only the rest, which are then added
 * to the cache. The same key always names the same bytes, so a rebuild is byte-identical to a cold build.
 * CI keeps the cache folder between runs (BROADSHEET_CACHE_DIR, default .broadsheet/cache).
 */
import { createHash } from "node:crypto";
import { unlinkSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PlannedPage } from "../portal/build-portal.ts";
import { isDeferred } from "../portal/types.ts";
import { linkFiles } from "../util/link-files.ts";

export interface PagePlan {
  /** Output paths Eleventy must render. */
  render: Set<string>;
  /** Pages already in the cache: output path and cache file. */
  reuse: { outputPath: string; file: string }[];
  /** Cache file for every page, for storing what gets rendered. */
  keys: Map<string, string>;
}

/** A hash of everything that decides how data becomes pages. */
export async function codeFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["src", "templates", "public"]) {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
    for (const file of files) hash.update(path.relative(root, file)).update(await readFile(file));
  }
  for (const file of ["package-lock.json", ".eleventy.ts"]) {
    hash.update(file).update(await readFile(path.join(root, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex");
}

export class PageCache {
  private readonly dir: string;

  constructor(cacheDir: string, private readonly fingerprint: string) {
    this.dir = path.join(cacheDir, "pages");
  }

  async plan(pages: readonly PlannedPage[]): Promise<PagePlan> {
    await mkdir(this.dir, { recursive: true });
    const present = new Set(await readdir(this.dir));
    const plan: PagePlan = { render: new Set(), reuse: [], keys: new Map() };
    const digest = sharedDigest();
    for (const page of pages) {
      const key = createHash("sha256").update(this.fingerprint).update(pageIdentity(page, digest)).digest("hex");
      plan.keys.set(page.outputPath, key);
      if (present.has(key)) plan.reuse.push({ outputPath: page.outputPath, file: path.join(this.dir, key) });
      else plan.render.add(page.outputPath);
    }
    return plan;
  }

  /** Links (or copies, across filesystems) the reused pages into the output folder, but those already `placed`. */
  placeReused(plan: PagePlan, outputDir: string, placed: ReadonlySet<string> = new Set()): void {
    linkFiles(plan.reuse.filter((r) => !placed.has(r.outputPath)).map((r) => [r.file, path.join(outputDir, r.outputPath)] as const));
  }

  /** Adds the freshly rendered pages to the cache, and forgets pages no build uses any more. */
  async store(plan: PagePlan, outputDir: string): Promise<void> {
    linkFiles([...plan.render].map((outputPath) => [path.join(outputDir, outputPath), path.join(this.dir, plan.keys.get(outputPath)!)] as const));
    const used = new Set(plan.keys.values());
    for (const name of await readdir(this.dir)) {
      if (!used.has(name)) unlinkSync(path.join(this.dir, name));
    }
  }
}

/**
 * What a page is made from, as text for its key: a deferred page's inputs, or the page's data. A built page's
 * shared parts (its frame, `chrome`, and the list entries many pages show) are written as a digest computed once per
 * object (`digest`, one per build), instead of being serialised again for every page.
 */
export function pageIdentity(page: PlannedPage, digest: SharedDigest): string {
  return isDeferred(page) ? `deferred:${page.inputs}` : JSON.stringify(page, digest);
}

export type SharedDigest = (key: string, value: unknown) => unknown;

export function sharedDigest(): SharedDigest {
  const digests = new WeakMap<object, string>();
  return (key, value) => {
    if (typeof value !== "object" || value === null || !(key === "chrome" || isListItem(value))) return value;
    let digest = digests.get(value);
    if (digest === undefined) {
      digest = createHash("sha1").update(JSON.stringify(value)).digest("base64");
      digests.set(value, digest);
    }
    return digest;
  };
}

function isListItem(value: object): boolean {
  return "dateIso" in value && "href" in value && "summary" in value;
}
