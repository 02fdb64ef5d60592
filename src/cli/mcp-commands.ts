// `taskgate mcp` (the MCP server, a face of its own, loaded only here) and `agents install`
// (the instructions agents read in AGENTS.md and CLAUDE.md, and the .mcp.json entry).

import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { findWorkTree } from "../io/git.js";
import { withRereads } from "../io/reread.js";
import type { WatchKit } from "./watch-commands.js";

export function registerMcpCommands(program: Command, kit: WatchKit): void {
  program
    .command("mcp")
    .description("serve the Model Context Protocol over stdio: tools for agents, leases held while connected")
    .action(async () => {
      // The server is one session of its own (docs/run.md, Sessions): its leases are its own,
      // and another agent of the same actor cannot act on them without their token. The
      // ports read the session from TASKGATE_SESSION, so it is named before they are built;
      // a harness that set one keeps it.
      if (!process.env.TASKGATE_SESSION) process.env.TASKGATE_SESSION = `mcp-${randomBytes(6).toString("hex")}`;
      if (!kit.env.TASKGATE_SESSION) kit.env.TASKGATE_SESSION = process.env.TASKGATE_SESSION;
      const base = kit.context().ctx;
      // Identity is fixed now: the ports keep the name they resolved (--as, TASKGATE_ACTOR, git).
      base.ports.actorName();
      const fixedNow = kit.env.TASKGATE_NOW ? base.now : undefined;
      const ports = withRereads(base.ports);
      // Every call sees the board as of now: on a board shared through a remote, it fetches.
      const makeCtx = (): Context => {
        ports.board?.refresh(0);
        return { paths: base.paths, ports, now: fixedNow ?? Date.now() };
      };
      const { serveMcp } = await import("../mcp/server.js");
      kit.setExit(await serveMcp({ makeCtx, version: "0.1.0", log: (line) => process.stderr.write(`${line}\n`) }));
    });

  program
    .command("agents")
    .description("teach agents this board: `agents install` writes AGENTS.md, CLAUDE.md and .mcp.json")
    .argument("<action>", "install")
    .option("--json", "print one JSON document")
    .action(async (action: string, o: { json?: boolean }) => {
      const { UsageError } = await import("../app/errors.js");
      if (action !== "install") throw new UsageError(`Expected "agents install", found "agents ${action}"`);
      const { ctx } = kit.context();
      const { installAgentGuides } = await import("../app/agents-install.js");
      // The repository's root, where agents look; without git, the ledgers' folder.
      const root = findWorkTree(ctx.paths.tasks) ?? dirname(resolve(ctx.paths.tasks));
      const r = installAgentGuides(root);
      if (kit.json(o)) kit.out.write(`${JSON.stringify({ kind: "agents-install", files: r })}\n`);
      else for (const f of r) kit.out.write(`${f.file}: ${f.change}\n`);
    });
}
