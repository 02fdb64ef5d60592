// Twenty real processes write at the same moment: nothing is lost, nothing is duplicated.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { makeRepo, read, runCli } from "../support/cli.js";

const PROCESSES = 20;
const ROUNDS = 5;

describe("concurrent writers", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: ${PROCESSES} processes add at once and get ${PROCESSES} distinct tasks`, async () => {
      const dir = await makeRepo();
      const runs = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) => runCli(["add", `parallel task ${i}`], { cwd: dir })),
      );
      for (const r of runs) expect([r.code, r.stderr]).toEqual([0, ""]);
      const ids = runs.map((r) => r.stdout.trim());
      expect(new Set(ids).size).toBe(PROCESSES);
      const text = read(dir, "TASKS.md");
      const { ledger, log, diagnostics } = lintLedger("tasks", "TASKS.md", text, sha256Hex);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(ledger.tasks.map((t) => t.id).sort()).toEqual([...ids].sort());
      expect(ledger.tasks.map((t) => t.title).sort()).toEqual(
        Array.from({ length: PROCESSES }, (_, i) => `parallel task ${i}`).sort(),
      );
      expect(
        log
          .filter((e) => e.action === "add")
          .map((e) => e.target)
          .sort(),
      ).toEqual([...ids].sort());
      expect(readTasks("TASKS.md", text).tasks).toHaveLength(PROCESSES);
    });
  }
});
