// The ledgers as git holds them: `check --staged` judges the index against HEAD as the
// committer's change (the pre-commit hook), `verify --range` judges every commit of a range
// against its parent as its author's (CI). Neither takes a file lock: a tool that commits
// while holding one can never deadlock on the hook.

import { realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { findWorkTree, git, gitAuthor, gitBlobs, gitMergeHead, gitSignatures } from "../io/git.js";
import { decodeUtf8 } from "../io/text.js";
import { readApprovals } from "../ledger/approvals.js";
import { readCleanTasks } from "../ledger/clean-ledger.js";
import { readTasks } from "../ledger/tasks.js";
import { allowedSigners, committerName, signatureProblem } from "../rules/identity.js";
import { judgeChange, judgeMerge, type Ledgers, type Violation } from "../rules/judge.js";
import type { Context } from "./context.js";
import { UsageError } from "./errors.js";

export interface GitCheck {
  readonly violations: Violation[];
  /** Whether a judged ledger itself has errors (exit 3 rather than 1). */
  readonly invalid: boolean;
}

interface Where {
  readonly top: string;
  /** The ledgers' paths inside the repository, with "/" (as git names them). */
  readonly tasks: string;
  readonly approvals: string;
}

function where(ctx: Context): Where {
  const top = findWorkTree(dirname(resolve(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const inRepo = (p: string) => {
    let abs = resolve(p);
    try {
      abs = realpathSync(abs);
    } catch {
      // Not on disk (deleted in the work tree): git may still have it.
    }
    return relative(realpathSync(top), abs).split(sep).join("/");
  };
  return { top, tasks: inRepo(ctx.paths.tasks), approvals: inRepo(ctx.paths.approvals) };
}

/** A clean board read only as far as the judge asks (clean-ledger.ts); any other, whole. */
function readTasksLazily(file: string, text: string) {
  return readCleanTasks(file, text) ?? readTasks(file, text);
}

function ledgersOf(ctx: Context, tasks: Buffer | undefined, approvals: Buffer | undefined, label: string): Ledgers {
  const t = ctx.paths.tasksDisplay;
  const a = ctx.paths.approvalsDisplay;
  return {
    tasks: tasks && readTasksLazily(t, decodeUtf8(`${label}${t}`, tasks)),
    approvals: approvals && readApprovals(a, decodeUtf8(`${label}${a}`, approvals)),
  };
}

/** The author as Roles names them (identity.ts, the matcher the CLI uses too). */
function asListed(ledgers: readonly Ledgers[], email: string, name: string): string {
  const actors = ledgers.find((l) => l.approvals)?.approvals?.actors;
  return committerName(actors ?? new Map(), { email, name });
}

/**
 * The index against HEAD (or against nothing on the first commit), as the committer's change.
 * The committer is the author git gives the commit (GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL,
 * which git passes to its hooks, else user.name and user.email), the way verify judges a
 * commit by its author: --as and TASKGATE_ACTOR do not change who commits.
 */
export function checkStaged(ctx: Context): GitCheck {
  const w = where(ctx);
  const [headT, indexT, headA, indexA] = gitBlobs(w.top, [
    `HEAD:${w.tasks}`,
    `:${w.tasks}`,
    `HEAD:${w.approvals}`,
    `:${w.approvals}`,
  ]);
  const violations: Violation[] = [];
  // Concluding a merge (git commit after a conflict, or merge --no-commit): the index is
  // judged as a merge of HEAD and MERGE_HEAD, as verify judges merge commits.
  const mergeHead = gitMergeHead(w.top);
  if (mergeHead) {
    const [theirsT, theirsA] = gitBlobs(w.top, [`${mergeHead}:${w.tasks}`, `${mergeHead}:${w.approvals}`]);
    const after = ledgersOf(ctx, indexT, indexA, "staged ");
    const parents = [ledgersOf(ctx, headT, headA, "HEAD:"), ledgersOf(ctx, theirsT, theirsA, "MERGE_HEAD:")];
    const ident = gitAuthor(w.top);
    const committer = ident && asListed([after], ident.email, ident.name);
    const found = judgeMerge(parents, after, { committer, hasher: ctx.ports.hasher, now: ctx.now });
    return { violations: found, invalid: found.some((v) => v.invalid) };
  }
  for (const [head, index, name] of [
    [headT, indexT, ctx.paths.tasksDisplay],
    [headA, indexA, ctx.paths.approvalsDisplay],
  ] as const) {
    if (head && !index) violations.push({ file: name, line: 1, message: `${name} is being deleted from git` });
  }
  // A ledger staged exactly as HEAD has it is not read at all (most commits do not touch them).
  const changed = (head: Buffer | undefined, index: Buffer | undefined) => !(head && index && head.equals(index));
  const [t, a] = [changed(headT, indexT), changed(headA, indexA)];
  if (!t && !a) return { violations, invalid: false };
  // A decision in APPROVALS.md is judged on the board too (four eyes on the subject, staleness).
  const after = ledgersOf(ctx, indexT, indexA, "staged ");
  const before = ledgersOf(ctx, headT, headA, "HEAD:");
  const ident = gitAuthor(w.top);
  const committer = ident && asListed([before, after], ident.email, ident.name);
  violations.push(...judgeChange(before, after, { committer, hasher: ctx.ports.hasher, now: ctx.now }));
  return { violations, invalid: violations.some((v) => v.invalid) };
}

export interface CommitViolation extends Violation {
  readonly commit: string;
}

/**
 * Every commit in the range, judged against its first parent as its author's change; with
 * `signed` (or the policy's "signed-commits: required" before or after a commit), every
 * commit changing the ledgers must also carry a good signature by a key Roles (as they were
 * before it) lists for its author.
 */
export function verifyRange(
  ctx: Context,
  range: string,
  options: { readonly signed?: boolean } = {},
): { commits: number; violations: CommitViolation[]; invalid: boolean; signed: number } {
  const w = where(ctx);
  let listing: string;
  try {
    listing = git(w.top, ["log", "--reverse", "--format=%H %P%x09%ae%x09%an%x09%ct", range, "--"]);
  } catch (e) {
    throw new UsageError(`git cannot read the range "${range}": ${(e as Error).message.split("\n")[0]}`);
  }
  const commits = listing
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [ids = "", email = "", name = "", time = "0"] = l.split("\t");
      const [sha = "", ...parents] = ids.split(" ");
      return { sha, parents, email, name, time: Number(time) * 1000 };
    });
  const specs = commits.flatMap((c) => {
    const parent = c.parents[0];
    return [
      `${c.sha}:${w.tasks}`,
      `${c.sha}:${w.approvals}`,
      parent ? `${parent}:${w.tasks}` : "missing-parent",
      parent ? `${parent}:${w.approvals}` : "missing-parent",
    ];
  });
  const blobs = specs.length ? gitBlobs(w.top, specs) : [];
  const violations: CommitViolation[] = [];
  let invalid = false;
  // Commits whose signature must vouch for their author, grouped by the allowed-signers list
  // their Roles make (one git call per version of Roles).
  const toSign = new Map<string, { sha: string; author: string; file: string }[]>();
  commits.forEach((c, i) => {
    const [t, a, pt, pa] = blobs.slice(i * 4, i * 4 + 4);
    if (!t && !a && !pt && !pa) return; // a commit before the ledgers existed
    const after = ledgersOf(ctx, t, a, `${c.sha.slice(0, 8)}:`);
    const before = ledgersOf(ctx, pt, pa, `${c.parents[0]?.slice(0, 8)}:`);
    // The author as Roles names them (identity.ts), by Roles as they were before the commit.
    const author = asListed([before, after], c.email, c.name);
    const same = (x: Buffer | undefined, y: Buffer | undefined) => (x && y ? x.equals(y) : x === y);
    const policyOn = before.tasks?.policy.signedCommits || after.tasks?.policy.signedCommits;
    if ((options.signed || policyOn) && !(same(t, pt) && same(a, pa))) {
      const actors = (before.approvals ?? after.approvals)?.actors ?? new Map();
      const list = allowedSigners(actors);
      const file = !same(t, pt) ? ctx.paths.tasksDisplay : ctx.paths.approvalsDisplay;
      toSign.set(list, [...(toSign.get(list) ?? []), { sha: c.sha, author, file }]);
    }
    const found =
      c.parents.length > 1
        ? judgeMergeCommit(ctx, c.parents, w, after, author, c.time)
        : judgeChange(before, after, { committer: author, hasher: ctx.ports.hasher, now: c.time });
    if (found.some((v) => v.invalid)) invalid = true;
    for (const v of found) violations.push({ ...v, commit: c.sha });
  });
  let signed = 0;
  for (const [list, group] of toSign) {
    const sigs = gitSignatures(
      w.top,
      group.map((g) => g.sha),
      list,
    );
    for (const g of group) {
      signed++;
      const problem = signatureProblem(sigs.get(g.sha) ?? { status: "N", signer: "", key: "" }, g.author);
      if (problem)
        violations.push({
          commit: g.sha,
          file: g.file,
          line: 1,
          message: `Commit ${g.sha.slice(0, 10)} changes the ledgers, but ${problem}`,
        });
    }
  }
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  violations.sort((x, y) => (order.get(x.commit) ?? 0) - (order.get(y.commit) ?? 0));
  return { commits: commits.length, violations, invalid, signed };
}

/** A merge commit judged on its result against its parents (judge.ts, judgeMerge). */
function judgeMergeCommit(
  ctx: Context,
  parents: string[],
  w: Where,
  after: Ledgers,
  author: string,
  now: number,
): Violation[] {
  const blobs = gitBlobs(
    w.top,
    parents.flatMap((p) => [`${p}:${w.tasks}`, `${p}:${w.approvals}`]),
  );
  const sides = parents.map((p, j) => ledgersOf(ctx, blobs[j * 2], blobs[j * 2 + 1], `${p.slice(0, 8)}:`));
  return judgeMerge(sides, after, { committer: author, hasher: ctx.ports.hasher, now });
}
