/** Process ids for tests of locks and scratch folders. */
import { spawn } from "node:child_process";

/** The id of a process that has just ended (so no process runs under it, barring reuse within the test). */
export function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve(child.pid!));
  });
}
