/**
 * The word directory: which shards of the index hold each search word, so that a query opens only the shards that
 * can answer it (a rare name costs one shard, whatever the size of the archive). Written next to the shards as
 * `pagefind/words/<bucket>.pf_words`: each bucket a gzipped JSON object from word to the positions of the shards that
 * hold it, a word's bucket being a hash of it. A query reads one bucket per word it looks up.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { gzipSync } from "node:zlib";
import { bucketOf } from "./word-buckets.ts";

export const DIRECTORY_FOLDER = "pagefind/words/";

/**
 * The number of buckets for records of this many characters (`recordWeight`), known before any shard is indexed (the
 * search page, made meanwhile, needs it): a power of two from 16 to 16,384, about one bucket for 10,000 characters,
 * which in news text is a bucket of some 2 KB gzipped. A whole headline looks up nine words' buckets: at one bucket for
 * 40,000 characters they cost 75 KB of its 300.
 */
export function bucketCount(characters: number): number {
  let buckets = 16;
  while (buckets < 16384 && buckets * 10_000 < characters) buckets *= 2;
  return buckets;
}

/**
 * Writes the directory under `siteDir` from each shard's list of words (`wordFiles`, in shard order, one a line,
 * sorted). The lists are merged as they are read, smallest word first, so that neither every word of the archive nor
 * a table of them is ever held: each bucket gets its words already in order (the same words always make the same bytes).
 */
export function writeDirectory(wordFiles: readonly string[], siteDir: string, buckets: number): void {
  // Each bucket's JSON, built as the words come (words are letters and digits only: src/search/tokens.ts, so they
  // are quoted as they are).
  const pieces: string[] = Array.from({ length: buckets }, () => "");
  const readers = wordFiles.map((file) => new LineReader(file));
  // A heap of the shards by their next word (ties by shard), so each word comes out once with its shards in order.
  const heap = new ShardHeap(readers);
  while (heap.size > 0) {
    const word = heap.peekWord();
    let shards = String(heap.advance());
    while (heap.size > 0 && heap.peekWord() === word) shards += `,${heap.advance()}`;
    const bucket = bucketOf(word, buckets);
    pieces[bucket] += `${pieces[bucket] ? "," : ""}"${word}":[${shards}]`;
  }
  const dir = path.join(siteDir, DIRECTORY_FOLDER);
  mkdirSync(dir, { recursive: true });
  const names = new Set(pieces.map((_, bucket) => `${bucket}.pf_words`));
  pieces.forEach((words, bucket) => writeFileSync(path.join(dir, `${bucket}.pf_words`), gzipSync(`{${words}}`, { level: 9 })));
  // A recycled output may hold buckets of a directory that had more of them.
  for (const name of readdirSync(dir)) if (!names.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** The lines of a file, read a block at a time. */
class LineReader {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(1 << 16);
  private readonly decoder = new StringDecoder("utf8");
  private lines: string[] = [];
  private next = 0;
  private rest = "";
  private done = false;

  constructor(file: string) {
    this.fd = openSync(file, "r");
  }

  /** The next non-empty line, or undefined at the end. */
  read(): string | undefined {
    for (;;) {
      while (this.next < this.lines.length) {
        const line = this.lines[this.next++]!;
        if (line) return line;
      }
      if (this.done) return undefined;
      const n = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      if (n === 0) {
        this.done = true;
        closeSync(this.fd);
        this.lines = [this.rest];
        this.rest = "";
      } else {
        const text = this.rest + this.decoder.write(this.buffer.subarray(0, n));
        const last = text.lastIndexOf("\n");
        this.lines = text.slice(0, Math.max(0, last)).split("\n");
        this.rest = text.slice(last + 1);
      }
      this.next = 0;
    }
  }
}

/** A binary heap of shards ordered by their current word, then by shard (two arrays: no object a word). */
class ShardHeap {
  private readonly words: string[] = [];
  private readonly shards: number[] = [];

  constructor(private readonly readers: LineReader[]) {
    readers.forEach((reader, shard) => this.push(reader.read(), shard));
  }

  get size(): number {
    return this.words.length;
  }

  peekWord(): string {
    return this.words[0]!;
  }

  /** Takes the smallest entry's shard and moves that shard on to its next word. */
  advance(): number {
    const shard = this.shards[0]!;
    const word = this.readers[shard]!.read();
    if (word !== undefined) {
      this.words[0] = word;
    } else {
      const lastWord = this.words.pop()!;
      const lastShard = this.shards.pop()!;
      if (this.words.length === 0) return shard;
      this.words[0] = lastWord;
      this.shards[0] = lastShard;
    }
    this.down(0);
    return shard;
  }

  private push(word: string | undefined, shard: number): void {
    if (word === undefined) return;
    this.words.push(word);
    this.shards.push(shard);
    let i = this.words.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.words.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.words[a]!;
    const y = this.words[b]!;
    return x < y || (x === y && this.shards[a]! < this.shards[b]!);
  }

  private swap(a: number, b: number): void {
    const w = this.words[a]!;
    this.words[a] = this.words[b]!;
    this.words[b] = w;
    const s = this.shards[a]!;
    this.shards[a] = this.shards[b]!;
    this.shards[b] = s;
  }
}
