// The tools: what an agent wants to do, each over the same use case the CLI calls (src/app),
// with its input and output schemas. Answers are small: a task is a handful of fields, lists
// are paged.

import { requestApproval } from "../app/approvals.js";
import type { Context } from "../app/context.js";
import { RefusedError } from "../app/errors.js";
import type { Attempt } from "../app/refusal.js";
import { NothingToDo, next, transition } from "../app/transition.js";
import { listView, showView, statusView } from "../app/views.js";
import type { Lease, Task } from "../model/task.js";
import { formatDuration, formatTime } from "../model/time.js";
import { matcher } from "../rules/filter.js";
import { describeClash } from "../rules/path-overlap.js";
import type { TransitionResult } from "../rules/workflow.js";
import type { Args, Values } from "./args.js";
import type { LeaseKeeper } from "./leases.js";

export interface ToolKit {
  readonly ctx: Context;
  readonly keeper: LeaseKeeper;
  /** actor@host, as leases name their holder. */
  readonly holder: string;
  readonly actor: string;
}

export interface Tool {
  readonly name: string;
  readonly description: string;
  readonly args: Args;
  readonly output: Record<string, unknown>;
  readonly readOnly: boolean;
  readonly idempotent: boolean;
  /** What the use case was asked, so a refusal can be explained (app/refusal.ts). */
  readonly attempt: (v: Values) => Attempt;
  readonly run: (kit: ToolKit, v: Values) => Promise<Record<string, unknown>>;
}

export const PAGE = 10;
const BODY_LIMIT = 4000;

const str = { type: "string" };
const strOrNull = { type: ["string", "null"] };
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
});
const ROW = obj(
  {
    id: str,
    title: str,
    state: str,
    priority: str,
    labels: { type: "array", items: str },
    assignee: str,
    holder: str,
    until: str,
    blocked: str,
  },
  ["id", "title", "state", "priority"],
);
const MOVE = obj({ id: str, from: str, to: str });

/** A task as a list row: empty fields left out. */
export function row(t: Task): Record<string, unknown> {
  return {
    id: t.id,
    title: t.title,
    state: t.state,
    priority: t.priority,
    ...(t.labels.length ? { labels: t.labels } : {}),
    ...(t.assignee !== undefined ? { assignee: t.assignee } : {}),
    ...(t.lease ? { holder: t.lease.holder, until: formatTime(t.lease.until) } : {}),
    ...(t.blocked !== undefined ? { blocked: t.blocked } : {}),
  };
}

const move = (r: TransitionResult) => ({ id: r.id, from: r.from, to: r.to });

const ID = { kind: "id", description: "task ID, like T-12", required: true } as const;

export const TOOLS: readonly Tool[] = [
  {
    name: "next_task",
    description: "The best task for you to take now (not claimed), or null with the reason.",
    args: { labels: { kind: "labels", description: "only tasks with all these labels" } },
    output: obj(
      {
        task: { anyOf: [ROW, { type: "null" }] },
        reason: str,
        skipped: { type: "array", items: obj({ id: str, why: str }, ["id", "why"]) },
      },
      ["task"],
    ),
    readOnly: true,
    idempotent: true,
    // Refused only when the caller may not claim (ROLE_DENIED) or the ledger has errors.
    attempt: () => ({ action: "claim" }),
    run: async ({ ctx }, v) => {
      try {
        const r = await next(ctx, { labels: (v.labels as string[]) ?? [], claim: false });
        // Better-placed tasks passed over because their paths overlap a DOING task's.
        const skipped = r.pick.skipped.map((k) => ({
          id: k.id,
          why: `its paths overlap those of ${k.clashes.map(describeClash).join("; ")}`,
        }));
        return { task: r.pick.task ? row(r.pick.task) : null, ...(skipped.length ? { skipped } : {}) };
      } catch (e) {
        if (e instanceof NothingToDo) return { task: null, reason: e.message };
        throw e;
      }
    },
  },
  {
    name: "show_task",
    description: "One task: its fields and its text.",
    args: { id: ID },
    output: obj(
      {
        task: ROW,
        depends: { type: "array", items: str },
        fields: { type: "object", additionalProperties: str },
        body: str,
        truncated: { type: "boolean" },
      },
      ["task", "fields", "body"],
    ),
    readOnly: true,
    idempotent: true,
    attempt: (v) => ({ id: v.id as string }),
    run: async ({ ctx }, v) => {
      const s = showView(ctx, v.id as string);
      const truncated = s.body.length > BODY_LIMIT;
      return {
        task: row(s.task),
        ...(s.task.depends.length ? { depends: s.task.depends } : {}),
        fields: Object.fromEntries(s.task.fields.map((f) => [f.key, f.value])),
        body: truncated ? s.body.slice(0, BODY_LIMIT) : s.body,
        ...(truncated ? { truncated: true } : {}),
      };
    },
  },
  {
    name: "claim_task",
    description:
      "Take a task (without id: the best next one). The server keeps the lease alive while you are connected.",
    args: {
      id: { kind: "id", description: "task ID, like T-12 (default: the best next task)" },
      labels: { kind: "labels", description: "without id: only tasks with all these labels" },
      ttl: { kind: "duration", description: "lease length, like 30m (default: the board's policy)" },
    },
    output: obj({
      id: str,
      title: str,
      lease: obj({ holder: str, token: { type: "integer" }, until: str, ttl: str }),
      renewed: { type: "boolean", description: "the server renews the lease every ttl/3 until you release or submit" },
    }),
    readOnly: false,
    idempotent: false,
    attempt: (v) => ({ action: "claim", id: v.id as string | undefined }),
    run: async ({ ctx, keeper, holder }, v) => {
      const ttl = v.ttl as number | undefined;
      // Claiming again what this server holds gives the lease back as it stands (agents retry).
      const mine = v.id === undefined ? undefined : keeper.tokenOf(v.id as string);
      if (mine !== undefined) {
        const { task } = showView(ctx, v.id as string);
        if (task.lease && task.lease.holder === holder && task.lease.token === mine)
          return leaseAnswer(task.id, task.title, task.lease);
      }
      let claimed: TransitionResult | undefined;
      let title: string;
      if (v.id === undefined) {
        const r = await next(ctx, { labels: (v.labels as string[]) ?? [], claim: true, ttl, via: "mcp" });
        claimed = r.claimed;
        title = r.pick.task?.title ?? "";
      } else {
        claimed = await transition(ctx, { action: "claim", id: v.id as string, ttl, via: "mcp" });
        title = showView(ctx, claimed.id).task.title;
      }
      const lease = claimed?.lease;
      if (!claimed || !lease) throw new RefusedError("The claim gave no lease");
      keeper.hold(claimed.id, lease);
      return leaseAnswer(claimed.id, title, lease);
    },
  },
  {
    name: "submit_task",
    description: "Hand your work in for review (DOING -> REVIEW); the lease ends.",
    args: { id: ID },
    output: MOVE,
    readOnly: false,
    idempotent: false,
    attempt: (v) => ({ action: "submit", id: v.id as string }),
    run: (kit, v) => leaseAction(kit, "submit", v.id as string),
  },
  {
    name: "release_task",
    description: "Give a task back undone (DOING -> READY); the lease ends.",
    args: { id: ID },
    output: MOVE,
    readOnly: false,
    idempotent: false,
    attempt: (v) => ({ action: "release", id: v.id as string }),
    run: (kit, v) => leaseAction(kit, "release", v.id as string),
  },
  {
    name: "block_task",
    description: "Mark a task blocked with the reason (its state stays); a CMD actor unblocks it.",
    args: { id: ID, reason: { kind: "line", description: "why, one line", required: true } },
    output: obj({ id: str, state: str, blocked: str }),
    readOnly: false,
    idempotent: false,
    attempt: (v) => ({ action: "block", id: v.id as string }),
    run: async ({ ctx }, v) => {
      const r = await transition(ctx, { action: "block", id: v.id as string, reason: v.reason as string, via: "mcp" });
      return { id: r.id, state: r.to, blocked: v.reason as string };
    },
  },
  {
    name: "accept_task",
    description: "Accept reviewed work (REVIEW -> DONE), as AUDIT; never work you did yourself.",
    args: { id: ID },
    output: MOVE,
    readOnly: false,
    idempotent: false,
    attempt: (v) => ({ action: "accept", id: v.id as string }),
    // As the CLI's accept: the task's clean worktree is removed, a dirty one refuses (docs/paths.md).
    run: async ({ ctx }, v) =>
      move(
        (
          await (
            await import("../app/worktree.js")
          ).transitionEndingWorktree(ctx, { action: "accept", id: v.id as string, via: "mcp" }, { keep: false })
        ).result,
      ),
  },
  {
    name: "request_approval",
    description: "Ask for an approval of a subject (a task ID, or any text an approver decides on).",
    args: {
      subject: {
        kind: "line",
        description: "what to approve: a task ID like T-12, or a short subject",
        required: true,
      },
      title: { kind: "line", description: "the request's title (default: from the subject)" },
      evidence: { kind: "lines", description: "evidence lines: links, test results" },
    },
    output: obj({ id: str, superseded: { type: "array", items: str } }),
    readOnly: false,
    idempotent: false,
    attempt: () => ({}),
    run: async ({ ctx }, v) => {
      const r = await requestApproval(ctx, {
        subject: v.subject as string,
        title: v.title as string | undefined,
        evidence: v.evidence as string[] | undefined,
      });
      return { id: r.id, superseded: r.superseded };
    },
  },
  {
    name: "board_summary",
    description: `Counts by state, leases, approvals pending, and a page of tasks (${PAGE} by default).`,
    args: {
      state: { kind: "state", description: "only tasks in this state" },
      labels: { kind: "labels", description: "only tasks with all these labels" },
      mine: { kind: "bool", description: "only tasks assigned to you or leased by you" },
      cursor: { kind: "cursor", description: "the cursor of the previous page" },
      limit: { kind: "limit", description: `rows per page (default ${PAGE})` },
    },
    output: obj(
      {
        byState: { type: "object", additionalProperties: { type: "integer" } },
        blocked: { type: "integer" },
        leases: obj({ held: { type: "integer" }, expired: { type: "integer" } }),
        approvalsPending: { type: "integer" },
        total: { type: "integer", description: "tasks matching the filter" },
        tasks: { type: "array", items: ROW },
        cursor: { ...strOrNull, description: "pass it back for the next page; null on the last" },
      },
      ["byState", "total", "tasks", "cursor"],
    ),
    readOnly: true,
    idempotent: true,
    attempt: () => ({}),
    run: async ({ ctx, holder, actor }, v) => {
      const s = statusView(ctx).summary;
      const filter = matcher({
        states: v.state ? [v.state as string] : [],
        labels: (v.labels as string[]) ?? [],
      });
      const keep = v.mine
        ? (t: Task) => (filter?.(t) ?? true) && (t.assignee === actor || t.lease?.holder === holder)
        : filter;
      const tasks = listView(ctx, {}).tasks;
      const start = (v.cursor as number | undefined) ?? 0;
      const limit = (v.limit as number | undefined) ?? PAGE;
      const page: Record<string, unknown>[] = [];
      let total = 0;
      for (const t of tasks) {
        if (keep && !keep(t)) continue;
        if (total >= start && page.length < limit) page.push(row(t));
        total++;
      }
      const end = start + page.length;
      return {
        byState: s.byState,
        blocked: s.blocked.length,
        leases: { held: s.leases.held, expired: s.leases.expired.length },
        approvalsPending: s.approvals.pending,
        total,
        tasks: page,
        cursor: end < total ? String(end) : null,
      };
    },
  },
];

function leaseAnswer(id: string, title: string, lease: Lease): Record<string, unknown> {
  return {
    id,
    title,
    lease: { holder: lease.holder, token: lease.token, until: formatTime(lease.until), ttl: formatDuration(lease.ttl) },
    renewed: true,
  };
}

async function leaseAction(kit: ToolKit, action: "submit" | "release", id: string): Promise<Record<string, unknown>> {
  const token = kit.keeper.tokenOf(id);
  const r = await transition(kit.ctx, { action, id, token, via: "mcp" });
  kit.keeper.drop(id);
  return move(r);
}
