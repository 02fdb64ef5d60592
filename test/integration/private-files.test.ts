// Ledgers outside git keep their locks, temp files and memos in the system's temp folder
// (issue 15): taskgate's folders there are 0700, and one planted there beforehand as a
// symlink, as a folder writable by others or as another user's folder is refused with one
// sentence (exit 74); nothing is written through it and the ledgers are unchanged.

import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { read, runCli } from "../support/cli.js";

const uid = process.getuid?.() ?? -1;

/** A board outside git, and the temp folder its child processes use (TMPDIR). */
async function board(): Promise<{ dir: string; tmp: string; env: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-private-"));
  const tmp = mkdtempSync(join(tmpdir(), "taskgate-tmpdir-"));
  const env = { TMPDIR: tmp, TASKGATE_ACTOR: "alice" };
  expect((await runCli(["init"], { cwd: dir, env })).code).toBe(0);
  const r = await runCli(["add", "--ready", "First"], { cwd: dir, env });
  expect(r.code, r.stderr).toBe(0);
  return { dir, tmp, env };
}

const mode = (p: string) => (lstatSync(p).mode & 0o777).toString(8);

/** The command is refused with the sentence, writes nothing through `planted`, and leaves the ledgers as they were. */
async function refused(b: { dir: string; env: Record<string, string> }, planted: string, why: RegExp, empty: string) {
  const before = read(b.dir, "TASKS.md");
  const r = await runCli(["add", "--ready", "Second"], { cwd: b.dir, env: b.env });
  expect(r.code).toBe(74);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toContain(`Refusing to use ${planted} for taskgate's locks and memos: it `);
  expect(r.stderr).toMatch(why);
  expect(readdirSync(empty)).toEqual([]);
  expect(read(b.dir, "TASKS.md")).toBe(before);
}

describe.runIf(uid >= 0)("private working files of ledgers outside git", () => {
  it("makes its folders 0700, and closes a folder of its own that others could read", async () => {
    const b = await board();
    const top = join(b.tmp, `taskgate-${uid}`);
    expect((await runCli(["metrics"], { cwd: b.dir, env: b.env })).code).toBe(0); // writes the log memos
    const [place] = readdirSync(top);
    expect(mode(top)).toBe("700");
    expect(mode(join(top, place as string))).toBe("700");
    expect(readdirSync(join(top, place as string))).toContain("memo");
    expect(mode(join(top, place as string, "memo"))).toBe("700");
    chmodSync(top, 0o755);
    expect((await runCli(["add", "--ready", "Second"], { cwd: b.dir, env: b.env })).code).toBe(0);
    expect(mode(top)).toBe("700");
  });

  it("refuses the folder planted as a symlink, at either level, and writes nothing through it", async () => {
    const b = await board();
    const top = join(b.tmp, `taskgate-${uid}`);
    const [place] = readdirSync(top) as [string];
    const elsewhere = mkdtempSync(join(tmpdir(), "taskgate-elsewhere-"));
    rmSync(top, { recursive: true });
    symlinkSync(elsewhere, top);
    await refused(b, top, /is a symbolic link/, elsewhere);
    // A reader does without its memos rather than write them through the link.
    const m = await runCli(["metrics"], { cwd: b.dir, env: b.env });
    expect(m.code, m.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);

    rmSync(top);
    mkdirSync(top, { mode: 0o700 });
    symlinkSync(elsewhere, join(top, place));
    await refused(b, join(top, place), /is a symbolic link/, elsewhere);
    rmSync(elsewhere, { recursive: true });
  });

  it("refuses a folder writable by others, and writes nothing in it", async () => {
    const b = await board();
    const top = join(b.tmp, `taskgate-${uid}`);
    rmSync(top, { recursive: true });
    mkdirSync(top);
    chmodSync(top, 0o777);
    await refused(b, top, /is writable by others \(mode 777\)/, top);
  });

  it.runIf(uid === 0)("refuses a folder of another user", async () => {
    const b = await board();
    const top = join(b.tmp, `taskgate-${uid}`);
    rmSync(top, { recursive: true });
    mkdirSync(top, { mode: 0o700 });
    chownSync(top, 65534, 65534);
    await refused(b, top, /belongs to another user \(uid 65534\)/, top);
  });
});
