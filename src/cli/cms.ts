/**
 * `npm run cms [-- --host ADDRESS] [--port N]`: the web editor on this machine, with no account. One server answers
 * /admin/ (Decap CMS), its calls to /api/v1 (src/server/editor-backend.ts, which reads and writes only articles,
 * pages and their pictures) and the preview of the rest of the site. It listens on loopback unless asked.
 * https://decapcms.org/docs/working-with-a-local-git-repository/
 */
import { loadSiteConfig } from "../content/site-file.ts";
import { referenceTime, SITE_ZONE } from "../dates.ts";
import { articleFinder } from "../server/article-finder.ts";
import { API_PATH, editorApi } from "../server/editor-api.ts";
import { editorPage } from "../server/editor-page.ts";
import { startPreview } from "../server/preview.ts";
import { serverAddress } from "../server/server-options.ts";

const root = process.cwd();
// The finder's month folders follow the site's zone and the reference time, as the built /admin/ does.
const zone = (await loadSiteConfig(root, process.env)).site?.timeZone ?? SITE_ZONE;
const find = articleFinder(root, () => referenceTime(process.env, zone), zone);
// /admin/ learns from this mark that the local backend answers on its own address (src/browser/cms-admin.ts).
const mark = `<script>window.broadsheetLocalBackend=${JSON.stringify(API_PATH)}</script>`;
// The editor is served by this server itself, at once; the preview of the whole portal follows when it is built.
const server = await startPreview(serverAddress("cms"), {
  routes: [editorPage(root, mark), editorApi(root, find)], inject: mark,
  listening: (s) => console.log(`網頁編輯器 (web editor): ${s.url}/admin/`),
});
console.log(`預覽 (preview): ${server.url}/`);
console.log("保存的文章寫在 content/articles/ 下；按 Ctrl+C 停止。(Saved articles land under content/articles/; Ctrl+C stops.)");
