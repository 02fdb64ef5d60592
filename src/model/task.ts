// Tasks, leases and the policy that governs them.

export const STATES = ["PLAN", "READY", "DOING", "REVIEW", "DONE"] as const;
export type State = (typeof STATES)[number];

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RESOLUTIONS = ["done", "cancelled"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface Lease {
  /** actor@host */
  readonly holder: string;
  readonly token: number;
  readonly until: number;
  readonly ttl: number;
  /**
   * The session that took the lease (a run, a work loop, an agent's TASKGATE_SESSION);
   * undefined for a lease taken outside any session, or written before sessions existed.
   */
  readonly session?: string | undefined;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly state: State;
  readonly priority: Priority;
  readonly depends: readonly string[];
  readonly labels: readonly string[];
  readonly assignee: string | undefined;
  readonly lease: Lease | undefined;
  readonly attempts: number;
  readonly blocked: string | undefined;
  readonly resolution: Resolution | undefined;
  readonly notBefore: number | undefined;
  readonly created: number | undefined;
  /** Every field as written, known or not, in file order. */
  readonly fields: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** 1-based line of the heading. */
  readonly line: number;
}

export interface Policy {
  readonly lease: number;
  readonly maxAttempts: number;
  readonly backoff: { readonly min: number; readonly max: number };
  readonly approvalRequired: readonly string[];
  readonly wipLimit: Readonly<Partial<Record<State, number>>>;
  readonly clockSkew: number;
  /** verify checks every commit changing the ledgers for a good signature by its actor's key (verify --signed). */
  readonly signedCommits: boolean;
  readonly approvalSla: number;
  /**
   * What the metrics are measured against (as fractions): the automation rate and the
   * auto-recovery rate to reach, and the change of the median approval wait against the
   * previous period (-0.3: 30% shorter).
   */
  /** The IANA zone whose calendar days the metrics count in (time-zone: Europe/Berlin); none: UTC. */
  readonly timeZone?: string | undefined;
  readonly goals: {
    readonly automation?: number | undefined;
    readonly recovery?: number | undefined;
    readonly approvalWait?: number | undefined;
  };
}

export const DEFAULT_POLICY: Policy = {
  lease: 30 * 60_000,
  maxAttempts: 3,
  backoff: { min: 60_000, max: 3_600_000 },
  approvalRequired: [],
  wipLimit: {},
  clockSkew: 30_000,
  signedCommits: false,
  approvalSla: 24 * 3_600_000,
  goals: {},
};

/** A task ID as the user may type it (t12, T-12, " T-012 ") as the ledger writes it (T-12); else as given, trimmed. */
export function normalizeTaskId(id: string): string {
  const m = /^t-?(\d+)$/i.exec(id.trim());
  return m ? `T-${Number(m[1])}` : id.trim();
}

export function isState(s: string): s is State {
  return (STATES as readonly string[]).includes(s);
}
export function isPriority(s: string): s is Priority {
  return (PRIORITIES as readonly string[]).includes(s);
}
