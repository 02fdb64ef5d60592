// Tool arguments: each kind of argument is described once, and both its JSON Schema (what
// tools/list shows) and its check (one sentence when a value is wrong) come from that one
// description, so the schema and the validation cannot drift apart.

import { STATES } from "../model/task.js";
import { parseDuration } from "../model/time.js";

export type ArgKind = "id" | "text" | "line" | "duration" | "labels" | "lines" | "state" | "bool" | "cursor" | "limit";

export interface ArgSpec {
  readonly kind: ArgKind;
  readonly description: string;
  readonly required?: boolean;
}

export type Args = Readonly<Record<string, ArgSpec>>;

export type Values = Record<string, string | number | boolean | string[] | undefined>;

/** Names an agent might use to act as someone else: identity is fixed when the server starts. */
export const IDENTITY_KEYS = ["as", "actor", "user", "holder", "by", "on_behalf_of", "author"];

const MAX_LINE = 300;
const MAX_LIMIT = 50;

function schemaOf(spec: ArgSpec): Record<string, unknown> {
  const d = { description: spec.description };
  switch (spec.kind) {
    case "id":
      return { type: "string", pattern: "^[Tt]-?[0-9]+$", ...d };
    case "text":
    case "line":
      return { type: "string", maxLength: MAX_LINE, ...d };
    case "duration":
      return { type: "string", pattern: "^[0-9]+(ms|s|m|h|d)$", ...d };
    case "labels":
    case "lines":
      return { type: "array", items: { type: "string", maxLength: MAX_LINE }, maxItems: 20, ...d };
    case "state":
      return { type: "string", enum: [...STATES], ...d };
    case "bool":
      return { type: "boolean", ...d };
    case "cursor":
      return { type: "string", pattern: "^[0-9]+$", ...d };
    case "limit":
      return { type: "integer", minimum: 1, maximum: MAX_LIMIT, ...d };
  }
}

export function inputSchema(args: Args): Record<string, unknown> {
  const required = Object.keys(args).filter((k) => args[k]?.required);
  return {
    type: "object",
    properties: Object.fromEntries(Object.entries(args).map(([k, s]) => [k, schemaOf(s)])),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

export type Checked = { ok: true; values: Values } | { ok: false; message: string };

/** The arguments checked against the tool's specs; the first problem as one sentence. */
export function checkArgs(tool: string, args: Args, input: Record<string, unknown> | undefined): Checked {
  const given = input ?? {};
  const values: Values = {};
  for (const key of Object.keys(given)) {
    if (!(key in args)) {
      const known = Object.keys(args);
      return {
        ok: false,
        message: `${tool} takes no argument "${key}"; it takes ${known.length ? known.join(", ") : "no arguments"}`,
      };
    }
  }
  for (const [key, spec] of Object.entries(args)) {
    const v = given[key];
    if (v === undefined || v === null) {
      if (spec.required) return { ok: false, message: `${tool} needs "${key}": ${spec.description}` };
      continue;
    }
    const r = checkValue(key, spec, v);
    if (typeof r === "string") return { ok: false, message: `${tool}: ${r}` };
    values[key] = r.value;
  }
  return { ok: true, values };
}

function checkValue(key: string, spec: ArgSpec, v: unknown): string | { value: Values[string] } {
  const found = JSON.stringify(v)?.slice(0, 60);
  switch (spec.kind) {
    case "id": {
      const m = typeof v === "string" ? /^\s*[Tt]-?(\d+)\s*$/.exec(v) : null;
      if (!m) return `"${key}" must be a task ID like "T-12", found ${found}`;
      return { value: `T-${Number(m[1])}` };
    }
    case "text":
    case "line": {
      if (typeof v !== "string") return `"${key}" must be a string, found ${found}`;
      if (!v.trim()) return `"${key}" must not be empty`;
      if (v.length > MAX_LINE) return `"${key}" must be at most ${MAX_LINE} characters, found ${v.length}`;
      if (spec.kind === "line" && /[\r\n]/.test(v)) return `"${key}" must be one line`;
      return { value: v.trim() };
    }
    case "duration": {
      const d = typeof v === "string" ? parseDuration(v) : undefined;
      if (d === undefined || d <= 0) return `"${key}" must be a duration like "90s", "30m" or "2h", found ${found}`;
      return { value: d };
    }
    case "labels":
    case "lines": {
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || !x.trim() || /[\r\n]/.test(x)))
        return `"${key}" must be a list of one-line strings, found ${found}`;
      if (v.length > 20) return `"${key}" takes at most 20 items, found ${v.length}`;
      return { value: (v as string[]).map((x) => x.trim()) };
    }
    case "state": {
      const s = typeof v === "string" ? v.toUpperCase() : "";
      if (!(STATES as readonly string[]).includes(s))
        return `"${key}" must be one of ${STATES.join(", ")}, found ${found}`;
      return { value: s };
    }
    case "bool":
      if (typeof v !== "boolean") return `"${key}" must be true or false, found ${found}`;
      return { value: v };
    case "cursor":
      if (typeof v !== "string" || !/^\d+$/.test(v))
        return `"${key}" must be the cursor a previous answer gave, found ${found}`;
      return { value: Number(v) };
    case "limit":
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > MAX_LIMIT)
        return `"${key}" must be a whole number from 1 to ${MAX_LIMIT}, found ${found}`;
      return { value: v };
  }
}
