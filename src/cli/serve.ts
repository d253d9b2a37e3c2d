/**
 * `npm start`: local preview with live reload (Eleventy's dev server). Drafts and future articles are shown and
 * marked; a content error is printed and the last good preview stays up. Writes to .broadsheet/preview, never
 * to the production `_site/`.
 * https://www.11ty.dev/docs/dev-server/
 */
import Eleventy from "@11ty/eleventy";

const port = Number(process.env.PORT ?? 8080);
const eleventy = new Eleventy("content", ".broadsheet/preview", {
  configPath: ".eleventy.ts",
  runMode: "serve",
  quietMode: true,
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
