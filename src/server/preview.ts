/**
 * The local preview with live reload, shared by `npm start` and `npm run cms`: Eleventy rebuilds the preview's
 * portal (src/pipeline/preview-portal.ts) into .broadsheet/preview as editors save, and this process serves it
 * (src/server/static-files.ts) behind the request guard, telling open pages to reload after each rebuild. Drafts and
 * future articles are shown and marked; a content error is printed and the last good preview stays up. It never
 * writes the production `_site/`. The preview is always served at the root (a site's pathPrefix is for publishing).
 * https://www.11ty.dev/docs/watch-serve/
 */
import Eleventy from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import { PREVIEW_OUTPUT } from "../pipeline/preview-portal.ts";
import { whenLauncherEnds } from "../util/launcher-watch.ts";
import { startServer, type Route, type RunningServer } from "./http-server.ts";
import { liveReload } from "./live-reload.ts";
import type { ListenAddress } from "./request-guard.ts";
import { staticFiles } from "./static-files.ts";

/** What `npm run cms` adds: its routes (the editor's backend), answered before the pages, and markup for every page. */
export interface PreviewExtras {
  routes?: Route[];
  inject?: string;
  /** Told the address as soon as the server listens, before the preview's first build (the editor works by then). */
  listening?: (server: RunningServer) => void;
}

/** Starts the preview on `address`. */
export async function startPreview(address: ListenAddress, extras: PreviewExtras = {}): Promise<RunningServer> {
  process.env.BROADSHEET_PATH_PREFIX = "/";
  const live = liveReload();
  const eleventy = new Eleventy(ELEVENTY_INPUT, PREVIEW_OUTPUT, {
    configPath: ".eleventy.ts",
    // "watch" copies public/ into the output, which this server serves as it is.
    runMode: "watch",
    quietMode: true,
    config: (config) => {
      config.on("eleventy.after", () => live.reload());
    },
  });
  const pages = staticFiles(PREVIEW_OUTPUT, { inject: live.script + (extras.inject ?? "") });
  // The server listens first: what its routes answer without the preview (the web editor) works at once.
  const server = await startServer({ ...address, routes: [...(extras.routes ?? []), live.route, pages] });
  extras.listening?.(server);
  await eleventy.init();
  // watch() resolves to its rebuild function. Eleventy 3 does not rebuild when a file is deleted; a deleted
  // article must leave the preview (and a deleted broken one must clear the error page), so rebuild then too.
  const rebuild = (await eleventy.watch()) as (path: string) => Promise<void>;
  eleventy.watcher?.on("unlink", (file: string) => void rebuild(file));
  // A server left behind by a killed npm would go on answering (and writing, for the editor) with nobody to stop it.
  whenLauncherEnds(() => {
    console.error("啟動本預覽的命令已結束，預覽也停止 (the command that started this preview has ended; so does the preview)");
    process.exit(1);
  });
  return server;
}
