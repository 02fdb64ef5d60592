// Finds Debian's Chromium, and opens a page in it once (browser.ts drives it over the
// DevTools protocol): the console errors, uncaught exceptions and failed loads seen, values
// evaluated in the page, and a screenshot.

import { execFileSync } from "node:child_process";
import { launch } from "./browser.js";

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

/** Opens `url` once: the console errors seen, the values of `evaluate`, and a screenshot if asked. */
export async function openPage(
  chromium: string,
  url: string,
  options: { evaluate: string[]; screenshot?: string; width?: number; height?: number },
): Promise<PageResult> {
  const browser = await launch(chromium, { width: options.width ?? 1280, height: options.height ?? 1600 });
  try {
    await browser.open(url);
    await new Promise((r) => setTimeout(r, 200)); // late console messages
    const values: unknown[] = [];
    for (const expression of options.evaluate) values.push(await browser.evaluate(expression));
    if (options.screenshot) await browser.screenshot(options.screenshot);
    return { errors: [...browser.errors], values };
  } finally {
    await browser.close();
  }
}
