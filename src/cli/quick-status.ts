// `taskgate status` on a board that did not change since the last status: what hooks, prompts
// and agents ask most, answered by a bundle of its own (dist/quick-status.cjs, which
// bin/taskgate.cjs tries first for a status) holding no parser, no commander and no other
// command, so a start reads and compiles a fifth of the main bundle.
// It answers only what it can answer exactly as the full command would (the same functions
// make the same output): a plain `status [--json]` with the program's own options, on a board
// in files whose memo answers for them, with no phases, no hooks and outside a task's own
// worktree. Anything else, any error included, is left to the full command (undefined): it
// has printed nothing by then (at most the memo recorded the ledgers' stamps, as the full
// command would), and status only reads, so running it afresh is safe.

import type { Context } from "../app/context.js";
import { docText, statusDoc } from "../app/documents.js";
import { statusMemo, statusOf, statusSources } from "../app/status-memo.js";
import { mainWorkTree } from "../io/git.js";
import { namedFolderProblem } from "../io/locate.js";
import { locateBoard } from "../io/locate-board.js";
import { fileMemo } from "../io/memo.js";
import { readLedgerSnapshot } from "../io/text.js";
import { langOf, translatedStream, useLang } from "./i18n.js";
import { showUtc } from "./local-time.js";
import type { GlobalOpts } from "./main.js";
import { output } from "./output.js";
import { makeChalk, renderStatus } from "./render.js";

export { outputPending } from "./output.js";

/** The program's options that take a value (as main.ts declares them). */
const VALUE_OPTIONS = new Set(["--dir", "--tasks", "--approvals", "--as"]);

interface Options extends GlobalOpts {
  json: boolean;
}

/** The options of a plain `[program options] status [--json]`, each given once; else undefined. */
export function plainStatus(argv: readonly string[]): Options | undefined {
  const o: Options = { color: true, json: false };
  const seen = new Set<string>();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "status") break;
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      // A value that looks like an option: commander's to judge.
      if (value === undefined || (eq < 0 && value.startsWith("-"))) return undefined;
      o[name.slice(2) as "dir" | "tasks" | "approvals" | "as"] = value;
    } else if (a === "--no-color") o.color = false;
    else if (a === "--utc") o.utc = true;
    else return undefined;
  }
  const rest = argv.slice(i + 1);
  if (i === argv.length || rest.length > 1 || (rest.length === 1 && rest[0] !== "--json")) return undefined;
  o.json = rest.length === 1;
  return o;
}

/** The exit code of a status it answered, having written it; undefined to leave it to main. */
export function quickStatus(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number | undefined {
  const o = plainStatus(argv);
  if (!o) return undefined;
  let text: string;
  let out: NodeJS.WriteStream;
  try {
    // As main.ts's context(): a missing folder, an unreadable TASKGATE_NOW, no board found or a
    // shared one (read through git) are the full command's to report or do.
    if (namedFolderProblem(o, env) !== undefined) return undefined;
    const { paths, share } = locateBoard(o, env, process.cwd());
    if (share) return undefined;
    const now = env.TASKGATE_NOW ? Date.parse(env.TASKGATE_NOW) : Date.now();
    if (Number.isNaN(now)) return undefined;
    const memo = fileMemo(paths.tasks, env);
    const ports = { readSnapshot: readLedgerSnapshot, memo, board: undefined };
    const sources = statusSources({ paths, ports });
    // Only what the memo answers without hashing the ledgers: on a miss the full command
    // reads them, and would hash them again.
    const facts = sources && statusMemo({ ports }, sources, true);
    if (!facts || facts.phases.length > 0 || facts.hasHooks) return undefined;
    const linked = mainWorkTree(process.cwd());
    if (linked && linked.main !== linked.top) return undefined;
    const v = statusOf(facts, now);
    const lang = langOf(env);
    useLang(lang);
    showUtc(Boolean(o.utc));
    out = lang === "en" ? output(1) : translatedStream(output(1), () => o.json);
    const ctx: Pick<Context, "paths"> & { ports: { board: undefined } } = { paths, ports };
    text = o.json
      ? docText(statusDoc(ctx, v))
      : renderStatus(
          makeChalk(out, env, !o.color),
          { tasks: paths.tasksDisplay, approvals: paths.approvalsDisplay },
          v.summary,
          v.approvalsFound,
          now,
          v.errors,
          v.warnings,
        );
  } catch {
    return undefined;
  }
  out.write(text);
  return 0;
}
