// Workers race for tasks as real processes: `next --claim` and `claim` never hand one task
// to two workers, and an expired lease is taken over with a higher token.

import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { validTasks as ledger } from "../support/ledger.js";

const WORKERS = Array.from({ length: 20 }, (_, i) => `w${i + 1}`);
const ROUNDS = 5;

async function boardWithReadyTasks(count: number): Promise<string> {
  const dir = await makeRepo([...WORKERS.map((w) => `${w}: WORK`), "carol: WORK, AUDIT"]);
  for (let i = 1; i <= count; i++) {
    const r = await runCli(["add", `task ${i}`, "--ready"], { cwd: dir });
    expect(r.code).toBe(0);
  }
  return dir;
}

describe("racing workers", () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: 20 processes next --claim on 5 READY tasks: 5 win, 15 get exit 5`, async () => {
      const dir = await boardWithReadyTasks(5);
      const runs = await Promise.all(
        WORKERS.map((w) => runCli(["--as", w, "next", "--claim", "--json"], { cwd: dir })),
      );
      const won = runs.filter((r) => r.code === 0);
      const idle = runs.filter((r) => r.code === 5);
      expect(won).toHaveLength(5);
      expect(idle).toHaveLength(15);
      for (const r of idle) {
        expect(r.stderr).toBe("");
        expect(JSON.parse(r.stdout)).toMatchObject({ schema: "taskgate.next", task: null });
      }
      const claimed = won.map((r) => JSON.parse(r.stdout).claimed);
      expect(new Set(claimed.map((c) => c.id)).size).toBe(5);
      const l = ledger(dir);
      const holders = l.ledger.tasks.map((t) => t.lease?.holder.split("@")[0]);
      expect(new Set(holders).size).toBe(5);
      expect(l.ledger.tasks.every((t) => t.state === "DOING" && t.lease?.token === 1)).toBe(true);
      expect(l.log.filter((e) => e.action === "claim")).toHaveLength(5);
    });

    it(`round ${round}: 20 processes claim the same task: exactly one wins`, async () => {
      const dir = await boardWithReadyTasks(1);
      const runs = await Promise.all(WORKERS.map((w) => runCli(["--as", w, "claim", "T-1"], { cwd: dir })));
      const won = runs.filter((r) => r.code === 0);
      expect(won).toHaveLength(1);
      const winner = WORKERS[runs.findIndex((r) => r.code === 0)];
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`^taskgate: T-1 is leased to ${winner}@\\S+ until .+ \\(token 1\\)\\n$`));
      }
      const l = ledger(dir);
      expect(l.ledger.tasks[0]?.lease?.holder.startsWith(`${winner}@`)).toBe(true);
      expect(l.log.filter((e) => e.action === "claim")).toHaveLength(1);
    });
  }

  it("a 2 s lease expires and is taken over; the old holder's renew and submit are refused and change nothing", async () => {
    const dir = await boardWithReadyTasks(1);
    // No clock-skew margin here, so the test waits only for the TTL itself.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}/TASKS.md`, read(dir, "TASKS.md").replace("- clock-skew: 30s", "- clock-skew: 0s"));
    const first = JSON.parse(
      (await runCli(["--as", "w1", "claim", "T-1", "--ttl", "2s", "--json"], { cwd: dir })).stdout,
    );
    expect(first.lease.token).toBe(1);
    const early = await runCli(["--as", "w2", "claim", "T-1"], { cwd: dir });
    expect(early.code).toBe(1);
    await new Promise((r) => setTimeout(r, 3200));
    const second = await runCli(["--as", "w2", "claim", "T-1", "--json"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ action: "takeover", lease: { token: 2 } });
    const before = read(dir, "TASKS.md");
    for (const action of ["renew", "submit"]) {
      const r = await runCli(["--as", "w1", action, "T-1"], { cwd: dir, env: { TASKGATE_LEASE_TOKEN: "1" } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /Your lease token 1 is older than T-1's \(2, held by w2@\S+\): the lease was taken over/,
      );
    }
    expect(read(dir, "TASKS.md")).toBe(before);
    expect(
      ledger(dir)
        .log.map((e) => e.action)
        .slice(-2),
    ).toEqual(["claim", "takeover"]);
  });
});
