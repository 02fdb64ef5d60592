// The reader as it was before the low-allocation rewrite (src/ledger/decode.ts at ec4b256), kept
// only as the reference the differential tests compare the new reader with.

// Reads a section's field lines through the field codecs, with a positioned diagnostic for
// every value that does not fit and every key that is not known.

import type { Decoded } from "../../../src/ledger/fields.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import type { FieldLine, LedgerText, Section } from "./document.js";

const KEY = /^[a-z][a-z0-9-]*$/;

/** "Expected <what the codec takes> for "key", found "value"", at the value's column. */
export function reportBadValue(doc: LedgerText, f: FieldLine, expected: string, diagnostics: Diagnostic[]): void {
  diagnostics.push({
    severity: "error",
    file: doc.file,
    line: f.line + 1,
    column: f.valueStart - f.start + 1,
    code: `bad-${f.key}`,
    message: `Expected ${expected} for "${f.key}", found "${f.value}"`,
  });
}

/** Reports the keys that no codec knows (a warning, or an error for a malformed key). */
export function decodeUnknown(
  doc: LedgerText,
  section: Section,
  codecs: Record<string, (v: string) => Decoded<unknown>>,
  diagnostics: Diagnostic[],
  what: string,
): void {
  for (const f of section.fields) if (!codecs[f.key]) reportUnknown(doc, f, codecs, diagnostics, what);
}

function reportUnknown(
  doc: LedgerText,
  f: FieldLine,
  codecs: Record<string, (v: string) => Decoded<unknown>>,
  diagnostics: Diagnostic[],
  what: string,
): void {
  const keyCol = f.valueStart - f.start - f.key.length; // approximate: key sits before ": "
  const known = KEY.test(f.key);
  diagnostics.push({
    severity: known ? "warning" : "error",
    file: doc.file,
    line: f.line + 1,
    column: Math.max(3, keyCol - 1),
    code: known ? "unknown-field" : "bad-key",
    message: known
      ? `Unknown field "${f.key}" in ${what}; it is kept as it is (known: ${Object.keys(codecs).join(", ")})`
      : `Expected a lowercase field name like "state", found "${f.key}"`,
  });
}

export function decodeFields(
  doc: LedgerText,
  section: Section,
  codecs: Record<string, (v: string) => Decoded<unknown>>,
  diagnostics: Diagnostic[],
  what: string,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of section.fields) {
    const codec = codecs[f.key];
    if (!codec) {
      reportUnknown(doc, f, codecs, diagnostics, what);
      continue;
    }
    if (f.value === "") continue; // "- key:" with nothing after it means the field is not set
    const d = codec(f.value);
    if (d.ok) out.set(f.key, d.value);
    else reportBadValue(doc, f, d.expected, diagnostics);
  }
  return out;
}
