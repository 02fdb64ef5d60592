// The leases this server holds for its agent: renewed every TTL/3 while the server lives,
// given back when it stops. The agent never sends heartbeats; if the server is killed
// outright, its leases simply expire and `watch` recovers the tasks.

import type { Context } from "../app/context.js";
import { EXIT, TaskgateError } from "../app/errors.js";
import { transition } from "../app/transition.js";

interface Held {
  readonly token: number;
  readonly ttl: number;
  until: number;
  readonly timer: NodeJS.Timeout;
}

export class LeaseKeeper {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly makeCtx: () => Context,
    private readonly log: (line: string) => void,
  ) {}

  tokenOf(id: string): number | undefined {
    return this.held.get(id)?.token;
  }

  get ids(): string[] {
    return [...this.held.keys()];
  }

  hold(id: string, lease: { token: number; ttl: number; until: number }): void {
    this.drop(id);
    const every = Math.max(200, Math.floor(lease.ttl / 3));
    const timer = setInterval(() => void this.renew(id), every);
    this.held.set(id, { token: lease.token, ttl: lease.ttl, until: lease.until, timer });
  }

  drop(id: string): void {
    const h = this.held.get(id);
    if (!h) return;
    clearInterval(h.timer);
    this.held.delete(id);
  }

  private async renew(id: string): Promise<void> {
    const h = this.held.get(id);
    if (!h) return;
    try {
      const r = await transition(this.makeCtx(), { action: "renew", id, token: h.token });
      if (r.lease && this.held.get(id) === h) h.until = r.lease.until;
    } catch (e) {
      // Only a refusal means the lease is no longer ours (taken over after it expired,
      // released or handed in by hand, the task changed). Anything else (busy, a ledger
      // invalid for a moment, an unreachable remote, a full disk) may pass: the next tick
      // tries again, as run does, until the lease has run out.
      const refused = e instanceof TaskgateError && e.exitCode === EXIT.refused;
      const ended = Date.now() >= h.until;
      this.log(
        `taskgate mcp: could not renew the lease on ${id}: ${(e as Error).message.split("\n")[0]}${refused || ended ? "; it is no longer held" : "; trying again"}`,
      );
      if ((refused || ended) && this.held.get(id) === h) this.drop(id);
    }
  }

  /** Gives back every lease still held (DOING -> READY), each with its token. */
  async releaseAll(): Promise<void> {
    for (const id of this.ids) {
      const token = this.tokenOf(id);
      this.drop(id);
      try {
        await transition(this.makeCtx(), { action: "release", id, token });
        this.log(`taskgate mcp: released ${id}`);
      } catch (e) {
        this.log(`taskgate mcp: could not release ${id}: ${(e as Error).message}`);
      }
    }
  }
}
