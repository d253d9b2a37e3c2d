/**
 * `npm start`: local preview with live reload (Eleventy's dev server). Drafts and future articles are shown and
 * marked; a content error is printed and the last good preview stays up. Writes to .broadsheet/preview, never
 * to the production `_site/`.
 * https://www.11ty.dev/docs/dev-server/
 */
import Eleventy from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "../eleventy/input.ts";
import { PREVIEW_OUTPUT } from "../pipeline/preview-portal.ts";

const port = Number(process.env.PORT ?? 8080);
const eleventy = new Eleventy(ELEVENTY_INPUT, PREVIEW_OUTPUT, {
  configPath: ".eleventy.ts",
  runMode: "serve",
  quietMode: true,
});
await eleventy.init();
// watch() resolves to its rebuild function. Eleventy 3 does not rebuild when a file is deleted; a deleted
// article must leave the preview (and a deleted broken one must clear the error page), so rebuild then too.
const rebuild = (await eleventy.watch()) as (path: string) => Promise<void>;
eleventy.watcher?.on("unlink", (file: string) => void rebuild(file));
await eleventy.serve(port);
