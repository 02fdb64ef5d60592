// Reads for a long-lived process (taskgate mcp): every read still reads the file's bytes, but
// when they are the bytes read last time for that path, the text decoded then is given back
// (the same string), so an unchanged ledger is compared, not decoded again. Any change of
// any byte is a new read.

import type { Ports } from "../app/context.js";
import { decodeUtf8, readBytes } from "./text.js";

export function withRereads(ports: Ports): Ports {
  // A shared board is read from its branch (docs/share.md), not from these files.
  if (ports.board) return ports;
  const last = new Map<string, { bytes: Buffer; text: string }>();
  const readText = (path: string): string | undefined => {
    const bytes = readBytes(path);
    if (bytes === undefined) {
      last.delete(path);
      return undefined;
    }
    const kept = last.get(path);
    if (kept?.bytes.equals(bytes)) return kept.text;
    // Decoded and checked as every read is; kept only once that succeeded.
    const text = decodeUtf8(path, bytes);
    last.set(path, { bytes, text });
    return text;
  };
  return { ...ports, readText };
}
