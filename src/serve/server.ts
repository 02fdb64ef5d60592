// `taskgate serve`: the HTTP face. node:http on 127.0.0.1 only; every request needs the token
// and decisions a same-origin POST (guard.ts). Each request gets a fresh context (the clock
// read now, the ledgers read again through the same ports); the events stream says "change"
// when the ledgers' bytes (the files, or the shared board's ref) differ from the last look.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decideApproval, listApprovals } from "../app/approvals.js";
import type { Context } from "../app/context.js";
import { approvalsDoc, doc, docText, listDoc, metricsDoc, showDoc, statusDoc } from "../app/documents.js";
import { TaskgateError, UsageError } from "../app/errors.js";
import { loadTasks } from "../app/ledgers.js";
import { metricsView } from "../app/metrics.js";
import { explainRefusal, type Refusal } from "../app/refusal.js";
import { transition, whoActs } from "../app/transition.js";
import { listView, showView, statusView } from "../app/views.js";
import { normalizeApprovalId as normalizeApproval } from "../model/approval.js";
import { isState, normalizeTaskId as normalizeId } from "../model/task.js";
import type { TransitionAction } from "../rules/workflow.js";
import { answerHeaders, Guard } from "./guard.js";
import { type BoardData, boardFragment, pageHtml, problemFragment, type Tr } from "./page.js";
import { ChangeWatch } from "./watch.js";

export interface ServeOptions {
  readonly makeCtx: () => Context;
  readonly port: number;
  readonly readOnly: boolean;
  /** How often the ledgers are looked at for a change (ms). */
  readonly pollMs: number;
  readonly log: (line: string) => void;
  /** Called with the URL (token included) once listening. */
  readonly onListening: (url: string) => void;
  /** The page's language (its `lang`) and its words in it (default: English as written). */
  readonly lang?: string;
  readonly tr?: Tr;
}

const BODY_LIMIT = 16 * 1024;
const DECISIONS = ["approve", "reject", "accept", "rework", "ready"] as const;
type Decision = (typeof DECISIONS)[number];
const isDecision = (s: string): s is Decision => (DECISIONS as readonly string[]).includes(s);

const STATUS_OF: Partial<Record<Refusal["code"], number>> = {
  ROLE_DENIED: 403,
  FOUR_EYES: 403,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  BUSY: 503,
  INVALID_LEDGER: 409,
};

/** Serves until SIGINT or SIGTERM; resolves 0 once the server, the streams and the watch are closed. */
export async function serveHttp(opts: ServeOptions): Promise<number> {
  const { makeCtx, readOnly, log } = opts;
  const guard = new Guard();
  const headers = answerHeaders;
  const sendJson = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, headers("application/json; charset=utf-8"));
    res.end(docText(body));
  };
  const refuse = (res: ServerResponse, status: number, r: Refusal) => sendJson(res, status, { error: r });

  const boardData = (ctx: Context): BoardData => {
    let roles: BoardData["roles"];
    let actor = ctx.ports.actorName() ?? "(nobody)";
    try {
      const who = whoActs(ctx, "AUDIT");
      actor = who.actor;
      roles = who.roles;
    } catch (e) {
      roles = e instanceof Error ? e.message : String(e);
    }
    const status = statusView(ctx);
    const tasks = listView(ctx, { states: [], labels: [] }).tasks;
    const pending = status.approvalsFound ? listApprovals(ctx, { status: ["pending"] }) : [];
    return {
      now: ctx.now,
      actor,
      roles,
      readOnly,
      board: ctx.ports.board?.describe(),
      status,
      tasks,
      pending,
      approvalSla: loadTasks(ctx).policy.approvalSla,
      metrics: undefined,
    };
  };
  const fragment = async (): Promise<string> => {
    const ctx = makeCtx();
    try {
      const d = boardData(ctx);
      let metrics: BoardData["metrics"];
      try {
        metrics = await metricsView(ctx, {});
      } catch {
        metrics = undefined; // The board is shown without them; `taskgate metrics` says why.
      }
      return boardFragment({ ...d, metrics, ...(opts.tr ? { tr: opts.tr } : {}) });
    } catch (e) {
      if (e instanceof TaskgateError) return problemFragment(e.message, opts.tr);
      throw e;
    }
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => {
    const ctx = makeCtx();
    try {
      if (path === "/api/status") return sendJson(res, 200, statusDoc(ctx, statusView(ctx)));
      if (path === "/api/list") {
        const states = url.searchParams.getAll("state").flatMap((s) => s.toUpperCase().split(","));
        const wrong = states.find((s) => !isState(s));
        if (wrong)
          return refuse(res, 400, {
            code: "INVALID_ARGUMENT",
            message: `Unknown state "${wrong}"; expected PLAN|READY|DOING|REVIEW|DONE`,
            next: "Correct the argument and call again.",
          });
        const labels = url.searchParams.getAll("label").flatMap((s) => s.split(","));
        const assignee = url.searchParams.get("assignee");
        const v = listView(ctx, { states, labels, ...(assignee ? { assignee } : {}) });
        return sendJson(res, 200, listDoc(ctx, v.tasks));
      }
      const show = /^\/api\/show\/([^/]+)$/.exec(path);
      if (show) {
        const id = normalizeId(decodeURIComponent(show[1] as string));
        try {
          const v = showView(ctx, id);
          return sendJson(res, 200, showDoc(v.task, v.body));
        } catch (e) {
          const r = explainRefusal(ctx, e, { id });
          if (!r) throw e;
          return refuse(res, STATUS_OF[r.code] ?? 409, r);
        }
      }
      if (path === "/api/approvals") {
        const status = url.searchParams.getAll("status").flatMap((s) => s.split(","));
        const subject = url.searchParams.get("subject");
        const rows = listApprovals(ctx, {
          ...(status.length ? { status } : {}),
          ...(subject ? { subject: normalizeId(subject) } : {}),
        });
        return sendJson(res, 200, approvalsDoc(rows));
      }
      if (path === "/api/metrics") {
        const since = url.searchParams.get("since") ?? undefined;
        const until = url.searchParams.get("until") ?? undefined;
        return sendJson(res, 200, metricsDoc(await metricsView(ctx, { since, until })));
      }
      const act = /^\/api\/([a-z]+)$/.exec(path)?.[1];
      if (act && isDecision(act)) return await decide(req, res, ctx, act);
      return refuse(res, 404, {
        code: "NOT_FOUND",
        message: `There is no ${path}; see docs/serve.md`,
        next: "Use one of the documented paths.",
      });
    } catch (e) {
      const r = explainRefusal(ctx, e, {});
      if (!r) throw e;
      return refuse(res, STATUS_OF[r.code] ?? 409, r);
    }
  };

  const decide = async (req: IncomingMessage, res: ServerResponse, ctx: Context, act: Decision) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return refuse(res, 405, { code: "REFUSED", message: `${act} needs POST`, next: "Send it as a POST." });
    }
    if (readOnly)
      return refuse(res, 403, {
        code: "REFUSED",
        message: "This server is read-only (started with --read-only): no decision can be made here",
        next: "Use the CLI, or start taskgate serve without --read-only.",
      });
    const origin = req.headers.origin;
    if (!guard.originIsOurs(req))
      return refuse(res, 403, {
        code: "REFUSED",
        message: `A decision must come from this board's page (Origin ${guard.origins[0]}), not from ${origin ?? "a request without an Origin"}`,
        next: "Make the decision on the board's page.",
      });
    const body = await readBody(req);
    if (
      body === undefined ||
      typeof body.id !== "string" ||
      (body.reason !== undefined && typeof body.reason !== "string")
    )
      return refuse(res, 400, {
        code: "INVALID_ARGUMENT",
        message: 'Expected a JSON body like {"id": "A-3", "reason": "why"}',
        next: "Correct the request and send it again.",
      });
    const id = body.id.trim();
    const reason = body.reason?.trim() || undefined;
    const attempt =
      act === "approve" || act === "reject"
        ? { decision: { id: normalizeApproval(id), decision: act, reasonGiven: reason !== undefined } }
        : { action: act as TransitionAction, id: normalizeId(id) };
    try {
      if (act === "approve" || act === "reject") {
        const r = await decideApproval(ctx, { id: normalizeApproval(id), decision: act, reason });
        return sendJson(res, 200, {
          ...doc("approval-decision", { id: r.id, decision: r.decision }),
          message: `${r.id} ${act === "approve" ? "approved" : "rejected"}`,
        });
      }
      const input = { action: act, id: normalizeId(id), reason };
      // As the CLI's accept: the task's clean worktree is removed, a dirty one refuses (docs/paths.md).
      const { result: r, worktree } =
        act === "accept"
          ? await (await import("../app/worktree.js")).transitionEndingWorktree(ctx, input, { keep: false })
          : { result: await transition(ctx, input), worktree: undefined };
      return sendJson(res, 200, {
        ...doc("transition", { id: r.id, action: r.action, from: r.from, to: r.to }),
        message: `${r.id} ${r.from} -> ${r.to}${worktree ? `; ${worktree}` : ""}`,
      });
    } catch (e) {
      const r = explainRefusal(makeCtx(), e, attempt);
      if (!r) throw e;
      return refuse(res, STATUS_OF[r.code] ?? 409, r);
    }
  };

  const watch = new ChangeWatch(makeCtx, opts.pollMs);
  const streams = new Set<ServerResponse>();
  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...headers("text/event-stream; charset=utf-8"), connection: "keep-alive" });
    res.write(`retry: 1000\nevent: hello\ndata: ${watch.version}\n\n`);
    streams.add(res);
    req.on("close", () => streams.delete(res));
  };
  watch.onChange((version) => {
    for (const s of streams) s.write(`event: change\ndata: ${version}\n\n`);
  });
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(": keep-alive\n\n");
  }, 15_000);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    // A name that resolves to us but is not ours (DNS rebinding) is turned away.
    if (!guard.hostIsOurs(req))
      return refuse(res, 421, { code: "REFUSED", message: "Unknown Host", next: `Open ${guard.origins[0]}/.` });
    const t = guard.tokenOf(req, url);
    if (!t.ok)
      return refuse(res, 401, {
        code: "REFUSED",
        message: "The token is missing or wrong: open the URL taskgate serve printed (it carries ?token=)",
        next: "Open the printed URL.",
      });
    if (t.fromQuery) {
      // Kept in a cookie, and the token taken out of the address bar and the history.
      res.setHeader("set-cookie", guard.setCookie);
      if (req.method === "GET" && path === "/") {
        res.writeHead(303, { location: "/", "cache-control": "no-store" });
        return res.end();
      }
    }
    if (path.startsWith("/api/")) return api(req, res, path, url);
    if (req.method !== "GET")
      return refuse(res, 405, { code: "REFUSED", message: `${path} is read with GET`, next: "Use GET." });
    if (path === "/") {
      const nonce = randomBytes(16).toString("base64");
      res.writeHead(200, headers("text/html; charset=utf-8", nonce));
      return res.end(pageHtml(nonce, await fragment(), opts.lang, opts.tr));
    }
    if (path === "/fragment") {
      res.writeHead(200, headers("text/html; charset=utf-8"));
      return res.end(await fragment());
    }
    if (path === "/events") return events(req, res);
    if (path === "/favicon.ico") {
      res.writeHead(204, headers("image/x-icon"));
      return res.end();
    }
    return refuse(res, 404, { code: "NOT_FOUND", message: `There is no ${path}`, next: "Open /." });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`taskgate serve: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : e}`);
      if (!res.headersSent)
        refuse(res, 500, { code: "REFUSED", message: "Internal error", next: "See the server's log." });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "EADDRINUSE" || e.code === "EACCES"
          ? new UsageError(
              `Port ${opts.port} on 127.0.0.1 is ${e.code === "EADDRINUSE" ? "in use" : "not allowed"}; choose another with --port N, or --port 0 for any free one`,
            )
          : e,
      ),
    );
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  guard.port = (server.address() as AddressInfo).port;
  watch.start();
  opts.onListening(`http://127.0.0.1:${guard.port}/?token=${guard.token}`);
  log(`taskgate serve: listening on 127.0.0.1:${guard.port}${readOnly ? " (read-only)" : ""}; Ctrl-C ends it`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      log(`taskgate serve: ${why}; closing`);
      watch.stop();
      clearInterval(keepAlive);
      for (const s of streams) s.end();
      server.close(() => resolve());
      server.closeAllConnections();
    };
    // "on", not "once": the lock library's signal-exit re-raises a signal when it finds only
    // its own listener left, which would end us before the server is closed.
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  });
  return 0;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(c);
  }
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
