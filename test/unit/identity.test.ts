// Roles lines with git identities, delegation and keys, read purely; the one matcher every
// place uses (rules/identity.ts); the judge's view of delegation and of identity changes.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import {
  actorByName,
  actorOfGit,
  allowedSigners,
  mayCommitAs,
  partyOf,
  sameParty,
  signatureProblem,
} from "../../src/rules/identity.js";
import { judgeChange } from "../../src/rules/judge.js";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

const approvals = (roles: string) => readApprovals("APPROVALS.md", `# Approvals\n\n## Roles\n${roles}\n## Log\n`);

describe("Roles lines", () => {
  it("reads today's syntax exactly as before", () => {
    const a = approvals("- bob@example.com: WORK, AUDIT\n- taskgate-watch: CMD, AUDIT (automation)\n- carol: WORK\n");
    expect(a.diagnostics).toEqual([]);
    expect([...a.actors.values()].map((x) => [x.name, x.roles, x.automation, x.for, x.emails, x.keys])).toEqual([
      ["bob@example.com", ["WORK", "AUDIT"], false, undefined, [], []],
      ["taskgate-watch", ["CMD", "AUDIT"], true, undefined, [], []],
      ["carol", ["WORK"], false, undefined, [], []],
    ]);
  });

  it("reads git identities, delegation and keys", () => {
    const a = approvals(
      `- carol <Carol@Example.com> <c@home.example> "Carol Smith": WORK (key ${KEY})\n- agent-7: WORK (automation, for carol)\n`,
    );
    expect(a.diagnostics).toEqual([]);
    expect(a.actors.get("carol")).toMatchObject({
      emails: ["carol@example.com", "c@home.example"],
      gitNames: ["Carol Smith"],
      keys: [KEY],
      automation: false,
    });
    expect(a.actors.get("agent-7")).toMatchObject({ automation: true, for: "carol" });
  });

  it("says what it expected for a bad tag, a bad key, a delegation to nobody and to oneself", () => {
    const a = approvals(
      '- a: WORK (automaton)\n- b: WORK (key ssh-ed25519 not base64!)\n- c: WORK (for zed)\n- d: WORK (for d)\n- e f: WORK\n- "g": WORK\n',
    );
    expect(a.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [4, "bad-roles"],
      [5, "bad-roles"],
      [8, "bad-actor"],
      [9, "bad-actor"],
      [6, "bad-delegation"],
      [7, "bad-delegation"],
    ]);
    expect(a.diagnostics[0]?.message).toMatch(
      /optionally "\(automation\)", "\(for NAME\)", "\(key ssh-ed25519 AAAA\.\.\.\)"/,
    );
    expect(a.diagnostics[4]?.message).toBe('c works "for zed", but zed is not listed under "## Roles"');
    expect(a.diagnostics[5]?.message).toBe('d works "for d", but an actor cannot work for itself');
  });

  it("warns when a git identity maps to two actors", () => {
    const a = approvals('- bob@example.com: WORK\n- robert <BOB@example.com> "Rob": WORK\n- rob "Rob": WORK\n');
    expect(a.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      [
        "warning",
        5,
        "The git identity <bob@example.com> maps to both bob@example.com and robert; commits by it count as bob@example.com's",
      ],
      ["warning", 6, 'The git identity "Rob" maps to both robert and rob; commits by it count as robert\'s'],
    ]);
  });
});

describe("the matcher", () => {
  const { actors } = approvals(
    `- alice <alice@example.com> "Alice L": CMD, AUDIT (key ${KEY})\n- bob@example.com: WORK, AUDIT\n- agent-7: WORK (automation, for alice)\n- agent-8: WORK (automation, for alice)\n- taskgate-watch: CMD (automation)\n`,
  );

  it("finds an actor by name, by a listed email in any case, by a listed git name, or not at all", () => {
    expect(actorByName(actors, "alice")?.name).toBe("alice");
    expect(actorByName(actors, "ALICE@example.com")?.name).toBe("alice");
    expect(actorByName(actors, "Alice L")?.name).toBe("alice");
    expect(actorByName(actors, "Bob@Example.com")?.name).toBe("bob@example.com");
    expect(actorByName(actors, "mallory@example.com")).toBeUndefined();
    expect(actorByName(actors, "Alice")).toBeUndefined();
  });

  it("matches a git identity by email first, then by name", () => {
    expect(actorOfGit(actors, { email: "bob@example.com", name: "Alice L" })?.name).toBe("bob@example.com");
    expect(actorOfGit(actors, { email: "unknown@x", name: "Alice L" })?.name).toBe("alice");
    expect(actorOfGit(actors, { email: "unknown@x", name: "Nobody" })).toBeUndefined();
  });

  it("lets a person commit their agents' lines, and nobody else", () => {
    expect(mayCommitAs(actors, "alice", "agent-7")).toBe(true);
    expect(mayCommitAs(actors, "alice", "alice@example.com")).toBe(true); // a line under her own email
    expect(mayCommitAs(actors, "bob@example.com", "agent-7")).toBe(false);
    expect(mayCommitAs(actors, "agent-7", "alice")).toBe(false);
    expect(mayCommitAs(actors, undefined, "agent-7")).toBe(false);
  });

  it("makes a person and their agents one party for four eyes, and nobody else", () => {
    expect(partyOf(actors, "alice")).toEqual(["alice", "agent-7", "agent-8"]);
    expect(partyOf(actors, "agent-7")).toEqual(["agent-7", "alice", "agent-8"]);
    expect(sameParty(actors, "agent-7", "alice")).toBe(true);
    expect(sameParty(actors, "alice", "agent-8")).toBe(true);
    expect(sameParty(actors, "agent-7", "agent-8")).toBe(true);
    expect(sameParty(actors, "alice", "bob@example.com")).toBe(false);
    expect(sameParty(actors, "taskgate-watch", "alice")).toBe(false);
  });

  it("lists the keys for git's allowed-signers file, principal = actor", () => {
    expect(allowedSigners(actors)).toBe(`alice namespaces="git" ${KEY}\n`);
  });

  it("accepts only a good signature by the author's own key", () => {
    expect(signatureProblem({ status: "G", signer: "alice", key: "SHA256:x" }, "alice")).toBeUndefined();
    expect(signatureProblem({ status: "G", signer: "bob", key: "SHA256:x" }, "alice")).toMatch(/a key of bob/);
    expect(signatureProblem({ status: "N", signer: "", key: "" }, "alice")).toMatch(/not signed/);
    expect(signatureProblem({ status: "U", signer: "", key: "SHA256:x" }, "alice")).toMatch(/no actor in Roles has/);
    expect(signatureProblem({ status: "B", signer: "", key: "SHA256:x" }, "alice")).toMatch(/bad/);
    expect(signatureProblem({ status: "E", signer: "", key: "" }, "alice")).toMatch(/cannot be checked/);
  });
});

describe("the judge", () => {
  it("takes listing a key or an email on someone's line as a Roles change that needs an approved request", () => {
    const before = approvals("- alice: CMD, AUDIT\n- bob: WORK, AUDIT\n");
    const after = approvals(`- alice <alice@example.com>: CMD, AUDIT (key ${KEY})\n- bob: WORK, AUDIT\n`);
    const v = judgeChange({ approvals: before }, { approvals: after }, { committer: "bob", hasher: sha256Hex, now: 0 });
    expect(v.map((x) => [x.line, x.message])).toEqual([
      [
        4,
        'A Roles change (identify alice: its git identities, delegation or keys) without an approved request whose change is "identify alice"; another AUDIT actor must approve it (docs/trust.md)',
      ],
    ]);
    const same = judgeChange(
      { approvals: before },
      { approvals: before },
      { committer: "bob", hasher: sha256Hex, now: 0 },
    );
    expect(same).toEqual([]);
  });
});
