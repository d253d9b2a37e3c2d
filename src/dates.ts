/**
 * Every date of the portal goes through this module, in the site's time zone.
 *
 * The contract's formats: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm`, `YYYY-MM-DD HH:mm:ss`, or ISO 8601 with `T` and an
 * optional offset. A time without an offset is wall-clock time in the site's zone (Asia/Shanghai), whatever zone
 * the build machine runs in. Impossible dates are refused with the reason, never rolled over (Luxon would refuse
 * them too, but its explanation is not in an editor's terms).
 * https://moment.github.io/luxon/#/zones?id=specifying-a-zone
 */
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { UserError } from "./util/user-error.ts";

export const SITE_ZONE = "Asia/Shanghai";

/** The earliest year a date may have (see parseDate). */
export const EARLIEST_YEAR = 1901;
/** The latest: feeds, sitemaps and archive addresses write a year in four digits. */
export const LATEST_YEAR = 9999;

export type DateParse = { ok: true; value: DateTime } | { ok: false; reason: string };

const PLAIN = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31,
    30, 31][month - 1]!;
}

function offsetMinutes(text: string): number | string {
  if (text === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return `offset ${text} is out of range`;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** Parses a front-matter date; `zone` is the site's zone, used when the text has no offset. */
export function parseDate(input: string, zone: string = SITE_ZONE): DateParse {
  const text = input.trim();
  const plain = PLAIN.exec(text);
  const m = plain ?? ISO.exec(text);
  if (!m) {
    return {
      ok: false,
      reason: "不是認得的時間寫法；寫成 YYYY-MM-DD HH:mm，例如 2020-07-16 08:45 (is not a date in a known format; write it as YYYY-MM-DD HH:mm, e.g. 2020-07-16 08:45)",
    };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = Number(m[4] ?? "0");
  const minute = Number(m[5] ?? "0");
  const second = Number(m[6] ?? "0");
  const fraction = plain ? undefined : m[7];
  const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  if (month < 1 || month > 12) return { ok: false, reason: `不是真實的日期：沒有 ${month} 月 (is not a real date (month ${month}))` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      reason: `不是真實的日期：${year} 年 ${month} 月只有 ${daysInMonth(year, month)} 天 (is not a real date (day ${day}; ${MONTH_NAMES[month]} ${year} has ${daysInMonth(year, month)} days))`,
    };
  }
  if (hour > 23) return { ok: false, reason: `不是真實的時間：沒有 ${hour} 時 (is not a real time (hour ${hour}))` };
  if (minute > 59) return { ok: false, reason: `不是真實的時間：沒有 ${minute} 分 (is not a real time (minute ${minute}))` };
  if (second > 59) return { ok: false, reason: `不是真實的時間：沒有 ${second} 秒 (is not a real time (second ${second}))` };

  const offsetText = plain ? undefined : m[8];
  let dtZone: FixedOffsetZone | IANAZone;
  if (offsetText) {
    const offset = offsetMinutes(offsetText);
    if (typeof offset === "string") return { ok: false, reason: `不是真實的時間 (is not a real time (${offset}))` };
    dtZone = FixedOffsetZone.instance(offset);
  } else {
    dtZone = IANAZone.create(zone);
  }
  const value = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: dtZone });
  if (!value.isValid) return { ok: false, reason: `不是真實的日期 (is not a real date (${value.invalidExplanation ?? "invalid"}))` };
  // A wall-clock time the zone skipped (Shanghai's summer time of 1986-1991 moved 02:00 to 03:00) does not exist:
  // Luxon would move it on silently, and the contract says an impossible date is never rolled over.
  if (!offsetText && (value.day !== day || value.hour !== hour || value.minute !== minute)) {
    return {
      ok: false,
      reason: `在 ${zone} 不存在：那天撥快了時鐘（夏令時），沒有這個時刻；寫真實的時間，或加上時差，例如 ${text.replace(" ", "T")}+08:00 ` +
        `(does not exist in ${zone}: the clocks were put forward that day (summer time); write a time that happened, or give the offset)`,
    };
  }
  // Before 1901 the zone database gives Shanghai its local mean time (+08:05:43), which no feed or sitemap can
  // write: such a date would be off by seconds in every machine output.
  const zoned = value.setZone(zone);
  if (zoned.year < EARLIEST_YEAR) {
    return { ok: false, reason: `早於 ${EARLIEST_YEAR} 年，無法發布 (is before ${EARLIEST_YEAR}; check the year)` };
  }
  // Every machine output writes a year in four digits (and an archive folder is named by it).
  if (zoned.year > LATEST_YEAR) {
    return { ok: false, reason: `在 ${zone} 已是 ${zoned.year} 年，晚於 ${LATEST_YEAR} 年，無法發布 (falls in ${zoned.year} in ${zone}, after ${LATEST_YEAR}; check the year and the offset)` };
  }
  return { ok: true, value: zoned };
}

// Dates are parsed into the site's zone once; re-zoning one that is already there would make Luxon work out the
// zone's offset again (Intl.DateTimeFormat). The fields are printed by hand: Luxon's toFormat parses its pattern on
// every call, which is costly over the dates of a large portal.
interface Fields {
  date: string;
  time: string;
  seconds: string;
  offset: string;
  year: string;
  month: string;
  day: string;
  iso?: string;
}

// Kept for dates printed in their own zone (every date of the portal): one object a date, held while the date is.
const fieldsOf = new WeakMap<DateTime, Fields>();
const two = (n: number) => String(n).padStart(2, "0");

function fields(dt: DateTime, zone: string): Fields {
  const own = dt.zoneName === zone;
  let f = own ? fieldsOf.get(dt) : undefined;
  if (!f) {
    const z = own ? dt : dt.setZone(zone);
    const year = String(z.year).padStart(4, "0");
    const offset = Math.abs(z.offset);
    f = {
      year, month: two(z.month), day: two(z.day),
      date: `${year}-${two(z.month)}-${two(z.day)}`,
      time: `${two(z.hour)}:${two(z.minute)}`,
      seconds: two(z.second),
      offset: `${z.offset < 0 ? "-" : "+"}${two(Math.trunc(offset / 60))}:${two(Math.trunc(offset % 60))}`,
    };
    if (own) fieldsOf.set(dt, f);
  }
  return f;
}

/** `2020-07-16 08:45`, the contract's display form, in the site's zone. */
export function formatDisplay(dt: DateTime, zone: string = SITE_ZONE): string {
  const f = fields(dt, zone);
  return `${f.date} ${f.time}`;
}

/** `2020-07-16T08:45:00+08:00`, for machines (time elements, JSON-LD, sitemaps, feeds). */
export function formatIso(dt: DateTime, zone: string = SITE_ZONE): string {
  const f = fields(dt, zone);
  // Kept with the fields: every page that lists an article prints it (sitemaps, lists, feeds).
  return (f.iso ??= `${f.date}T${f.time}:${f.seconds}${f.offset}`);
}

/** `07-16` for a date in `year`, `2019-07-16` for one in another year: the date column of a portal's dense lists. */
export function formatListDate(dt: DateTime, year: string, zone: string = SITE_ZONE): string {
  const f = fields(dt, zone);
  return f.year === year ? f.date.slice(5) : f.date;
}

/** `2020年07月16日`, for archive headings and lists. */
export function formatChineseDate(dt: DateTime, zone: string = SITE_ZONE): string {
  const f = fields(dt, zone);
  return `${f.year}年${f.month}月${f.day}日`;
}

export function yearMonth(dt: DateTime, zone: string = SITE_ZONE): { year: string; month: string } {
  const f = fields(dt, zone);
  return { year: f.year, month: f.month };
}

/** True when `zone` is a time zone Luxon knows (an IANA name such as Asia/Shanghai). */
export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The build's one reading of "now" (the contract's build reference time): SOURCE_DATE_EPOCH in seconds when set,
 * else the moment the build starts. https://reproducible-builds.org/specs/source-date-epoch/
 */
export function referenceTime(env: NodeJS.ProcessEnv = process.env, zone: string = SITE_ZONE): DateTime {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw.trim() !== "") {
    const seconds = /^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    const time = Number.isFinite(seconds) ? DateTime.fromSeconds(seconds, { zone }) : undefined;
    if (!time?.isValid || time.year > LATEST_YEAR) {
      throw new UserError(`SOURCE_DATE_EPOCH 應是 1970 年以來的秒數（整數，到 ${LATEST_YEAR} 年為止），例如 1594860300，不是 ${JSON.stringify(raw.slice(0, 40))} ` +
        `(SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to the year ${LATEST_YEAR}, e.g. 1594860300; unset it to build at the current time)`);
    }
    return time;
  }
  return DateTime.now().setZone(zone);
}
