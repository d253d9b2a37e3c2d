/**
 * A memo of work done per content file (its parse and checks, its conversion to the other script), kept between
 * builds in one v8-serialised file of the build cache. Keys are content hashes made by the caller, so a value is
 * only ever found for the very input it was made from. A build keeps what it asked for or added; the rest is
 * dropped when it saves, so the file holds only what the current content uses. A file that cannot be read, or
 * that was written by other code (`fingerprint`), is an empty memo: deleting it is always safe.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";

export class Memo {
  private previous: Map<string, unknown>;
  private current = new Map<string, unknown>();
  private added = 0;

  /** An empty memo (kept in memory only, e.g. by the preview server between its rebuilds). */
  constructor(entries: Map<string, unknown> = new Map(), private readonly fingerprint = "") {
    this.previous = entries;
  }

  /** The memo saved in `file` by code with the same `fingerprint`, or an empty one. */
  static read(file: string, fingerprint: string): Memo {
    try {
      const saved = deserialize(readFileSync(file)) as { fingerprint?: unknown; entries?: unknown };
      if (saved.fingerprint === fingerprint && saved.entries instanceof Map) return new Memo(saved.entries, fingerprint);
    } catch {
      // Missing or unreadable: start afresh.
    }
    return new Memo(new Map(), fingerprint);
  }

  get<T>(key: string): T | undefined {
    const value = this.current.get(key) ?? this.previous.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.current.set(key, value);
    this.added++;
  }

  /** Ends a round: what this round did not use is forgotten. Returns whether anything changed. */
  settle(): boolean {
    const changed = this.added > 0 || this.current.size !== this.previous.size;
    this.previous = this.current;
    this.current = new Map();
    this.added = 0;
    return changed;
  }

  /** Ends the round and writes the memo to `file` (under a temporary name first) when it changed. */
  save(file: string): void {
    if (!this.settle()) return;
    writeFileSync(`${file}.partial`, serialize({ fingerprint: this.fingerprint, entries: this.previous }));
    renameSync(`${file}.partial`, file);
  }
}
