// The memo of a log proven clean (src/app/ledgers.ts) is kept as soon as a write proves it,
// also when that write is refused or has nothing to change (issue #21: such calls hashed every
// log line again each time until a write landed). It answers only for the very bytes it was
// made from: a log line changed by hand afterwards is still found by the next write.

import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

describe("the log's memo", () => {
  it("is kept by a write that changes nothing, and never answers for a log edited since", async () => {
    const repo = await makeRepo();
    for (const title of ["One", "Two"]) expect((await runCli(["add", title, "--ready"], { cwd: repo })).code).toBe(0);
    expect((await runCli(["set", "T-1", "priority=P2"], { cwd: repo })).code).toBe(0);
    const memoDir = join(repo, ".git", "taskgate", "memo");
    const logMemos = () => readdirSync(memoDir).filter((n) => n.startsWith("TASKS.md-log-"));
    // As after a new build or a pull: no memo of this log.
    for (const m of logMemos()) rmSync(join(memoDir, m));
    expect(logMemos()).toEqual([]);

    const same = await runCli(["set", "T-1", "priority=P2"], { cwd: repo });
    expect(same.stdout + same.stderr).toContain("nothing to change");
    const memos = logMemos();
    expect(memos).toHaveLength(1);
    // It holds this log, the bytes it answers for.
    const text = read(repo, "TASKS.md");
    const log = text.slice(text.indexOf("## Log"));
    expect(readFileSync(join(memoDir, memos[0] as string), "utf8")).toContain(log.split("\n")[1] as string);

    // A log line changed by hand (its hash no longer chains): the memo does not answer, the
    // write is refused with the line, and nothing is written.
    const lines = text.split("\n");
    const at = lines.findIndex((l) => / add T-2\b/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace("add T-2", "add T-1");
    const edited = lines.join("\n");
    writeFileSync(join(repo, "TASKS.md"), edited);
    const refused = await runCli(["set", "T-1", "priority=P1"], { cwd: repo });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(new RegExp(`TASKS\\.md:${at + 1}:`));
    expect(read(repo, "TASKS.md")).toBe(edited);
  });
});
