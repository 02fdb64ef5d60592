// The store's compare-and-swap: a file changed behind the lock is never overwritten blindly.

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BusyError } from "../../src/app/errors.js";
import { judgeOwner, type Owner, processStart, thisProcess } from "../../src/io/lock.js";
import { LedgerStore } from "../../src/io/store.js";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-store-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

describe("LedgerStore", () => {
  it("plans again when another program changed the file after it was read", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "a\n");
    const seen: string[] = [];
    const store = new LedgerStore();
    await store.update([file], ([text]) => {
      seen.push(text as string);
      // An editor saves without taking the lock, once, between our read and our write.
      if (seen.length === 1) writeFileSync(file, "a\nhand edit\n");
      return { writes: [{ path: file, text: `${text}tool edit\n` }], result: undefined };
    });
    expect(seen).toEqual(["a\n", "a\nhand edit\n"]);
    expect(readFileSync(file, "utf8")).toBe("a\nhand edit\ntool edit\n");
  });

  it("gives up with exit code 4 and writes nothing when the file keeps changing", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "0\n");
    let n = 0;
    const attempt = new LedgerStore().update([file], () => {
      n++;
      writeFileSync(file, `${n}\n`);
      return { writes: [{ path: file, text: "tool\n" }], result: undefined };
    });
    await expect(attempt).rejects.toBeInstanceOf(BusyError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 4 });
    expect(readFileSync(file, "utf8")).toBe(`${n}\n`);
    // One plan before taking the lock, then three under it, each seeing a new version.
    expect(n).toBe(4);
  });

  it("keeps locks and temp files inside .git, and serializes writers in one process", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "");
    const store = new LedgerStore();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update([file], ([text]) => ({ writes: [{ path: file, text: `${text}${i}\n` }], result: undefined })),
      ),
    );
    expect(readFileSync(file, "utf8").split("\n").filter(Boolean).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i)).sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([".git", "TASKS.md"]);
    expect(readdirSync(join(dir, ".git", "taskgate"))).toEqual([]);
  });

  it("writes nothing when the plan throws", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "keep\n");
    await expect(
      new LedgerStore().update([file], () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(readFileSync(file, "utf8")).toBe("keep\n");
  });
});

describe("lock holders", () => {
  const me = thisProcess();
  const owner = (o: Partial<Owner>): Owner => ({ ...me, nonce: "n", since: new Date().toISOString(), ...o });

  it.skipIf(process.platform !== "linux")(
    "reads its own start time from /proc (field 22) and judges itself alive",
    () => {
      expect(me.start).toMatch(/^\d+$/);
      expect(judgeOwner(owner({})).kind).toBe("alive");
    },
  );

  it.skipIf(process.platform !== "linux")(
    "a running process on this host is alive, however old the lock; once it exits it is gone",
    async () => {
      const child = spawn("sleep", ["30"], { stdio: "ignore" });
      const pid = child.pid as number;
      const start = processStart(pid);
      expect(judgeOwner(owner({ pid, start, since: "2000-01-01T00:00:00.000Z" }))).toMatchObject({ kind: "alive" });
      // The same pid with another start time: a reused pid, not the holder.
      expect(judgeOwner(owner({ pid, start: String(Number(start) + 1) }))).toMatchObject({
        kind: "gone",
        why: expect.stringContaining("pid is used again"),
      });
      child.kill("SIGKILL");
      await new Promise((r) => child.on("exit", r));
      expect(judgeOwner(owner({ pid, start })).kind).toBe("gone");
    },
  );

  it.skipIf(process.platform !== "linux")(
    "a killed holder its parent has not collected yet (a zombie) is gone",
    async () => {
      // sleep 30 runs under a parent (exec'd sleep 5) that never waits for it.
      const parent = spawn("sh", ["-c", "sleep 30 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
      const pid = Number(await new Promise<string>((r) => parent.stdout.once("data", (d: Buffer) => r(d.toString()))));
      const start = processStart(pid);
      expect(judgeOwner(owner({ pid, start })).kind).toBe("alive");
      process.kill(pid, "SIGKILL");
      for (let i = 0; i < 100 && readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z"; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0]).toBe("Z");
      expect(judgeOwner(owner({ pid, start })).kind).toBe("gone");
      parent.kill("SIGKILL");
    },
  );

  it("a holder on another host, or in another pid namespace, cannot be judged by its pid", () => {
    expect(judgeOwner(owner({ host: `${me.host}-elsewhere` })).kind).toBe("remote");
    if (me.ns) expect(judgeOwner(owner({ ns: "pid:[1]" })).kind).toBe("remote");
  });

  it.skipIf(process.platform !== "linux")("a holder from before a restart is gone", () => {
    expect(judgeOwner(owner({ boot: "00000000-0000-0000-0000-000000000000" })).kind).toBe("gone");
  });
});

describe("pending files of two-file writes", () => {
  it("an old pending file no intent record names is swept; one a record names is kept for the repair", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "a\n");
    const own = join(dir, ".git", "taskgate");
    mkdirSync(own, { recursive: true });
    const orphan = join(own, "APPROVALS.md.1.1.pending");
    const named = join(own, "APPROVALS.md.2.1.pending");
    writeFileSync(orphan, "x");
    writeFileSync(named, "y");
    writeFileSync(join(own, "OTHER.md-0123456789.intent"), JSON.stringify({ files: [{ pending: named }] }));
    const old = new Date(Date.now() - 120_000);
    for (const p of [orphan, named]) utimesSync(p, old, old);
    await new LedgerStore().update([file], ([text]) => ({ writes: [{ path: file, text: `${text}b\n` }], result: 0 }));
    expect(readdirSync(own).sort()).toEqual(["APPROVALS.md.2.1.pending", "OTHER.md-0123456789.intent"]);
  });
});

describe("the time a write records", () => {
  const at = Date.parse("2026-11-24T10:00:00.100Z");
  function clockOf(times: number[]): () => number {
    let i = 0;
    return () => times[Math.min(i++, times.length - 1)] as number;
  }
  async function nowsSeen(clock: () => number): Promise<{ seen: number[]; written: string }> {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "");
    const seen: number[] = [];
    await new LedgerStore({ clock }).update([file], (_texts, now) => {
      seen.push(now);
      return { writes: [{ path: file, text: `${new Date(now).toISOString()}\n` }], result: undefined };
    });
    return { seen, written: readFileSync(file, "utf8") };
  }

  it("plans again with the time under the lock when the clock moved to another second since the first plan", async () => {
    const r = await nowsSeen(clockOf([at, at + 1500]));
    expect(r.seen).toEqual([at, at + 1500]);
    expect(r.written).toBe(`${new Date(at + 1500).toISOString()}\n`);
  });

  it("keeps the first plan when the time under the lock is in the same second", async () => {
    const r = await nowsSeen(clockOf([at, at + 800]));
    expect(r.seen).toEqual([at]);
  });

  it("a fixed clock (TASKGATE_NOW) stays fixed", async () => {
    const r = await nowsSeen(() => at);
    expect(r.seen).toEqual([at]);
    expect(r.written).toBe(`${new Date(at).toISOString()}\n`);
  });
});
