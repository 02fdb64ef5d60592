// sha256Hex hashes short inputs itself (src/io/hash.ts) and long ones with node:crypto: both
// must be SHA-256, on every length around the 64-byte blocks and the cut-over, and on random
// text (UTF-8 of any code point) and bytes.

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";

const reference = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("sha256Hex", () => {
  it("is SHA-256 on every length from 0 to 1,100 bytes", () => {
    const bytes = Uint8Array.from({ length: 1100 }, (_, i) => (i * 167 + 13) & 0xff);
    for (let n = 0; n <= 1100; n++) {
      const chunk = bytes.subarray(0, n);
      expect(sha256Hex(chunk), `${n} bytes`).toBe(reference(chunk));
      const text = "a".repeat(n);
      expect(sha256Hex(text), `${n} characters`).toBe(reference(text));
    }
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is SHA-256 on random text and bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 700 }), (s) => {
        expect(sha256Hex(s)).toBe(reference(s));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        expect(sha256Hex(b)).toBe(reference(b));
      }),
      { numRuns: 300 },
    );
  });
});
