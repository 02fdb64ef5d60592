// sha256Hex hashes a process's first few short inputs in JavaScript and the rest with
// node:crypto: both must give node:crypto's answer for any text (UTF-8, lone surrogates
// included) and any bytes.

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SHORT_HASH_INPUT, sha256Hex, sha256HexJs } from "../../src/io/hash.js";

const native = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("sha256Hex", () => {
  it("gives node:crypto's hash of texts and bytes, short and long, in JavaScript or not", () => {
    const around = fc.integer({ min: SHORT_HASH_INPUT - 70, max: SHORT_HASH_INPUT + 70 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.string({ unit: "grapheme", maxLength: 100 }),
          around.chain((n) => fc.string({ unit: "binary", minLength: n, maxLength: n })),
        ),
        (s) => {
          expect(sha256HexJs(s)).toBe(native(s));
          expect(sha256Hex(s)).toBe(native(s));
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .integer({ min: SHORT_HASH_INPUT - 70, max: SHORT_HASH_INPUT + 70 })
            .chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        ),
        (b) => {
          expect(sha256HexJs(b)).toBe(native(b));
          expect(sha256Hex(b)).toBe(native(b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("matches the published test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
});
