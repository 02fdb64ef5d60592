// Output written straight to the descriptor (src/cli/output.ts): every byte, in order, also
// when the descriptor takes part of a write or refuses one for now (EAGAIN), after which the
// rest goes through the stream; the rest is dropped quietly when the reader goes away (EPIPE);
// and the CLI prints the same to a file, a pipe and /dev/null.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { Direct } from "../../src/cli/output.js";
import { CLI } from "../support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "taskgate-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("direct output", () => {
  it("writes every byte in order through short writes and EAGAIN, then through the stream", () => {
    const written: number[] = [];
    let calls = 0;
    const writeTo = (_fd: number, buffer: Uint8Array, offset: number, length: number) => {
      calls++;
      if (calls === 5) throw Object.assign(new Error("EAGAIN"), { code: "EAGAIN" });
      const n = Math.min(length, 3); // a descriptor that takes 3 bytes at a time
      written.push(...buffer.subarray(offset, offset + n));
      return n;
    };
    const streamed: string[] = [];
    const stream = {
      write: (c: Uint8Array | string) => streamed.push(Buffer.from(c).toString()) > 0,
      on: () => stream,
      writableLength: 0,
    };
    const d = new Direct(9, writeTo, () => stream as unknown as NodeJS.WriteStream);
    const out = d.asStream();
    out.write("héllo ");
    out.write("wörld\n");
    out.write("after\n");
    expect(Buffer.from(written).toString() + streamed.join("")).toBe("héllo wörld\nafter\n");
    expect(streamed.length).toBe(2);
    expect(out.isTTY).toBe(false);
    expect(d.pending()).toBe(false);
  });

  it("drops the rest quietly when the reader goes away (EPIPE)", () => {
    let calls = 0;
    const d = new Direct(
      9,
      (_fd, _buffer, _offset, length) => {
        calls++;
        if (calls === 2) throw Object.assign(new Error("EPIPE"), { code: "EPIPE" });
        return length;
      },
      () => process.stdout,
    );
    expect(d.write("first\n")).toBe(true);
    expect(d.write("second\n")).toBe(true); // the reader is gone
    expect(d.write("third\n")).toBe(true);
    expect(calls).toBe(2); // nothing more was tried
  });

  it("a command whose reader stops early (taskgate list | head) ends as it would have, saying nothing", async () => {
    const board = mkdtempSync(join(dir, "board-"));
    const { tasks, approvals } = generateLedgers(2000, { seed: 3 });
    writeFileSync(join(board, "TASKS.md"), tasks);
    writeFileSync(join(board, "APPROVALS.md"), approvals);
    const child = spawn(process.execPath, [CLI, "--dir", board, "list", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b) => {
      stderr += b;
    });
    // Like head -1: read the first chunk, then close the pipe (list --json prints about 1 MB).
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("lets other errors through", () => {
    const d = new Direct(
      9,
      () => {
        throw Object.assign(new Error("EBADF"), { code: "EBADF" });
      },
      () => process.stdout,
    );
    expect(() => d.write("x")).toThrow("EBADF");
  });

  it("prints the same to a file, a pipe and /dev/null", () => {
    for (const args of [["--version"], ["--help"], ["status"], ["nosuch"]]) {
      const piped = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8" });
      const file = join(dir, "out.txt");
      const fd = openSync(file, "w");
      const filed = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", fd, fd] });
      closeSync(fd);
      expect(readFileSync(file, "utf8"), args.join(" ")).toBe(piped.stdout + piped.stderr);
      expect(filed.status).toBe(piped.status);
      const nulled = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
      expect(nulled.status).toBe(piped.status);
      expect(String(nulled.stderr)).toBe(piped.stderr);
    }
  });
});
