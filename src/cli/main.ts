// Command-line wiring: parse with commander, build the context, call a use case, render.
// Only this module sets the process exit code.

import { Command, CommanderError } from "commander";
import type { Context } from "../app/context.js";
import { EXIT, TaskgateError, UsageError } from "../app/errors.js";
import { isMachineFault, machineFault } from "../io/faults.js";
import { mainWorkTree } from "../io/git.js";
import { namedFolderProblem } from "../io/locate.js";
import { locateBoard } from "../io/locate-board.js";
import { nodePorts } from "../io/ports.js";
import { ChecksNotLoaded } from "../ledger/write-checks.js";
import { normalizeApprovalId } from "../model/approval.js";
import { isState, normalizeTaskId as normalizeId, STATES } from "../model/task.js";
import { terminalText } from "../rules/values.js";
import { registerApprovalCommands } from "./approval-commands.js";
import { checkStagedCommand, registerGitCommands } from "./git-commands.js";
import { registerHealthCommand } from "./health-command.js";
import { hooksStatus, hooksStatusText, registerHooksCommands } from "./hooks-commands.js";
import { helpInLanguage, langOf, translatedStream, useLang, writeAsIs } from "./i18n.js";
import { registerIdentityCommands } from "./identity-commands.js";
import { localizeTimes, showUtc } from "./local-time.js";
import { registerMcpCommands } from "./mcp-commands.js";
import { registerMetricsCommands, warnIfInvalid } from "./metrics-commands.js";
import { commandNamed, OneCommandProgram } from "./one-command.js";
import { collectList } from "./options.js";
import { output } from "./output.js";
import {
  diagnosticJson,
  jsonDoc,
  makeChalk,
  renderDiagnostics,
  renderStatus,
  renderTask,
  taskJson,
  writeTaskListJson,
  writeTaskTable,
} from "./render.js";
import { registerRunCommands } from "./run-commands.js";
import { registerServeCommand } from "./serve-command.js";
import { registerShareCommand } from "./share-command.js";
import { registerWatchCommands } from "./watch-commands.js";
import { registerWorkflowCommands, skippedJson } from "./workflow-commands.js";

const EXIT_HELP = `
Exit codes:
  0   ok
  1   refused: a rule said no (role, state, unknown task, bad value); nothing was written;
      also check --sla when the only errors are approvals past their SLA
  2   usage: unknown command or option, missing argument
  3   invalid ledger: check found errors, or a write was refused because a ledger has errors
  4   busy: the ledger is locked or was changed by another process; run the command again
  5   nothing to do: \`next\` found no task for you (not an error)
  6   a problem stands: health or watch --once found one (a dead letter, an expired lease not
      recovered, an approval past its SLA or stale, a failed scheduled check, a stale lock, a
      hook or merge driver missing, a schedule overdue); run's program failed
  7   unreachable: the shared board's remote could not be reached; nothing was written or held
  70  internal error (a bug: please report it)
  74  the machine said no: no space, no permission, a read-only file system, too many open files,
      .git/taskgate not a folder; the message names the path and what to do (nothing was changed
      unless it says so)

Environment:
  TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   where the ledgers are (like --dir, --tasks, --approvals)
  TASKGATE_ACTOR                                     who acts (like --as); else git's user.email
  TASKGATE_SESSION                                   the agent session acting: its leases are its own (docs/run.md)
  TASKGATE_NOW                                       the current time (ISO 8601), for tests and replays
  TASKGATE_LANG                                      the language of messages: ja for Japanese, en for English; else
                                                     LC_ALL, LC_MESSAGES, LANG (ja_JP.UTF-8 is Japanese); JSON is English
  TASKGATE_NO_MEMO=1                                 no memos: status and metrics read the ledgers whole every time
  TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   how long to wait for a lock (30000); when a lock of another host that
                                                     is not refreshed is taken over (5000; one of a process gone from this
                                                     host is taken over at once, one of a live one never)
  TASKGATE_SHARE=off                                 use the in-tree files even where this clone shares its board
  NO_COLOR                                           no colour in the output
  TZ                                                 the zone times are shown in (with their offset, like
                                                     2026-12-06 00:37 +09:00); --utc shows UTC. Ledgers, log
                                                     lines and --json keep UTC (…Z). A time you type is UTC:
                                                     not-before=2026-11-24T10:30:00Z, and a date given to
                                                     --since/--until (2026-11-01) starts at midnight UTC
`;

/** The program's own options, as commander gives them (and quick-status.ts reads them). */
export interface GlobalOpts {
  dir?: string;
  tasks?: string;
  approvals?: string;
  as?: string;
  color: boolean;
  utc?: boolean;
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  whole = false,
): Promise<number> {
  // Written with writeSync where that is safe (output.ts): no stream machinery to load.
  // Messages in the reader's language (i18n.ts): translated where they are written, never JSON.
  const lang = langOf(env);
  useLang(lang);
  const out = lang === "en" ? output(1) : translatedStream(output(1), () => wantsJson);
  const err = lang === "en" ? output(2) : translatedStream(output(2), () => false);
  let exitCode: number = EXIT.ok;
  // Asked before parsing, so that an error met before the action (an unknown option, a missing
  // board) is a taskgate.error document too.
  const beforeProgram = argv.indexOf("--") === -1 ? argv : argv.slice(0, argv.indexOf("--"));
  let wantsJson = beforeProgram.includes("--json");
  let lastCtx: Context | undefined;
  // Only the command being run is built (one-command.ts); the whole program when in doubt.
  const wanted = whole ? undefined : commandNamed(argv);
  const program = wanted ? new OneCommandProgram(wanted) : new Command();
  program
    .name("taskgate")
    .description("A task board (TASKS.md) and approval gate (APPROVALS.md) for teams of people and AI agents.")
    .version("0.1.0", "-V, --version")
    .option(
      "--dir <dir>",
      "folder holding TASKS.md and APPROVALS.md (default: this folder or the nearest parent that has them)",
    )
    .option("--tasks <file>", "path of TASKS.md")
    .option("--approvals <file>", "path of APPROVALS.md")
    .option("--as <name>", "act as this actor (default: TASKGATE_ACTOR, then git user.email)")
    .option("--no-color", "no colour in the output")
    .option("--utc", "show times in UTC rather than the local zone (TZ)")
    .addHelpText("after", EXIT_HELP)
    .showHelpAfterError("(run taskgate --help for the commands)")
    .exitOverride()
    .configureHelp(helpInLanguage())
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });

  const context = (): { ctx: Context; c: ReturnType<typeof makeChalk>; g: GlobalOpts } => {
    const g = program.opts<GlobalOpts>();
    showUtc(Boolean(g.utc));
    // A folder that is not there: say so (before, init said "Nobody to act as": git found no repository).
    const folderProblem = namedFolderProblem(g, env);
    if (folderProblem !== undefined) throw new UsageError(folderProblem);
    const { paths, share, followsShare } = locateBoard(g, env, process.cwd());
    const ports = nodePorts({
      as: g.as,
      env,
      tasksPath: paths.tasks,
      share: share && { setting: share, paths },
      refuseOnceShared: followsShare && !share,
      hooks: process.argv[1] ? { bin: process.argv[1], approvals: paths.approvals } : undefined,
    });
    const now = env.TASKGATE_NOW ? Date.parse(env.TASKGATE_NOW) : Date.now();
    if (Number.isNaN(now)) throw new UsageError(`TASKGATE_NOW is not a time: "${env.TASKGATE_NOW}"`);
    lastCtx = { paths, ports, now };
    return { ctx: lastCtx, c: makeChalk(out, env, !g.color), g };
  };
  const json = (o: { json?: boolean }) => {
    wantsJson = Boolean(o.json);
    return wantsJson;
  };
  const reasonAt = beforeProgram.indexOf("--reason");
  const reason =
    reasonAt >= 0 ? beforeProgram[reasonAt + 1] : beforeProgram.find((a) => a.startsWith("--reason="))?.slice(9);
  const idArg = beforeProgram.find((a) => /^t-?\d+$/i.test(a));
  const approvalArg = beforeProgram.find((a) => /^a-?\d+$/i.test(a));
  const attempted = {
    command: wanted,
    id: idArg === undefined ? undefined : normalizeId(idArg),
    approval: approvalArg === undefined ? undefined : normalizeApprovalId(approvalArg),
    reasonGiven: reason !== undefined && reason.trim() !== "",
  };

  program
    .command("init")
    .description("create TASKS.md and APPROVALS.md here (never overwrites)")
    .action(async () => {
      const { ctx } = context();
      const { initLedgers } = await import("../app/init.js");
      const r = await initLedgers(ctx);
      out.write(`Created ${r.created.join(" and ")}.\n`);
    });

  program
    .command("check")
    .description("validate both ledgers: every problem at once, as FILE:LINE:COL")
    .option("--json", "print one JSON document")
    .option("--strict", "also compare the line reader with a full Markdown parser (slow on big files)")
    .option("--sla", "fail (exit 1) when a pending approval is past the policy's approval-sla")
    .option("--staged", "judge the staged ledgers against HEAD as the committer's change (the pre-commit hook)")
    .addHelpText(
      "after",
      "\nColumns count UTF-16 code units from 1, as editors and LSP count them: a Japanese character is 1, most emoji 2.",
    )
    .action(async (o: { json?: boolean; strict?: boolean; sla?: boolean; staged?: boolean }) => {
      const { ctx, c } = context();
      if (o.staged) {
        // Who commits is git's author (as verify judges it); --as and TASKGATE_ACTOR do not change it.
        exitCode = await checkStagedCommand(ctx, json(o), out);
        return;
      }
      const { checkLedgers } = await import("../app/check.js");
      const r = await checkLedgers(ctx, { strict: Boolean(o.strict), sla: Boolean(o.sla) });
      const errorList = r.diagnostics.filter((d) => d.severity === "error");
      const slaOnly = errorList.every((d) => d.code === "approval-sla");
      const errors = errorList.length;
      const warnings = r.diagnostics.length - errors;
      if (json(o)) {
        out.write(
          jsonDoc("check", {
            ok: errors === 0,
            errors,
            warnings,
            files: r.files,
            diagnostics: r.diagnostics.map(diagnosticJson),
          }),
        );
      } else {
        // Translated line by line where they are rendered: written as they are.
        if (r.diagnostics.length) writeAsIs(out, `${renderDiagnostics(c, r.diagnostics)}\n`);
        out.write(
          errors
            ? c.red(
                `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${r.files.join(", ")}\n`,
              )
            : c.green(
                `${r.files.join(" and ")}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}\n`,
              ),
        );
      }
      if (errors) exitCode = slaOnly ? EXIT.refused : EXIT.invalid;
    });

  program
    .command("status")
    .description("counts by state, leases held and expired, approvals pending")
    .option("--json", "print one JSON document")
    .action(async (o: { json?: boolean }) => {
      const { ctx, c } = context();
      const { statusView } = await import("../app/views.js");
      const v = statusView(ctx);
      const { errors, warnings } = v;
      const phaseText = v.phases.length ? await import("./forecast-render.js") : undefined;
      // In a task's own worktree (claim --worktree), say whose it is.
      const linked = mainWorkTree(process.cwd());
      const owner =
        linked && linked.main !== linked.top
          ? (await import("../app/worktree.js")).taskOfWorktree(ctx, process.cwd())
          : undefined;
      if (json(o)) {
        const { docText, statusDoc } = await import("../app/documents.js");
        const hooks = await hooksStatus(ctx, v.hasHooks);
        out.write(
          docText({
            ...statusDoc(ctx, v),
            ...(hooks ? { hooks } : {}),
            ...(owner ? { worktreeOf: owner } : {}),
          }),
        );
      } else {
        const board = ctx.ports.board;
        if (board)
          out.write(
            `Board: ${board.describe()}${board.offline ? ` (remote unreachable: as of the last fetch; ${board.offline})` : ""}\n`,
          );
        out.write(
          renderStatus(
            c,
            { tasks: ctx.paths.tasksDisplay, approvals: ctx.paths.approvalsDisplay },
            v.summary,
            v.approvalsFound,
            ctx.now,
            errors,
            warnings,
          ),
        );
        if (phaseText) out.write(`Phases:\n${phaseText.renderPhases(v.phases)}`);
        out.write(hooksStatusText(await hooksStatus(ctx, v.hasHooks)));
        if (owner) out.write(`This worktree is ${owner.id}'s (branch ${owner.branch}).\n`);
      }
    });

  program
    .command("list")
    .description("list tasks, filtered")
    .option("--state <state>", `only tasks in this state (${STATES.join("|")}); repeat or comma-separate`, collectList)
    .option("--label <label>", "only tasks with this label; repeat for all of several", collectList)
    .option("--assignee <name>", "only tasks assigned to this actor")
    .option("--phase <name>", "only tasks of this phase (their phase field)")
    .option("--json", "print one JSON document")
    .action(async (o: { state?: string[]; label?: string[]; assignee?: string; phase?: string; json?: boolean }) => {
      const { ctx, c } = context();
      const states = (o.state ?? []).map((s) => s.toUpperCase());
      const wrong = states.find((s) => !isState(s));
      if (wrong) throw new UsageError(`Unknown state "${wrong}"; expected ${STATES.join("|")}`);
      const { listRows } = await import("../app/views.js");
      const rows = listRows(ctx, {
        states,
        labels: o.label ?? [],
        ...(o.assignee ? { assignee: o.assignee } : {}),
        ...(o.phase !== undefined ? { phase: o.phase } : {}),
      });
      if (json(o)) {
        const body = { file: ctx.paths.tasksDisplay, count: rows.count };
        writeTaskListJson((chunk) => out.write(chunk), body, rows);
      } else writeTaskTable((chunk) => writeAsIs(out, chunk), c, rows, out.columns || 100);
      // A mistyped state is read as PLAN: the rows may be wrong, and stderr says so.
      warnIfInvalid(rows.diagnostics.filter((d) => d.severity === "error"));
    });

  program
    .command("show")
    .description("one task with its fields and text")
    .argument("<id>", "task ID, like T-12")
    .option("--json", "print one JSON document")
    .action(async (id: string, o: { json?: boolean }) => {
      const { ctx, c } = context();
      const { showView } = await import("../app/views.js");
      const v = showView(ctx, normalizeId(id));
      if (json(o)) out.write(jsonDoc("task", { task: taskJson(v.task), body: v.body }));
      else writeAsIs(out, renderTask(c, v.task, v.body, ctx.now, v.clockSkew));
      warnIfInvalid(v.errors);
    });

  program
    .command("add")
    .description("add a task (state PLAN, or READY with --ready)")
    .argument("<title...>", "the task's title")
    .option("--priority <p>", "P0|P1|P2|P3 (default P2)")
    .option("--labels <list>", "comma-separated labels")
    .option("--depends <ids>", "comma-separated task IDs this task waits for")
    .option("--ready", "add it as READY rather than PLAN")
    .option("--json", "print one JSON document")
    .action(
      async (
        words: string[],
        o: { priority?: string; labels?: string; depends?: string; ready?: boolean; json?: boolean },
      ) => {
        const { ctx } = context();
        const { addTask } = await import("../app/add.js");
        const r = await addTask(ctx, {
          title: words.join(" "),
          priority: o.priority?.toUpperCase(),
          labels: o.labels,
          depends: o.depends,
          state: o.ready ? "READY" : "PLAN",
        });
        if (json(o)) out.write(jsonDoc("add", { id: r.id }));
        else out.write(`${r.id}\n`);
      },
    );

  program
    .command("set")
    .description("change fields of a task: key=value (empty value removes the field)")
    .argument("<id>", "task ID, like T-12")
    .argument("<assignments...>", "key=value pairs: title, priority, labels, depends, assignee, not-before")
    .option("--json", "print one JSON document")
    .action(async (id: string, pairs: string[], o: { json?: boolean }) => {
      const { ctx } = context();
      const assignments = pairs.map((p) => {
        const eq = p.indexOf("=");
        if (eq <= 0) throw new UsageError(`Expected key=value, found "${p}"`);
        return [p.slice(0, eq).trim(), p.slice(eq + 1)] as const;
      });
      const { setFields } = await import("../app/set.js");
      const r = await setFields(ctx, normalizeId(id), assignments);
      if (json(o))
        out.write(
          jsonDoc("set", {
            id: normalizeId(id),
            changes: r.changes.map((ch) => ({ key: ch.key, from: ch.from ?? null, to: ch.to ?? null })),
          }),
        );
      else if (r.changes.length === 0) out.write(`${normalizeId(id)}: nothing to change\n`);
      else
        for (const ch of r.changes)
          out.write(`${normalizeId(id)} ${ch.key}: ${ch.from ?? "(none)"} -> ${ch.to ?? "(removed)"}\n`);
    });

  registerWorkflowCommands(program, { context, json, out, env, normalizeId });
  registerApprovalCommands(program, { context, json, out, env, normalizeId });
  const kit = {
    context,
    json,
    out,
    env,
    normalizeId,
    setExit: (code: number) => {
      exitCode = code;
    },
  };
  registerWatchCommands(program, kit);
  registerGitCommands(program, kit);
  registerRunCommands(program, kit);
  registerMetricsCommands(program, kit);
  registerMcpCommands(program, kit);
  registerShareCommand(program, kit);
  registerServeCommand(program, kit);
  registerIdentityCommands(program, kit);
  registerHooksCommands(program, kit);
  registerHealthCommand(program, kit);
  if (program instanceof OneCommandProgram && !program.found) return main(argv, env, true);

  // Commands that run for long, or run programs, have every ledger check from the start: a
  // check met mid-way must not end a loop or count as a failed run (write-checks.ts).
  if (wanted && LONG_RUNNING.has(wanted)) await (await import("../app/ledgers.js")).loadWriteChecks();
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof ChecksNotLoaded && !checksLoaded) {
      // A ledger has schedules or rules, whose checks need their parsers: nothing was written
      // yet (the check comes before any write); run the command again with them loaded.
      checksLoaded = true;
      await (await import("../app/ledgers.js")).loadWriteChecks();
      return main(argv, env, whole);
    }
    exitCode = await reportError(e, wantsJson, out, err, lastCtx, attempted);
  }
  return exitCode;
}

/** The commands that load every ledger check before they start (see main). */
const LONG_RUNNING = new Set(["watch", "run", "work", "mcp", "serve"]);
let checksLoaded = false;

async function reportError(
  e: unknown,
  wantsJson: boolean,
  out: NodeJS.WriteStream,
  err: NodeJS.WriteStream,
  ctx: Context | undefined,
  attempted: import("../app/error-facts.js").Attempted,
): Promise<number> {
  // A machine fault met outside the store (reading a ledger, a memo, a run log): one sentence too.
  if (!(e instanceof TaskgateError) && isMachineFault(e)) e = machineFault(e);
  const errorJson = async (facts: import("../app/documents.js").ErrorFacts) => {
    if (!wantsJson) return;
    const { docText, errorDoc } = await import("../app/documents.js");
    // run's stdout is its program's, so its documents (events and errors alike) go to stderr.
    // One line there, as run's event documents are.
    if (attempted.command === "run") err.write(`${JSON.stringify(errorDoc(facts))}\n`);
    else out.write(docText(errorDoc(facts)));
  };
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; their text is already printed.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return EXIT.ok;
    await errorJson({
      code: COMMANDER_CODES[e.code] ?? "USAGE",
      message: e.message.replace(/^error: /, ""),
      exitCode: EXIT.usage,
    });
    return EXIT.usage;
  }
  if (e instanceof TaskgateError && e.exitCode === EXIT.nothingToDo) {
    // Not an error: a worker loop's normal answer, on stdout.
    out.write(
      wantsJson
        ? jsonDoc("next", {
            task: null,
            claimed: null,
            reason: e.message,
            ...("skipped" in e && Array.isArray(e.skipped) && e.skipped.length
              ? { skipped: skippedJson(e.skipped) }
              : {}),
          })
        : `${localizeTimes(terminalText(e.message, true))}\n`,
    );
    return e.exitCode;
  }
  if (e instanceof TaskgateError) {
    if (wantsJson) {
      const { errorFacts } = await import("../app/error-facts.js");
      await errorJson(errorFacts(e, ctx, attempted));
    }
    err.write(`taskgate: ${localizeTimes(terminalText(e.message, true))}\n`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
  await errorJson({
    code: "INTERNAL",
    message: `internal error (please report it): ${e instanceof Error ? e.message : String(e)}`,
    exitCode: EXIT.internal,
  });
  err.write(`taskgate: internal error (please report it): ${msg}\n`);
  return EXIT.internal;
}

/** commander's error codes as the stable codes of a taskgate.error document. */
const COMMANDER_CODES: Record<string, string> = {
  "commander.unknownCommand": "UNKNOWN_COMMAND",
  "commander.unknownOption": "UNKNOWN_OPTION",
  "commander.missingArgument": "MISSING_ARGUMENT",
  "commander.optionMissingArgument": "MISSING_OPTION_VALUE",
  "commander.missingMandatoryOptionValue": "MISSING_OPTION",
  "commander.conflictingOption": "CONFLICTING_OPTIONS",
  "commander.excessArguments": "EXCESS_ARGUMENTS",
  "commander.invalidArgument": "INVALID_ARGUMENT",
};
