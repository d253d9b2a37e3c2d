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

/** CPU seconds (user and system) a running process has used (0 where /proc cannot be read). */
export function processCpuSeconds(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the fields after it are plain numbers, utime and stime 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds (user and system) of this process's children that have ended and been waited for (0 without /proc). */
export function endedChildrenCpuSeconds(): number {
  try {
    // cutime and cstime, the 16th and 17th fields.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0;
  }
}
