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

const ROLE_LIST = /^([A-Z]+(?:\s*,\s*[A-Z]+)*)\s*(?:\(([^()]*)\))?$/;
/** An actor line's key: the name, then its git identities: "<email>" and "\"Git Name\"". */
const ACTOR_KEY = /^(\S+)((?:\s+(?:<[^<>\s]+>|"[^"]+"))*)\s*$/;
const KEY_TAG = /^key\s+((?:ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+)\s+[A-Za-z0-9+/]+={0,2})$/;
const FOR_TAG = /^for\s+(\S+)$/;

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

  const actors = readRoles(doc, diagnostics);
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

/**
 * "## Roles": one line per actor, "- NAME <email> \"Git Name\": ROLES (tags)", where the git
 * identities after the name and the tags (automation, for PERSON, key TYPE BASE64) are
 * optional; "- bob: CMD, AUDIT (automation)" reads as it always did. A git identity listed
 * for two actors (or naming another actor) is a warning: it would match whichever is first.
 */
function readRoles(doc: LedgerText, diagnostics: Diagnostic[]): Map<string, Actor> {
  const file = doc.file;
  const actors = new Map<string, Actor>();
  const roles = sectionByName(doc, "Roles");
  for (const f of roles?.fields ?? []) {
    const lineStart = f.start;
    const k = ACTOR_KEY.exec(f.key);
    const name = k ? (k[1] as string) : f.key;
    if (!k || !ACTOR.test(name)) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: 3,
        code: "bad-actor",
        message: `Expected an actor name without spaces, optionally followed by its git identities like <carol@example.com> or "Carol Smith", found "${f.key}"`,
      });
      continue;
    }
    const m = ROLE_LIST.exec(f.value);
    const names = m ? (m[1] as string).split(",").map((s) => s.trim()) : [];
    const wrong = names.find((r) => !isRole(r));
    const tags = m?.[2] !== undefined ? m[2].split(",").map((t) => t.trim()) : [];
    const badTag = tags.find((t) => t !== "automation" && !FOR_TAG.test(t) && !KEY_TAG.test(t));
    if (!m || wrong !== undefined || badTag !== undefined) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: f.valueStart - lineStart + 1,
        code: "bad-roles",
        message: `Expected roles like "CMD, AUDIT" (CMD|WORK|AUDIT, optionally "(automation)", "(for NAME)", "(key ssh-ed25519 AAAA...)", comma-separated in one pair of parentheses) for ${name}, found "${f.value}"`,
      });
      continue;
    }
    if (actors.has(name)) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: 3,
        code: "duplicate-actor",
        message: `Actor ${name} is listed twice in Roles`,
      });
      continue;
    }
    const idents = [...(k[2] as string).matchAll(/<([^<>\s]+)>|"([^"]+)"/g)];
    const principal = tags.map((t) => FOR_TAG.exec(t)?.[1]).find((x) => x !== undefined);
    actors.set(name, {
      name,
      roles: names as Role[],
      automation: tags.includes("automation"),
      line: f.line + 1,
      emails: idents.flatMap((i) => (i[1] ? [i[1].toLowerCase()] : [])),
      gitNames: idents.flatMap((i) => (i[2] ? [i[2]] : [])),
      for: principal,
      key: f.key,
      tags: m[2]?.trim() || undefined,
      keys: tags.flatMap((t) => {
        const key = KEY_TAG.exec(t)?.[1];
        return key ? [key.replace(/\s+/g, " ")] : [];
      }),
    });
  }
  for (const a of actors.values()) {
    if (a.for !== undefined && (a.for === a.name || !actors.has(a.for))) {
      diagnostics.push({
        severity: "error",
        file,
        line: a.line,
        column: 3,
        code: "bad-delegation",
        message: `${a.name} works "for ${a.for}", but ${a.for === a.name ? "an actor cannot work for itself" : `${a.for} is not listed under "## Roles"`}`,
      });
    }
  }
  // One git identity, one actor: an identity claimed twice is matched to the first only.
  const owners = new Map<string, Actor>();
  for (const a of actors.values()) {
    for (const id of [
      a.name.includes("@") ? a.name.toLowerCase() : a.name,
      ...(a.emails ?? []),
      ...(a.gitNames ?? []).map((n) => `"${n}"`),
    ]) {
      const first = owners.get(id);
      if (first && first !== a) {
        diagnostics.push({
          severity: "warning",
          file,
          line: a.line,
          column: 3,
          code: "shared-identity",
          message: `The git identity ${id.startsWith('"') ? id : `<${id}>`} maps to both ${first.name} and ${a.name}; commits by it count as ${first.name}'s`,
        });
      } else owners.set(id, a);
    }
  }
  return actors;
}
