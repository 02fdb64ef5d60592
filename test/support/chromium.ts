// Opens a page in Debian's headless Chromium and drives it over the DevTools protocol on a
// pipe (--remote-debugging-pipe: fd 3 in, fd 4 out, messages ended by NUL), so no WebSocket
// or extra library is needed: it collects console errors, uncaught exceptions and blocked
// loads, evaluates expressions in the page, and takes a screenshot.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

export function findChromium(): string | undefined {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

export interface PageResult {
  /** Console errors, uncaught exceptions and log entries of level error (failed or blocked loads). */
  readonly errors: string[];
  readonly values: unknown[];
}

export async function openPage(
  chromium: string,
  url: string,
  options: { evaluate: string[]; screenshot?: string; width?: number; height?: number },
): Promise<PageResult> {
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
      `--window-size=${options.width ?? 1280},${options.height ?? 1600}`,
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
  try {
    const { targetId } = await send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
    const errors: string[] = [];
    let loaded: () => void = () => undefined;
    const load = new Promise<void>((r) => {
      loaded = r;
    });
    listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      // biome-ignore lint/suspicious/noExplicitAny: DevTools protocol events, read defensively with ?.
      const p = m.params as Record<string, any>;
      if (m.method === "Runtime.exceptionThrown")
        errors.push(`exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`);
      if (m.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert")) {
        errors.push(
          `console.${p.type}: ${(p.args ?? []).map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(" ")}`,
        );
      }
      if (m.method === "Log.entryAdded" && p.entry?.level === "error")
        errors.push(`log: ${p.entry.text} ${p.entry.url ?? ""}`.trim());
      if (m.method === "Page.loadEventFired") loaded();
    });
    await send("Runtime.enable", {}, sessionId);
    await send("Log.enable", {}, sessionId);
    await send("Page.enable", {}, sessionId);
    await send("Page.navigate", { url }, sessionId);
    await Promise.race([
      load,
      new Promise((_, reject) => setTimeout(() => reject(new Error("page did not load in 30 s")), 30_000)),
    ]);
    await new Promise((r) => setTimeout(r, 200)); // late console messages
    const values: unknown[] = [];
    for (const expression of options.evaluate) {
      const r = await send<{ result: { value?: unknown } }>(
        "Runtime.evaluate",
        { expression, returnByValue: true },
        sessionId,
      );
      values.push(r.result.value);
    }
    if (options.screenshot) {
      const shot = await send<{ data: string }>(
        "Page.captureScreenshot",
        { format: "png", captureBeyondViewport: true },
        sessionId,
      );
      writeFileSync(options.screenshot, Buffer.from(shot.data, "base64"));
    }
    return { errors, values };
  } finally {
    try {
      await Promise.race([send("Browser.close"), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // Closing anyway.
    }
    child.kill("SIGKILL");
  }
}
