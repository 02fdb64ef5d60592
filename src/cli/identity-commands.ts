// `taskgate whoami`: the actor taskgate takes you for, and why (app/whoami.ts).

import type { Command } from "commander";
import { terminalText } from "../rules/values.js";
import { jsonDoc } from "./render.js";
import type { WatchKit } from "./watch-commands.js";

export function registerIdentityCommands(program: Command, kit: WatchKit): void {
  program
    .command("whoami")
    .description(
      "who taskgate takes you for: actor, roles, how the name was found, whom you act for, where the board is",
    )
    .option("--json", "print one JSON document")
    .action(async (o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { whoami } = await import("../app/whoami.js");
      const w = whoami(ctx);
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("whoami", {
            actor: w.actor,
            given: w.given,
            source: w.source ?? null,
            matched: w.matched,
            roles: w.roles,
            automation: w.automation,
            actsFor: w.actsFor ?? null,
            agents: w.agents,
            party: w.party,
            emails: w.emails,
            gitNames: w.gitNames,
            signingKeys: w.signingKeys,
            session: w.session ?? null,
            board: { tasks: w.board.tasks, approvals: w.board.approvals, shared: w.board.shared ?? null },
          }),
        );
        return;
      }
      const how = w.matched === "name" ? "" : ` (a git identity of ${w.actor})`;
      const lines = [
        `${w.actor}${w.automation ? " (automation)" : ""}: ${w.roles.join(", ") || "no roles"}`,
        `found by ${w.source ?? "?"}: ${w.given}${how}`,
      ];
      if (w.actsFor) lines.push(`acts for ${w.actsFor}: ${w.actsFor} may commit ${w.actor}'s log lines`);
      if (w.agents.length) lines.push(`agents acting for ${w.actor}: ${w.agents.join(", ")}`);
      if (w.party.length > 1) lines.push(`one party for four eyes: ${w.party.join(", ")}`);
      const ids = [...w.emails.map((e) => `<${e}>`), ...w.gitNames.map((n) => `"${n}"`)];
      if (ids.length) lines.push(`git identities: ${ids.join(" ")}`);
      lines.push(`signing keys in Roles: ${w.signingKeys}`);
      if (w.session) lines.push(`session: ${w.session}`);
      lines.push(`board: ${w.board.tasks} and ${w.board.approvals}${w.board.shared ? `, ${w.board.shared}` : ""}`);
      kit.out.write(`${terminalText(lines.join("\n"), true)}\n`);
    });
}
