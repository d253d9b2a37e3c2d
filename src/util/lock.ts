/**
 * Lock files, so that two builds never work in one output folder or one build cache at once (the second waits for
 * the first, then builds). A lock file names its holder: the process id, the process's start time and the
 * machine's boot (Linux's /proc; the id alone elsewhere). A lock whose holder no longer runs (a build killed with
 * SIGKILL, a machine restarted) is taken over, and so is one whose id now belongs to another process (ids are
 * reused, above all after a restart): that process started at another time, or in another boot.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "./user-error.ts";

export class LockError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "LockError";
  }
}

export interface Lock {
  release(): void;
}

export interface LockOptions {
  /** What the lock guards, in the build's report: `_site/`. */
  what: string;
  /** How long to wait for a running holder before giving up. */
  waitMs: number;
  log: (line: string) => void;
  /** How often to look again. */
  pollMs?: number;
}

/** Whether a process with this id runs (one of another user counts). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The machine's boot, on Linux; empty elsewhere. */
function bootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return "";
  }
}

/** When the process `pid` started, in clock ticks since boot (field 22 of /proc/PID/stat); empty when unknown. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/** What a lock file says of its holder: `pid start boot`. */
export function holderStamp(pid: number): string {
  return `${pid} ${processStart(pid)} ${bootId()}`.trimEnd();
}

/** Whether the holder a lock file names is still the process that wrote it. */
function holderRuns(text: string): boolean {
  const [pidText, start, boot] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!isRunning(pid)) return false;
  if (boot && bootId() && boot !== bootId()) return false;
  const now = processStart(pid);
  return !(start && now && start !== now);
}

/** A holder that wrote nothing for this long died between making the file and writing its id. */
const SILENT_HOLDER_MS = 10_000;

export async function acquireLock(file: string, options: LockOptions): Promise<Lock> {
  const started = Date.now();
  const mine = `${holderStamp(process.pid)}\n`;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      return {
        release: () => {
          try {
            if (readFileSync(file, "utf8") === mine) unlinkSync(file);
          } catch {
            // Gone already.
          }
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        throw new LockError(`無法建立鎖定檔 ${file} (cannot make the lock file: ${code}); check that the folder is writable by this user`);
      }
    }
    const holder = readHolder(file);
    if (holder.stale) {
      takeOver(file, holder.text);
      continue;
    }
    if (Date.now() - started > options.waitMs) {
      throw new LockError(`另一個構建 (程序 ${holder.pid}) 仍在使用 ${options.what} (another build, process ${holder.pid}, is still using ` +
        `${options.what} after ${Math.round(options.waitMs / 1000)} s); wait for it to finish, or stop it, then build again`);
    }
    if (!told) {
      options.log(`另一個構建 (程序 ${holder.pid}) 正在使用 ${options.what}，等它完成… (another build, process ${holder.pid}, is using ${options.what}; waiting for it)`);
      told = true;
    }
    await sleep(options.pollMs ?? 200);
  }
}

function readHolder(file: string): { pid: number; text: string; stale: boolean } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // Released between our attempt and this read: try again at once.
    return { pid: 0, text: "", stale: false };
  }
  const pid = Number(text.trim().split(/\s+/)[0]);
  if (text.trim() === "") {
    let age = 0;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return { pid: 0, text, stale: false };
    }
    return { pid: 0, text, stale: age > SILENT_HOLDER_MS };
  }
  return { pid, text, stale: !holderRuns(text) };
}

/** Removes a dead holder's lock: moved aside first, so that of two builds taking over only one removes it. */
function takeOver(file: string, text: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  try {
    // Another build took over and locked in between: put its lock back.
    if (readFileSync(aside, "utf8") !== text) renameSync(aside, file);
    else unlinkSync(aside);
  } catch {
    // Nothing to undo.
  }
}
