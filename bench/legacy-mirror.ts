/**
 * A generated mirror of an old government CMS, as `wget --mirror --adjust-extension` leaves it, for the site
 * importer's test and bench: article pages in three layouts and three encodings (GBK in 简体, Big5 and UTF-8 in
 * 繁體), under the addresses such CMSs use (`/zfyw/202007/t20200716_123456.html`, `/article.php?id=123`, dated
 * folders), with what a real mirror also holds: channel list pages and their numbered pages, a home page, about and
 * contact pages, print copies and second addresses of the same article, an empty page, a page cut short, saved
 * "404 Not Found" pages, junk, and stylesheets and pictures. Deterministic for a count and a seed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import { createScriptConverter } from "../src/scripts/convert.ts";
import { generateArticles, random, type Corpus } from "./generate.ts";

export const MIRROR_HOST = "www.old-portal.example.gov.cn";

export type MirrorEncoding = "gbk" | "big5" | "utf-8";

/** What an article of the mirror says, as its pages can carry it (a Big5 page loses what Big5 has no character for). */
export interface MirrorArticle {
  /** Its main page, relative to the mirror's folder (`www…/zfyw/202007/t20200716_1.html`). */
  page: string;
  /** Its other copies (a print page, a second address), which are duplicates. */
  copies: string[];
  /** The address a reader's browser asked the old site for, for each of its pages. */
  addresses: string[];
  encoding: MirrorEncoding;
  title: string;
  /** `YYYY-MM-DD HH:mm`, Shanghai time. */
  date: string;
  source: string;
  author: string;
  channel: string;
  /** The first paragraph, as the page carries it. */
  lead: string;
}

export interface LegacyMirror {
  articles: MirrorArticle[];
  /** Pages that are not articles, by why: list, navigation, empty, broken, not found, junk. */
  others: { page: string; kind: "list" | "navigation" | "empty" | "not-found" | "junk" }[];
  /** Files that are not pages at all (styles, scripts, pictures). */
  assets: string[];
  /** Every article page cut short (kept as an article, to be checked by hand). */
  truncated: string[];
}

const CHANNEL_FOLDERS: Record<string, string> = { 政法要聞: "zfyw", 市域治理: "sysl", 平安建設: "pajs", 法治宣傳: "fzxc", 基層動態: "jcdt" };

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const CHARSET: Record<MirrorEncoding, string> = { gbk: "gbk", big5: "big5", "utf-8": "utf-8" };

/**
 * Text as a page in `encoding` carries it, read back as a browser (and the importer) reads the bytes, with WHATWG's
 * decoders: what the encoding has no character for is lost ("?"), in the text of the article. A headline or a byline
 * the old CMS could not store was fixed by its editors, so there (`field`) such a character becomes 某.
 */
function carried(text: string, encoding: MirrorEncoding, field = false): string {
  if (encoding === "utf-8") return text;
  const label = encoding === "gbk" ? "gb18030" : "big5";
  const roundTrip = (t: string) => new TextDecoder(label).decode(encode(t, encoding));
  if (!field) return roundTrip(roundTrip(text));
  return Array.from(text, (c) => (roundTrip(c) === c ? c : "某")).join("");
}

function encode(html: string, encoding: MirrorEncoding): Buffer {
  return encoding === "utf-8" ? Buffer.from(html) : iconv.encode(html, encoding === "gbk" ? "gbk" : "big5");
}

interface Fields {
  title: string;
  date: string;
  source: string;
  author: string;
  channel: string;
  paragraphs: string[];
}

/** The three layouts of article page the old CMS had over its years. */
function articlePage(layout: number, f: Fields, encoding: MirrorEncoding, hans: boolean): string {
  const site = hans ? "辽宁长安网（旧版）" : "遼寧長安網（舊版）";
  const crumb = `${hans ? "当前位置" : "當前位置"}：<a href="/">首頁</a> &gt; <a href="../">${escape(f.channel)}</a> &gt; 正文`;
  const nav = `<div class="nav"><a href="/">首頁</a>${Object.entries(CHANNEL_FOLDERS).map(([name, folder]) => ` <a href="/${folder}/">${name}</a>`).join("")}</div>`;
  const body = f.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n");
  const head = `<head><meta http-equiv="Content-Type" content="text/html; charset=${CHARSET[encoding]}"><title>${escape(f.title)} - ${site}</title>` +
    `<link rel="stylesheet" href="/css/site.css"></head>`;
  const foot = `<div class="footer">版權所有：中共遼寧省委政法委員會 遼ICP備00000000號</div>`;
  const [y, mo, d] = [f.date.slice(0, 4), f.date.slice(5, 7), f.date.slice(8, 10)];
  const time = f.date.slice(11);
  if (layout === 0) {
    return `<html>${head}<body>${nav}<div class="crumb">${crumb}</div><div class="title"><h1>${escape(f.title)}</h1></div>` +
      `<div class="info">來源：${escape(f.source)}　作者：${escape(f.author)}　發布時間：${f.date}</div>` +
      `<div class="TRS_Editor">\n${body}\n</div><div class="share">分享到：微信 微博</div>${foot}</body></html>`;
  }
  if (layout === 1) {
    // No <h1>: the headline is the page's <title>, with the old site's name after it.
    return `<html>${head}<body><header>${nav}</header><div class="crumb">${crumb}</div>` +
      `<p class="meta">${hans ? "发布时间" : "發布時間"}：${y}年${mo}月${d}日 ${time} | ${hans ? "来源" : "來源"}：${escape(f.source)} | 作者：${escape(f.author)}</p>` +
      `<div id="content">\n${body}\n</div><p>${hans ? "责任编辑" : "責任編輯"}：王小明</p><footer>${foot}</footer></body></html>`;
  }
  // A table layout of the early 2010s, fonts and all.
  return `<html>${head}<body><table width="980"><tr><td>${nav}</td></tr><tr><td class="crumb">${crumb}</td></tr>` +
    `<tr><td align="center"><h1><font size="5">${escape(f.title)}</font></h1></td></tr>` +
    `<tr><td align="center"><span>${hans ? "日期" : "日期"}：${y}-${mo}-${d} ${time}</span> <span>${hans ? "来源" : "來源"}：${escape(f.source)}</span> <span>作者：${escape(f.author)}</span></td></tr>` +
    `<tr><td class="content">\n${f.paragraphs.map((p) => `<p><font face="宋体">${escape(p)}</font></p>`).join("\n")}\n</td></tr></table>${foot}</body></html>`;
}

function listPage(title: string, links: { href: string; title: string; date: string }[], next?: string): string {
  return `<html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><div class="nav"><a href="/">首頁</a></div>` +
    `<h1>${escape(title)}</h1><ul class="list">${links.map((l) => `<li><a href="${l.href}">${escape(l.title)}</a><span>${l.date.slice(0, 10)}</span></li>`).join("")}</ul>` +
    `${next ? `<div class="page"><a href="${next}">下一頁</a></div>` : ""}</body></html>`;
}

/** Writes a mirror of `count` articles into `dir` (whose folder `MIRROR_HOST` is the old site's root), and says what it holds. */
export async function writeLegacyMirror(dir: string, count: number, seed = 7, corpus: Corpus = "news"): Promise<LegacyMirror> {
  const next = random(seed);
  const converter = createScriptConverter(["于天敏"]);
  const toHans = (text: string) => converter.convert(text, "zh-Hant", "zh-Hans");
  const generated = generateArticles(count, seed, corpus);
  const files = new Map<string, Buffer>();
  const put = (page: string, bytes: Buffer | string) => files.set(page, typeof bytes === "string" ? Buffer.from(bytes) : bytes);
  const mirror: LegacyMirror = { articles: [], others: [], assets: [], truncated: [] };
  const byChannel = new Map<string, { href: string; title: string; date: string }[]>();

  generated.forEach((g, i) => {
    const id = 100000 + i;
    const lines = g.text.split("\n");
    const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? "";
    const paragraphs = g.text.slice(g.text.indexOf("\n---\n") + 5).split("\n\n").map((p) => p.trim()).filter(Boolean);
    const r = next();
    const encoding: MirrorEncoding = r < 0.45 ? "gbk" : r < 0.65 ? "big5" : "utf-8";
    // GBK pages were written in 简体; Big5 and most UTF-8 pages in 繁體.
    const hans = encoding === "gbk" || (encoding === "utf-8" && next() < 0.2);
    const script = (text: string, isField = true) => carried(hans ? toHans(text) : text, encoding, isField);
    const fields: Fields = {
      title: script(g.title.trim()), date: g.date, source: script(field("source")), author: script(field("author")),
      channel: script(g.channel), paragraphs: paragraphs.map((p) => script(p, false)),
    };
    const folder = CHANNEL_FOLDERS[g.channel]!;
    const [y, mo, d] = [g.date.slice(0, 4), g.date.slice(5, 7), g.date.slice(8, 10)];
    const shape = next();
    const page = shape < 0.7 ? `${MIRROR_HOST}/${folder}/${y}${mo}/t${y}${mo}${d}_${id}.html`
      : shape < 0.85 ? `${MIRROR_HOST}/article.php?id=${id}.html`
        : `${MIRROR_HOST}/${folder}/${y}/${mo}/${d}/${id}.shtml`;
    const html = articlePage(i % 3, fields, encoding, hans);
    const article: MirrorArticle = {
      page, copies: [], addresses: [addressOf(page)], encoding, title: fields.title, date: g.date, source: fields.source,
      author: fields.author, channel: g.channel, lead: fields.paragraphs[0]!,
    };
    // One article in forty was saved cut short by a broken connection; it still has its headline and first paragraphs.
    if (i % 40 === 17 && fields.paragraphs.length >= 3) {
      let end = 0;
      for (let k = 0; k < 3; k++) end = html.indexOf("</p>", end) + 4;
      put(page, encode(html.slice(0, end), encoding));
      mirror.truncated.push(page);
    } else {
      put(page, encode(html, encoding));
    }
    // One in twelve has a print copy, one in twenty-five a second address (the old CMS moved it between channels).
    if (i % 12 === 5) {
      const copy = page.replace(/(\.s?html)$/, "_print$1").replace("article.php?id=", "print.php?id=");
      put(copy, encode(articlePage((i + 1) % 3, fields, encoding, hans), encoding));
      article.copies.push(copy);
      article.addresses.push(addressOf(copy));
    }
    if (i % 25 === 9) {
      const copy = `${MIRROR_HOST}/${CHANNEL_FOLDERS[["政法要聞", "基層動態"][i % 2]!]}/old/${id}.html`;
      put(copy, encode(articlePage(i % 3, fields, encoding, hans), encoding));
      article.copies.push(copy);
      article.addresses.push(addressOf(copy));
    }
    mirror.articles.push(article);
    const links = byChannel.get(folder) ?? [];
    links.push({ href: `/${page.slice(MIRROR_HOST.length + 1)}`, title: fields.title, date: g.date });
    byChannel.set(folder, links);
  });

  // Channel lists, twenty links a page, and the home page.
  for (const [folder, links] of byChannel) {
    const pages = Math.ceil(links.length / 20);
    for (let p = 0; p < pages; p++) {
      const name = p === 0 ? `${MIRROR_HOST}/${folder}/index.html` : `${MIRROR_HOST}/${folder}/index_${p}.html`;
      put(name, listPage(`${folder} 列表`, links.slice(p * 20, p * 20 + 20), p + 1 < pages ? `index_${p + 1}.html` : undefined));
      mirror.others.push({ page: name, kind: "list" });
    }
  }
  put(`${MIRROR_HOST}/index.html`, listPage("遼寧長安網（舊版）首頁", [...byChannel.values()].flatMap((l) => l.slice(0, 8))));
  mirror.others.push({ page: `${MIRROR_HOST}/index.html`, kind: "list" });
  // Pages of the frame: no date, no article.
  put(`${MIRROR_HOST}/about/index.html`, `<html><head><meta charset="utf-8"><title>關於我們</title></head><body><h1>關於我們</h1><p>遼寧長安網是中共遼寧省委政法委員會主辦的政法新聞網站。</p><p>聯繫電話：024-00000000</p></body></html>`);
  put(`${MIRROR_HOST}/contact.html`, iconv.encode(`<html><head><meta charset="gbk"><title>联系我们</title></head><body><h1>联系我们</h1><p>地址：辽宁省沈阳市和平区。</p></body></html>`, "gbk"));
  mirror.others.push({ page: `${MIRROR_HOST}/about/index.html`, kind: "navigation" }, { page: `${MIRROR_HOST}/contact.html`, kind: "navigation" });
  // What a mirror also catches: an empty page, saved error pages, junk under a page's name.
  put(`${MIRROR_HOST}/zfyw/202001/t20200101_0.html`, "");
  mirror.others.push({ page: `${MIRROR_HOST}/zfyw/202001/t20200101_0.html`, kind: "empty" });
  for (let k = 0; k < Math.max(2, Math.round(count / 500)); k++) {
    const name = `${MIRROR_HOST}/sysl/missing_${k}.html`;
    put(name, "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>");
    mirror.others.push({ page: name, kind: "not-found" });
  }
  const junk = Buffer.alloc(4096);
  for (let k = 0; k < junk.length; k++) junk[k] = Math.floor(next() * 256);
  put(`${MIRROR_HOST}/download.html`, junk);
  mirror.others.push({ page: `${MIRROR_HOST}/download.html`, kind: "junk" });
  for (const asset of ["css/site.css", "js/jquery.js", "images/logo.png", "robots.txt"]) {
    put(`${MIRROR_HOST}/${asset}`, asset.endsWith(".png") ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) : "/* */\n");
    mirror.assets.push(`${MIRROR_HOST}/${asset}`);
  }

  const folders = new Set([...files.keys()].map((f) => path.dirname(path.join(dir, f))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const entries = [...files];
  for (let k = 0; k < entries.length; k += 256) {
    await Promise.all(entries.slice(k, k + 256).map(([name, bytes]) => writeFile(path.join(dir, name), bytes)));
  }
  return mirror;
}

/** The address a reader asked the old site for, from a mirrored file's name (wget added .html after a query). */
function addressOf(page: string): string {
  const local = page.slice(MIRROR_HOST.length);
  return local.includes("?") ? local.replace(/\.html$/, "") : local;
}
