/**
 * The shape of the code (README, "Where things live"): stages import only from earlier stages, no file passes 300
 * lines and no function 100, so that each module is one concern a newcomer can read whole.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";

const SRC = path.resolve(import.meta.dirname, "../../src");
const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).map((f) => f.split(path.sep).join("/")).sort();

/** Which folders of src/ each folder may import from (besides itself, and src/dates.ts). */
const MAY_IMPORT: Record<string, string[]> = {
  util: [],
  scripts: ["util"],
  content: ["util", "scripts"],
  search: ["content", "util"],
  browser: ["search"],
  // The portal receives search's layout as data; it names one search type, the view it hands to search.
  portal: ["content", "scripts", "util", "search/records.ts (types)"],
  eleventy: ["portal", "content", "browser", "util"],
  pipeline: ["content", "scripts", "portal", "search", "eleventy", "browser", "util"],
  importer: ["content", "scripts", "search", "util"],
  // The servers of npm start and npm run cms: the preview (pipeline, eleventy), the editor's files (content), and
  // /admin/ and its finder, made as the portal's /admin/ is (its collections, its script) and folding scripts as
  // search does.
  server: ["content", "scripts", "eleventy", "pipeline", "portal", "search", "browser", "util"],
  cli: ["content", "scripts", "portal", "search", "eleventy", "pipeline", "importer", "server", "util"],
};

function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: { target: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      found.push({ target: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      found.push({ target: (node.arguments[0] as ts.StringLiteral).text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((i) => i.target.startsWith("."))
    .map((i) => ({ ...i, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), i.target)) }));
}

describe("the shape of src/", () => {
  it("has stages that import only from the stages before them", () => {
    const crossings: string[] = [];
    for (const file of files) {
      const folder = file.split("/")[0]!;
      if (!(folder in MAY_IMPORT)) continue;
      for (const { target, typeOnly } of importsOf(file)) {
        const to = target.split("/")[0]!;
        if (to === folder || target === "dates.ts" || MAY_IMPORT[folder]!.includes(to)) continue;
        if (typeOnly && MAY_IMPORT[folder]!.includes(`${target} (types)`)) continue;
        crossings.push(`${file} imports ${target}`);
      }
    }
    assert.deepEqual(crossings, []);
  });

  it("has no file over 300 lines and no function over 100", () => {
    const tooLong: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(SRC, file), "utf8");
      const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
      if (lines > 300) tooLong.push(`${file}: ${lines} lines`);
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const from = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const to = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (to - from + 1 > 100) tooLong.push(`${file}:${from + 1}: a function of ${to - from + 1} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    assert.deepEqual(tooLong, []);
  });
});
