/**
 * The digests of files the build has read before, known again by their inode and times instead of by reading them.
 * A rebuild checks tens of thousands of files whose bytes it has hashed before (the recycled output, the cached
 * search shards): reading and hashing them all again costs seconds; asking the filesystem costs a tenth of that.
 *
 * A file is known by its device and inode, and its digest is trusted only while its size, modification time and
 * change time are the ones recorded. The change time (ctime) is set by the kernel on every write, truncation,
 * rename over it or `touch`, and no program can set it back, so a file edited in place is always read again. A
 * file changed too recently when it was hashed is not recorded, since a second write within the same tick of the
 * filesystem's clock would leave ctime as it was: too recently is 50 ms where the filesystem keeps times finer than
 * a second (Linux stamps files at most a few milliseconds apart), two seconds where its times are whole seconds
 * (FAT keeps two-second times). Such a file is read again next time. Deleting the record (in the build cache) is
 * always safe: every file is then read.
 *
 * The record keeps the files asked about in this build and, once more, those asked about in the build before: a
 * rebuild recycles the output of the build before last (src/pipeline/output.ts), so two trees take turns.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { digest } from "./files.ts";

/** How long ago a file must have changed to be recorded, in milliseconds: where the filesystem keeps times finer than a second, and where it keeps whole seconds. */
export interface Settled {
  fine: number;
  coarse: number;
}
const SETTLED: Settled = { fine: 50, coarse: 2000 };
const SECOND_NS = 1_000_000_000n;

interface FileStat {
  /** Device and inode. */
  id: string;
  /** Size, modification and change times: what must be as recorded. */
  times: string;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

function fileStat(file: string): FileStat | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    if (!stat.isFile()) return undefined;
    return { id: `${stat.dev}:${stat.ino}`, times: `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
  } catch {
    return undefined;
  }
}

interface Saved {
  /** Files asked about in the last build, then in the one before: device:inode to size:mtime:ctime:digest. */
  last: Record<string, string>;
  before: Record<string, string>;
}

export class StatDigests {
  private readonly seen = new Map<string, string>();
  /** Files noted too soon after they were written, recorded at `save` if unchanged. */
  private pending: { file: string; times: string; sum: string }[] = [];

  private readonly fineNs: bigint;
  private readonly coarseNs: bigint;

  private constructor(private readonly file: string | undefined, private readonly last: Map<string, string>,
    private readonly before: Map<string, string>, settled: Settled) {
    this.fineNs = BigInt(settled.fine) * 1_000_000n;
    this.coarseNs = BigInt(settled.coarse) * 1_000_000n;
  }

  /** The record kept at `file` (none, or an unreadable one, is an empty record). */
  static read(file: string, settled = SETTLED): StatDigests {
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as Saved;
      return new StatDigests(file, new Map(Object.entries(saved.last)), new Map(Object.entries(saved.before)), settled);
    } catch {
      // Missing or damaged: every file is read.
      return new StatDigests(file, new Map(), new Map(), settled);
    }
  }

  /** A record kept in memory only (nothing is trusted that was not hashed by this one). */
  static inMemory(settled = SETTLED): StatDigests {
    return new StatDigests(undefined, new Map(), new Map(), settled);
  }

  /** The digest of `file` (as `digest` in files.ts), or undefined when it cannot be read; bound, to be passed as it is. */
  readonly digest = (file: string): string | undefined => {
    const stat = fileStat(file);
    if (!stat) return undefined;
    const entry = this.seen.get(stat.id) ?? this.last.get(stat.id) ?? this.before.get(stat.id);
    if (entry !== undefined && entry.startsWith(`${stat.times}:`)) {
      this.seen.set(stat.id, entry);
      return entry.slice(stat.times.length + 1);
    }
    let sum: string;
    try {
      sum = digest(readFileSync(file));
    } catch {
      return undefined;
    }
    this.record(stat, sum);
    return sum;
  };

  /**
   * Records the digest of a file the build has just written with bytes it hashed (a page it rendered or placed), so
   * that the next build that recycles it does not read it. Just written, it is recorded when the record is saved,
   * if its times are still the same then (the staging folder is the build's own: nothing else writes there).
   */
  note(file: string, sum: string): void {
    const stat = fileStat(file);
    if (stat && !this.record(stat, sum)) this.pending.push({ file, times: stat.times, sum });
  }

  /** Records a file's digest if the file changed long enough ago; false if it changed too recently. */
  private record(stat: FileStat, sum: string): boolean {
    const now = BigInt(Date.now()) * 1_000_000n;
    const changed = stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs;
    const fine = stat.ctimeNs % SECOND_NS !== 0n || stat.mtimeNs % SECOND_NS !== 0n;
    if (now - changed < (fine ? this.fineNs : this.coarseNs)) return false;
    this.seen.set(stat.id, `${stat.times}:${sum}`);
    return true;
  }

  /** Keeps the files asked about in this build and in the last one (older ones are forgotten), under a temporary name first. */
  save(): void {
    for (const { file, times, sum } of this.pending) {
      const stat = fileStat(file);
      if (stat?.times === times) this.record(stat, sum);
    }
    this.pending = [];
    if (!this.file) return;
    const before = Object.fromEntries([...this.last].filter(([id]) => !this.seen.has(id)));
    try {
      writeFileSync(`${this.file}.partial`, JSON.stringify({ last: Object.fromEntries(this.seen), before } satisfies Saved));
      renameSync(`${this.file}.partial`, this.file);
    } catch {
      // Only a shortcut: the next build reads the files.
    }
  }
}
