/**
 * Live reload for the preview: pages served by `npm start` carry a small script that listens to /.broadsheet/live
 * (server-sent events) and reloads the page when a rebuild has finished.
 * https://developer.mozilla.org/docs/Web/API/Server-sent_events
 */
import type { ServerResponse } from "node:http";
import type { Route } from "./http-server.ts";

/** The events' address: outside every page's address (no page's path starts with a dot). */
const EVENTS = "/.broadsheet/live";

export interface LiveReload {
  route: Route;
  /** The markup every preview page carries. */
  script: string;
  /** Tells every open page to reload. */
  reload(): void;
}

export function liveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  return {
    route: (req, res, pathname) => {
      if (pathname !== EVENTS || req.method !== "GET") return false;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      res.on("close", () => clients.delete(res));
      return true;
    },
    script: `<script>new EventSource(${JSON.stringify(EVENTS)}).onmessage=function(){location.reload()}</script>`,
    reload: () => {
      for (const client of clients) client.write("data: reload\n\n");
    },
  };
}
