// A page kept open in Debian's headless Chromium, driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: fd 3 in, fd 4 out, messages ended by NUL; no WebSocket or extra
// library): for tests that act on a live page (wait for a change,
// click, read back) and collect console errors, exceptions and blocked loads all along.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

export interface Browser {
  /** Console errors, uncaught exceptions, log entries of level error (failed or blocked loads), since the start. */
  readonly errors: string[];
  /** Loads Chrome refused (CSP, mixed content, ...) and failed requests. */
  readonly blocked: string[];
  open(url: string): Promise<void>;
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Evaluates `expression` until it is truthy, every 25 ms for at most `ms`; its last value. */
  waitFor<T = unknown>(expression: string, ms: number): Promise<T>;
  screenshot(path: string): Promise<void>;
  /** A phone's viewport (Chromium's window cannot be narrower than 500 px) and a colour scheme. */
  emulate(width: number, height: number, scheme: "light" | "dark"): Promise<void>;
  close(): Promise<void>;
}

export async function launch(chromium: string, size = { width: 1280, height: 1600 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "taskgate-chromium-"));
  const child: ChildProcess = spawn(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--no-default-browser-check",
      "--hide-scrollbars",
      `--user-data-dir=${profile}`,
      "--remote-debugging-pipe",
      `--window-size=${size.width},${size.height}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((m: { method: string; params: Record<string, unknown>; sessionId?: string }) => void)[] = [];
  let buffer = "";
  output.on("data", (d: Buffer) => {
    buffer += d.toString("utf8");
    for (let end = buffer.indexOf("\0"); end >= 0; end = buffer.indexOf("\0")) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${msg.error.message} (${JSON.stringify(msg.error.data ?? "")})`));
        else p?.resolve(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const send = <T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const { targetId } = await send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
  const errors: string[] = [];
  const blocked: string[] = [];
  let loaded: () => void = () => undefined;
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    // biome-ignore lint/suspicious/noExplicitAny: DevTools protocol events, read defensively with ?.
    const p = m.params as Record<string, any>;
    if (m.method === "Runtime.exceptionThrown")
      errors.push(`exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`);
    if (m.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert"))
      errors.push(
        `console.${p.type}: ${(p.args ?? []).map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(" ")}`,
      );
    if (m.method === "Log.entryAdded" && p.entry?.level === "error")
      errors.push(`log: ${p.entry.text} ${p.entry.url ?? ""}`.trim());
    if (m.method === "Network.loadingFailed" && !p.canceled)
      blocked.push(`${p.blockedReason ?? p.errorText ?? "failed"} ${p.type ?? ""}`.trim());
    if (m.method === "Page.loadEventFired") loaded();
  });
  await send("Runtime.enable", {}, sessionId);
  await send("Log.enable", {}, sessionId);
  await send("Page.enable", {}, sessionId);
  await send("Network.enable", {}, sessionId);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await send<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>(
      "Runtime.evaluate",
      { expression, returnByValue: true, awaitPromise: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(`evaluate ${expression}: ${r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  return {
    errors,
    blocked,
    async open(url) {
      const load = new Promise<void>((r) => {
        loaded = r;
      });
      await send("Page.navigate", { url }, sessionId);
      await Promise.race([
        load,
        new Promise((_, reject) => setTimeout(() => reject(new Error("page did not load in 30 s")), 30_000)),
      ]);
    },
    evaluate,
    async waitFor<T>(expression: string, ms: number): Promise<T> {
      const end = Date.now() + ms;
      let v = await evaluate<T>(expression);
      while (!v && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 25));
        v = await evaluate<T>(expression);
      }
      return v;
    },
    async emulate(width, height, scheme) {
      await send(
        "Emulation.setDeviceMetricsOverride",
        { width, height, deviceScaleFactor: 2, mobile: true },
        sessionId,
      );
      await send(
        "Emulation.setEmulatedMedia",
        { features: [{ name: "prefers-color-scheme", value: scheme }] },
        sessionId,
      );
    },
    async screenshot(path) {
      const shot = await send<{ data: string }>(
        "Page.captureScreenshot",
        { format: "png", captureBeyondViewport: true },
        sessionId,
      );
      writeFileSync(path, Buffer.from(shot.data, "base64"));
    },
    async close() {
      try {
        await Promise.race([send("Browser.close"), new Promise((r) => setTimeout(r, 2000))]);
      } catch {
        // Closing anyway.
      }
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      // Chromium's helpers may still be writing; the run's TMPDIR is removed at the end anyway.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Left for the global teardown.
      }
    },
  };
}
