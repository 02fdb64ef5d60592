// Field codecs: each known field's value text <-> typed value, with a sentence for bad input.
// Used both to read ledgers and to validate `set key=value` before anything is written.

import { isPriority, isState, type Lease, PRIORITIES, RESOLUTIONS, STATES, type State } from "../model/task.js";
import { formatDuration, formatTime, parseDuration, parseTime } from "../model/time.js";
import { readPathList } from "./path-globs.js";

export type Decoded<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const bad = (expected: string): Decoded<never> => ({ ok: false, expected });

export const TASK_ID = /^T-[1-9]\d*$/;
/** An actor name: letters (of any script: 田中 as well as bob), digits and . _ @ + -. */
export const ACTOR = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]*$/u;
const LABEL = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export const decodeState = (v: string): Decoded<State> => (isState(v) ? ok(v) : bad(`a state (${STATES.join("|")})`));

export const decodePriority = (v: string): Decoded<string> =>
  isPriority(v) ? ok(v) : bad(`a priority (${PRIORITIES.join("|")})`);

export const decodeTime = (v: string): Decoded<number> => {
  const t = parseTime(v);
  return t === undefined ? bad("a UTC time like 2026-11-24T10:30:00Z") : ok(t);
};

export const decodeDuration = (v: string): Decoded<number> => {
  const d = parseDuration(v);
  return d === undefined || d <= 0 ? bad("a duration like 90s, 30m, 2h or 1d") : ok(d);
};

/** A duration that may be zero ("0s"), for margins. */
export const decodeMargin = (v: string): Decoded<number> => {
  const d = parseDuration(v);
  return d === undefined ? bad("a duration like 0s, 30s or 2m") : ok(d);
};

export const decodeCount = (v: string): Decoded<number> =>
  /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad("a whole number like 0, 1 or 2");

export const decodePositive = (v: string): Decoded<number> =>
  /^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad("a whole number of at least 1");

export const decodeIdList = (v: string): Decoded<string[]> => {
  const ids = splitList(v);
  const wrong = ids.find((id) => !TASK_ID.test(id));
  return wrong === undefined ? ok(ids) : bad(`task IDs like T-9, T-10 separated by commas (not "${wrong}")`);
};

export const decodeLabels = (v: string): Decoded<string[]> => {
  const labels = splitList(v);
  const wrong = labels.find((l) => !LABEL.test(l));
  return wrong === undefined ? ok(labels) : bad(`labels like automation, phase-3 separated by commas (not "${wrong}")`);
};

export const decodeActor = (v: string): Decoded<string> =>
  ACTOR.test(v) ? ok(v) : bad("an actor name (letters, digits and . _ @ + -), like bob or bob@example.com");

export const decodeText = (v: string): Decoded<string> => (v.trim() ? ok(v.trim()) : bad("some text"));

export const decodeResolution = (v: string): Decoded<string> =>
  (RESOLUTIONS as readonly string[]).includes(v) ? ok(v) : bad(`a resolution (${RESOLUTIONS.join("|")})`);

/** A session name: TASKGATE_SESSION, or the one a run or work loop makes for itself. */
export const SESSION = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The holder is one word with an "@" inside it (what \S+@\S+ takes): checked with indexOf, as
 * that pattern backtracks over every "@" of a long word (quadratic: 40,000 characters took 2 s).
 * "session=..." is optional and last, so leases written before sessions existed still read.
 */
const LEASE = /^(\S+) token=([1-9]\d*) until=(\S+) ttl=(\S+)(?: session=(\S+))?$/;

export const decodeLease = (v: string): Decoded<Lease> => {
  const m = LEASE.exec(v);
  const expected = "a lease like bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m";
  const at = m ? (m[1] as string).indexOf("@", 1) : -1;
  if (!m || at < 0 || at === (m[1] as string).length - 1) return bad(expected);
  const until = parseTime(m[3] as string);
  const ttl = parseDuration(m[4] as string);
  if (until === undefined || ttl === undefined || ttl <= 0) return bad(expected);
  const session = m[5];
  if (session !== undefined && !SESSION.test(session)) return bad(`${expected} session=run-3f9a2c`);
  return ok({ holder: m[1] as string, token: Number(m[2]), until, ttl, ...(session ? { session } : {}) });
};

export function encodeLease(l: Lease): string {
  const session = l.session === undefined ? "" : ` session=${l.session}`;
  return `${l.holder} token=${l.token} until=${formatTime(l.until)} ttl=${formatDuration(l.ttl)}${session}`;
}

export const decodeBackoff = (v: string): Decoded<{ min: number; max: number }> => {
  const [a, b, ...rest] = v.split("..");
  const min = a === undefined ? undefined : parseDuration(a);
  const max = b === undefined ? undefined : parseDuration(b);
  if (rest.length || min === undefined || max === undefined || min <= 0 || max < min) {
    return bad("a backoff range like 1m..1h (smallest..largest)");
  }
  return ok({ min, max });
};

export const decodeWipLimit = (v: string): Decoded<Partial<Record<State, number>>> => {
  const out: Partial<Record<State, number>> = {};
  for (const part of splitList(v)) {
    const m = /^([A-Z]+)\s*=\s*(\d+)$/.exec(part);
    if (!m || !isState(m[1] as string)) return bad("limits like DOING=5, REVIEW=3");
    out[m[1] as State] = Number(m[2]);
  }
  return ok(out);
};

/** Path globs separated by commas (path-globs.ts): the files a task will touch. */
export function decodePaths(v: string): Decoded<string[]> {
  const r = readPathList(v);
  return r.ok
    ? ok(r.globs.map((g) => g.text))
    : bad(`path globs like src/ledger/**, docs/ledger-format.md separated by commas (${r.problem})`);
}

/** The task's own git worktree: its branch, then its folder (relative to the main worktree's top). */
export interface WorktreeField {
  readonly branch: string;
  readonly path: string;
}

export function decodeWorktree(v: string): Decoded<WorktreeField> {
  const m = /^(task\/[A-Za-z0-9._/-]+) (\S.*)$/.exec(v.trim());
  return m
    ? ok({ branch: m[1] as string, path: m[2] as string })
    : bad("a branch and a folder, like task/T-12-short-title ../repo.worktrees/T-12-short-title");
}

export const encodeWorktree = (w: WorktreeField): string => `${w.branch} ${w.path}`;

/** The task fields taskgate knows, each with its codec. Others are kept and reported by lint. */
export const TASK_FIELDS: Record<string, (v: string) => Decoded<unknown>> = {
  state: decodeState,
  priority: decodePriority,
  depends: decodeIdList,
  labels: decodeLabels,
  assignee: decodeActor,
  lease: decodeLease,
  attempts: decodeCount,
  blocked: decodeText,
  resolution: decodeResolution,
  "not-before": decodeTime,
  created: decodeTime,
  fence: decodeCount,
  workers: (v: string): Decoded<string[]> => {
    const names = splitList(v);
    const wrong = names.find((n) => !ACTOR.test(n));
    return wrong === undefined ? ok(names) : bad(`actor names separated by commas (not "${wrong}")`);
  },
  rework: decodeText,
  evidence: decodeText,
  "last-error": decodeText,
  phase: (v: string): Decoded<string> =>
    LABEL.test(v) ? ok(v) : bad("a phase name like automation or phase-3 (letters, digits and . _ / -)"),
  paths: decodePaths,
  worktree: decodeWorktree,
};

/** "80%" -> 0.8; "-30%" -> -0.3 (signed: a change). */
const decodePercent =
  (signed: boolean) =>
  (v: string): Decoded<number> =>
    (signed ? /^[-+]?\d+(\.\d+)?%$/ : /^\d+(\.\d+)?%$/).test(v) && (signed || Number.parseFloat(v) <= 100)
      ? ok(Number.parseFloat(v) / 100)
      : bad(signed ? "a change in percent like -30%" : "a percentage like 80%");

export const POLICY_FIELDS: Record<string, (v: string) => Decoded<unknown>> = {
  lease: decodeDuration,
  "max-attempts": decodePositive,
  backoff: decodeBackoff,
  "approval-required": decodeLabels,
  "wip-limit": decodeWipLimit,
  "clock-skew": decodeMargin,
  "signed-commits": (v: string): Decoded<boolean> =>
    v === "required" ? ok(true) : v === "optional" ? ok(false) : bad('"required" or "optional"'),
  "approval-sla": decodeDuration,
  "goal-automation": decodePercent(false),
  "goal-recovery": decodePercent(false),
  "goal-approval-wait": decodePercent(true),
  // The shape of an IANA name; whether the zone exists is asked of Intl only by metrics (it
  // costs a load of the zone data, which no other command needs).
  "time-zone": (v: string): Decoded<string> =>
    /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/.test(v)
      ? ok(v)
      : bad("a time zone like UTC or Europe/Berlin"),
};

export const APPROVAL_FIELDS: Record<string, (v: string) => Decoded<unknown>> = {
  status: (v) =>
    ["pending", "approved", "rejected", "superseded"].includes(v)
      ? ok(v)
      : bad("a status (pending|approved|rejected|superseded)"),
  subject: decodeText,
  "subject-hash": (v) => (/^sha256:[0-9a-f]{8,64}$/.test(v) ? ok(v) : bad("a hash like sha256:4be1c3f09a7d")),
  "requested-by": decodeActor,
  "requested-at": decodeTime,
  evidence: decodeText,
  approver: decodeActor,
  "decided-at": decodeTime,
  reason: decodeText,
  rule: decodeText,
  "rules-hash": decodeText,
  supersedes: (v) =>
    splitList(v).every((x) => /^A-[1-9]\d*$/.test(x)) ? ok(splitList(v)) : bad("approval IDs like A-3, A-4"),
  "superseded-by": (v) => (/^A-[1-9]\d*$/.test(v) ? ok(v) : bad("an approval ID like A-5")),
  change: (v) =>
    /^(?:(grant|revoke) [\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]* (CMD|WORK|AUDIT)|identify [\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]*|policy (approval-required|signed-commits|clock-skew)=[^\r\n]*|rules sha256:[0-9a-f]{16})$/u.test(
      v,
    )
      ? ok(v)
      : bad(
          'a change like "grant bob AUDIT", "revoke bob WORK", "identify bob", "policy approval-required=prod" or "rules sha256:4be1c3f09a7d5e21"',
        ),
};
