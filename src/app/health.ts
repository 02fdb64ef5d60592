// `taskgate health`: every standing problem of the board, now, one finding each: level-triggered
// (it says what is, not what happened), so a scheduler that runs it every few minutes sees a
// problem for exactly as long as it stands. `watch --once` ends with the same findings' code.
//
// The problems: any ledger error (a broken hash chain among them), leases expired and not
// recovered, dead letters, approvals waiting past the policy's SLA or approved for a subject
// that changed since, the pre-commit hook or the merge driver configured but missing, and a
// schedule whose run is overdue (nobody runs watch), and event hooks that fail.

import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { findWorkTree, git, gitConfig } from "../io/git.js";
import { readLog } from "../ledger/log.js";
import { formatAge, formatTime } from "../model/time.js";
import { checkLedgers } from "./check.js";
import type { Context } from "./context.js";
import { EXIT } from "./errors.js";
import { START as HOOK_START } from "./hooks.js";
import { loadWriteChecks, parseTasks } from "./ledgers.js";
import { statusView } from "./views.js";

export type FindingKind =
  | "invalid-ledger"
  | "expired-lease"
  | "dead-letter"
  | "approval-sla"
  | "stale-approval"
  | "hook-missing"
  | "hook-failed"
  | "merge-driver-missing"
  | "schedule-overdue";

export interface Finding {
  readonly kind: FindingKind;
  /** A task or approval ID, a schedule's name, a file. */
  readonly target: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

/** How long a schedule's run may wait for watch before it counts as overdue. */
export const SCHEDULE_GRACE_MS = 15 * 60_000;

/** The exit code of health and `watch --once` for these findings: 0 none, 3 a ledger error, else 6. */
export function healthExitCode(findings: readonly Finding[]): number {
  if (findings.length === 0) return EXIT.ok;
  return findings.some((f) => f.kind === "invalid-ledger") ? EXIT.invalid : EXIT.problem;
}

export async function healthFindings(ctx: Context): Promise<Finding[]> {
  const findings: Finding[] = [];
  // check's diagnostics: every reader error, the log's hash chain, the rules, the schedules.
  await loadWriteChecks();
  const checked = await checkLedgers(ctx);
  for (const d of checked.diagnostics) {
    if (d.severity !== "error") continue;
    findings.push({ kind: "invalid-ledger", target: d.file, file: d.file, line: d.line, message: d.message });
  }
  const v = statusView(ctx);
  const s = v.summary;
  for (const e of s.leases.expired) {
    findings.push({
      kind: "expired-lease",
      target: e.id,
      message: `${e.holder}'s lease ended ${formatTime(e.since)} (${formatAge(ctx.now - e.since)} ago) and nobody recovered it: is watch running?`,
    });
  }
  for (const id of s.deadLetters) {
    findings.push({
      kind: "dead-letter",
      target: id,
      message: `blocked as a dead letter; unblock it once the cause is fixed (taskgate unblock ${id}), or cancel it`,
    });
  }
  for (const a of s.approvals.overSla) {
    findings.push({
      kind: "approval-sla",
      target: a.id,
      message: `pending for ${formatAge(a.waiting)}, past the policy's approval-sla; an AUDIT actor should decide it`,
    });
  }
  for (const id of s.approvals.stale) {
    findings.push({
      kind: "stale-approval",
      target: id,
      message: "approved, but its subject changed since, so it no longer counts; request again",
    });
  }
  if (!findings.some((f) => f.kind === "invalid-ledger")) findings.push(...(await overdueSchedules(ctx)));
  findings.push(...gitFindings(ctx));
  // Event hooks (## Hooks) that are failing or cannot run: the same sentences status shows.
  if (!findings.some((f) => f.kind === "invalid-ledger")) {
    const { hookProblemLines } = await import("./hook-delivery.js");
    for (const message of hookProblemLines(ctx)) findings.push({ kind: "hook-failed", target: "hooks", message });
  }
  return findings;
}

async function overdueSchedules(ctx: Context): Promise<Finding[]> {
  const tasks = parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
  if (tasks.schedules.length === 0) return [];
  const mod = await import("../rules/schedules.js");
  const recorded = mod.lastRecorded(readLog(tasks.doc, tasks.log, undefined).entries);
  const out: Finding[] = [];
  for (const entry of tasks.schedules) {
    const parsed = mod.parseSchedule(entry);
    if (!parsed.ok) continue; // check's diagnostics name it
    const since = recorded.get(entry.name);
    if (since === undefined) continue; // never seen by watch: no run is known to be due yet
    const due = mod.dueRun(parsed.schedule, since, ctx.now);
    // The first time missed is the one that waits longest.
    const first = mod.nextRunAfter(parsed.schedule, since);
    if (!due || first === undefined || ctx.now - first <= SCHEDULE_GRACE_MS) continue;
    out.push({
      kind: "schedule-overdue",
      target: entry.name,
      file: ctx.paths.tasksDisplay,
      line: entry.line,
      message: `due ${formatTime(first)} (${formatAge(ctx.now - first)} ago) and not run: is watch running (taskgate schedule install)?`,
    });
  }
  return out;
}

/** The hook and the merge driver: configured for this repository, but what they run is missing. */
function gitFindings(ctx: Context): Finding[] {
  const top = findWorkTree(dirname(resolve(ctx.paths.tasks)));
  if (!top) return [];
  const out: Finding[] = [];
  const attributes = join(top, ".gitattributes");
  const named = existsSync(attributes) && /\smerge=taskgate\b/.test(readFileSync(attributes, "utf8"));
  const driver = gitConfig(top, "merge.taskgate.driver");
  if (named && !driver) {
    out.push({
      kind: "merge-driver-missing",
      target: ".gitattributes",
      file: attributes,
      message:
        ".gitattributes names merge=taskgate but this clone has no merge.taskgate.driver, so git merges the ledgers line by line: run taskgate merge-driver install (or merge-driver uninstall)",
    });
  } else if (driver) {
    const gone = missingPrograms(driver);
    if (gone)
      out.push({
        kind: "merge-driver-missing",
        target: "merge.taskgate.driver",
        message: `the merge driver runs ${gone}, which is not there: run taskgate merge-driver install again`,
      });
  }
  let hook: string | undefined;
  try {
    hook = join(resolve(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim()), "pre-commit");
  } catch {
    hook = undefined;
  }
  const text = hook && existsSync(hook) ? readFileSync(hook, "utf8") : undefined;
  const at = text?.indexOf(HOOK_START) ?? -1;
  if (hook && text && at >= 0) {
    const command = text.slice(at).split("\n")[1] ?? "";
    const gone = missingPrograms(command.replace(/\s*\|\|\s*exit \$\?\s*$/, ""));
    let executable = true;
    try {
      accessSync(hook, constants.X_OK);
    } catch {
      executable = false;
    }
    if (gone || !executable)
      out.push({
        kind: "hook-missing",
        target: "pre-commit",
        file: hook,
        message: `${hook} runs taskgate check --staged, but ${gone ? `${gone} is not there` : "it is not executable, so git skips it"}: run taskgate hook install again (or hook uninstall)`,
      });
  }
  // Installed in .git/hooks, but core.hooksPath (husky, a team's hooks folder) sends git elsewhere.
  const own = join(resolve(top, git(top, ["rev-parse", "--git-dir"]).trim()), "hooks", "pre-commit");
  if (hook && resolve(own) !== resolve(hook) && !(text ?? "").includes(HOOK_START)) {
    const left = existsSync(own) ? readFileSync(own, "utf8") : "";
    if (left.includes(HOOK_START))
      out.push({
        kind: "hook-missing",
        target: "pre-commit",
        file: own,
        message: `${own} runs taskgate check --staged, but git runs the hooks in ${dirname(hook)} (core.hooksPath), where none does: run taskgate hook install again`,
      });
  }
  return out;
}

/** The first of a command line's node and script paths (absolute ones) that does not exist. */
function missingPrograms(command: string): string | undefined {
  const words = shellWords(command).slice(0, 2);
  return words.find((w) => w.startsWith("/") && !existsSync(w));
}

/** Words of a POSIX shell line as shQuote writes them: bare, '...' quoted, \-escaped. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end === -1 ? line.length : end);
      i = end === -1 ? line.length : end;
    } else if (c === "\\" && i + 1 < line.length) {
      word = (word ?? "") + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? "") + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}
