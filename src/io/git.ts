// Small facts about the git checkout around a ledger, read from files where that is cheap.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";

/** The .git folder of the checkout holding `dir`, or undefined outside git. */
export function findGitDir(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const dotgit = join(d, ".git");
    try {
      const st = statSync(dotgit);
      if (st.isDirectory()) return dotgit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotgit, "utf8"));
        if (m) return resolve(d, m[1] as string);
      }
    } catch {
      // Not here; look further up.
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Whether git is in the middle of a merge, rebase or cherry-pick that left `file` unmerged. */
export function gitIsMergingFile(gitDir: string, file: string): boolean {
  const markers = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD"];
  if (!markers.some((m) => existsSync(join(gitDir, m)))) return false;
  try {
    const out = execFileSync("git", ["ls-files", "-u", "--", file], {
      cwd: dirname(file),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.trim() !== "";
  } catch {
    return true; // git is mid-operation and we cannot tell: be safe.
  }
}

/** git config value, or undefined (git missing, not set). */
export function gitConfig(cwd: string, key: string): string | undefined {
  try {
    const out = execFileSync("git", ["config", "--get", key], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** The folder holding the checkout's .git (the work tree's top), or undefined outside git. */
export function findWorkTree(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, ".git"))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * The main worktree's top for a folder inside a linked worktree (git worktree add): what
 * \`git rev-parse --git-common-dir\` names, read from the files (.git is "gitdir: <common>/worktrees/<name>",
 * whose "commondir" leads back). The folder's own top otherwise (undefined outside git). A
 * submodule's .git file has no commondir, so it stays its own top.
 */
export function mainWorkTree(dir: string): { top: string; main: string } | undefined {
  const top = findWorkTree(dir);
  if (!top) return undefined;
  try {
    const dotgit = join(top, ".git");
    if (!statSync(dotgit).isFile()) return { top, main: top };
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotgit, "utf8"));
    if (!m) return { top, main: top };
    const gitDir = resolve(top, m[1] as string);
    const common = resolve(gitDir, readFileSync(join(gitDir, "commondir"), "utf8").trim());
    return basename(common) === ".git" ? { top, main: dirname(common) } : { top, main: top };
  } catch {
    return { top, main: top };
  }
}

/**
 * Blobs by git's names ("HEAD:TASKS.md", ":TASKS.md" for the index, "abc123:APPROVALS.md"),
 * all through one `git cat-file --batch`; undefined for each that does not exist.
 */
export function gitBlobs(cwd: string, specs: readonly string[]): (Buffer | undefined)[] {
  const out = execFileSync("git", ["cat-file", "--batch"], {
    cwd,
    input: `${specs.join("\n")}\n`,
    maxBuffer: 1 << 30,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const blobs: (Buffer | undefined)[] = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      blobs.push(undefined); // "<spec> missing" (or ambiguous): not there
      continue;
    }
    const size = Number(m[2]);
    blobs.push(m[1] === "blob" ? out.subarray(pos, pos + size) : undefined);
    pos += size + 1;
  }
  return blobs;
}

/** Runs git and returns its output; a failure becomes an Error carrying git's own message. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || (e as Error).message);
  }
}

/** The commit being merged in when git is concluding a merge (MERGE_HEAD), else undefined. */
export function gitMergeHead(top: string): string | undefined {
  try {
    return git(top, ["rev-parse", "-q", "--verify", "MERGE_HEAD"]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who git says is authoring the commit being made: what `git var GIT_AUTHOR_IDENT` gives (the
 * GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL git passes to its hooks, else user.name and
 * user.email); undefined when git has no identity.
 */
export function gitAuthor(top: string): { name: string; email: string } | undefined {
  // git sets both for its hooks (git commit --author included): no need to ask it again.
  const email = process.env.GIT_AUTHOR_EMAIL;
  if (email) return { name: process.env.GIT_AUTHOR_NAME ?? "", email };
  try {
    const ident = git(top, ["var", "GIT_AUTHOR_IDENT"]).trim();
    const m = /^(.*?)\s*<([^>]*)>/.exec(ident);
    return m ? { name: m[1] as string, email: m[2] as string } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who a commit on the shared board is by: git's identity for this clone (GIT_AUTHOR_* or
 * user.name and user.email), as `git commit` would take it; --as and TASKGATE_ACTOR never change it.
 */
export function gitIdentity(cwd: string): { name: string; email: string } {
  const ident = gitAuthor(cwd);
  const name = ident?.name || ident?.email || "taskgate";
  return { name, email: ident?.email || `${name}@taskgate` };
}

/** What git says of a commit's signature: %G? (G good, U good but unknown key, N none, B bad, ...), the signer's principal and key. */
export interface GitSignature {
  readonly status: string;
  readonly signer: string;
  readonly key: string;
}

/**
 * The signatures of these commits as git checks them with `allowedSigners` as its SSH
 * allowed-signers list (gpg.ssh.allowedSignersFile, written to a private temp folder and
 * removed after); git runs ssh-keygen (or gpg) itself.
 */
export function gitSignatures(top: string, shas: readonly string[], allowedSigners: string): Map<string, GitSignature> {
  const out = new Map<string, GitSignature>();
  if (shas.length === 0) return out;
  const dir = mkdtempSync(join(tmpdir(), "taskgate-signers-"));
  try {
    const file = join(dir, "allowed_signers");
    writeFileSync(file, allowedSigners, { mode: 0o600 });
    const text = execFileSync(
      "git",
      [
        "-c",
        `gpg.ssh.allowedSignersFile=${file}`,
        "log",
        "--no-walk=unsorted",
        "--stdin",
        "--format=%H%x09%G?%x09%GS%x09%GF",
      ],
      {
        cwd: top,
        input: `${shas.join("\n")}\n`,
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
        maxBuffer: 1 << 30,
      },
    );
    for (const line of text.split("\n")) {
      const [sha, status = "N", signer = "", key = ""] = line.split("\t");
      if (sha) out.set(sha, { status, signer, key });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
