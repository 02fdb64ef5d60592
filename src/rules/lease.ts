// Lease expiry, judged by the lease's own expiry plus the policy's clock-skew margin.

import type { Lease } from "../model/task.js";

export function isLeaseExpired(lease: Pick<Lease, "until">, now: number, clockSkew: number): boolean {
  return now > lease.until + clockSkew;
}

/** A session as shown beside its holder: long ids (a harness's UUID) cut to their first 8 characters. */
export function shortSession(session: string): string {
  return session.length <= 12 ? session : session.slice(0, 8);
}

/** "bob@build-7", or "bob@build-7 (run-3f9a2c)" for a lease held by a session. */
export function holderWithSession(holder: string, session: string | undefined): string {
  return session === undefined ? holder : `${holder} (${shortSession(session)})`;
}
