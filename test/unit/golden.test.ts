// Golden fixtures: valid ledgers read without errors and stay byte-identical; invalid ones give
// exactly the expected diagnostics; edit cases turn before.md into after.md byte for byte.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { formatDiagnostic } from "../../src/model/diagnostic.js";
import { parseTime } from "../../src/model/time.js";
import { planAddTask } from "../../src/rules/plan-add.js";
import { planSetFields } from "../../src/rules/plan-set.js";
import { expectGolden } from "../support/golden.js";
import { FIXTURES } from "../support/paths.js";

const kindOf = (name: string) => (name.startsWith("approvals") ? "approvals" : "tasks");
const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".md") && !f.endsWith(".after.md"));

function diagnosticsText(name: string, text: string): string {
  const { diagnostics } = lintLedger(kindOf(name), name, text, sha256Hex);
  return diagnostics.map(formatDiagnostic).join("\n") + (diagnostics.length ? "\n" : "");
}

describe("valid fixtures", () => {
  const dir = join(FIXTURES, "valid");
  it("has fixtures", () => expect(mdFiles(dir).length).toBeGreaterThanOrEqual(5));
  for (const name of mdFiles(dir)) {
    it(`${name}: no errors, warnings as expected, bytes unchanged by an empty edit`, () => {
      const text = readFileSync(join(dir, name), "utf8");
      const { diagnostics } = lintLedger(kindOf(name), name, text, sha256Hex);
      expect(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
      expectGolden(join(dir, name.replace(/\.md$/, ".expected")), diagnosticsText(name, text));
      expect(applySplices(text, [])).toBe(text);
    });
  }
});

describe("invalid fixtures", () => {
  const dir = join(FIXTURES, "invalid");
  it("has fixtures", () => expect(mdFiles(dir).length).toBeGreaterThanOrEqual(8));
  for (const name of mdFiles(dir)) {
    it(`${name}: reports its diagnostics with file:line:column`, () => {
      const text = readFileSync(join(dir, name), "utf8");
      const out = diagnosticsText(name, text);
      expect(out).toMatch(/error: /);
      expectGolden(join(dir, name.replace(/\.md$/, ".expected")), out);
    });
  }
});

interface EditCase {
  readonly now: string;
  readonly actor: string;
  readonly ops: ReadonlyArray<
    | { readonly op: "set"; readonly id: string; readonly set: Record<string, string> }
    | {
        readonly op: "add";
        readonly title: string;
        readonly priority?: string;
        readonly labels?: string;
        readonly depends?: string;
      }
  >;
}

describe("edit cases", () => {
  const dir = join(FIXTURES, "edits");
  const cases = readdirSync(dir).filter((f) => f.endsWith(".before.md"));
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(6));
  for (const before of cases) {
    const name = before.replace(/\.before\.md$/, "");
    it(`${name}: before + edits = after, byte for byte`, () => {
      let text = readFileSync(join(dir, before), "utf8");
      const spec = JSON.parse(readFileSync(join(dir, `${name}.edit.json`), "utf8")) as EditCase;
      const by = { now: parseTime(spec.now) as number, actor: spec.actor, role: "CMD" as const, hasher: sha256Hex };
      for (const op of spec.ops) {
        const ledger = readTasks("TASKS.md", text);
        const plan =
          op.op === "set" ? planSetFields(ledger, op.id, Object.entries(op.set), by) : planAddTask(ledger, op, by);
        if (!plan.ok) throw new Error(plan.message);
        text = applySplices(text, plan.splices);
      }
      const { diagnostics } = lintLedger("tasks", "TASKS.md", text, sha256Hex);
      expect(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
      expectGolden(join(dir, `${name}.after.md`), text);
    });
  }
});
