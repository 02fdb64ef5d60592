// `taskgate serve`: the live board in a browser (the HTTP face in src/serve, loaded only here).

import { spawn } from "node:child_process";
import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { UsageError } from "../app/errors.js";
import { withRereads } from "../io/reread.js";
import { tr, translating } from "./i18n.js";
import type { WatchKit } from "./watch-commands.js";

/** How often serve fetches a board shared through a remote, and how long one fetch may take. */
const REMOTE_REFRESH_MS = 2000;
const REMOTE_FETCH_TIMEOUT_MS = 20_000;

export function registerServeCommand(program: Command, kit: WatchKit): void {
  program
    .command("serve")
    .description("a live board in the browser on 127.0.0.1: the URL (with its token) is the first line printed")
    .option("--port <n>", "the port (0: any free port)", "0")
    .option("--open", "open the page in the default browser")
    .option("--read-only", "show the board only: no decisions from the page")
    .action(async (o: { port: string; open?: boolean; readOnly?: boolean }) => {
      const port = Number(o.port);
      if (!/^\d+$/.test(o.port) || port > 65535)
        throw new UsageError(`Expected a port from 0 to 65535, found "${o.port}"`);
      const base = kit.context().ctx;
      // Identity is fixed now: the ports keep the name they resolved (--as, TASKGATE_ACTOR, git).
      base.ports.actorName();
      const fixedNow = kit.env.TASKGATE_NOW ? base.now : undefined;
      const ports = withRereads(base.ports);
      const makeCtx = (): Context => ({ paths: base.paths, ports, now: fixedNow ?? Date.now() });
      // A board shared through a remote is fetched again 2 s after the last fetch ended, in a
      // child process: the server keeps answering while the remote does (a slow or dead one
      // makes the page stale, never stalled), and another machine's change shows soon after.
      const board = ports.board;
      let fetching = false;
      const refetch = board
        ? setInterval(() => {
            if (fetching) return;
            fetching = true;
            void board.fetchInBackground(REMOTE_FETCH_TIMEOUT_MS).finally(() => {
              fetching = false;
            });
          }, REMOTE_REFRESH_MS)
        : undefined;
      refetch?.unref();
      const pollMs = Number(kit.env.TASKGATE_SERVE_POLL_MS) || 200;
      const { serveHttp } = await import("../serve/server.js");
      kit.setExit(
        await serveHttp({
          makeCtx,
          port,
          readOnly: Boolean(o.readOnly),
          pollMs,
          // The page in the reader's language, as the CLI chose it (TASKGATE_LANG, LC_ALL, ...).
          lang: translating() ? "ja" : "en",
          tr,
          log: (line) => process.stderr.write(`${line}\n`),
          onListening: (url) => {
            process.stdout.write(`${url}\n`);
            if (o.open) openBrowser(url);
          },
        }),
      );
    });
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => process.stderr.write(`taskgate serve: could not open a browser; open ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`taskgate serve: could not open a browser; open ${url}\n`);
  }
}
