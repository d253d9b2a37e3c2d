/**
 * Work done in a child Node process (a render batch, a search shard). The process is started ahead of its job, so
 * that it loads its modules (Eleventy, Pagefind) while this process works; it then reads its arguments, one JSON
 * array, on stdin (`workerArguments`), and reports by printing one JSON object on its last line of output.
 */
import { spawn, type ChildProcess } from "node:child_process";

export class WorkerError extends Error {
  constructor(message: string, readonly lines: string[]) {
    super(message);
    this.name = "WorkerError";
  }
}

export class Worker<T> {
  private readonly child: ChildProcess;
  private readonly report: Promise<T>;
  private started = false;

  /** Starts `script` (through tsx) in `cwd`, with `startArgs` on its command line; it waits for `run`. */
  constructor(script: string, cwd?: string, startArgs: readonly string[] = []) {
    this.child = spawn(process.execPath, ["--import", "tsx", script, ...startArgs], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    this.child.stdout!.on("data", (d) => (stdout += d));
    this.child.stderr!.on("data", (d) => (stderr += d));
    // A worker stopped before its job may close stdin under a write; the close event reports the outcome.
    this.child.stdin!.on("error", () => undefined);
    this.report = new Promise<T>((resolve, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code) => {
        if (code !== 0) return reject(new WorkerError(`exit ${code}`, [stderr.trim()]));
        try {
          resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as T);
        } catch {
          reject(new WorkerError("printed no report", [stdout.trim(), stderr.trim()]));
        }
      });
    });
    this.report.catch(() => undefined);
  }

  /** Hands the worker its arguments; resolves to its report, rejects with what it printed on error. */
  run(args: readonly string[]): Promise<T> {
    this.started = true;
    this.child.stdin!.end(`${JSON.stringify(args)}\n`);
    return this.report;
  }

  /** Ends a worker that was never given its job (a build that stopped before it was needed). */
  stop(): void {
    if (!this.started) this.child.kill();
  }
}

/** Starts `script` and runs it with `args` at once. */
export function runWorker<T>(script: string, args: readonly string[], cwd?: string): Promise<T> {
  return new Worker<T>(script, cwd).run(args);
}

/** In a worker script: the arguments its parent hands over. */
export async function workerArguments(): Promise<string[]> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text) as string[];
}
