/**
 * The web editor's configuration (Decap CMS, at /admin/), made from the contract and site.yaml, never written by
 * hand: every article field with its Chinese label, the channels as a select, dates as Beijing wall-clock time,
 * the address rule, pictures beside the article, the UI in the site's script, and the Git host of site.yaml.
 * https://decapcms.org/docs/configuration-options/
 */
import { FIELD_LABELS } from "../content/article-schema.ts";
import { MAX_SLUG, SLUG_PATTERN } from "../content/path-names.ts";
import type { SiteConfig } from "../content/site-config.ts";
import type { ScriptConverter } from "../scripts/convert.ts";

/** One field of a Decap collection. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: (string | { label: string; value: string })[];
  pattern?: [string, string];
  format?: string;
  date_format?: string;
  time_format?: string;
  picker_utc?: boolean;
  allow_add?: boolean;
  choose_url?: boolean;
  media_folder?: string;
  public_folder?: string;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: "md";
  format: "frontmatter";
  create: boolean;
  slug: string;
  path?: string;
  media_folder: string;
  public_folder: string;
  summary: string;
  sortable_fields: string[];
  view_filters?: { label: string; field: string; pattern: string }[];
  fields: CmsField[];
}

export interface CmsConfig {
  locale: "zh_Hant" | "zh_Hans";
  backend: Record<string, string | boolean>;
  publish_mode?: "editorial_workflow";
  local_backend: boolean;
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: "ascii"; clean_accents: boolean; sanitize_replacement: string };
  collections: CmsCollection[];
}

/** The address rule as the form checks it: the slug pattern, at most MAX_SLUG characters. */
const SLUG_FORM = `^(?=.{1,${MAX_SLUG}}$)${SLUG_PATTERN.source.slice(1)}`;

/** The wall-clock format the contract reads as the site's time zone (Beijing time): 2020-07-16 08:45. */
const DATE_FORMAT = "YYYY-MM-DD HH:mm";

/** The Git hosts whose Decap backend has the editorial workflow (pull requests with review states). */
const WORKFLOW_BACKENDS = new Set(["github", "gitlab"]);

/** Text of the editor in the site's script: written in 繁體 here, converted for a 简体 site. */
type Say = (text: string) => string;

/** The article collection's fields, in the order an editor fills them, every one of the contract's. */
function articleFields(site: SiteConfig, say: Say): CmsField[] {
  const label = (field: keyof typeof FIELD_LABELS) => say(FIELD_LABELS[field]);
  const text = (name: keyof typeof FIELD_LABELS, required: boolean, hint?: string): CmsField =>
    ({ name, label: label(name), widget: "string", required, ...(hint ? { hint: say(hint) } : {}) });
  const when = (name: "date" | "updated", required: boolean, hint: string): CmsField => ({
    name, label: label(name), widget: "datetime", required, hint: say(hint),
    format: DATE_FORMAT, date_format: "YYYY-MM-DD", time_format: "HH:mm", picker_utc: false,
  });
  return [
    text("title", true),
    {
      name: "slug", label: label("slug"), widget: "string", required: true,
      hint: say("文章的網址，只用小寫英文字母、數字和連字號，例如 benxi-survey；發布後不要再改。"),
      pattern: [SLUG_FORM, say("只能用小寫英文字母、數字和連字號 (-)，例如 benxi-survey")],
    },
    when("date", true, `北京時間，例如 2020-07-16 08:45；時間未到的文章到時才發布。`),
    { name: "channel", label: label("channel"), widget: "select", required: true, options: site.channels.map((c) => ({ label: say(c.name), value: c.name })) },
    text("source", true, "例如 遼寧法制報"),
    text("author", true, "例如 駐省委政法委首席記者 白國軍"),
    text("sponsor", false, `不填則用本站的主辦單位（${site.sponsor}）`),
    text("organizer", false),
    text("editor", site.requireEditor, site.requireEditor ? "本站要求每篇文章寫明責任編輯" : undefined),
    { name: "tags", label: label("tags"), widget: "list", required: false, allow_add: true, hint: say("用逗號分開，例如 本溪, 市域治理") },
    { name: "summary", label: label("summary"), widget: "text", required: false, hint: say("不填則取正文第一段") },
    {
      name: "cover", label: label("cover"), widget: "image", required: false, choose_url: false,
      hint: say("圖片與文章放在同一個文件夾；有封面圖就必須寫封面圖說明"),
    },
    text("coverAlt", false, "給看不見圖片的讀者的說明，例如 程家社區紅色長廊"),
    {
      name: "lang", label: label("lang"), widget: "select", required: false,
      options: [{ label: "繁體", value: "zh-Hant" }, { label: "简体", value: "zh-Hans" }],
      hint: say(`不填則用本站的文種（${site.lang === "zh-Hans" ? "简体" : "繁體"}）`),
    },
    when("updated", false, "文章發布後修改時填寫，北京時間"),
    { name: "draft", label: label("draft"), widget: "boolean", required: false, default: false, hint: say("草稿只在預覽中出現，不會發布") },
    { name: "body", label: say("正文"), widget: "markdown", required: true },
  ];
}

/** The Git host of site.yaml as Decap's backend; without one, a placeholder the local backend replaces. */
function backend(site: SiteConfig): Pick<CmsConfig, "backend" | "publish_mode"> {
  const cms = site.cms;
  if (!cms) return { backend: { name: "git-gateway", branch: "main" } };
  const config: Record<string, string | boolean> = { name: cms.backend, repo: cms.repo, branch: cms.branch };
  if (cms.apiRoot) config.api_root = cms.apiRoot;
  if (cms.authUrl) config.base_url = cms.authUrl;
  if (cms.appId) {
    config.app_id = cms.appId;
    // GitLab signs in with PKCE when it has an application id; Gitea always uses its OAuth application.
    if (cms.backend === "gitlab") config.auth_type = "pkce";
    // A self-hosted GitLab or Gitea: its sign-in page is on the host itself.
    if (cms.apiRoot) config.base_url = new URL(cms.apiRoot).origin;
  }
  return {
    backend: config,
    ...(cms.editorialWorkflow && WORKFLOW_BACKENDS.has(cms.backend) ? { publish_mode: "editorial_workflow" as const } : {}),
  };
}

/**
 * The folders of content/articles/ the editor lists, each a collection of its own (a Git host lists one folder at a
 * time, and no folder of a year-and-month layout holds more than a month's articles): `current` is this month's
 * folder (`2026/12`, by the reference time), where the editor writes new articles; `folders` are those that hold
 * articles, relative to content/articles/ ("" for content/articles/ itself).
 */
export interface ArticleFolders {
  current: string;
  folders: readonly string[];
}

/** The collection of an article folder: `articles` for this month's, `articles-2020-07` for another's. */
export function articleCollectionName(folder: string, current: string): string {
  if (folder === current) return "articles";
  return folder === "" ? "articles-root" : `articles-${folder.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** The article folders newest first: year-and-month folders by date, then any other, by name. */
export function orderedArticleFolders({ current, folders }: ArticleFolders): string[] {
  const monthly = (f: string) => /^\d{4}\/\d{2}$/.test(f);
  const rest = [...new Set(folders)].filter((f) => f !== current);
  return [current, ...rest.filter(monthly).sort().reverse(), ...rest.filter((f) => !monthly(f)).sort()];
}

/** The whole configuration of /admin/ for `site`; `converter` writes its text in a 简体 site's script. */
export function cmsConfig(site: SiteConfig, converter: ScriptConverter, articles: ArticleFolders = { current: "", folders: [] }): CmsConfig {
  const say: Say = site.lang === "zh-Hans" ? (text) => converter.convert(text, "zh-Hant", "zh-Hans") : (text) => text;
  const siteUrl = site.baseUrl + site.pathPrefix;
  return {
    locale: site.lang === "zh-Hans" ? "zh_Hans" : "zh_Hant",
    ...backend(site),
    // /admin/'s script sets the local backend of `npm run cms` when that server marks the page (src/browser/cms-admin.ts).
    local_backend: false,
    site_url: siteUrl,
    display_url: siteUrl,
    // Pictures live beside their article (each collection says so). The media library of the top bar starts in the
    // articles' folder: the editor writes nowhere else (public/ is the developers', src/content/editor-files.ts).
    media_folder: "content/articles",
    public_folder: "",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      ...orderedArticleFolders(articles).map((folder) => articleCollection(site, say, folder, articles.current)),
      {
        name: "pages",
        label: say("獨立頁面"),
        label_singular: say("頁面"),
        description: say("關於本站、聯繫我們這樣的頁面，存放在 content/pages/ 下。"),
        folder: "content/pages",
        ...EDITOR_FOLDER,
        summary: "{{title}}",
        sortable_fields: ["title"],
        fields: [
          { name: "title", label: say("標題"), widget: "string", required: true },
          {
            name: "slug", label: say("網址"), widget: "string", required: true,
            hint: say("頁面的網址，只用小寫英文字母、數字和連字號，例如 about"),
            pattern: [SLUG_FORM, say("只能用小寫英文字母、數字和連字號 (-)，例如 about")],
          },
          { name: "summary", label: say("摘要"), widget: "text", required: false },
          { name: "body", label: say("正文"), widget: "markdown", required: true },
        ],
      },
    ],
  };
}

/** What every collection of the editor is: Markdown files with front-matter, named by their address, pictures beside them. */
const EDITOR_FOLDER = {
  extension: "md", format: "frontmatter", create: true, slug: "{{fields.slug}}", media_folder: "", public_folder: "",
} as const;

/** The collection of one folder of articles; new articles are written in it, named by their address. */
function articleCollection(site: SiteConfig, say: Say, folder: string, current: string): CmsCollection {
  const month = /^(\d{4})\/(\d{2})$/.exec(folder);
  const named = month ? `${month[1]}年${month[2]}月` : folder === "" ? "content/articles" : folder;
  return {
    name: articleCollectionName(folder, current),
    label: say(folder === current ? `本月文章（${named}）` : named),
    label_singular: say("文章"),
    description: say(`content/articles/${folder ? `${folder}/` : ""} 裡的文章，每篇一個文件，文件名就是文章的網址。` +
      (folder === current ? "新文章寫在這裡；舊文章在下面各月裡，或用右下角的「尋找文章」按標題找。" : "")),
    folder: folder ? `content/articles/${folder}` : "content/articles",
    ...EDITOR_FOLDER,
    summary: "{{title}}　{{channel}}　{{date}}",
    sortable_fields: ["date", "title", "channel"],
    view_filters: site.channels.map((c) => ({ label: say(c.name), field: "channel", pattern: c.name })),
    fields: articleFields(site, say),
  };
}
