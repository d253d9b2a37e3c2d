/**
 * Files of a folder, served as a static host serves a built site: a folder's address answers with its index.html
 * (and an address without its last slash is sent to the one with it), an unknown address with 404.html and status
 * 404. A path that leaves the folder, even through a link inside it, is not found.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import type { Route } from "./http-server.ts";
import { sendText } from "./http-server.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml", ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".wasm": "application/wasm", ".map": "application/json",
  ".webmanifest": "application/manifest+json",
};

export interface StaticOptions {
  /** The sub-path the folder is served under (`/` or `/portal/`). */
  pathPrefix?: string;
  /** Markup put before `</body>` of every HTML page served (the preview's live reload). */
  inject?: string;
}

/** A route serving `folder` (read again on every request: the preview rewrites it as editors save). */
export function staticFiles(folder: string, options: StaticOptions = {}): Route {
  const dir = path.resolve(folder);
  const prefix = options.pathPrefix ?? "/";
  return (req, res, pathname) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const found = pathname.startsWith(prefix) ? fileOf(dir, pathname.slice(prefix.length)) : undefined;
    if (found === "folder") {
      // The address as the client sent it, with its last slash (the guard has checked it is a plain path).
      const target = (req.url ?? "/").replace(/^([^?#]*)/, "$1/");
      res.writeHead(301, { location: target, "cache-control": "no-store" });
      res.end();
      return true;
    }
    if (found) {
      send(res, found, 200, req.method === "HEAD", options.inject);
      return true;
    }
    const notFound = fileOf(dir, "404.html");
    if (notFound && notFound !== "folder") send(res, notFound, 404, req.method === "HEAD", options.inject);
    else sendText(res, 404, "沒有這個頁面 (not found)");
    return true;
  };
}

/** The file under `dir` for a relative path (a folder's index.html), "folder" for a folder asked without its slash. */
function fileOf(dir: string, relative: string): string | "folder" | undefined {
  let file = path.join(dir, relative);
  if (file !== dir && !file.startsWith(dir + path.sep)) return undefined;
  try {
    let stats = statSync(file);
    if (stats.isDirectory()) {
      if (relative !== "" && !relative.endsWith("/")) return "folder";
      file = path.join(file, "index.html");
      stats = statSync(file);
    }
    if (!stats.isFile()) return undefined;
    const real = realpathSync(file);
    return real.startsWith(realpathSync(dir) + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends `body` as the file `name` (its type from its ending), with markup put before `</body>` of an HTML page. No
 * cache holds it without asking again (an edit shows at once), yet a page may reuse what it already holds; it is
 * sent whole with its length (the preview's files are a page's size, and a client knows where each ends).
 */
export function sendFile(res: ServerResponse, name: string, body: string | Buffer, options: { status?: number; headOnly?: boolean; inject?: string } = {}): void {
  const type = TYPES[path.extname(name).toLowerCase()] ?? "application/octet-stream";
  let sent = body;
  if (options.inject && type.startsWith("text/html")) {
    const html = body.toString();
    const at = html.lastIndexOf("</body>");
    sent = at === -1 ? html + options.inject : html.slice(0, at) + options.inject + html.slice(at);
  }
  res.writeHead(options.status ?? 200, {
    "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff", "content-length": Buffer.byteLength(sent),
  });
  res.end(options.headOnly ? undefined : sent);
}

function send(res: ServerResponse, file: string, status: number, headOnly: boolean, inject?: string): void {
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("not found");
    return;
  }
  sendFile(res, file, body, { status, headOnly, ...(inject ? { inject } : {}) });
}
