// Diagnostics: every problem found in a ledger, with its place, so one run reports all of them.

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  /** Path as the user should see it (relative to the working directory where possible). */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  /** A stable identifier for the kind of problem, e.g. "unknown-state". */
  readonly code: string;
  readonly message: string;
  /** Another place that explains this one ("first defined here"). */
  readonly related?: { readonly line: number; readonly column: number; readonly message: string };
}

export function formatDiagnostic(d: Diagnostic): string {
  const rel = d.related ? ` (${d.related.message} at ${d.file}:${d.related.line}:${d.related.column})` : "";
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${rel}`;
}

/** A diagnostic as every JSON answer gives it (check --json, taskgate.error, MCP and serve refusals). */
export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return {
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    code: d.code,
    message: d.message,
    ...(d.related ? { related: d.related } : {}),
  };
}

export type DiagnosticJson = Pick<Diagnostic, "severity" | "file" | "line" | "column" | "code" | "message" | "related">;

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}
