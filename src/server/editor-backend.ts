/**
 * The web editor's local backend: the protocol Decap CMS speaks to a "proxy server" on this machine (`local_backend`,
 * one POST of `{action, params}` to /api/v1 a call), answered in-process by `npm run cms`. It is written here rather
 * than run as decap-server, whose only check is that a path stays inside the repository: every path an action names
 * goes through `editorPath` (src/content/editor-files.ts), so the editor reads and writes articles, pages and their
 * pictures, and nothing else. Files are written in place (no commit): the editor commits, or CI publishes main.
 * https://decapcms.org/docs/working-with-a-local-git-repository/ (the actions are decap-server's, "fs" mode)
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { FoundArticle } from "./article-finder.ts";
import {
  deleteEditorFile, editorFilesUnder, editorPath, EditorRefusal, mustBeEditorPath, PICTURE, writeEditorFile,
} from "../content/editor-files.ts";

export interface BackendReply {
  status: number;
  body: unknown;
}

/** The largest picture the editor accepts, in bytes (a camera's JPEG is a few MB). */
const MAX_PICTURE_BYTES = 30 * 1024 * 1024;

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

const asset = z.object({ path: z.string(), content: z.string(), encoding: z.literal("base64") });
const dataFile = z.object({ path: z.string(), raw: z.string(), newPath: z.string().optional() });
const ACTIONS = {
  info: z.object({}),
  entriesByFolder: z.object({ folder: z.string(), extension: z.string(), depth: z.number().int().min(1).max(10) }),
  entriesByFiles: z.object({ files: z.array(z.object({ path: z.string(), label: z.string().optional() })).max(10_000) }),
  getEntry: z.object({ path: z.string() }),
  persistEntry: z.object({
    entry: dataFile.optional(),
    dataFiles: z.array(dataFile).min(1).max(20).optional(),
    assets: z.array(asset).max(50).default([]),
  }),
  getMedia: z.object({ mediaFolder: z.string() }),
  getMediaFile: z.object({ path: z.string() }),
  persistMedia: z.object({ asset }),
  deleteFile: z.object({ path: z.string() }),
  deleteFiles: z.object({ paths: z.array(z.string()).max(1000) }),
  getDeployPreview: z.object({}),
  // Not Decap's: the finder of /admin/'s own script (src/browser/cms-admin.ts, src/server/article-finder.ts).
  findArticles: z.object({ words: z.string().max(200) }),
} as const;

type Action = keyof typeof ACTIONS;
type Params<A extends Action> = z.output<(typeof ACTIONS)[A]>;

/** Answers one call of the editor's page; `root` is the project. Never throws: a refusal or a fault is a reply. */
export function editorBackend(root: string, find: (words: string) => FoundArticle[] = () => []): (call: unknown) => BackendReply {
  const handlers: { [A in Action]: (params: Params<A>) => unknown } = {
    info: () => ({ repo: path.basename(root), publish_modes: ["simple"], type: "local_fs" }),
    entriesByFolder: ({ folder, extension, depth }) => {
      const { relative } = mustBeEditorPath(root, folder, "folder");
      if (extension !== "md") throw new EditorRefusal(`網頁編輯器只列出 .md 文章 (the editor lists .md files only, not .${extension})`);
      return editorFilesUnder(root, relative, depth, (name) => name.endsWith(".md")).map((file) => entry(file));
    },
    entriesByFiles: ({ files }) => files.map((f) => entry(f.path, f.label)),
    getEntry: ({ path: file }) => entry(file),
    persistEntry: (params) => persistEntry(params),
    getMedia: ({ mediaFolder }) => {
      const { relative } = mustBeEditorPath(root, mediaFolder, "folder");
      return editorFilesUnder(root, relative, 1, (name) => PICTURE.test(name)).map(mediaFile);
    },
    getMediaFile: ({ path: file }) => mediaFile(file),
    persistMedia: ({ asset: a }) => {
      writePicture(a);
      return mediaFile(a.path);
    },
    deleteFile: ({ path: file }) => {
      deleteEditorFile(anyEditorFile(file).full);
      return { message: `deleted file ${file}` };
    },
    deleteFiles: ({ paths }) => {
      const checked = paths.map(anyEditorFile);
      for (const file of checked) deleteEditorFile(file.full);
      return { message: `deleted files ${paths.join(", ")}` };
    },
    getDeployPreview: () => null,
    findArticles: ({ words }) => find(words),
  };

  /** An article or a picture: deleting takes either. */
  const anyEditorFile = (file: string) => mustBeEditorPath(root, file, PICTURE.test(file) ? "picture" : "entry");

  const entry = (file: string, label?: string) => {
    const { full, relative } = mustBeEditorPath(root, file, "entry");
    try {
      const data = readFileSync(full, "utf8");
      return { data, file: { path: relative, label, id: sha256(data) } };
    } catch {
      return { data: null, file: { path: relative, label, id: null } };
    }
  };

  const mediaFile = (file: string) => {
    const { full, relative } = mustBeEditorPath(root, file, "picture");
    const bytes = readFileSync(full);
    return { id: sha256(bytes), content: bytes.toString("base64"), encoding: "base64", path: relative, name: path.posix.basename(relative) };
  };

  const writePicture = (a: z.output<typeof asset>) => {
    const { full } = mustBeEditorPath(root, a.path, "picture");
    const bytes = Buffer.from(a.content, "base64");
    if (bytes.length > MAX_PICTURE_BYTES) {
      throw new EditorRefusal(`圖片太大（${Math.round(bytes.length / 1048576)} MB），請縮小到 30 MB 以內 (the picture is larger than 30 MB; make it smaller)`);
    }
    writeEditorFile(full, bytes);
  };

  const persistEntry = ({ entry: single, dataFiles, assets }: Params<"persistEntry">) => {
    const files = dataFiles ?? (single ? [single] : []);
    if (files.length === 0) throw new EditorRefusal("沒有要保存的文章 (nothing to save)");
    // Every path is checked before anything is written: a refused one writes nothing.
    const planned = files.map((f) => ({
      ...mustBeEditorPath(root, f.path, "entry"),
      raw: f.raw,
      moveTo: f.newPath !== undefined && f.newPath !== f.path ? mustBeEditorPath(root, f.newPath, "entry") : undefined,
    }));
    for (const a of assets) mustBeEditorPath(root, a.path, "picture");
    for (const a of assets) writePicture(a);
    for (const file of planned) {
      writeEditorFile(file.full, Buffer.from(file.raw, "utf8"));
      if (file.moveTo) moveEntry(root, file.full, file.moveTo.full, file.raw);
    }
    return { message: "entry persisted" };
  };

  return (call) => {
    const parsed = z.object({ action: z.string(), params: z.record(z.string(), z.unknown()).default({}) }).safeParse(call);
    if (!parsed.success) return { status: 400, body: { error: "the request must be JSON {action, params}" } };
    const action = parsed.data.action;
    if (!Object.hasOwn(ACTIONS, action)) return { status: 422, body: { error: `Unknown action ${action}` } };
    const params = ACTIONS[action as Action].safeParse(parsed.data.params);
    if (!params.success) return { status: 422, body: { error: `${action}: ${params.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` } };
    try {
      return { status: 200, body: (handlers[action as Action] as (p: unknown) => unknown)(params.data) };
    } catch (error) {
      if (error instanceof EditorRefusal) return { status: 403, body: { error: error.message } };
      return { status: 500, body: { error: `${action} failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
    }
  };
}

/**
 * An entry whose address or date moved it: the file goes to its new place, with the pictures it names by a plain
 * file name beside it copied along (other articles of the folder may show them too). An existing file is never
 * overwritten by a move, and a picture is copied only where both places pass `editorPath`.
 */
function moveEntry(root: string, from: string, to: string, raw: string): void {
  if (present(to)) throw new EditorRefusal(`${path.basename(to)} 已經存在，沒有移動 (a file of that name is already there; nothing was moved)`);
  writeEditorFile(to, readFileSync(from));
  const pictures = new Set([...raw.matchAll(/(?:^cover:\s*|\]\()([^\s/()"']+\.(?:jpe?g|png|webp|avif|gif))/gim)].map((m) => m[1]!));
  for (const name of pictures) {
    const source = editorPath(root, path.relative(root, path.join(path.dirname(from), name)).split(path.sep).join("/"), "picture");
    const target = editorPath(root, path.relative(root, path.join(path.dirname(to), name)).split(path.sep).join("/"), "picture");
    if (source.ok && target.ok && present(source.full) && !present(target.full)) writeEditorFile(target.full, readFileSync(source.full));
  }
  deleteEditorFile(from);
}

/** Whether anything (a file, a folder, a link even to nothing) has this name. */
function present(full: string): boolean {
  try {
    lstatSync(full);
    return true;
  } catch {
    return false;
  }
}
