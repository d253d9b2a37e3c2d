/**
 * Scratch folders in the system temp folder (records handed to search processes, page batches handed to render
 * processes). Each is named after the process that made it, `broadsheet-<pid>-<purpose>-XXXXXX`, so that a build
 * killed before it could clean up is cleaned up by the next one: `sweepScratch` removes the folders of processes
 * that no longer run.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isRunning } from "./lock.ts";

const OURS = /^broadsheet-(\d+)-(?:search|render)-/;
/** Names used before folders carried their process: removed once they are a day old. */
const UNOWNED = /^broadsheet-(?:search|render)-/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function makeScratch(purpose: "search" | "render"): string {
  return mkdtempSync(path.join(tmpdir(), `broadsheet-${process.pid}-${purpose}-`));
}

/** Removes scratch folders left by builds that were killed; returns how many. */
export function sweepScratch(dir = tmpdir(), now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const owner = OURS.exec(name)?.[1];
    const full = path.join(dir, name);
    try {
      const left = owner !== undefined ? !isRunning(Number(owner)) : UNOWNED.test(name) && now - statSync(full).mtimeMs > DAY_MS;
      if (!left) continue;
      rmSync(full, { recursive: true, force: true });
      removed++;
    } catch {
      // Another user's folder, or gone already: not ours to mend.
    }
  }
  return removed;
}
