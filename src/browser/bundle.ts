/**
 * Browser code is TypeScript under src/browser, bundled and minified with esbuild for the pages that load it.
 * https://esbuild.github.io/api/#build
 */
import { buildSync } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Entry points under src/browser and the asset file each becomes. */
export const BROWSER_ENTRIES: Record<string, string> = {
  "reader-settings.ts": "reader.js",
};

export interface BrowserAsset {
  name: string;
  body: string;
}

let cached: BrowserAsset[] | undefined;

export function browserAssets(): BrowserAsset[] {
  cached ??= Object.entries(BROWSER_ENTRIES).map(([entry, name]) => {
    const result = buildSync({
      entryPoints: [path.join(HERE, entry)],
      bundle: true,
      minify: true,
      format: "iife",
      target: ["es2019"],
      write: false,
      legalComments: "none",
    });
    return { name, body: result.outputFiles[0]!.text };
  });
  return cached;
}
