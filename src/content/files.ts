/**
 * The editors' folder as the generator sees it: which article and page files there are, and what in it must be
 * refused before anything is read. Nothing under content/ is code: a file that Eleventy or Node would run or treat
 * as a template or data file (`*.11tydata.js`, `*.njk`, `*.js` …) is an error by name, even though Eleventy never
 * reads this folder (its input is src/eleventy/), so an editor learns at once that it has no effect. A symbolic link
 * must stay inside content/; a file or folder that cannot be read is an error on that file, and the walk goes on.
 */
import { lstatSync, readdirSync, realpathSync, type Dirent } from "node:fs";
import path from "node:path";
import type { Problem } from "./problems.ts";

export const CONTENT_DIR = "content";
export const ARTICLES_DIR = "content/articles";
export const PAGES_DIR = "content/pages";

/** Names of files Eleventy, Node or a template engine would run or read as data or templates. */
const CODE_FILE = /\.11tydata\.[a-z]+$|\.11ty\.[a-z]+$|\.(?:c|m)?[jt]sx?$|\.(?:njk|liquid|hbs|mustache|ejs|haml|pug|webc|vto|11ty)$/i;

export interface ContentFiles {
  /** Article files, relative to the root with `/`, sorted. */
  articles: string[];
  /** Standalone page files, likewise. */
  pages: string[];
  problems: Problem[];
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

function fileProblem(file: string, field: string, message: string, severity: Problem["severity"] = "error"): Problem {
  return { severity, file, line: 1, field, message };
}

/** Walks content/ once (never following links) and sorts what it finds into articles, pages and problems. */
export function listContent(root: string): ContentFiles {
  const found: ContentFiles = { articles: [], pages: [], problems: [] };
  const contentDir = path.join(root, CONTENT_DIR);
  let realContent: string;
  try {
    realContent = realpathSync(contentDir);
  } catch {
    return found;
  }
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      found.problems.push(fileProblem(rel(root, folder) + "/", "file", unreadable(error)));
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const file = rel(root, full);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (CODE_FILE.test(entry.name)) {
        found.problems.push(fileProblem(file, "file",
          "content/ 不能放程式或模板檔，這個檔案不會被執行，請刪除 (code, template and Eleventy data files are not allowed in content/; delete it)"));
        continue;
      }
      if (entry.isSymbolicLink()) {
        found.problems.push(...linkProblems(full, file, realContent));
        continue;
      }
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      if (file.startsWith(`${ARTICLES_DIR}/`)) found.articles.push(file);
      else if (file.startsWith(`${PAGES_DIR}/`)) found.pages.push(file);
    }
  };
  walk(contentDir);
  found.articles.sort();
  found.pages.sort();
  return found;
}

/** A symbolic link: refused when it leads out of content/ (or nowhere); an article behind a link is not read. */
function linkProblems(full: string, file: string, realContent: string): Problem[] {
  let target: string;
  try {
    target = realpathSync(full);
  } catch {
    return [fileProblem(file, "file", "是指向不存在檔案的連結，請刪除 (a symbolic link to nothing; delete it)")];
  }
  if (target !== realContent && !target.startsWith(realContent + path.sep)) {
    return [fileProblem(file, "file",
      "是指向 content/ 以外的連結，不會發布，請放入真正的檔案 (a symbolic link out of content/ is refused; put the file itself here)")];
  }
  if (full.endsWith(".md") && lstatSync(target).isFile()) {
    return [fileProblem(file, "file",
      `是連結，不作為文章讀取；原檔 ${path.basename(target)} 會以自己的名字發布 (a linked article is not read; the file it points to is published under its own name)`,
      "warning")];
  }
  return [];
}

/** An editor's explanation of a read error. */
export function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? "error";
  return `無法讀取 (${code})；請檢查檔案權限 (cannot be read; check that the file and its folders are readable)`;
}
