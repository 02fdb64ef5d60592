// Who is acting (src/rules/roles.ts) and the Roles section it reads (issue #31): an actor
// found by name or git identity, with roles, automation, party and principal; an unknown
// actor told how to be added; the matrix's role check per action; and the Roles lines'
// parsing (roles, tags, identities, delegation) with each mistake's sentence.

import { describe, expect, it } from "vitest";
import { readApprovals } from "../../src/ledger/approvals.js";
import { authorize, identify } from "../../src/rules/roles.js";

const ROLES = `# Approvals

## Roles
- alice <alice@example.com> "Alice Smith": CMD, AUDIT
- bob: WORK
- bob-agent: WORK (for bob)
- watch: CMD, AUDIT (automation)

## Log
`;
const actors = () => readApprovals("APPROVALS.md", ROLES).actors;

describe("identify", () => {
  it("finds an actor by name, email or git name, with roles, automation, party and principal", () => {
    for (const name of ["alice", "ALICE@example.com", "alice@example.com", "Alice Smith"]) {
      expect(identify(actors(), name, "APPROVALS.md", "WORK")).toEqual({
        ok: true,
        actor: "alice",
        roles: ["CMD", "AUDIT"],
        automation: false,
        party: ["alice"],
        for: undefined,
      });
    }
    expect(identify(actors(), "bob-agent", "APPROVALS.md", "WORK")).toEqual({
      ok: true,
      actor: "bob-agent",
      roles: ["WORK"],
      automation: false,
      party: ["bob-agent", "bob"],
      for: "bob",
    });
    expect(identify(actors(), "watch", "APPROVALS.md", "WORK")).toMatchObject({ ok: true, automation: true });
    expect(identify(actors(), "bob", "APPROVALS.md", "WORK")).toMatchObject({ party: ["bob", "bob-agent"] });
  });

  it("tells an unknown actor how to be added, with the role the action needs", () => {
    expect(identify(actors(), "zed", "docs/APPROVALS.md", "AUDIT")).toEqual({
      ok: false,
      message:
        'Actor "zed" has no roles; add a line "- zed: AUDIT" under "## Roles" in docs/APPROVALS.md, or act as someone listed there with --as NAME',
    });
  });
});

describe("authorize", () => {
  it("grants the matrix's role for the action", () => {
    expect(authorize(actors(), "bob", "claim", "APPROVALS.md")).toEqual({
      ok: true,
      actor: "bob",
      role: "WORK",
      roles: ["WORK"],
      automation: false,
      party: ["bob", "bob-agent"],
    });
    expect(authorize(actors(), "Alice Smith", "accept", "APPROVALS.md")).toEqual({
      ok: true,
      actor: "alice",
      role: "AUDIT",
      roles: ["CMD", "AUDIT"],
      automation: false,
      party: ["alice"],
    });
    expect(authorize(actors(), "watch", "recover", "APPROVALS.md")).toMatchObject({
      ok: true,
      role: "CMD",
      automation: true,
    });
  });

  it("refuses an action of another role, and an unknown actor with the role the action takes", () => {
    expect(authorize(actors(), "bob", "accept", "APPROVALS.md")).toEqual({
      ok: false,
      message: "bob (WORK) may not accept; that takes the AUDIT role",
    });
    expect(authorize(actors(), "alice", "submit", "APPROVALS.md")).toEqual({
      ok: false,
      message: "alice (CMD, AUDIT) may not submit; that takes the WORK role",
    });
    expect(authorize(actors(), "zed", "add", "APPROVALS.md")).toEqual({
      ok: false,
      message:
        'Actor "zed" has no roles; add a line "- zed: CMD" under "## Roles" in APPROVALS.md, or act as someone listed there with --as NAME',
    });
  });
});

describe("parsing Roles", () => {
  const read = (lines: string) => readApprovals("APPROVALS.md", `# Approvals\n\n## Roles\n${lines}\n## Log\n`);
  const problems = (lines: string) =>
    read(lines).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);

  it("reads roles, tags, emails, git names and keys", () => {
    const a = read(
      '- carol <Carol@Example.com> "Carol S": WORK, AUDIT (automation, key ssh-ed25519  AAAAC3)\n- dan: CMD\n- dan-bot: WORK (for dan)\n',
    );
    expect(a.diagnostics).toEqual([]);
    expect(a.actors.get("carol")).toMatchObject({
      name: "carol",
      roles: ["WORK", "AUDIT"],
      automation: true,
      line: 4,
      emails: ["carol@example.com"],
      gitNames: ["Carol S"],
      for: undefined,
      keys: ["ssh-ed25519 AAAAC3"],
    });
    expect(a.actors.get("dan")).toMatchObject({ roles: ["CMD"], automation: false, for: undefined, keys: [] });
    expect(a.actors.get("dan-bot")).toMatchObject({ roles: ["WORK"], automation: false, for: "dan", line: 6 });
  });

  it("refuses an unknown role or tag, a bad name, a duplicate, and delegation to nobody or oneself", () => {
    const roles =
      'Expected roles like "CMD, AUDIT" (CMD|WORK|AUDIT, optionally "(automation)", "(for NAME)", "(key ssh-ed25519 AAAA...)", comma-separated in one pair of parentheses) for';
    expect(problems("- bob: BOSS\n")).toEqual([`4:8 error bad-roles ${roles} bob, found "BOSS"`]);
    expect(problems("- bob: WORK (robot)\n")).toEqual([`4:8 error bad-roles ${roles} bob, found "WORK (robot)"`]);
    expect(problems("- bob smith: WORK\n")).toEqual([
      '4:3 error bad-actor Expected an actor name without spaces, optionally followed by its git identities like <carol@example.com> or "Carol Smith", found "bob smith"',
    ]);
    expect(problems("- bob: WORK\n- bob: AUDIT\n")).toEqual([
      '5:3 error duplicate-field Field "bob" appears twice',
      "5:3 error duplicate-actor Actor bob is listed twice in Roles",
    ]);
    expect(problems("- bot: WORK (for nobody)\n")).toEqual([
      '4:3 error bad-delegation bot works "for nobody", but nobody is not listed under "## Roles"',
    ]);
    expect(problems("- bot: WORK (for bot)\n")).toEqual([
      '4:3 error bad-delegation bot works "for bot", but an actor cannot work for itself',
    ]);
  });

  it("warns when one git identity is listed for two actors", () => {
    expect(problems("- a <x@y.z>: WORK\n- b <X@y.z>: WORK\n")).toEqual([
      "5:3 warning shared-identity The git identity <x@y.z> maps to both a and b; commits by it count as a's",
    ]);
    expect(problems('- a "Sam": WORK\n- b "Sam": WORK\n')).toEqual([
      '5:3 warning shared-identity The git identity "Sam" maps to both a and b; commits by it count as a\'s',
    ]);
  });
});
