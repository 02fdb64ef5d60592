// Golden files: compare output with a committed expectation. UPDATE_GOLDEN=1 rewrites them
// locally; in CI (CI set) that is refused, and a missing expectation always fails.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export function expectGolden(expectedPath: string, actual: string): void {
  const update = process.env.UPDATE_GOLDEN === "1" && !process.env.CI;
  if (!existsSync(expectedPath)) {
    if (update) writeFileSync(expectedPath, actual);
    throw new Error(`Missing golden file ${expectedPath}${update ? " (written now: review it and run again)" : ""}`);
  }
  if (update) {
    writeFileSync(expectedPath, actual);
    return;
  }
  expect(actual).toBe(readFileSync(expectedPath, "utf8"));
}
