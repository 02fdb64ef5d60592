// One task run under a lease: claim it (or use the lease the actor holds), start the program
// directly (never through a shell) with the task in its environment, keep the lease alive
// every TTL/3 while it runs, and make the board follow how it ended:
//   exit 0          -> submit (REVIEW), or done / release as --on-success says
//   exit != 0, kill -> fail: READY with one more attempt and a backoff (dead letter at max)
//   lease lost      -> the program is stopped (SIGTERM, then SIGKILL), the log says so, and
//                      nothing else is written: the lease belongs to someone else now
//   interrupted     -> the lease is released cleanly once the program has exited
// The output goes to a per-run log file (and to the terminal for `run`); its path and SHA-256
// are recorded on the task as evidence.

import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { startProgram, stopProgramTree } from "../io/program.js";
import { appendLog } from "../ledger/edit.js";
import { formatLogLine, lastHash } from "../ledger/log.js";
import type { Lease } from "../model/task.js";
import { formatTime } from "../model/time.js";
import { worktreeOf } from "../rules/task-worktree.js";
import type { TransitionResult } from "../rules/workflow.js";
import { holderOf } from "../rules/workflow.js";
import type { Context } from "./context.js";
import { RefusedError, TaskgateError, UsageError } from "./errors.js";
import { applyChecked, loadTasks, parseTasks, requireValid } from "./ledgers.js";
import { next, sessionOf, transition, whoActs } from "./transition.js";
import { showView } from "./views.js";

export type OnSuccess = "review" | "done" | "release";

export interface RunOptions {
  /** The task to run; undefined: the best task for this actor (next --claim). */
  readonly id?: string | undefined;
  readonly labels?: readonly string[];
  /** The program and its arguments, given the claimed task (file: its Markdown, written for the run). */
  readonly argv: (task: { id: string; title: string; file: string }) => string[];
  readonly ttl?: number | undefined;
  readonly onSuccess: OnSuccess;
  readonly logDir: string;
  /** Time between SIGTERM and SIGKILL when the program must stop, in ms. */
  readonly grace: number;
  readonly via: "run" | "work";
  /** Stream the program's output to our stdout/stderr too (run), or only to its log file (work). */
  readonly echo: { readonly out: NodeJS.WritableStream; readonly err: NodeJS.WritableStream } | undefined;
  /** Repository folder, for evidence paths relative to it. */
  readonly root: string;
  /** The session the run acts in (a work loop's); default: a new one of its own. */
  readonly session?: string | undefined;
  /** A lease token the caller holds (TASKGATE_LEASE_TOKEN): reuse that lease even if another session took it. */
  readonly token?: number | undefined;
  /** Make (or reuse) the task's own git worktree from this base (undefined: HEAD) and run the program there. */
  readonly worktree?: { readonly base: string | undefined } | undefined;
}

/** A new session name for a run or a work loop: "run-3f9a2c". */
export function newSession(via: string): string {
  return `${via}-${randomBytes(3).toString("hex")}`;
}

export interface RunEvent {
  readonly time: number;
  readonly event: "claim" | "start" | "renew-failed" | "lost" | "review" | "done" | "release" | "fail" | "interrupted";
  readonly target: string;
  readonly why: string;
  readonly problem: boolean;
  /** The event's facts as fields (what `--json` prints beside the sentence). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export type RunResult = "review" | "done" | "released" | "failed" | "lost" | "interrupted";

export interface RunOutcome {
  readonly id: string;
  readonly result: RunResult;
  /** "exit 0", "exit 3", "signal SIGTERM". */
  readonly exit: string;
  readonly log: string;
  readonly sha256: string;
  /** For failed runs: whether the task was blocked as a dead letter. */
  readonly deadLetter: boolean;
}

export interface RunHandle {
  readonly task: { readonly id: string; readonly title: string; readonly token: number; readonly ttl: number };
  /** Epoch ms the lease lasts until (as last renewed). */
  readonly leaseUntil: () => number;
  readonly startedAt: number;
  readonly done: Promise<RunOutcome>;
  /**
   * Ctrl-C or a stop: pass the signal on to the program's process group (which a terminal's
   * Ctrl-C does not reach by itself); the lease is released once it exits. A second one kills it.
   */
  interrupt(signal: NodeJS.Signals): void;
}

const TAIL_BYTES = 4096;
const TAIL_LINES = 5;

/** Claims (or reuses the actor's lease) and starts the program; throws NothingToDo when there is no task. */
export async function startRun(
  callerCtx: () => Context,
  options: RunOptions,
  onEvent: (e: RunEvent) => void,
): Promise<RunHandle> {
  // The session that called (an agent's TASKGATE_SESSION) may hand its lease to the run; the
  // run itself acts in a session of its own, which leases it takes are bound to.
  const callerSession = sessionOf(callerCtx());
  const session = options.session ?? newSession(options.via);
  const makeCtx = (): Context => {
    const c = callerCtx();
    return { ...c, ports: { ...c.ports, session } };
  };
  const ctx = makeCtx();
  const emit = (
    event: RunEvent["event"],
    target: string,
    why: string,
    problem = false,
    data?: Readonly<Record<string, unknown>>,
    // taskgate's clock (TASKGATE_NOW where it is fixed), as the ledger's lines have it.
  ) => onEvent({ time: callerCtx().now, event, target, why, problem, ...(data ? { data } : {}) });

  // The log folder before the claim: a folder that cannot be written must not strand a lease.
  try {
    mkdirSync(options.logDir, { recursive: true });
    accessSync(options.logDir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`Cannot keep run logs in ${options.logDir}: ${(e as Error).message}`);
  }
  const claimed = await claimTask(ctx, options, callerSession);
  const { id, title } = claimed;
  const lease = claimed.lease;
  emit(
    "claim",
    id,
    `lease token ${lease.token} until ${formatTime(lease.until)}${claimed.reused ? " (already held)" : ""}`,
    false,
    { token: lease.token, until: formatTime(lease.until), reused: Boolean(claimed.reused) },
  );

  // The program runs in the task's own worktree: made now with --worktree, or the one recorded.
  let cwd: string | undefined;
  try {
    cwd = await taskFolder(makeCtx(), id, lease.token, options.worktree);
  } catch (e) {
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    if (e instanceof TaskgateError) throw new TaskgateError(`${e.message}; ${id}'s lease was released`, e.exitCode);
    throw e;
  }
  if (cwd) emit("claim", id, `in its worktree ${cwd}`);

  const stamp = formatTime(Date.now()).replace(/[-:]/g, "");
  const logPath = join(options.logDir, `${id}-${stamp}-t${lease.token}.log`);
  let fd: number;
  try {
    fd = openSync(logPath, "w");
  } catch (e) {
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    throw new RefusedError(`Cannot write the run log ${logPath} (${(e as Error).message}); ${id}'s lease was released`);
  }
  // The whole task (heading, fields, text) for the program, kept beside the run's log.
  const taskFile = logPath.replace(/\.log$/, ".md");
  try {
    writeFileSync(taskFile, `${showView(makeCtx(), id).text}\n`);
  } catch (e) {
    closeSync(fd);
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    throw new RefusedError(`Cannot write ${taskFile} (${(e as Error).message}); ${id}'s lease was released`);
  }
  const hash = createHash("sha256");
  let tail = "";
  const record = (chunk: Buffer, to: NodeJS.WritableStream | undefined) => {
    writeSync(fd, chunk);
    hash.update(chunk);
    tail = (tail + chunk.toString("utf8")).slice(-TAIL_BYTES);
    if (to) to.write(chunk);
  };

  const argv = options.argv({ id, title, file: taskFile });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TASKGATE_TASK_ID: id,
    TASKGATE_TASK_TITLE: title,
    TASKGATE_TASK_FILE: taskFile,
    TASKGATE_LEASE_TOKEN: String(lease.token),
    TASKGATE_SESSION: lease.session ?? session,
    // The program's own taskgate uses this board: the files' paths in-tree, and on a shared
    // board nothing (named paths would mean "sharing off" and the stale in-tree files).
    ...(ctx.ports.board
      ? {}
      : { TASKGATE_TASKS: resolve(ctx.paths.tasks), TASKGATE_APPROVALS: resolve(ctx.paths.approvals) }),
  };
  const startedAt = Date.now();
  let child: ChildProcess;
  let spawnError: Error | undefined;
  try {
    // A process group of its own, so stopping the program stops whatever it started too
    // (npm test, sh -c ...), and taskgate decides which signals reach it.
    // (On Windows there are no groups: src/rules/windows.ts.)
    child = startProgram(argv, {
      env,
      ...(cwd ? { cwd } : {}),
      stdio: [options.echo ? "inherit" : "ignore", "pipe", "pipe"],
    });
  } catch (e) {
    spawnError = e as Error;
    child = undefined as unknown as ChildProcess;
  }
  const guardian = child?.pid ? guard(child.pid, options.grace) : undefined;
  emit("start", id, argv.map((a) => JSON.stringify(a)).join(" "), false, { argv });

  let until = lease.until;
  let lost: string | undefined;
  let lostWrite: Promise<void> | undefined;
  let interrupted = false;
  let lastOk = Date.now();
  let renewTimer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const period = Math.max(200, Math.floor(lease.ttl / 3));

  /** A signal to the program's whole process group (it may have started others). */
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child) stopProgramTree(child, signal);
  };
  const stopChild = () => {
    if (!child || exited) return;
    signalGroup("SIGTERM");
    killTimer = setTimeout(() => signalGroup("SIGKILL"), options.grace);
  };

  const loseLease = (why: string) => {
    if (lost) return;
    lost = why;
    clearTimeout(renewTimer);
    emit("lost", id, `${why}; stopping the program`, true);
    stopChild();
    // Recorded before the run ends (finish waits for it); failing to record it changes nothing else.
    lostWrite = logOnly(makeCtx(), id, "lost", { token: lease.token, reason: why, via: options.via }).catch(
      () => undefined,
    );
  };

  let renewing: Promise<void> | undefined;
  const renew = async () => {
    if (lost || exited) return;
    let settled: () => void = () => undefined;
    renewing = new Promise((r) => {
      settled = r;
    });
    try {
      const r = await transition(makeCtx(), { action: "renew", id, token: lease.token, via: options.via });
      if (r.lease) until = r.lease.until;
      lastOk = Date.now();
      if (!exited) renewTimer = setTimeout(() => void renew(), period);
    } catch (e) {
      if (exited) return; // the run ended meanwhile: its submit or release decides
      if (e instanceof RefusedError) {
        loseLease(e.message); // taken over, released or gone: the fencing token says no
        return;
      }
      const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
      if (Date.now() - lastOk >= (2 * lease.ttl) / 3) {
        loseLease(`renewing failed until 2/3 of the TTL had passed (${why})`);
        return;
      }
      emit("renew-failed", id, `${why}; trying again`, true);
      renewTimer = setTimeout(() => void renew(), Math.min(period, 1000));
    } finally {
      settled();
    }
  };
  let exited = false;

  const done = new Promise<RunOutcome>((resolveDone) => {
    let finished = false;
    const finish = async (exit: string, ok: boolean) => {
      if (finished) return;
      finished = true;
      exited = true;
      clearTimeout(renewTimer);
      clearTimeout(killTimer);
      guardian?.release();
      await renewing; // a renewal in flight ends before the submit or release
      closeSync(fd);
      const sha256 = hash.digest("hex");
      const evidence = `run log ${relative(options.root, logPath).split("\\").join("/")} sha256:${sha256}`;
      const base = { id, exit, log: logPath, sha256, deadLetter: false };
      const [how, what] = exit.split(" ");
      const ended = {
        exitCode: how === "exit" ? Number(what) : null,
        signal: how === "signal" ? (what ?? null) : null,
        log: relative(options.root, logPath).split("\\").join("/"),
        sha256,
      };
      const settle = async (
        result: RunResult | (() => RunResult),
        act: () => Promise<TransitionResult | undefined>,
      ) => {
        try {
          await act();
          resolveDone({ ...base, result: typeof result === "function" ? result() : result });
        } catch (e) {
          if (!(e instanceof TaskgateError)) throw e;
          // The lease went away meanwhile (fencing): nothing of ours may be written now.
          emit("lost", id, e.message.split("\n")[0] as string, true);
          resolveDone({ ...base, result: "lost" });
        }
      };
      const c = makeCtx();
      const token = lease.token;
      if (lost) {
        await lostWrite;
        resolveDone({ ...base, result: "lost" });
        return;
      }
      if (interrupted) {
        await settle("interrupted", async () => {
          const r = await transition(c, { action: "release", id, token, evidence, via: options.via });
          emit("interrupted", id, `${exit}; lease released`, false, ended);
          return r;
        });
        return;
      }
      if (ok) {
        if (options.onSuccess === "release") {
          await settle("released", async () => {
            const r = await transition(c, { action: "release", id, token, evidence, via: options.via });
            emit("release", id, `${exit}; lease released (--on-success release)`, false, ended);
            return r;
          });
          return;
        }
        let result: RunResult = "review";
        await settle(
          () => result,
          async () => {
            const r = await transition(c, { action: "submit", id, token, evidence, via: options.via });
            emit("review", id, `${exit}; submitted for review, evidence ${evidence}`, false, ended);
            if (options.onSuccess === "done") {
              const accepted = await acceptByAutomation(makeCtx(), id, options.via);
              if (accepted.ok) {
                result = "done";
                emit("done", id, `accepted by ${accepted.actor}`, false, { acceptedBy: accepted.actor });
              } else emit("review", id, `left in REVIEW: ${accepted.why}`, true);
            }
            return r;
          },
        );
        return;
      }
      const output = tail.trimEnd().split("\n").slice(-TAIL_LINES).join("\n");
      await settle("failed", async () => {
        const r = await transition(c, {
          action: "fail",
          id,
          token,
          evidence,
          via: options.via,
          failure: { exit, output },
        });
        const after = loadTasks(makeCtx()).byId.get(id)?.task;
        const dead = after?.blocked?.startsWith("dead letter") ?? false;
        base.deadLetter = dead;
        emit(
          "fail",
          id,
          dead
            ? `${exit}; blocked as a dead letter after ${after?.attempts} attempts`
            : `${exit}; back to READY, attempt ${after?.attempts}, not before ${after?.notBefore ? formatTime(after.notBefore) : "now"}`,
          true,
          {
            ...ended,
            attempts: after?.attempts ?? null,
            notBefore: !dead && after?.notBefore ? formatTime(after.notBefore) : null,
            deadLetter: dead,
          },
        );
        return r;
      });
    };
    if (spawnError || !child) {
      record(Buffer.from(`taskgate: could not start ${argv[0]}: ${spawnError?.message}\n`), undefined);
      void finish("exit 127", false);
      return;
    }
    child.stdout?.on("data", (d: Buffer) => record(d, options.echo?.out));
    child.stderr?.on("data", (d: Buffer) => record(d, options.echo?.err));
    let notStarted = false;
    child.on("error", (e) => {
      // The program could not be started (missing, not executable): like a shell's 127.
      notStarted = true;
      record(Buffer.from(`taskgate: could not start ${argv[0]}: ${e.message}\n`), options.echo?.err);
    });
    const ended = (code: number | null, signal: NodeJS.Signals | null) => {
      if (notStarted) void finish("exit 127", false);
      else void finish(signal ? `signal ${signal}` : `exit ${code ?? 127}`, code === 0 && !signal);
    };
    child.on("close", ended);
    // Something the program started may keep its output open after it exited: stop waiting
    // for that after a moment, end the rest of its group, and finish.
    child.on("exit", (code, signal) => {
      setTimeout(
        () => {
          if (finished) return;
          signalGroup("SIGKILL");
          child.stdout?.destroy();
          child.stderr?.destroy();
          ended(code, signal);
        },
        Math.min(options.grace, 2000),
      ).unref();
    });
  });
  renewTimer = setTimeout(() => void renew(), period);

  return {
    task: { id, title, token: lease.token, ttl: lease.ttl },
    leaseUntil: () => until,
    startedAt,
    done,
    interrupt(signal) {
      if (interrupted) {
        signalGroup("SIGKILL");
        return;
      }
      interrupted = true;
      signalGroup(signal);
    },
  };
}

/** The folder the program runs in: the task's worktree (made with --worktree), else undefined (here). */
async function taskFolder(
  ctx: Context,
  id: string,
  token: number,
  worktree: RunOptions["worktree"],
): Promise<string | undefined> {
  const wt = await import("./worktree.js");
  if (worktree) return (await wt.ensureTaskWorktree(ctx, id, token, worktree.base, process.env)).folder;
  const task = loadTasks(ctx).byId.get(id)?.task;
  const recorded = task && worktreeOf(task.fields);
  if (!recorded) return undefined;
  const folder = wt.folderOf(wt.boardTop(ctx), recorded);
  return existsSync(folder) ? folder : undefined;
}

async function claimTask(
  ctx: Context,
  options: RunOptions,
  callerSession: string | undefined,
): Promise<{ id: string; title: string; lease: Lease; reused: boolean }> {
  if (options.id === undefined) {
    const r = await next(ctx, { labels: options.labels ?? [], claim: true, ttl: options.ttl, via: options.via });
    const claimed = r.claimed as TransitionResult;
    return { id: claimed.id, title: r.pick.task?.title ?? "", lease: claimed.lease as Lease, reused: false };
  }
  const id = options.id;
  const task = loadTasks(ctx).byId.get(id)?.task;
  if (!task) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const who = whoActs(ctx, "WORK");
  // The lease is reused by the session holding it (the caller's, or a lease taken outside any
  // session, as before sessions existed) or with its token; any other session's claim is refused
  // below with the sentence that names the holding session.
  const lease = task.lease;
  if (
    task.state === "DOING" &&
    lease?.holder === holderOf(who) &&
    (lease.session === undefined || lease.session === callerSession || options.token === lease.token)
  ) {
    return { id, title: task.title, lease, reused: true };
  }
  const r = await transition(ctx, { action: "claim", id, ttl: options.ttl, via: options.via });
  return { id, title: task.title, lease: r.lease as Lease, reused: false };
}

/** A line in TASKS.md's log that changes no field (a lost lease is the board's news, not a transition). */
async function logOnly(ctx: Context, id: string, action: string, details: Record<string, string | number>) {
  const who = whoActs(ctx, "WORK");
  await ctx.ports.update([ctx.paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    const line = formatLogLine(ctx.ports.hasher, lastHash(ledger.doc, ledger.log), {
      time: now,
      actor: who.actor,
      role: "WORK",
      action,
      target: id,
      details: {
        ...details,
        ...(who.session ? { session: who.session } : {}),
        ...(who.automation ? { auto: "true" } : {}),
      },
    });
    const next = applyChecked("tasks", ctx.paths.tasksDisplay, text as string, [
      appendLog(ledger.doc, ledger.log, [line]),
    ]);
    return { writes: [{ path: ctx.paths.tasks, text: next }], result: undefined };
  });
}

/** --on-success done: the automation actor with AUDIT accepts (never the worker: four eyes). */
async function acceptByAutomation(
  ctx: Context,
  id: string,
  via: string,
): Promise<{ ok: true; actor: string } | { ok: false; why: string }> {
  const { loadApprovals } = await import("./ledgers.js");
  const approvals = loadApprovals(ctx);
  const auto = [...(approvals?.actors.values() ?? [])].find((a) => a.automation && a.roles.includes("AUDIT"));
  if (!auto) return { ok: false, why: "no automation actor with the AUDIT role to accept it" };
  const as: Context = { ...ctx, ports: { ...ctx.ports, actorName: () => auto.name } };
  try {
    await transition(as, { action: "accept", id, via });
    return { ok: true, actor: auto.name };
  } catch (e) {
    if (e instanceof TaskgateError) return { ok: false, why: e.message.split("\n")[0] as string };
    throw e;
  }
}

/**
 * A guardian for the program's process group: a small shell that holds a pipe from this
 * process. When this process dies for any reason (SIGKILL and the OOM killer included) the
 * kernel closes the pipe, and the guardian sends SIGTERM to the group, then SIGKILL after the
 * grace time if anything is left. release() tells it the run ended normally. It runs in a
 * session of its own, so a closed terminal's SIGHUP does not reach it.
 */
const GUARDIAN = `trap '' HUP INT
if read line; then exit 0; fi
kill -s TERM -- -"$1" 2>/dev/null || exit 0
i=0
while [ "$i" -lt "$2" ] && kill -s 0 -- -"$1" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
kill -s KILL -- -"$1" 2>/dev/null
exit 0`;

function guard(pgid: number, grace: number): { release(): void } | undefined {
  if (process.platform === "win32") return undefined;
  let g: ChildProcess;
  try {
    g = spawn("/bin/sh", ["-c", GUARDIAN, "taskgate-guardian", String(pgid), String(Math.ceil(grace / 100))], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true,
      shell: false,
    });
  } catch {
    return undefined;
  }
  g.on("error", () => undefined);
  g.stdin?.on("error", () => undefined);
  g.unref();
  return {
    release() {
      g.stdin?.end("done\n");
    },
  };
}
