/**
 * /api/v1 of `npm run cms`: the web editor's calls, read as JSON (at most MAX_BODY bytes) and answered by the
 * editor's backend (src/server/editor-backend.ts). Only POST with a JSON body is taken; the request guard has already
 * refused what comes from another page or for another address.
 */
import type { IncomingMessage } from "node:http";
import type { FoundArticle } from "./article-finder.ts";
import { editorBackend } from "./editor-backend.ts";
import type { Route } from "./http-server.ts";

export const API_PATH = "/api/v1";

/** A call's largest body: a picture of 30 MB, base64-encoded, and the rest of the call. */
const MAX_BODY = 42 * 1024 * 1024;

export function editorApi(root: string, find?: (words: string) => FoundArticle[]): Route {
  const backend = editorBackend(root, find);
  return async (req, res, pathname) => {
    if (pathname !== API_PATH) return false;
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== "POST") {
      req.resume();
      reply(405, { error: "only POST" });
      return true;
    }
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
      req.resume();
      reply(415, { error: "the body must be application/json" });
      return true;
    }
    const body = await readBody(req);
    if (body === undefined) {
      reply(413, { error: `the request is larger than ${MAX_BODY} bytes` });
      return true;
    }
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      reply(400, { error: "the body is not JSON" });
      return true;
    }
    const answer = backend(call);
    reply(answer.status, answer.body);
    return true;
  };
}

/** The body as text, or undefined past MAX_BODY (the rest is read and dropped, so the connection stays usable). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", reject);
  });
}
