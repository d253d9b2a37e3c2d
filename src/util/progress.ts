/**
 * Progress of long work, said the way its reader sees it: on a terminal one line that updates in place (at most four
 * times a second); under CI (`CI=true`) or into a file or pipe, a plain line every 15 seconds. Each line has how
 * much of how many is done, the rate, and an estimate of the time left.
 */

export interface ProgressOptions {
  /** What is counted, for the line: "頁 (pages)". */
  unit: string;
  total: number;
  /** Where lines go (standard error by default, so that a command's output stays clean). */
  stream?: NodeJS.WriteStream;
  /** Seconds between plain lines. */
  plainEverySeconds?: number;
  /** The clock, in milliseconds (tests give their own). */
  now?: () => number;
  env?: NodeJS.ProcessEnv;
}

export interface Progress {
  /** `count` more are done. */
  add(count?: number): void;
  /** The line as it stands. */
  line(): string;
  /** Prints the last line (and ends the updating line on a terminal). */
  finish(): void;
}

/** "1 分 05 秒" (1 min 05 s), "12 秒" (12 s). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} 秒 (${s} s)`;
  const m = Math.floor(s / 60);
  const rest = String(s % 60).padStart(2, "0");
  return m < 60 ? `${m} 分 ${rest} 秒 (${m} min ${rest} s)` : `${Math.floor(m / 60)} 時 ${String(m % 60).padStart(2, "0")} 分 (${Math.floor(m / 60)} h ${m % 60} min)`;
}

export function progress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const env = options.env ?? process.env;
  const updating = Boolean(stream.isTTY) && env.CI !== "true";
  const started = now();
  let done = 0;
  let lastPrinted = started;
  const every = updating ? 250 : (options.plainEverySeconds ?? 15) * 1000;

  const line = () => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const percent = options.total > 0 ? Math.floor((100 * done) / options.total) : 100;
    const left = rate > 0 && done < options.total ? `，約 ${formatDuration((options.total - done) / rate)} 完成 (about that left)` : "";
    return `${done.toLocaleString("en")} / ${options.total.toLocaleString("en")} ${options.unit} (${percent}%)，每秒 ${rate.toFixed(rate < 10 ? 1 : 0)} (${rate.toFixed(rate < 10 ? 1 : 0)}/s)${left}`;
  };
  const print = (final: boolean) => {
    lastPrinted = now();
    if (updating) stream.write(`\r\x1b[2K${line()}${final ? "\n" : ""}`);
    else stream.write(`${line()}\n`);
  };
  return {
    add(count = 1) {
      done += count;
      if (now() - lastPrinted >= every) print(false);
    },
    line,
    finish() {
      print(true);
    },
  };
}
