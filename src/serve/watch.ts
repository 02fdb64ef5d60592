// Notices a change of the ledgers for the events stream: looks at both ledgers' bytes every
// `pollMs` (through the ports, so the shared board's ref is what is looked at where the board
// is shared) and compares their digest with the last one. Polling rather than fs.watch: it
// sees a rename over the file, a `git pull`, an editor's save and a ref moved by another
// worktree alike, on every platform, and costs one read of two small files a tick. Keeps
// nothing but the last digest, so following any number of changes takes no more memory.

import { createHash } from "node:crypto";
import type { Context } from "../app/context.js";

export class ChangeWatch {
  #digest = "";
  #version = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #listeners: ((version: number) => void)[] = [];

  constructor(
    private readonly makeCtx: () => Context,
    private readonly pollMs: number,
  ) {}

  get version(): number {
    return this.#version;
  }

  onChange(listener: (version: number) => void): void {
    this.#listeners.push(listener);
  }

  /** The digest of both ledgers now; a read that fails (a file mid-rename, a ref mid-update) counts as its own state. */
  digest(): string {
    const ctx = this.makeCtx();
    const h = createHash("sha256");
    for (const path of [ctx.paths.tasks, ctx.paths.approvals]) {
      try {
        const s = ctx.ports.readSnapshot(path);
        h.update(s ? `${s.bytes.length}:` : "none:");
        if (s) h.update(s.bytes);
      } catch (e) {
        h.update(`error:${e instanceof Error ? e.message : String(e)}`);
      }
      h.update("\0");
    }
    return h.digest("hex");
  }

  /** Looks once; tells the listeners when the bytes differ from the last look. */
  tick(): void {
    const d = this.digest();
    if (d === this.#digest) return;
    this.#digest = d;
    this.#version++;
    for (const l of this.#listeners) l(this.#version);
  }

  start(): void {
    this.#digest = this.digest();
    this.#timer = setInterval(() => this.tick(), this.pollMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
