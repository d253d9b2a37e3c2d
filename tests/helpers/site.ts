/** Reading a built site as a reader or a crawler would: following links, serving files over HTTP. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { internalTargets } from "../../src/pipeline/verify.ts";
import { filesUnder } from "../../src/util/files.ts";
import { startServer } from "../../src/server/http-server.ts";
import { staticFiles } from "../../src/server/static-files.ts";

/** Every output file reachable by links from the home page. */
export async function crawl(dir: string, pathPrefix = "/"): Promise<Set<string>> {
  const seen = new Set<string>(["index.html"]);
  const queue = ["index.html"];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith(".html")) continue;
    const html = await readFile(path.join(dir, file), "utf8");
    for (const target of internalTargets(html, pathPrefix)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

export async function htmlFiles(dir: string): Promise<string[]> {
  return filesUnder(dir).filter((f) => f.endsWith(".html"));
}

/** A static file server on 127.0.0.1 for the browser tests (the preview's own, src/server), serving `dir` under `pathPrefix`. */
export async function serve(folder: string, pathPrefix = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startServer({ host: "127.0.0.1", port: 0, routes: [staticFiles(folder, { pathPrefix })] });
  return { url: `${server.url}${pathPrefix}`, close: server.close };
}

/**
 * Script elements other than the portal's own (the inline reader boot, the deferred reader.js, JSON-LD data):
 * anything returned here would be script that content smuggled into a page.
 */
export function foreignScripts(html: string, boot: string): string[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs, body]) => !(
      (attrs === "" && body === boot) ||
      (/^ src="[^"]*\/assets\/reader\.js" defer$/.test(attrs!) && body === "") ||
      attrs === ' type="application/ld+json"'
    ))
    .map(([whole]) => whole);
}
