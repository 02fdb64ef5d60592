// `taskgate mcp`: the Model Context Protocol face, over stdio with the official SDK. Each call
// gets a fresh context (the clock, the ledgers read again through the same store as every
// command); identity is fixed at start; leases taken here are held here (leases.ts).

import type { Context } from "../app/context.js";
import { explainRefusal, type Refusal } from "../app/refusal.js";
import { whoActs } from "../app/transition.js";
import { holderOf } from "../rules/workflow.js";
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  Server,
  StdioServerTransport,
} from "../vendor/mcp.js";
import { checkArgs, IDENTITY_KEYS, inputSchema } from "./args.js";
import { GUIDE, GUIDE_URI, instructions } from "./guide.js";
import { LeaseKeeper } from "./leases.js";
import { TOOLS, type Tool } from "./tools.js";

export interface McpOptions {
  /** A context for one call: the time now, the ledgers' paths, the ports (identity fixed). */
  readonly makeCtx: () => Context;
  readonly version: string;
  readonly log: (line: string) => void;
}

/** tools/list's answer: names, one-line descriptions, schemas and hints. */
export function toolList(): Record<string, unknown>[] {
  return TOOLS.map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: inputSchema(t.args),
    outputSchema: t.output,
    annotations: { readOnlyHint: t.readOnly, idempotentHint: t.idempotent, destructiveHint: false },
  }));
}

type CallResult = {
  content: { type: "text"; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

const ok = (value: Record<string, unknown>): CallResult => ({
  content: [{ type: "text", text: JSON.stringify(value) }],
  structuredContent: value,
});

const refused = (r: Refusal): CallResult => ({
  content: [{ type: "text", text: JSON.stringify({ error: r }) }],
  isError: true,
});

/** Serves until stdin ends or SIGTERM/SIGINT; gives back the leases it holds; resolves 0. */
export async function serveMcp(opts: McpOptions): Promise<number> {
  const { makeCtx, log } = opts;
  // Who acts is settled now, once: a wrong identity fails the start, not every call.
  const who = whoActs(makeCtx(), "WORK");
  const holder = holderOf(who);
  const keeper = new LeaseKeeper(makeCtx, log);
  const byName = new Map<string, Tool>(TOOLS.map((t) => [t.name, t]));
  const tools = toolList();

  const server = new Server(
    { name: "taskgate", version: opts.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: instructions(who.actor, who.roles),
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }) as never);
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [{ uri: GUIDE_URI, name: "workflow", title: "How to work on this board", mimeType: "text/markdown" }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (req) => {
    if (req.params.uri !== GUIDE_URI)
      throw new Error(`No resource ${req.params.uri}; the one resource is ${GUIDE_URI}`);
    return { contents: [{ uri: GUIDE_URI, mimeType: "text/markdown", text: GUIDE }] };
  });
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const name = req.params.name;
    const args = req.params.arguments;
    const tool = byName.get(name);
    if (!tool)
      return refused({
        code: "INVALID_ARGUMENT",
        message: `There is no tool "${name}"; the tools are ${TOOLS.map((t) => t.name).join(", ")}`,
        next: "Call tools/list.",
      });
    const identity = Object.keys(args ?? {}).find((k) => IDENTITY_KEYS.includes(k));
    if (identity !== undefined) {
      const named = String((args as Record<string, unknown>)[identity]);
      return refused({
        code: "IDENTITY_FIXED",
        message: `${name} acts as ${who.actor}, fixed when this server started; "${identity}" (${named.slice(0, 60)}) cannot name who acts`,
        next: "Drop the argument; to act as someone else, start a server with --as NAME.",
      });
    }
    const checked = checkArgs(name, tool.args, args);
    if (!checked.ok)
      return refused({
        code: "INVALID_ARGUMENT",
        message: checked.message,
        next: "Correct the argument and call again.",
      });
    const ctx = makeCtx();
    try {
      return ok(await tool.run({ ctx, keeper, holder, actor: who.actor }, checked.values)) as never;
    } catch (e) {
      const attempt = tool.attempt(checked.values);
      const token = attempt.id === undefined ? undefined : keeper.tokenOf(attempt.id);
      const r = explainRefusal(makeCtx(), e, { ...attempt, token });
      if (!r) throw e;
      return refused(r) as never;
    }
  });

  const transport = new StdioServerTransport();
  let stopping: Promise<void> | undefined;
  const stop = (why: string) => {
    stopping ??= (async () => {
      log(`taskgate mcp: ${why}; releasing ${keeper.ids.length} lease(s)`);
      await keeper.releaseAll();
      await server.close().catch(() => undefined);
    })();
    return stopping;
  };
  const ended = new Promise<void>((resolve) => {
    process.stdin.once("end", () => void stop("stdin ended").then(resolve));
    process.stdin.once("close", () => void stop("stdin closed").then(resolve));
    // "on", not "once": the lock library's signal-exit re-raises a signal (killing us before
    // the leases are released) when it finds only its own listener left.
    process.on("SIGTERM", () => void stop("SIGTERM").then(resolve));
    process.on("SIGINT", () => void stop("SIGINT").then(resolve));
  });
  await server.connect(transport);
  log(`taskgate mcp: serving as ${who.actor} (${holder})`);
  await ended;
  return 0;
}
