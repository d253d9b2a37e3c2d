import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { formatChineseDate, formatDisplay, formatIso, parseDate, referenceTime, yearMonth } from "../../src/dates.ts";

const iso = (text: string) => {
  const parsed = parseDate(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return formatIso(parsed.value);
};
const reason = (text: string) => {
  const parsed = parseDate(text);
  assert.ok(!parsed.ok, `${text} should be refused`);
  return parsed.reason;
};

describe("parseDate", () => {
  it("reads every format of the contract as Asia/Shanghai time", () => {
    assert.equal(iso("2020-07-16"), "2020-07-16T00:00:00+08:00");
    assert.equal(iso("2020-07-16 08:45"), "2020-07-16T08:45:00+08:00");
    assert.equal(iso("2020-07-16 08:45:30"), "2020-07-16T08:45:30+08:00");
    assert.equal(iso("2020-07-16T08:45"), "2020-07-16T08:45:00+08:00");
    assert.equal(iso("2020-07-16T08:45:30.250"), "2020-07-16T08:45:30+08:00");
  });

  it("converts an explicit offset to the site's zone", () => {
    assert.equal(iso("2020-07-16T00:45:00Z"), "2020-07-16T08:45:00+08:00");
    assert.equal(iso("2020-07-15T20:45:00-04:00"), "2020-07-16T08:45:00+08:00");
    assert.equal(iso("2020-07-16T08:45+0800"), "2020-07-16T08:45:00+08:00");
  });

  it("refuses impossible dates with the reason instead of rolling them over", () => {
    assert.equal(reason("2020-13-45"), "不是真實的日期：沒有 13 月 (is not a real date (month 13))");
    assert.match(reason("2021-02-29"), /day 29; February 2021 has 28 days/);
    assert.ok(parseDate("2020-02-29").ok, "2020 is a leap year");
    assert.match(reason("2020-06-31"), /day 31/);
    assert.match(reason("2020-07-16 24:00"), /hour 24/);
    assert.match(reason("2020-07-16 08:60"), /minute 60/);
    assert.match(reason("2020-07-16T08:45:00+15:00"), /offset/);
  });

  it("refuses other formats and says which to use", () => {
    for (const text of ["2020/07/16", "16-07-2020", "2020-7-16", "昨天", "2020-07-16 8:45", ""]) {
      assert.match(reason(text), /YYYY-MM-DD HH:mm/);
    }
  });

  it("gives the same instant whatever zone the process runs in", () => {
    // The process zone cannot be changed for Luxon after start; the build tests cover TZ in a child process.
    const parsed = parseDate("2020-07-16 08:45");
    assert.ok(parsed.ok);
    assert.equal(parsed.value.toUTC().toISO(), "2020-07-16T00:45:00.000Z");
    assert.equal(formatDisplay(parsed.value), "2020-07-16 08:45");
  });
});

describe("referenceTime", () => {
  it("takes SOURCE_DATE_EPOCH in seconds", () => {
    assert.equal(formatIso(referenceTime({ SOURCE_DATE_EPOCH: "1594860300" })), "2020-07-16T08:45:00+08:00");
  });
  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds", () => {
    assert.throws(() => referenceTime({ SOURCE_DATE_EPOCH: "2020-07-16" }), /whole number of seconds/);
  });
  it("falls back to the clock when SOURCE_DATE_EPOCH is unset", () => {
    const before = Date.now();
    const now = referenceTime({}).toMillis();
    assert.ok(now >= before - 1000 && now <= Date.now() + 1000);
  });
});

describe("date formats", () => {
  it("print what Luxon's patterns print, in any zone and from any zone", () => {
    const zones = ["Asia/Shanghai", "UTC", "America/St_Johns", "Asia/Kolkata", "Pacific/Chatham", "Europe/London"];
    // Every 23 days, 7 hours and 13 minutes from 1899 to 2040: daylight saving changes and odd offsets included.
    for (let ms = Date.UTC(1899, 0, 1); ms < Date.UTC(2040, 0, 1); ms += ((23 * 24 + 7) * 60 + 13) * 60_000) {
      for (const zone of zones) {
        const dt = DateTime.fromMillis(ms, { zone: zones[(ms / 60_000) % zones.length | 0]! });
        const z = dt.setZone(zone);
        assert.equal(formatDisplay(dt, zone), z.toFormat("yyyy-MM-dd HH:mm"));
        assert.equal(formatIso(dt, zone), z.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
        assert.equal(formatChineseDate(dt, zone), z.toFormat("yyyy年MM月dd日"));
        assert.deepEqual(yearMonth(dt, zone), { year: z.toFormat("yyyy"), month: z.toFormat("MM") });
      }
    }
  });
});

describe("parseDate before 1901", () => {
  it("refuses dates before 1901, which the zone database gives a local mean time offset", () => {
    for (const text of ["0000-01-01", "1900-12-31 23:59", "1900-12-31T15:00:00Z"]) {
      const parsed = parseDate(text);
      assert.equal(parsed.ok, false, text);
      if (!parsed.ok) assert.match(parsed.reason, /before 1901/);
    }
    const first = parseDate("1901-01-01 00:00");
    assert.ok(first.ok && first.value.toISO() === "1901-01-01T00:00:00.000+08:00");
  });
});
