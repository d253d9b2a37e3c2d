/**
 * /admin/ in the built site: the web editor's page (noindex, nothing from another host), its configuration (also
 * as admin/config.yml, for people and tools that read Decap's usual file), and the Decap CMS bundle copied from
 * node_modules. /admin/ is no page of the portal: no sitemap entry, no search record, no feed item.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { stringify } from "yaml";
import type { SiteConfig } from "../content/site-config.ts";
import { escapeXml, jsonForScript } from "./escape.ts";
import type { OutputFile } from "./types.ts";
import { uiText } from "./ui-text.ts";
import { createUrls, filePath, outputPath, paths, sitePath, siteFile } from "./urls.ts";
import type { ScriptConverter } from "../scripts/convert.ts";
import { cmsConfig, type ArticleFolders } from "./cms-config.ts";
import type { DateTime } from "luxon";
import { ARTICLES_DIR } from "../content/files.ts";

/** The editor's own script (src/browser/cms-admin.ts, bundled as an asset by src/browser/bundle.ts). */
const ADMIN_SCRIPT = "cms-admin.js";

/** The folder of the site that holds the editor. */
export const ADMIN_FOLDER = "admin";

/** The folder of the Decap bundle in node_modules, and the glob of the files to copy from it. */
export function decapDist(): { dir: string; globs: string[] } {
  const require = createRequire(import.meta.url);
  return { dir: path.dirname(require.resolve("decap-cms/dist/decap-cms.js")), globs: ["*decap-cms.js", "*.wasm"] };
}

/** This month's folder of articles by `now` in the site's zone: `2026/12`, where the web editor writes new ones. */
export function currentArticleFolder(now: DateTime, zone: string): string {
  return now.setZone(zone).toFormat("yyyy/MM");
}

/** The article folders of `files` (paths under content/articles/), and this month's by `now`. */
export function articleFolders(files: readonly string[], now: DateTime, zone: string): ArticleFolders {
  const folders = new Set(files.map((f) => path.posix.dirname(f.slice(`${ARTICLES_DIR}/`.length))).map((d) => (d === "." ? "" : d)));
  return { current: currentArticleFolder(now, zone), folders: [...folders] };
}

/** admin/index.html and admin/config.yml for `site`, with a collection for each of `articles`' folders. */
export function adminFiles(site: SiteConfig, converter: ScriptConverter, articles?: ArticleFolders): OutputFile[] {
  const config = cmsConfig(site, converter, articles);
  const t = uiText(site.lang, converter);
  const urls = createUrls(site);
  const admin = (name: string) => urls.href(filePath(ADMIN_FOLDER, name));
  const title = `${site.name} · ${site.lang === "zh-Hans" ? "编辑后台" : "編輯後台"}`;
  const page = {
    config,
    stylesheet: urls.href(paths.asset("site.css")),
    labels: { source: t.source, author: t.author, published: t.published, channel: t.channel, editor: t.editor },
    finder: finderText(site, converter),
  };
  const html = [
    "<!doctype html>",
    `<html lang="${site.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Editors only: search engines must not list it, whatever robots.txt says.
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeXml(title)}</title>`,
    ...(site.icons?.favicon ? [`<link rel="icon" href="${escapeXml(urls.href(siteFile(site.icons.favicon)))}">`] : []),
    `<script type="application/json" id="cms-config">${jsonForScript(page)}</script>`,
    `<script src="${escapeXml(urls.href(paths.asset(ADMIN_SCRIPT)))}"></script>`,
    `<script src="${escapeXml(admin("decap-cms.js"))}"></script>`,
    "</head>",
    "<body></body>",
    "</html>",
    "",
  ].join("\n");
  return [
    { outputPath: outputPath(sitePath(ADMIN_FOLDER)), body: html },
    {
      outputPath: outputPath(filePath(ADMIN_FOLDER, "config.yml")),
      body: `# Made by the build from the contract and content/_data/site.yaml (src/portal/cms-config.ts); edits here are lost.\n${stringify(config, { lineWidth: 0 })}`,
    },
  ];
}

/** The finder's words (src/browser/cms-admin.ts), in the site's script. */
function finderText(site: SiteConfig, converter: ScriptConverter): Record<string, string> {
  const text = {
    open: "尋找文章",
    label: "文章題目裡的詞（繁體、简体都可以），例如 本溪 調研",
    none: "沒有找到標題含有這些詞的文章",
    elsewhere: "輸入標題裡的詞，按 Enter 在網站的搜尋頁找；文章的發布月份就是它在左邊所在的月份",
    search: "正在找…",
  };
  if (site.lang !== "zh-Hans") return text;
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, converter.convert(v, "zh-Hant", "zh-Hans")]));
}
