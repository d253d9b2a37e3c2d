/**
 * Large texts kept out of the build's memory: article bodies (HTML and plain text) and their conversions to the
 * other script. The build keeps them on disk in its cache (one file a key, read when a page or a search shard needs
 * it), so that the build process holds an archive's metadata, not its text: 100,000 articles' bodies are gigabytes
 * in memory. The preview server keeps them in memory.
 *
 * Keys are content hashes made by the caller, with an optional suffix after a dot (`<digest>.zh-Hans`): a key's
 * group is the part before the dot. Like the memo (src/util/memo.ts), a store keeps what this round used: a group
 * is kept when any of its keys was put, read or `keep`-ed; `settle` forgets the rest. A file on disk starts with the
 * sha256 of the rest: one damaged (a garbled byte, a cut-short write) is removed and listed in `damaged`, and reads
 * as missing, so its caller makes the text again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface TextStore {
  /** Keeps `texts` under `key`. */
  put(key: string, texts: readonly string[]): void;
  /** The texts under `key`, or undefined when there are none (or they were damaged). */
  get(key: string): string[] | undefined;
  /** Keeps `group`'s texts through `settle` without reading them. */
  keep(group: string): void;
  /** Ends a round: what it did not use is forgotten. */
  settle(): void;
  /** Keys whose texts were damaged (on disk), so discarded, this round. */
  readonly damaged: string[];
}

/** The texts under `key`, or, when there are none, `make()`'s, put there for the next time. */
export function remembered(store: TextStore, key: string, make: () => string[]): string[] {
  const stored = store.get(key);
  if (stored) return stored;
  const made = make();
  store.put(key, made);
  return made;
}

const groupOf = (key: string) => {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
};

/** Texts in memory (the preview server, `npm run check`, tests). */
export class MemoryTextStore implements TextStore {
  private texts = new Map<string, string[]>();
  private used = new Set<string>();
  readonly damaged: string[] = [];

  put(key: string, texts: readonly string[]): void {
    this.texts.set(key, [...texts]);
    this.used.add(groupOf(key));
  }

  get(key: string): string[] | undefined {
    const texts = this.texts.get(key);
    if (texts) this.used.add(groupOf(key));
    return texts;
  }

  keep(group: string): void {
    this.used.add(group);
  }

  settle(): void {
    for (const key of this.texts.keys()) if (!this.used.has(groupOf(key))) this.texts.delete(key);
    this.used = new Set();
  }
}

const SUM = 64;

/** Texts in files under `dir` (the build cache), spread over 256 folders by the key's first two characters. */
export class DiskTextStore implements TextStore {
  private used = new Set<string>();
  private readonly folders = new Set<string>();
  readonly damaged: string[] = [];

  constructor(private readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  put(key: string, texts: readonly string[]): void {
    this.used.add(groupOf(key));
    const folder = path.join(this.dir, key.slice(0, 2));
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const payload = JSON.stringify(texts);
    writeFileSync(this.file(key), createHash("sha256").update(payload).digest("hex") + payload);
  }

  get(key: string): string[] | undefined {
    let bytes: string;
    try {
      bytes = readFileSync(this.file(key), "utf8");
    } catch {
      return undefined;
    }
    const payload = bytes.slice(SUM);
    if (bytes.slice(0, SUM) === createHash("sha256").update(payload).digest("hex")) {
      try {
        this.used.add(groupOf(key));
        return JSON.parse(payload) as string[];
      } catch {
        // A payload that matches its sum but is not ours: treated as damaged.
      }
    }
    this.damaged.push(key);
    rmSync(this.file(key), { force: true });
    return undefined;
  }

  keep(group: string): void {
    this.used.add(group);
  }

  /** Removes the files of groups this round did not use. */
  settle(): void {
    let folders: string[];
    try {
      folders = readdirSync(this.dir);
    } catch {
      folders = [];
    }
    for (const folder of folders) {
      const at = path.join(this.dir, folder);
      let names: string[];
      try {
        names = readdirSync(at);
      } catch {
        continue;
      }
      for (const name of names) if (!this.used.has(groupOf(name))) rmSync(path.join(at, name), { force: true });
    }
    this.used = new Set();
  }
}
