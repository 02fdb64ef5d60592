// SHA-256 for the log's hash chain (the rules and ledger code take it as a parameter).

import { createHash } from "node:crypto";

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");
