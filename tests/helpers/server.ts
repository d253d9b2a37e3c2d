/**
 * `npm start` and `npm run cms` in a scratch project, started as package.json starts them (one node process, in a
 * process group of its own so that a test can end it and everything under it), and raw HTTP requests to them with
 * whatever headers a test wants (fetch cannot set Host).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "../../src/util/free-port.ts";
import { REPO, type Project } from "./project.ts";

export interface RunningCli {
  child: ChildProcess;
  port: number;
  /** What it printed so far, both streams. */
  log(): string;
  /** Polls `probe` until it gives a value, for at most 90 s. */
  until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T>;
  stop(): Promise<void>;
}

/** The npm script's command line, read from package.json: `node --import tsx src/cli/serve.ts`. */
function scriptArguments(script: "start" | "cms"): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts[script]!.split(/\s+/);
  assert.equal(command, "node", `npm ${script} runs node itself, so that no wrapper process is left when it stops`);
  return args;
}

export async function startCli(project: Project, script: "start" | "cms", args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> {
  const port = await freePort();
  const child = spawn(process.execPath, [...scriptArguments(script), "--port", String(port), ...args], {
    cwd: project.root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > deadline) assert.fail(`${what} never happened; log:\n${log.slice(-3000)}`);
      await sleep(100);
    }
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await until("the server answering", async () => (/預覽 \(preview\): http/.test(log) ? true : undefined));
  return {
    child, port, log: () => log, until,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, sleep(5000)]);
    },
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to 127.0.0.1:`port` with exactly these headers (Host included, defaulting to the server's own). */
export function raw(port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: target, headers: { host: `127.0.0.1:${port}`, ...headers }, insecureHTTPParser: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A call to the editor's /api/v1, from the editor's own page unless `headers` say otherwise. */
export function apiCall(port: number, action: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawReply> {
  return raw(port, "POST", "/api/v1", { "content-type": "application/json", origin: `http://127.0.0.1:${port}`, ...headers },
    JSON.stringify({ action, params: { branch: "main", ...params } }));
}
