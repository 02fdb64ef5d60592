// SHA-256: for the log's hash chain and the lock's and memos' names. node:crypto takes 2-3 ms
// to load, which every write paid for the hash of one log line. The first few short inputs
// of a process (a write's log lines, a path or two) are hashed by @noble/hashes, which is in
// the bundle; anything longer, and everything after those few (check hashes every line of
// a log, where node:crypto is two to five times faster per line), by node:crypto.

import * as crypto from "node:crypto";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";

/** Up to this length (characters or bytes), an input may be hashed in JavaScript. */
export const SHORT_HASH_INPUT = 4096;

/** How many inputs a process hashes in JavaScript before it loads node:crypto. */
const JS_HASHES = 32;

let jsHashesLeft = JS_HASHES;

export const sha256Hex = (data: string | Uint8Array): string => {
  if (data.length <= SHORT_HASH_INPUT && jsHashesLeft > 0) {
    jsHashesLeft--;
    return sha256HexJs(data);
  }
  // crypto.hash (Node 20.12 and later) is one call instead of three objects: a write checks
  // the chain of every log line before it appends one, and this is most of that time.
  return typeof crypto.hash === "function"
    ? crypto.hash("sha256", data, "hex")
    : crypto.createHash("sha256").update(data).digest("hex");
};

/** SHA-256 in JavaScript (@noble/hashes): the same answer as node:crypto's. */
export const sha256HexJs = (data: string | Uint8Array): string => bytesToHex(sha256(data));
