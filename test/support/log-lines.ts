// Log lines the metrics' fast log reader (src/ledger/log-facts.ts) must read exactly as
// readLog does, or refuse as it does; and what readLog reads of a log, as that reader's facts.

import { readLog } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";

const line = (body: string) => `- ${body} ~ 000000000000`;

/** Log lines the fast reader must read exactly as readLog does (or refuse as it does). */
export const ODD_LOG_LINES = [
  // Quoted values with blanks, quotes, = and " to=" in them.
  line('2026-11-09T09:00:00Z alice CMD set T-1 title="a to=DONE \\"b\\" via=run" from=READY to=READY'),
  line('2026-11-09T09:00:01Z bob WORK claim T-1 from="READY" to="DOING"'), // quoted states
  line('2026-11-09T09:00:02Z bob WORK claim T-1 from=READY to=" "'), // a value that is a blank
  line('2026-11-09T09:00:03Z bob WORK claim T-1 from=READY to=DOING note="a\\qb"'), // not a JSON escape
  line('2026-11-09T09:00:04Z bob WORK claim T-1 from=READY to=DOING note="a\tb"'), // a raw tab in quotes
  line('2026-11-09T09:00:05Z bob WORK claim T-1 from=READY to=DOING note="\\u00e9\\n"'), // JSON escapes
  line("2026-11-09T09:00:06.500Z bob WORK claim T-1 from=READY to=DOING"), // a fraction of a second
  line("2026-11-09T09:00:07Z bob WORK claim T-1 from=READY to=DOING note"), // a detail without =
  line("2026-11-09T09:00:08Z bob  WORK claim T-1 from=READY to=DOING"), // two blanks
  line("2026-11-09T09:00:09Z bob WORK claim T-1 to=DOING to=REVIEW auto=true auto=false via=run"), // twice
  line("2026-11-09T09:00:10Z bob WORK claim T-1 from= to=DOING"), // an empty value
  "* 2026-11-09T09:00:11Z bob WORK submit T-1 from=DOING to=REVIEW ~ 000000000000",
  "+ 2026-11-09T09:00:12Z bob WORK submit T-1 from=DOING to=REVIEW ~ 000000000000 \t",
  "- 2026-11-09T09:00:13Z bob WORK submit T-1 from=DOING to=REVIEW ~ 00000000000A", // not lower hex
  "- 2026-11-09T09:00:14Z bob WORK submit T-1 from=DOING\n to=REVIEW ~ 000000000000", // split in two
  "- 2026-11-09T09:00:15Z bob WORK submit T-1 from=DOING to=REVIEW ~ 000000000000\rjunk", // a lone CR
  "junk\u2028- 2026-11-09T09:00:16Z bob WORK submit T-1 from=DOING to=REVIEW ~ 000000000000", // U+2028
  "- 2026-11-09T09:00:17Z bob WORK submit T-1 from=DOING to=REVIEW ~ 000000000000\r\r",
  line("1969-12-31T12:00:00Z alice CMD add T-9 state=READY"), // before 1970
  line("1969-12-31T13:00:00Z alice CMD ready T-9 from=PLAN to=READY"),
  line("2026-13-01T00:00:00Z alice CMD ready T-9 from=PLAN to=READY"), // not a time
];

/** What readLog reads of the log, as the fast reader's facts. */
export function readLogFacts(text: string) {
  const doc = readTasks("TASKS.md", text);
  return readLog(doc.doc, doc.log, undefined).entries.map((e) => ({
    time: e.time,
    actor: e.actor,
    action: e.action,
    target: e.target,
    from: e.details.from,
    to: e.details.to ?? (e.action === "add" ? e.details.state : undefined),
    marked: e.details.auto === "true",
    session: e.details.session,
    fromRun: e.details.via === "run" || e.details.via === "work",
  }));
}
