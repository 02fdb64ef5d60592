// Approvals and the roles of the people and agents who request and decide them.

export const ROLES = ["CMD", "WORK", "AUDIT"] as const;
export type Role = (typeof ROLES)[number];

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "superseded"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export interface Actor {
  readonly name: string;
  readonly roles: readonly Role[];
  /** A machine identity: its actions count as automated in the metrics. */
  readonly automation: boolean;
  /** 1-based line in APPROVALS.md. */
  readonly line: number;
  /** The git identities that are theirs besides the name itself: emails (lower case) and git names. */
  readonly emails?: readonly string[];
  readonly gitNames?: readonly string[];
  /** The person this actor works for (delegation, "(for alice)"): they may commit its log lines. */
  readonly for?: string | undefined;
  /** The Roles line as written: its key (the name and git identities) and its tags, without parentheses. */
  readonly key?: string;
  readonly tags?: string | undefined;
  /** Public keys that sign their commits ("key ssh-ed25519 AAAA..."), for verify --signed. */
  readonly keys?: readonly string[];
}

export interface Approval {
  readonly id: string;
  readonly title: string;
  readonly status: ApprovalStatus;
  readonly subject: string | undefined;
  readonly requestedBy: string | undefined;
  readonly requestedAt: number | undefined;
  readonly approver: string | undefined;
  readonly decidedAt: number | undefined;
  readonly fields: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly line: number;
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** An approval ID as the user may type it (a3, A-3) as the ledger writes it; else as given, trimmed. */
export function normalizeApprovalId(id: string): string {
  const m = /^a-?(\d+)$/i.exec(id.trim());
  return m ? `A-${Number(m[1])}` : id.trim();
}
