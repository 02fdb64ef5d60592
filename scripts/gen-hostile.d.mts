// Types for gen-hostile.mjs, which the tests import too.
export const HOSTILE_KINDS: Record<string, (bytes: number) => string>;
export function hostileTasks(kind: string, bytes: number): { tasks: string; readyIds: string[] };
export function plainApprovals(): string;
