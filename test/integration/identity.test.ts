// Identity from the terminal to CI (issue 15), in real repositories with the real hook: an
// actor listed by name with their email is the same person to the CLI, the hook and verify;
// a person commits their agent's lines and nobody else may; an agent and its person are one
// party for four eyes; Roles written the old way behave as before.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { commitAs, git, gitAs } from "../support/git.js";
import { connectAgent } from "../support/mcp.js";

const cli = async (dir: string, args: string[], env: Record<string, string> = {}) => {
  const r = await runCli(args, { cwd: dir, env });
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
};

/** A repository with the hook and exactly these Roles lines, committed by alice. */
async function repoWithRoles(roles: string[]): Promise<string> {
  const dir = await makeRepo();
  const text = read(dir, "APPROVALS.md");
  writeFileSync(
    join(dir, "APPROVALS.md"),
    text.replace(/## Roles\n(?:- .*\n)*/, `## Roles\n${roles.map((r) => `- ${r}\n`).join("")}`),
  );
  expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
  expect(commitAs(dir, "alice@example.com", "board")).toEqual({ code: 0, out: "" });
  return dir;
}

const logLines = (dir: string, file: string) => read(dir, file).split("## Log\n")[1]?.trim().split("\n") ?? [];

describe("one identity for the CLI, the hook and verify", () => {
  it("carol, listed by name with her email, commits her own CLI change; someone else committing her line is refused", async () => {
    const dir = await repoWithRoles([
      "alice <alice@example.com>: CMD, WORK, AUDIT",
      "carol <carol@example.com>: WORK",
      "mallory <mallory@example.com>: WORK",
    ]);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    await cli(dir, ["add", "--ready", "One"]);
    await cli(dir, ["add", "--ready", "Two"]);
    expect(logLines(dir, "TASKS.md").at(-1)).toMatch(/ alice CMD add T-2 /); // alice by her email
    expect(commitAs(dir, "alice@example.com", "add")).toEqual({ code: 0, out: "" });

    await cli(dir, ["--as", "carol", "claim", "T-1"]);
    await cli(dir, ["--as", "carol", "release", "T-1"]);
    expect(commitAs(dir, "carol@example.com", "carol's own")).toEqual({ code: 0, out: "" });
    // Her git email alone names her to the CLI too.
    await cli(dir, ["claim", "T-2"], { GIT_AUTHOR_EMAIL: "x@y", TASKGATE_ACTOR: "carol@example.com" });
    expect(logLines(dir, "TASKS.md").at(-1)).toMatch(/ carol WORK claim T-2 /);
    // whoami says so, and how: by git's email, a git identity of carol.
    expect(git(dir, ["config", "user.email", "carol@example.com"]).code).toBe(0);
    const me = JSON.parse((await cli(dir, ["whoami", "--json"])).stdout);
    expect(me).toMatchObject({
      actor: "carol",
      given: "carol@example.com",
      source: "git user.email",
      matched: "git identity",
      roles: ["WORK"],
      actsFor: null,
      emails: ["carol@example.com"],
      board: { tasks: "TASKS.md", approvals: "APPROVALS.md", shared: null },
    });
    const text = (await cli(dir, ["--as", "carol", "whoami"])).stdout;
    expect(text).toMatch(/^carol: WORK\nfound by --as: carol\n/);
    expect(commitAs(dir, "carol@example.com", "carol by email")).toEqual({ code: 0, out: "" });

    await cli(dir, ["--as", "carol", "claim", "T-1"]);
    const forged = commitAs(dir, "mallory@example.com", "mallory commits carol's line");
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/Log line by carol, but the change is mallory's: only the committer/);
    // Committed anyway past the hook: verify says the same.
    expect(git(dir, ["commit", "-qm", "forced", "--no-verify"], gitAs("mallory@example.com")).code).toBe(0);
    const v = await runCli(["verify", "--range", "HEAD~1..HEAD"], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/Log line by carol, but the change is mallory's/);
    // And the history before it, carol's own commits included, verifies clean.
    expect((await runCli(["verify", "--range", "HEAD~1"], { cwd: dir })).code).toBe(0);
  });

  it("delegation: alice commits agent-7's claim, bob may not, and neither approves nor accepts the other's work", async () => {
    const dir = await repoWithRoles([
      "alice <alice@example.com>: CMD, WORK, AUDIT",
      "bob <bob@example.com>: WORK, AUDIT",
      "agent-7: WORK, AUDIT (automation, for alice)",
    ]);
    const agent = JSON.parse((await cli(dir, ["--as", "agent-7", "whoami", "--json"])).stdout);
    expect(agent).toMatchObject({ actor: "agent-7", automation: true, actsFor: "alice", party: ["agent-7", "alice"] });
    const alice = JSON.parse((await cli(dir, ["whoami", "--json"], { TASKGATE_ACTOR: "alice@example.com" })).stdout);
    expect(alice).toMatchObject({ actor: "alice", source: "TASKGATE_ACTOR", agents: ["agent-7"] });
    for (const t of ["One", "Two", "Three"]) await cli(dir, ["add", "--ready", t]);
    expect(commitAs(dir, "alice@example.com", "add")).toEqual({ code: 0, out: "" });

    await cli(dir, ["--as", "agent-7", "claim", "T-1"]);
    expect(commitAs(dir, "alice@example.com", "alice commits her agent's claim")).toEqual({ code: 0, out: "" });

    await cli(dir, ["--as", "agent-7", "claim", "T-2"]);
    const byBob = commitAs(dir, "bob@example.com", "bob commits agent-7's claim");
    expect(byBob.code).toBe(1);
    expect(byBob.out).toMatch(
      /Log line by agent-7, who works for alice, but the change is bob's: only alice may commit/,
    );
    git(dir, ["reset", "-q", "--hard", "HEAD"]);

    // agent-7's work on T-1, reviewed: alice may neither approve nor accept it (four eyes).
    await cli(dir, ["--as", "agent-7", "submit", "T-1"]);
    await cli(dir, ["--as", "agent-7", "approval", "request", "T-1"]);
    expect(commitAs(dir, "alice@example.com", "submitted")).toEqual({ code: 0, out: "" });
    const before = [read(dir, "TASKS.md"), read(dir, "APPROVALS.md")];
    const approve = await runCli(["--as", "alice", "approve", "A-1"], { cwd: dir });
    expect(approve.code).toBe(1);
    expect(approve.stderr).toMatch(
      /agent-7, who counts as alice \(delegation\), requested A-1 and alice may not decide it/,
    );
    const accept = await runCli(["--as", "alice", "accept", "T-1"], { cwd: dir });
    expect(accept.code).toBe(1);
    expect(accept.stderr).toMatch(/agent-7 worked on T-1 .*counts as alice \(delegation\), so alice may not accept it/);
    // The MCP server answers "who" the same way: started as alice's email, it acts as alice.
    const mcp = await connectAgent(dir, { env: { TASKGATE_ACTOR: "alice@example.com" } });
    try {
      const viaMcp = await mcp.call("accept_task", { id: "T-1" });
      expect(viaMcp.isError).toBe(true);
      expect(String(viaMcp.value.message)).toMatch(/agent-7 worked on T-1 .*counts as alice \(delegation\)/);
    } finally {
      await mcp.close();
    }
    expect([read(dir, "TASKS.md"), read(dir, "APPROVALS.md")]).toEqual(before);
    // bob, another person, may.
    await cli(dir, ["--as", "bob", "accept", "T-1"]);
    expect(commitAs(dir, "bob@example.com", "bob accepts")).toEqual({ code: 0, out: "" });

    // The reverse: alice's own work is not agent-7's to accept.
    await cli(dir, ["--as", "alice", "claim", "T-3"]);
    await cli(dir, ["--as", "alice", "submit", "T-3"]);
    const reverse = await runCli(["--as", "agent-7", "accept", "T-3"], { cwd: dir });
    expect(reverse.code).toBe(1);
    expect(reverse.stderr).toMatch(/alice worked on T-3 .*counts as agent-7 \(delegation\)/);
    // An accept of agent-7's work written by hand in alice's change is refused by the hook too.
    await cli(dir, ["--as", "agent-7", "claim", "T-2"]);
    await cli(dir, ["--as", "agent-7", "submit", "T-2"]);
    expect(commitAs(dir, "alice@example.com", "T-2 in review")).toEqual({ code: 0, out: "" });
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace(/(## T-2[\s\S]*?- state: )REVIEW/, "$1DONE"));
    const hand = commitAs(dir, "alice@example.com", "alice accepts agent-7's work by hand");
    expect(hand.code).toBe(1);
    expect(hand.out).toMatch(/alice worked on T-2 in its last DOING spell and may not accept it/);
    git(dir, ["reset", "-q", "--hard", "HEAD"]);

    // A role grant keeps the line's git identities and tags; the hook takes it.
    await cli(dir, ["--as", "alice", "roles", "grant", "agent-7", "CMD"]);
    expect(commitAs(dir, "alice@example.com", "request")).toEqual({ code: 0, out: "" });
    const req = /## (A-\d+)[^\n]*\n(?:- [^\n]*\n)*- change: grant agent-7 CMD/.exec(read(dir, "APPROVALS.md"))?.[1];
    await cli(dir, ["--as", "bob", "approve", req as string]);
    expect(read(dir, "APPROVALS.md")).toContain("\n- agent-7: CMD, WORK, AUDIT (automation, for alice)\n");
    expect(commitAs(dir, "bob@example.com", "approved")).toEqual({ code: 0, out: "" });
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("Roles written the old way validate and behave as before; a git identity on two actors is a warning", async () => {
    const dir = await repoWithRoles([
      "alice@example.com: CMD, WORK, AUDIT",
      "bob@example.com: WORK",
      "taskgate-watch: CMD, AUDIT (automation)",
    ]);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    await cli(dir, ["add", "--ready", "One"]);
    expect(commitAs(dir, "alice@example.com", "add")).toEqual({ code: 0, out: "" });
    await cli(dir, ["--as", "bob@example.com", "claim", "T-1"]);
    const forged = commitAs(dir, "alice@example.com", "alice commits bob's line");
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/Log line by bob@example.com, but the change is alice@example.com's/);
    expect(commitAs(dir, "bob@example.com", "bob's own")).toEqual({ code: 0, out: "" });

    writeFileSync(
      join(dir, "APPROVALS.md"),
      read(dir, "APPROVALS.md").replace(
        "- bob@example.com: WORK\n",
        "- bob@example.com: WORK\n- robert <bob@example.com>: WORK\n",
      ),
    );
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).toMatch(
      /APPROVALS.md:\d+:3: warning: The git identity <bob@example.com> maps to both bob@example.com and robert/,
    );
  });
});

describe("changing who someone is in git", () => {
  it("takes an approved `roles identify`, and refuses the same edit without one", async () => {
    const dir = await repoWithRoles([
      "alice <alice@example.com>: CMD, WORK, AUDIT",
      "bob <bob@example.com>: WORK, AUDIT",
      "carol: WORK",
    ]);
    const addEmail = () =>
      writeFileSync(
        join(dir, "APPROVALS.md"),
        read(dir, "APPROVALS.md").replace("- carol: WORK\n", "- carol <carol@example.com>: WORK\n"),
      );
    addEmail();
    const bare = commitAs(dir, "bob@example.com", "bob lists carol's email by hand");
    expect(bare.code).toBe(1);
    expect(bare.out).toMatch(
      /A Roles change \(identify carol: its git identities, delegation or keys\) without an approved request/,
    );
    git(dir, ["reset", "-q", "--hard", "HEAD"]);

    const req = await cli(dir, ["--as", "alice", "roles", "identify", "carol", "--json"]);
    const id = JSON.parse(req.stdout).id as string;
    expect(commitAs(dir, "alice@example.com", "alice asks")).toEqual({ code: 0, out: "" });
    expect((await runCli(["--as", "alice", "approve", id], { cwd: dir })).code).toBe(1); // her own request
    await cli(dir, ["--as", "bob", "approve", id]);
    addEmail();
    expect(commitAs(dir, "bob@example.com", "approved, then edited")).toEqual({ code: 0, out: "" });
    expect((await runCli(["verify", "--range", "HEAD~1"], { cwd: dir })).code).toBe(0);
  });
});

describe("verify --signed: git's own SSH signatures, keys listed in Roles", () => {
  const keys = mkdtempSync(join(tmpdir(), "taskgate-keys-"));
  afterAll(() => rmSync(keys, { recursive: true, force: true }));
  const keygen = (name: string) => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", join(keys, name)]);
    return readFileSync(join(keys, `${name}.pub`), "utf8")
      .split(" ")
      .slice(0, 2)
      .join(" ");
  };

  it("reports exactly the unsigned commit, the one signed by another actor's key and the one by an unknown key (exit 1)", async () => {
    const [a, b] = [keygen("alice"), keygen("bob")];
    keygen("stranger");
    const dir = await repoWithRoles([
      `alice <alice@example.com>: CMD, WORK, AUDIT (key ${a})`,
      `bob <bob@example.com>: WORK (key ${b})`,
    ]);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    const signedBy = (key: string | undefined, msg: string) => {
      git(dir, ["add", "-A"]);
      const sign = key ? ["-c", "gpg.format=ssh", "-c", `user.signingkey=${join(keys, key)}`] : [];
      const r = git(dir, [...sign, "commit", "-qm", msg, ...(key ? ["-S"] : [])], gitAs("alice@example.com"));
      expect(r, msg).toEqual({ code: 0, out: "" });
      return git(dir, ["rev-parse", "HEAD"]).out.trim();
    };
    const base = git(dir, ["rev-parse", "HEAD"]).out.trim();
    await cli(dir, ["add", "--ready", "Good"]);
    const good = signedBy("alice", "alice, signed by her key");
    writeFileSync(join(dir, "notes.txt"), "no ledger here\n");
    signedBy(undefined, "not a ledger change: no signature needed");
    await cli(dir, ["add", "--ready", "Unsigned"]);
    const unsigned = signedBy(undefined, "unsigned");
    await cli(dir, ["add", "--ready", "Bob's key"]);
    const other = signedBy("bob", "signed by bob's key");
    await cli(dir, ["add", "--ready", "Stranger"]);
    const unknown = signedBy("stranger", "signed by an unknown key");

    // Without --signed the history keeps the rules.
    expect((await runCli(["verify", "--range", `${base}..HEAD`], { cwd: dir })).code).toBe(0);
    const v = await runCli(["verify", "--signed", "--range", `${base}..HEAD`, "--json"], { cwd: dir });
    expect(v.code).toBe(1);
    const doc = JSON.parse(v.stdout) as { violations: { commit: string; message: string }[] };
    expect(doc.violations.map((x) => x.commit)).toEqual([unsigned, other, unknown]);
    expect(doc.violations.map((x) => x.message)).toEqual([
      expect.stringMatching(/^Commit \w{10} changes the ledgers, but it is not signed; /),
      expect.stringMatching(/but it is signed by a key of bob \(SHA256:[^)]+\), but its author is alice;/),
      expect.stringMatching(/but it is signed by a key no actor in Roles has \(SHA256:[^)]+\);/),
    ]);
    expect(doc.violations.some((x) => x.commit === good)).toBe(false);
    const text = await runCli(["verify", "--signed", "--range", `${base}..HEAD`], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/\n3 problems in 5 commits\n$/);

    // The policy's "signed-commits: required" makes it the default, from the commit that sets it on.
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md").replace("## Policy\n", "## Policy\n- signed-commits: required\n"),
    );
    const policy = signedBy("alice", "signed commits from now on");
    await cli(dir, ["add", "--ready", "After"]);
    const after = signedBy(undefined, "unsigned after the policy");
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    const byPolicy = await runCli(["verify", "--range", `${unknown}..HEAD`, "--json"], { cwd: dir });
    expect(byPolicy.code).toBe(1);
    const d2 = JSON.parse(byPolicy.stdout) as { violations: { commit: string }[] };
    expect(d2.violations.map((x) => x.commit)).toEqual([after]);
    expect(d2.violations.some((x) => x.commit === policy)).toBe(false);
  });
});
