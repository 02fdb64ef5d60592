// SHA-256 for the log's hash chain (the rules and ledger code take it as a parameter).
//
// A command that writes hashes one log line of about 150 bytes, and loading node:crypto for
// that (about fifteen of Node's internal modules) cost more than the rest of the hashing by
// far. So short inputs are hashed here, in FIPS 180-4's words; long ones (a whole ledger, for
// the status memo) by node:crypto, which the bundle loads only then. test/unit/hash.test.ts
// checks both against node:crypto on every length around the block sizes and random text.

import { createHash } from "node:crypto";

/** Inputs up to this many bytes are hashed here; longer ones by node:crypto. */
const SMALL = 1024;

export const sha256Hex = (data: string | Uint8Array): string => {
  const bytes = typeof data === "string" ? (data.length <= SMALL ? Buffer.from(data, "utf8") : undefined) : data;
  return bytes && bytes.length <= SMALL
    ? sha256Small(bytes)
    : createHash("sha256")
        .update(bytes ?? data)
        .digest("hex");
};

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** SHA-256 of a short message, as lowercase hex. */
function sha256Small(message: Uint8Array): string {
  const n = message.length;
  // The message, a 1 bit, zeros, and its length in bits (64-bit big-endian; here below 2^32),
  // in 64-byte blocks.
  const blocks = ((n + 8) >> 6) + 1;
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[n] = 0x80;
  const bits = n * 8;
  const last = blocks * 64;
  padded[last - 4] = bits >>> 24;
  padded[last - 3] = bits >>> 16;
  padded[last - 2] = bits >>> 8;
  padded[last - 1] = bits;
  const h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Int32Array(64);
  for (let b = 0; b < last; b += 64) {
    for (let t = 0; t < 16; t++) {
      const i = b + t * 4;
      w[t] =
        ((padded[i] as number) << 24) |
        ((padded[i + 1] as number) << 16) |
        ((padded[i + 2] as number) << 8) |
        (padded[i + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] as number;
      const y = w[t - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
    }
    let a = h[0] as number;
    let bb = h[1] as number;
    let c = h[2] as number;
    let d = h[3] as number;
    let e = h[4] as number;
    let f = h[5] as number;
    let g = h[6] as number;
    let hh = h[7] as number;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + (K[t] as number) + (w[t] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] = ((h[0] as number) + a) | 0;
    h[1] = ((h[1] as number) + bb) | 0;
    h[2] = ((h[2] as number) + c) | 0;
    h[3] = ((h[3] as number) + d) | 0;
    h[4] = ((h[4] as number) + e) | 0;
    h[5] = ((h[5] as number) + f) | 0;
    h[6] = ((h[6] as number) + g) | 0;
    h[7] = ((h[7] as number) + hh) | 0;
  }
  let hex = "";
  for (let i = 0; i < 8; i++) hex += ((h[i] as number) >>> 0).toString(16).padStart(8, "0");
  return hex;
}
