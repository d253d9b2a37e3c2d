/**
 * Checks on the staged output before it replaces `_site/`: every article page was written, nothing was written
 * outside the output folder's tree, and every internal link and asset points to a file that exists.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { filesUnder } from "../util/files.ts";
import { mapLimited } from "../util/map-limited.ts";

export interface VerifyInput {
  dir: string;
  /** The output paths the portal expects (relative, `articles/x/index.html`). */
  expected: readonly string[];
  /** The deployment's sub-path prefix, `/` or `/portal/`. */
  pathPrefix: string;
  /**
   * Only these HTML files have their links checked (the pages rendered in this build). A page from the build cache
   * was checked when it was rendered, and its links cannot have lost their targets without its own data (and so
   * its cache key) changing. Absent: every page is checked.
   */
  checkLinksOf?: ReadonlySet<string>;
  /**
   * Folders left out (`pagefind/`, written meanwhile by the search index, which checks its own): their files are not
   * listed, and links into them are not followed.
   */
  skip?: readonly string[];
}

export interface VerifyResult {
  files: string[];
  problems: string[];
}

const LINK = /\s(?:href|src)="([^"]*)"/g;

/** Site-internal link targets of one HTML page, as output-relative files; external and fragment links skipped. */
export function internalTargets(html: string, pathPrefix: string): string[] {
  const targets: string[] = [];
  for (const m of html.matchAll(LINK)) {
    const raw = m[1]!.replace(/&amp;/g, "&");
    if (!raw.startsWith("/") || raw.startsWith("//")) continue;
    let pathname = raw.replace(/[?#].*$/, "");
    if (!pathname.startsWith(pathPrefix)) {
      targets.push(`(outside the site prefix) ${raw}`);
      continue;
    }
    pathname = decodeURIComponent(pathname.slice(pathPrefix.length));
    targets.push(pathname === "" || pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  }
  return targets;
}

export async function verifyOutput(input: VerifyInput): Promise<VerifyResult> {
  const skip = input.skip ?? [];
  const files = filesUnder(input.dir, skip);
  const present = new Set(files);
  const skipped = (target: string) => skip.some((folder) => target.startsWith(folder));
  const problems: string[] = [];
  for (const expected of input.expected) {
    if (!present.has(expected)) problems.push(`${expected} was not written`);
  }
  const pages = files.filter((f) => f.endsWith(".html") && (!input.checkLinksOf || input.checkLinksOf.has(f)));
  // Page by page, so that a large portal's pages are never all in memory together.
  await mapLimited(pages, async (page) => {
    for (const target of internalTargets(await readFile(path.join(input.dir, page), "utf8"), input.pathPrefix)) {
      if (!present.has(target) && !skipped(target)) problems.push(`${page} links to ${target}, which does not exist`);
    }
  });
  problems.sort();
  return { files, problems };
}
