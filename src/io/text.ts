// Bytes -> text without loss: a ledger that is not valid UTF-8 is refused, never "repaired".

import { readFileSync } from "node:fs";
import { InvalidLedgerError } from "../app/errors.js";
import { machineFault } from "./faults.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeUtf8(path: string, buf: Buffer): string {
  try {
    return decoder.decode(buf);
  } catch {
    const { line, column } = firstInvalidByte(buf);
    throw new InvalidLedgerError(
      `${path}:${line}:${column}: error: Expected UTF-8 text, found a byte that is not UTF-8`,
      [
        {
          severity: "error",
          file: path,
          line,
          column,
          code: "not-utf8",
          message: "Expected UTF-8 text, found a byte that is not UTF-8",
        },
      ],
    );
  }
}

function firstInvalidByte(buf: Buffer): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) break;
    let ok = i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = ((buf[i + k] as number) & 0xc0) === 0x80;
    if (!ok) break;
    i += need + 1;
  }
  return { line, column: i - lineStart + 1 };
}

/**
 * A file's bytes; undefined when it does not exist. A folder where the file should be is one
 * sentence naming it (exit 74, as `.git/taskgate` being a file is), not a bug; other errors
 * are thrown.
 */
export function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if ((e as NodeJS.ErrnoException).code === "EISDIR") throw machineFault(e as NodeJS.ErrnoException, path);
    throw e;
  }
}

/** Reads a ledger as text; undefined when the file does not exist. */
export function readLedgerFile(path: string): string | undefined {
  const buf = readBytes(path);
  return buf === undefined ? undefined : decodeUtf8(path, buf);
}

/** A ledger's bytes, with their text decoded only when asked for. */
export function readLedgerSnapshot(path: string): { readonly text: string; readonly bytes: Uint8Array } | undefined {
  const buf = readBytes(path);
  if (buf === undefined) return undefined;
  let text: string | undefined;
  return {
    bytes: buf,
    // On demand: a status the memo answers never decodes the ledger.
    get text() {
      text ??= decodeUtf8(path, buf);
      return text;
    },
  };
}
