/**
 * Every name an editor writes that becomes part of an address and a folder of `_site/` (an article's or a page's
 * slug, a channel's slug, a tag) is checked here, by one rule a kind: what a file system or a URL cannot carry is
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
