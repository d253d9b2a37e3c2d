/**
 * The one schema of an article's front-matter (the contract's table). The build, `npm run check` and the importer
 * all validate through it, and the Article type is derived from it.
 */
import { z } from "zod";
import { parseDate } from "../dates.ts";
import { FIELD_LABELS } from "./field-labels.ts";
import type { Channel } from "./site-config.ts";
import { channelInOtherScript, fieldForChineseName } from "./slips.ts";
import { SLUG_PATTERN, slugProblem, tagProblem } from "./path-names.ts";

export { FIELD_LABELS };

export const ARTICLE_FIELDS = Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[];

/** Eleventy's own data keys: they change how a page is built, so editors may not set them in an article. */
export const ELEVENTY_KEYS = [
  "permalink", "layout", "pagination", "eleventyComputed", "eleventyExcludeFromCollections", "eleventyNavigation",
  "eleventyImport", "eleventyDataSchema", "eleventyAllowMissingExtension", "templateEngineOverride",
  "dynamicPermalink", "permalinkBypassOutputDir", "collections", "page", "pkg", "eleventy",
];

/** What `npm run new` writes where the editor must write: an article still holding one is not ready to publish. */
export const SCAFFOLD = { title: "標題", author: "作者", body: "正文第一段。" } as const;

export { SLUG_PATTERN };

const required = (field: keyof typeof FIELD_LABELS, example: string) =>
  z.string({
    error: (i) =>
      i.input === undefined
        ? `缺少${FIELD_LABELS[field]}，每篇文章都要寫，例如 ${field}: ${example} (is missing; every article needs a ${field} (${FIELD_LABELS[field]}), e.g. ${field}: ${example})`
        : `應是文字，例如 ${field}: ${example} (must be text, e.g. ${field}: ${example})`,
  }).trim().min(1, { error: `是空的；寫上${FIELD_LABELS[field]}，例如 ${field}: ${example} (is empty; write the ${FIELD_LABELS[field]}, e.g. ${field}: ${example})` });

const optionalText = (field: keyof typeof FIELD_LABELS) =>
  z.string({ error: `應是文字（${FIELD_LABELS[field]}）(must be text (${FIELD_LABELS[field]}))` }).trim().min(1).optional();

const dateField = (field: "date" | "updated", zone: string) =>
  z.string({
    error: (i) =>
      i.input === undefined
        ? `缺少發布時間（北京時間），例如 date: 2020-07-16 08:45 (is missing; write the publication time (${FIELD_LABELS.date}), e.g. date: 2020-07-16 08:45)`
        : "應是時間，例如 2020-07-16 08:45 (must be a date such as 2020-07-16 08:45)",
  }).transform((value, ctx) => {
    const parsed = parseDate(value, zone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `"${value}" ${parsed.reason}`, path: [] });
      return z.NEVER;
    }
    return parsed.value;
  }).describe(field);

const TAGS_LIST = "應是詞語列表，例如 tags: [本溪, 市域治理] (must be a list of words, e.g. tags: [本溪, 市域治理])";

const tagsField = z
  .union([z.string(), z.array(z.string({ error: TAGS_LIST }))], {
    error: TAGS_LIST,
  })
  .transform((value, ctx) => {
    // A single line "本溪, 市域治理" or "本溪、市域治理" is what editors type; read it as the list they meant.
    const items = typeof value === "string" ? value.split(/[,，、]/) : value;
    const tags: string[] = [];
    for (const raw of items) {
      // One spelling of a name, however its characters were composed (NFC); tags that fold together are one tag
      // (src/portal/localize.ts).
      const tag = raw.trim().normalize("NFC");
      if (!tag || tags.includes(tag)) continue;
      const problem = tagProblem(tag);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        continue;
      }
      tags.push(tag);
    }
    return tags;
  });

/** The front-matter schema for a site with these channels and this time zone. */
export function articleSchema(channels: readonly Channel[], zone: string) {
  const names = channels.map((c) => c.name);
  return z
    .strictObject({
      title: required("title", "于天敏赴本溪市調研市域社會治理現代化工作"),
      date: dateField("date", zone),
      source: required("source", "遼寧法制報"),
      author: required("author", "駐省委政法委首席記者 白國軍"),
      channel: z.string({
        error: (i) => i.input === undefined
          ? `缺少欄目；從本站的欄目中選一個：${names.join("、")} (is missing; choose one of the channels (${FIELD_LABELS.channel}): ${names.join(", ")})`
          : `應是一個欄目名稱：${names.join("、")} (must be one channel name: ${names.join(", ")})`,
      }).trim().refine((name) => names.includes(name), {
        error: (i) => {
          const other = channelInOtherScript(String(i.input), names);
          return other
            ? `「${String(i.input)}」是另一種字體的寫法，本站的欄目寫作「${other}」，寫成 channel: ${other} ("${String(i.input)}" is written in the other script; write channel: ${other})`
            : `「${String(i.input)}」不是本站的欄目；可用：${names.join("、")} ("${String(i.input)}" is not a channel of this site; use one of: ${names.join(", ")})`;
        },
      }),
      sponsor: optionalText("sponsor"),
      organizer: optionalText("organizer"),
      editor: optionalText("editor"),
      tags: tagsField.default([]),
      summary: optionalText("summary"),
      lang: z.enum(["zh-Hant", "zh-Hans"], {
        error: (i) => `「${String(i.input)}」不是文種；寫 zh-Hant（繁體）或 zh-Hans（简体）("${String(i.input)}" is not a script; use zh-Hant (繁體) or zh-Hans (简体))`,
      }).optional(),
      slug: z.string().trim().refine((s) => slugProblem(s) === undefined, { error: (i) => slugProblem(String(i.input).trim()) }).optional(),
      updated: dateField("updated", zone).optional(),
      cover: z.string().trim().min(1).optional(),
      coverAlt: z.string().trim().min(1).optional(),
      draft: z.enum(["true", "false", "yes", "no"], {
        error: (i) => `「${String(i.input)}」應是 true 或 false ("${String(i.input)}" must be true or false)`,
      }).transform((v) => v === "true" || v === "yes").default(false),
    })
    .superRefine((fm, ctx) => {
      if (fm.cover && !fm.coverAlt) {
        ctx.addIssue({
          code: "custom",
          path: ["cover"],
          message: "有封面圖但沒有封面圖說明；為看不見圖片的讀者描述它，例如 coverAlt: 程家社區紅色長廊 (has no coverAlt; describe the picture for readers who cannot see it, e.g. coverAlt: 程家社區紅色長廊)",
        });
      }
      if (fm.updated && fm.updated < fm.date) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: "更新時間早於發布時間；更新應在發布之後 (is earlier than date; an update comes after publication)",
        });
      }
    });
}

export type ArticleFrontMatter = z.output<ReturnType<typeof articleSchema>>;

/** The message for a field that is not part of the contract: the closest valid name, or Eleventy's own keys. */
export function unknownFieldMessage(field: string, suggestion: string | undefined, fields?: readonly string[]): string {
  const named = /[\u3400-\u9fff]/.test(field) ? fieldForChineseName(field) : undefined;
  if (named && (!fields || fields.includes(named))) {
    return `欄位名要寫英文：「${field}」寫成 ${named}，例如 ${named}: … (write the field's name as ${named})`;
  }
  if (ELEVENTY_KEYS.includes(field)) {
    return "是建站設定，不是文章欄位，請刪掉；網址由文件名或 slug 決定 (is a build setting, not an article field; remove it (the address comes from the file name or slug))";
  }
  if (suggestion) {
    const label = FIELD_LABELS[suggestion as keyof typeof FIELD_LABELS];
    return `不是欄位；是不是要寫 ${suggestion}${label ? `（${label}）` : ""}？(is not a field; did you mean ${suggestion}${label ? ` (${label})` : ""}?)`;
  }
  return `不是欄位；欄位有 ${(fields ?? ARTICLE_FIELDS).join("、")} (is not a field; the fields are ${(fields ?? ARTICLE_FIELDS).join(", ")})`;
}
