// git integration: `check --staged` is an option of check (main.ts); here `verify`, `hook
// install`, `merge-driver install` and `merge-file`, which git runs as the merge driver.

import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { EXIT } from "../app/errors.js";
import type { Violation } from "../rules/judge.js";
import { tr } from "./i18n.js";
import { output } from "./output.js";
import { jsonDoc } from "./render.js";
import type { WatchKit } from "./watch-commands.js";

/** A problem the judge found, as FILE:LINE: and its sentence in the reader's language. */
export const violationLine = (v: Violation): string => `${v.file}:${v.line}: ${tr(v.message)}`;

/** check --staged: the exit code (0, 1 for a broken rule, 3 for an invalid staged ledger). */
export async function checkStagedCommand(ctx: Context, json: boolean, out: NodeJS.WritableStream): Promise<number> {
  const { checkStaged } = await import("../app/git-checks.js");
  const r = checkStaged(ctx);
  const n = r.violations.length;
  const { stagedPathWarnings } = await import("../app/staged-paths.js");
  const warnings = stagedPathWarnings(ctx, process.cwd());
  if (json) {
    out.write(
      jsonDoc("check-staged", {
        ok: n === 0,
        violations: r.violations.map((v) => ({ file: v.file, line: v.line, message: v.message })),
        warnings: warnings.map((w) => ({
          task: w.id,
          holder: w.holder,
          paths: w.globs,
          files: w.files,
          message: w.message,
        })),
      }),
    );
  } else {
    for (const w of warnings) out.write(`warning: ${w.message}\n`);
    for (const v of r.violations) out.write(`${violationLine(v)}\n`);
    if (n) out.write(`${n} problem${n === 1 ? "" : "s"} in the staged ledgers; the commit is refused\n`);
  }
  return n === 0 ? EXIT.ok : r.invalid ? EXIT.invalid : EXIT.refused;
}

export function registerGitCommands(program: Command, kit: WatchKit): void {
  program
    .command("verify")
    .description("check every commit in a range as the pre-commit hook would, with its author as the actor (for CI)")
    .requiredOption("--range <range>", "commits to check, as git log takes them (origin/main..HEAD)")
    .option(
      "--signed",
      "also require every commit changing the ledgers to be signed by a key Roles lists for its author (the policy's signed-commits: required does this always)",
    )
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      "\nExit codes: 0 every commit keeps the rules; 1 a commit breaks them (forged log line, illegal\nstate change, self-approval, ...; with --signed, a commit changing the ledgers unsigned, or signed by\na key not listed for its author); 3 a commit has an invalid ledger; 2 git cannot read the range.",
    )
    .action(async (o: { range: string; json?: boolean; signed?: boolean }) => {
      const { ctx } = kit.context();
      const { verifyRange } = await import("../app/git-checks.js");
      const r = verifyRange(ctx, o.range, { signed: o.signed === true });
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("verify", {
            range: o.range,
            commits: r.commits,
            signaturesChecked: r.signed,
            ok: r.violations.length === 0,
            violations: r.violations.map((v) => ({ commit: v.commit, file: v.file, line: v.line, message: v.message })),
          }),
        );
      } else {
        for (const v of r.violations) kit.out.write(`${v.commit.slice(0, 10)} ${violationLine(v)}\n`);
        kit.out.write(
          r.violations.length
            ? `${r.violations.length} problem${r.violations.length === 1 ? "" : "s"} in ${r.commits} commit${r.commits === 1 ? "" : "s"}\n`
            : `${r.commits} commit${r.commits === 1 ? "" : "s"} checked: ok\n`,
        );
      }
      if (r.violations.length) kit.setExit(r.invalid ? EXIT.invalid : EXIT.refused);
    });

  const hook = program.command("hook").description("git hooks");
  hook
    .command("uninstall")
    .description("take `taskgate check --staged` out of the pre-commit hook (the hook's own commands are kept)")
    .action(async () => {
      const { ctx } = kit.context();
      const { uninstallHook } = await import("../app/uninstall.js");
      kit.out.write(`${uninstallHook(ctx)}\n`);
    });
  hook
    .command("install")
    .description(
      "add `taskgate check --staged` to the pre-commit hook (core.hooksPath honoured; an existing hook is kept)",
    )
    .action(async () => {
      const { ctx } = kit.context();
      const { installHook } = await import("../app/hooks.js");
      const r = installHook(ctx, process.argv[1] ?? "taskgate");
      kit.out.write(
        !r.changed
          ? `${r.path} already runs taskgate check --staged\n`
          : r.added
            ? `Added taskgate check --staged to ${r.path} (its own commands are kept)\n`
            : `Installed ${r.path}\n`,
      );
    });

  const driver = program.command("merge-driver").description("git's merge driver for the ledgers");
  driver
    .command("uninstall")
    .description("remove the merge=taskgate lines from .gitattributes and merge.taskgate from this clone's git config")
    .action(async () => {
      const { ctx } = kit.context();
      const { uninstallMergeDriver } = await import("../app/uninstall.js");
      for (const line of uninstallMergeDriver(ctx)) kit.out.write(`${line}\n`);
    });
  driver
    .command("install")
    .description("register the three-way ledger merge in .gitattributes and this clone's git config")
    .action(async () => {
      const { ctx } = kit.context();
      const { installMergeDriver } = await import("../app/merge-driver.js");
      const r = installMergeDriver(ctx, process.argv[1] ?? "taskgate");
      kit.out.write(
        `${r.added.length ? `Added to ${r.attributes}: ${r.added.join(", ")}` : `${r.attributes} already names the driver`}\nSet merge.taskgate.driver in this clone's git config (each clone runs merge-driver install once)\n`,
      );
    });

  program
    .command("merge-file")
    .description("merge one ledger three-way (git runs this as the merge driver: %O %A %B %P)")
    .argument("<base>")
    .argument("<ours>", "merged in place")
    .argument("<theirs>")
    .argument("[path]", "the ledger's path in the repository")
    .action(async (base: string, ours: string, theirs: string, path: string | undefined) => {
      const { mergeFiles } = await import("../app/merge-driver.js");
      const conflicts = mergeFiles(base, ours, theirs, path);
      if (conflicts) {
        output(2).write(
          `taskgate: ${path ?? ours}: ${conflicts} conflict${conflicts === 1 ? "" : "s"} left between markers; resolve, then taskgate check\n`,
        );
        kit.setExit(EXIT.refused);
      }
    });
}
