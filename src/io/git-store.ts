// The store's git backend: the ledgers are files on a branch (default `taskgate`) whose ref
// every worktree of the clone shares. A write is a compare-and-swap of that ref: locally
// `git update-ref REF NEW OLD`; with a remote, a push with --force-with-lease=REF:OLD, and
// the write counts only once the remote took it. A lost race is re-planned with the same
// pure `decide` (it may run several times); anything else is reported, never retried.

import { spawn } from "node:child_process";
import { BusyError, InvalidLedgerError, RefusedError, UnreachableError } from "../app/errors.js";
import { type BoardSnapshot, readBoard, readRef, runGit, type ShareSetting, writeBoardCommit } from "./git-ref.js";
import type { Update } from "./store.js";
import { decodeUtf8 } from "./text.js";

export interface GitStoreOptions {
  readonly share: ShareSetting;
  /** Where git runs (a folder of the clone). */
  readonly cwd: string;
  /** The ledgers' paths as the app names them, and their file names on the branch. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Who the commits are by: git's own identity of the clone (as a normal commit's), never the
   * --as name, so verify judges a board commit like any other (docs/share.md, Who a write is by).
   */
  readonly author: () => { readonly name: string; readonly email: string };
  /** Attempts, and ms, after which a write that keeps losing races gives up with exit 4. */
  readonly maxAttempts?: number | undefined;
  readonly timeout?: number | undefined;
  /** The time a write lands (TASKGATE_NOW fixes it for tests and replays). */
  readonly clock?: (() => number) | undefined;
  /** Written to with one line per write when set (TASKGATE_SHARE_DEBUG): attempts, git calls. */
  readonly debug?: ((line: string) => void) | undefined;
}

export class GitBoardStore {
  private readonly share: ShareSetting;
  private readonly cwd: string;
  private readonly names: ReadonlyMap<string, string>;
  private readonly maxAttempts: number;
  private readonly timeout: number;
  private cached: BoardSnapshot | undefined;
  private fetched = false;
  /** When the last fetch ended (Date.now()), for refresh(). */
  private fetchedAt: number | undefined;
  /** Set when a read could not reach the remote: the board shown is the last one fetched. */
  offline: string | undefined;

  constructor(private readonly options: GitStoreOptions) {
    this.share = options.share;
    this.cwd = options.cwd;
    this.names = options.names;
    this.maxAttempts = options.maxAttempts ?? 100;
    this.timeout = options.timeout ?? 30_000;
  }

  /** The ref the board is read from: the local branch, or the remote-tracking one. */
  get readRefName(): string {
    const { branch, remote } = this.share;
    return remote ? `refs/remotes/${remote}/${branch}` : `refs/heads/${branch}`;
  }

  /** Where the board lives, in words (status's first line, share's report). */
  describe(): string {
    const { branch, remote } = this.share;
    return remote
      ? `shared on branch ${branch} of remote ${remote} (a push decides every write)`
      : `shared on branch ${branch} by every worktree of this clone`;
  }

  /**
   * For a process that lives across many calls (mcp): the next read fetches again when the
   * last fetch ended at least `olderThanMs` ago, so a board changed on another machine is seen
   * without a restart. A one-shot command never calls it: it reads what it fetched once.
   */
  refresh(olderThanMs: number): void {
    if (this.fetchedAt !== undefined && Date.now() - this.fetchedAt >= olderThanMs) this.fetched = false;
  }

  /** When the last fetch ended (undefined: none yet). */
  get lastFetch(): number | undefined {
    return this.fetchedAt;
  }

  readBytes(path: string): Buffer | undefined {
    const name = this.nameOf(path);
    if (this.share.remote && !this.fetched) {
      // Reads see the remote's board as of now when it can be reached, else the last fetched.
      this.fetched = true;
      const f = this.fetch();
      if (f !== "ok") this.offline = f;
    }
    const commit = readRef(this.share.commonDir, this.readRefName);
    if (!this.cached || this.cached.commit !== commit)
      this.cached = readBoard(this.cwd, commit, [...new Set(this.names.values())]);
    return this.cached.files.get(name);
  }

  readText(path: string): string | undefined {
    const b = this.readBytes(path);
    return b === undefined ? undefined : decodeUtf8(this.displayOf(path), b);
  }

  readSnapshot(path: string): { readonly text: string; readonly bytes: Uint8Array } | undefined {
    const b = this.readBytes(path);
    if (b === undefined) return undefined;
    let text: string | undefined;
    const display = this.displayOf(path);
    return {
      bytes: b,
      get text() {
        text ??= decodeUtf8(display, b);
        return text;
      },
    };
  }

  async update<T>(
    paths: readonly string[],
    decide: (texts: (string | undefined)[], now: number) => Update<T>,
  ): Promise<T> {
    const names = paths.map((p) => this.nameOf(p));
    const { branch, remote } = this.share;
    let needFetch = true;
    const deadline = Date.now() + this.timeout;
    for (let attempt = 1; ; attempt++) {
      const began = Date.now();
      if (remote && needFetch) {
        const f = this.fetch();
        if (f !== "ok") {
          throw new UnreachableError(
            `remote "${remote}" cannot be reached (${f}); the shared board was not changed and nothing is held: run the command again once it can be reached`,
          );
        }
        this.fetched = true;
      }
      needFetch = true;
      const base = readRef(this.share.commonDir, this.readRefName);
      // The board a read of this command already fetched, when the ref has not moved since.
      const snap =
        this.cached && this.cached.commit === base
          ? this.cached
          : readBoard(this.cwd, base, [...new Set(this.names.values())]);
      this.cached = snap;
      const texts = names.map((n, i) => {
        const b = snap.files.get(n);
        return b === undefined ? undefined : decodeUtf8(this.displayOf(paths[i] as string), b);
      });
      const { writes, result } = decide(texts, (this.options.clock ?? Date.now)());
      const files = new Map<string, string>();
      for (const w of writes) {
        if (!paths.includes(w.path)) throw new Error(`internal: write to ${w.path}, which was not read`);
        if (/^(<{7}|>{7})( |\r?$)/m.test(w.text)) {
          throw new InvalidLedgerError(
            `${this.displayOf(w.path)}: refusing to write a file that has merge conflict markers; resolve them first`,
            [],
          );
        }
        files.set(this.nameOf(w.path), w.text);
      }
      const changed = [...files].some(([n, text]) => snap.files.get(n)?.toString("utf8") !== text);
      if (!changed) return result;
      const author = this.options.author();
      const commit = writeBoardCommit(
        this.cwd,
        this.share.commonDir,
        snap,
        files,
        commitMessage(files, snap),
        author,
        Date.now(),
      );
      const outcome = remote ? this.push(remote, branch, base, commit) : this.swapLocal(branch, base, commit);
      this.options.debug?.(`taskgate share: attempt ${attempt} ${outcome.kind}`);
      if (outcome.kind === "done") {
        this.cached = undefined;
        return result;
      }
      if (outcome.kind === "refused") throw new RefusedError(outcome.message);
      if (outcome.kind === "unreachable") {
        throw new UnreachableError(
          `remote "${remote}" could not be reached while publishing (${outcome.message}); the change is not counted as made: run the command again (it re-reads the board, so nothing is done twice)`,
        );
      }
      // A lost race: another writer moved the ref first. The fetch done to tell that is reused.
      if (remote) needFetch = false;
      if (attempt >= this.maxAttempts || Date.now() >= deadline) {
        throw new BusyError(
          `the shared board on branch ${branch} kept changing under ${attempt} attempts (other writers won each race); nothing was written, run the command again`,
        );
      }
      // Jitter in proportion to how long an attempt takes (a push to a far or busy remote takes
      // far longer than an update-ref), so retries spread over a few attempts' time.
      const window = Math.max(25, Date.now() - began) * Math.min(attempt, 3);
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(window, 3000)));
    }
  }

  /** Compare-and-swap of the local branch: git locks the ref and checks OLD under the lock. */
  private swapLocal(branch: string, base: string | undefined, commit: string): Outcome {
    const ref = `refs/heads/${branch}`;
    const r = runGit(this.cwd, ["update-ref", "-m", "taskgate", ref, commit, base ?? ""]);
    if (r.status === 0) return { kind: "done" };
    const now = readRef(this.share.commonDir, ref);
    if (now !== base) return { kind: "lost" };
    // Same value but refused: the ref's lock was held by a writer that has not finished.
    if (/lock/i.test(r.stderr)) return { kind: "lost" };
    throw new Error(`git update-ref ${ref}: ${r.stderr}`);
  }

  /**
   * Publishes `commit` if the remote's branch is still `base`. A rejection is told apart by
   * fetching again and comparing refs (the text alone is ambiguous): moved on, a lost race;
   * our commit, published after all; unchanged, the remote refused it (a hook, permissions).
   */
  private push(remote: string, branch: string, base: string | undefined, commit: string): Outcome {
    const ref = `refs/heads/${branch}`;
    const r = runGit(this.cwd, [
      "push",
      "--porcelain",
      "--no-verify",
      `--force-with-lease=${ref}:${base ?? ""}`,
      remote,
      `${commit}:${ref}`,
    ]);
    if (r.status === 0) {
      this.mirror(remote, branch, base, commit);
      return { kind: "done" };
    }
    const f = this.fetch();
    if (f !== "ok") return { kind: "unreachable", message: f };
    const tip = readRef(this.share.commonDir, this.readRefName);
    if (tip === commit) {
      this.mirror(remote, branch, base, commit);
      return { kind: "done" };
    }
    if (tip !== base) return { kind: "lost" };
    const said = `${r.stderr} ${r.stdout.toString("utf8")}`.replace(/\s+/g, " ").trim();
    return { kind: "refused", message: `remote "${remote}" refused the change to branch ${branch}: ${said}` };
  }

  /** After a push: the tracking ref and the local branch show what was published. */
  private mirror(remote: string, branch: string, base: string | undefined, commit: string): void {
    const tracking = `refs/remotes/${remote}/${branch}`;
    const before = readRef(this.share.commonDir, tracking);
    runGit(this.cwd, ["update-ref", tracking, commit, ...(before ? [before] : [])]);
    this.syncLocalBranch(base ?? before, commit);
  }

  /**
   * The local branch follows the remote's, so `git show taskgate:TASKS.md` shows the board,
   * but only while it is where the remote's was (`previous`): a commit made on it by hand
   * and not pushed yet is never moved away (compare-and-swap on the local ref).
   */
  private syncLocalBranch(previous: string | undefined, commit: string | undefined): void {
    if (!commit) return;
    const ref = `refs/heads/${this.share.branch}`;
    const local = readRef(this.share.commonDir, ref);
    if (local === commit || (local !== undefined && local !== previous)) return;
    runGit(this.cwd, ["update-ref", ref, commit, local ?? ""]);
  }

  /**
   * Brings the remote's branch into the tracking ref. "ok" (also when the remote has no such
   * branch yet: the tracking ref is then removed), else git's sentence on why it failed.
   */
  fetch(): "ok" | string {
    const { remote } = this.share;
    if (!remote) return "ok";
    const previous = readRef(this.share.commonDir, this.readRefName);
    try {
      for (let i = 0; ; i++) {
        const r = runGit(this.cwd, this.fetchArgs());
        const outcome = this.afterFetch(previous, r.status, r.stderr);
        // Another process of this clone updating the same tracking ref: not a network problem.
        if (outcome === "retry" && i < 20) continue;
        return outcome === "retry" ? `git fetch could not lock ${this.readRefName}: ${r.stderr}` : outcome;
      }
    } finally {
      // From its end: a slow remote is not asked again the moment it answered.
      this.fetchedAt = Date.now();
    }
  }

  /**
   * For serve: one fetch in a child process, so the server keeps answering while the remote
   * does (a slow or dead remote costs a stale page, never a stalled one); killed after
   * `timeoutMs`. Resolves with "ok" or why it failed; reads then see the new tracking ref.
   */
  fetchInBackground(timeoutMs: number): Promise<"ok" | string> {
    if (!this.share.remote) return Promise.resolve("ok");
    const previous = readRef(this.share.commonDir, this.readRefName);
    return new Promise((resolve) => {
      const child = spawn("git", this.fetchArgs(), {
        cwd: this.cwd,
        stdio: ["ignore", "ignore", "pipe"],
        timeout: timeoutMs,
      });
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => {
        stderr += d.toString("utf8");
      });
      child.on("error", (e) => resolve(e.message));
      child.on("close", (code, signal) => {
        this.fetchedAt = Date.now();
        if (signal) return resolve(`git fetch gave no answer in ${Math.round(timeoutMs / 1000)} s`);
        const outcome = this.afterFetch(previous, code ?? 128, stderr.trim());
        const failed = outcome === "retry" ? undefined : outcome === "ok" ? undefined : outcome;
        this.offline = failed;
        resolve(failed ?? "ok");
      });
    });
  }

  private fetchArgs(): string[] {
    const { remote, branch } = this.share;
    return [
      "fetch",
      "--quiet",
      "--no-tags",
      "--no-write-fetch-head",
      remote ?? "",
      `+refs/heads/${branch}:${this.readRefName}`,
    ];
  }

  /** What a fetch that exited with `status` means: "ok", "retry" (a ref lock), or git's sentence. */
  private afterFetch(previous: string | undefined, status: number, stderr: string): "ok" | "retry" | string {
    const tracking = this.readRefName;
    if (status === 0) {
      this.syncLocalBranch(previous, readRef(this.share.commonDir, tracking));
      return "ok";
    }
    if (/couldn't find remote ref/i.test(stderr)) {
      const had = readRef(this.share.commonDir, tracking);
      if (had) runGit(this.cwd, ["update-ref", "-d", tracking, had]);
      return "ok";
    }
    if (/cannot lock ref|unable to create .*\.lock|File exists/i.test(stderr)) return "retry";
    const lines = stderr.split("\n").filter(Boolean);
    return lines.filter((l) => /^(fatal|error):/.test(l)).join(" ") || lines.at(-1) || `git fetch exited ${status}`;
  }

  private nameOf(path: string): string {
    const n = this.names.get(path);
    if (n === undefined) throw new Error(`internal: ${path} is not a ledger of the shared board`);
    return n;
  }

  private displayOf(path: string): string {
    return `${this.share.branch}:${this.nameOf(path)}`;
  }
}

type Outcome =
  | { readonly kind: "done" }
  | { readonly kind: "lost" }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "unreachable"; readonly message: string };

/** The commit message: the log line the write added (the action), else the files changed. */
function commitMessage(files: ReadonlyMap<string, string>, base: BoardSnapshot): string {
  for (const [name, text] of files) {
    const before = base.files.get(name)?.toString("utf8") ?? "";
    const at = text.trimEnd().lastIndexOf("\n");
    const last = text.trimEnd().slice(at + 1);
    if (!before.includes(last) && last.startsWith("- ")) return `taskgate: ${last.slice(2, 200)}`;
  }
  return `taskgate: ${[...files.keys()].join(", ")}`;
}
