/**
 * A memo of work done per content file (its parse and checks, its conversion to the other script), kept between
 * builds in a folder of the build cache. Keys are content hashes made by the caller, so a value is only ever found
 * for the very input it was made from. A build keeps what it asked for or added; the rest is dropped when it saves,
 * so the memo holds only what the current content uses.
 *
 * The entries are spread over BUCKETS v8-serialised files by a hash of their key, and a save rewrites only the
 * files whose entries changed: publishing one article rewrites one file, not a memo of the whole portal. A file that cannot be read, or that was written by other code (`fingerprint`), is
 * empty: deleting any of them, or the folder, is always safe. Each file starts with the sha256 of the rest: one
 * damaged on disk (a garbled byte deserialises into a wrong character without complaint) is discarded and listed
 * in `damaged`, and its entries are made again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

const BUCKETS = 64;

/** The bucket of a key (FNV-1a over its UTF-16 units). */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

const SUM_BYTES = 32;
const checksum = (payload: Uint8Array) => createHash("sha256").update(payload).digest();

const bucketFile = (dir: string, bucket: number) => path.join(dir, `${bucket.toString().padStart(2, "0")}.v8`);

export class Memo {
  private previous: Map<string, unknown>;
  private current = new Map<string, unknown>();
  /** Buckets that gained an entry this round. */
  private added = new Set<number>();

  /** An empty memo (kept in memory only, e.g. by the preview server between its rebuilds). */
  constructor(entries: Map<string, unknown> = new Map(), private readonly fingerprint = "") {
    this.previous = entries;
  }

  /** Files of the memo read from disk that were damaged, and so discarded. */
  readonly damaged: string[] = [];

  /** The memo saved in `dir` by code with the same `fingerprint` (what can be read of it), or an empty one. */
  static read(dir: string, fingerprint: string): Memo {
    const entries = new Map<string, unknown>();
    const damaged: string[] = [];
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const file = bucketFile(dir, bucket);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // Missing or unreadable: its entries are made again.
      }
      const payload = bytes.subarray(SUM_BYTES);
      try {
        if (!bytes.subarray(0, SUM_BYTES).equals(checksum(payload))) throw new Error("checksum");
        const saved = deserialize(payload) as { fingerprint?: unknown; entries?: unknown };
        if (saved.fingerprint !== fingerprint || !(saved.entries instanceof Map)) continue;
        for (const [key, value] of saved.entries as Map<string, unknown>) entries.set(key, value);
      } catch {
        damaged.push(file);
        rmSync(file, { force: true });
      }
    }
    const memo = new Memo(entries, fingerprint);
    memo.damaged.push(...damaged);
    return memo;
  }

  get<T>(key: string): T | undefined {
    const value = this.current.get(key) ?? this.previous.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.current.set(key, value);
    this.added.add(bucketOf(key));
  }

  /** Ends a round: what this round did not use is forgotten. Returns the buckets whose entries changed. */
  settle(): Set<number> {
    const count = (entries: Map<string, unknown>) => {
      const counts = new Array<number>(BUCKETS).fill(0);
      for (const key of entries.keys()) counts[bucketOf(key)]!++;
      return counts;
    };
    // A bucket with nothing added holds a subset of what it held: the same entries exactly when as many are left.
    const before = count(this.previous);
    const after = count(this.current);
    const changed = new Set(this.added);
    for (let bucket = 0; bucket < BUCKETS; bucket++) if (before[bucket] !== after[bucket]) changed.add(bucket);
    this.previous = this.current;
    this.current = new Map();
    this.added = new Set();
    return changed;
  }

  /** Ends the round and writes the buckets that changed into `dir`, each under a temporary name first. */
  save(dir: string): void {
    const changed = this.settle();
    if (changed.size === 0) return;
    mkdirSync(dir, { recursive: true });
    const byBucket = new Map<number, Map<string, unknown>>([...changed].map((b) => [b, new Map()]));
    for (const [key, value] of this.previous) byBucket.get(bucketOf(key))?.set(key, value);
    for (const [bucket, entries] of byBucket) {
      const file = bucketFile(dir, bucket);
      if (entries.size === 0) {
        rmSync(file, { force: true });
        continue;
      }
      const payload = serialize({ fingerprint: this.fingerprint, entries });
      writeFileSync(`${file}.partial`, Buffer.concat([checksum(payload), payload]));
      renameSync(`${file}.partial`, file);
    }
  }
}
