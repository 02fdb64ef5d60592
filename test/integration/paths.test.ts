// Path-scoped work with real processes: next never hands out a task whose paths overlap a
// DOING task's, even with five workers racing `next --claim`; a plain claim of such a task is
// refused unless --overlap (logged); check validates the field; check --staged warns.

import { createHash } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPathGlob } from "../../src/ledger/path-globs.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { globsOverlap } from "../../src/rules/path-overlap.js";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";
import { connectAgent } from "../support/mcp.js";

const ROUNDS = Number(process.env.TASKGATE_RACE_ROUNDS ?? 3);
const WORKERS = ["bob", "carol", "dave", "erin", "frank"];

// Ten tasks whose overlaps are known by construction (a glob also reserves what is below it):
// T-1/T-2 (src/a/x.ts under src/a/**), T-3/T-5 (src/b/z.ts), T-5/T-10 (src/c/z.ts),
// T-6/T-7 (docs/guide/x.md), T-8/T-9 (README.md). No other pair shares a path.
const PATHS: Record<string, string> = {
  "T-1": "src/a/**",
  "T-2": "src/a/x.ts",
  "T-3": "src/b/*.ts",
  "T-4": "src/b/y.md",
  "T-5": "src/{b,c}/z.ts",
  "T-6": "docs/**",
  "T-7": "docs/guide/*.md",
  "T-8": "README.md",
  "T-9": "README.md, LICENSE",
  "T-10": "src/c/**",
};
const OVERLAPPING = new Set(["T-1|T-2", "T-3|T-5", "T-5|T-10", "T-6|T-7", "T-8|T-9"]);
const overlapKnown = (a: string, b: string) => OVERLAPPING.has(`${a}|${b}`) || OVERLAPPING.has(`${b}|${a}`);
const IDS = Object.keys(PATHS);

/** A seeded shuffle, so each round orders the tasks' priorities differently, and reproducibly. */
function priorities(seed: number): Record<string, string> {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Object.fromEntries(IDS.map((id) => [id, `P${Math.floor(rand() * 4)}`]));
}

function board(seed: number): string {
  const p = priorities(seed);
  return `# Tasks\n\n${IDS.map((id) => `## ${id} Work on ${PATHS[id]}\n- state: READY\n- priority: ${p[id]}\n- paths: ${PATHS[id]}\n`).join("\n")}`;
}

/** The log's hash chain computed again after an edit (as docs/ledger-format.md defines it). */
function rechain(text: string): string {
  let previous = "";
  return text.replace(/^- (.+) ~ [0-9a-f]{12}$/gm, (_, body: string) => {
    previous = createHash("sha256").update(`${previous}\n${body}`).digest("hex").slice(0, 12);
    return `- ${body} ~ ${previous}`;
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function repo(): Promise<string> {
  const dir = await makeRepo([...WORKERS.map((w) => `${w}: WORK, AUDIT`)]);
  dirs.push(dir);
  return dir;
}

const doingIds = (dir: string) =>
  readTasks("TASKS.md", read(dir, "TASKS.md"))
    .tasks.filter((t) => t.state === "DOING")
    .map((t) => t.id);

describe("paths: the known overlaps are what the overlap decision finds", () => {
  it("every pair of the ten tasks", () => {
    const globs = (id: string) =>
      (PATHS[id] as string).split(", ").map((g) => {
        const r = readPathGlob(g);
        if (!r.ok) throw new Error(r.problem);
        return r.glob;
      });
    for (const a of IDS) {
      for (const b of IDS) {
        if (a >= b) continue;
        const found = globs(a).some((x) => globs(b).some((y) => globsOverlap(x, y) !== undefined));
        expect(found, `${a} and ${b}`).toBe(overlapKnown(a, b));
      }
    }
  });
});

describe(`paths: ${WORKERS.length} workers race next --claim`, () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: no two DOING tasks overlap`, async () => {
      const dir = await repo();
      writeFileSync(join(dir, "TASKS.md"), board(round * 7919));
      // Two waves: five claim at once on a fresh board, then five more at once on what is left.
      for (const wave of [1, 2]) {
        const runs = await Promise.all(
          WORKERS.map((w) => runCli(["next", "--claim", "--json"], { cwd: dir, env: { TASKGATE_ACTOR: w } })),
        );
        for (const r of runs) expect([0, 5], r.stderr).toContain(r.code);
        const claimed = runs.filter((r) => r.code === 0).map((r) => JSON.parse(r.stdout).claimed.id as string);
        expect(new Set(claimed).size).toBe(claimed.length);
        // At least five tasks can always be DOING at once here (T-4, one of T-1/T-2, T-3 and
        // T-10 or T-5, one of T-6/T-7, one of T-8/T-9): the first wave is never starved.
        if (wave === 1) expect(claimed).toHaveLength(WORKERS.length);
        const doing = doingIds(dir);
        for (const a of doing)
          for (const b of doing) if (a < b) expect(overlapKnown(a, b), `${a} and ${b}`).toBe(false);
        // A refused worker says why: every task it could take overlaps a DOING task's paths.
        for (const r of runs.filter((x) => x.code === 5)) {
          const answer = JSON.parse(r.stdout);
          expect(answer.reason).toMatch(/overlap paths of DOING/);
          for (const k of answer.skipped) {
            for (const b of k.blockedBy) {
              expect(doing).toContain(b.id);
              expect(overlapKnown(k.id, b.id), `${k.id} blocked by ${b.id}`).toBe(true);
            }
          }
        }
      }
      expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    }, 120_000);
  }
});

describe("paths: claim, next --json, check", () => {
  it("a plain claim of an overlapping task is refused naming holder and paths; --overlap takes it and logs it", async () => {
    const dir = await repo();
    writeFileSync(join(dir, "TASKS.md"), board(1));
    expect((await runCli(["claim", "T-1"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } })).code).toBe(0);
    const before = read(dir, "TASKS.md");
    const refused = await runCli(["claim", "T-2"], { cwd: dir, env: { TASKGATE_ACTOR: "carol" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /T-2's paths overlap those of T-1 \(held by bob@[^)]+\): src\/a\/x\.ts against src\/a\/\*\*/,
    );
    expect(read(dir, "TASKS.md")).toBe(before);
    const forced = await runCli(["claim", "T-2", "--overlap"], { cwd: dir, env: { TASKGATE_ACTOR: "carol" } });
    expect(forced.code).toBe(0);
    expect(read(dir, "TASKS.md")).toMatch(/carol WORK claim T-2 .*overlap=T-1 /);
    // The board stays valid with the override in its log.
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("verify replays a claim with overlap= as allowed, and one without it as refused", async () => {
    const dir = await repo();
    writeFileSync(join(dir, "TASKS.md"), board(1));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"]);
    const root = git(dir, ["rev-parse", "HEAD"]).out.trim();
    const commitAs = (who: string, msg: string) => {
      git(dir, ["add", "-A"]);
      expect(git(dir, ["commit", "-qm", msg, "--no-verify"], gitAs(who)).code).toBe(0);
    };
    await runCli(["claim", "T-1"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } });
    commitAs("bob", "bob claims T-1");
    await runCli(["claim", "T-2", "--overlap"], { cwd: dir, env: { TASKGATE_ACTOR: "carol" } });
    commitAs("carol", "carol claims T-2 with --overlap");
    const ok = await runCli(["verify", "--range", `${root}..HEAD`], { cwd: dir });
    expect([ok.code, ok.stdout]).toEqual([0, "2 commits checked: ok\n"]);
    // The same line with its overlap= removed (and the chain rehashed) records a claim the CLI refuses.
    const text = read(dir, "TASKS.md");
    const forged = rechain(text.replace(/ overlap=T-1/, ""));
    git(dir, ["reset", "-q", "--hard", "HEAD~1"]);
    writeFileSync(join(dir, "TASKS.md"), forged);
    commitAs("carol", "carol claims T-2 without saying so");
    const bad = await runCli(["verify", "--range", `${root}..HEAD`], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/claim of T-2 that taskgate refuses carol: T-2's paths overlap those of T-1/);
  });

  it("next --json names the tasks passed over, which DOING task blocks each, and the paths", async () => {
    const dir = await repo();
    writeFileSync(
      join(dir, "TASKS.md"),
      "# Tasks\n\n## T-1 Ledger\n- state: READY\n- priority: P1\n- paths: src/ledger/**, docs/ledger-format.md\n\n## T-2 Docs\n- state: READY\n- priority: P0\n- paths: docs/*.md\n\n## T-3 Other\n- state: READY\n- priority: P3\n- paths: web/**\n",
    );
    expect((await runCli(["claim", "T-1"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } })).code).toBe(0);
    const r = await runCli(["next", "--json"], { cwd: dir, env: { TASKGATE_ACTOR: "carol" } });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.task.id).toBe("T-3");
    expect(doc.skipped).toHaveLength(1);
    expect(doc.skipped[0].id).toBe("T-2");
    expect(doc.skipped[0].blockedBy[0].id).toBe("T-1");
    expect(doc.skipped[0].blockedBy[0].holder).toMatch(/^bob@/);
    expect(doc.skipped[0].blockedBy[0].overlaps).toEqual([
      { mine: "docs/*.md", theirs: "docs/ledger-format.md", example: "docs/ledger-format.md" },
    ]);
  });

  it("the MCP server's next_task and claim_task skip an overlapping task and say why", async () => {
    const dir = await repo();
    writeFileSync(
      join(dir, "TASKS.md"),
      "# Tasks\n\n## T-1 Ledger\n- state: READY\n- priority: P0\n- paths: src/ledger/**\n\n## T-2 Reader\n- state: READY\n- priority: P1\n- paths: src/ledger/tasks.ts\n\n## T-3 Web\n- state: READY\n- priority: P2\n- paths: web/**\n",
    );
    expect((await runCli(["claim", "T-1"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } })).code).toBe(0);
    const a = await connectAgent(dir, { as: "carol" });
    try {
      const n = await a.call("next_task");
      expect((n.value.task as { id: string }).id).toBe("T-3");
      expect(n.value.skipped).toEqual([
        {
          id: "T-2",
          why: expect.stringMatching(
            /^its paths overlap those of T-1 \(held by bob@\S+\): src\/ledger\/tasks\.ts against src\/ledger\/\*\*$/,
          ),
        },
      ]);
      const c = await a.call("claim_task");
      expect(c.value.id).toBe("T-3");
    } finally {
      await a.close();
    }
  });

  it("check names file, line and the glob's problem", async () => {
    const dir = await repo();
    writeFileSync(join(dir, "TASKS.md"), "# Tasks\n\n## T-1 Bad\n- state: READY\n- paths: src/**, ../etc/x\n");
    const r = await runCli(["check"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/TASKS\.md:5:\d+: error: Expected path globs .*"\.\.\/etc\/x": it has a "\.\." folder/);
  });

  it("check --staged warns (exit 0) about files another actor's task reserves, naming task and holder", async () => {
    const dir = await repo();
    writeFileSync(join(dir, "TASKS.md"), board(1));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"]);
    expect((await runCli(["claim", "T-1"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } })).code).toBe(0);
    writeFileSync(join(dir, "README.md"), "x\n");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir, "src", "a"), { recursive: true });
    writeFileSync(join(dir, "src", "a", "x.ts"), "x\n");
    git(dir, ["add", "README.md", "src"]);
    const asAlice = await runCli(["check", "--staged"], { cwd: dir });
    expect(asAlice.code).toBe(0);
    expect(asAlice.stdout).toMatch(
      /warning: This commit touches src\/a\/x\.ts, which T-1 reserves \(src\/a\/\*\*\) and bob@\S+ holds/,
    );
    expect(asAlice.stdout).not.toMatch(/README/);
    // The holder's own commit is not warned about.
    const asBob = await runCli(["check", "--staged", "--json"], {
      cwd: dir,
      env: { GIT_AUTHOR_NAME: "bob", GIT_AUTHOR_EMAIL: "bob" },
    });
    expect(asBob.code).toBe(0);
    expect(JSON.parse(asBob.stdout).warnings).toEqual([]);
  });
});
