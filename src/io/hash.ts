// SHA-256 for the log's hash chain (the rules and ledger code take it as a parameter).

import { createHash } from "node:crypto";

export const sha256Hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
