// A newcomer's first steps never dead-end: init beside a TASKS.md of another format says what
// to do (and makes the missing half beside a taskgate ledger), --dir to a missing folder says
// so, and what hook, merge-driver and schedule install put in, their uninstall takes out.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

function gitRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-onboard-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
  return dir;
}

describe("init beside files of its name", () => {
  it("a TASKS.md of another format: refused, unchanged, with the way to keep the board beside it", async () => {
    const dir = gitRepo();
    const own = "# Our tasks\n\n- [ ] write the docs\n- [x] ship 1.0\n";
    writeFileSync(join(dir, "TASKS.md"), own);
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^taskgate: TASKS\.md is already there and is not a taskgate ledger/);
    expect(r.stderr).toContain("taskgate --tasks BOARD.md init, then --tasks BOARD.md (or TASKGATE_TASKS=BOARD.md)");
    expect(read(dir, "TASKS.md")).toBe(own);
    expect(existsSync(join(dir, "APPROVALS.md"))).toBe(false);
    // Doing what it says works, and leaves their file alone.
    const beside = await runCli(["--tasks", "BOARD.md", "init"], { cwd: dir });
    expect(beside).toMatchObject({ code: 0, stdout: "Created BOARD.md and APPROVALS.md.\n" });
    expect((await runCli(["add", "Hello"], { cwd: dir, env: { TASKGATE_TASKS: "BOARD.md" } })).stdout).toBe("T-1\n");
    expect((await runCli(["check"], { cwd: dir, env: { TASKGATE_TASKS: "BOARD.md" } })).code).toBe(0);
    expect(read(dir, "TASKS.md")).toBe(own);
  });

  it("a taskgate TASKS.md without APPROVALS.md: init makes APPROVALS.md and keeps TASKS.md", async () => {
    const dir = await makeRepo();
    await runCli(["add", "Keep me"], { cwd: dir });
    const tasks = read(dir, "TASKS.md");
    rmSync(join(dir, "APPROVALS.md"));
    const r = await runCli(["init"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "Created APPROVALS.md.\n" });
    expect(read(dir, "TASKS.md")).toBe(tasks);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("a broken taskgate TASKS.md: refused with its first error and how to see them all", async () => {
    const dir = await makeRepo();
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("- lease: 30m", "- lease: forever"));
    rmSync(join(dir, "APPROVALS.md"));
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 error; first: TASKS\.md:\d+:\d+: error: .*forever/);
    expect(r.stderr).toContain("taskgate --tasks TASKS.md check lists what to fix");
  });

  it("--dir or TASKGATE_DIR naming a missing folder says so (exit 2), for init and every command", async () => {
    const dir = gitRepo();
    for (const [args, env] of [
      [["--dir", "board", "init"], {}],
      [["--dir", "board", "status"], {}],
      [["status"], { TASKGATE_DIR: "board" }],
    ] as const) {
      const r = await runCli(args, { cwd: dir, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^taskgate: (--dir|TASKGATE_DIR) board: no such folder; create it first \(mkdir -p board\)/,
      );
    }
    mkdirSync(join(dir, "board"));
    expect((await runCli(["--dir", "board", "init"], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "board", "TASKS.md"))).toBe(true);
  });
});

describe("uninstall", () => {
  it("hook uninstall takes out only taskgate's block, and the file when nothing else is left", async () => {
    const dir = await makeRepo();
    const hook = join(dir, ".git", "hooks", "pre-commit");
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    const alone = await runCli(["hook", "uninstall"], { cwd: dir });
    expect(alone).toMatchObject({ code: 0, stdout: `Removed ${hook} (it ran only taskgate check --staged)\n` });
    expect(existsSync(hook)).toBe(false);
    // A hook of the team's own: its lines stay, byte for byte.
    const own = "#!/bin/sh\necho linting\nnpm run lint\n";
    writeFileSync(hook, own, { mode: 0o755 });
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(hook, "utf8")).not.toBe(own);
    const r = await runCli(["hook", "uninstall"], { cwd: dir });
    expect(r.stdout).toBe(`Removed taskgate check --staged from ${hook} (its own commands are kept)\n`);
    expect(readFileSync(hook, "utf8")).toBe(own);
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect((await runCli(["hook", "uninstall"], { cwd: dir })).stdout).toMatch(
      /does not run taskgate check --staged: nothing to remove/,
    );
  });

  it("merge-driver uninstall removes the attribute lines and the clone's config, keeping other attributes", async () => {
    const dir = await makeRepo();
    writeFileSync(join(dir, ".gitattributes"), "*.png binary\n");
    expect((await runCli(["merge-driver", "install"], { cwd: dir })).code).toBe(0);
    const config = () => {
      try {
        return execFileSync("git", ["config", "--get-regexp", "^merge\\.taskgate"], { cwd: dir, encoding: "utf8" });
      } catch {
        return "";
      }
    };
    expect(config()).toMatch(/merge\.taskgate\.driver/);
    const r = await runCli(["merge-driver", "uninstall"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Removed 2 merge=taskgate lines from .*\.gitattributes\nRemoved merge\.taskgate from this clone's git config/,
    );
    expect(read(dir, ".gitattributes")).toBe("*.png binary\n");
    expect(config()).toBe("");
    expect((await runCli(["health"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["merge-driver", "uninstall"], { cwd: dir })).stdout).toMatch(/nothing to remove/);
  });

  it("schedule uninstall --cron removes this repository's line and keeps the others; --systemd the units", async () => {
    const dir = await makeRepo();
    const bin = mkdtempSync(join(tmpdir(), "taskgate-crontab-"));
    const table = join(bin, "table");
    writeFileSync(table, "MAILTO=ops@example.com\n0 3 * * * /usr/bin/backup\n");
    writeFileSync(
      join(bin, "crontab"),
      `#!/bin/sh\nif [ "$1" = "-l" ]; then cat "${table}"; elif [ "$1" = "-" ]; then cat > "${table}"; else exit 2; fi\n`,
      { mode: 0o755 },
    );
    const env = { PATH: `${bin}:${process.env.PATH}` };
    expect((await runCli(["schedule", "install", "--cron", "--write"], { cwd: dir, env })).code).toBe(0);
    expect(readFileSync(table, "utf8")).toMatch(/watch --once --quiet # taskgate-watch-/);
    const r = await runCli(["schedule", "uninstall", "--cron"], { cwd: dir, env });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Removed this repository's line \(taskgate-watch-[0-9a-f]{10}\) from your crontab\n$/);
    expect(readFileSync(table, "utf8")).toBe("MAILTO=ops@example.com\n0 3 * * * /usr/bin/backup\n");

    const config = mkdtempSync(join(tmpdir(), "taskgate-xdg-"));
    const xdg = { XDG_CONFIG_HOME: config, PATH: "/nonexistent" };
    expect((await runCli(["schedule", "install", "--systemd", "--write"], { cwd: dir, env: xdg })).code).toBe(0);
    const units = join(config, "systemd", "user");
    expect(execFileSync("ls", [units], { encoding: "utf8" })).toMatch(/\.timer/);
    const s = await runCli(["schedule", "uninstall", "--systemd"], { cwd: dir, env: xdg });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/Removed .*\.timer and taskgate-watch-[0-9a-f]{10}\.service/);
    expect(execFileSync("ls", [units], { encoding: "utf8" })).toBe("");

    const w = await runCli(["schedule", "uninstall", "--windows"], { cwd: dir });
    expect(w.stdout).toMatch(/^schtasks \/Delete \/F \/TN "taskgate-watch-[0-9a-f]{10}"\n$/);
  });
});
