/**
 * `npm run bench -- --import N`: a generated mirror of an old CMS with N articles (bench/legacy-mirror.ts) imported
 * into a scratch project with `npm run import -- DIR`, as an editor runs it: pages a second, and the second run's
 * time (every page already decided, read again only to see that it has not changed).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeLegacyMirror } from "./legacy-mirror.ts";

function importMirror(root: string, dir: string, jobs?: string): Promise<{ seconds: number; out: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/import.ts", dir, ...(jobs ? ["--jobs", jobs] : [])], {
      cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000" }, stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("close", (code) => (code === 0 ? resolve({ seconds: (performance.now() - t0) / 1000, out }) : reject(new Error(`import failed (${code}):\n${out}`))));
  });
}

export async function benchImport(root: string, count: number, jobs?: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "broadsheet-mirror-"));
  try {
    const t0 = performance.now();
    const mirror = await writeLegacyMirror(dir, count);
    const pages = mirror.articles.length + mirror.articles.reduce((n, a) => n + a.copies.length, 0) + mirror.others.length;
    console.log(`Generated a legacy mirror of ${count} articles, ${pages} pages (GBK, Big5, UTF-8) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const first = await importMirror(root, dir, jobs);
    console.log(`\nimport (process start included): ${first.seconds.toFixed(2)} s, ${(pages / first.seconds).toFixed(0)} pages a second`);
    console.log(first.out.trim().split("\n").map((l) => `  ${l}`).join("\n"));
    const again = await importMirror(root, dir, jobs);
    console.log(`\nthe same command again (nothing left to do): ${again.seconds.toFixed(2)} s`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
