/**
 * Work done in a child Node process (a render batch, a search shard): the script runs through tsx and reports
 * by printing one JSON object on its last line of output.
 */
import { spawn } from "node:child_process";

export class WorkerError extends Error {
  constructor(message: string, readonly lines: string[]) {
    super(message);
    this.name = "WorkerError";
  }
}

/** Runs `script` with `args`; resolves to its report, rejects with what it printed on error. */
export function runWorker<T>(script: string, args: readonly string[], cwd?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new WorkerError(`exit ${code}`, [stderr.trim()]));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as T);
      } catch {
        reject(new WorkerError("printed no report", [stdout.trim(), stderr.trim()]));
      }
    });
  });
}
