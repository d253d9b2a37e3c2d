import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { isLauncher, launcherLinks, parentOf } from "../../src/util/launcher-watch.ts";

describe("launcher-watch", () => {
  it("knows npm and the shell npm runs a script in, and nothing above them", () => {
    for (const command of ["npm start --port 8080", "npm run cms", "/usr/bin/node /usr/lib/node_modules/npm/bin/npm-cli.js run cms",
      "sh -c node --import tsx src/cli/serve.ts", "/bin/sh -c node src/cli/cms.ts"]) assert.equal(isLauncher(command), true, command);
    for (const command of ["-bash", "bash", "/usr/sbin/sshd -D", "node --test tests/x.test.ts", "tmux", "npmx", ""]) {
      assert.equal(isLauncher(command), false, command);
    }
  });

  it("reads this process's parent, and stops at the first parent that is not a launcher", () => {
    assert.equal(parentOf(process.pid), process.ppid);
    const links = launcherLinks();
    assert.deepEqual(links[0], [process.pid, process.ppid]);
  });

  it("follows a script shell up to npm's stand-in, and no further", async () => {
    // `sh -c` is a launcher: from a child of it, the links reach this process (not a launcher) and stop.
    const child = spawn("sh", ["-c", `"${process.execPath}" -e "setTimeout(() => {}, 5000)"; true`], { stdio: "ignore" });
    let grandchild: number | undefined;
    try {
      for (let i = 0; i < 50 && grandchild === undefined; i++) {
        await new Promise((r) => setTimeout(r, 50));
        grandchild = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).map(Number).find(Boolean);
      }
      assert.ok(grandchild, "the shell started no node");
      assert.deepEqual(launcherLinks(grandchild), [[grandchild, child.pid], [child.pid, process.pid]]);
    } finally {
      if (grandchild) process.kill(grandchild, "SIGKILL");
      child.kill("SIGKILL");
    }
  });
});
