/**
 * The site configuration file, content/_data/site.yaml: read as YAML by the same parser as front-matter,
 * overridden by the environment (src/content/site-config.ts applyEnvironment), and checked against its schema.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { schemaProblems } from "./field-problems.ts";
import { unreadable } from "./files.ts";
import type { Problem } from "./problems.ts";
import { applyEnvironment, ENVIRONMENT_OVERRIDES, publicFiles, siteSchema, type SiteConfig } from "./site-config.ts";
import { decodeSource, parseFrontMatter, type Split } from "./source-file.ts";

export const SITE_FILE = "content/_data/site.yaml";

export async function loadSiteConfig(root: string, env: NodeJS.ProcessEnv): Promise<{ site?: SiteConfig; lines?: Record<string, number>; problems: Problem[] }> {
  let source: Split;
  try {
    const bytes = await readFile(path.join(root, SITE_FILE));
    const decoded = decodeSource(bytes, SITE_FILE);
    // The configuration is all YAML; wrap it as front-matter so it is read by the same parser.
    source = decoded.ok ? parseFrontMatter(`---\n${decoded.text}\n---\n`, SITE_FILE, shift(decoded.warnings, 1)) : { ok: false, problems: [decoded.problem] };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { problems: [{ severity: "error", file: SITE_FILE, line: 1, field: "file", message: missing ? "is missing; the portal needs its site configuration" : unreadable(error) }] };
  }
  if (!source.ok) {
    // Front-matter lines are one below the file's because of the wrapper line.
    return { problems: source.problems.map((p) => ({ ...p, line: Math.max(1, p.line - 1) })) };
  }
  const fm = { ...source.frontMatter, warnings: shift(source.frontMatter.warnings, -1) };
  const parsed = siteSchema.safeParse(applyEnvironment(fm.data, env));
  // The YAML was wrapped in a front-matter line: the file's lines are one above.
  const lines = Object.fromEntries(Object.entries(fm.lines).map(([k, v]) => [k, v - 1]));
  if (parsed.success) {
    // Icons and the mark's picture are the site's own files: one that is not in public/ would be a broken picture.
    const missing = publicFiles(parsed.data).filter((f) => !existsSync(path.join(root, "public", ...f.path.split("/"))));
    return {
      site: parsed.data,
      lines,
      problems: [...fm.warnings, ...missing.map((f) => ({
        severity: "error", file: SITE_FILE, line: lines[f.field.split(".")[0]!] ?? 1, field: f.field,
        message: `public/ 裡沒有這個文件 (public${f.path})；把文件放進 public/ 或改正路徑 (is not a file in public/; put the file there or correct the path)`,
      }) satisfies Problem)],
    };
  }
  // A value the environment set is named as such: site.yaml's line is where it would be, not what was wrong.
  const problems = schemaProblems(parsed.error, { ...fm, lines }, SITE_FILE, Object.keys(siteSchema.shape)).map((p) => {
    const name = Object.hasOwn(ENVIRONMENT_OVERRIDES, p.field) ? ENVIRONMENT_OVERRIDES[p.field as keyof typeof ENVIRONMENT_OVERRIDES] : undefined;
    return name && env[name] ? { ...p, message: `${p.message}（這個值來自環境變數 ${name}；the value is from the environment variable ${name}）` } : p;
  });
  return { problems: [...fm.warnings, ...problems] };
}

/** Problems moved down `by` lines (the configuration is parsed wrapped in a front-matter line). */
function shift(problems: Problem[], by: number): Problem[] {
  return problems.map((p) => ({ ...p, line: p.line + by }));
}
