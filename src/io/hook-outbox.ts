// The hooks' outbox on disk and the two ways of delivering an event (docs/hooks.md).
// The outbox is not a second copy of the events: the logs are. Each hook trusted on this
// machine has one state file in taskgate's private folder (.git/taskgate/hooks, or the system's
// temp folder for ledgers outside git): how far along each log it has delivered, and its
// failure if any. The file is replaced atomically (temp file, fsync, rename) after every
// delivered event, under the hook's own lock (lock.ts, the ledgers' kind), never a ledger's.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EVENT_ACTIONS, type EventPayload, type HookFailure } from "../rules/hooks.js";
import { writeFileAtomic } from "./atomic-write.js";
import { type HeldLock, tryLock } from "./lock.js";
import { privateDirFor, shortHash } from "./places.js";

export interface Cursor {
  /** The hash of the last log line delivered (or skipped: no event for this hook). */
  readonly hash: string;
  readonly time: number;
}

export interface OutboxState {
  readonly v: 1;
  /** What the hook was when trusted (rules/hooks.ts hookKey). */
  readonly key: string;
  readonly trustedAt: number;
  /** Per log; null: the log was empty when the hook was trusted. */
  readonly cursors: { readonly tasks: Cursor | null; readonly approvals: Cursor | null };
  /** The last lines delivered, for a log whose cursor line is gone (a rewritten log). */
  readonly recent: readonly string[];
  /** Requests whose past-sla event was delivered. */
  readonly sla: readonly string[];
  readonly failure?: HookFailure | undefined;
  readonly delivered: number;
  /** The sha256 of the program file when trusted (programDigest), for a run hook whose program is a path. */
  readonly program?: string | undefined;
}

/**
 * The content identity of a run hook's program file, when its first word names a file by a
 * path (it has a / or \\), resolved against `dir` (the folder the program runs in): the
 * file's sha256, or "missing" when it cannot be read. undefined: a program found on PATH.
 */
export function programDigest(argv0: string, dir: string): string | undefined {
  if (!/[\\/]/.test(argv0)) return undefined;
  try {
    return createHash("sha256")
      .update(readFileSync(resolve(dir, argv0)))
      .digest("hex");
  } catch {
    return "missing";
  }
}

export interface Outbox {
  readonly dir: string;
  idOf(key: string): string;
  read(id: string): OutboxState | undefined;
  write(id: string, state: OutboxState): void;
  /** The hook's lock, or undefined when another process holds it (it delivers meanwhile). */
  lock(id: string): HeldLock | undefined;
  /** The ids of every state file (hooks trusted here, including ones since removed from the board). */
  ids(): string[];
}

/** The outbox of the board whose TASKS.md is at `tasksPath`. */
export function openOutbox(tasksPath: string): Outbox {
  let dir: string | undefined;
  const place = () => {
    dir ??= privateDirFor(tasksPath, "hooks");
    return dir;
  };
  return {
    get dir() {
      return place();
    },
    idOf: (key) => shortHash(`${tasksPath}\n${key}`),
    read(id) {
      try {
        const s = JSON.parse(readFileSync(join(place(), `${id}.json`), "utf8")) as OutboxState;
        return s && s.v === 1 ? s : undefined;
      } catch {
        return undefined;
      }
    },
    write(id, state) {
      writeFileAtomic(join(place(), `${id}.json`), Buffer.from(`${JSON.stringify(state)}\n`), place());
    },
    lock: (id) => tryLock(join(place(), `${id}.lock`), 5000, {}),
    ids() {
      try {
        return readdirSync(place())
          .filter((f) => /^[0-9a-f]{10}\.json$/.test(f))
          .map((f) => f.slice(0, 10));
      } catch {
        return [];
      }
    },
  };
}

export type Sent = { ok: true } | { ok: false; error: string };

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 200);

/**
 * Runs `argv` (no shell) with the payload's JSON on its stdin, in `cwd`; delivered when it
 * exits 0 within `timeout`. A program still running then is killed with its process group.
 */
export function sendToProgram(
  argv: readonly string[],
  payload: EventPayload,
  timeout: number,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Sent> {
  return new Promise((resolve) => {
    let stderr = "";
    let settled = false;
    const done = (r: Sent) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd,
      env: { ...env, TASKGATE_EVENT: payload.event, TASKGATE_EVENT_ID: payload.id },
      stdio: ["pipe", "ignore", "pipe"],
      // Its own process group, so a timeout ends what it started too.
      detached: process.platform !== "win32",
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
      done({ ok: false, error: `still running after ${Math.round(timeout / 1000)}s: killed` });
    }, timeout);
    child.on("error", (e: NodeJS.ErrnoException) =>
      done({ ok: false, error: e.code === "ENOENT" ? `no program ${argv[0]}` : oneLine(e.message) }),
    );
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-2000);
    });
    child.stdin?.on("error", () => {
      // A program that does not read its stdin: not a failure by itself.
    });
    child.stdin?.end(`${JSON.stringify(payload)}\n`);
    child.on("close", (code, signal) => {
      if (code === 0) done({ ok: true });
      else {
        const last = oneLine(stderr.trimEnd().split("\n").pop() ?? "");
        done({ ok: false, error: `${signal ? `killed by ${signal}` : `exit ${code}`}${last ? `: ${last}` : ""}` });
      }
    });
  });
}

/** POSTs the payload's JSON to `url`; delivered on a 2xx answer within `timeout`. */
export async function sendToUrl(url: string, payload: EventPayload, timeout: number): Promise<Sent> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "taskgate-hooks/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeout),
      redirect: "error",
    });
    // Read the body so the connection is freed; its text is only for the message.
    const body = oneLine(await res.text().catch(() => ""));
    if (res.ok) return { ok: true };
    return { ok: false, error: `HTTP ${res.status}${body ? `: ${body.slice(0, 120)}` : ""}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === "TimeoutError") return { ok: false, error: `no answer within ${Math.round(timeout / 1000)}s` };
    return { ok: false, error: oneLine(err.cause?.code ?? err.cause?.message ?? err.message) };
  }
}

const EVENT_LINE = new RegExp(`^[-*+] \\S+ \\S+ \\S+ (?:${EVENT_ACTIONS.join("|")}) .* ~ [0-9a-f]{12}[ \\t]*$`, "m");

/**
 * Whether a write added a log line that may be an event: the lines after the last one the
 * file had before (found from the end, without reading the whole log), or all for a new file.
 */
export function addsEventLine(before: string | undefined, after: string): boolean {
  let tail = after;
  if (before !== undefined) {
    const m = / ~ ([0-9a-f]{12})[ \t]*\r?\n?[\s]*$/.exec(before.slice(-4096)) ?? lastHashIn(before);
    const hash = m?.[1];
    if (hash) {
      const at = after.lastIndexOf(` ~ ${hash}`);
      if (at >= 0) tail = after.slice(at);
    }
  }
  return EVENT_LINE.test(tail);
}

/** The last log line's hash anywhere in a text (a Log that is not the last section). */
function lastHashIn(text: string): RegExpExecArray | null {
  let m: RegExpExecArray | null = null;
  const re = / ~ ([0-9a-f]{12})[ \t]*$/gm;
  for (let x = re.exec(text); x; x = re.exec(text)) m = x;
  return m;
}

/**
 * Starts `taskgate hooks deliver --due` detached from this process (not waited on, no shared
 * output), after a write is durable: the command's own events go out at once when they can,
 * and `watch` delivers what this misses. Best effort: a failure to start is ignored.
 */
export function startDeliverer(
  bin: string,
  ledgers: { readonly tasks: string; readonly approvals: string } | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
): void {
  try {
    // The same board: its files named (a shared board is found again from cwd, as it was).
    const childEnv: NodeJS.ProcessEnv = { ...env };
    if (ledgers) {
      delete childEnv.TASKGATE_DIR;
      childEnv.TASKGATE_TASKS = ledgers.tasks;
      childEnv.TASKGATE_APPROVALS = ledgers.approvals;
    }
    const child = spawn(process.execPath, [bin, "hooks", "deliver", "--due", "--quiet"], {
      cwd,
      env: childEnv,
      stdio: "ignore",
      detached: true,
      windowsHide: true,
    });
    child.on("error", () => {
      // Best effort: watch delivers it.
    });
    child.unref();
  } catch {
    // Best effort: watch delivers it.
  }
}
