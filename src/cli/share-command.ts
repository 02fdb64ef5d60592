// taskgate share: the board shared through git by every worktree of this clone, and with a
// remote by every clone of it (docs/share.md).

import type { Command } from "commander";
import { locateLedgers } from "../io/locate.js";
import { nodePorts } from "../io/ports.js";
import { jsonDoc } from "./render.js";
import type { WatchKit } from "./watch-commands.js";

export function registerShareCommand(program: Command, kit: WatchKit): void {
  program
    .command("share")
    .description("share the board through git: every worktree of this clone, and with --remote every clone")
    .option("--remote <name>", "the git remote whose branch is the board (a push decides every write)")
    .option("--branch <name>", "the branch the board lives on", "taskgate")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      `
Joins the shared board when the branch exists (on the remote, or in this clone), else moves
this folder's TASKS.md and APPROVALS.md to it byte for byte (checked first: a board with
errors is not moved). The setting is kept in the clone's git config (taskgate.share.*).
Exit codes: 0 shared; 1 refused (nothing to share, the remote refused); 2 usage (no git, no
such remote, bad branch name); 3 the in-tree board has errors; 4 someone else shared first
(or a write landed in the in-tree files during the move),
run it again; 7 the remote cannot be reached.`,
    )
    .action(async (o: { remote?: string; branch: string; json?: boolean }) => {
      const { ctx } = kit.context();
      const g = program.opts<{ dir?: string; tasks?: string; approvals?: string; as?: string }>();
      // The in-tree files, whatever this clone's setting: they are what a move takes.
      const paths = locateLedgers(g, kit.env, process.cwd());
      const inTree = { ...ctx, paths, ports: nodePorts({ as: g.as, env: kit.env, tasksPath: paths.tasks }) };
      const { shareBoard } = await import("../app/share.js");
      const r = await shareBoard(inTree, { branch: o.branch, remote: o.remote, cwd: process.cwd() });
      if (kit.json(o))
        kit.out.write(
          jsonDoc("share", { action: r.action, branch: o.branch, remote: o.remote ?? null, commit: r.commit }),
        );
      else kit.out.write(`${r.message}\n`);
    });
}
