/**
 * Every address of the portal, in one place: the site path of each page (what Eleventy writes, under `_site/`),
 * the link that points to it (with the deployment's sub-path prefix, percent-encoded), and its absolute URL (for
 * canonical links, sitemaps and feeds). Paths are made from validated slugs and tags only, and `outputPath`
 * refuses anything that could leave the output folder.
 */
export interface UrlConfig {
  baseUrl: string;
  pathPrefix: string;
}

export type SitePath = string & { readonly __sitePath: unique symbol };

function segments(parts: (string | number)[]): string[] {
  const kept = parts.map(String).filter((s) => s !== "");
  for (const part of kept) {
    if (part === "." || part === ".." || /[\/\\\u0000-\u001f]/.test(part)) {
      throw new Error(`unsafe path segment ${JSON.stringify(part)}`);
    }
  }
  return kept;
}

/**
 * The site path of a page, always a folder: `/articles/benxi/`, `/tags/node.js/`. A segment that looks like a file
 * name (a tag `index.html` or `2020.07`) is still a folder, so a page never becomes a bare file or takes another
 * page's index.html.
 */
export function sitePath(...parts: (string | number)[]): SitePath {
  const kept = segments(parts);
  return `/${kept.join("/")}${kept.length > 0 ? "/" : ""}` as SitePath;
}

/** The site path of a file such as `/feeds/atom.xml`: the last segment is the file's name. */
export function filePath(...parts: (string | number)[]): SitePath {
  return `/${segments(parts).join("/")}` as SitePath;
}

/** A file of the site named by its path as site.yaml writes it (`/images/dzjg.png`, `/favicon.ico`). */
export function siteFile(pathOnSite: string): SitePath {
  return filePath(...pathOnSite.split("/"));
}

export type FeedFormat = "atom" | "rss" | "json";
export const FEED_FILES: Record<FeedFormat, string> = { atom: "atom.xml", rss: "rss.xml", json: "feed.json" };

export const paths = {
  home: () => sitePath(),
  article: (slug: string) => sitePath("articles", slug),
  channel: (slug: string, page?: number) => (page ? sitePath("channels", slug, "page", page) : sitePath("channels", slug)),
  tag: (tag: string, page?: number) => (page ? sitePath("tags", tag, "page", page) : sitePath("tags", tag)),
  tags: () => sitePath("tags"),
  archive: () => sitePath("archive"),
  archiveYear: (year: string) => sitePath("archive", year),
  archiveMonth: (year: string, month: string) => sitePath("archive", year, month),
  page: (slug: string) => sitePath(slug),
  search: () => sitePath("search"),
  searchShard: (name: string) => sitePath("pagefind", name),
  searchWords: () => sitePath("pagefind", "words"),
  feed: (format: FeedFormat, channel?: string) => filePath("feeds", ...(channel ? [channel] : []), FEED_FILES[format]),
  file: (name: string) => filePath(name),
  asset: (name: string) => filePath("assets", name),
};

/** The folder that holds the pages of a script other than a page's own: `/hans/…` and `/hant/…`. */
export const SCRIPT_FOLDERS = { "zh-Hans": "hans", "zh-Hant": "hant" } as const;

/** The path of a page in `script`, when the page's own (native) script is `native`. */
export function inScript(path: SitePath, script: keyof typeof SCRIPT_FOLDERS, native: string): SitePath {
  return (script === native ? path : `/${SCRIPT_FOLDERS[script]}${path}`) as SitePath;
}

export interface Urls {
  /** The link for a site path, with the sub-path prefix: `/portal/tags/%E6%9C%AC%E6%BA%AA/`. */
  href(path: SitePath): string;
  /** The absolute URL: `https://example.cn/portal/articles/benxi/`. */
  absolute(path: SitePath): string;
}

/** Characters encodeURIComponent leaves as they are, and the slash. */
const PLAIN_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

export function createUrls(config: UrlConfig): Urls {
  const prefix = config.pathPrefix.replace(/\/$/, "");
  // Most paths (articles, channels, archives) need no encoding; tag paths are Chinese.
  const href = (path: SitePath) => prefix + (PLAIN_PATH.test(path) ? path : path.split("/").map(encodeURIComponent).join("/"));
  return { href, absolute: (path) => config.baseUrl + href(path) };
}

/** The file Eleventy writes for a site path, relative to the output folder: `articles/benxi/index.html`. */
export function outputPath(path: SitePath): string {
  const relative = path.replace(/^\//, "");
  const file = relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
  if (file.split("/").some((s) => s === ".." || s === ".") || file.startsWith("/")) {
    throw new Error(`output path ${JSON.stringify(file)} would leave the output folder`);
  }
  return file;
}
