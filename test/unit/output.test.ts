// Output written straight to the descriptor (src/cli/output.ts): every byte, in order, also
// when the descriptor takes part of a write or refuses one for now (EAGAIN), after which the
// rest goes through the stream; and the CLI prints the same to a file, a pipe and /dev/null.

import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
