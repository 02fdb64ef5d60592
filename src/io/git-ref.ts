// Low-level git for the shared board: the clone's common folder (shared by its worktrees), a
// ref read from its files without spawning git, the share setting read from the clone's
// config, and git run with its exit status kept (a failed push is an answer, not a crash).

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";
import { renameRetrying } from "./atomic-write.js";
import { findGitDir } from "./git.js";

/** The clone's common git folder (where refs/heads and config live for every worktree). */
export function commonDirOf(gitDir: string): string {
  try {
    const rel = readFileSync(join(gitDir, "commondir"), "utf8").trim();
    return resolve(gitDir, rel);
  } catch {
    return gitDir;
  }
}

export interface ShareSetting {
  readonly branch: string;
  /** The remote whose branch is the board; undefined: shared by the clone's worktrees only. */
  readonly remote: string | undefined;
  readonly gitDir: string;
  readonly commonDir: string;
}

/**
 * The `[taskgate "share"]` section of the clone's config (written by `taskgate share`), read
 * from the file: every command asks, and spawning `git config` would cost each one 2-3 ms.
 * Only the clone's own config counts (not ~/.gitconfig, not include.path).
 */
export function readShareSetting(dir: string): ShareSetting | undefined {
  const gitDir = findGitDir(dir);
  if (!gitDir) return undefined;
  const commonDir = commonDirOf(gitDir);
  let text: string;
  try {
    text = readFileSync(join(commonDir, "config"), "utf8");
  } catch {
    return undefined;
  }
  let inSection = false;
  let branch: string | undefined;
  let remote: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      inSection = (header[1] as string).toLowerCase() === "taskgate" && header[2] === "share";
      continue;
    }
    if (!inSection) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    const value = (kv[2] as string).replace(/^"(.*)"$/, "$1");
    const key = (kv[1] as string).toLowerCase();
    if (key === "branch") branch = value;
    else if (key === "remote") remote = value || undefined;
  }
  return branch ? { branch, remote, gitDir, commonDir } : undefined;
}

/**
 * The commit a ref points at, read from its loose file or packed-refs (no spawn); undefined
 * when the ref does not exist. A loose ref is replaced by a rename, so it is read whole.
 */
export function readRef(commonDir: string, ref: string): string | undefined {
  try {
    const v = readFileSync(join(commonDir, ref), "utf8").trim();
    if (/^[0-9a-f]{40,64}$/.test(v)) return v;
    if (v.startsWith("ref: ")) return readRef(commonDir, v.slice(5));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && (e as NodeJS.ErrnoException).code !== "EISDIR") throw e;
  }
  try {
    const packed = readFileSync(join(commonDir, "packed-refs"), "utf8");
    const m = new RegExp(`^([0-9a-f]{40,64}) ${ref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m").exec(packed);
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}

export interface GitRun {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Counts git processes started, for the bench and the tests (TASKGATE_SHARE_DEBUG). */
export const gitCalls = { count: 0 };

/** Runs git; never throws for git's own failure (status != 0), only when git cannot start. */
export function runGit(cwd: string, args: readonly string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): GitRun {
  gitCalls.count++;
  const r = spawnSync("git", args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: env ?? process.env,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 128, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}

/** Runs git and returns its stdout as text; a failure becomes an Error with git's message. */
export function gitOk(cwd: string, args: readonly string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): string {
  const r = runGit(cwd, args, input, env);
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr || `exit ${r.status}`}`);
  return r.stdout.toString("utf8");
}

export interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly oid: string;
  readonly name: string;
}

export interface BoardSnapshot {
  /** The commit read, or undefined when the branch does not exist yet. */
  readonly commit: string | undefined;
  readonly entries: readonly TreeEntry[];
  /** Contents by file name on the branch (TASKS.md, APPROVALS.md); absent: no such file. */
  readonly files: ReadonlyMap<string, Buffer>;
}

/** The tree of `commit` and the named files' blobs, all through one `git cat-file --batch`. */
export function readBoard(cwd: string, commit: string | undefined, names: readonly string[]): BoardSnapshot {
  if (!commit) return { commit, entries: [], files: new Map() };
  const specs = [`${commit}^{tree}`, ...names.map((n) => `${commit}:${n}`)];
  const out = runGit(cwd, ["cat-file", "--batch"], `${specs.join("\n")}\n`);
  if (out.status !== 0) throw new Error(`git cat-file: ${out.stderr}`);
  const buf = out.stdout;
  let pos = 0;
  const objects: (Buffer | undefined)[] = [];
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      objects.push(undefined);
      continue;
    }
    const size = Number(m[2]);
    objects.push(buf.subarray(pos, pos + size));
    pos += size + 1;
  }
  const tree = objects[0];
  if (!tree) throw new Error(`git: commit ${commit} has no tree`);
  const files = new Map<string, Buffer>();
  names.forEach((n, i) => {
    const b = objects[i + 1];
    if (b) files.set(n, b);
  });
  return { commit, entries: parseTree(tree, commit.length / 2), files };
}

/** A raw tree object: entries "<mode> <name>\0<id>", the id 20 bytes (SHA-1) or 32 (SHA-256). */
function parseTree(raw: Buffer, idLength: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < raw.length) {
    const sp = raw.indexOf(32, pos);
    const nul = sp < 0 ? -1 : raw.indexOf(0, sp);
    if (nul < 0 || nul + 1 + idLength > raw.length) throw new Error("git: a tree object that cannot be read");
    const mode = raw.subarray(pos, sp).toString("utf8");
    const name = raw.subarray(sp + 1, nul).toString("utf8");
    const oid = raw.subarray(nul + 1, nul + 1 + idLength).toString("hex");
    entries.push({ mode, type: mode === "40000" ? "tree" : mode === "160000" ? "commit" : "blob", oid, name });
    pos = nul + 1 + idLength;
  }
  return entries;
}

/**
 * Writes a commit holding `entries` with `files` replaced, and returns its id. The blob, tree
 * and commit are written as loose objects by this process (SHA-1 and zlib, as git writes
 * them): three git processes fewer per write, 8-12 ms on a loaded machine. A repository
 * with another object format gets them through hash-object, mktree and commit-tree.
 */
export function writeBoardCommit(
  cwd: string,
  commonDir: string,
  base: BoardSnapshot,
  files: ReadonlyMap<string, string | Buffer>,
  message: string,
  ident: { readonly name: string; readonly email: string },
  now: number,
): string {
  const { name: author, email } = ident;
  if (!usesSha1(commonDir)) return writeBoardCommitWithGit(cwd, base, files, message, author, email);
  const objects = join(commonDir, "objects");
  const byName = new Map(base.entries.map((e) => [e.name, e] as const));
  for (const [name, content] of files) {
    const oid = writeLooseObject(objects, "blob", Buffer.from(content));
    byName.set(name, { mode: "100644", type: "blob", oid, name });
  }
  // Git's tree order: by name, a folder's name compared as if it ended with "/".
  const key = (e: TreeEntry) => (e.type === "tree" ? `${e.name}/` : e.name);
  const sorted = [...byName.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const tree = writeLooseObject(
    objects,
    "tree",
    Buffer.concat(
      sorted.flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, "")} ${e.name}\0`), Buffer.from(e.oid, "hex")]),
    ),
  );
  const seconds = Math.floor(now / 1000);
  const who = `${author.replace(/[<>\n]/g, "")} <${email.replace(/[<>\n]/g, "")}> ${seconds} +0000`;
  const body = [`tree ${tree}`, ...(base.commit ? [`parent ${base.commit}`] : []), `author ${who}`, `committer ${who}`];
  return writeLooseObject(objects, "commit", Buffer.from(`${body.join("\n")}\n\n${message}\n`));
}

function usesSha1(commonDir: string): boolean {
  try {
    return !/^\s*objectformat\s*=\s*(?!sha1)/im.test(readFileSync(join(commonDir, "config"), "utf8"));
  } catch {
    return false;
  }
}

/** A loose object, as git writes one: zlib of "<type> <size>\0<content>", named by its SHA-1. */
function writeLooseObject(objects: string, type: string, content: Buffer): string {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const oid = createHash("sha1").update(raw).digest("hex");
  const dir = join(objects, oid.slice(0, 2));
  const path = join(dir, oid.slice(2));
  if (existsSync(path)) return oid;
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `tmp_obj_taskgate_${process.pid}_${oid.slice(2, 10)}`);
  writeFileSync(temp, deflateSync(raw, { level: 1 }), { mode: 0o444 });
  renameRetrying(temp, path);
  return oid;
}

function writeBoardCommitWithGit(
  cwd: string,
  base: BoardSnapshot,
  files: ReadonlyMap<string, string | Buffer>,
  message: string,
  author: string,
  email: string,
): string {
  const byName = new Map(base.entries.map((e) => [e.name, e] as const));
  for (const [name, content] of files) {
    const oid = gitOk(cwd, ["hash-object", "-w", "--stdin"], content).trim();
    byName.set(name, { mode: "100644", type: "blob", oid, name });
  }
  const listing = [...byName.values()]
    .map((e) => `${e.mode.padStart(6, "0")} ${e.type} ${e.oid}\t${e.name}\n`)
    .join("");
  const tree = gitOk(cwd, ["mktree"], listing).trim();
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: email,
  };
  const parents = base.commit ? ["-p", base.commit] : [];
  return gitOk(cwd, ["commit-tree", tree, ...parents, "-F", "-"], `${message}\n`, env).trim();
}
