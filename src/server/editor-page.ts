/**
 * /admin/ of `npm run cms`, answered by the server itself rather than from the preview's output: the editor is
 * there within a second of starting, however large the archive, while the preview of the whole portal is still
 * being built. Its configuration is made on each visit from site.yaml and the folders of content/articles (no
 * article is read), so a new month's folder appears as soon as it exists. The Decap bundle comes from
 * node_modules, the editor's script and the portal's stylesheet (for the preview pane) as the build writes them.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { browserAssets } from "../browser/bundle.ts";
import { editorFilesUnder } from "../content/editor-files.ts";
import { ARTICLES_DIR } from "../content/files.ts";
import { loadSiteConfig } from "../content/site-file.ts";
import { referenceTime } from "../dates.ts";
import { ADMIN_FOLDER, adminFiles, articleFolders, decapDist } from "../portal/admin.ts";
import { createScriptConverter } from "../scripts/convert.ts";
import type { Route } from "./http-server.ts";
import { sendText } from "./http-server.ts";
import { sendFile } from "./static-files.ts";

/** The route of /admin/, /admin/config.yml, the Decap bundle's files and the two assets the editor's page loads. */
export function editorPage(root: string, inject: string): Route {
  const decap = decapDist();
  return async (req, res, pathname) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !(pathname.startsWith(`/${ADMIN_FOLDER}/`) || pathname.startsWith("/assets/"))) return false;
    if (pathname === `/${ADMIN_FOLDER}/` || pathname === `/${ADMIN_FOLDER}/config.yml`) {
      const { site } = await loadSiteConfig(root, process.env);
      // site.yaml has an error: the preview's page says which; the editor waits for it to be put right.
      if (!site) return false;
      const files = editorFilesUnder(root, ARTICLES_DIR, 10, (name) => name.endsWith(".md"));
      const [page, config] = adminFiles(site, createScriptConverter(site.protectedWords), articleFolders(files, referenceTime(process.env, site.timeZone), site.timeZone));
      const head = req.method === "HEAD";
      if (pathname.endsWith("config.yml")) sendFile(res, "config.yml", config!.body, { headOnly: head });
      else sendFile(res, "index.html", page!.body, { headOnly: head, inject });
      return true;
    }
    const name = pathname.slice(pathname.lastIndexOf("/") + 1);
    if (pathname === `/${ADMIN_FOLDER}/${name}` && /^[\w.-]+\.(?:js|wasm)$/.test(name)) {
      const file = path.join(decap.dir, name);
      if (!existsSync(file) || !statSync(file).isFile()) return false;
      sendFile(res, name, readFileSync(file), { headOnly: req.method === "HEAD" });
      return true;
    }
    if (pathname === "/assets/site.css") {
      sendFile(res, "site.css", readFileSync(path.join(root, "public/assets/site.css")), { headOnly: req.method === "HEAD" });
      return true;
    }
    const asset = pathname.startsWith("/assets/") ? browserAssets().find((a) => `/assets/${a.name}` === pathname) : undefined;
    if (asset) {
      sendFile(res, asset.name, asset.body, { headOnly: req.method === "HEAD" });
      return true;
    }
    if (pathname.startsWith(`/${ADMIN_FOLDER}/`)) {
      sendText(res, 404, "沒有這個頁面 (not found)");
      return true;
    }
    return false;
  };
}
