// SHA-256: for the log's hash chain and the lock's and memos' names (short texts), and for the
// memos' keys (whole ledgers). node:crypto takes 2.5-3 ms to load, which every write paid for
// the hash of one log line. Short texts are hashed by @noble/hashes, which is in the bundle;
// long ones by node:crypto, which is faster on megabytes.

import { createHash } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";

/** Up to this length (characters or bytes), the hash is computed in JavaScript. */
export const SHORT_HASH_INPUT = 4096;

export const sha256Hex = (data: string | Uint8Array): string =>
  data.length <= SHORT_HASH_INPUT ? bytesToHex(sha256(data)) : createHash("sha256").update(data).digest("hex");
