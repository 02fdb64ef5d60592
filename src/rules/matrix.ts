// The role matrix: which role may take which action on a task, from which state, to which.
// One table; docs/workflow.md shows the same table, and a test keeps the two equal.

import type { Role } from "../model/approval.js";
import type { State } from "../model/task.js";

export type TaskAction =
  | "add"
  | "set"
  | "ready"
  | "plan"
  | "cancel"
  | "unblock"
  | "claim"
  | "renew"
  | "release"
  | "submit"
  | "block"
  | "accept"
  | "rework"
  | "recover"
  | "fail";

export interface MatrixRow {
  readonly role: Role;
  /** States the action starts from; empty for `add`, which creates the task. */
  readonly from: readonly State[];
  /** The state it ends in; "same" when the state does not change. */
  readonly to: State | "same";
  readonly summary: string;
}

const OPEN: readonly State[] = ["PLAN", "READY", "DOING", "REVIEW"];

export const MATRIX: Readonly<Record<TaskAction, MatrixRow>> = {
  add: { role: "CMD", from: [], to: "PLAN", summary: "add a task (READY with --ready)" },
  set: { role: "CMD", from: OPEN, to: "same", summary: "change title, priority, assignee, labels, dependencies" },
  ready: { role: "CMD", from: ["PLAN"], to: "READY", summary: "make a planned task available to workers" },
  plan: { role: "CMD", from: ["READY"], to: "PLAN", summary: "take a task back for replanning" },
  cancel: { role: "CMD", from: OPEN, to: "DONE", summary: "end a task without doing it (resolution cancelled)" },
  unblock: { role: "CMD", from: OPEN, to: "same", summary: "clear a block" },
  claim: {
    role: "WORK",
    from: ["READY", "DOING"],
    to: "DOING",
    summary: "take a lease (DOING only when the lease expired or after rework)",
  },
  renew: { role: "WORK", from: ["DOING"], to: "same", summary: "extend the lease (holder only)" },
  release: { role: "WORK", from: ["DOING"], to: "READY", summary: "give the lease back (holder only)" },
  submit: { role: "WORK", from: ["DOING"], to: "REVIEW", summary: "hand the work in for review (holder only)" },
  block: { role: "WORK", from: OPEN, to: "same", summary: "mark blocked, with a reason" },
  accept: { role: "AUDIT", from: ["REVIEW"], to: "DONE", summary: "accept the work (not by who did it)" },
  rework: { role: "AUDIT", from: ["REVIEW"], to: "DOING", summary: "send back for rework, with a reason" },
  fail: {
    role: "WORK",
    from: ["DOING"],
    to: "READY",
    summary: "give the lease back after a failed run (holder only; attempts + 1, backoff; blocked at max-attempts)",
  },
  recover: {
    role: "CMD",
    from: ["DOING"],
    to: "READY",
    summary: "put back a task whose lease expired (watch: attempts + 1, backoff; blocked at max-attempts)",
  },
};

export const TASK_ACTIONS = Object.keys(MATRIX) as TaskAction[];

export type Permission = { readonly ok: true; readonly role: Role } | { readonly ok: false; readonly message: string };

/** Whether an actor with `roles` may take `action` on a task in `state` (undefined: a new task). */
export function permits(
  action: TaskAction,
  actor: string,
  roles: readonly Role[],
  state: State | undefined,
  id?: string,
): Permission {
  const row = MATRIX[action];
  if (!roles.includes(row.role)) {
    return {
      ok: false,
      message: `${actor} (${roles.join(", ") || "no roles"}) may not ${action}; that takes the ${row.role} role`,
    };
  }
  if (state !== undefined && !row.from.includes(state)) {
    // An action from no state (add) makes a task: one with this ID is there already.
    if (row.from.length === 0)
      return {
        ok: false,
        message: `${id ?? "The task"} is on the board already (${state}); ${action} makes a new task`,
      };
    return { ok: false, message: `${id ?? "The task"} is ${state}; ${action} needs it ${row.from.join(" or ")}` };
  }
  return { ok: true, role: row.role };
}

/** The matrix as the Markdown table in docs/workflow.md. */
export function matrixTable(): string {
  const rows = TASK_ACTIONS.map((a) => {
    const r = MATRIX[a];
    const from = r.from.length ? r.from.join(", ") : "(new)";
    return `| \`${a}\` | ${r.role} | ${from} | ${r.to === "same" ? "(unchanged)" : r.to} | ${r.summary} |`;
  });
  return ["| Action | Role | From | To | What it does |", "|---|---|---|---|---|", ...rows].join("\n");
}
