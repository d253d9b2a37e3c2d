/** The contract's article fields and their Chinese names (the labels editors know them by). */
export const FIELD_LABELS = {
  title: "標題",
  date: "發布時間",
  source: "來源",
  author: "作者",
  channel: "欄目",
  sponsor: "主辦單位",
  organizer: "承辦單位",
  editor: "責任編輯",
  tags: "關鍵詞",
  summary: "摘要",
  lang: "文種",
  slug: "網址",
  updated: "更新時間",
  draft: "草稿",
  cover: "封面圖",
  coverAlt: "封面圖說明",
} as const;
