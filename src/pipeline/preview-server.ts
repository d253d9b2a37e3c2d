/**
 * The local preview with live reload (Eleventy's dev server), shared by `npm start` and `npm run cms`. Drafts and
 * future articles are shown and marked; a content error is printed and the last good preview stays up. Writes to
 * .broadsheet/preview, never to the production `_site/`.
 * https://www.11ty.dev/docs/dev-server/
 */
import Eleventy from "@11ty/eleventy";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import { PREVIEW_OUTPUT } from "./preview-portal.ts";

/** A request handler placed before the dev server's own (Connect-style). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export async function startPreview(port: number, middleware: Middleware[] = []): Promise<void> {
  const eleventy = new Eleventy(ELEVENTY_INPUT, PREVIEW_OUTPUT, {
    configPath: ".eleventy.ts",
    runMode: "serve",
    quietMode: true,
    config: (config) => {
      if (middleware.length > 0) config.setServerOptions({ middleware });
    },
  });
  await eleventy.init();
  // watch() resolves to its rebuild function. Eleventy 3 does not rebuild when a file is deleted; a deleted
  // article must leave the preview (and a deleted broken one must clear the error page), so rebuild then too.
  const rebuild = (await eleventy.watch()) as (path: string) => Promise<void>;
  eleventy.watcher?.on("unlink", (file: string) => void rebuild(file));
  await eleventy.serve(port);
}
