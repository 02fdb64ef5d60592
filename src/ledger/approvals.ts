// APPROVALS.md as typed data: roles, approval requests, the rules block and the log.

import { type Actor, type Approval, type ApprovalStatus, isRole, type Role } from "../model/approval.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { decodeFields } from "./decode.js";
import { type LedgerText, lastLineOf, readLedgerText, type Section, sectionByName } from "./document.js";
import { ACTOR, APPROVAL_FIELDS } from "./fields.js";
import { type LogSection, locateLog } from "./log.js";

export interface ApprovalsLedger {
  readonly doc: LedgerText;
  readonly approvals: Approval[];
  readonly byId: Map<string, { approval: Approval; section: Section }>;
  readonly actors: Map<string, Actor>;
  readonly log: LogSection;
  /** The YAML inside the fenced block of "## Rules", if there is one. */
  readonly rules: { readonly text: string; readonly line: number } | undefined;
  readonly diagnostics: Diagnostic[];
}

const ROLE_LIST = /^([A-Z]+(?:\s*,\s*[A-Z]+)*)\s*(\(automation\))?$/;

export function readApprovals(file: string, text: string): ApprovalsLedger {
  const doc = readLedgerText("approvals", file, text);
  const diagnostics = [...doc.diagnostics];
  const approvals: Approval[] = [];
  const byId = new Map<string, { approval: Approval; section: Section }>();
  for (const section of doc.sections) {
    if (section.kind !== "entry" || !section.id) continue;
    const v = decodeFields(doc, section, APPROVAL_FIELDS, diagnostics, `approval ${section.id}`);
    if (!section.fields.some((f) => f.key === "status")) {
      diagnostics.push({
        severity: "error",
        file,
        line: section.headingLine + 2,
        column: 1,
        code: "missing-status",
        message: `Approval ${section.id} has no status; expected "- status: pending" (pending|approved|rejected|superseded)`,
      });
    }
    const approval: Approval = {
      id: section.id,
      title: section.title ?? "",
      status: (v.get("status") as ApprovalStatus | undefined) ?? "pending",
      subject: v.get("subject") as string | undefined,
      requestedBy: v.get("requested-by") as string | undefined,
      requestedAt: v.get("requested-at") as number | undefined,
      approver: v.get("approver") as string | undefined,
      decidedAt: v.get("decided-at") as number | undefined,
      fields: section.fields.map((f) => ({ key: f.key, value: f.value })),
      line: section.headingLine + 1,
    };
    approvals.push(approval);
    if (!byId.has(approval.id)) byId.set(approval.id, { approval, section });
  }

  const actors = new Map<string, Actor>();
  const roles = sectionByName(doc, "Roles");
  for (const f of roles?.fields ?? []) {
    const lineStart = f.start;
    const m = ROLE_LIST.exec(f.value);
    const names = m ? (m[1] as string).split(",").map((s) => s.trim()) : [];
    const wrong = names.find((r) => !isRole(r));
    if (!ACTOR.test(f.key)) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: 3,
        code: "bad-actor",
        message: `Expected an actor name without spaces, found "${f.key}"`,
      });
      continue;
    }
    if (!m || wrong !== undefined) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: f.valueStart - lineStart + 1,
        code: "bad-roles",
        message: `Expected roles like "CMD, AUDIT" (CMD|WORK|AUDIT, optionally "(automation)") for ${f.key}, found "${f.value}"`,
      });
      continue;
    }
    if (actors.has(f.key)) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: 3,
        code: "duplicate-actor",
        message: `Actor ${f.key} is listed twice in Roles`,
      });
      continue;
    }
    actors.set(f.key, { name: f.key, roles: names as Role[], automation: m[2] !== undefined, line: f.line + 1 });
  }
  const rules = rulesBlock(doc, diagnostics);
  return { doc, approvals, byId, actors, log: locateLog(doc), rules, diagnostics };
}

/** The fenced code block in "## Rules"; text outside it is an error (it would be ignored). */
function rulesBlock(doc: LedgerText, diagnostics: Diagnostic[]): { text: string; line: number } | undefined {
  const section = sectionByName(doc, "Rules");
  if (!section) return undefined;
  const { lineStarts, lineEnds } = doc.scan;
  const line = (ln: number) => doc.text.slice(lineStarts[ln], lineEnds[ln]);
  const last = lastLineOf(doc, section);
  let ln = section.headingLine + 1;
  while (ln <= last && line(ln).trim() === "") ln++;
  if (ln > last) return undefined;
  const open = /^(`{3,}|~{3,})\s*(yaml|yml)?\s*$/.exec(line(ln));
  if (!open) {
    diagnostics.push({
      severity: "error",
      file: doc.file,
      line: ln + 1,
      column: 1,
      code: "bad-rules",
      message: 'Expected the rules as a fenced YAML block (a line "```yaml", the rules, a line "```")',
    });
    return undefined;
  }
  const fence = open[1] as string;
  const body: string[] = [];
  for (let k = ln + 1; k <= last; k++) {
    const t = line(k).trim();
    if (t.startsWith(fence) && t.replace(/[`~]/g, "") === "") return { text: body.join("\n"), line: ln + 2 };
    body.push(line(k));
  }
  return undefined; // never closed: reported as an unclosed block by the reader
}
