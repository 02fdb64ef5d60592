// The TASKS.md a test left behind, read with its log and checked to have no error.

import { expect } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { read } from "./cli.js";

export function validTasks(dir: string) {
  const l = lintLedger("tasks", "TASKS.md", read(dir, "TASKS.md"), sha256Hex);
  expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return l;
}
