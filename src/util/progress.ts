/**
 * Progress of long work (a build's steps, a site's import), said the way its reader sees it: on a terminal one line
 * that updates in place four times a second; under CI (`CI=true`) or into a file or pipe, a plain line every 15
 * seconds. The line has each count in progress (articles loaded, pages rendered, shards indexed, pages imported)
 * with how many of how many, and an estimate of the time left. Work over in a few seconds prints nothing. Lines go
 * to standard error, so that a command's own output (the build's report, which the bench reads) stays as it is.
 */

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines. */
  plainEverySeconds?: number;
  /** The clock, in milliseconds (tests give their own). */
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  /** No timer: the caller calls `tick` (tests). */
  manual?: boolean;
}

export interface Counter {
  /** `count` more are done. */
  add(count?: number): void;
  /** This count is over: it leaves the line. */
  end(): void;
}

export interface Progress {
  /** A count in progress, shown as `label done / total`. */
  counter(label: string, total: number): Counter;
  /** The line as it stands. */
  line(): string;
  /** Prints the line if it is time to (the timer calls it). */
  tick(): void;
  /** Stops the timer, and ends the updating line on a terminal. */
  stop(): void;
}

/** "12 秒 (12 s)", "1 分 05 秒 (1 min 05 s)", "1 時 05 分 (1 h 5 min)". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} 秒 (${s} s)`;
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, "0");
  return m < 60 ? `${m} 分 ${rest} 秒 (${m} min ${rest} s)` : `${Math.floor(m / 60)} 時 ${String(m % 60).padStart(2, "0")} 分 (${Math.floor(m / 60)} h ${m % 60} min)`;
}

/** Work shorter than this prints no progress at all. */
const QUIET_MS = 3000;

export function progressLine(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const env = options.env ?? process.env;
  const updating = Boolean(stream.isTTY) && env.CI !== "true";
  // BROADSHEET_PROGRESS_SECONDS sets the plain lines' interval (0: as often as the clock ticks, for tests).
  const chosen = Number(env.BROADSHEET_PROGRESS_SECONDS ?? options.plainEverySeconds ?? 15);
  const plainEvery = Number.isFinite(chosen) && chosen >= 0 ? chosen * 1000 : 15_000;
  const every = updating ? 250 : plainEvery;
  const quiet = Math.min(QUIET_MS, plainEvery);
  const started = now();
  let lastPrinted = started;
  let printedUpdating = false;
  const counters = new Set<{ label: string; total: number; done: number; since: number }>();

  const line = () => {
    let left = 0;
    const parts = [...counters].map((c) => {
      const elapsed = (now() - c.since) / 1000;
      const rate = elapsed > 0 ? c.done / elapsed : 0;
      if (c.done < c.total) left = Math.max(left, rate > 0 ? (c.total - c.done) / rate : Infinity);
      const percent = c.total > 0 ? Math.floor((100 * c.done) / c.total) : 100;
      return `${c.label} ${c.done.toLocaleString("en")} / ${c.total.toLocaleString("en")} (${percent}%)`;
    });
    const eta = left === 0 ? "" : Number.isFinite(left) ? `；約 ${formatDuration(left)} 完成 (about that left)` : "；估算中 (estimating)";
    return `${parts.join("，")}${eta}`;
  };
  const print = () => {
    lastPrinted = now();
    if (counters.size === 0) return;
    if (updating) {
      stream.write(`\r\x1b[2K${line()}`);
      printedUpdating = true;
    } else {
      stream.write(`${line()}\n`);
    }
  };
  const tick = () => {
    if (now() - started >= quiet && now() - lastPrinted >= every) print();
  };
  const timer = options.manual ? undefined : setInterval(tick, Math.max(50, Math.min(every, 1000)));
  timer?.unref();
  return {
    counter(label, total) {
      const c = { label, total, done: 0, since: now() };
      counters.add(c);
      return {
        add: (count = 1) => {
          c.done += count;
          // Work that keeps the thread busy (loading articles) gives the timer no turn: it is looked at here too.
          tick();
        },
        end: () => {
          counters.delete(c);
        },
      };
    },
    line,
    tick,
    stop() {
      if (timer) clearInterval(timer);
      // The last state stays on the terminal; the next output starts on a line of its own.
      if (printedUpdating) stream.write("\n");
    },
  };
}
