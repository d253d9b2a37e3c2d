/**
 * Browser code is TypeScript under src/browser, bundled and minified with esbuild for the pages that load it.
 * https://esbuild.github.io/api/#build
 */
import { buildSync } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { searchCharTable } from "../search/char-table.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Entry points under src/browser, the asset file each becomes, and build-time constants they are given. */
export const BROWSER_ENTRIES: Record<string, { name: string; define?: () => Record<string, string> }> = {
  "reader-settings.ts": { name: "reader.js" },
  // The search page carries OpenCC's traditional→simplified character table, and only that.
  "search.ts": { name: "search.js", define: () => ({ __SEARCH_TABLE__: JSON.stringify(searchCharTable()) }) },
  // /admin/'s start-up: configuration, local backend, the portal's look in the preview pane (src/portal/admin.ts).
  "cms-admin.ts": { name: "cms-admin.js" },
};

export interface BrowserAsset {
  name: string;
  body: string;
}

let cached: BrowserAsset[] | undefined;

export function browserAssets(): BrowserAsset[] {
  cached ??= Object.entries(BROWSER_ENTRIES).map(([entry, { name, define }]) => {
    const result = buildSync({
      entryPoints: [path.join(HERE, entry)],
      bundle: true,
      minify: true,
      format: "iife",
      target: ["es2020"],
      write: false,
      legalComments: "none",
      charset: "utf8",
      ...(define ? { define: define() } : {}),
    });
    return { name, body: result.outputFiles[0]!.text };
  });
  return cached;
}
