// What an agent reads to learn the workflow: the server's instructions (short, sent at
// initialize) and the workflow resource (longer, read on demand). Tool descriptions stay one line.

export const GUIDE_URI = "taskgate://workflow";

export function instructions(actor: string, roles: readonly string[]): string {
  return [
    `taskgate: the team's task board (TASKS.md) and approval gate (APPROVALS.md). You act as ${actor} (${roles.join(", ") || "no roles"}), fixed when this server started.`,
    "Loop: next_task (or claim_task without id) -> claim_task -> show_task for the full text -> do the work -> submit_task (or release_task if you stop, block_task with a reason if you cannot go on).",
    "This server renews your leases while you are connected and releases them when it stops; never send heartbeats.",
    `Errors are results with isError and a JSON {code, message, next}; act on code. The full workflow: resource ${GUIDE_URI}.`,
  ].join("\n");
}

export const GUIDE = `# Working on a taskgate board

Tasks move PLAN -> READY -> DOING -> REVIEW -> DONE. People (CMD) plan and make tasks READY;
workers (WORK) claim, do and submit them; reviewers (AUDIT) accept or send work back. Nobody
accepts work they did (four eyes).

## As a worker
1. \`next_task\` shows the best task for you; \`claim_task\` takes it (without \`id\` it takes the
   best one under one lock, so two agents never get the same task).
2. \`show_task\` gives its fields and text: read it all before you start.
3. Work. This server holds your lease and renews it every ttl/3 while you stay connected; if
   the server stops, it releases your leases; if it is killed, they expire and \`taskgate watch\`
   puts the tasks back.
4. \`submit_task\` when done (DOING -> REVIEW); \`release_task\` to give it back undone;
   \`block_task\` with a one-line reason when something outside your reach stops you.
5. Changes that need a person's yes: \`request_approval\` with the task ID as subject.

## Error codes
LEASE_HELD (someone else holds it: take another task, or retry after \`retryAfter\`),
STALE_TOKEN (your lease was taken over: stop working on it), ROLE_DENIED (your role may not),
FOUR_EYES (you worked on it: another reviewer must), NOT_FOUND, WRONG_STATE, NOTHING_TO_DO,
INVALID_ARGUMENT, IDENTITY_FIXED (no tool takes an actor: identity is the server's),
INVALID_LEDGER (a person must fix the ledger), BUSY (call again in a moment), REFUSED.

## Rules that hold everywhere
The same rules as the \`taskgate\` command line: roles, leases with fencing tokens, four eyes,
WIP limits, dependencies. The ledgers are read again on every call: an edit by a person or
another agent is always seen.
`;
