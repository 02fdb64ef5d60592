// Lease expiry, judged by the lease's own expiry plus the policy's clock-skew margin.

import type { Lease } from "../model/task.js";

export function isLeaseExpired(lease: Pick<Lease, "until">, now: number, clockSkew: number): boolean {
  return now > lease.until + clockSkew;
}
