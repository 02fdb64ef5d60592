// Item 1 of issue 27: what a value may hold, end to end. Every single-line value with a line
// break or a control character is refused with exit 1, naming the field and the character, and
// no byte of either ledger changes; what a hand-edited file already holds is shown escaped.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

const CASES: [string, string, string][] = [
  ["U+2028", "\u2028", "U+2028 LINE SEPARATOR"],
  ["U+2029", "\u2029", "U+2029 PARAGRAPH SEPARATOR"],
  ["U+0085", "\u0085", "U+0085 NEXT LINE"],
  ["CR", "\r", "U+000D CARRIAGE RETURN"],
  ["VT", "\u000b", "U+000B LINE TABULATION"],
  ["ESC", "\u001b[31m", "U+001B ESCAPE"],
];

describe("values with line breaks and control characters", () => {
  let dir: string;
  const snapshot = () => [read(dir, "TASKS.md"), read(dir, "APPROVALS.md")];
  beforeAll(async () => {
    dir = await makeRepo();
    expect((await runCli(["add", "first"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["ready", "T-1"], { cwd: dir })).code).toBe(0);
  });

  for (const [label, ch, named] of CASES) {
    it(`block --reason, add and set refuse ${label} with exit 1, naming the field and the character`, async () => {
      const before = snapshot();
      const attempts: [string[], string][] = [
        [["block", "T-1", "--reason", `line${ch}two`], "reason"],
        [["add", `ti${ch}tle`], "title"],
        [["set", "T-1", `evidence=log${ch}x`], "evidence"],
        [["set", "T-1", `assignee=bo${ch}b`], "assignee"],
      ];
      for (const [args, field] of attempts) {
        const r = await runCli(args, { cwd: dir });
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(`${field} contains ${named}`);
        expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
        // The refusal itself prints the value escaped: no raw control character on stderr.
        expect(r.stderr).not.toContain(ch);
        expect(snapshot()).toEqual(before);
      }
      expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    });
  }

  it("accepts other Unicode (bidi marks, emoji, NBSP) and reads it back exactly", async () => {
    const title = "Résumé ✓ 🚀 a\u00a0b \u200f(rtl mark) \u05e9\u05dc\u05d5\u05dd";
    const add = await runCli(["add", title], { cwd: dir });
    expect(add.code, add.stderr).toBe(0);
    const id = add.stdout.trim();
    const reason = "waits on \u202eovers\u202c and \u2066isolates\u2069";
    expect((await runCli(["block", id, "--reason", reason], { cwd: dir })).code).toBe(0);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    const shown = JSON.parse((await runCli(["show", id, "--json"], { cwd: dir })).stdout);
    expect(shown.task.title).toBe(title);
    expect(shown.task.blocked).toBe(reason);
    // On a terminal the overrides are escaped; in JSON they are exact (above).
    const plain = await runCli(["show", id], { cwd: dir });
    expect(plain.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(plain.stdout).toContain("\\u202E");
  });

  it("a hand-written title with ESC sequences and U+202E: list, board and show print no raw ESC or U+202E", async () => {
    const path = join(dir, "TASKS.md");
    const text = readFileSync(path, "utf8");
    const evil = "innocent \u001b[2J\u001b[31mred\u001b]0;pwned\u0007 \u202etxt.exe";
    const edited = text.replace(/^## T-1 first$/m, `## T-1 ${evil}`);
    expect(edited).not.toBe(text);
    writeFileSync(path, edited.replace(/^- state: READY$/m, `- state: READY\n- note: x\u001b[1my\u202e`));
    for (const args of [["list"], ["board"], ["show", "T-1"], ["status"], ["check"]]) {
      const r = await runCli(args, { cwd: dir, env: { FORCE_COLOR: "0" } });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      for (const raw of ["\u001b", "\u202e", "\u0007"]) expect(r.stdout.includes(raw), args.join(" ")).toBe(false);
      if (args[0] !== "status" && args[0] !== "check") expect(r.stdout).toContain("innocent \\x1B");
    }
    // An approval's title, edited by hand the same way: approvals and approval show escape it.
    const req = await runCli(["approval", "request", "T-2", "--title", "plain"], { cwd: dir });
    expect(req.code, req.stderr).toBe(0);
    const approvalsPath = join(dir, "APPROVALS.md");
    const approvalsText = readFileSync(approvalsPath, "utf8");
    writeFileSync(approvalsPath, approvalsText.replace(/^(## A-\d+) plain$/m, `$1 ${evil}`));
    const aid = req.stdout.trim().split(" ")[0] as string;
    for (const args of [["approvals"], ["approval", "show", aid]]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain("innocent \\x1B");
      for (const raw of ["\u001b", "\u202e", "\u0007"]) expect(r.stdout.includes(raw), args.join(" ")).toBe(false);
    }
    writeFileSync(approvalsPath, approvalsText);
    const json = JSON.parse((await runCli(["show", "T-1", "--json"], { cwd: dir })).stdout);
    expect(json.task.title).toBe(evil);
    writeFileSync(path, text);
  });

  it("a ledger error that holds ESC, shown by metrics, board and forecast on stderr, is escaped too", async () => {
    const path = join(dir, "TASKS.md");
    const text = readFileSync(path, "utf8");
    const edited = text.replace(/^- state: READY$/m, "- state: READY\n- attempts: x\u001b]0;PWN\u0007\u001b[31m");
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    try {
      for (const args of [["metrics"], ["board"], ["forecast"]]) {
        const r = await runCli(args, { cwd: dir });
        expect(r.stderr, args.join(" ")).toMatch(/error/);
        for (const raw of ["\u001b", "\u0007"]) expect(r.stderr.includes(raw), args.join(" ")).toBe(false);
      }
    } finally {
      writeFileSync(path, text);
    }
  });
});
