// Temp files are written beside their target and renamed over it. A process killed between
// the two leaves its temp file behind; whoever writes there next removes those that have not
// been touched for a minute (no live writer leaves one that long untouched).

import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/** Removes the *.tmp files in `dir` last modified over a minute ago. */
export function removeStaleTempFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 60_000;
  for (const n of names) {
    if (!n.endsWith(".tmp")) continue;
    const p = join(dir, n);
    try {
      if (statSync(p).mtimeMs < cutoff) unlinkSync(p);
    } catch {
      // Gone already.
    }
  }
}
