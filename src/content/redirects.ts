/**
 * The old site's addresses, content/_data/redirects.yaml: each address an article had on the CMS the portal
 * replaced, and the article it is now. Readers and other sites still link to the old addresses; the build answers
 * each with a redirect (src/portal/redirects.ts). `npm run import -- DIR` writes the file; editors may add lines.
 *
 *     /zfyw/202007/t20200716_123456.html: benxi-2020-07-16
 *     "/article.php?id=123": benxi-2020-07-16
 *
 * An old address is written as a reader's browser shows it: a path from the root, with its query if it had one,
 * Chinese as it is. One becomes a file under `_site/` (unless it has a query), so it passes the same rules as every
 * name that becomes a path, and it may not be an address the portal uses itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { RESERVED_SLUGS } from "./pages.ts";
import { addressPathProblem, slugProblem } from "./path-names.ts";
import type { Problem } from "./problems.ts";
import { decodeSource } from "./source-file.ts";
import { plainValue, type ValueProblem } from "./yaml-values.ts";

export const REDIRECTS_FILE = "content/_data/redirects.yaml";

export interface Redirect {
  /** The old address, decoded: `/zfyw/202007/t20200716_123456.html`, `/article.php?id=123`. */
  from: string;
  /** The article's slug. */
  to: string;
  /** Its line in redirects.yaml. */
  line: number;
}

/** Files at the root of the output that the portal writes itself. */
const ROOT_FILES = new Set(["", "index.html", "404.html", "sitemap.xml", "sitemap-news.xml", "robots.txt"]);

/**
 * Why `from` cannot be an old address of this site (undefined when it can): what no address can be
 * (src/content/path-names.ts), or an address the portal uses itself. `pages` are the standalone pages' slugs.
 */
export function oldAddressProblem(from: string, pages: ReadonlySet<string> = new Set()): string | undefined {
  const problem = addressPathProblem(from);
  if (problem) return problem;
  const [pathname] = from.split("?", 1) as [string];
  const first = pathname.slice(1).split("/")[0]!;
  // A page's folder (`/about/`, or `/about`, which would be written there) and what lies under it.
  if (ROOT_FILES.has(pathname.slice(1)) || RESERVED_SLUGS.includes(first) || pages.has(first)) {
    return `「${pathname}」是本站自己的網址，不能用來轉址 ("${pathname}" is an address the portal uses itself; it cannot redirect)`;
  }
  return undefined;
}

/**
 * The redirects of `root` (none when the file is absent) and the problems of the file, each on its line. The
 * articles they lead to are checked once the articles are loaded (src/content/load.ts).
 */
export function loadRedirects(root: string, pages: ReadonlySet<string>): { redirects: Redirect[]; problems: Problem[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(root, REDIRECTS_FILE));
  } catch {
    return { redirects: [], problems: [] };
  }
  const problems: Problem[] = [];
  const problem = (line: number, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ severity, file: REDIRECTS_FILE, line, field: "redirects", message });
  const decoded = decodeSource(bytes, REDIRECTS_FILE);
  if (!decoded.ok) return { redirects: [], problems: [decoded.problem] };
  problems.push(...decoded.warnings);
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { schema: "failsafe", uniqueKeys: true, lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  for (const error of doc.errors) {
    problem(lineOf(error.pos[0]), error.code === "DUPLICATE_KEY"
      ? "同一個舊網址寫了兩次，只留一行 (an old address is written twice; keep one line)"
      : `這一行不是有效的 YAML；每行寫「舊網址: 文章的網址名」，例如 /news/t20200716_1.html: benxi-2020-07-16 (is not valid YAML: ${error.message.split("\n")[0]})`);
  }
  if (problems.some((p) => p.severity === "error")) return { redirects: [], problems };
  if (doc.contents === null || (isScalar(doc.contents) && !doc.contents.value)) return { redirects: [], problems };
  if (!isMap(doc.contents)) {
    problem(1, "每行寫「舊網址: 文章的網址名」，例如 /news/t20200716_1.html: benxi-2020-07-16 (write one \"old address: article slug\" a line)");
    return { redirects: [], problems };
  }
  const redirects: Redirect[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as { range?: [number, number, number] } | null;
    const line = lineOf(keyNode?.range?.[0]);
    const found: ValueProblem[] = [];
    const from = plainValue(pair.key, doc, found);
    const to = plainValue(pair.value, doc, found);
    for (const p of found) problem(lineOf(p.offset), p.message, p.kind ? "warning" : "error");
    if (found.some((p) => !p.kind)) continue;
    if (typeof from !== "string" || typeof to !== "string") {
      problem(line, "每行寫「舊網址: 文章的網址名」(write one \"old address: article slug\" a line)");
      continue;
    }
    const wrong = oldAddressProblem(from.trim(), pages) ?? slugProblem(to.trim());
    if (wrong) problem(line, wrong);
    else redirects.push({ from: from.trim(), to: to.trim(), line });
  }
  return { redirects, problems };
}
