// Which task IDs a ledger has ever used, beyond its visible entry headings: the log's "add"
// lines, and headings that look like an entry's but are not one ("## T_3!", "## t-3"). A task
// must never vanish without an error, and its ID must never be given out twice.

/**
 * The ID a level-2 heading most likely meant when it is not a well-formed entry heading but
 * looks like one: the ledger's prefix in any case, then "-", "_", a dash, "." or blanks, then a
 * number, then anything ("T_3! task 3", "t-3", "T-3x", "T- 3", "T3 title"). Undefined for
 * other names ("Notes", "Todo 2", "Timeline").
 */
export function likelyEntryId(name: string, prefix: string): string | undefined {
  if (name.length <= prefix.length || name.slice(0, prefix.length).toUpperCase() !== prefix) return undefined;
  const m = /^[ \t]*[-_\u2010-\u2015.:#]?[ \t]*0*(\d+)/.exec(name.slice(prefix.length));
  return m ? `${prefix}-${Number(m[1])}` : undefined;
}

/** One "add" line of a log: the number of the task it adds, and where its line starts. */
export interface LoggedAdd {
  readonly n: number;
  readonly lineStart: number;
}

const ADD = " add T-";

/**
 * The "add T-n" lines of the log in text[start, end), in order. A line counts when "add" is its
 * fourth word ("- <time> <actor> <role> add T-n ..."), so a quoted title holding " add T-9" is
 * not one. This runs on every clean read, so it jumps from one " add T-" to the next.
 */
export function loggedAdds(text: string, start: number, end: number): LoggedAdd[] {
  const out: LoggedAdd[] = [];
  for (let k = text.indexOf(ADD, start); k >= 0 && k < end; k = text.indexOf(ADD, k + 1)) {
    const lineStart = text.lastIndexOf("\n", k) + 1;
    const bullet = text.charCodeAt(lineStart);
    if ((bullet !== 45 && bullet !== 42 && bullet !== 43) || text.charCodeAt(lineStart + 1) !== 32) continue;
    // Exactly three words (time, actor, role) between the bullet and " add".
    let blanks = 0;
    let ok = true;
    for (let q = lineStart + 2; q < k; q++) {
      if (text.charCodeAt(q) === 32) {
        if (text.charCodeAt(q - 1) === 32) ok = false;
        blanks++;
      }
    }
    if (!ok || blanks !== 2 || k === lineStart + 2) continue;
    let q = k + ADD.length;
    let n = 0;
    while (q < end && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) n = n * 10 + text.charCodeAt(q++) - 48;
    const after = text.charCodeAt(q);
    if (n > 0 && (after === 32 || after === 13 || after === 10 || q === end)) out.push({ n, lineStart });
  }
  return out;
}

/** The highest task number in the log's add lines of text[start, end), or 0. */
export function highestLoggedAdd(text: string, start: number, end: number): number {
  let max = 0;
  for (const a of loggedAdds(text, start, end)) if (a.n > max) max = a.n;
  return max;
}
