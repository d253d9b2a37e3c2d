/**
 * The build cache that makes a rebuild after publishing or editing one article cheap: every page is keyed by a
 * hash of the code that renders it (src/, templates/, the lock file) and of its prepared data. A page whose key is
 * in the cache is copied into the output instead of rendered; Eleventy renders only the rest, which are then added
 * to the cache. The same key always names the same bytes, so a rebuild is byte-identical to a cold build.
 * Each entry is stored as `<key>.<digest of its bytes>` and checked against that digest when it is used: an entry
 * damaged on disk (cut short, edited, garbled) is discarded with a warning and its page rendered again.
 * CI keeps the cache folder between runs (BROADSHEET_CACHE_DIR, default .broadsheet/cache).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PlannedPage } from "../portal/portal.ts";
import { isDeferred } from "../portal/types.ts";
import { debug } from "../util/debug.ts";
import { digest } from "../util/files.ts";
import type { StatDigests } from "../util/stat-digests.ts";

const log = debug("cache");

export interface PagePlan {
  /** Output paths Eleventy must render. */
  render: Set<string>;
  /** Pages already in the cache: output path, cache file, and the digest its bytes must have. */
  reuse: { outputPath: string; file: string; digest: string }[];
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
    // Entry names are `<key>.<digest>`; anything else (a `.partial` left by a killed build) is never used.
    const present = new Map<string, string>();
    for (const name of await readdir(this.dir)) {
      const m = /^([0-9a-f]{64})\.([0-9a-f]{32})$/.exec(name);
      if (m) present.set(m[1]!, m[2]!);
    }
    const plan: PagePlan = { render: new Set(), reuse: [], keys: new Map() };
    const shared = sharedDigest();
    for (const page of pages) {
      const key = createHash("sha256").update(this.fingerprint).update(pageIdentity(page, shared)).digest("hex");
      plan.keys.set(page.outputPath, key);
      const sum = present.get(key);
      if (sum) plan.reuse.push({ outputPath: page.outputPath, file: path.join(this.dir, `${key}.${sum}`), digest: sum });
      else plan.render.add(page.outputPath);
    }
    if (log.enabled) {
      const byKind = new Map<string, number[]>();
      for (const page of pages) {
        const counts = byKind.get(page.kind) ?? [0, 0];
        counts[plan.render.has(page.outputPath) ? 0 : 1]! += 1;
        byKind.set(page.kind, counts);
      }
      for (const [kind, [render, reuse]] of byKind) log(`${kind}: ${render} to render, ${reuse} in the cache`);
    }
    return plan;
  }

  /**
   * Copies the reused pages into the output folder, but those already `placed` (recycled, with the right bytes).
   * An entry whose bytes are not what it was stored with is deleted and its page moved to `plan.render`; the names
   * of those entries are returned, for the build to report.
   */
  place(plan: PagePlan, outputDir: string, placed: ReadonlySet<string> = new Set(), known?: StatDigests): string[] {
    const damaged: string[] = [];
    const made = new Set<string>();
    plan.reuse = plan.reuse.filter((r) => {
      if (placed.has(r.outputPath)) return true;
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(r.file);
      } catch {
        bytes = undefined;
      }
      if (!bytes || digest(bytes) !== r.digest) {
        damaged.push(path.basename(r.file));
        unlinkSync(r.file);
        plan.render.add(r.outputPath);
        return false;
      }
      const target = path.join(outputDir, r.outputPath);
      const dir = path.dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      // The verified bytes themselves: the cache file is not read twice.
      writeFileSync(target, bytes);
      known?.note(target, r.digest);
      return true;
    });
    return damaged;
  }

  /** Adds the freshly rendered pages to the cache (each under a temporary name first), and forgets the rest. */
  async store(plan: PagePlan, outputDir: string, known?: StatDigests): Promise<void> {
    const used = new Set(plan.reuse.map((r) => path.basename(r.file)));
    for (const outputPath of plan.render) {
      const bytes = readFileSync(path.join(outputDir, outputPath));
      const sum = digest(bytes);
      known?.note(path.join(outputDir, outputPath), sum);
      const name = `${plan.keys.get(outputPath)!}.${sum}`;
      const file = path.join(this.dir, name);
      writeFileSync(`${file}.partial`, bytes);
      renameSync(`${file}.partial`, file);
      used.add(name);
    }
    for (const name of await readdir(this.dir)) {
      if (!used.has(name)) unlinkSync(path.join(this.dir, name));
    }
  }
}

/**
 * What a page is made from, as text for its key: a deferred page's inputs, or the page's data. A built page's
 * shared parts (its frame, `chrome`, and the list entries many pages show) are written as a digest computed once per
 * object (`shared`, one per build), instead of being serialised again for every page.
 */
export function pageIdentity(page: PlannedPage, shared: SharedDigest): string {
  return isDeferred(page) ? `deferred:${page.inputs}` : JSON.stringify(page, shared);
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
