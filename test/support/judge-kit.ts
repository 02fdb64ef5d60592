// The commit check's unit-test kit (test/unit/judge*.test.ts): two small ledgers, log lines
// chained onto them, and judge(), which judges a change with and without the shortcuts and
// requires both verdicts to agree.

import { expect } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { formatLogLine, lastHash, type NewLogLine } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { judgeChange, type Ledgers } from "../../src/rules/judge.js";

export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

export const APPROVALS = `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK, AUDIT
- bob-agent: WORK (for bob)
- carol: WORK, AUDIT
- dan: WORK
- robot: CMD, WORK, AUDIT (automation)

## Log
`;

export const TASKS = `# Tasks

## T-1 First
- state: READY

## T-2 Second
- state: REVIEW
- workers: carol

## Log
`;

export type Line = Omit<NewLogLine, "time"> & { time?: number };

/** Appends log lines, chained from the text's last hash, to a text ending with its Log section. */
export function withLog(text: string, kind: "tasks" | "approvals", lines: Line[], time = T0): string {
  const ledger = kind === "tasks" ? readTasks("TASKS.md", text) : readApprovals("APPROVALS.md", text);
  let previous = lastHash(ledger.doc, ledger.log);
  let out = text;
  for (const l of lines) {
    const line = formatLogLine(sha256Hex, previous, { time, ...l });
    previous = line.slice(-12);
    out += `${line}\n`;
  }
  return out;
}

export const ledgers = (t?: string | undefined, a?: string | undefined): Ledgers => ({
  tasks: t === undefined ? undefined : readTasks("TASKS.md", t),
  approvals: a === undefined ? undefined : readApprovals("APPROVALS.md", a),
});

export const show = (v: { file: string; line: number; message: string; invalid?: boolean }) =>
  `${v.file}:${v.line}: ${v.message}${v.invalid ? " [invalid]" : ""}`;

/** Judged with and without the shortcuts, which must agree. */
export function judge(
  before: [(string | undefined)?, (string | undefined)?],
  after: [(string | undefined)?, (string | undefined)?],
  committer: string | undefined,
  now = T0,
) {
  const both = [true, false].map((noShortcuts) =>
    judgeChange(ledgers(...before), ledgers(...after), { committer, hasher: sha256Hex, now, noShortcuts }).map(show),
  );
  expect(both[1]).toEqual(both[0]);
  return both[0] as string[];
}
