// Types for gen-ledger.mjs, which the tests import too.
export function generateLedgers(
  count: number,
  options?: { seed?: number; ready?: number; history?: number },
): { tasks: string; approvals: string; readyIds: string[] };
