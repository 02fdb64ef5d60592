// The leases this server holds for its agent: renewed every TTL/3 while the server lives,
// given back when it stops. The agent never sends heartbeats; if the server is killed
// outright, its leases simply expire and `watch` recovers the tasks.

import type { Context } from "../app/context.js";
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
      // Busy: the next tick tries again, well before the lease ends. Anything else (taken
      // over, released by hand, task changed) means the lease is no longer ours.
      const busy = e instanceof Error && e.name === "BusyError";
      this.log(`taskgate mcp: could not renew the lease on ${id}: ${(e as Error).message}`);
      if (!busy && this.held.get(id) === h) this.drop(id);
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
