/**
 * Every word the portal itself prints (not the editors' content), written once in 繁體 and converted for 简体
 * pages, so templates and page modules never hold literal UI text. `{n}`-style slots are filled by `fill`.
 */
import type { Script, ScriptConverter } from "../scripts/convert.ts";

export const UI_HANT = {
  home: "首頁",
  archive: "歸檔",
  archiveTitle: "文章歸檔",
  archiveDescription: "{site}全部文章，按年月歸檔",
  tags: "關鍵詞",
  tagsDescription: "{site}文章的全部關鍵詞",
  tagTitle: "關鍵詞：{tag}",
  tagCount: "共 {n} 個關鍵詞",
  subscribe: "訂閱",
  subscribeLabel: "訂閱：",
  sitemap: "網站地圖",
  skipLink: "跳到主要內容",
  navLabel: "欄目",
  breadcrumbLabel: "導航路徑",
  pagerLabel: "分頁",
  articlePagerLabel: "同欄目文章",
  settingsLabel: "閱讀設定",
  source: "來源",
  author: "作者",
  published: "發布時間",
  channel: "欄目",
  sponsor: "主辦單位",
  organizer: "承辦",
  organizerFull: "承辦單位",
  sponsorShort: "主辦",
  updated: "更新時間",
  editor: "責任編輯",
  related: "相關文章",
  olderArticle: "上一篇",
  newerArticle: "下一篇",
  latest: "最新文章",
  more: "更多{channel}",
  noArticles: "暫無文章。",
  channelEmpty: "本欄目暫無文章。",
  nothingPublished: "還沒有已發布的文章。",
  newer: "較新的文章",
  newest: "最新文章",
  older: "更早的文章",
  latestOf: "最新 {n} 篇，共 {total} 篇",
  pageOf: "第 {n} 頁，共 {total} 頁",
  pageTitle: "{title}（第 {n} 頁）",
  range: "{from}至{to}",
  rangeDescription: "{title}：{range}的文章",
  listDescription: "{title}：{site}的最新文章",
  yearTitle: "{year}年文章",
  yearDescription: "{site}{year}年的全部文章",
  year: "{year}年",
  month: "{year}年{month}月",
  monthTitle: "{year}年{month}月文章",
  monthDescription: "{site}{year}年{month}月的全部文章",
  count: "共 {n} 篇",
  draftBanner: "草稿：此文章尚未發布，只在預覽中可見。",
  notFoundTitle: "找不到這個頁面",
  notFoundBody: "您要找的頁面不存在，可能已被移動或網址有誤。請從首頁、欄目或文章歸檔繼續瀏覽。",
  otherScript: "简体",
  otherScriptLabel: "简体中文版",
  fontSize: "字號",
  fontSmall: "小",
  fontMedium: "中",
  fontLarge: "大",
  elderlyMode: "長者模式",
  search: "搜尋",
  searchTitle: "搜尋文章",
  searchDescription: "在{site}搜尋文章：輸入人名、地名或標題中的詞，繁體簡體皆可。",
  searchLabel: "搜尋詞",
  searchHint: "可輸入人名、地名或標題，繁體簡體皆可",
  allChannels: "全部欄目",
  allYears: "全部年份",
  yearFilter: "年份",
  sortLabel: "排序",
  sortRelevance: "相關度",
  sortNewest: "最新",
  resultsCount: "找到 {n} 篇文章",
  resultsShown: "找到 {n} 篇文章，顯示第 {from}–{to} 篇",
  resultsPages: "搜尋結果分頁",
  searchedYears: "（已搜尋 {years} 年）",
  searchEarlier: "搜尋更早的文章 →",
  previousPage: "上一頁",
  nextPage: "下一頁",
  noResults: "沒有找到與「{q}」相關的文章。請換個詞，或減少篩選條件。",
  searching: "搜尋中…",
  searchEmpty: "請輸入要搜尋的詞。",
  searchFailed: "搜尋暫時無法使用，請稍後再試。",
  noscript: "搜尋需要瀏覽器啟用 JavaScript。您也可以從欄目和文章歸檔瀏覽全部文章。",
} as const;

export type UiText = { [K in keyof typeof UI_HANT]: string };

/** The UI text for pages in `script`. The script switch names the *other* script, in that script. */
export function uiText(script: Script, converter: ScriptConverter): UiText {
  if (script === "zh-Hant") return { ...UI_HANT };
  const text = Object.fromEntries(
    Object.entries(UI_HANT).map(([k, v]) => [k, converter.convert(v, "zh-Hant", "zh-Hans")]),
  ) as UiText;
  return { ...text, otherScript: "繁體", otherScriptLabel: "繁體中文版" };
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
