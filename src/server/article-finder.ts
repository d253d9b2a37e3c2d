/**
 * The web editor's finder (`npm run cms`): articles found by words of their headline, in either script, newest
 * first, each with the collection and entry it is edited in (src/portal/cms-config.ts). The editor lists one
 * folder at a time, so an old article is found here rather than by Decap's own search, which would read every
 * folder of the archive. Headlines are read from the files' first lines once, and again only for a file whose size
 * or time changed.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { editorFilesUnder } from "../content/editor-files.ts";
import { ARTICLES_DIR } from "../content/files.ts";
import { currentArticleFolder } from "../portal/admin.ts";
import { articleCollectionName } from "../portal/cms-config.ts";
import { searchCharTable } from "../search/char-table.ts";
import { createNormalizer } from "../search/normalize.ts";

export interface FoundArticle {
  title: string;
  date: string;
  /** The file, relative to the project root. */
  file: string;
  /** Where the web editor opens it: `#/collections/<collection>/entries/<entry>`. */
  collection: string;
  entry: string;
}

/** How much of a file is read for its headline and date: the front-matter's first lines. */
const HEAD_BYTES = 2048;
/** The most a search answers with. */
const MOST = 50;

/** A finder over `root`'s articles; `now` and `zone` say which month's folder is this month's collection. */
export function articleFinder(root: string, now: () => DateTime, zone: string): (words: string) => FoundArticle[] {
  const normalize = createNormalizer(searchCharTable());
  const heads = new Map<string, { stamp: string; title: string; date: string; folded: string }>();
  const headOf = (file: string) => {
    let stamp: string;
    try {
      const stats = statSync(path.join(root, file));
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return undefined;
    }
    const known = heads.get(file);
    if (known?.stamp === stamp) return known;
    const text = readHead(path.join(root, file));
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*["']?(.*?)["']?[ \\t]*$`, "m").exec(text)?.[1] ?? "";
    const head = { stamp, title: field("title"), date: field("date"), folded: normalize(field("title")) };
    heads.set(file, head);
    return head;
  };
  return (words) => {
    const wanted = normalize(words).split(/[\s\u3000]+/u).filter(Boolean);
    if (wanted.length === 0) return [];
    const files = editorFilesUnder(root, ARTICLES_DIR, 10, (name) => name.endsWith(".md"));
    const current = currentArticleFolder(now(), zone);
    const found: FoundArticle[] = [];
    // Newest first: folders by year and month sort so, and so do the files' dates within them.
    for (const file of files.reverse()) {
      const head = headOf(file);
      if (!head || !wanted.every((w) => head.folded.includes(w))) continue;
      const folder = path.posix.dirname(file.slice(`${ARTICLES_DIR}/`.length));
      found.push({
        title: head.title, date: head.date, file,
        collection: articleCollectionName(folder === "." ? "" : folder, current), entry: path.posix.basename(file, ".md"),
      });
      if (found.length === MOST) break;
    }
    return found.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  };
}

function readHead(file: string): string {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(file, "r");
  try {
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}
