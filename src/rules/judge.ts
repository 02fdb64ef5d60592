// Judging a change to the ledgers as a commit makes it: the "before" ledgers (HEAD, or a
// commit's parent) against the "after" ones (the index, or the commit), with the committing
// actor. Used by `check --staged` (the pre-commit hook) and `verify --range` (CI).
//
// What the log explains is judged as the log's actor did it; what it does not explain is a
// hand edit by the committer. Text and titles may be edited freely. Refused:
//   - a log that is not an append of the one before, or whose hash chain is broken;
//   - a log line whose actor is not the committer (forged), unless an automation actor's
//     line is justified by what justifies automation (judge-automation.ts);
//   - a task log line recording a command taskgate would have refused, replayed with its own
//     planners on the board as it was before the line at the line's time (judge-replay.ts);
//   - a state change that no action of the acting actor's roles makes (one action per hand
//     edit: PLAN -> DONE by hand is refused), or that the planner refuses for the committer
//     at the commit's time, a task accepted by who worked on it, a task removed, a new task
//     in a state other than PLAN or READY;
//   - a task with a label in approval-required reaching DONE other than by a cancel without
//     an approved, non-stale request about it, decided by someone who did not work on it;
//   - a lease, fence, workers or attempts field changed with no log line for the task;
//   - an approval decided by its requester, or by an actor without AUDIT, or one taskgate's
//     approve/reject would refuse (four eyes on the subject, a stale subject, a hard deny);
//   - a Roles change without an approved request for exactly that change;
//   - a change to a guarded Policy key (approval-required, signed-commits, clock-skew) or to
//     the Rules without an approved request for exactly that change, decided by a person who
//     is not the committer and not automation (guarded-sections.ts).
// Pure: takes parsed ledgers, returns violations with file and line.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import { lastContentLine } from "../ledger/document.js";
import { chainHash, type LogEntry, type LogSection, lastHash, readLog } from "../ledger/log.js";
import { entryIdsOf, entrySourceOf, type TasksLedger } from "../ledger/tasks.js";
import type { Actor, Role } from "../model/approval.js";
import type { State, Task } from "../model/task.js";
import { formatTime } from "../model/time.js";
import { gateProblem } from "./gate.js";
import { GUARDED_POLICY_KEYS, policyChanges, rulesChange } from "./guarded-sections.js";
import { mayCommitAs, sameParty } from "./identity.js";
import { judgeApprovals, judgeGuardedSections } from "./judge-approvals.js";
import { automationApprovalProblem, automationTaskProblem } from "./judge-automation.js";
import { type Replay, replayTaskLines, whoOf } from "./judge-replay.js";
import { MATRIX, permits, TASK_ACTIONS, type TaskAction } from "./matrix.js";
import { planTransition, type TransitionAction, workersOf } from "./workflow.js";

export interface Ledgers {
  readonly tasks?: TasksLedger | undefined;
  readonly approvals?: ApprovalsLedger | undefined;
}

export interface Violation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
  /** The ledger itself is invalid (a diagnostic error, a bad log line, a broken chain), not just a rule broken. */
  readonly invalid?: boolean;
}

export interface JudgeOptions {
  /** Who commits (git's identity, matched in Roles); undefined when git has none. */
  readonly committer: string | undefined;
  readonly hasher: (text: string) => string;
  /**
   * When the change is made (the commit's time; for the hook, now): hand edits are judged as
   * the committer's commands at this time.
   */
  readonly now: number;
  /**
   * Take no shortcut: read both logs whole even when the new one keeps the old one, and judge
   * every task, changed or not (the tests compare both ways).
   */
  readonly noShortcuts?: boolean;
}

const TRACKED: readonly string[] = ["lease", "fence", "workers", "attempts"];

export function judgeChange(before: Ledgers, after: Ledgers, options: JudgeOptions): Violation[] {
  const out: Violation[] = [];
  // Roles as they were before the change (a commit cannot grant itself a role); on the first
  // commit, the roles it creates.
  const actors = before.approvals?.actors ?? after.approvals?.actors ?? new Map<string, Actor>();
  const committer = options.committer;
  const rolesOf = (name: string | undefined): readonly Role[] => (name ? (actors.get(name)?.roles ?? []) : []);
  const who = committer ?? "(no git user.email)";
  const appendedOf: { tasks?: LogEntry[]; approvals?: LogEntry[] } = {};

  for (const kind of ["tasks", "approvals"] as const) {
    const a = after[kind];
    if (!a) continue;
    const b = before[kind];
    const errors = a.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) {
      for (const d of errors) out.push({ file: d.file, line: d.line, message: d.message, invalid: true });
      continue; // an invalid ledger is not judged further
    }
    const file = a.doc.file;
    // The chain is checked from where the old log ends: its own lines were judged when they
    // were committed (verify --range checks a whole history).
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: a shortcut only: without it both logs are read whole, to the same verdict (the tests judge both ways).
    const kept = b && !options.noShortcuts ? keptLog(b, a) : undefined;
    const afterLog = kept
      ? readLog(a.doc, kept.rest, undefined)
      : readLog(a.doc, a.log, b ? undefined : options.hasher);
    for (const d of afterLog.diagnostics.filter((x) => x.severity === "error"))
      out.push({ file, line: d.line, message: d.message, invalid: true });
    const beforeEntries = kept || !b ? [] : readLog(b.doc, b.log, undefined).entries;
    const appended = kept ? afterLog.entries : appendedEntries(file, beforeEntries, afterLog.entries, out);
    if (b) {
      let previous = kept ? kept.lastHash : (beforeEntries[beforeEntries.length - 1]?.hash ?? "");
      for (const e of appended) {
        const want = chainHash(options.hasher, previous, e.body);
        if (want !== e.hash) {
          out.push({
            file,
            line: e.line + 1,
            message: `Log hash chain is broken: expected ~ ${want}, found ~ ${e.hash} (a log line was edited, removed or added by hand)`,
            invalid: true,
          });
        }
        previous = e.hash;
      }
    }
    // A line is written before it is committed: one dated later (past the clock-skew margin)
    // would make a lease look expired, or a not-before time passed, that was not.
    const skew = (before.tasks ?? after.tasks)?.policy.clockSkew ?? 30_000;
    for (const e of appended) {
      if (e.time <= options.now + skew) continue;
      out.push({
        file,
        line: e.line + 1,
        message: `This log line is dated ${formatTime(e.time)}, after the change was made (${formatTime(options.now)}, with ${Math.round(skew / 1000)}s clock-skew margin); a log line is written before it is committed`,
      });
    }
    appendedOf[kind] = appended;
  }
  const invalid = (kind: "tasks" | "approvals") => appendedOf[kind] === undefined;
  const tasksAfter = after.tasks && !invalid("tasks") ? after.tasks : undefined;
  let replay: Replay | undefined;
  if (tasksAfter) {
    replay = judgeTasks(
      before.tasks,
      tasksAfter,
      after.approvals,
      // Stryker disable next-line ArrayDeclaration: unreachable: appendedOf.tasks is set whenever the tasks ledger is valid.
      appendedOf.tasks ?? [],
      { committer, rolesOf, actors, hasher: options.hasher, now: options.now },
      out,
      // Stryker disable next-line BooleanLiteral: a shortcut only (skip unchanged entries); judging them too gives the same verdict.
      !options.noShortcuts,
    );
  }
  const facts = {
    hasher: options.hasher,
    tasksBefore: before.tasks,
    tasksAfter: after.tasks,
    approvalsBefore: before.approvals,
    approvalsAfter: after.approvals,
    // Stryker disable next-line LogicalOperator,ArrayDeclaration: only a recover line reads it, and a refused recover's task is on the old board, which justifies it too.
    refused: new Set(replay?.refused.keys() ?? []),
  };
  for (const kind of ["tasks", "approvals"] as const) {
    const appended = appendedOf[kind];
    const file = after[kind]?.doc.file;
    if (!appended || !file) continue;
    for (const e of appended) {
      if (mayCommitAs(actors, committer, e.actor)) continue;
      const principal = actors.get(e.actor)?.for;
      if (principal !== undefined) {
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by ${e.actor}, who works for ${principal}, but the change is ${who}'s: only ${principal} may commit ${e.actor}'s lines (forged?)`,
        });
        continue;
      }
      if (actors.get(e.actor)?.automation) {
        const f = { ...facts, appended };
        const problem = kind === "tasks" ? automationTaskProblem(e, f) : automationApprovalProblem(e, f);
        if (problem === undefined) continue;
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by the automation actor ${e.actor} in ${who}'s change, but ${problem}; only the committer's lines and justified automation lines may be committed (forged?)`,
        });
        continue;
      }
      out.push({
        file,
        line: e.line + 1,
        message: `Log line by ${e.actor}, but the change is ${who}'s: only the committer or an automation actor may appear in new log lines (forged?)`,
      });
    }
  }
  if (after.approvals && !invalid("approvals")) {
    judgeApprovals(
      before.approvals,
      after.approvals,
      after.tasks ?? before.tasks,
      // Stryker disable next-line ArrayDeclaration: unreachable: appendedOf.approvals is set whenever the approvals ledger is valid.
      appendedOf.approvals ?? [],
      committer,
      rolesOf,
      options.hasher,
      out,
      actors,
    );
  }
  if (!invalid("tasks") || !invalid("approvals")) {
    judgeGuardedSections(
      { tasks: before.tasks, approvals: before.approvals },
      {
        tasks: after.tasks && !invalid("tasks") ? after.tasks : undefined,
        approvals: after.approvals && !invalid("approvals") ? after.approvals : undefined,
      },
      committer,
      actors,
      options.hasher,
      out,
    );
  }
  return out;
}

/**
 * When the old log's lines are the first lines of the new log, byte for byte, and every one
 * of them is a plain log line that readLog reads without a word (PLAIN_LOG), the old lines
 * need no reading: the new log is the old one plus `rest`, its other lines. (Otherwise
 * undefined, and both logs are read whole.) This is what every commit that only appends to
 * the log looks like, so a commit on a board with thousands of log lines reads only its own.
 */
export function keptLog(
  b: TasksLedger | ApprovalsLedger,
  a: TasksLedger | ApprovalsLedger,
): { rest: LogSection; lastHash: string } | undefined {
  const was = b.log.section;
  const now = a.log.section;
  if (!was || !now) return undefined;
  const last = lastContentLine(b.doc, was);
  const from = was.fieldsEnd;
  const to = last ? last.end : from;
  const keptText = b.doc.text.slice(from, to);
  const at = now.fieldsEnd;
  const after = a.doc.text;
  if (!after.startsWith(keptText, at)) return undefined;
  const end = at + keptText.length;
  if (end < after.length && after.charCodeAt(end) !== 10 && !after.startsWith("\r\n", end)) return undefined;
  PLAIN_LOG.lastIndex = from;
  if (!PLAIN_LOG.test(b.doc.text) || PLAIN_LOG.lastIndex < to) return undefined;
  const starts = a.doc.scan.lineStarts;
  const lines = a.log.lines.filter((ln) => (starts[ln] as number) >= end);
  return { rest: { section: now, lines }, lastHash: lastHash(b.doc, b.log) };
}

const DATE =
  "\\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|" +
  "(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29";
const JSON_STRING = '"(?:[^"\\\\\\u0000-\\u001f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';

/**
 * Log lines (and empty lines) that parseLogLine reads without a word, in one match: "- ", a
 * time parseTime takes, four words, key=value details (values may hold JSON strings), " ~ "
 * and the hash, LF endings. Anything else is read line by line.
 */
const PLAIN_LOG = new RegExp(
  `(?:- (?:${DATE})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z(?: [^\\s"]+){4}` +
    `(?: [^\\s"=]+=(?:[^\\s"]|${JSON_STRING})*)* ~ [0-9a-f]{12}(?:\\n|$)|\\n)*`,
  "y",
);

/** The new log entries, after checking that the old ones are all still there, unchanged. */
function appendedEntries(file: string, before: LogEntry[], after: LogEntry[], out: Violation[]): LogEntry[] {
  for (let i = 0; i < before.length; i++) {
    const was = before[i] as LogEntry;
    const now = after[i];
    if (!now) {
      out.push({
        file,
        line: (after[after.length - 1]?.line ?? 0) + 1,
        message: `The log lost ${before.length - after.length} line(s); the log is append-only`,
      });
      return [];
    }
    if (now.body !== was.body || now.hash !== was.hash) {
      out.push({
        file,
        line: now.line + 1,
        message: "This log line differs from the one before the change; the log is append-only (add lines at its end)",
      });
      return [];
    }
  }
  return after.slice(before.length);
}

type RolesOf = (name: string | undefined) => readonly Role[];

interface TaskJudging {
  readonly committer: string | undefined;
  readonly rolesOf: RolesOf;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly hasher: (text: string) => string;
  readonly now: number;
}

function judgeTasks(
  before: TasksLedger | undefined,
  after: TasksLedger,
  approvals: ApprovalsLedger | undefined,
  appended: LogEntry[],
  j: TaskJudging,
  out: Violation[],
  shortcuts: boolean,
): Replay | undefined {
  const { committer, rolesOf } = j;
  const file = after.doc.file;
  const who = committer ?? "(no git user.email)";
  const linesFor = new Map<string, LogEntry[]>();
  for (const e of appended) {
    const list = linesFor.get(e.target);
    if (list) list.push(e);
    else linesFor.set(e.target, [e]);
  }
  if (before) {
    for (const id of entryIdsOf(before)) {
      if (!after.byId.has(id)) {
        out.push({
          file,
          line: lastLine(after),
          message: `${id} was removed; tasks are never deleted (cancel it instead: taskgate cancel ${id})`,
        });
      }
    }
  }
  // Every new line replayed with the planners, on the board as it was before it.
  const replay =
    before && appended.length ? replayTaskLines(before, appended, { hasher: j.hasher, actors: j.actors }) : undefined;
  for (const [line, message] of replay?.refused ?? []) {
    const e = appended.find((x) => x.line === line) as LogEntry;
    out.push({
      file,
      line: line + 1,
      message: `This log line records a ${e.action} of ${e.target} that taskgate refuses ${e.actor}: ${message}`,
    });
  }
  const board = replay?.board ?? before;
  const required = (before ?? after).policy.approvalRequired;
  for (const id of entryIdsOf(after)) {
    const lines = linesFor.get(id) ?? [];
    // An entry exactly as it was, with no new log line, has nothing to judge (same state, same
    // tracked fields): it is not even read.
    if (shortcuts && before && lines.length === 0) {
      const was = entrySourceOf(before, id);
      if (was !== undefined && was === entrySourceOf(after, id)) continue;
    }
    const t = after.byId.get(id)?.task as Task; // one task per ID: `after` has no error
    const was = before?.byId.get(t.id)?.task;
    // Walk the task's new log lines: each is judged as its actor's action from the state it
    // found (what the replay could not judge: a task new in the commit, or after a refusal).
    let state: State | undefined = was?.state;
    // Stryker disable next-line ArrayDeclaration: a made-up worker has a space in its name, which no actor has.
    let workers = was ? workersOf(was) : [];
    for (const e of lines) {
      const action = (e.action === "takeover" ? "claim" : e.action) as TaskAction;
      if (!(TASK_ACTIONS as string[]).includes(action)) continue;
      if (!replay?.refused.has(e.line)) {
        // From the state the task is in: an add of a task already on the board is refused (the
        // replay skips a task's lines after an add, so it would let them pass unjudged).
        const p = permits(action, e.actor, rolesOf(e.actor), state, t.id);
        if (!p.ok) out.push({ file, line: e.line + 1, message: p.message });
        if (action === "accept" && workers.some((w) => sameParty(j.actors, e.actor, w))) {
          out.push({ file, line: e.line + 1, message: selfAccept(e.actor, t.id) });
        }
      }
      if (action === "claim")
        // Stryker disable next-line MethodExpression: without the filter a worker is listed twice, which `some` does not see.
        workers = e.action === "takeover" ? [...workers.filter((w) => w !== e.actor), e.actor] : [e.actor];
      // A transition's line says `to=`; an add's says the state it made (`state=`, PLAN when
      // absent), and the lines after it are judged from there. (An add of a task already on
      // the board was refused above and leaves its state as it was.)
      if (action === "add" && state === undefined) {
        const made = e.details.state ?? "PLAN";
        if (made !== "PLAN" && made !== "READY" && !replay?.refused.has(e.line))
          out.push({ file, line: e.line + 1, message: `${t.id} is new and ${made}; a task starts in PLAN or READY` });
        state = made as State;
      }
      const to = e.details.to;
      if (to) state = to as State;
    }
    // Where the replay followed every line, the state is the replayed board's.
    const replayed = board && !replay?.unreplayed.has(t.id) ? board.byId.get(t.id)?.task : undefined;
    if (replayed) state = replayed.state;
    const stateLine = () => {
      // Stryker disable next-line OptionalChaining: t is after's, and a task without a state field is invalid (not judged).
      const f = after.byId.get(t.id)?.section.fields.find((x) => x.key === "state")?.line;
      return f === undefined ? t.line : f + 1;
    };
    if (!was && lines.length === 0) {
      // A task added by hand: as `add` would, by CMD, in PLAN or READY.
      const p = permits("add", who, rolesOf(committer), undefined, t.id);
      if (!p.ok) out.push({ file, line: t.line, message: p.message });
      if (t.state !== "PLAN" && t.state !== "READY") {
        out.push({ file, line: t.line, message: `${t.id} is new and ${t.state}; a task starts in PLAN or READY` });
      }
      continue;
    }
    let handAction: TransitionAction | undefined;
    if (state !== undefined && state !== t.state) {
      const n = out.length;
      const action = judgeHandTransition(t, state, committer, rolesOf, out, file, stateLine(), j.actors);
      // The fields the attempted action sets are its own (a refusal is reported once).
      handAction =
        action ??
        (t.state === "DONE"
          ? t.resolution === "cancelled"
            ? "cancel"
            : "accept"
          : t.state === "DOING"
            ? state === "REVIEW"
              ? "rework"
              : "claim"
            : undefined);
      // Allowed by the matrix: the command itself must allow it too, for the committer, now.
      if (out.length === n && action && replayed && board) {
        // Stryker disable next-line OptionalChaining: replayed is this board's task.
        const task = board.byId.get(t.id)?.task;
        const reason = action === "rework" ? t.fields.find((f) => f.key === "rework")?.value : undefined;
        const plan = planTransition(
          board,
          { action, id: t.id, reason: action === "cancel" ? undefined : reason },
          // Stryker disable next-line OptionalChaining: task is replayed (above), never undefined.
          whoOf(who, j.actors, task?.lease?.holder),
          // Stryker disable next-line ArrowFunction: random is a failed run's backoff jitter: it sets a not-before time, never whether the plan is refused.
          { now: j.now, hasher: j.hasher, random: () => 0 },
        );
        if (!plan.ok) {
          out.push({
            file,
            line: stateLine(),
            message: `${t.id} went from ${state} to ${t.state} by hand, which is a ${action} that taskgate refuses ${who}: ${plan.message}`,
          });
        }
      }
    }
    if (t.state === "DONE" && was?.state !== "DONE" && t.resolution !== "cancelled") {
      const problem = gateProblem(after, approvals, t.id, j.hasher, { required, labelsBefore: was?.labels });
      if (problem) out.push({ file, line: stateLine(), message: `${t.id} went to DONE, but ${problem}` });
    }
    if (was && lines.length === 0) {
      for (const key of [...TRACKED, ...BY_ACTION]) {
        const now = t.fields.find((f) => f.key === key)?.value;
        const then = was.fields.find((f) => f.key === key)?.value;
        if (now === then || handEditExplains(handAction, key, now)) continue;
        // Stryker disable next-line OptionalChaining: t is after's.
        const f = after.byId.get(t.id)?.section.fields.find((x) => x.key === key);
        out.push({
          file,
          line: f ? f.line + 1 : t.line,
          message: TRACKED.includes(key)
            ? `The ${key} of ${t.id} changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)`
            : `The ${key} of ${t.id} changed with no log line and no state change that sets it; ${key === "rework" ? "rework sets it (REVIEW -> DOING) and claim clears it" : "accept and cancel set it (-> DONE)"}`,
        });
      }
    }
  }
  return replay;
}

/** Fields a hand-made state change may set: the one its action sets. */
const BY_ACTION: readonly string[] = ["rework", "resolution"];

function handEditExplains(action: TransitionAction | undefined, key: string, now: string | undefined): boolean {
  switch (action) {
    case "rework":
      return key === "rework" && now !== undefined;
    case "claim":
      return key === "rework" && now === undefined;
    case "accept":
      return key === "resolution" && now === "done";
    case "cancel":
      // A cancel ends the lease and the rework too, and says why the task is DONE.
      return (
        (key === "resolution" && now === "cancelled") || ((key === "lease" || key === "rework") && now === undefined)
      );
    // Stryker disable next-line ConditionalExpression: without the return, undefined is as false.
    default:
      return false;
  }
}

function selfAccept(actor: string, id: string): string {
  return `${actor} worked on ${id} in its last DOING spell and may not accept it (four eyes)`;
}

/** A state change the log does not explain: one action by the committer, or refused. Returns that action. */
function judgeHandTransition(
  t: Task,
  from: State,
  committer: string | undefined,
  rolesOf: RolesOf,
  out: Violation[],
  file: string,
  line: number,
  actors: ReadonlyMap<string, Actor>,
): TransitionAction | undefined {
  const who = committer ?? "(no git user.email)";
  // A recovery is watch's, with its log line (the lease it ends is named there): never by hand.
  let candidates = TASK_ACTIONS.filter(
    (a) => a !== "recover" && MATRIX[a].from.includes(from) && MATRIX[a].to === t.state,
  );
  if (t.state === "DONE") {
    // DONE by hand is a cancel (which writes "resolution: cancelled") or, from REVIEW, an accept.
    candidates = t.resolution === "cancelled" ? ["cancel"] : from === "REVIEW" ? ["accept"] : [];
    if (candidates.length === 0) {
      out.push({
        file,
        line,
        message: `${t.id} went from ${from} to DONE by hand: only a cancel does that, which also sets "resolution: cancelled" (taskgate cancel ${t.id})`,
      });
      return undefined;
    }
  }
  if (candidates.length === 0) {
    out.push({
      file,
      line,
      message: `${t.id} went from ${from} to ${t.state} by hand, which no single action does (PLAN -> READY -> DOING -> REVIEW -> DONE); use taskgate's commands`,
    });
    return undefined;
  }
  const roles = rolesOf(committer);
  const allowed = candidates.find((a) => roles.includes(MATRIX[a].role));
  if (!allowed) {
    // Stryker disable next-line StringLiteral: the candidates of one move all take the same role (recover, CMD's, is left out), so there is never a second.
    const needs = [...new Set(candidates.map((a) => MATRIX[a].role))].join(" or ");
    out.push({
      file,
      line,
      message:
        roles.length === 0
          ? `${who} has no roles in APPROVALS.md, so may not move ${t.id} from ${from} to ${t.state}`
          : `${who} (${roles.join(", ")}) may not move ${t.id} from ${from} to ${t.state}; that takes ${needs} (${candidates.join(" or ")})`,
    });
    return undefined;
  }
  if (allowed === "accept" && committer && workersOf(t).some((w) => sameParty(actors, committer, w))) {
    out.push({ file, line, message: selfAccept(committer, t.id) });
    return undefined;
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: no candidate is recover, add (from no state) or set (to "same").
  return allowed === "recover" || allowed === "add" || allowed === "set" ? undefined : allowed;
}

function lastLine(ledger: TasksLedger | ApprovalsLedger): number {
  return ledger.doc.scan.lineStarts.length;
}

/**
 * A merge (a merge commit, or the index while git concludes one): the result must be valid
 * with an intact chain; every log line of each parent must still be there (the merge driver
 * may renumber an entry both sides added, and re-chains the log, so lines are compared
 * without their target and hash); a line new in the merge must be the committer's or an
 * automation actor's; and a task's state, lease, fence, workers and attempts, an approval's
 * status and an actor's roles must come from one of the parents (fence and attempts may be
 * the larger, workers the union), unless a line new in the merge explains the change.
 */
export function judgeMerge(parents: readonly Ledgers[], after: Ledgers, options: JudgeOptions): Violation[] {
  const out: Violation[] = [];
  for (const v of judgeChange({}, after, options)) if (!v.message.startsWith("Log line by")) out.push(v);
  if (out.some((v) => v.invalid)) return out;
  const committer = options.committer ?? "(no git user.email)";
  const actors = after.approvals?.actors ?? new Map<string, Actor>();
  const norm = (e: LogEntry) => e.body.replace(/^(\S+ \S+ \S+ \S+ )\S+/, "$1*");
  for (const kind of ["tasks", "approvals"] as const) {
    const merged = after[kind];
    if (!merged) continue;
    const file = merged.doc.file;
    const entries = readLog(merged.doc, merged.log, undefined).entries;
    const have = new Set(entries.map(norm));
    const fromParents = new Set<string>();
    for (const p of parents) {
      const l = p[kind];
      if (!l) continue;
      for (const e of readLog(l.doc, l.log, undefined).entries) {
        const body = norm(e);
        fromParents.add(body);
        if (!have.has(body))
          out.push({ file, line: lastLine(merged), message: `The merge lost the log line "- ${e.body}"` });
      }
    }
    const explained = new Set<string>();
    for (const e of entries) {
      if (fromParents.has(norm(e))) continue;
      explained.add(e.target);
      const delegated = actors.get(e.actor)?.for !== undefined;
      if (!mayCommitAs(actors, options.committer, e.actor) && (delegated || !actors.get(e.actor)?.automation)) {
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by ${e.actor} first appears in a merge by ${committer} (forged?)`,
        });
      }
    }
    if (kind === "tasks") mergedTasks(parents, merged as TasksLedger, explained, out);
    else mergedApprovals(parents, merged as ApprovalsLedger, explained, out);
  }
  // The gate's Policy keys and the Rules come from one parent: a merge does not make new ones.
  const mergedTasksLedger = after.tasks;
  if (mergedTasksLedger && parents.every((p) => p.tasks)) {
    const same = parents.some(
      (p) => policyChanges((p.tasks as TasksLedger).policy, mergedTasksLedger.policy).length === 0,
    );
    if (!same)
      out.push({
        file: mergedTasksLedger.doc.file,
        line: 1,
        message: `The merge weakens the Policy (${GUARDED_POLICY_KEYS.join(", ")}) from both parents; weaken it through an approved request (taskgate policy request)`,
      });
  }
  const mergedApprovalsLedger = after.approvals;
  if (mergedApprovalsLedger && parents.every((p) => p.approvals)) {
    const hasher = options.hasher;
    const same = parents.some(
      (p) => rulesChange(p.approvals as ApprovalsLedger, mergedApprovalsLedger, hasher) === undefined,
    );
    if (!same)
      out.push({
        file: mergedApprovalsLedger.doc.file,
        line: mergedApprovalsLedger.rules?.line ?? 1,
        message:
          "The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)",
      });
  }
  return out;
}

function mergedTasks(parents: readonly Ledgers[], merged: TasksLedger, explained: Set<string>, out: Violation[]): void {
  const file = merged.doc.file;
  for (const t of merged.tasks) {
    if (explained.has(t.id)) continue;
    // The same task in each parent: by ID, or by title for an entry the driver renumbered.
    const sides = parents
      .map(
        (p) => p.tasks?.byId.get(t.id)?.task ?? p.tasks?.tasks.find((x) => x.title === t.title && x.state === t.state),
      )
      .filter((x): x is Task => x !== undefined);
    if (sides.length === 0) {
      if (t.state !== "PLAN" && t.state !== "READY") {
        out.push({
          file,
          line: t.line,
          message: `${t.id} is new in the merge and ${t.state}; a task starts in PLAN or READY`,
        });
      }
      continue;
    }
    const field = (x: Task, key: string) => x.fields.find((f) => f.key === key)?.value;
    const line = (key: string) => {
      // Stryker disable next-line OptionalChaining: t is merged's.
      const f = merged.byId.get(t.id)?.section.fields.find((x) => x.key === key);
      return f ? f.line + 1 : t.line;
    };
    if (!sides.some((x) => x.state === t.state)) {
      out.push({
        file,
        line: line("state"),
        message: `${t.id} is ${t.state} in the merge, but ${sides.map((x) => x.state).join(" and ")} in its parents; a merge may only combine them`,
      });
    }
    for (const key of TRACKED) {
      const now = field(t, key);
      const then = sides.map((x) => field(x, key));
      if (then.includes(now)) continue;
      // Stryker disable all: the larger of the parents' values is one parent's value, which the line above takes
      // (this is for a value a parent writes differently, e.g. "05").
      if ((key === "fence" || key === "attempts") && now !== undefined) {
        const max = Math.max(...then.map((v) => Number(v ?? 0)));
        if (Number(now) === max) continue;
      }
      // Stryker restore all
      if (key === "workers" && now !== undefined) {
        // Stryker disable next-line StringLiteral: a made-up worker for a parent without workers is no valid actor name (it has spaces).
        const union = new Set(then.flatMap((v) => (v ?? "").split(",").map((w) => w.trim())));
        if (now.split(",").every((w) => union.has(w.trim()))) continue;
      }
      out.push({
        file,
        line: line(key),
        message: `The ${key} of ${t.id} in the merge is in neither parent, and no log line explains it`,
      });
    }
  }
}

function mergedApprovals(
  parents: readonly Ledgers[],
  merged: ApprovalsLedger,
  explained: Set<string>,
  out: Violation[],
): void {
  const file = merged.doc.file;
  for (const a of merged.approvals) {
    if (explained.has(a.id)) continue;
    const sides = parents.map((p) => p.approvals?.byId.get(a.id)?.approval).filter((x) => x !== undefined);
    if (sides.length && !sides.some((x) => x.status === a.status)) {
      out.push({
        file,
        line: a.line,
        message: `${a.id} is ${a.status} in the merge but not in either parent, and no log line explains it`,
      });
    }
  }
  for (const actor of merged.actors.values()) {
    const sides = parents.map((p) => p.approvals?.actors.get(actor.name)).filter((x) => x !== undefined);
    const same = (x: Actor) => x.automation === actor.automation && x.roles.join(",") === actor.roles.join(",");
    if (!sides.some(same) && !explained.has(actor.name)) {
      out.push({
        file,
        line: actor.line,
        message: `The roles of ${actor.name} in the merge are in neither parent; change roles through an approved request`,
      });
    }
  }
}
