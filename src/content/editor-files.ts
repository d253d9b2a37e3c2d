/**
 * The files the web editor may touch, and the one function that decides it (`editorPath`). The editor owns two
 * folders, content/articles/ and content/pages/ (articles and standalone pages, with their pictures beside them),
 * and nothing else: not site.yaml, not public/, not the code. A path from the editor's page is refused unless it
 * names a Markdown file or a picture inside one of those folders, written plainly (no `.` or `..`, no backslash, no
 * control or bidi character), and no folder or file on the way is a symbolic link. Writes go to a new file that
 * is renamed over the old one, so a write never follows a link and a reader never sees half a file.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ARTICLES_DIR, PAGES_DIR } from "./files.ts";

/** The folders the editor owns, relative to the project root. */
export const EDITOR_FOLDERS = [ARTICLES_DIR, PAGES_DIR] as const;

const ENTRY = /\.md$/;
export const PICTURE = /\.(?:jpe?g|png|webp|avif|gif)$/i;
/** Characters no editor's path holds: controls, bidi and zero-width marks, line and paragraph separators. */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\\]/;
/** A file system's limit on one name, in bytes. */
const NAME_BYTES = 255;
const PATH_CHARACTERS = 1024;

export type EditorPathKind = "entry" | "picture" | "folder";

export type EditorPath =
  | { ok: true; full: string; relative: string }
  | { ok: false; message: string };

export class EditorRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditorRefusal";
  }
}

/** The refusal of `requested`, saying why in Chinese (`zh`) and English (`en`). */
const refuse = (requested: unknown, zh: string, en: string): EditorPath => {
  const shown = JSON.stringify(String(requested).slice(0, 200));
  return {
    ok: false,
    message: `網頁編輯器只能讀寫 ${EDITOR_FOLDERS.join("、")} 裡的文章和圖片：${shown} ${zh}，沒有讀寫 ` +
      `(the web editor reads and writes only articles and pictures inside ${EDITOR_FOLDERS.join(", ")}: ${shown} ${en}; nothing was done)`,
  };
};

/**
 * `requested` (a path relative to the project root, as the editor's page sends it) as a file the editor may use for
 * `kind`, or why not. Links are resolved: the deepest part of the path that exists must be a real folder (or, for a
 * file that exists, a regular file) inside the editor's folder, itself a real folder of the project.
 */
export function editorPath(root: string, requested: unknown, kind: EditorPathKind): EditorPath {
  if (typeof requested !== "string" || requested === "") return refuse(requested, "不是文件路徑", "is not a path");
  const relative = kind === "folder" ? requested.replace(/\/+$/, "") : requested;
  if (relative.length > PATH_CHARACTERS || UNSAFE_CHARACTER.test(relative)) return refuse(requested, "含有路徑不能用的字元", "has characters a path cannot carry");
  const parts = relative.split("/");
  if (parts.some((p) => p === "" || p === "." || p === ".." || Buffer.byteLength(p) > NAME_BYTES)) {
    return refuse(requested, "不是一個簡單的相對路徑", "is not a plain relative path");
  }
  const folder = EDITOR_FOLDERS.find((f) => relative === f || relative.startsWith(`${f}/`));
  if (!folder) return refuse(requested, "不在編輯器的文件夾裡", "is outside the editor's folders");
  if (kind === "entry" && !ENTRY.test(relative)) return refuse(requested, "不是 Markdown 文章 (.md)", "is not a Markdown file (.md)");
  if (kind === "picture" && !PICTURE.test(relative)) return refuse(requested, "不是 JPEG、PNG、WebP、AVIF 或 GIF 圖片", "is not a picture");
  if (kind !== "folder" && relative === folder) return refuse(requested, "是文件夾", "is a folder");
  const full = path.join(root, ...parts);
  if (!insideRealFolder(root, folder, parts.slice(folder.split("/").length), kind === "folder")) {
    return refuse(requested, "經過符號連結或不是普通文件", "goes through a symbolic link, or is not a plain file");
  }
  return { ok: true, full, relative };
}

/**
 * Whether the editor folder is a real folder of `root` (no link on the way), and each of `below` that exists is a
 * real folder (or, last, a regular file; a folder when `isFolder`).
 */
function insideRealFolder(root: string, folder: string, below: string[], isFolder: boolean): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    const folderPath = path.join(root, folder);
    if (!lstatSync(folderPath).isDirectory() || realpathSync(folderPath) !== path.join(realRoot, folder)) return false;
  } catch {
    return false;
  }
  let at = path.join(root, folder);
  for (let i = 0; i < below.length; i++) {
    at = path.join(at, below[i]!);
    let stats;
    try {
      stats = lstatSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
      return false;
    }
    const last = i === below.length - 1;
    if (stats.isSymbolicLink()) return false;
    if ((!last || isFolder) ? !stats.isDirectory() : !stats.isFile()) return false;
  }
  return true;
}

/** `requested`, checked for `kind`, or an EditorRefusal thrown with the reason. */
export function mustBeEditorPath(root: string, requested: unknown, kind: EditorPathKind): { full: string; relative: string } {
  const checked = editorPath(root, requested, kind);
  if (!checked.ok) throw new EditorRefusal(checked.message);
  return checked;
}

/** Writes `bytes` to an editor file: a new file in the same folder, renamed over the old (never through a link). */
export function writeEditorFile(full: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(full), { recursive: true });
  const temporary = path.join(path.dirname(full), `.${path.basename(full)}.${randomBytes(6).toString("hex")}.saving`);
  try {
    writeFileSync(temporary, bytes, { flag: "wx" });
    renameSync(temporary, full);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Deletes an editor file (a file already gone is not an error). */
export function deleteEditorFile(full: string): void {
  try {
    unlinkSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * The files under an editor folder that `accept` takes, `depth` levels down at most, relative to the root with `/`:
 * links are never followed, and files that are not plain are left out.
 */
export function editorFilesUnder(root: string, folder: string, depth: number, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string, levels: number) => {
    if (levels <= 0) return;
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child, levels - 1);
      else if (entry.isFile() && accept(entry.name) && !UNSAFE_CHARACTER.test(entry.name)) found.push(child);
    }
  };
  walk(folder, depth);
  return found.sort();
}
