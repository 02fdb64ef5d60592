// forecast's text and JSON, and the phases' lines for status and board.

import type { ForecastScope } from "../app/forecast.js";
import { formatTime } from "../model/time.js";
import type { Forecast } from "../rules/forecast.js";
import { type PhaseProgress, phaseLine } from "../rules/phases.js";

const date = (t: number | null) => (t === null ? "later than 10 years" : formatTime(t).slice(0, 10));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function renderForecast(scopes: readonly ForecastScope[], seed: number): string {
  const lines: string[] = [];
  let trials = 0;
  for (const s of scopes) {
    const f = s.forecast;
    lines.push(s.phase ? `Phase ${phaseLine(s.phase, formatTime)}` : `Whole board: ${f.remaining} tasks not done`);
    const rate = f.doneInWindow / f.windowDays;
    lines.push(
      `  history: ${f.doneInWindow} done in the last ${f.windowDays} days (${Math.round(rate * 100) / 100} a day), ${f.addedInWindow} added since the first of them`,
    );
    if (f.kind === "done") lines.push("  nothing left to do");
    else if (f.kind === "unknown") lines.push(`  ${f.sentence}`);
    else {
      trials = f.trials;
      const onTime = f.onTime === null ? "" : `; chance of meeting the due time: ${pct(f.onTime)}`;
      lines.push(`  done by: ${date(f.p50)} (50%), ${date(f.p85)} (85%), ${date(f.p95)} (95%)${onTime}`);
    }
  }
  if (trials) lines.push(`(${trials.toLocaleString("en")} simulated futures, seed ${seed}; see docs/forecast.md)`);
  return `${lines.join("\n")}\n`;
}

export function forecastJson(f: Forecast): Record<string, unknown> {
  const t = (x: number | null | undefined) => (x === null || x === undefined ? null : formatTime(x));
  const base = {
    kind: f.kind,
    remaining: f.remaining,
    window: { start: formatTime(f.windowStart), days: f.windowDays },
    doneInWindow: f.doneInWindow,
    addedInWindow: f.addedInWindow,
    due: t(f.due),
  };
  if (f.kind === "done") return base;
  if (f.kind === "unknown") return { ...base, reason: f.reason, sentence: f.sentence };
  return {
    ...base,
    trials: f.trials,
    seed: f.seed,
    p50: t(f.p50),
    p85: t(f.p85),
    p95: t(f.p95),
    onTime: f.onTime,
    histogram: f.histogram.map(([days, trials]) => ({ days, trials })),
    beyondHorizon: f.beyondHorizon,
  };
}

export { phaseJson } from "../rules/phases.js";

export function renderPhases(progress: readonly PhaseProgress[]): string {
  return progress.map((p) => `  phase ${phaseLine(p, formatTime)}\n`).join("");
}
