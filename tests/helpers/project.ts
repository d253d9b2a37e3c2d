/**
 * A scratch copy of the project for build tests: the real code (linked), a real copy of the content, and the
 * commands run as an editor or CI would run them, in a child process with the environment the test chooses.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder } from "../../src/util/files.ts";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LINKED = ["src", "templates", "public", "node_modules", ".eleventy.ts", "package.json", "tsconfig.json", "bench"];

export interface Project {
  root: string;
  write(file: string, text: string | Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
  read(file: string): Promise<string>;
  run(script: "build" | "check" | "import" | "new", env?: NodeJS.ProcessEnv, args?: string[], as?: { uid: number; gid: number }): Promise<RunResult>;
  /** sha256 of every file under a folder, by relative path. */
  hashTree(dir?: string): Promise<Map<string, string>>;
  dispose(): Promise<void>;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A new project with the repository's content (`withContent`) or only its site configuration. */
export async function createProject(options: { withContent?: boolean } = {}): Promise<Project> {
  const root = await mkdtemp(path.join(tmpdir(), "broadsheet-test-"));
  for (const name of LINKED) await symlink(path.join(REPO, name), path.join(root, name));
  if (options.withContent ?? true) {
    await cp(path.join(REPO, "content"), path.join(root, "content"), { recursive: true });
  } else {
    await mkdir(path.join(root, "content/_data"), { recursive: true });
    await cp(path.join(REPO, "content/_data/site.yaml"), path.join(root, "content/_data/site.yaml"));
  }
  const project: Project = {
    root,
    async write(file, text) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    },
    async remove(file) {
      await rm(path.join(root, file), { force: true });
    },
    read: (file) => readFile(path.join(root, file), "utf8"),
    run: (script, env = {}, args = [], as) => runScript(root, script, env, args, as),
    async hashTree(dir = "_site") {
      const hashes = new Map<string, string>();
      for (const file of filesUnder(path.join(root, dir))) {
        hashes.set(file, createHash("sha256").update(await readFile(path.join(root, dir, file))).digest("hex"));
      }
      return hashes;
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  return project;
}

function runScript(root: string, script: string, env: NodeJS.ProcessEnv, args: string[], as?: { uid: number; gid: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO, "node_modules/.bin/tsx"), [`src/cli/${script}.ts`, ...args], {
      cwd: root,
      ...(as ?? {}),
      env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** An article file's text from fields, for fixtures. */
export function article(fields: Record<string, string>, body = "正文段落。"): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

export const VALID = {
  title: "測試文章",
  date: "2021-03-04 09:05",
  source: "遼寧法制報",
  author: "記者 王明",
  channel: "政法要聞",
};
