// The bundles are ASCII (scripts/build.mjs escapes what esbuild leaves in comments): one
// non-ASCII character makes Node read a whole bundle as a two-byte string at every start,
// twice the memory and slower to scan (issue #21: 2-3 ms of CPU of each start at 1,000 tasks).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(__dirname, "..", "..", "dist");

describe("the bundles", () => {
  const bundles = readdirSync(dist).filter((f) => f.endsWith(".cjs"));
  it("include the main bundle and the vendors", () => {
    expect(bundles).toContain("taskgate.cjs");
    expect(bundles.length).toBeGreaterThan(1);
  });
  it.each(bundles)("%s is ASCII only", (f) => {
    const bytes = readFileSync(join(dist, f));
    const at = bytes.findIndex((b) => b > 0x7f);
    expect(at === -1 ? "ASCII" : `byte ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString()}`).toBe(
      "ASCII",
    );
  });
});
