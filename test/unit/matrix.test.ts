// The role matrix, table-driven: every action x role x state is allowed or refused with its
// sentence, and docs/workflow.md shows exactly the table in the code.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../src/model/approval.js";
import { STATES } from "../../src/model/task.js";
import { MATRIX, matrixTable, permits, TASK_ACTIONS } from "../../src/rules/matrix.js";
import { ROOT } from "../support/paths.js";

const ALLOWED: Record<string, { role: string; from: string[] }> = {
  add: { role: "CMD", from: [] },
  set: { role: "CMD", from: ["PLAN", "READY", "DOING", "REVIEW"] },
  ready: { role: "CMD", from: ["PLAN"] },
  plan: { role: "CMD", from: ["READY"] },
  cancel: { role: "CMD", from: ["PLAN", "READY", "DOING", "REVIEW"] },
  unblock: { role: "CMD", from: ["PLAN", "READY", "DOING", "REVIEW"] },
  claim: { role: "WORK", from: ["READY", "DOING"] },
  renew: { role: "WORK", from: ["DOING"] },
  release: { role: "WORK", from: ["DOING"] },
  submit: { role: "WORK", from: ["DOING"] },
  block: { role: "WORK", from: ["PLAN", "READY", "DOING", "REVIEW"] },
  accept: { role: "AUDIT", from: ["REVIEW"] },
  rework: { role: "AUDIT", from: ["REVIEW"] },
  fail: { role: "WORK", from: ["DOING"] },
  recover: { role: "CMD", from: ["DOING"] },
};

describe("role matrix", () => {
  it("covers exactly the actions the issue names", () => {
    expect([...TASK_ACTIONS].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  const cases = TASK_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => STATES.map((state) => ({ action, role, state }))),
  );
  it.each(cases)("$action by $role on a $state task", ({ action, role, state }) => {
    const want = ALLOWED[action] as { role: string; from: string[] };
    const got = permits(action, "pat", [role], action === "add" ? undefined : state, "T-7");
    if (role !== want.role) {
      expect(got).toEqual({ ok: false, message: `pat (${role}) may not ${action}; that takes the ${want.role} role` });
    } else if (action !== "add" && !want.from.includes(state)) {
      expect(got).toEqual({ ok: false, message: `T-7 is ${state}; ${action} needs it ${want.from.join(" or ")}` });
    } else {
      expect(got).toEqual({ ok: true, role });
    }
  });

  it("an actor with several roles acts in the one the action needs", () => {
    expect(permits("accept", "alice", ["CMD", "AUDIT"], "REVIEW")).toEqual({ ok: true, role: "AUDIT" });
    expect(MATRIX.accept.to).toBe("DONE");
  });

  it("docs/workflow.md shows the same table", () => {
    const doc = readFileSync(join(ROOT, "docs/workflow.md"), "utf8");
    const m = /<!-- role-matrix:start -->\n([\s\S]*?)\n<!-- role-matrix:end -->/.exec(doc);
    expect(m?.[1]).toBe(matrixTable());
  });
});
