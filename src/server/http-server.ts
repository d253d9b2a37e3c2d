/**
 * The HTTP server of `npm start` and `npm run cms` (and of the tests' and the bench's file server): every request
 * passes the guard (src/server/request-guard.ts), then the routes in order. Nothing a client sends can stop it: a
 * handler's fault is a 500 for that request, a malformed request a 400 from Node's parser, and nothing else runs
 * beside it (no child process to leave behind).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest, ownHosts } from "./request-guard.ts";

/** A handler for some requests: true when it answered (or will answer) this one. */
export type Route = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean | Promise<boolean>;

export interface RunningServer {
  /** The address it is bound to, as a link: http://127.0.0.1:8080. */
  url: string;
  /** The address and port it listens on. */
  address: AddressInfo;
  close(): Promise<void>;
}

/** Answers with a short page in both languages (the guard's and the routes' refusals). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(`${text}\n`);
}

export async function startServer(options: { host: string; port: number; routes: Route[] }): Promise<RunningServer> {
  let hosts = new Set<string>();
  const server = createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, (req, res) => {
    void answer(req, res).catch((error: Error) => {
      console.error(`server: ${req.method} ${JSON.stringify(req.url)}: ${error.message}`);
      sendText(res, 500, "伺服器出錯 (the server failed on this request)");
    });
  });
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkRequest(req, hosts);
    if (!verdict.ok) {
      req.resume();
      return sendText(res, verdict.status, verdict.message);
    }
    for (const route of options.routes) if (await route(req, res, verdict.pathname)) return;
    sendText(res, 404, "沒有這個頁面 (not found)");
  };
  // A request Node cannot parse is answered here and its connection closed; the server goes on.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = ownHosts(options.host, address.port);
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    address,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
