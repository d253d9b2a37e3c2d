/**
 * The site configuration, `content/_data/site.yaml`: the portal's name, sponsor (主辦), organizer (承辦), ICP
 * number, base URL, time zone, default language and channels. Editors change it, so it is validated like an
 * article and its problems are reported the same way.
 */
import { z } from "zod";
import { isKnownZone, SITE_ZONE } from "../dates.ts";
import { slugProblem } from "./path-names.ts";

const text = (what: string) =>
  z.string({ error: (i) => (i.input === undefined ? `缺少這一項 (is missing; add ${what})` : `應是文字 (must be text (${what}))`) })
    .trim()
    .min(1, { error: `是空的 (is empty; add ${what})` });

export const channelSchema = z.strictObject({
  name: text("the channel's display name, e.g. 政法要聞"),
  slug: z.string({ error: "缺少欄目的網址，例如 news (is missing; add the channel's URL segment, e.g. news)" })
    .refine((s) => slugProblem(s) === undefined, { error: (i) => slugProblem(String(i.input)) }),
  description: z.string().trim().optional(),
  /** The channel's keywords (the page's ColumnKeywords). */
  keywords: z.array(z.string().trim().min(1), { error: "應是詞語列表，例如 [政法, 新聞] (must be a list of words)" }).optional(),
  /** The kind of column in the government site norm's terms (ColumnType), e.g. 工作動態. */
  type: z.string().trim().min(1, { error: "是空的；寫上欄目類型，例如 工作動態 (is empty; write the column's type)" }).max(20, { error: "太長，欄目類型應是 工作動態 這樣的短詞 (is too long for a column type)" }).optional(),
});

/** The 公安機關備案號 as shown (遼公網安備 21010202000001號): its digits are the record's number in the link. */
export const POLICE_RECORD_DIGITS = /\d{10,16}/;

/** The MIIT filing system, where an ICP number links to. */
export const ICP_LINK = "https://beian.miit.gov.cn/";

/** The public-security filing system; the record's digits follow. */
export const POLICE_RECORD_LINK = "https://beian.gov.cn/portal/registerSystemInfo?recordcode=";

/** A file of the site (under public/), by its path on the site. */
const sitePicture = (example: string) => z.string().trim()
  .regex(/^\/[^\s]+$/, { error: `應是本站的路徑，以 / 開頭，例如 ${example} (must be a path on this site)` })
  .refine(staysInSite, { error: climbing(example) });

/** Whether a site path has no `.` or `..` segment (which would lead out of public/). */
function staysInSite(sitePath: string): boolean {
  return !sitePath.split("/").some((part) => part === "." || part === "..");
}

const climbing = (example: string) => `不能用 . 或 .. 跳出本站，寫成 ${example} 這樣的路徑 (must not climb out of the site with . or ..)`;

/** The files of `site` that must be in public/: its icons, and the mark's picture when it is on this site. */
export function publicFiles(site: SiteConfig): { field: string; path: string }[] {
  const files = Object.entries(site.icons ?? {}).map(([key, p]) => ({ field: `icons.${key}`, path: p! }));
  if (site.partyGovMark?.image.startsWith("/")) files.push({ field: "partyGovMark.image", path: site.partyGovMark.image });
  return files;
}

/** A picture and a link the footer shows (the 黨政機關 identification mark): a path on this site, or an address the site chose. */
const markSchema = z.strictObject({
  image: z.string({ error: "缺少標識圖片；寫上路徑，例如 /images/dzjg.png (is missing; add the mark's picture)" }).trim()
    .regex(/^(?:\/[^\s]*|https:\/\/\S+)$/, { error: "應是本站路徑 (/images/dzjg.png) 或 https:// 地址 (must be a path on this site or an https:// address)" })
    .refine(staysInSite, { error: climbing("/images/dzjg.png") }),
  href: z.url({ protocol: /^https?$/, error: "應是標識連結的地址，例如 https://bszs.conac.cn/… (must be the address the mark links to)" }),
  alt: z.string().trim().min(1).default("黨政機關"),
});

/** The Git hosts the web editor can save to. */
export const CMS_BACKENDS = ["github", "gitlab", "gitea"] as const;

/** A yes-or-no setting (YAML is read as text here: true, false, yes or no). */
const flag = (fallback: boolean) => z.enum(["true", "false", "yes", "no"], { error: "應是 true 或 false (must be true or false)" })
  .transform((v) => v === "true" || v === "yes").default(fallback);

const checkLevel = z.enum(["warning", "error"], { error: "應是 warning（提醒）或 error（錯誤）(must be warning or error)" }).default("warning");

const BASE_URL_EXAMPLE = "應是網站的地址，例如 https://www.example.gov.cn (must be the portal's address, e.g. https://www.example.gov.cn)";

/**
 * The portal's origin as every absolute address is made from it, or why `value` cannot be one: http or https, no
 * user name or password (they would be published in every canonical link), no query or fragment, and no path (a
 * sub-path is `pathPrefix`). The scheme and host come out as browsers and sitemaps want them: lower-case, an
 * internationalised host in punycode.
 */
export function siteOrigin(value: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: BASE_URL_EXAMPLE };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: BASE_URL_EXAMPLE };
  if (url.username || url.password) {
    return { problem: "不能含有用戶名或密碼（會出現在每個網頁的地址裡）；只寫 https:// 和域名 (must not hold a user name or password: they would be published in every address)" };
  }
  if (url.search || url.hash || /[?#]/.test(value)) {
    return { problem: "不能含有 ? 或 # 之後的部分；只寫 https:// 和域名 (must not have a query or a fragment; write the scheme and host only)" };
  }
  if (url.pathname !== "/") {
    return { problem: `不能含有路徑「${url.pathname}」；把它寫在 pathPrefix，例如 pathPrefix: ${url.pathname.replace(/\/*$/, "/")} (must not have a path; put "${url.pathname}" in pathPrefix)` };
  }
  return url.origin === "null" ? `${url.protocol}//${url.host}` : url.origin;
}

export const siteSchema = z
  .strictObject({
    name: text("the portal's name, e.g. 遼寧長安網"),
    description: z.string().trim().optional(),
    sponsor: text("the sponsoring organization (主辦單位)"),
    organizer: z.string().trim().optional(),
    icp: z.string().trim().optional(),
    baseUrl: z.string({ error: BASE_URL_EXAMPLE }).trim().transform((value, ctx) => {
      const origin = siteOrigin(value);
      if (typeof origin === "string") return origin;
      ctx.addIssue({ code: "custom", message: origin.problem });
      return z.NEVER;
    }),
    pathPrefix: z.string().trim().default("/")
      .refine((p) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(normalisePrefix(p)) && !normalisePrefix(p).split("/").some((s) => s === "." || s === ".."),
        { error: "應是網址路徑，例如 / 或 /portal/，不能有 . 或 .. (must be a URL path such as / or /portal/, without . or .. segments)" })
      .transform(normalisePrefix),
    timeZone: z.string().trim().default(SITE_ZONE)
      .refine(isKnownZone, { error: "不是時區名稱；寫 Asia/Shanghai (is not a time zone name; use Asia/Shanghai)" }),
    lang: z.enum(["zh-Hant", "zh-Hans"], { error: "應是 zh-Hant（繁體）或 zh-Hans（简体）(must be zh-Hant (繁體) or zh-Hans (简体))" }).default("zh-Hant"),
    // Written without quotes, YAML reads the code as a number (and drops a leading 0): it is checked as written.
    siteIdCode: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim()
      .regex(/^(?:[0-9A-Za-z]{10}|[0-9A-Za-z]{12})$/, { error: "網站標識碼應是 10 或 12 位字母和數字，加引號，例如 \"2100000001\" (must be the site id code of 10 or 12 letters and digits, in quotes)" })).optional(),
    policeRecord: z.string().trim()
      .regex(POLICE_RECORD_DIGITS, { error: "應包含備案號的數字（10 至 16 位），例如 遼公網安備 21010202000001號 (must hold the record's number, 10 to 16 digits)" }).optional(),
    partyGovMark: markSchema.optional(),
    /** 專題: tags shown as topics, each with a banner title and a description, and a strip on the home page. */
    topics: z.array(z.strictObject({
      tag: text("the topic's tag, as articles write it, e.g. 市域社會治理"),
      title: text("the topic's title, e.g. 市域社會治理現代化"),
      description: z.string().trim().optional(),
    }), { error: "應是專題列表，每個專題有 tag 和 title (must be a list of topics, each with a tag and a title)" }).default([]),
    /** The site's icons, files under public/: favicon.ico, an SVG icon, and the touch icon phones put on the home screen. */
    icons: z.strictObject({
      favicon: sitePicture("/favicon.ico").optional(),
      svg: sitePicture("/favicon.svg").optional(),
      touch: sitePicture("/apple-touch-icon.png").optional(),
    }).optional(),
    contact: z.strictObject({
      phone: z.string().trim().min(1).optional(),
      email: z.email({ error: "應是電子郵箱地址，例如 web@example.gov.cn (must be an e-mail address)" }).optional(),
      address: z.string().trim().min(1).optional(),
    }).optional(),
    /** Words kept exactly as written when pages are converted between 繁體 and 简体 (names the converter gets wrong). */
    protectedWords: z.array(z.string().trim().min(1), { error: "應是詞語列表，例如 [于天敏] (must be a list of words, e.g. [于天敏])" }).default([]),
    feedSize: z.coerce.number({ error: "應是文章篇數，例如 50 (must be a number of articles, e.g. 50)" }).int().min(1).max(1000).default(50),
    perPage: z.coerce.number({ error: "應是文章篇數，例如 20 (must be a number of articles, e.g. 20)" }).int().min(1).max(200).default(20),
    /** Sizes above which an article gets a warning (a pasted file or a runaway edit), in characters. */
    sizeWarnings: z.strictObject({
      title: z.coerce.number({ error: "應是字數，例如 100 (must be a number of characters, e.g. 100)" }).int().min(1).default(100),
      body: z.coerce.number({ error: "應是字數，例如 300000 (must be a number of characters, e.g. 300000)" }).int().min(1).default(300_000),
    }).default({ title: 100, body: 300_000 }),
    /** The web editor at /admin/ (Decap CMS): the Git host it saves to. Absent: the editor works with `npm run cms` only. */
    cms: z.strictObject({
      backend: z.enum(CMS_BACKENDS, { error: `應是 ${CMS_BACKENDS.join("、")} 之一 (must be one of ${CMS_BACKENDS.join(", ")})` }),
      repo: z.string({ error: "缺少倉庫名；寫成 單位/倉庫，例如 lncaw/portal (is missing; write owner/name)" }).trim()
        .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { error: "應寫成 單位/倉庫，例如 lncaw/portal (must be owner/name)" }),
      branch: z.string().trim().min(1).default("main"),
      /** The host's API, for a self-hosted GitLab or Gitea: https://git.example.gov.cn/api/v1. */
      apiRoot: z.url({ protocol: /^https?$/, error: "應是 Git 服務的 API 地址，例如 https://git.example.gov.cn/api/v1 (must be the host's API address)" }).optional(),
      /** The OAuth application's client id (GitLab and Gitea sign in with it, PKCE: no server needed). */
      appId: z.string().trim().min(1).optional(),
      /** The OAuth server GitHub signs in through (GitHub needs one; see docs/editing.md). */
      authUrl: z.url({ protocol: /^https?$/, error: "應是 OAuth 服務的地址 (must be the OAuth server's address)" }).optional(),
      /** Draft → in review → ready, on pull requests (三審三校); GitHub and GitLab only. */
      editorialWorkflow: flag(true),
    }).optional(),
    /** 責任編輯 required on every article: `npm run check` and the build refuse an article without `editor`. */
    requireEditor: flag(false),
    /** The newsroom's checks: each a warning unless set to error. */
    checks: z.strictObject({
      staleDays: z.coerce.number({ error: "應是天數，例如 14 (must be a number of days)" }).int().min(1).max(3650).default(14),
      staleChannels: checkLevel,
      emptyChannels: checkLevel,
      words: checkLevel,
    }).default({ staleDays: 14, staleChannels: "warning", emptyChannels: "warning", words: "warning" }),
    channels: z.array(channelSchema, { error: "應是欄目列表，每個欄目有 name 和 slug (must be a list of channels, each with a name and a slug)" })
      .min(1, { error: "至少要有一個欄目 (must list at least one channel)" }),
  })
  .superRefine((site, ctx) => {
    const seen = new Map<string, number>();
    site.channels.forEach((c, i) => {
      for (const key of [`name:${c.name}`, `slug:${c.slug}`]) {
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", path: ["channels", i], message: `重複了 ${key.replace(":", " ")} (repeats ${key.replace(":", " ")})` });
        }
        seen.set(key, i);
      }
    });
  });

export type SiteConfig = z.output<typeof siteSchema>;
export type Channel = SiteConfig["channels"][number];

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/*/, "/").replace(/\/*$/, "/");
  return trimmed === "//" ? "/" : trimmed;
}

/** Deployment overrides, so CI can publish the same content under another address or sub-path. */
export const ENVIRONMENT_OVERRIDES = { baseUrl: "BROADSHEET_BASE_URL", pathPrefix: "BROADSHEET_PATH_PREFIX" } as const;

export function applyEnvironment(data: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = { ...data };
  for (const [field, name] of Object.entries(ENVIRONMENT_OVERRIDES)) if (env[name]) out[field] = env[name];
  return out;
}
