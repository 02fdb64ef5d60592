// Times, durations, field codecs and the log line format: the small pieces everything uses.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { decodeBackoff, decodeLabels, decodeLease, decodeWipLimit, encodeLease } from "../../src/ledger/fields.js";
import { chainHash, formatLogLine, parseLogLine } from "../../src/ledger/log.js";
import { formatDuration, formatTime, parseDuration, parseTime } from "../../src/model/time.js";
import { isLeaseExpired } from "../../src/rules/lease.js";

describe("times and durations", () => {
  it.each([
    ["2026-11-24T10:30:00Z", Date.UTC(2026, 10, 24, 10, 30)],
    ["2026-11-24T10:30:00.5Z", Date.UTC(2026, 10, 24, 10, 30, 0, 500)],
    ["2026-02-30T00:00:00Z", undefined],
    ["2026-11-24T24:00:00Z", undefined],
    ["2026-11-24T10:30:00+01:00", undefined],
    ["2026-11-24 10:30:00Z", undefined],
  ])("parseTime(%s)", (text, expected) => expect(parseTime(text)).toBe(expected));

  it("parseTime agrees with a reference built on a regular expression and Date", () => {
    const reference = (text: string): number | undefined => {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/.exec(text);
      if (!m) return undefined;
      const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const t = Date.UTC(y, mo - 1, d, h, mi, sec, m[7] ? Number(m[7].padEnd(3, "0")) : 0);
      const back = new Date(t);
      const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
      return same && h < 24 && mi < 60 && sec < 60 ? t : undefined;
    };
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const time = fc
      .tuple(
        fc.integer({ min: 1970, max: 2400 }),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.constantFrom("", ".5", ".25", ".125", ".1234"),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${ms}Z`);
    fc.assert(
      fc.property(fc.oneof(time, fc.string({ maxLength: 26 })), (text) => {
        expect(parseTime(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("formats times to the second in UTC", () => {
    expect(formatTime(Date.UTC(2026, 10, 24, 10, 30, 5, 999))).toBe("2026-11-24T10:30:05Z");
  });

  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["1d", 86_400_000],
    ["1.5h", undefined],
    ["m", undefined],
  ])("parseDuration(%s)", (text, expected) => expect(parseDuration(text)).toBe(expected));

  it("formats durations in the largest whole unit", () => {
    expect([1_800_000, 90_000, 86_400_000, 1500].map(formatDuration)).toEqual(["30m", "90s", "1d", "1500ms"]);
  });
});

describe("field codecs", () => {
  it("round-trips a lease", () => {
    const text = "bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m";
    const d = decodeLease(text);
    expect(d.ok && encodeLease(d.value)).toBe(text);
    expect(decodeLease("bob token=4 until=2026-11-24T10:30:00Z ttl=30m").ok).toBe(false);
    expect(decodeLease("bob@h token=0 until=2026-11-24T10:30:00Z ttl=30m").ok).toBe(false);
  });

  it("reads backoff ranges, WIP limits and labels, refusing what does not fit", () => {
    expect(decodeBackoff("1m..1h")).toEqual({ ok: true, value: { min: 60_000, max: 3_600_000 } });
    expect(decodeBackoff("1h..1m").ok).toBe(false);
    expect(decodeWipLimit("DOING=5, REVIEW=3")).toEqual({ ok: true, value: { DOING: 5, REVIEW: 3 } });
    expect(decodeWipLimit("WORKING=5").ok).toBe(false);
    expect(decodeLabels("automation, phase-3,docs")).toEqual({ ok: true, value: ["automation", "phase-3", "docs"] });
    expect(decodeLabels("two words").ok).toBe(false);
  });

  it("judges lease expiry by the lease's own time plus the skew margin", () => {
    const lease = { holder: "bob@h", token: 1, until: 1_000_000, ttl: 60_000 };
    expect(isLeaseExpired(lease, 1_000_000 + 30_000, 30_000)).toBe(false);
    expect(isLeaseExpired(lease, 1_000_000 + 30_001, 30_000)).toBe(true);
  });
});

describe("log lines", () => {
  it("formats and parses a line, quoting values with spaces, and chains the hash", () => {
    const line = formatLogLine(sha256Hex, "9f2c41aa07be", {
      time: Date.UTC(2026, 10, 24, 9),
      actor: "bob",
      role: "WORK",
      action: "add",
      target: "T-12",
      details: { title: 'Say "hi" ~ there', ttl: "30m" },
    });
    expect(line).toMatch(
      /^- 2026-11-24T09:00:00Z bob WORK add T-12 title="Say \\"hi\\" ~ there" ttl=30m ~ [0-9a-f]{12}$/,
    );
    const parsed = parseLogLine(line, 0);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.entry).toMatchObject({
      actor: "bob",
      role: "WORK",
      action: "add",
      target: "T-12",
      details: { title: 'Say "hi" ~ there', ttl: "30m" },
    });
    expect(parsed.entry.hash).toBe(chainHash(sha256Hex, "9f2c41aa07be", parsed.entry.body));
  });

  it("rejects lines without a hash or with a bad time, saying what was expected", () => {
    expect(parseLogLine("- 2026-11-24T09:00:00Z bob WORK add T-1", 0)).toMatchObject({
      ok: false,
      message: /Expected a log line/,
    });
    expect(parseLogLine("- yesterday bob WORK add T-1 ~ 0123456789ab", 0)).toMatchObject({
      ok: false,
      message: /Expected a UTC time/,
    });
  });
});
