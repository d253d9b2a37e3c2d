/** Reading a built site as a reader or a crawler would: following links, serving files over HTTP. */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { internalTargets } from "../../src/pipeline/verify.ts";
import { filesUnder } from "../../src/util/files.ts";

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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".xml": "application/xml",
  ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".ico": "image/x-icon", ".jpg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif",
};

/** A static file server on 127.0.0.1 for the browser tests, serving `dir` under `pathPrefix`. */
export async function serve(folder: string, pathPrefix = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const dir = path.resolve(folder);
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = pathname.startsWith(pathPrefix) ? path.join(dir, pathname.slice(pathPrefix.length)) : "";
    try {
      if (!file || !file.startsWith(dir)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(await readFile(path.join(dir, "404.html")).catch(() => "not found"));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}${pathPrefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
