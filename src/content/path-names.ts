/**
 * Every name an editor writes that becomes part of an address and a folder of `_site/` (an article's or a page's
 * slug, a channel's slug, a tag, an old site's address kept by a redirect) is checked here, by one rule a kind: what a file system or a URL cannot carry is
 * refused with the reason (too long for a file name, a character that is invisible, reverses text, separates lines
 * or means something in a URL), and names that a case-insensitive host or a reader of the other script would take
 * for one another are folded into one (`foldName`: ABC, abc and ＡＢＣ; 發展 and 发展; a name in NFC and NFD).
 */

/** An address segment made of lower-case letters, digits and single hyphens: `benxi-survey`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest slug: well inside a file name's 255 bytes, and still an address a person can read. */
export const MAX_SLUG = 100;

/** The longest tag, in characters: a keyword, not a sentence (50 characters are at most 200 bytes of a file name). */
export const MAX_TAG = 50;

/**
 * Characters no tag may hold: controls, format characters (bidi overrides such as U+202E, zero-width joiners), line
 * and paragraph separators, private-use and unassigned code points, spaces other than the plain one, and what a URL
 * or a file name gives a meaning to.
 */
const TAG_REFUSED = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\/\\?#%<>"'`|*:.]/u;

/**
 * Why `slug` cannot be an address segment, in the editor's terms; undefined when it can. `what` names where the
 * slug came from when it is not a `slug:` field (`{ zh: "文件名", en: "the file name " }`).
 */
export function slugProblem(slug: string, what = { zh: "", en: "" }): string | undefined {
  if (slug.length > MAX_SLUG) {
    return `${what.zh}「${slug.slice(0, 30)}…」有 ${slug.length} 個字元，網址最多 ${MAX_SLUG} 個；請縮短，例如 benxi-survey (${what.en}"${slug.slice(0, 30)}…" is ${slug.length} characters long; an address takes at most ${MAX_SLUG}: shorten it)`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return `${what.zh}「${slug}」不能作為網址；只用小寫英文字母、數字和連字號，例如 benxi-survey (${what.en}"${slug}" cannot be a web address; use lower-case letters, digits and hyphens, e.g. benxi-survey)`;
  }
  return undefined;
}

/** Why `tag` (trimmed, in NFC) cannot be a tag's address; undefined when it can. */
export function tagProblem(tag: string): string | undefined {
  const refused = TAG_REFUSED.exec(tag);
  if (refused) {
    const code = `U+${refused[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(refused[0]) && refused[0] !== " " ? `「${refused[0]}」` : code;
    return `「${visible(tag)}」含有網址或文件名不能用的字元 ${shown}；請刪掉 ("${visible(tag)}" has a character an address or a file name cannot carry (${code}); remove it)`;
  }
  const length = Array.from(tag).length;
  if (length > MAX_TAG) {
    return `關鍵詞有 ${length} 個字，最多 ${MAX_TAG} 個；請縮短 (a tag of ${length} characters is too long for an address; use at most ${MAX_TAG})`;
  }
  return undefined;
}

/** Characters no old address holds: what TAG_REFUSED refuses as invisible, any white space, a backslash, a fragment. */
const ADDRESS_REFUSED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s\\#]/u;
/** A file system's limit on one name, in bytes; and the longest address kept. */
const NAME_BYTES = 255;
const MAX_ADDRESS = 1024;

/**
 * Why `address` (a path from the root as a browser shows it, with its query if it had one: an old site's address
 * that becomes a file of `_site/`) cannot be one; undefined when it can.
 */
export function addressPathProblem(address: string): string | undefined {
  if (!address.startsWith("/") || address.startsWith("//")) {
    return "舊網址要從 / 開始寫路徑，不寫 http:// 和域名，例如 /zfyw/202007/t20200716_123456.html (write the old address as a path from the root, e.g. /news/t20200716_123456.html)";
  }
  if (address.length > MAX_ADDRESS) return `舊網址太長（${address.length} 字），最多 ${MAX_ADDRESS} 字 (the old address is ${address.length} characters long; at most ${MAX_ADDRESS})`;
  const refused = ADDRESS_REFUSED.exec(address);
  if (refused) {
    const code = `U+${refused[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return `舊網址含有空白或不能用的字元 ${code}；請刪掉 (the old address has white space or a character an address cannot carry, ${code}; remove it)`;
  }
  const segments = address.split("?", 1)[0]!.slice(1).split("/");
  if (segments.some((s, i) => s === "." || s === ".." || (s === "" && i < segments.length - 1) || Buffer.byteLength(s) > NAME_BYTES)) {
    return "舊網址的路徑不能有空段、. 或 ..，每段不超過 255 字節 (the old address's path may not have empty, . or .. segments, nor one over 255 bytes)";
  }
  return undefined;
}

/** `text` with its invisible characters shown as U+XXXX, for quoting in a message. */
function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
}

/**
 * The form in which two names are one: compatibility-normalised (full-width letters and NFD sequences become what
 * they stand for), lower-case, and in 简体 by `simplify` (the site's converter), so that a tag written in either
 * script is one tag.
 */
export function foldName(name: string, simplify: (text: string) => string): string {
  return simplify(name.normalize("NFKC").toLowerCase()).normalize("NFC");
}
