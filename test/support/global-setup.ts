// Every test file, and every process it starts, makes its temporary folders under one folder
// made for this run (TMPDIR, which os.tmpdir() and git read), removed when the run ends: a run
// leaves nothing in the system's temp folder, even when a test forgets to clean up or fails.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "taskgate-tests-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
