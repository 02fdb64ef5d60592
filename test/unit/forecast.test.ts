// The forecast against histories where the truth is known: a constant throughput gives the
// obvious date; on random histories the 85% date covers the real finish in at least 80% of
// 200 backtests; too little history gives the sentence; the same seed gives the same output.

import { describe, expect, it } from "vitest";
import { FORECAST_DEFAULTS, forecast, seededRandom } from "../../src/rules/forecast.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Done times for `perDay[d]` tasks on day d after T0 (spread over the day). */
function doneTimesOf(perDay: readonly number[]): number[] {
  const out: number[] = [];
  perDay.forEach((n, d) => {
    for (let k = 0; k < n; k++) out.push(T0 + d * DAY + ((k + 1) * DAY) / (n + 1));
  });
  return out;
}

describe("forecast", () => {
  it("with a constant throughput of k a day, says ceil(remaining / k) days at every likelihood", () => {
    for (const [k, remaining] of [
      [1, 30],
      [3, 10],
      [5, 100],
      [2, 1],
    ] as const) {
      const now = T0 + 40 * DAY;
      const f = forecast({
        doneTimes: doneTimesOf(Array(40).fill(k)),
        addedTimes: [T0],
        remaining,
        now,
        since: T0,
        seed: 3,
      });
      expect(f.kind).toBe("forecast");
      if (f.kind !== "forecast") continue;
      const expected = now + Math.ceil(remaining / k) * DAY;
      expect([f.p50, f.p85, f.p95]).toEqual([expected, expected, expected]);
      expect(f.doneInWindow).toBe(30 * k);
      expect(f.windowDays).toBe(FORECAST_DEFAULTS.windowDays);
    }
  });

  it("gives the chance of meeting the due time: 1 when due at the obvious date, 0 a day before", () => {
    const now = T0 + 40 * DAY;
    const base = { doneTimes: doneTimesOf(Array(40).fill(2)), addedTimes: [], remaining: 10, now, since: T0, seed: 1 };
    const on = forecast({ ...base, due: now + 5 * DAY });
    const late = forecast({ ...base, due: now + 5 * DAY - 1 });
    expect(on.kind === "forecast" && on.onTime).toBe(1);
    expect(late.kind === "forecast" && late.onTime).toBe(0);
  });

  it("covers the real finish with its 85% date in at least 80% of 200 backtests on random histories", () => {
    const random = seededRandom(2026);
    let covered = 0;
    let tried = 0;
    while (tried < 200) {
      // A history: each day's throughput drawn from a distribution of its own (a team's mean
      // rate and how bursty it is, with quiet days), for 120 days; 150..600 tasks to do.
      const mean = 0.5 + random() * 6;
      const quiet = random() * 0.4;
      const total = 150 + Math.floor(random() * 450);
      const perDay: number[] = [];
      let done = 0;
      while (done < total) {
        const n = random() < quiet ? 0 : Math.floor(random() * 2 * mean + 0.5);
        perDay.push(Math.min(n, total - done));
        done += Math.min(n, total - done);
      }
      const realFinishDay = perDay.length; // the day after the last one with work
      // Stop at day d (after 30..60 days of history, with work left), forecast, compare.
      const d = 30 + Math.floor(random() * 30);
      if (d >= realFinishDay) continue;
      const doneBefore = perDay.slice(0, d).reduce((a, b) => a + b, 0);
      const now = T0 + d * DAY;
      const f = forecast({
        doneTimes: doneTimesOf(perDay.slice(0, d)),
        addedTimes: [T0],
        remaining: total - doneBefore,
        now,
        since: T0,
        seed: tried + 1,
        trials: 2000,
      });
      if (f.kind !== "forecast") continue;
      tried++;
      if (f.p85 !== null && T0 + realFinishDay * DAY <= f.p85) covered++;
    }
    if (process.env.FORECAST_VERBOSE) console.log(`85% date covered ${covered} of ${tried}`);
    expect(covered / tried).toBeGreaterThanOrEqual(0.8);
  });

  it("says it cannot know, and why, with too little history, none in the window, or growing scope", () => {
    const now = T0 + 40 * DAY;
    const few = forecast({
      doneTimes: doneTimesOf([...Array(35).fill(0), 3, 2, 2, 1, 1]),
      addedTimes: [],
      remaining: 20,
      now,
      since: T0,
      seed: 1,
    });
    expect(few.kind).toBe("unknown");
    expect(few.kind === "unknown" && few.sentence).toBe(
      "Cannot forecast: only 9 tasks done in the last 30 days, fewer than the 10 needed; with so few, one task more or less moves the rate by a tenth or more, so any date would be a guess.",
    );
    // One more task done crosses the threshold.
    const enough = forecast({
      doneTimes: doneTimesOf([...Array(35).fill(0), 3, 2, 2, 1, 2]),
      addedTimes: [],
      remaining: 20,
      now,
      since: T0,
      seed: 1,
    });
    expect(enough.kind).toBe("forecast");
    const none = forecast({
      doneTimes: doneTimesOf([5, 5, 5]),
      addedTimes: [],
      remaining: 20,
      now,
      since: T0,
      seed: 1,
    });
    expect(none.kind === "unknown" && none.reason).toBe("no-throughput");
    expect(none.kind === "unknown" && none.sentence).toMatch(/^Cannot forecast: no task was done in the last 30 days/);
    const doneTimes = doneTimesOf([...Array(30).fill(0), ...Array(10).fill(2)]); // 20 done from day 30
    const growing = (added: number) =>
      forecast({
        doneTimes,
        addedTimes: Array.from({ length: added }, (_, i) => T0 + 31 * DAY + i * 1000),
        remaining: 20,
        now,
        since: T0,
        seed: 1,
      });
    expect(growing(20).kind).toBe("forecast");
    const g = growing(21);
    expect(g.kind === "unknown" && g.sentence).toBe(
      "Cannot forecast: the scope is growing faster than it is done (21 tasks added and 20 done in the last 30 days), so the remaining work is not yet known.",
    );
  });

  it("uses a shorter window for a younger log, and says nothing is left when nothing is", () => {
    const now = T0 + 12 * DAY;
    const f = forecast({
      doneTimes: doneTimesOf(Array(12).fill(2)),
      addedTimes: [],
      remaining: 8,
      now,
      since: T0,
      seed: 1,
    });
    expect(f.windowDays).toBe(12);
    expect(f.kind === "forecast" && f.p50).toBe(now + 4 * DAY);
    expect(forecast({ doneTimes: [], addedTimes: [], remaining: 0, now, since: T0, seed: 1 }).kind).toBe("done");
  });

  it("gives the same output for the same seed, and another for another seed", () => {
    const random = seededRandom(9);
    const perDay = Array.from({ length: 40 }, () => Math.floor(random() * 6));
    const input = { doneTimes: doneTimesOf(perDay), addedTimes: [], remaining: 200, now: T0 + 40 * DAY, since: T0 };
    const a = forecast({ ...input, seed: 5 });
    const b = forecast({ ...input, seed: 5 });
    const c = forecast({ ...input, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });
});
