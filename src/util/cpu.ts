/**
 * CPU time, for the build's report: how many of the machine's cores a build keeps busy, and where its CPU goes.
 * Each process reports its own; Linux's /proc gives a running child's (Pagefind's binary, read by the shard process
 * that started it, which does not wait for it to end).
 */
import { readFileSync } from "node:fs";

/** CPU seconds (user and system) this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ; 100 on every Linux Node runs on). */
const TICKS = 100;

/**
 * Seconds from two clock-tick fields of /proc/<pid>/stat, counted from the 3rd field (the command name, field 2, may
 * hold spaces; the fields after it are plain numbers); 0 where /proc cannot be read.
 */
function statSeconds(pid: number | "self", first: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[first - 3]) + Number(fields[first - 2])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds (user and system) a running process has used (utime and stime, the 14th and 15th fields). */
export function processCpuSeconds(pid: number): number {
  return statSeconds(pid, 14);
}

/** CPU seconds (user and system) of this process's children that have ended and been waited for (0 without /proc). */
export function endedChildrenCpuSeconds(): number {
  // cutime and cstime, the 16th and 17th fields.
  return statSeconds("self", 16);
}
