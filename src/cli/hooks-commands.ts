// `taskgate hooks list|trust|deliver`: the event hooks of "## Hooks" (docs/hooks.md).

import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { EXIT } from "../app/errors.js";
import { terminalText } from "../rules/values.js";
import { jsonDoc } from "./render.js";
import type { WatchKit } from "./watch-commands.js";

export function registerHooksCommands(program: Command, kit: WatchKit): void {
  const hooks = program
    .command("hooks")
    .description("event hooks from TASKS.md's ## Hooks: list them, trust them on this machine, deliver now");

  hooks
    .command("list")
    .description("each hook, whether it runs on this machine, its failure and how many events wait")
    .option("--json", "print one JSON document")
    .action(async (o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { hookStates } = await import("../app/hook-delivery.js");
      const { hookProblems } = await import("../rules/hooks.js");
      const { states, bad } = hookStates(ctx);
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("hooks", {
            hooks: states.map((s) => ({
              line: s.hook.line,
              event: s.hook.event,
              kind: s.hook.kind,
              argv: s.hook.kind === "run" ? s.hook.argv : null,
              url: s.hook.kind === "post" ? s.hook.url : null,
              trusted: s.trusted,
              changed: s.changed !== undefined,
              pending: s.pending,
              failure: s.failure ?? null,
            })),
            problems: hookProblems(ctx.paths.tasksDisplay, bad, states, ctx.now),
          }),
        );
        return;
      }
      if (states.length === 0 && bad.length === 0) {
        kit.out.write(`${ctx.paths.tasksDisplay} has no hooks (see docs/hooks.md)\n`);
        return;
      }
      for (const s of states) {
        const how = s.changed
          ? "not trusted here: its program file changed since it was trusted"
          : !s.trusted
            ? "not trusted here"
            : s.failure
              ? `failing, ${s.pending} waiting`
              : `ok, ${s.pending} waiting`;
        kit.out.write(terminalText(`${ctx.paths.tasksDisplay}:${s.hook.line} ${s.hook.text}: ${how}\n`, true));
      }
      for (const p of hookProblems(ctx.paths.tasksDisplay, bad, states, ctx.now))
        kit.out.write(terminalText(`problem: ${p}\n`, true));
    });

  hooks
    .command("trust")
    .description("run the board's hooks on this machine (each new one hears the events from now on)")
    .action(async () => {
      const { ctx } = kit.context();
      const { trustHooks } = await import("../app/hook-delivery.js");
      const r = trustHooks(ctx);
      for (const h of r.trusted)
        kit.out.write(terminalText(`trusted ${ctx.paths.tasksDisplay}:${h.line} ${h.text}\n`, true));
      if (r.trusted.length === 0)
        kit.out.write(
          r.already.length ? "Every hook is trusted already.\n" : `${ctx.paths.tasksDisplay} has no hooks to trust.\n`,
        );
    });

  hooks
    .command("deliver")
    .description("deliver the events the trusted hooks have not had yet, now (watch does it with backoff)")
    .option("--due", "only hooks whose next try is due (a failing hook waits out its backoff)")
    .option("--quiet", "print only failures")
    .action(async (o: { due?: boolean; quiet?: boolean }) => {
      const { ctx } = kit.context();
      const { deliverHooks } = await import("../app/hook-delivery.js");
      const runs = await deliverHooks(ctx, { due: Boolean(o.due), env: kit.env, wait: 3000 });
      let failed = false;
      for (const r of runs) {
        const where = `${ctx.paths.tasksDisplay}:${r.hook.line} ${r.hook.text}`;
        if (r.failure) {
          failed = true;
          kit.out.write(
            terminalText(
              `${where}: ${r.delivered} delivered, failing on ${r.failure.event} (${r.failure.failures} ${r.failure.failures === 1 ? "try" : "tries"}): ${r.failure.error}\n`,
              true,
            ),
          );
        } else if (!o.quiet) {
          kit.out.write(
            terminalText(`${where}: ${r.busy ? "another process is delivering" : `${r.delivered} delivered`}\n`, true),
          );
        }
      }
      kit.setExit(failed ? EXIT.problem : EXIT.ok);
    });
}

/**
 * status's view of the hooks: undefined without a Hooks section (`hasHooks`, from status's
 * view of the same bytes), else each hook problem (none: all is well). status never fails for
 * the hooks' sake (an unsafe private folder, say).
 */
export async function hooksStatus(ctx: Context, hasHooks: boolean): Promise<{ problems: string[] } | undefined> {
  if (!hasHooks) return undefined;
  const { hookProblemLines } = await import("../app/hook-delivery.js");
  try {
    return { problems: hookProblemLines(ctx) };
  } catch (e) {
    return { problems: [`the hooks' delivery state could not be read: ${(e as Error).message}`] };
  }
}

/** status's lines about hooks: nothing without a Hooks section, else "Hooks: ok" or each problem. */
export function hooksStatusText(h: { problems: string[] } | undefined): string {
  if (!h) return "";
  const { problems } = h;
  if (problems.length === 0) return "Hooks: ok\n";
  return terminalText(
    `Hooks: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${problems.map((p) => `  ${p}\n`).join("")}`,
    true,
  );
}
