// `metrics`, `board` and `report --html`.

import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../app/errors.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { TasksLedger } from "../ledger/tasks.js";
import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";
import { terminalText } from "../rules/values.js";
import { tr, translateHtml, writeAsIs } from "./i18n.js";
import { output } from "./output.js";
import { jsonDoc, taskJson } from "./render.js";
import type { WatchKit } from "./watch-commands.js";

interface PeriodFlags {
  since?: string;
  until?: string;
}

const periodHelp = (c: Command) =>
  c
    .option(
      "--since <when>",
      "start of the period: a date (2026-11-01: its midnight in the policy's time-zone, else UTC), a UTC time, or an age (30d); default 30d before --until",
    )
    .option("--until <when>", "end of the period (default: now)");

/** Like status: the view is shown, and one line on stderr says the ledgers have errors. */
export function warnIfInvalid(errors: readonly Diagnostic[]): void {
  const first = errors[0];
  if (!first) return;
  const line = terminalText(formatDiagnostic(first), true);
  output(2).write(
    `taskgate: ${
      errors.length === 1
        ? tr(`1 error in the ledgers, so what is shown may be wrong (first: ${line}); run taskgate check`)
        : tr(
            `${errors.length} errors in the ledgers, so what is shown may be wrong (first: ${line}); run taskgate check`,
          )
    }\n`,
  );
}

/** The board's tasks with the DONE column cut to its most recent (rules/recent-done.ts). */
async function doneCut(ledger: TasksLedger, limit?: number) {
  const { recentDone } = await import("../rules/recent-done.js");
  const { readLog } = await import("../ledger/log.js");
  return recentDone(ledger.tasks, readLog(ledger.doc, ledger.log, undefined).entries, limit);
}

export function registerMetricsCommands(program: Command, kit: WatchKit): void {
  periodHelp(
    program
      .command("metrics")
      .description(
        "automation by steps of work (who took them), approval wait, recovery, work done twice and flow, per day in the policy's time zone, from the logs",
      )
      .option("--json", "print one JSON document")
      .option(
        "--prom <file>",
        "write the Prometheus text format (node_exporter's textfile collector) atomically, and print nothing (with --json, the document too)",
      ),
  ).action(async (o: PeriodFlags & { json?: boolean; prom?: string }) => {
    const { ctx } = kit.context();
    const { metricsView } = await import("../app/metrics.js");
    const v = await metricsView(ctx, o);
    warnIfInvalid(v.errors);
    if (o.prom) {
      const { toPrometheus } = await import("../rules/prometheus.js");
      const { forecastView } = await import("../app/forecast.js");
      const f = await forecastView(ctx);
      const { statusView } = await import("../app/views.js");
      const s = statusView(ctx).summary;
      const board = {
        pendingApprovals: s.approvals.pending,
        approvalsOverSla: s.approvals.overSla.length,
        expiredLeases: s.leases.expired.length,
        deadLetters: s.deadLetters.length,
      };
      const target = resolve(o.prom);
      writeFileAtomic(target, Buffer.from(toPrometheus(v.metrics, f.scopes, board), "utf8"), dirname(target));
      // For a cron job: quiet unless the document is asked for too.
      if (!kit.json(o)) return;
    }
    if (kit.json(o)) {
      const { docText, metricsDoc } = await import("../app/documents.js");
      kit.out.write(docText(metricsDoc(v)));
      return;
    }
    const { renderMetrics } = await import("./dashboard-render.js");
    writeAsIs(kit.out, renderMetrics(v.metrics)); // translated where it was laid out
  });

  program
    .command("forecast")
    .description(
      "when the remaining work (of the board, or a phase) will be done: dates at 50/85/95% from the board's own throughput",
    )
    .option("--phase <name>", "only this phase")
    .option("--seed <n>", "the simulation's seed (default 1: the same board gives the same answer)")
    .option("--json", "print one JSON document")
    .action(async (o: { phase?: string; seed?: string; json?: boolean }) => {
      const { ctx } = kit.context();
      if (o.seed !== undefined && !/^\d{1,9}$/.test(o.seed))
        throw new UsageError(`Expected --seed as a whole number like 7, found "${o.seed}"`);
      const { forecastView } = await import("../app/forecast.js");
      const v = await forecastView(ctx, { phase: o.phase, seed: o.seed === undefined ? undefined : Number(o.seed) });
      warnIfInvalid(v.errors);
      const { renderForecast, forecastJson, phaseJson } = await import("./forecast-render.js");
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("forecast", {
            seed: v.seed,
            scopes: v.scopes.map((s) => ({
              phase: s.phase ? phaseJson(s.phase) : null,
              forecast: forecastJson(s.forecast),
            })),
          }),
        );
        return;
      }
      kit.out.write(renderForecast(v.scopes, v.seed));
    });

  const policy = program
    .command("policy")
    .description("the policy: `policy suggest` proposes changes from the history");
  policy
    .command("request")
    .description(
      "request to set a Policy key that guards the gate (approval-required, signed-commits, clock-skew); once another AUDIT person approves, edit TASKS.md and commit",
    )
    .argument("<assignment>", 'KEY=VALUE, like "approval-required=prod, security" (an empty VALUE removes the key)')
    .option("--json", "print one JSON document")
    .action(async (assignment: string, o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { requestPolicyChange } = await import("../app/approvals.js");
      const r = await requestPolicyChange(ctx, assignment);
      if (kit.json(o))
        kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded, change: r.change }));
      else
        kit.out.write(
          `${r.id}: ${r.change} waits for another AUDIT person: taskgate approve ${r.id}; then edit "## Policy" in TASKS.md and commit\n`,
        );
    });
  policy
    .command("suggest")
    .description("changes to the policy and the approval rules that the history argues for, with the evidence")
    .option("--request", "file each suggestion as an approval request for another AUDIT (nothing is applied)")
    .option("--json", "print one JSON document")
    .action(async (o: { request?: boolean; json?: boolean }) => {
      const { ctx } = kit.context();
      const { policySuggestions, requestSuggestions } = await import("../app/policy-suggest.js");
      const suggestions = policySuggestions(ctx);
      const requests = o.request ? await requestSuggestions(ctx, suggestions) : [];
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("policy-suggestions", {
            suggestions: suggestions.map((s, i) => ({ ...s, request: requests[i] ?? null })),
          }),
        );
        return;
      }
      if (!suggestions.length) {
        kit.out.write("No change suggested: no evidence crosses a threshold (see docs/forecast.md)\n");
        return;
      }
      for (const [i, s] of suggestions.entries()) {
        kit.out.write(`${s.change}${requests[i] ? `  (requested as ${requests[i]})` : ""}\n`);
        for (const e of s.evidence) kit.out.write(`  evidence: ${e}\n`);
        kit.out.write(`  apply: ${s.apply.replace(/\n/g, "\n         ")}\n`);
      }
    });

  program
    .command("board")
    .description("the board as columns by state, with leases (holder, time left) and blocked marks")
    .option("--width <n>", "columns to fit (default: the terminal's, else 120)")
    .option("--done <n>", "DONE tasks shown: the most recent, the rest counted (default 10)")
    .option("--json", "print one JSON document")
    .action(async (o: { width?: string; done?: string; json?: boolean }) => {
      const { ctx } = kit.context();
      const { loadTasks } = await import("../app/ledgers.js");
      const ledger = loadTasks(ctx);
      warnIfInvalid(ledger.diagnostics.filter((d) => d.severity === "error"));
      const { phasesOf } = await import("../app/forecast.js");
      const { progress } = phasesOf(ledger);
      const { phaseJson, renderPhases } = await import("./forecast-render.js");
      if (kit.json(o)) {
        kit.out.write(jsonDoc("board", { tasks: ledger.tasks.map(taskJson), phases: progress.map(phaseJson) }));
        return;
      }
      const width = o.width === undefined ? (process.stdout.columns ?? 120) : Number(o.width);
      if (!Number.isInteger(width) || width < 40)
        throw new UsageError(`Expected --width as a whole number of at least 40, found "${o.width}"`);
      const limit = o.done === undefined ? undefined : Number(o.done);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
        throw new UsageError(`Expected --done as a whole number, found "${o.done}"`);
      const { renderBoard } = await import("./dashboard-render.js");
      const cut = await doneCut(ledger, limit);
      writeAsIs(kit.out, renderBoard(cut.tasks, ctx.now, ledger.policy.clockSkew, width, cut.hidden));
      if (progress.length) kit.out.write(`Phases:\n${renderPhases(progress)}`);
    });

  periodHelp(
    program
      .command("report")
      .description("one self-contained HTML page: the board, the measures and charts")
      .requiredOption("--html <file>", "where to write it")
      .option("--title <text>", "the page's title", "taskgate report"),
  ).action(async (o: PeriodFlags & { html: string; title: string }) => {
    const { ctx } = kit.context();
    const { metricsView } = await import("../app/metrics.js");
    const { reportHtml } = await import("../rules/report-html.js");
    const v = await metricsView(ctx, o);
    warnIfInvalid(v.errors);
    const { forecastView } = await import("../app/forecast.js");
    const f = await forecastView(ctx);
    const { loadTasks } = await import("../app/ledgers.js");
    const cut = await doneCut(loadTasks(ctx), 20);
    const target = resolve(o.html);
    writeFileAtomic(
      target,
      Buffer.from(translateHtml(reportHtml(v.metrics, cut.tasks, ctx.now, o.title, f.scopes, cut.hidden)), "utf8"),
      dirname(target),
    );
    kit.out.write(`Wrote ${o.html}\n`);
  });
}
