/**
 * A long-running command (`npm start`, `npm run cms`) ends when the command that launched it is gone, however that
 * one ended. `npm run` starts the script through a shell (`npm` → `sh -c` → node): a terminal's Ctrl+C or hang-up
 * reaches all three, but `kill -9` of npm (a closed IDE task, a killed CI step) leaves the shell and the server
 * behind, still holding the port and the editor's write access. So the links from this process up through its
 * launchers (npm, and the `sh -c` it runs scripts with) are read once, and again every second: when any of those
 * processes has been given another parent, a launcher has ended, and so does this process. Links above the
 * launchers (the editor's own shell) are not watched, so `nohup npm start &` outlives its terminal as asked.
 * Linux's /proc only; elsewhere nothing is watched.
 */
import { readFileSync } from "node:fs";

/** The parent id of `pid` (field 4 of /proc/PID/stat, after the command name in parentheses), or undefined. */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** The command line of `pid`, its arguments joined by spaces. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** npm itself (its title `npm start`, `npm run cms`, or node running npm-cli.js), or the shell npm runs a script in. */
export function isLauncher(command: string): boolean {
  return /^(?:\S*\/)?npm(?:\s|$)|npm-cli\.js|^(?:\S*\/)?(?:sh|dash|bash) -c /.test(command);
}

/** The (process, parent) links to watch: this process's own, then each launcher's while the parent is one. */
export function launcherLinks(self = process.pid): [number, number][] {
  const links: [number, number][] = [];
  let pid = self;
  for (let depth = 0; depth < 8; depth++) {
    const parent = parentOf(pid);
    if (parent === undefined || parent <= 1) break;
    links.push([pid, parent]);
    if (!isLauncher(commandLine(parent))) break;
    pid = parent;
  }
  return links;
}

/** Calls `onGone` (once) when a launcher of this process has ended; the check never keeps the process alive. */
export function whenLauncherEnds(onGone: () => void, everyMs = 1000): void {
  const links = launcherLinks();
  if (links.length === 0) return;
  const timer = setInterval(() => {
    if (links.every(([pid, parent]) => parentOf(pid) === parent)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}
