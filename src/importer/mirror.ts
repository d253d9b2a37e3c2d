/**
 * A mirror of a legacy site as `wget --mirror` leaves it: which of its files can be pages, where the old site's root
 * is inside it, the address a reader asked for each page, and an article's name from that address.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { slugProblem } from "../content/path-names.ts";

/** Endings of the files a mirror holds that can be pages; anything else (styles, scripts, pictures) is passed over. */
const PAGE_FILE = /\.(?:s?html?|xhtml|txt|php|aspx?|jsp|do|cgi)$|\?/i;
/** Names a CMS gives many pages; an article named so is named by its date instead. */
const GENERIC_NAME = /^(?:index|default|content|detail|details|show|view|article|news|page|print|info|main)$/;

/** Every file of the mirror that can be a page, relative to `dir`, sorted; links are not followed. */
export function mirrorPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && PAGE_FILE.test(entry.name)) found.push(child);
    }
  };
  walk("");
  return found.sort();
}

/**
 * The old site's root inside the mirror: `wget --mirror` puts a site under a folder named after its host
 * (`www.example.gov.cn/`); a mirror whose top holds that folder alone is read from inside it.
 */
export function siteRoot(pages: readonly string[]): string {
  const tops = new Set(pages.map((p) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : "")));
  const [top] = [...tops];
  return tops.size === 1 && top && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i.test(top) ? `${top}/` : "";
}

/** The address a reader asked the old site for, from a mirrored file's name (wget adds .html after a query). */
export function oldAddress(page: string, root: string): string {
  // wget --restrict-file-names=windows writes a query's "?" as "@".
  const saved = `/${page.slice(root.length)}`;
  const local = saved.includes("?") ? saved : saved.replace(/^([^@]*\.(?:php|aspx?|jsp|do|cgi))@/i, "$1?");
  const query = local.indexOf("?");
  if (query !== -1 && /\.html$/.test(local) && !/\.s?html?$/.test(local.slice(0, query))) return local.slice(0, -".html".length);
  return local;
}

/** A slug from an old address: `t20200716_123456.html` → t20200716-123456, `article.php?id=42` → 42; a generic name (`index.html`) → article-<day>-<hash>. */
export function slugFromAddress(address: string, date: string | undefined, page: string): string {
  const [pathname, query = ""] = address.split("?", 2) as [string, string?];
  const name = (pathname.split("/").pop() ?? "").replace(/\.[^.]*$/, "");
  const values = query.split("&").map((pair) => pair.split("=").pop() ?? "").join("-");
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const stem = plain(name);
  const candidate = [GENERIC_NAME.test(stem) && values ? "" : stem, plain(values)].filter(Boolean).join("-");
  if (candidate && !GENERIC_NAME.test(candidate) && /[0-9]/.test(candidate) && slugProblem(candidate) === undefined && candidate.length <= 60) return candidate;
  const day = date ? date.slice(0, 10).replace(/-/g, "") : "undated";
  return `article-${day}-${createHash("sha256").update(page).digest("hex").slice(0, 6)}`;
}
