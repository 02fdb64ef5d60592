// A writer for the crash test: adds tasks through the real CLI code, one whole write after
// another, until it is killed. argv: the ledger folder.
import { createRequire } from "node:module";

const { main } = createRequire(import.meta.url)("../../dist/taskgate.cjs");

const dir = process.argv[2];
for (let i = 0; ; i++) {
  const code = await main(["--dir", dir, "--as", "alice@example.com", "add", `crash task ${process.pid}-${i}`]);
  if (code !== 0 && code !== 4) process.exit(code);
}
