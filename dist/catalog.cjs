"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/catalog.ts
var catalog_exports = {};
__export(catalog_exports, {
  CATALOG: () => CATALOG
});
module.exports = __toCommonJS(catalog_exports);
var CATALOG = [
  // \u2500\u2500 commander's own words \u2500\u2500
  { id: "help.title.usage", en: "Usage:", ja: "\u4F7F\u3044\u65B9:" },
  { id: "help.title.options", en: "Options:", ja: "\u30AA\u30D7\u30B7\u30E7\u30F3:" },
  { id: "help.title.commands", en: "Commands:", ja: "\u30B3\u30DE\u30F3\u30C9:" },
  { id: "help.title.arguments", en: "Arguments:", ja: "\u5F15\u6570:" },
  { id: "help.title.global-options", en: "Global Options:", ja: "\u5171\u901A\u30AA\u30D7\u30B7\u30E7\u30F3:" },
  { id: "help.builtin.help", en: "display help for command", ja: "\u30B3\u30DE\u30F3\u30C9\u306E\u30D8\u30EB\u30D7\u3092\u8868\u793A" },
  { id: "help.builtin.version", en: "output the version number", ja: "\u30D0\u30FC\u30B8\u30E7\u30F3\u756A\u53F7\u3092\u8868\u793A" },
  { id: "part.default", en: "{desc+} (default: {value})", ja: "{desc+}\uFF08\u65E2\u5B9A: {value}\uFF09" },
  { id: "cli.error.unknown-command", en: "error: unknown command '{name}'", ja: "\u30A8\u30E9\u30FC: \u4E0D\u660E\u306A\u30B3\u30DE\u30F3\u30C9 '{name}'" },
  { id: "cli.error.unknown-option", en: "error: unknown option '{name}'", ja: "\u30A8\u30E9\u30FC: \u4E0D\u660E\u306A\u30AA\u30D7\u30B7\u30E7\u30F3 '{name}'" },
  {
    id: "cli.error.missing-argument",
    en: "error: missing required argument '{name}'",
    ja: "\u30A8\u30E9\u30FC: \u5FC5\u9808\u306E\u5F15\u6570 '{name}' \u304C\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "cli.error.missing-option",
    en: "error: required option '{name}' not specified",
    ja: "\u30A8\u30E9\u30FC: \u5FC5\u9808\u306E\u30AA\u30D7\u30B7\u30E7\u30F3 '{name}' \u304C\u6307\u5B9A\u3055\u308C\u3066\u3044\u307E\u305B\u3093"
  },
  {
    id: "cli.error.option-argument",
    en: "error: option '{name}' argument missing",
    ja: "\u30A8\u30E9\u30FC: \u30AA\u30D7\u30B7\u30E7\u30F3 '{name}' \u306E\u5024\u304C\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "cli.error.too-many",
    en: "error: too many arguments for '{name}'. Expected {n} arguments but got {m}.",
    ja: "\u30A8\u30E9\u30FC: '{name}' \u306E\u5F15\u6570\u304C\u591A\u3059\u304E\u307E\u3059\uFF08{n} \u500B\u306E\u3068\u3053\u308D {m} \u500B\uFF09\u3002"
  },
  { id: "cli.hint.help", en: "(run taskgate --help for the commands)", ja: "\uFF08\u30B3\u30DE\u30F3\u30C9\u306E\u4E00\u89A7\u306F taskgate --help\uFF09" },
  { id: "cli.error.prefix", en: "taskgate: {msg+}", ja: "taskgate: {msg+}" },
  {
    id: "cli.error.internal",
    en: "taskgate: internal error (please report it): {detail}",
    ja: "taskgate: \u5185\u90E8\u30A8\u30E9\u30FC\uFF08\u4E0D\u5177\u5408\u3067\u3059\u3002\u5831\u544A\u3057\u3066\u304F\u3060\u3055\u3044\uFF09: {detail}"
  },
  // \u2500\u2500 the program and its global options \u2500\u2500
  {
    id: "help.program",
    en: "A task board (TASKS.md) and approval gate (APPROVALS.md) for teams of people and AI agents.",
    ja: "\u4EBA\u3068 AI \u30A8\u30FC\u30B8\u30A7\u30F3\u30C8\u306E\u30C1\u30FC\u30E0\u306E\u305F\u3081\u306E\u30BF\u30B9\u30AF\u30DC\u30FC\u30C9\uFF08TASKS.md\uFF09\u3068\u627F\u8A8D\u30B2\u30FC\u30C8\uFF08APPROVALS.md\uFF09\u3002"
  },
  {
    id: "help.option.dir",
    en: "folder holding TASKS.md and APPROVALS.md (default: this folder or the nearest parent that has them)",
    ja: "TASKS.md \u3068 APPROVALS.md \u306E\u3042\u308B\u30D5\u30A9\u30EB\u30C0\u30FC\uFF08\u65E2\u5B9A: \u3053\u306E\u30D5\u30A9\u30EB\u30C0\u30FC\u3001\u307E\u305F\u306F\u305D\u308C\u3089\u3092\u6301\u3064\u6700\u3082\u8FD1\u3044\u89AA\uFF09"
  },
  { id: "help.option.tasks", en: "path of TASKS.md", ja: "TASKS.md \u306E\u30D1\u30B9" },
  { id: "help.option.approvals", en: "path of APPROVALS.md", ja: "APPROVALS.md \u306E\u30D1\u30B9" },
  {
    id: "help.option.as",
    en: "act as this actor (default: TASKGATE_ACTOR, then git user.email)",
    ja: "\u3053\u306E\u30A2\u30AF\u30BF\u30FC\u3068\u3057\u3066\u64CD\u4F5C\u3059\u308B\uFF08\u65E2\u5B9A: TASKGATE_ACTOR\u3001\u6B21\u306B git \u306E user.email\uFF09"
  },
  { id: "help.option.no-color", en: "no colour in the output", ja: "\u51FA\u529B\u3092\u8272\u4ED8\u3051\u3057\u306A\u3044" },
  {
    id: "help.option.utc",
    en: "show times in UTC rather than the local zone (TZ)",
    ja: "\u6642\u523B\u3092\u30ED\u30FC\u30AB\u30EB\u306E\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\uFF08TZ\uFF09\u3067\u306F\u306A\u304F UTC \u3067\u8868\u793A\u3059\u308B"
  },
  { id: "help.option.json", en: "print one JSON document", ja: "JSON \u30C9\u30AD\u30E5\u30E1\u30F3\u30C8\u3092 1 \u3064\u51FA\u529B\u3059\u308B" },
  {
    id: "help.option.json-lines",
    en: "one JSON object per event and line",
    ja: "\u30A4\u30D9\u30F3\u30C8\u3054\u3068\u306B 1 \u884C\u306E JSON \u30AA\u30D6\u30B8\u30A7\u30AF\u30C8"
  },
  { id: "help.argument.task-id", en: "task ID, like T-12", ja: "\u30BF\u30B9\u30AF ID\uFF08\u4F8B: T-12\uFF09" },
  { id: "help.argument.approval-id", en: "approval ID, like A-3", ja: "\u627F\u8A8D ID\uFF08\u4F8B: A-3\uFF09" },
  { id: "help.option.reason", en: "why", ja: "\u7406\u7531" },
  { id: "help.argument.actor", en: "the actor", ja: "\u30A2\u30AF\u30BF\u30FC" },
  // \u2500\u2500 the exit codes and environment after the help \u2500\u2500
  { id: "help.exit.title", en: "Exit codes:", ja: "\u7D42\u4E86\u30B3\u30FC\u30C9:" },
  { id: "help.exit.0", en: "0   ok", ja: "0   \u6210\u529F" },
  {
    id: "help.exit.1",
    en: "1   refused: a rule said no (role, state, unknown task, bad value); nothing was written;",
    ja: "1   \u62D2\u5426: \u30EB\u30FC\u30EB\u304C\u8A31\u3055\u306A\u304B\u3063\u305F\uFF08\u30ED\u30FC\u30EB\u3001\u72B6\u614B\u3001\u4E0D\u660E\u306A\u30BF\u30B9\u30AF\u3001\u4E0D\u6B63\u306A\u5024\uFF09\u3002\u4F55\u3082\u66F8\u304D\u8FBC\u3093\u3067\u3044\u306A\u3044\u3002"
  },
  {
    id: "help.exit.1b",
    en: "also check --sla when the only errors are approvals past their SLA",
    ja: "check --sla \u3067\u30A8\u30E9\u30FC\u304C SLA \u8D85\u904E\u306E\u627F\u8A8D\u3060\u3051\u306E\u3068\u304D\u3082 1"
  },
  {
    id: "help.exit.2",
    en: "2   usage: unknown command or option, missing argument",
    ja: "2   \u4F7F\u3044\u65B9\u306E\u8AA4\u308A: \u4E0D\u660E\u306A\u30B3\u30DE\u30F3\u30C9\u3084\u30AA\u30D7\u30B7\u30E7\u30F3\u3001\u5F15\u6570\u306E\u4E0D\u8DB3"
  },
  {
    id: "help.exit.3",
    en: "3   invalid ledger: check found errors, or a write was refused because a ledger has errors",
    ja: "3   \u53F0\u5E33\u304C\u4E0D\u6B63: check \u304C\u30A8\u30E9\u30FC\u3092\u898B\u3064\u3051\u305F\u3001\u307E\u305F\u306F\u53F0\u5E33\u306B\u30A8\u30E9\u30FC\u304C\u3042\u308B\u305F\u3081\u66F8\u304D\u8FBC\u307F\u3092\u62D2\u5426\u3057\u305F"
  },
  {
    id: "help.exit.4",
    en: "4   busy: the ledger is locked or was changed by another process; run the command again",
    ja: "4   \u4F7F\u7528\u4E2D: \u53F0\u5E33\u304C\u30ED\u30C3\u30AF\u3055\u308C\u3066\u3044\u308B\u304B\u3001\u5225\u306E\u30D7\u30ED\u30BB\u30B9\u304C\u5909\u66F4\u3057\u305F\u3002\u3082\u3046\u4E00\u5EA6\u5B9F\u884C\u3059\u308B"
  },
  {
    id: "help.exit.5",
    en: "5   nothing to do: `next` found no task for you (not an error)",
    ja: "5   \u3084\u308B\u3053\u3068\u306A\u3057: `next` \u304C\u3042\u306A\u305F\u5411\u3051\u306E\u30BF\u30B9\u30AF\u3092\u898B\u3064\u3051\u306A\u304B\u3063\u305F\uFF08\u30A8\u30E9\u30FC\u3067\u306F\u306A\u3044\uFF09"
  },
  {
    id: "help.exit.6",
    en: "6   watch --once found a problem: a dead letter, a failed scheduled check, a stale approval or lock",
    ja: "6   watch --once \u304C\u554F\u984C\u3092\u898B\u3064\u3051\u305F: \u30C7\u30C3\u30C9\u30EC\u30BF\u30FC\u3001\u5931\u6557\u3057\u305F\u5B9A\u671F\u30C1\u30A7\u30C3\u30AF\u3001\u53E4\u304F\u306A\u3063\u305F\u627F\u8A8D\u3084\u30ED\u30C3\u30AF"
  },
  {
    id: "help.exit.7",
    en: "7   unreachable: the shared board's remote could not be reached; nothing was written or held",
    ja: "7   \u5230\u9054\u4E0D\u80FD: \u5171\u6709\u30DC\u30FC\u30C9\u306E\u30EA\u30E2\u30FC\u30C8\u306B\u5C4A\u304B\u306A\u304B\u3063\u305F\u3002\u4F55\u3082\u66F8\u304D\u8FBC\u307E\u305A\u3001\u4F55\u3082\u78BA\u4FDD\u3057\u3066\u3044\u306A\u3044"
  },
  {
    id: "help.exit.70",
    en: "70  internal error (a bug: please report it)",
    ja: "70  \u5185\u90E8\u30A8\u30E9\u30FC\uFF08\u4E0D\u5177\u5408\u3067\u3059\u3002\u5831\u544A\u3057\u3066\u304F\u3060\u3055\u3044\uFF09"
  },
  {
    id: "help.exit.74",
    en: "74  the machine said no: no space, no permission, a read-only file system, too many open files,",
    ja: "74  \u30DE\u30B7\u30F3\u304C\u62D2\u5426\u3057\u305F: \u7A7A\u304D\u5BB9\u91CF\u4E0D\u8DB3\u3001\u6A29\u9650\u306A\u3057\u3001\u8AAD\u307F\u53D6\u308A\u5C02\u7528\u306E\u30D5\u30A1\u30A4\u30EB\u30B7\u30B9\u30C6\u30E0\u3001\u958B\u3044\u305F\u30D5\u30A1\u30A4\u30EB\u304C\u591A\u3059\u304E\u308B\u3001"
  },
  {
    id: "help.exit.74b",
    en: ".git/taskgate not a folder; the message names the path and what to do (nothing was changed",
    ja: ".git/taskgate \u304C\u30D5\u30A9\u30EB\u30C0\u30FC\u3067\u306A\u3044\u3002\u30E1\u30C3\u30BB\u30FC\u30B8\u304C\u30D1\u30B9\u3068\u5BFE\u51E6\u3092\u793A\u3059\uFF08\u305D\u3046\u66F8\u304B\u308C\u3066\u3044\u306A\u3044\u9650\u308A"
  },
  { id: "help.exit.74c", en: "unless it says so)", ja: "\u4F55\u3082\u5909\u66F4\u3057\u3066\u3044\u306A\u3044\uFF09" },
  { id: "help.env.title", en: "Environment:", ja: "\u74B0\u5883\u5909\u6570:" },
  {
    id: "help.env.1",
    en: "TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   where the ledgers are (like --dir, --tasks, --approvals)",
    ja: "TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   \u53F0\u5E33\u306E\u5834\u6240\uFF08--dir\u3001--tasks\u3001--approvals \u3068\u540C\u3058\uFF09"
  },
  {
    id: "help.env.2",
    en: "TASKGATE_ACTOR                                     who acts (like --as); else git's user.email",
    ja: "TASKGATE_ACTOR                                     \u64CD\u4F5C\u3059\u308B\u4EBA\uFF08--as \u3068\u540C\u3058\uFF09\u3002\u306A\u3051\u308C\u3070 git \u306E user.email"
  },
  {
    id: "help.env.3",
    en: "TASKGATE_SESSION                                   the agent session acting: its leases are its own (docs/run.md)",
    ja: "TASKGATE_SESSION                                   \u64CD\u4F5C\u3057\u3066\u3044\u308B\u30A8\u30FC\u30B8\u30A7\u30F3\u30C8\u306E\u30BB\u30C3\u30B7\u30E7\u30F3: \u305D\u306E\u30EA\u30FC\u30B9\u306F\u305D\u306E\u30BB\u30C3\u30B7\u30E7\u30F3\u306E\u3082\u306E\uFF08docs/run.md\uFF09"
  },
  {
    id: "help.env.4",
    en: "TASKGATE_NOW                                       the current time (ISO 8601), for tests and replays",
    ja: "TASKGATE_NOW                                       \u73FE\u5728\u6642\u523B\uFF08ISO 8601\uFF09\u3002\u30C6\u30B9\u30C8\u3084\u518D\u751F\u7528"
  },
  {
    id: "help.env.5",
    en: "TASKGATE_LANG                                      the language of messages: ja for Japanese, en for English; else",
    ja: "TASKGATE_LANG                                      \u30E1\u30C3\u30BB\u30FC\u30B8\u306E\u8A00\u8A9E: ja \u306A\u3089\u65E5\u672C\u8A9E\u3001en \u306A\u3089\u82F1\u8A9E\u3002\u306A\u3051\u308C\u3070"
  },
  {
    id: "help.env.6",
    en: "LC_ALL, LC_MESSAGES, LANG (ja_JP.UTF-8 is Japanese); JSON is English",
    ja: "LC_ALL\u3001LC_MESSAGES\u3001LANG\uFF08ja_JP.UTF-8 \u306F\u65E5\u672C\u8A9E\uFF09\u3002JSON \u306F\u82F1\u8A9E\u306E\u307E\u307E"
  },
  {
    id: "help.env.7",
    en: "TASKGATE_NO_MEMO=1                                 no memos: status and metrics read the ledgers whole every time",
    ja: "TASKGATE_NO_MEMO=1                                 \u30E1\u30E2\u3092\u4F7F\u308F\u306A\u3044: status \u3068 metrics \u304C\u6BCE\u56DE\u53F0\u5E33\u3092\u5168\u90E8\u8AAD\u3080"
  },
  {
    id: "help.env.8",
    en: "TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   how long to wait for a lock (30000); when a lock of another host that",
    ja: "TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   \u30ED\u30C3\u30AF\u3092\u5F85\u3064\u6642\u9593\uFF0830000\uFF09\u3002\u66F4\u65B0\u3055\u308C\u306A\u3044\u4ED6\u30DB\u30B9\u30C8\u306E\u30ED\u30C3\u30AF\u3092"
  },
  {
    id: "help.env.9",
    en: "is not refreshed is taken over (5000; one of a process gone from this",
    ja: "\u5F15\u304D\u7D99\u3050\u307E\u3067\u306E\u6642\u9593\uFF085000\u3002\u3053\u306E\u30DB\u30B9\u30C8\u3067\u7D42\u4E86\u3057\u305F\u30D7\u30ED\u30BB\u30B9\u306E\u30ED\u30C3\u30AF\u306F"
  },
  {
    id: "help.env.10",
    en: "host is taken over at once, one of a live one never)",
    ja: "\u3059\u3050\u306B\u5F15\u304D\u7D99\u304E\u3001\u751F\u304D\u3066\u3044\u308B\u30D7\u30ED\u30BB\u30B9\u306E\u30ED\u30C3\u30AF\u306F\u5F15\u304D\u7D99\u304C\u306A\u3044\uFF09"
  },
  {
    id: "help.env.11",
    en: "TASKGATE_SHARE=off                                 use the in-tree files even where this clone shares its board",
    ja: "TASKGATE_SHARE=off                                 \u3053\u306E\u30AF\u30ED\u30FC\u30F3\u304C\u30DC\u30FC\u30C9\u3092\u5171\u6709\u3057\u3066\u3044\u3066\u3082\u30C4\u30EA\u30FC\u5185\u306E\u30D5\u30A1\u30A4\u30EB\u3092\u4F7F\u3046"
  },
  {
    id: "help.env.12",
    en: "NO_COLOR                                           no colour in the output",
    ja: "NO_COLOR                                           \u51FA\u529B\u3092\u8272\u4ED8\u3051\u3057\u306A\u3044"
  },
  {
    id: "help.env.13",
    en: "TZ                                                 the zone times are shown in (with their offset, like",
    ja: "TZ                                                 \u6642\u523B\u3092\u8868\u793A\u3059\u308B\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\uFF082026-12-06 00:37 +09:00 \u306E\u3088\u3046\u306B"
  },
  {
    id: "help.env.14",
    en: "2026-12-06 00:37 +09:00); --utc shows UTC. Ledgers, log",
    ja: "\u30AA\u30D5\u30BB\u30C3\u30C8\u3064\u304D\uFF09\u3002--utc \u306A\u3089 UTC\u3002\u53F0\u5E33\u3001\u30ED\u30B0\u884C\u3001--json \u306F"
  },
  {
    id: "help.env.15",
    en: "lines and --json keep UTC (\u2026Z). A time you type is UTC:",
    ja: "UTC\uFF08\u2026Z\uFF09\u306E\u307E\u307E\u3002\u5165\u529B\u3059\u308B\u6642\u523B\u306F UTC:"
  },
  {
    id: "help.env.16",
    en: "not-before=2026-11-24T10:30:00Z, and a date given to",
    ja: "not-before=2026-11-24T10:30:00Z\u3001--since/--until \u306B\u6E21\u3059\u65E5\u4ED8\uFF082026-11-01\uFF09\u306F"
  },
  {
    id: "help.env.17",
    en: "--since/--until (2026-11-01) starts at midnight UTC",
    ja: "UTC \u306E 0 \u6642\u304B\u3089"
  },
  {
    id: "help.verify.exit",
    en: "Exit codes: 0 every commit keeps the rules; 1 a commit breaks them (forged log line, illegal\nstate change, self-approval, ...; with --signed, a commit changing the ledgers unsigned, or signed by\na key not listed for its author); 3 a commit has an invalid ledger; 2 git cannot read the range.",
    ja: "\u7D42\u4E86\u30B3\u30FC\u30C9: 0 \u3059\u3079\u3066\u306E\u30B3\u30DF\u30C3\u30C8\u304C\u30EB\u30FC\u30EB\u3092\u5B88\u3063\u3066\u3044\u308B\u30021 \u30EB\u30FC\u30EB\u3092\u7834\u308B\u30B3\u30DF\u30C3\u30C8\u304C\u3042\u308B\uFF08\u507D\u9020\u3055\u308C\u305F\u30ED\u30B0\u884C\u3001\n\u4E0D\u6B63\u306A\u72B6\u614B\u5909\u66F4\u3001\u81EA\u5DF1\u627F\u8A8D\u306A\u3069\u3002--signed \u3067\u306F\u3001\u53F0\u5E33\u3092\u5909\u3048\u308B\u672A\u7F72\u540D\u306E\u30B3\u30DF\u30C3\u30C8\u3001\u307E\u305F\u306F\u4F5C\u8005\u306B\u767B\u9332\u3055\u308C\u3066\u3044\u306A\u3044\n\u9375\u3067\u7F72\u540D\u3055\u308C\u305F\u30B3\u30DF\u30C3\u30C8\uFF09\u30023 \u4E0D\u6B63\u306A\u53F0\u5E33\u3092\u6301\u3064\u30B3\u30DF\u30C3\u30C8\u304C\u3042\u308B\u30022 git \u304C\u7BC4\u56F2\u3092\u8AAD\u3081\u306A\u3044\u3002"
  },
  {
    id: "help.run.environment",
    en: "The program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS. Exit code: the program's (128 + signal number when it was killed); 1 when the\nlease was lost and the program stopped.",
    ja: "\u30D7\u30ED\u30B0\u30E9\u30E0\u306B\u306F TASKGATE_TASK_ID\u3001TASKGATE_TASK_TITLE\u3001TASKGATE_TASK_FILE\uFF08\u30BF\u30B9\u30AF\u306E Markdown\uFF09\u3001\nTASKGATE_LEASE_TOKEN\u3001TASKGATE_TASKS\u3001TASKGATE_APPROVALS \u304C\u6E21\u3055\u308C\u308B\u3002\u7D42\u4E86\u30B3\u30FC\u30C9: \u30D7\u30ED\u30B0\u30E9\u30E0\u306E\u3082\u306E\uFF08\u30B7\u30B0\u30CA\u30EB\u3067\n\u7D42\u4E86\u3057\u305F\u3068\u304D\u306F 128 + \u30B7\u30B0\u30CA\u30EB\u756A\u53F7\uFF09\u3002\u30EA\u30FC\u30B9\u3092\u5931\u3063\u3066\u30D7\u30ED\u30B0\u30E9\u30E0\u3092\u6B62\u3081\u305F\u3068\u304D\u306F 1\u3002"
  },
  {
    id: "help.share.details",
    en: "Joins the shared board when the branch exists (on the remote, or in this clone), else moves\nthis folder's TASKS.md and APPROVALS.md to it byte for byte (checked first: a board with\nerrors is not moved). The setting is kept in the clone's git config (taskgate.share.*).\nExit codes: 0 shared; 1 refused (nothing to share, the remote refused); 2 usage (no git, no\nsuch remote, bad branch name); 3 the in-tree board has errors; 4 someone else shared first\n(or a write landed in the in-tree files during the move),\nrun it again; 7 the remote cannot be reached.",
    ja: "\u30D6\u30E9\u30F3\u30C1\u304C\uFF08\u30EA\u30E2\u30FC\u30C8\u307E\u305F\u306F\u3053\u306E\u30AF\u30ED\u30FC\u30F3\u306B\uFF09\u3042\u308C\u3070\u5171\u6709\u30DC\u30FC\u30C9\u306B\u52A0\u308F\u308A\u3001\u306A\u3051\u308C\u3070\u3053\u306E\u30D5\u30A9\u30EB\u30C0\u30FC\u306E\nTASKS.md \u3068 APPROVALS.md \u3092\u30D0\u30A4\u30C8\u5358\u4F4D\u3067\u305D\u306E\u307E\u307E\u79FB\u3059\uFF08\u5148\u306B\u691C\u67FB\u3057\u3001\u30A8\u30E9\u30FC\u306E\u3042\u308B\u30DC\u30FC\u30C9\u306F\u79FB\u3055\u306A\u3044\uFF09\u3002\n\u8A2D\u5B9A\u306F\u30AF\u30ED\u30FC\u30F3\u306E git \u8A2D\u5B9A\uFF08taskgate.share.*\uFF09\u306B\u4FDD\u5B58\u3055\u308C\u308B\u3002\n\u7D42\u4E86\u30B3\u30FC\u30C9: 0 \u5171\u6709\u3057\u305F\u30021 \u62D2\u5426\uFF08\u5171\u6709\u3059\u308B\u3082\u306E\u304C\u306A\u3044\u3001\u30EA\u30E2\u30FC\u30C8\u304C\u62D2\u5426\u3057\u305F\uFF09\u30022 \u4F7F\u3044\u65B9\u306E\u8AA4\u308A\uFF08git \u304C\u306A\u3044\u3001\n\u305D\u306E\u30EA\u30E2\u30FC\u30C8\u304C\u306A\u3044\u3001\u4E0D\u6B63\u306A\u30D6\u30E9\u30F3\u30C1\u540D\uFF09\u30023 \u30C4\u30EA\u30FC\u5185\u306E\u30DC\u30FC\u30C9\u306B\u30A8\u30E9\u30FC\u304C\u3042\u308B\u30024 \u4ED6\u306E\u8AB0\u304B\u304C\u5148\u306B\u5171\u6709\u3057\u305F\n\uFF08\u307E\u305F\u306F\u79FB\u52D5\u4E2D\u306B\u30C4\u30EA\u30FC\u5185\u306E\u30D5\u30A1\u30A4\u30EB\u3078\u66F8\u304D\u8FBC\u307F\u304C\u3042\u3063\u305F\uFF09\u3002\n\u3082\u3046\u4E00\u5EA6\u5B9F\u884C\u3059\u308B\u30027 \u30EA\u30E2\u30FC\u30C8\u306B\u5C4A\u304B\u306A\u3044\u3002"
  },
  {
    id: "help.watch.exit",
    en: "Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);\n3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task\nblocked as a dead letter, a scheduled check failed, a stale approval or lock); 1 a step was\nrefused (for example no automation actor with the role it needs). A long-running watch ends\nwith 0 on SIGINT or SIGTERM, after the tick in progress.",
    ja: "watch --once \u306E\u7D42\u4E86\u30B3\u30FC\u30C9: 0 \u554F\u984C\u306A\u3057\uFF08\u56DE\u5FA9\u3084\u5B9A\u671F\u5B9F\u884C\u306F\u554F\u984C\u3067\u306F\u306A\u3044\uFF09\u3002\n3 \u53F0\u5E33\u307E\u305F\u306F\u4E88\u5B9A\u304C\u4E0D\u6B63\u30024 \u53F0\u5E33\u304C\u30ED\u30C3\u30AF\u3055\u308C\u305F\u307E\u307E\u3060\u3063\u305F\u30026 \u554F\u984C\u3092\u898B\u3064\u3051\u305F\uFF08\u30C7\u30C3\u30C9\u30EC\u30BF\u30FC\u3068\u3057\u3066\n\u30D6\u30ED\u30C3\u30AF\u3055\u308C\u305F\u30BF\u30B9\u30AF\u3001\u5931\u6557\u3057\u305F\u5B9A\u671F\u30C1\u30A7\u30C3\u30AF\u3001\u53E4\u304F\u306A\u3063\u305F\u627F\u8A8D\u3084\u30ED\u30C3\u30AF\uFF09\u30021 \u624B\u9806\u304C\u62D2\u5426\u3055\u308C\u305F\n\uFF08\u4F8B: \u5FC5\u8981\u306A\u30ED\u30FC\u30EB\u3092\u6301\u3064\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC\u304C\u3044\u306A\u3044\uFF09\u3002\u9577\u304F\u52D5\u304F watch \u306F SIGINT \u3084 SIGTERM \u3067\u3001\n\u51E6\u7406\u4E2D\u306E\u30C6\u30A3\u30C3\u30AF\u306E\u5F8C\u306B 0 \u3067\u7D42\u308F\u308B\u3002"
  },
  // \u2500\u2500 commands \u2500\u2500
  {
    id: "help.init",
    en: "create TASKS.md and APPROVALS.md here (never overwrites)",
    ja: "\u3053\u3053\u306B TASKS.md \u3068 APPROVALS.md \u3092\u4F5C\u308B\uFF08\u4E0A\u66F8\u304D\u306F\u3057\u306A\u3044\uFF09"
  },
  {
    id: "help.check",
    en: "validate both ledgers: every problem at once, as FILE:LINE:COL",
    ja: "\u4E21\u65B9\u306E\u53F0\u5E33\u3092\u691C\u8A3C\u3059\u308B: \u3059\u3079\u3066\u306E\u554F\u984C\u3092\u4E00\u5EA6\u306B FILE:LINE:COL \u3067\u793A\u3059"
  },
  {
    id: "help.check.strict",
    en: "also compare the line reader with a full Markdown parser (slow on big files)",
    ja: "\u884C\u30EA\u30FC\u30C0\u30FC\u3092\u5B8C\u5168\u306A Markdown \u30D1\u30FC\u30B5\u30FC\u3068\u3082\u6BD4\u3079\u308B\uFF08\u5927\u304D\u306A\u30D5\u30A1\u30A4\u30EB\u3067\u306F\u9045\u3044\uFF09"
  },
  {
    id: "help.check.sla",
    en: "fail (exit 1) when a pending approval is past the policy's approval-sla",
    ja: "\u4FDD\u7559\u4E2D\u306E\u627F\u8A8D\u304C\u30DD\u30EA\u30B7\u30FC\u306E approval-sla \u3092\u8D85\u3048\u3066\u3044\u305F\u3089\u5931\u6557\u3059\u308B\uFF08\u7D42\u4E86\u30B3\u30FC\u30C9 1\uFF09"
  },
  {
    id: "help.check.staged",
    en: "judge the staged ledgers against HEAD as the committer's change (the pre-commit hook)",
    ja: "\u30B9\u30C6\u30FC\u30B8\u3055\u308C\u305F\u53F0\u5E33\u3092 HEAD \u3068\u6BD4\u3079\u3001\u30B3\u30DF\u30C3\u30C8\u3059\u308B\u4EBA\u306E\u5909\u66F4\u3068\u3057\u3066\u5224\u5B9A\u3059\u308B\uFF08pre-commit \u30D5\u30C3\u30AF\uFF09"
  },
  {
    id: "help.check.columns",
    en: "Columns count UTF-16 code units from 1, as editors and LSP count them: a Japanese character is 1, most emoji 2.",
    ja: "\u5217\u756A\u53F7\u306F 1 \u304B\u3089\u6570\u3048\u305F UTF-16 \u30B3\u30FC\u30C9\u5358\u4F4D\uFF08\u30A8\u30C7\u30A3\u30BF\u30FC\u3084 LSP \u3068\u540C\u3058\uFF09: \u65E5\u672C\u8A9E\u306E\u6587\u5B57\u306F 1\u3001\u591A\u304F\u306E\u7D75\u6587\u5B57\u306F 2\u3002"
  },
  {
    id: "help.status",
    en: "counts by state, leases held and expired, approvals pending",
    ja: "\u72B6\u614B\u3054\u3068\u306E\u4EF6\u6570\u3001\u4FDD\u6301\u4E2D\u3068\u671F\u9650\u5207\u308C\u306E\u30EA\u30FC\u30B9\u3001\u4FDD\u7559\u4E2D\u306E\u627F\u8A8D"
  },
  { id: "help.list", en: "list tasks, filtered", ja: "\u30BF\u30B9\u30AF\u3092\u7D5E\u308A\u8FBC\u3093\u3067\u4E00\u89A7\u8868\u793A\u3059\u308B" },
  {
    id: "help.list.state",
    en: "only tasks in this state ({states}); repeat or comma-separate",
    ja: "\u3053\u306E\u72B6\u614B\uFF08{states}\uFF09\u306E\u30BF\u30B9\u30AF\u3060\u3051\u3002\u7E70\u308A\u8FD4\u3059\u304B\u30AB\u30F3\u30DE\u533A\u5207\u308A\u3067\u8907\u6570\u6307\u5B9A"
  },
  {
    id: "help.list.label",
    en: "only tasks with this label; repeat for all of several",
    ja: "\u3053\u306E\u30E9\u30D9\u30EB\u3092\u6301\u3064\u30BF\u30B9\u30AF\u3060\u3051\u3002\u7E70\u308A\u8FD4\u3059\u3068\u3059\u3079\u3066\u3092\u6301\u3064\u3082\u306E"
  },
  { id: "help.list.assignee", en: "only tasks assigned to this actor", ja: "\u3053\u306E\u30A2\u30AF\u30BF\u30FC\u306B\u5272\u308A\u5F53\u3066\u3089\u308C\u305F\u30BF\u30B9\u30AF\u3060\u3051" },
  {
    id: "help.list.phase",
    en: "only tasks of this phase (their phase field)",
    ja: "\u3053\u306E\u30D5\u30A7\u30FC\u30BA\u306E\u30BF\u30B9\u30AF\u3060\u3051\uFF08phase \u30D5\u30A3\u30FC\u30EB\u30C9\uFF09"
  },
  { id: "help.show", en: "one task with its fields and text", ja: "1 \u3064\u306E\u30BF\u30B9\u30AF\u3092\u30D5\u30A3\u30FC\u30EB\u30C9\u3068\u672C\u6587\u3064\u304D\u3067\u8868\u793A\u3059\u308B" },
  {
    id: "help.add",
    en: "add a task (state PLAN, or READY with --ready)",
    ja: "\u30BF\u30B9\u30AF\u3092\u8FFD\u52A0\u3059\u308B\uFF08\u72B6\u614B PLAN\u3001--ready \u306A\u3089 READY\uFF09"
  },
  { id: "help.add.title", en: "the task's title", ja: "\u30BF\u30B9\u30AF\u306E\u30BF\u30A4\u30C8\u30EB" },
  { id: "help.add.priority", en: "P0|P1|P2|P3 (default P2)", ja: "P0|P1|P2|P3\uFF08\u65E2\u5B9A P2\uFF09" },
  { id: "help.add.labels", en: "comma-separated labels", ja: "\u30AB\u30F3\u30DE\u533A\u5207\u308A\u306E\u30E9\u30D9\u30EB" },
  {
    id: "help.add.depends",
    en: "comma-separated task IDs this task waits for",
    ja: "\u3053\u306E\u30BF\u30B9\u30AF\u304C\u5F85\u3064\u30BF\u30B9\u30AF ID\uFF08\u30AB\u30F3\u30DE\u533A\u5207\u308A\uFF09"
  },
  { id: "help.add.ready", en: "add it as READY rather than PLAN", ja: "PLAN \u3067\u306F\u306A\u304F READY \u3068\u3057\u3066\u8FFD\u52A0\u3059\u308B" },
  {
    id: "help.set",
    en: "change fields of a task: key=value (empty value removes the field)",
    ja: "\u30BF\u30B9\u30AF\u306E\u30D5\u30A3\u30FC\u30EB\u30C9\u3092\u5909\u66F4\u3059\u308B: key=value\uFF08\u5024\u304C\u7A7A\u306A\u3089\u30D5\u30A3\u30FC\u30EB\u30C9\u3092\u524A\u9664\uFF09"
  },
  {
    id: "help.set.assignments",
    en: "key=value pairs: title, priority, labels, depends, assignee, not-before",
    ja: "key=value \u306E\u7D44: title, priority, labels, depends, assignee, not-before"
  },
  {
    id: "help.claim",
    en: "take a READY task (or an expired lease) as WORK; prints the lease token",
    ja: "READY \u306E\u30BF\u30B9\u30AF\uFF08\u307E\u305F\u306F\u671F\u9650\u5207\u308C\u306E\u30EA\u30FC\u30B9\uFF09\u3092 WORK \u3068\u3057\u3066\u53D6\u308B\u3002\u30EA\u30FC\u30B9\u30C8\u30FC\u30AF\u30F3\u3092\u8868\u793A\u3059\u308B"
  },
  { id: "help.renew", en: "extend your lease", ja: "\u81EA\u5206\u306E\u30EA\u30FC\u30B9\u3092\u5EF6\u9577\u3059\u308B" },
  { id: "help.release", en: "give your lease back (DOING -> READY)", ja: "\u30EA\u30FC\u30B9\u3092\u8FD4\u3059\uFF08DOING -> READY\uFF09" },
  {
    id: "help.submit",
    en: "hand your work in for review (DOING -> REVIEW)",
    ja: "\u4F5C\u696D\u3092\u30EC\u30D3\u30E5\u30FC\u306B\u51FA\u3059\uFF08DOING -> REVIEW\uFF09"
  },
  {
    id: "help.ready",
    en: "make a planned task available (PLAN -> READY), as CMD",
    ja: "\u8A08\u753B\u4E2D\u306E\u30BF\u30B9\u30AF\u3092\u7740\u624B\u53EF\u80FD\u306B\u3059\u308B\uFF08PLAN -> READY\uFF09\u3002CMD \u3068\u3057\u3066"
  },
  {
    id: "help.plan",
    en: "take a task back for replanning (READY -> PLAN), as CMD",
    ja: "\u30BF\u30B9\u30AF\u3092\u8A08\u753B\u306B\u623B\u3059\uFF08READY -> PLAN\uFF09\u3002CMD \u3068\u3057\u3066"
  },
  {
    id: "help.cancel",
    en: "end a task without doing it (-> DONE, cancelled), as CMD",
    ja: "\u30BF\u30B9\u30AF\u3092\u5B9F\u65BD\u305B\u305A\u306B\u7D42\u3048\u308B\uFF08-> DONE\u3001cancelled\uFF09\u3002CMD \u3068\u3057\u3066"
  },
  {
    id: "help.block",
    en: "mark a task blocked, keeping its state, as WORK",
    ja: "\u72B6\u614B\u306F\u305D\u306E\u307E\u307E\u3067\u30BF\u30B9\u30AF\u3092\u30D6\u30ED\u30C3\u30AF\u4E2D\u306B\u3059\u308B\u3002WORK \u3068\u3057\u3066"
  },
  { id: "help.unblock", en: "clear a block, as CMD", ja: "\u30D6\u30ED\u30C3\u30AF\u3092\u89E3\u9664\u3059\u308B\u3002CMD \u3068\u3057\u3066" },
  {
    id: "help.accept",
    en: "accept reviewed work (REVIEW -> DONE), as AUDIT; not by who did it",
    ja: "\u30EC\u30D3\u30E5\u30FC\u6E08\u307F\u306E\u4F5C\u696D\u3092\u53D7\u3051\u5165\u308C\u308B\uFF08REVIEW -> DONE\uFF09\u3002AUDIT \u3068\u3057\u3066\u3002\u4F5C\u696D\u3057\u305F\u672C\u4EBA\u306F\u4E0D\u53EF"
  },
  {
    id: "help.rework",
    en: "send work back (REVIEW -> DOING), as AUDIT",
    ja: "\u4F5C\u696D\u3092\u5DEE\u3057\u623B\u3059\uFF08REVIEW -> DOING\uFF09\u3002AUDIT \u3068\u3057\u3066"
  },
  {
    id: "help.ttl",
    en: "lease length, like 30m (default: the policy's lease)",
    ja: "\u30EA\u30FC\u30B9\u306E\u9577\u3055\uFF08\u4F8B: 30m\u3001\u65E2\u5B9A: \u30DD\u30EA\u30B7\u30FC\u306E lease\uFF09"
  },
  {
    id: "help.token",
    en: "your lease token (default: TASKGATE_LEASE_TOKEN)",
    ja: "\u3042\u306A\u305F\u306E\u30EA\u30FC\u30B9\u30C8\u30FC\u30AF\u30F3\uFF08\u65E2\u5B9A: TASKGATE_LEASE_TOKEN\uFF09"
  },
  {
    id: "help.next",
    en: "the best task for you now; --claim takes it (exit 5 when there is nothing to do)",
    ja: "\u4ECA\u3042\u306A\u305F\u306B\u6700\u9069\u306A\u30BF\u30B9\u30AF\u3002--claim \u3067\u53D6\u308B\uFF08\u3084\u308B\u3053\u3068\u304C\u306A\u3051\u308C\u3070\u7D42\u4E86\u30B3\u30FC\u30C9 5\uFF09"
  },
  {
    id: "help.next.label",
    en: "only tasks with this label; repeat for several",
    ja: "\u3053\u306E\u30E9\u30D9\u30EB\u3092\u6301\u3064\u30BF\u30B9\u30AF\u3060\u3051\u3002\u7E70\u308A\u8FD4\u3057\u3066\u8907\u6570\u6307\u5B9A"
  },
  { id: "help.next.claim", en: "claim it, under the same lock as the choice", ja: "\u9078\u3093\u3060\u306E\u3068\u540C\u3058\u30ED\u30C3\u30AF\u306E\u4E0B\u3067\u53D6\u308B" },
  { id: "help.next.ttl", en: "lease length with --claim", ja: "--claim \u306E\u3068\u304D\u306E\u30EA\u30FC\u30B9\u306E\u9577\u3055" },
  // approvals
  { id: "help.approval", en: "request, show and explain approvals", ja: "\u627F\u8A8D\u3092\u4F9D\u983C\u3057\u3001\u8868\u793A\u3057\u3001\u8AAC\u660E\u3059\u308B" },
  {
    id: "help.approval.request",
    en: "ask for approval of a task (its ID) or of anything (free text)",
    ja: "\u30BF\u30B9\u30AF\uFF08ID\uFF09\u307E\u305F\u306F\u4EFB\u610F\u306E\u4E8B\u67C4\uFF08\u81EA\u7531\u8A18\u8FF0\uFF09\u306E\u627F\u8A8D\u3092\u4F9D\u983C\u3059\u308B"
  },
  { id: "help.approval.subject", en: "a task ID like T-12, or a sentence", ja: "T-12 \u306E\u3088\u3046\u306A\u30BF\u30B9\u30AF ID\u3001\u307E\u305F\u306F\u6587" },
  {
    id: "help.approval.title",
    en: "the request's title (default: from the subject)",
    ja: "\u4F9D\u983C\u306E\u30BF\u30A4\u30C8\u30EB\uFF08\u65E2\u5B9A: \u5BFE\u8C61\u304B\u3089\uFF09"
  },
  {
    id: "help.approval.evidence",
    en: "what supports it (a CI run, a report hash); repeat for several",
    ja: "\u6839\u62E0\uFF08CI \u306E\u5B9F\u884C\u3001\u30EC\u30DD\u30FC\u30C8\u306E\u30CF\u30C3\u30B7\u30E5\uFF09\u3002\u7E70\u308A\u8FD4\u3057\u3066\u8907\u6570\u6307\u5B9A"
  },
  { id: "help.approval.show", en: "one approval with its fields", ja: "1 \u3064\u306E\u627F\u8A8D\u3092\u30D5\u30A3\u30FC\u30EB\u30C9\u3064\u304D\u3067\u8868\u793A\u3059\u308B" },
  {
    id: "help.approval.explain",
    en: "rule by rule, why a request is (or would be) approved or denied",
    ja: "\u4F9D\u983C\u304C\u627F\u8A8D\uFF08\u307E\u305F\u306F\u5374\u4E0B\uFF09\u3055\u308C\u308B\uFF08\u306F\u305A\u306E\uFF09\u7406\u7531\u3092\u30EB\u30FC\u30EB\u3054\u3068\u306B\u793A\u3059"
  },
  {
    id: "help.approve",
    en: "approve a pending request, as AUDIT (never your own)",
    ja: "\u4FDD\u7559\u4E2D\u306E\u4F9D\u983C\u3092\u627F\u8A8D\u3059\u308B\u3002AUDIT \u3068\u3057\u3066\uFF08\u81EA\u5206\u306E\u4F9D\u983C\u306F\u4E0D\u53EF\uFF09"
  },
  {
    id: "help.reject",
    en: "reject a pending request, as AUDIT, with a reason",
    ja: "\u4FDD\u7559\u4E2D\u306E\u4F9D\u983C\u3092\u7406\u7531\u3092\u3064\u3051\u3066\u5374\u4E0B\u3059\u308B\u3002AUDIT \u3068\u3057\u3066"
  },
  {
    id: "help.approvals",
    en: "list approvals, pending first with their age; `approvals auto` decides by the rules",
    ja: "\u627F\u8A8D\u306E\u4E00\u89A7\uFF08\u4FDD\u7559\u4E2D\u3092\u5148\u306B\u7D4C\u904E\u6642\u9593\u3064\u304D\u3067\uFF09\u3002`approvals auto` \u306F\u30EB\u30FC\u30EB\u3067\u5224\u5B9A\u3059\u308B"
  },
  {
    id: "help.approvals.status",
    en: "only these statuses (pending|approved|rejected|superseded)",
    ja: "\u3053\u308C\u3089\u306E\u72B6\u614B\u3060\u3051\uFF08pending|approved|rejected|superseded\uFF09"
  },
  { id: "help.approvals.subject", en: "only requests about this subject", ja: "\u3053\u306E\u5BFE\u8C61\u306B\u3064\u3044\u3066\u306E\u4F9D\u983C\u3060\u3051" },
  {
    id: "help.approvals.auto",
    en: "decide every pending request the rules decide, as the automation actor",
    ja: "\u30EB\u30FC\u30EB\u3067\u5224\u5B9A\u3067\u304D\u308B\u4FDD\u7559\u4E2D\u306E\u4F9D\u983C\u3092\u3059\u3079\u3066\u3001\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC\u3068\u3057\u3066\u5224\u5B9A\u3059\u308B"
  },
  {
    id: "help.roles",
    en: "change who holds which role; changes go through an approval",
    ja: "\u8AB0\u304C\u3069\u306E\u30ED\u30FC\u30EB\u3092\u6301\u3064\u304B\u3092\u5909\u3048\u308B\u3002\u5909\u66F4\u306F\u627F\u8A8D\u3092\u7D4C\u308B"
  },
  {
    id: "help.roles.verb",
    en: "request to {verb} a role; it takes effect when another AUDIT actor approves",
    ja: "\u30ED\u30FC\u30EB\u306E {verb} \u3092\u4F9D\u983C\u3059\u308B\u3002\u5225\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u304C\u627F\u8A8D\u3059\u308B\u3068\u6709\u52B9\u306B\u306A\u308B"
  },
  { id: "help.roles.role", en: "CMD, WORK or AUDIT", ja: "CMD\u3001WORK \u307E\u305F\u306F AUDIT" },
  { id: "help.rules", en: "the approval rules: changes go through an approval", ja: "\u627F\u8A8D\u30EB\u30FC\u30EB: \u5909\u66F4\u306F\u627F\u8A8D\u3092\u7D4C\u308B" },
  {
    id: "help.rules.request",
    en: 'request to make the Rules exactly the YAML in FILE; once another AUDIT person approves, put it in the fenced block under "## Rules" and commit',
    ja: "Rules \u3092 FILE \u306E YAML \u305D\u306E\u3082\u306E\u306B\u3059\u308B\u3088\u3046\u4F9D\u983C\u3059\u308B\u3002\u5225\u306E AUDIT \u306E\u4EBA\u304C\u627F\u8A8D\u3057\u305F\u3089\u3001\u300C## Rules\u300D\u306E\u4E0B\u306E\u30B3\u30FC\u30C9\u30D6\u30ED\u30C3\u30AF\u306B\u5165\u308C\u3066\u30B3\u30DF\u30C3\u30C8\u3059\u308B"
  },
  {
    id: "help.rules.file",
    en: "a file holding the new rules (the YAML that goes inside the fenced block)",
    ja: "\u65B0\u3057\u3044\u30EB\u30FC\u30EB\u3092\u66F8\u3044\u305F\u30D5\u30A1\u30A4\u30EB\uFF08\u30B3\u30FC\u30C9\u30D6\u30ED\u30C3\u30AF\u306B\u5165\u308C\u308B YAML\uFF09"
  },
  {
    id: "help.identify",
    en: "request to change an actor's git identities, delegation or keys; once approved, edit the line",
    ja: "\u30A2\u30AF\u30BF\u30FC\u306E git \u306E\u8B58\u5225\u60C5\u5831\u3001\u59D4\u4EFB\u3001\u9375\u306E\u5909\u66F4\u3092\u4F9D\u983C\u3059\u308B\u3002\u627F\u8A8D\u3055\u308C\u305F\u3089\u305D\u306E\u884C\u3092\u7DE8\u96C6\u3059\u308B"
  },
  // git
  {
    id: "help.verify",
    en: "check every commit in a range as the pre-commit hook would, with its author as the actor (for CI)",
    ja: "\u7BC4\u56F2\u5185\u306E\u3059\u3079\u3066\u306E\u30B3\u30DF\u30C3\u30C8\u3092\u3001\u4F5C\u8005\u3092\u30A2\u30AF\u30BF\u30FC\u3068\u3057\u3066 pre-commit \u30D5\u30C3\u30AF\u3068\u540C\u3058\u3088\u3046\u306B\u691C\u67FB\u3059\u308B\uFF08CI \u7528\uFF09"
  },
  {
    id: "help.verify.range",
    en: "commits to check, as git log takes them (origin/main..HEAD)",
    ja: "\u691C\u67FB\u3059\u308B\u30B3\u30DF\u30C3\u30C8\uFF08git log \u3068\u540C\u3058\u66F8\u304D\u65B9: origin/main..HEAD\uFF09"
  },
  {
    id: "help.verify.signed",
    en: "also require every commit changing the ledgers to be signed by a key Roles lists for its author (the policy's signed-commits: required does this always)",
    ja: "\u53F0\u5E33\u3092\u5909\u3048\u308B\u3059\u3079\u3066\u306E\u30B3\u30DF\u30C3\u30C8\u306B\u3001Roles \u304C\u4F5C\u8005\u306B\u6319\u3052\u308B\u9375\u3067\u306E\u7F72\u540D\u3082\u6C42\u3081\u308B\uFF08\u30DD\u30EA\u30B7\u30FC\u306E signed-commits: required \u306A\u3089\u5E38\u306B\uFF09"
  },
  { id: "help.hook", en: "git hooks", ja: "git \u30D5\u30C3\u30AF" },
  {
    id: "help.hook.install",
    en: "add `taskgate check --staged` to the pre-commit hook (core.hooksPath honoured; an existing hook is kept)",
    ja: "pre-commit \u30D5\u30C3\u30AF\u306B `taskgate check --staged` \u3092\u52A0\u3048\u308B\uFF08core.hooksPath \u306B\u5F93\u3044\u3001\u65E2\u5B58\u306E\u30D5\u30C3\u30AF\u306F\u6B8B\u3059\uFF09"
  },
  { id: "help.merge-driver", en: "git's merge driver for the ledgers", ja: "\u53F0\u5E33\u306E\u305F\u3081\u306E git \u306E\u30DE\u30FC\u30B8\u30C9\u30E9\u30A4\u30D0\u30FC" },
  {
    id: "help.merge-driver.install",
    en: "register the three-way ledger merge in .gitattributes and this clone's git config",
    ja: "\u53F0\u5E33\u306E 3-way \u30DE\u30FC\u30B8\u3092 .gitattributes \u3068\u3053\u306E\u30AF\u30ED\u30FC\u30F3\u306E git \u8A2D\u5B9A\u306B\u767B\u9332\u3059\u308B"
  },
  {
    id: "help.merge-file",
    en: "merge one ledger three-way (git runs this as the merge driver: %O %A %B %P)",
    ja: "1 \u3064\u306E\u53F0\u5E33\u3092 3-way \u30DE\u30FC\u30B8\u3059\u308B\uFF08git \u304C\u30DE\u30FC\u30B8\u30C9\u30E9\u30A4\u30D0\u30FC\u3068\u3057\u3066\u5B9F\u884C\u3059\u308B: %O %A %B %P\uFF09"
  },
  { id: "help.merge-file.path", en: "the ledger's path in the repository", ja: "\u30EA\u30DD\u30B8\u30C8\u30EA\u5185\u306E\u53F0\u5E33\u306E\u30D1\u30B9" },
  { id: "help.merge-file.ours", en: "merged in place", ja: "\u305D\u306E\u5834\u3067\u30DE\u30FC\u30B8\u3055\u308C\u308B" },
  {
    id: "help.whoami",
    en: "who taskgate takes you for: actor, roles, how the name was found, whom you act for, where the board is",
    ja: "taskgate \u304C\u3042\u306A\u305F\u3092\u8AB0\u3068\u307F\u306A\u3059\u304B: \u30A2\u30AF\u30BF\u30FC\u3001\u30ED\u30FC\u30EB\u3001\u540D\u524D\u306E\u898B\u3064\u3051\u65B9\u3001\u8AB0\u306E\u4EE3\u7406\u304B\u3001\u30DC\u30FC\u30C9\u306E\u5834\u6240"
  },
  // agents, metrics, board, report
  {
    id: "help.mcp",
    en: "serve the Model Context Protocol over stdio: tools for agents, leases held while connected",
    ja: "stdio \u3067 Model Context Protocol \u3092\u63D0\u4F9B\u3059\u308B: \u30A8\u30FC\u30B8\u30A7\u30F3\u30C8\u7528\u306E\u30C4\u30FC\u30EB\u3001\u63A5\u7D9A\u4E2D\u306F\u30EA\u30FC\u30B9\u3092\u4FDD\u6301"
  },
  {
    id: "help.agents",
    en: "teach agents this board: `agents install` writes AGENTS.md, CLAUDE.md and .mcp.json",
    ja: "\u30A8\u30FC\u30B8\u30A7\u30F3\u30C8\u306B\u3053\u306E\u30DC\u30FC\u30C9\u3092\u6559\u3048\u308B: `agents install` \u304C AGENTS.md\u3001CLAUDE.md\u3001.mcp.json \u3092\u66F8\u304F"
  },
  { id: "help.agents.action", en: "install", ja: "install" },
  {
    id: "help.period.since",
    en: "start of the period: a date (2026-11-01, from midnight UTC), a UTC time, or an age (30d); default 30d before --until",
    ja: "\u671F\u9593\u306E\u59CB\u307E\u308A: \u65E5\u4ED8\uFF082026-11-01\u3001UTC \u306E 0 \u6642\u304B\u3089\uFF09\u3001UTC \u306E\u6642\u523B\u3001\u307E\u305F\u306F\u7D4C\u904E\uFF0830d\uFF09\u3002\u65E2\u5B9A\u306F --until \u306E 30 \u65E5\u524D"
  },
  { id: "help.period.until", en: "end of the period (default: now)", ja: "\u671F\u9593\u306E\u7D42\u308F\u308A\uFF08\u65E2\u5B9A: \u73FE\u5728\uFF09" },
  {
    id: "help.metrics",
    en: "automation rate, approval wait, auto-recovery and flow, computed from the logs",
    ja: "\u30ED\u30B0\u304B\u3089\u8A08\u7B97\u3057\u305F\u81EA\u52D5\u5316\u7387\u3001\u627F\u8A8D\u5F85\u3061\u6642\u9593\u3001\u81EA\u52D5\u56DE\u5FA9\u3001\u30D5\u30ED\u30FC"
  },
  {
    id: "help.metrics.prom",
    en: "also write the Prometheus text format (node_exporter's textfile collector), atomically",
    ja: "Prometheus \u306E\u30C6\u30AD\u30B9\u30C8\u5F62\u5F0F\uFF08node_exporter \u306E textfile collector \u7528\uFF09\u3082\u30A2\u30C8\u30DF\u30C3\u30AF\u306B\u66F8\u304F"
  },
  {
    id: "help.forecast",
    en: "when the remaining work (of the board, or a phase) will be done: dates at 50/85/95% from the board's own throughput",
    ja: "\u6B8B\u308A\u306E\u4F5C\u696D\uFF08\u30DC\u30FC\u30C9\u5168\u4F53\u307E\u305F\u306F\u30D5\u30A7\u30FC\u30BA\uFF09\u304C\u3044\u3064\u7D42\u308F\u308B\u304B: \u30DC\u30FC\u30C9\u81EA\u8EAB\u306E\u30B9\u30EB\u30FC\u30D7\u30C3\u30C8\u306B\u3088\u308B 50/85/95% \u306E\u65E5\u4ED8"
  },
  { id: "help.forecast.phase", en: "only this phase", ja: "\u3053\u306E\u30D5\u30A7\u30FC\u30BA\u3060\u3051" },
  {
    id: "help.forecast.seed",
    en: "the simulation's seed (default 1: the same board gives the same answer)",
    ja: "\u30B7\u30DF\u30E5\u30EC\u30FC\u30B7\u30E7\u30F3\u306E\u30B7\u30FC\u30C9\uFF08\u65E2\u5B9A 1: \u540C\u3058\u30DC\u30FC\u30C9\u306A\u3089\u540C\u3058\u7B54\u3048\uFF09"
  },
  {
    id: "help.policy",
    en: "the policy: `policy suggest` proposes changes from the history",
    ja: "\u30DD\u30EA\u30B7\u30FC: `policy suggest` \u304C\u5C65\u6B74\u304B\u3089\u5909\u66F4\u3092\u63D0\u6848\u3059\u308B"
  },
  {
    id: "help.policy.request",
    en: "request to set a Policy key that guards the gate (approval-required, signed-commits, clock-skew); once another AUDIT person approves, edit TASKS.md and commit",
    ja: "\u30B2\u30FC\u30C8\u3092\u5B88\u308B Policy \u306E\u30AD\u30FC\uFF08approval-required\u3001signed-commits\u3001clock-skew\uFF09\u306E\u8A2D\u5B9A\u3092\u4F9D\u983C\u3059\u308B\u3002\u5225\u306E AUDIT \u306E\u4EBA\u304C\u627F\u8A8D\u3057\u305F\u3089 TASKS.md \u3092\u7DE8\u96C6\u3057\u3066\u30B3\u30DF\u30C3\u30C8\u3059\u308B"
  },
  {
    id: "help.policy.assignment",
    en: 'KEY=VALUE, like "approval-required=prod, security" (an empty VALUE removes the key)',
    ja: 'KEY=VALUE\uFF08\u4F8B: "approval-required=prod, security"\u3002VALUE \u304C\u7A7A\u306A\u3089\u30AD\u30FC\u3092\u524A\u9664\uFF09'
  },
  {
    id: "help.policy.suggest",
    en: "changes to the policy and the approval rules that the history argues for, with the evidence",
    ja: "\u5C65\u6B74\u304C\u652F\u6301\u3059\u308B\u30DD\u30EA\u30B7\u30FC\u3068\u627F\u8A8D\u30EB\u30FC\u30EB\u306E\u5909\u66F4\u3092\u6839\u62E0\u3064\u304D\u3067\u793A\u3059"
  },
  {
    id: "help.policy.suggest.request",
    en: "file each suggestion as an approval request for another AUDIT (nothing is applied)",
    ja: "\u5404\u63D0\u6848\u3092\u5225\u306E AUDIT \u5411\u3051\u306E\u627F\u8A8D\u4F9D\u983C\u3068\u3057\u3066\u767B\u9332\u3059\u308B\uFF08\u4F55\u3082\u9069\u7528\u3057\u306A\u3044\uFF09"
  },
  {
    id: "help.board",
    en: "the board as columns by state, with leases (holder, time left) and blocked marks",
    ja: "\u72B6\u614B\u3054\u3068\u306E\u5217\u3067\u30DC\u30FC\u30C9\u3092\u8868\u793A\u3059\u308B\uFF08\u30EA\u30FC\u30B9\u306E\u4FDD\u6301\u8005\u3068\u6B8B\u308A\u6642\u9593\u3001\u30D6\u30ED\u30C3\u30AF\u306E\u5370\u3064\u304D\uFF09"
  },
  {
    id: "help.board.width",
    en: "columns to fit (default: the terminal's, else 120)",
    ja: "\u53CE\u3081\u308B\u6841\u6570\uFF08\u65E2\u5B9A: \u7AEF\u672B\u306E\u5E45\u3001\u306A\u3051\u308C\u3070 120\uFF09"
  },
  {
    id: "help.report",
    en: "one self-contained HTML page: the board, the measures and charts",
    ja: "\u5358\u72EC\u3067\u958B\u3051\u308B HTML \u30DA\u30FC\u30B8 1 \u679A: \u30DC\u30FC\u30C9\u3001\u6307\u6A19\u3001\u30B0\u30E9\u30D5"
  },
  { id: "help.report.html", en: "where to write it", ja: "\u66F8\u304D\u51FA\u3059\u5834\u6240" },
  { id: "help.report.title", en: "the page's title", ja: "\u30DA\u30FC\u30B8\u306E\u30BF\u30A4\u30C8\u30EB" },
  // run, work, watch, schedule, serve, share
  {
    id: "help.run",
    en: "run a program for a task under a lease: exit 0 submits it, a failure retries it later",
    ja: "\u30EA\u30FC\u30B9\u306E\u4E0B\u3067\u30BF\u30B9\u30AF\u306E\u305F\u3081\u306B\u30D7\u30ED\u30B0\u30E9\u30E0\u3092\u5B9F\u884C\u3059\u308B: \u7D42\u4E86\u30B3\u30FC\u30C9 0 \u306A\u3089\u63D0\u51FA\u3001\u5931\u6557\u306A\u3089\u5F8C\u3067\u518D\u8A66\u884C"
  },
  {
    id: "help.run.command",
    en: "after --: the program and its arguments (started directly, not by a shell)",
    ja: "-- \u306E\u5F8C\u306B: \u30D7\u30ED\u30B0\u30E9\u30E0\u3068\u5F15\u6570\uFF08\u30B7\u30A7\u30EB\u3092\u901A\u3055\u305A\u76F4\u63A5\u8D77\u52D5\uFF09"
  },
  {
    id: "help.run.ttl",
    en: "lease length (default: the policy's lease); renewed every TTL/3 while it runs",
    ja: "\u30EA\u30FC\u30B9\u306E\u9577\u3055\uFF08\u65E2\u5B9A: \u30DD\u30EA\u30B7\u30FC\u306E lease\uFF09\u3002\u5B9F\u884C\u4E2D\u306F TTL/3 \u3054\u3068\u306B\u66F4\u65B0"
  },
  {
    id: "help.run.on-success",
    en: "after exit 0: review (submit), done (submit, then the automation actor accepts), release",
    ja: "\u7D42\u4E86\u30B3\u30FC\u30C9 0 \u306E\u5F8C: review\uFF08\u63D0\u51FA\uFF09\u3001done\uFF08\u63D0\u51FA\u3057\u3066\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC\u304C\u53D7\u3051\u5165\u308C\uFF09\u3001release"
  },
  {
    id: "help.run.log-dir",
    en: "where each run's output is kept (default: .git/taskgate/runs)",
    ja: "\u5404\u5B9F\u884C\u306E\u51FA\u529B\u3092\u7F6E\u304F\u5834\u6240\uFF08\u65E2\u5B9A: .git/taskgate/runs\uFF09"
  },
  {
    id: "help.run.grace",
    en: "time between SIGTERM and SIGKILL when the program must stop",
    ja: "\u30D7\u30ED\u30B0\u30E9\u30E0\u3092\u6B62\u3081\u308B\u3068\u304D\u306E SIGTERM \u304B\u3089 SIGKILL \u307E\u3067\u306E\u6642\u9593"
  },
  {
    id: "help.work",
    en: "a worker loop: take the best task, run a command for it under a lease, repeat (N at once)",
    ja: "\u30EF\u30FC\u30AB\u30FC\u30EB\u30FC\u30D7: \u6700\u9069\u306A\u30BF\u30B9\u30AF\u3092\u53D6\u308A\u3001\u30EA\u30FC\u30B9\u306E\u4E0B\u3067\u30B3\u30DE\u30F3\u30C9\u3092\u5B9F\u884C\u3057\u3001\u7E70\u308A\u8FD4\u3059\uFF08\u540C\u6642\u306B N \u500B\uFF09"
  },
  {
    id: "help.work.exec",
    en: "the command for each task; {{id}}, {{title}} and {{file}} (the task's Markdown) become arguments (no shell)",
    ja: "\u5404\u30BF\u30B9\u30AF\u306E\u30B3\u30DE\u30F3\u30C9\u3002{{id}}\u3001{{title}}\u3001{{file}}\uFF08\u30BF\u30B9\u30AF\u306E Markdown\uFF09\u304C\u5F15\u6570\u306B\u306A\u308B\uFF08\u30B7\u30A7\u30EB\u306A\u3057\uFF09"
  },
  { id: "help.work.parallel", en: "tasks run at once", ja: "\u540C\u6642\u306B\u5B9F\u884C\u3059\u308B\u30BF\u30B9\u30AF\u6570" },
  {
    id: "help.work.max-tasks",
    en: "start at most this many tasks, then finish",
    ja: "\u6700\u5927\u3067\u3053\u306E\u6570\u306E\u30BF\u30B9\u30AF\u3092\u59CB\u3081\u305F\u3089\u7D42\u308F\u308B"
  },
  {
    id: "help.work.exit-when-idle",
    en: "end when no task is left to start (instead of waiting for new ones)",
    ja: "\u59CB\u3081\u308B\u30BF\u30B9\u30AF\u304C\u306A\u304F\u306A\u3063\u305F\u3089\u7D42\u308F\u308B\uFF08\u65B0\u3057\u3044\u30BF\u30B9\u30AF\u3092\u5F85\u305F\u306A\u3044\uFF09"
  },
  {
    id: "help.watch",
    en: "recover expired leases, run due schedules, auto-approve, report health: once, or on every change",
    ja: "\u671F\u9650\u5207\u308C\u306E\u30EA\u30FC\u30B9\u3092\u56DE\u5FA9\u3057\u3001\u4E88\u5B9A\u3092\u5B9F\u884C\u3057\u3001\u81EA\u52D5\u627F\u8A8D\u3057\u3001\u72B6\u614B\u3092\u5831\u544A\u3059\u308B: 1 \u56DE\u3001\u307E\u305F\u306F\u5909\u66F4\u306E\u305F\u3073"
  },
  {
    id: "help.watch.once",
    en: "run one tick and exit (for cron, systemd timers, Task Scheduler)",
    ja: "1 \u56DE\u3060\u3051\u51E6\u7406\u3057\u3066\u7D42\u308F\u308B\uFF08cron\u3001systemd \u30BF\u30A4\u30DE\u30FC\u3001\u30BF\u30B9\u30AF \u30B9\u30B1\u30B8\u30E5\u30FC\u30E9\u7528\uFF09"
  },
  { id: "help.watch.interval", en: "time between ticks when nothing changes", ja: "\u5909\u5316\u304C\u306A\u3044\u3068\u304D\u306E\u51E6\u7406\u306E\u9593\u9694" },
  {
    id: "help.watch.settle",
    en: "quiet time after a ledger change before the tick",
    ja: "\u53F0\u5E33\u306E\u5909\u66F4\u304B\u3089\u51E6\u7406\u307E\u3067\u306E\u5F85\u3061\u6642\u9593"
  },
  {
    id: "help.watch.poll",
    en: "poll the ledgers' stat every second instead of using file system events",
    ja: "\u30D5\u30A1\u30A4\u30EB\u30B7\u30B9\u30C6\u30E0\u306E\u30A4\u30D9\u30F3\u30C8\u306E\u4EE3\u308F\u308A\u306B\u6BCE\u79D2\u53F0\u5E33\u306E stat \u3092\u8ABF\u3079\u308B"
  },
  {
    id: "help.watch.quiet",
    en: "print only problems (cron then mails only when something is wrong)",
    ja: "\u554F\u984C\u3060\u3051\u3092\u8868\u793A\u3059\u308B\uFF08cron \u306F\u554F\u984C\u304C\u3042\u308B\u3068\u304D\u3060\u3051\u30E1\u30FC\u30EB\u3059\u308B\uFF09"
  },
  {
    id: "help.schedule",
    en: "run watch --once from the OS scheduler",
    ja: "OS \u306E\u30B9\u30B1\u30B8\u30E5\u30FC\u30E9\u304B\u3089 watch --once \u3092\u5B9F\u884C\u3059\u308B"
  },
  {
    id: "help.schedule.install",
    en: "print (or with --write, install) a crontab line, systemd user units or a schtasks command",
    ja: "crontab \u306E\u884C\u3001systemd \u30E6\u30FC\u30B6\u30FC\u30E6\u30CB\u30C3\u30C8\u3001\u307E\u305F\u306F schtasks \u30B3\u30DE\u30F3\u30C9\u3092\u8868\u793A\u3059\u308B\uFF08--write \u306A\u3089\u30A4\u30F3\u30B9\u30C8\u30FC\u30EB\uFF09"
  },
  { id: "help.schedule.cron", en: "a line for the user's crontab", ja: "\u30E6\u30FC\u30B6\u30FC\u306E crontab \u7528\u306E 1 \u884C" },
  { id: "help.schedule.systemd", en: "a systemd user service and timer", ja: "systemd \u306E\u30E6\u30FC\u30B6\u30FC\u30B5\u30FC\u30D3\u30B9\u3068\u30BF\u30A4\u30DE\u30FC" },
  {
    id: "help.schedule.windows",
    en: "a Windows Task Scheduler (schtasks) command",
    ja: "Windows \u30BF\u30B9\u30AF \u30B9\u30B1\u30B8\u30E5\u30FC\u30E9\uFF08schtasks\uFF09\u306E\u30B3\u30DE\u30F3\u30C9"
  },
  {
    id: "help.schedule.every",
    en: "how often: minutes or hours that divide an hour or a day",
    ja: "\u983B\u5EA6: 1 \u6642\u9593\u307E\u305F\u306F 1 \u65E5\u3092\u5272\u308A\u5207\u308B\u5206\u6570\u307E\u305F\u306F\u6642\u9593\u6570"
  },
  {
    id: "help.schedule.print",
    en: "print what to install (the default)",
    ja: "\u30A4\u30F3\u30B9\u30C8\u30FC\u30EB\u3059\u308B\u5185\u5BB9\u3092\u8868\u793A\u3059\u308B\uFF08\u65E2\u5B9A\uFF09"
  },
  {
    id: "help.schedule.write",
    en: "install it: the user's crontab, or ~/.config/systemd/user (and enable the timer)",
    ja: "\u30A4\u30F3\u30B9\u30C8\u30FC\u30EB\u3059\u308B: \u30E6\u30FC\u30B6\u30FC\u306E crontab\u3001\u307E\u305F\u306F ~/.config/systemd/user\uFF08\u30BF\u30A4\u30DE\u30FC\u3082\u6709\u52B9\u5316\uFF09"
  },
  {
    id: "help.serve",
    en: "a live board in the browser on 127.0.0.1: the URL (with its token) is the first line printed",
    ja: "127.0.0.1 \u306E\u30D6\u30E9\u30A6\u30B6\u30FC\u3067\u898B\u308B\u30E9\u30A4\u30D6\u30DC\u30FC\u30C9: \u6700\u521D\u306B\u8868\u793A\u3055\u308C\u308B\u884C\u304C\uFF08\u30C8\u30FC\u30AF\u30F3\u3064\u304D\u306E\uFF09URL"
  },
  { id: "help.serve.port", en: "the port (0: any free port)", ja: "\u30DD\u30FC\u30C8\uFF080: \u7A7A\u3044\u3066\u3044\u308B\u4EFB\u610F\u306E\u30DD\u30FC\u30C8\uFF09" },
  { id: "help.serve.open", en: "open the page in the default browser", ja: "\u65E2\u5B9A\u306E\u30D6\u30E9\u30A6\u30B6\u30FC\u3067\u30DA\u30FC\u30B8\u3092\u958B\u304F" },
  {
    id: "help.serve.read-only",
    en: "show the board only: no decisions from the page",
    ja: "\u30DC\u30FC\u30C9\u3092\u8868\u793A\u3059\u308B\u3060\u3051: \u30DA\u30FC\u30B8\u304B\u3089\u306F\u5224\u5B9A\u3057\u306A\u3044"
  },
  {
    id: "help.share",
    en: "share the board through git: every worktree of this clone, and with --remote every clone",
    ja: "git \u3067\u30DC\u30FC\u30C9\u3092\u5171\u6709\u3059\u308B: \u3053\u306E\u30AF\u30ED\u30FC\u30F3\u306E\u3059\u3079\u3066\u306E\u30EF\u30FC\u30AF\u30C4\u30EA\u30FC\u3001--remote \u306A\u3089\u3059\u3079\u3066\u306E\u30AF\u30ED\u30FC\u30F3"
  },
  {
    id: "help.share.remote",
    en: "the git remote whose branch is the board (a push decides every write)",
    ja: "\u30D6\u30E9\u30F3\u30C1\u304C\u30DC\u30FC\u30C9\u306B\u306A\u308B git \u306E\u30EA\u30E2\u30FC\u30C8\uFF08\u66F8\u304D\u8FBC\u307F\u306F\u3059\u3079\u3066 push \u3067\u6C7A\u307E\u308B\uFF09"
  },
  { id: "help.share.branch", en: "the branch the board lives on", ja: "\u30DC\u30FC\u30C9\u3092\u7F6E\u304F\u30D6\u30E9\u30F3\u30C1" },
  // \u2500\u2500 command results \u2500\u2500
  { id: "result.created", en: "Created {files+}.", ja: "{files+} \u3092\u4F5C\u6210\u3057\u307E\u3057\u305F\u3002" },
  { id: "part.and", en: "{a} and {b}", ja: "{a} \u3068 {b}" },
  {
    id: "result.transition.lease",
    en: "{id} {action}: {from} -> {to}; lease token {token} for {holder} until {until}",
    ja: "{id} \u3092 {action} \u3057\u307E\u3057\u305F: {from} -> {to}\u3002\u30EA\u30FC\u30B9\u30C8\u30FC\u30AF\u30F3 {token}\uFF08{holder}\u3001{until} \u307E\u3067\uFF09"
  },
  {
    id: "result.renew",
    en: "{id} {action}: {state}; lease token {token} for {holder} until {until}",
    ja: "{id} \u3092 {action} \u3057\u307E\u3057\u305F: {state}\u3002\u30EA\u30FC\u30B9\u30C8\u30FC\u30AF\u30F3 {token}\uFF08{holder}\u3001{until} \u307E\u3067\uFF09"
  },
  { id: "result.transition", en: "{id} {action}: {from} -> {to}", ja: "{id} \u3092 {action} \u3057\u307E\u3057\u305F: {from} -> {to}" },
  { id: "result.transition.same", en: "{id} {action}: {state}", ja: "{id} \u3092 {action} \u3057\u307E\u3057\u305F: {state}" },
  { id: "result.set", en: "{id} {key}: {old+} -> {new+}", ja: "{id} \u306E {key}: {old+} -> {new+}" },
  { id: "result.set.none", en: "(none)", ja: "\uFF08\u306A\u3057\uFF09" },
  { id: "result.set.removed", en: "(removed)", ja: "\uFF08\u524A\u9664\uFF09" },
  { id: "result.set.nothing", en: "{id}: nothing to change", ja: "{id}: \u5909\u66F4\u306F\u3042\u308A\u307E\u305B\u3093" },
  { id: "result.no-tasks", en: "No tasks match.", ja: "\u4E00\u81F4\u3059\u308B\u30BF\u30B9\u30AF\u306F\u3042\u308A\u307E\u305B\u3093\u3002" },
  { id: "result.no-approvals", en: "No approvals match.", ja: "\u4E00\u81F4\u3059\u308B\u627F\u8A8D\u306F\u3042\u308A\u307E\u305B\u3093\u3002" },
  { id: "result.wrote", en: "Wrote {file}", ja: "{file} \u3092\u66F8\u304D\u51FA\u3057\u307E\u3057\u305F" },
  { id: "result.check.ok", en: "{files+}: ok", ja: "{files+}: \u554F\u984C\u306A\u3057" },
  { id: "result.check.ok-warnings", en: "{files+}: ok ({n} warnings)", ja: "{files+}: \u554F\u984C\u306A\u3057\uFF08\u8B66\u544A {n} \u4EF6\uFF09" },
  { id: "result.check.ok-warning", en: "{files+}: ok (1 warning)", ja: "{files+}: \u554F\u984C\u306A\u3057\uFF08\u8B66\u544A 1 \u4EF6\uFF09" },
  {
    id: "result.check.errors",
    en: "{n} errors, {m} warnings in {files}",
    ja: "{files} \u306B\u30A8\u30E9\u30FC {n} \u4EF6\u3001\u8B66\u544A {m} \u4EF6"
  },
  { id: "result.check.error", en: "1 error, {m} warnings in {files}", ja: "{files} \u306B\u30A8\u30E9\u30FC 1 \u4EF6\u3001\u8B66\u544A {m} \u4EF6" },
  { id: "result.check.error-warning", en: "1 error, 1 warning in {files}", ja: "{files} \u306B\u30A8\u30E9\u30FC 1 \u4EF6\u3001\u8B66\u544A 1 \u4EF6" },
  {
    id: "result.check.errors-warning",
    en: "{n} errors, 1 warning in {files}",
    ja: "{files} \u306B\u30A8\u30E9\u30FC {n} \u4EF6\u3001\u8B66\u544A 1 \u4EF6"
  },
  { id: "result.approved", en: "{id} approved", ja: "{id} \u3092\u627F\u8A8D\u3057\u307E\u3057\u305F" },
  { id: "result.rejected", en: "{id} rejected", ja: "{id} \u3092\u5374\u4E0B\u3057\u307E\u3057\u305F" },
  { id: "result.supersedes", en: "{id} (supersedes {ids})", ja: "{id}\uFF08{ids} \u3092\u7F6E\u304D\u63DB\u3048\uFF09" },
  { id: "result.no-pending", en: "No pending requests.", ja: "\u4FDD\u7559\u4E2D\u306E\u4F9D\u983C\u306F\u3042\u308A\u307E\u305B\u3093\u3002" },
  {
    id: "result.staged.problems",
    en: "{n} problems in the staged ledgers; the commit is refused",
    ja: "\u30B9\u30C6\u30FC\u30B8\u3055\u308C\u305F\u53F0\u5E33\u306B\u554F\u984C\u304C {n} \u4EF6\u3042\u308A\u307E\u3059\u3002\u30B3\u30DF\u30C3\u30C8\u3092\u62D2\u5426\u3057\u307E\u3059"
  },
  {
    id: "result.staged.problem",
    en: "1 problem in the staged ledgers; the commit is refused",
    ja: "\u30B9\u30C6\u30FC\u30B8\u3055\u308C\u305F\u53F0\u5E33\u306B\u554F\u984C\u304C 1 \u4EF6\u3042\u308A\u307E\u3059\u3002\u30B3\u30DF\u30C3\u30C8\u3092\u62D2\u5426\u3057\u307E\u3059"
  },
  { id: "result.verify.ok", en: "{n} commits checked: ok", ja: "{n} \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u3092\u691C\u67FB\u3057\u307E\u3057\u305F: \u554F\u984C\u306A\u3057" },
  { id: "result.verify.ok-one", en: "1 commit checked: ok", ja: "1 \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u3092\u691C\u67FB\u3057\u307E\u3057\u305F: \u554F\u984C\u306A\u3057" },
  { id: "result.verify.problems", en: "{n} problems in {m} commits", ja: "{m} \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u306B\u554F\u984C\u304C {n} \u4EF6" },
  { id: "result.verify.problem", en: "1 problem in {m} commits", ja: "{m} \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u306B\u554F\u984C\u304C 1 \u4EF6" },
  { id: "result.verify.problems-one", en: "{n} problems in 1 commit", ja: "1 \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u306B\u554F\u984C\u304C {n} \u4EF6" },
  { id: "result.verify.problem-one", en: "1 problem in 1 commit", ja: "1 \u4EF6\u306E\u30B3\u30DF\u30C3\u30C8\u306B\u554F\u984C\u304C 1 \u4EF6" },
  { id: "result.nothing-to-do", en: "Nothing to do for {actor}: {why}", ja: "{actor} \u306E\u3084\u308B\u3053\u3068\u306F\u3042\u308A\u307E\u305B\u3093: {why}" },
  // \u2500\u2500 status and board labels \u2500\u2500
  { id: "status.tasks", en: "{file}: {n} tasks", ja: "{file}: \u30BF\u30B9\u30AF {n} \u4EF6" },
  { id: "status.task", en: "{file}: 1 task", ja: "{file}: \u30BF\u30B9\u30AF 1 \u4EF6" },
  { id: "status.leases", en: "leases: {n} held", ja: "\u30EA\u30FC\u30B9: \u4FDD\u6301\u4E2D {n} \u4EF6" },
  { id: "status.leases.first-ends", en: " (the first ends {time})", ja: "\uFF08\u6700\u521D\u306E\u7D42\u4E86 {time}\uFF09" },
  { id: "status.leases.none-expired", en: ", none expired", ja: "\u3001\u671F\u9650\u5207\u308C\u306A\u3057" },
  { id: "status.leases.expired", en: "{n} expired", ja: "\u671F\u9650\u5207\u308C {n} \u4EF6" },
  { id: "status.lease.expired-ago", en: "expired {age} ago ({time})", ja: "{age} \u524D\u306B\u671F\u9650\u5207\u308C\uFF08{time}\uFF09" },
  { id: "status.blocked", en: "blocked", ja: "\u30D6\u30ED\u30C3\u30AF\u4E2D" },
  { id: "status.pending", en: "{file}: {n} pending", ja: "{file}: \u4FDD\u7559\u4E2D {n} \u4EF6" },
  { id: "status.past-sla", en: "{n} past SLA", ja: "SLA \u8D85\u904E {n} \u4EF6" },
  { id: "status.stale", en: "{n} stale ({ids})", ja: "\u53E4\u3044\u627F\u8A8D {n} \u4EF6\uFF08{ids}\uFF09" },
  { id: "part.comma", en: ", ", ja: "\u3001" },
  { id: "status.waiting", en: "waiting {age}", ja: "{age} \u5F85\u6A5F\u4E2D" },
  { id: "status.missing", en: "missing", ja: "\u898B\u3064\u304B\u308A\u307E\u305B\u3093" },
  { id: "status.run-init", en: "(run taskgate init)", ja: "\uFF08taskgate init \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044\uFF09" },
  { id: "status.run-check", en: ": run taskgate check", ja: ": taskgate check \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044" },
  { id: "status.expired-ago", en: "expired {age} ago", ja: "{age} \u524D\u306B\u671F\u9650\u5207\u308C" },
  { id: "show.ago", en: "({age} ago)", ja: "\uFF08{age} \u524D\uFF09" },
  { id: "status.errors-warnings", en: "{n} errors, {m} warnings", ja: "\u30A8\u30E9\u30FC {n} \u4EF6\u3001\u8B66\u544A {m} \u4EF6" },
  { id: "status.error-warnings", en: "1 error, {m} warnings", ja: "\u30A8\u30E9\u30FC 1 \u4EF6\u3001\u8B66\u544A {m} \u4EF6" },
  { id: "status.errors-warning", en: "{n} errors, 1 warning", ja: "\u30A8\u30E9\u30FC {n} \u4EF6\u3001\u8B66\u544A 1 \u4EF6" },
  { id: "status.error-warning", en: "1 error, 1 warning", ja: "\u30A8\u30E9\u30FC 1 \u4EF6\u3001\u8B66\u544A 1 \u4EF6" },
  { id: "status.board", en: "Board: {where}", ja: "\u30DC\u30FC\u30C9: {where}" },
  { id: "status.phases", en: "Phases:", ja: "\u30D5\u30A7\u30FC\u30BA:" },
  { id: "board.left", en: "{age} left", ja: "\u6B8B\u308A {age}" },
  { id: "board.expired", en: "expired", ja: "\u671F\u9650\u5207\u308C" },
  { id: "board.blocked", en: "blocked: {why}", ja: "\u30D6\u30ED\u30C3\u30AF\u4E2D: {why}" },
  // \u2500\u2500 errors people meet first \u2500\u2500
  { id: "error.no-task", en: "There is no task {id} in {file}", ja: "{file} \u306B\u30BF\u30B9\u30AF {id} \u306F\u3042\u308A\u307E\u305B\u3093" },
  {
    id: "error.no-roles",
    en: 'Actor "{name}" has no roles; add a line "- {name}: {role}" under "## Roles" in {file}, or act as someone listed there with --as NAME',
    ja: "\u30A2\u30AF\u30BF\u30FC\u300C{name}\u300D\u306B\u306F\u30ED\u30FC\u30EB\u304C\u3042\u308A\u307E\u305B\u3093\u3002{file} \u306E\u300C## Roles\u300D\u306E\u4E0B\u306B\u300C- {name}: {role}\u300D\u306E\u884C\u3092\u52A0\u3048\u308B\u304B\u3001\u305D\u3053\u306B\u8F09\u3063\u3066\u3044\u308B\u4EBA\u3068\u3057\u3066 --as NAME \u3067\u64CD\u4F5C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "error.role",
    en: "{actor} ({roles}) may not {action}; that takes the {role} role",
    ja: "{actor}\uFF08{roles}\uFF09\u306F {action} \u3067\u304D\u307E\u305B\u3093\u3002{role} \u30ED\u30FC\u30EB\u304C\u5FC5\u8981\u3067\u3059"
  },
  {
    id: "error.state",
    en: "{id} is {state}; {action} needs it {to}",
    ja: "{id} \u306F {state} \u3067\u3059\u3002{action} \u306B\u306F {to} \u3067\u3042\u308B\u5FC5\u8981\u304C\u3042\u308A\u307E\u3059"
  },
  {
    id: "error.state-new",
    en: "{id} is on the board already ({state}); {action} makes a new task",
    ja: "{id} \u306F\u3059\u3067\u306B\u30DC\u30FC\u30C9\u306B\u3042\u308A\u307E\u3059\uFF08{state}\uFF09\u3002{action} \u306F\u65B0\u3057\u3044\u30BF\u30B9\u30AF\u3092\u4F5C\u308A\u307E\u3059"
  },
  {
    id: "error.leased",
    en: "{id} is leased to {holder} until {until} (token {token})",
    ja: "{id} \u306F {until} \u307E\u3067 {holder} \u304C\u30EA\u30FC\u30B9\u3057\u3066\u3044\u307E\u3059\uFF08\u30C8\u30FC\u30AF\u30F3 {token}\uFF09"
  },
  {
    id: "error.locked",
    en: "{file} is locked by {who+} (lock {lock}); try again in a moment, or remove the lock if that process is not taskgate",
    ja: "{file} \u306F {who+} \u304C\u30ED\u30C3\u30AF\u3057\u3066\u3044\u307E\u3059\uFF08\u30ED\u30C3\u30AF {lock}\uFF09\u3002\u5C11\u3057\u5F85\u3063\u3066\u518D\u5B9F\u884C\u3059\u308B\u304B\u3001\u305D\u306E\u30D7\u30ED\u30BB\u30B9\u304C taskgate \u3067\u306A\u3051\u308C\u3070\u30ED\u30C3\u30AF\u3092\u524A\u9664\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "error.locked.remote",
    en: "process {pid} on {host} (another host or container)",
    ja: "{host}\uFF08\u5225\u306E\u30DB\u30B9\u30C8\u307E\u305F\u306F\u30B3\u30F3\u30C6\u30CA\u30FC\uFF09\u306E\u30D7\u30ED\u30BB\u30B9 {pid}"
  },
  {
    id: "error.locked.self",
    en: "process {pid} on {host} (this process)",
    ja: "\u3053\u306E\u30D7\u30ED\u30BB\u30B9\uFF08{host} \u306E\u30D7\u30ED\u30BB\u30B9 {pid}\uFF09"
  },
  { id: "error.locked.process", en: "process {pid} on {host}", ja: "{host} \u306E\u30D7\u30ED\u30BB\u30B9 {pid}" },
  { id: "error.locked.another", en: "another taskgate process", ja: "\u5225\u306E taskgate \u30D7\u30ED\u30BB\u30B9" },
  {
    id: "error.nobody",
    en: 'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"',
    ja: "\u64CD\u4F5C\u3059\u308B\u30A2\u30AF\u30BF\u30FC\u304C\u3044\u307E\u305B\u3093: --as NAME \u3092\u6E21\u3059\u304B\u3001TASKGATE_ACTOR \u3092\u8A2D\u5B9A\u3059\u308B\u304B\u3001git config user.email \u3092\u300C## Roles\u300D\u306B\u8F09\u3063\u3066\u3044\u308B\u540D\u524D\u306B\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "error.unknown-state",
    en: 'Unknown state "{name}"; expected {states}',
    ja: "\u4E0D\u660E\u306A\u72B6\u614B\u300C{name}\u300D\u3002{states} \u306E\u3044\u305A\u308C\u304B\u3092\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "error.unknown-approval-status",
    en: 'Unknown approval status "{name}"; expected {statuses}',
    ja: "\u4E0D\u660E\u306A\u627F\u8A8D\u30B9\u30C6\u30FC\u30BF\u30B9\u300C{name}\u300D\u3002{statuses} \u306E\u3044\u305A\u308C\u304B\u3092\u6307\u5B9A\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  { id: "error.waits", en: "{id} waits for {ids} to be DONE", ja: "{id} \u306F {ids} \u304C DONE \u306B\u306A\u308B\u306E\u3092\u5F85\u3063\u3066\u3044\u307E\u3059" },
  {
    id: "error.invalid-ledger",
    en: "{file} has {n} errors; fix them first (nothing was written):",
    ja: "{file} \u306B\u30A8\u30E9\u30FC\u304C {n} \u4EF6\u3042\u308A\u307E\u3059\u3002\u5148\u306B\u76F4\u3057\u3066\u304F\u3060\u3055\u3044\uFF08\u4F55\u3082\u66F8\u304D\u8FBC\u3093\u3067\u3044\u307E\u305B\u3093\uFF09:"
  },
  {
    id: "error.invalid-ledger.one",
    en: "{file} has 1 error; fix it first (nothing was written):",
    ja: "{file} \u306B\u30A8\u30E9\u30FC\u304C 1 \u4EF6\u3042\u308A\u307E\u3059\u3002\u5148\u306B\u76F4\u3057\u3066\u304F\u3060\u3055\u3044\uFF08\u4F55\u3082\u66F8\u304D\u8FBC\u3093\u3067\u3044\u307E\u305B\u3093\uFF09:"
  },
  // \u2500\u2500 the HTML report's labels \u2500\u2500
  { id: "report.title", en: "taskgate report", ja: "taskgate \u30EC\u30DD\u30FC\u30C8" },
  { id: "report.board", en: "Board", ja: "\u30DC\u30FC\u30C9" },
  { id: "report.measures", en: "Measures", ja: "\u6307\u6A19" },
  { id: "report.charts", en: "Charts", ja: "\u30B0\u30E9\u30D5" },
  { id: "report.goals", en: "Goals", ja: "\u76EE\u6A19" },
  { id: "report.goal", en: "goal", ja: "\u76EE\u6A19" },
  { id: "report.actual", en: "actual", ja: "\u5B9F\u7E3E" },
  { id: "report.met", en: "met", ja: "\u9054\u6210" },
  { id: "report.missed", en: "missed", ja: "\u672A\u9054" },
  { id: "report.no-data", en: "no data", ja: "\u30C7\u30FC\u30BF\u306A\u3057" },
  { id: "report.median", en: "median", ja: "\u4E2D\u592E\u5024" },
  { id: "report.count", en: "count", ja: "\u4EF6\u6570" },
  { id: "report.done", en: "Done", ja: "\u5B8C\u4E86" },
  { id: "report.automation-rate", en: "Automation rate", ja: "\u81EA\u52D5\u5316\u7387" },
  { id: "report.recovery-rate", en: "Auto-recovery rate", ja: "\u81EA\u52D5\u56DE\u5FA9\u7387" },
  { id: "report.wait-change", en: "Approval wait change", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\u306E\u5909\u5316" },
  { id: "report.wait-all", en: "Approval wait, all", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u5168\u4F53\uFF09" },
  { id: "report.wait-automatic", en: "Approval wait, automatic", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u81EA\u52D5\uFF09" },
  { id: "report.wait-manual", en: "Approval wait, manual", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u624B\u52D5\uFF09" },
  { id: "report.wait-previous", en: "Approval wait, previous period", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u524D\u306E\u671F\u9593\uFF09" },
  { id: "report.recover", en: "Time to recover", ja: "\u56DE\u5FA9\u307E\u3067\u306E\u6642\u9593" },
  { id: "report.lead", en: "Lead time", ja: "\u30EA\u30FC\u30C9\u30BF\u30A4\u30E0" },
  { id: "report.cycle", en: "Cycle time", ja: "\u30B5\u30A4\u30AF\u30EB\u30BF\u30A4\u30E0" },
  { id: "report.open-age", en: "Open work age", ja: "\u672A\u5B8C\u4E86\u306E\u4F5C\u696D\u306E\u7D4C\u904E\u6642\u9593" },
  { id: "report.throughput", en: "Throughput", ja: "\u30B9\u30EB\u30FC\u30D7\u30C3\u30C8" },
  { id: "report.approval-wait", en: "Approval wait", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593" },
  { id: "report.automation-time", en: "Automation over time", ja: "\u81EA\u52D5\u5316\u306E\u63A8\u79FB" },
  { id: "report.phases", en: "Phases and forecasts", ja: "\u30D5\u30A7\u30FC\u30BA\u3068\u4E88\u6E2C" },
  { id: "report.due", en: "due", ja: "\u671F\u9650" },
  { id: "report.progress", en: "progress", ja: "\u9032\u6357" },
  { id: "report.what-blocks", en: "what blocks it", ja: "\u59A8\u3052\u3066\u3044\u308B\u3082\u306E" },
  { id: "report.forecast", en: "forecast", ja: "\u4E88\u6E2C" },
  { id: "report.whole-board", en: "whole board", ja: "\u30DC\u30FC\u30C9\u5168\u4F53" },
  { id: "report.no-changes", en: "no state changes in this period", ja: "\u3053\u306E\u671F\u9593\u306B\u72B6\u614B\u306E\u5909\u5316\u306F\u3042\u308A\u307E\u305B\u3093" },
  {
    id: "report.changes",
    en: "{n} of {m} state changes and decisions",
    ja: "\u72B6\u614B\u306E\u5909\u5316\u3068\u5224\u5B9A {m} \u4EF6\u306E\u3046\u3061 {n} \u4EF6"
  },
  {
    id: "report.failures",
    en: "{n} of {m} failures ({k} expired leases, {count} failed runs)",
    ja: "\u5931\u6557 {m} \u4EF6\u306E\u3046\u3061 {n} \u4EF6\uFF08\u671F\u9650\u5207\u308C\u306E\u30EA\u30FC\u30B9 {k} \u4EF6\u3001\u5931\u6557\u3057\u305F\u5B9F\u884C {count} \u4EF6\uFF09"
  },
  { id: "report.per-day", en: "{num} a day; blocked now: {n}", ja: "1 \u65E5 {num} \u4EF6\u3002\u73FE\u5728\u30D6\u30ED\u30C3\u30AF\u4E2D: {n}" },
  { id: "report.lease", en: "{who} \xB7 {age} left", ja: "{who} \xB7 \u6B8B\u308A {age}" },
  { id: "report.lease-expired", en: "{who} \xB7 expired", ja: "{who} \xB7 \u671F\u9650\u5207\u308C" },
  { id: "report.more", en: "and {n} more", ja: "\u307B\u304B {n} \u4EF6" },
  { id: "report.phase-done", en: "{n} of {m} done", ja: "{m} \u4EF6\u4E2D {n} \u4EF6\u5B8C\u4E86" },
  { id: "report.not-done", en: "{n} not done", ja: "\u672A\u5B8C\u4E86 {n} \u4EF6" },
  // \u2500\u2500 wave two: health, hooks, paths and worktrees, uninstall, metrics by steps \u2500\u2500
  {
    id: "help.wave2.take-taskgate-check-staged-out-of-the-pr",
    en: "take `taskgate check --staged` out of the pre-commit hook (the hook's own commands are kept)",
    ja: "pre-commit \u30D5\u30C3\u30AF\u304B\u3089 `taskgate check --staged` \u3092\u53D6\u308A\u9664\u304F\uFF08\u30D5\u30C3\u30AF\u81EA\u8EAB\u306E\u30B3\u30DE\u30F3\u30C9\u306F\u6B8B\u3059\uFF09"
  },
  {
    id: "help.wave2.remove-the-merge-taskgate-lines-from-git",
    en: "remove the merge=taskgate lines from .gitattributes and merge.taskgate from this clone's git config",
    ja: ".gitattributes \u306E merge=taskgate \u306E\u884C\u3068\u3001\u3053\u306E\u30AF\u30ED\u30FC\u30F3\u306E git \u8A2D\u5B9A\u306E merge.taskgate \u3092\u53D6\u308A\u9664\u304F"
  },
  {
    id: "help.wave2.problems-ledger-errors-a-broken-hash-cha",
    en: "Problems: ledger errors (a broken hash chain among them), leases expired and not recovered, dead\nletters, approvals past the policy's approval-sla or stale, the pre-commit hook or the merge\ndriver configured but missing, a schedule's run overdue by more than 15 minutes.\n\nExit codes of health: 0 no problem; 6 a problem stands; 3 a ledger has errors (with or\nwithout others); 1 no board here; 2 usage.",
    ja: "\u554F\u984C: \u53F0\u5E33\u306E\u30A8\u30E9\u30FC\uFF08\u58CA\u308C\u305F\u30CF\u30C3\u30B7\u30E5\u30C1\u30A7\u30FC\u30F3\u3092\u542B\u3080\uFF09\u3001\u671F\u9650\u304C\u5207\u308C\u3066\u56DE\u5FA9\u3055\u308C\u3066\u3044\u306A\u3044\u30EA\u30FC\u30B9\u3001\u30C7\u30C3\u30C9\n\u30EC\u30BF\u30FC\u3001\u30DD\u30EA\u30B7\u30FC\u306E approval-sla \u3092\u904E\u304E\u305F\u627F\u8A8D\u3084\u53E4\u304F\u306A\u3063\u305F\u627F\u8A8D\u3001\u8A2D\u5B9A\u3055\u308C\u3066\u3044\u308B\u306E\u306B\u898B\u3064\u304B\u3089\u306A\u3044\npre-commit \u30D5\u30C3\u30AF\u3084\u30DE\u30FC\u30B8\u30C9\u30E9\u30A4\u30D0\u30FC\u300115 \u5206\u3092\u8D85\u3048\u3066\u9045\u308C\u3066\u3044\u308B\u4E88\u5B9A\u306E\u5B9F\u884C\u3002\n\nhealth \u306E\u7D42\u4E86\u30B3\u30FC\u30C9: 0 \u554F\u984C\u306A\u3057\u30026 \u554F\u984C\u304C\u3042\u308B\u30023 \u53F0\u5E33\u306B\u30A8\u30E9\u30FC\u304C\u3042\u308B\uFF08\u4ED6\u306E\u554F\u984C\u306E\u6709\u7121\u306B\n\u304B\u304B\u308F\u3089\u305A\uFF09\u30021 \u3053\u3053\u306B\u30DC\u30FC\u30C9\u304C\u306A\u3044\u30022 \u4F7F\u3044\u65B9\u306E\u8AA4\u308A\u3002"
  },
  {
    id: "help.wave2.every-standing-problem-of-the-board-one",
    en: "every standing problem of the board, one a line; exit 0 only when there is none",
    ja: "\u30DC\u30FC\u30C9\u306B\u4ECA\u3042\u308B\u554F\u984C\u3092 1 \u884C\u306B 1 \u3064\u305A\u3064\u8868\u793A\u3002\u554F\u984C\u304C\u306A\u3044\u3068\u304D\u3060\u3051\u7D42\u4E86\u30B3\u30FC\u30C9 0"
  },
  {
    id: "help.wave2.event-hooks-from-tasks-md-s-hooks-list-t",
    en: "event hooks from TASKS.md's ## Hooks: list them, trust them on this machine, deliver now",
    ja: "TASKS.md \u306E ## Hooks \u306E\u30A4\u30D9\u30F3\u30C8\u30D5\u30C3\u30AF: \u4E00\u89A7\u3001\u3053\u306E\u30DE\u30B7\u30F3\u3067\u306E\u4FE1\u983C\u3001\u4ECA\u3059\u3050\u914D\u4FE1"
  },
  {
    id: "help.wave2.each-hook-whether-it-runs-on-this-machin",
    en: "each hook, whether it runs on this machine, its failure and how many events wait",
    ja: "\u5404\u30D5\u30C3\u30AF\u3001\u3053\u306E\u30DE\u30B7\u30F3\u3067\u52D5\u304F\u304B\u3001\u305D\u306E\u5931\u6557\u3001\u5F85\u3063\u3066\u3044\u308B\u30A4\u30D9\u30F3\u30C8\u306E\u6570"
  },
  {
    id: "help.wave2.run-the-board-s-hooks-on-this-machine-ea",
    en: "run the board's hooks on this machine (each new one hears the events from now on)",
    ja: "\u30DC\u30FC\u30C9\u306E\u30D5\u30C3\u30AF\u3092\u3053\u306E\u30DE\u30B7\u30F3\u3067\u52D5\u304B\u3059\uFF08\u65B0\u3057\u3044\u30D5\u30C3\u30AF\u306F\u3053\u308C\u4EE5\u964D\u306E\u30A4\u30D9\u30F3\u30C8\u3092\u53D7\u3051\u53D6\u308B\uFF09"
  },
  { id: "help.wave2.print-only-failures", en: "print only failures", ja: "\u5931\u6557\u3060\u3051\u3092\u8868\u793A" },
  {
    id: "help.wave2.only-hooks-whose-next-try-is-due-a-faili",
    en: "only hooks whose next try is due (a failing hook waits out its backoff)",
    ja: "\u6B21\u306E\u8A66\u884C\u306E\u6642\u523B\u304C\u6765\u305F\u30D5\u30C3\u30AF\u3060\u3051\uFF08\u5931\u6557\u4E2D\u306E\u30D5\u30C3\u30AF\u306F\u30D0\u30C3\u30AF\u30AA\u30D5\u3092\u5F85\u3064\uFF09"
  },
  {
    id: "help.wave2.deliver-the-events-the-trusted-hooks-hav",
    en: "deliver the events the trusted hooks have not had yet, now (watch does it with backoff)",
    ja: "\u4FE1\u983C\u3055\u308C\u305F\u30D5\u30C3\u30AF\u306B\u307E\u3060\u5C4A\u3044\u3066\u3044\u306A\u3044\u30A4\u30D9\u30F3\u30C8\u3092\u4ECA\u3059\u3050\u914D\u4FE1\uFF08watch \u306F\u30D0\u30C3\u30AF\u30AA\u30D5\u4ED8\u304D\u3067\u914D\u4FE1\u3059\u308B\uFF09"
  },
  {
    id: "help.wave2.start-of-the-period-a-date-2026-11-01-it",
    en: "start of the period: a date (2026-11-01: its midnight in the policy's time-zone, else UTC), a UTC time, or an age (30d); default 30d before --until",
    ja: "\u671F\u9593\u306E\u59CB\u307E\u308A: \u65E5\u4ED8\uFF082026-11-01: \u30DD\u30EA\u30B7\u30FC\u306E time-zone\u3001\u306A\u3051\u308C\u3070 UTC \u3067\u306E\u305D\u306E\u65E5\u306E 0 \u6642\uFF09\u3001UTC \u306E\u6642\u523B\u3001\u307E\u305F\u306F\u7D4C\u904E\u6642\u9593\uFF0830d\uFF09\u3002\u65E2\u5B9A\u306F --until \u306E 30 \u65E5\u524D"
  },
  {
    id: "help.wave2.write-the-prometheus-text-format-node-ex",
    en: "write the Prometheus text format (node_exporter's textfile collector) atomically, and print nothing (with --json, the document too)",
    ja: "Prometheus \u306E\u30C6\u30AD\u30B9\u30C8\u5F62\u5F0F\uFF08node_exporter \u306E textfile collector \u7528\uFF09\u3092\u30A2\u30C8\u30DF\u30C3\u30AF\u306B\u66F8\u304D\u3001\u4F55\u3082\u8868\u793A\u3057\u306A\u3044\uFF08--json \u306E\u3068\u304D\u306F\u6587\u66F8\u3082\u66F8\u304F\uFF09"
  },
  {
    id: "help.wave2.automation-by-steps-of-work-who-took-the",
    en: "automation by steps of work (who took them), approval wait, recovery, work done twice and flow, per day in the policy's time zone, from the logs",
    ja: "\u4F5C\u696D\u306E\u624B\u9806\u3054\u3068\u306E\u81EA\u52D5\u5316\uFF08\u8AB0\u304C\u884C\u3063\u305F\u304B\uFF09\u3001\u627F\u8A8D\u5F85\u3061\u3001\u56DE\u5FA9\u3001\u4E8C\u91CD\u306B\u884C\u308F\u308C\u305F\u4F5C\u696D\u3001\u30D5\u30ED\u30FC\u3092\u3001\u30DD\u30EA\u30B7\u30FC\u306E\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\u306E\u65E5\u3054\u3068\u306B\u30ED\u30B0\u304B\u3089\u96C6\u8A08"
  },
  {
    id: "help.wave2.done-tasks-shown-the-most-recent-the-res",
    en: "DONE tasks shown: the most recent, the rest counted (default 10)",
    ja: "\u8868\u793A\u3059\u308B DONE \u306E\u30BF\u30B9\u30AF\u6570: \u6700\u8FD1\u306E\u3082\u306E\u3092\u8868\u793A\u3057\u3001\u6B8B\u308A\u306F\u4EF6\u6570\u3060\u3051\uFF08\u65E2\u5B9A 10\uFF09"
  },
  {
    id: "help.wave2.one-versioned-taskgate-event-document-pe",
    en: "one versioned taskgate.event document per event and line",
    ja: "\u30A4\u30D9\u30F3\u30C8\u3054\u3068\u306B 1 \u884C\u3001\u30D0\u30FC\u30B8\u30E7\u30F3\u4ED8\u304D\u306E taskgate.event \u6587\u66F8"
  },
  {
    id: "help.wave2.with-worktree-the-commit-a-new-task-bran",
    en: "with --worktree: the commit a new task branch starts from (default: HEAD)",
    ja: "--worktree \u3068\u5171\u306B: \u65B0\u3057\u3044\u30BF\u30B9\u30AF\u30D6\u30E9\u30F3\u30C1\u306E\u8D77\u70B9\u306E\u30B3\u30DF\u30C3\u30C8\uFF08\u65E2\u5B9A: HEAD\uFF09"
  },
  {
    id: "help.wave2.run-in-the-task-s-own-git-worktree-branc",
    en: "run in the task's own git worktree (branch task/<ID>-<title>), made if it has none",
    ja: "\u30BF\u30B9\u30AF\u5C02\u7528\u306E git worktree\uFF08\u30D6\u30E9\u30F3\u30C1 task/<ID>-<title>\uFF09\u3067\u5B9F\u884C\u3059\u308B\u3002\u306A\u3051\u308C\u3070\u4F5C\u308B"
  },
  {
    id: "help.wave2.the-program-gets-taskgate-task-id-taskga",
    en: "The program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS.\n\nExit codes of run (taskgate's, never the program's; the program's own is in the last line and\nin --json's exitCode): 0 the program exited 0 and the task was submitted (or released, or\naccepted with --on-success); 6 the program failed, was killed or could not be started, or run\nwas interrupted (the task went back to READY, or was blocked as a dead letter); 1 the lease was\nlost and the program stopped, or the task could not be claimed; 2, 3, 4, 74 as every command.",
    ja: "\u30D7\u30ED\u30B0\u30E9\u30E0\u306B\u306F TASKGATE_TASK_ID\u3001TASKGATE_TASK_TITLE\u3001TASKGATE_TASK_FILE\uFF08\u30BF\u30B9\u30AF\u306E Markdown\uFF09\u3001\nTASKGATE_LEASE_TOKEN\u3001TASKGATE_TASKS\u3001TASKGATE_APPROVALS \u304C\u6E21\u3055\u308C\u308B\u3002\n\nrun \u306E\u7D42\u4E86\u30B3\u30FC\u30C9\uFF08taskgate \u306E\u3082\u306E\u3067\u3001\u30D7\u30ED\u30B0\u30E9\u30E0\u306E\u3082\u306E\u3067\u306F\u306A\u3044\u3002\u30D7\u30ED\u30B0\u30E9\u30E0\u81EA\u8EAB\u306E\u30B3\u30FC\u30C9\u306F\u6700\u5F8C\u306E\u884C\u3068\n--json \u306E exitCode \u306B\u3042\u308B\uFF09: 0 \u30D7\u30ED\u30B0\u30E9\u30E0\u304C 0 \u3067\u7D42\u308F\u308A\u3001\u30BF\u30B9\u30AF\u304C\u63D0\u51FA\u3055\u308C\u305F\uFF08\u307E\u305F\u306F\u89E3\u653E\u3001\n--on-success \u3067\u53D7\u7406\u3055\u308C\u305F\uFF09\u30026 \u30D7\u30ED\u30B0\u30E9\u30E0\u304C\u5931\u6557\u3057\u305F\u3001\u6B62\u3081\u3089\u308C\u305F\u3001\u8D77\u52D5\u3067\u304D\u306A\u304B\u3063\u305F\u3001\u307E\u305F\u306F run\n\u304C\u4E2D\u65AD\u3055\u308C\u305F\uFF08\u30BF\u30B9\u30AF\u306F READY \u306B\u623B\u308B\u304B\u3001\u30C7\u30C3\u30C9\u30EC\u30BF\u30FC\u3068\u3057\u3066\u30D6\u30ED\u30C3\u30AF\u3055\u308C\u305F\uFF09\u30021 \u30EA\u30FC\u30B9\u3092\u5931\u3044\n\u30D7\u30ED\u30B0\u30E9\u30E0\u3092\u6B62\u3081\u305F\u3001\u307E\u305F\u306F\u30BF\u30B9\u30AF\u3092\u53D6\u5F97\u3067\u304D\u306A\u304B\u3063\u305F\u30022\u30013\u30014\u300174 \u306F\u4ED6\u306E\u30B3\u30DE\u30F3\u30C9\u3068\u540C\u3058\u3002"
  },
  {
    id: "help.wave2.exit-codes-of-watch-once-0-nothing-wrong",
    en: "Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);\n3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task\nblocked as a dead letter, a scheduled check failed, a stale lock, a failing hook, or any standing problem\ntaskgate health finds after the tick: an approval past its SLA or stale, an expired lease not\nrecovered, a hook or merge driver missing, a schedule overdue); 1 a step was refused (for\nexample no automation actor with the role it needs). A long-running watch ends\nwith 0 on SIGINT or SIGTERM, after the tick in progress.",
    ja: "watch --once \u306E\u7D42\u4E86\u30B3\u30FC\u30C9: 0 \u554F\u984C\u306A\u3057\uFF08\u56DE\u5FA9\u3084\u5B9A\u671F\u5B9F\u884C\u306F\u554F\u984C\u3067\u306F\u306A\u3044\uFF09\u3002\n3 \u53F0\u5E33\u307E\u305F\u306F\u4E88\u5B9A\u304C\u4E0D\u6B63\u30024 \u53F0\u5E33\u304C\u30ED\u30C3\u30AF\u3055\u308C\u305F\u307E\u307E\u3060\u3063\u305F\u30026 \u554F\u984C\u3092\u898B\u3064\u3051\u305F\uFF08\u30C7\u30C3\u30C9\u30EC\u30BF\u30FC\u3068\u3057\u3066\n\u30D6\u30ED\u30C3\u30AF\u3055\u308C\u305F\u30BF\u30B9\u30AF\u3001\u5931\u6557\u3057\u305F\u5B9A\u671F\u30C1\u30A7\u30C3\u30AF\u3001\u53E4\u3044\u30ED\u30C3\u30AF\u3001\u5931\u6557\u3057\u3066\u3044\u308B\u30D5\u30C3\u30AF\u3001\u307E\u305F\u306F\u30C6\u30A3\u30C3\u30AF\u306E\u5F8C\u306B\ntaskgate health \u304C\u898B\u3064\u3051\u308B\u554F\u984C: SLA \u3092\u904E\u304E\u305F\u627F\u8A8D\u3084\u53E4\u304F\u306A\u3063\u305F\u627F\u8A8D\u3001\u56DE\u5FA9\u3055\u308C\u3066\u3044\u306A\u3044\u671F\u9650\u5207\u308C\u306E\n\u30EA\u30FC\u30B9\u3001\u898B\u3064\u304B\u3089\u306A\u3044\u30D5\u30C3\u30AF\u3084\u30DE\u30FC\u30B8\u30C9\u30E9\u30A4\u30D0\u30FC\u3001\u9045\u308C\u3066\u3044\u308B\u4E88\u5B9A\uFF09\u30021 \u624B\u9806\u304C\u62D2\u5426\u3055\u308C\u305F\n\uFF08\u4F8B: \u5FC5\u8981\u306A\u30ED\u30FC\u30EB\u3092\u6301\u3064\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC\u304C\u3044\u306A\u3044\uFF09\u3002\u9577\u304F\u52D5\u304F watch \u306F SIGINT \u3084 SIGTERM \u3067\u3001\n\u51E6\u7406\u4E2D\u306E\u30C6\u30A3\u30C3\u30AF\u306E\u5F8C\u306B 0 \u3067\u7D42\u308F\u308B\u3002"
  },
  {
    id: "help.wave2.print-the-schtasks-delete-command",
    en: "print the schtasks /Delete command",
    ja: "schtasks /Delete \u30B3\u30DE\u30F3\u30C9\u3092\u8868\u793A"
  },
  {
    id: "help.wave2.the-systemd-user-service-and-timer",
    en: "the systemd user service and timer",
    ja: "systemd \u306E\u30E6\u30FC\u30B6\u30FC\u30B5\u30FC\u30D3\u30B9\u3068\u30BF\u30A4\u30DE\u30FC"
  },
  {
    id: "help.wave2.the-line-in-the-user-s-crontab",
    en: "the line in the user's crontab",
    ja: "\u30E6\u30FC\u30B6\u30FC\u306E crontab \u306E\u884C"
  },
  {
    id: "help.wave2.remove-what-schedule-install-write-insta",
    en: "remove what schedule install --write installed: this repository's crontab line or systemd user units (prints the schtasks command on Windows)",
    ja: "schedule install --write \u304C\u5165\u308C\u305F\u3082\u306E\u3092\u53D6\u308A\u9664\u304F: \u3053\u306E\u30EA\u30DD\u30B8\u30C8\u30EA\u306E crontab \u306E\u884C\u3001\u307E\u305F\u306F systemd \u306E\u30E6\u30FC\u30B6\u30FC\u30E6\u30CB\u30C3\u30C8\uFF08Windows \u3067\u306F schtasks \u30B3\u30DE\u30F3\u30C9\u3092\u8868\u793A\uFF09"
  },
  {
    id: "help.wave2.claim-it-though-its-paths-overlap-a-doin",
    en: "claim it though its paths overlap a DOING task's (logged)",
    ja: "paths \u304C DOING \u306E\u30BF\u30B9\u30AF\u3068\u91CD\u306A\u3063\u3066\u3044\u3066\u3082\u53D6\u5F97\u3059\u308B\uFF08\u30ED\u30B0\u306B\u6B8B\u308B\uFF09"
  },
  {
    id: "help.wave2.make-a-git-worktree-on-branch-task-id-ti",
    en: "make a git worktree on branch task/<ID>-<title> for it and print its path",
    ja: "\u30D6\u30E9\u30F3\u30C1 task/<ID>-<title> \u306E git worktree \u3092\u4F5C\u308A\u3001\u305D\u306E\u30D1\u30B9\u3092\u8868\u793A"
  },
  {
    id: "help.wave2.with-worktree-the-commit-the-task-s-bran",
    en: "with --worktree: the commit the task's branch starts from (default: HEAD)",
    ja: "--worktree \u3068\u5171\u306B: \u30BF\u30B9\u30AF\u306E\u30D6\u30E9\u30F3\u30C1\u306E\u8D77\u70B9\u306E\u30B3\u30DF\u30C3\u30C8\uFF08\u65E2\u5B9A: HEAD\uFF09"
  },
  {
    id: "help.wave2.also-remove-the-task-s-worktree-only-whe",
    en: "also remove the task's worktree (only when it has no uncommitted work)",
    ja: "\u30BF\u30B9\u30AF\u306E worktree \u3082\u53D6\u308A\u9664\u304F\uFF08\u30B3\u30DF\u30C3\u30C8\u3055\u308C\u3066\u3044\u306A\u3044\u4F5C\u696D\u304C\u306A\u3044\u3068\u304D\u3060\u3051\uFF09"
  },
  {
    id: "help.wave2.keep-the-task-s-worktree-by-default-a-cl",
    en: "keep the task's worktree (by default a clean one is removed)",
    ja: "\u30BF\u30B9\u30AF\u306E worktree \u3092\u6B8B\u3059\uFF08\u65E2\u5B9A\u3067\u306F\u5909\u66F4\u306E\u306A\u3044 worktree \u306F\u53D6\u308A\u9664\u304B\u308C\u308B\uFF09"
  },
  // \u2500\u2500 metrics: the table for people (dashboard-render.ts) \u2500\u2500
  { id: "metrics.spread", en: "median {x}, p90 {y} ({n})", ja: "\u4E2D\u592E\u5024 {x}\u3001p90 {y}\uFF08{n} \u4EF6\uFF09" },
  { id: "metrics.spread-none", en: "- (none)", ja: "-\uFF08\u306A\u3057\uFF09" },
  { id: "metrics.goal-no-data", en: "no data yet", ja: "\u307E\u3060\u30C7\u30FC\u30BF\u306A\u3057" },
  { id: "metrics.more", en: "{ids} and {n} more", ja: "{ids} \u307B\u304B {n} \u4EF6" },
  {
    id: "metrics.period",
    en: "Period {since} .. {until} (days in {zone})",
    ja: "\u671F\u9593 {since} .. {until}\uFF08\u65E5\u306E\u533A\u5207\u308A\u306F {zone}\uFF09"
  },
  {
    id: "metrics.automation",
    en: "Automation (steps of work, by who took them)",
    ja: "\u81EA\u52D5\u5316\uFF08\u4F5C\u696D\u306E\u30B9\u30C6\u30C3\u30D7\u3001\u8AB0\u304C\u884C\u3063\u305F\u304B\uFF09"
  },
  { id: "metrics.automation-rate", en: "automation rate", ja: "\u81EA\u52D5\u5316\u7387" },
  {
    id: "metrics.automation-steps",
    en: "({n} of {m} steps taken by automation)",
    ja: "\uFF08{m} \u30B9\u30C6\u30C3\u30D7\u4E2D {n} \u3092\u81EA\u52D5\u5316\u304C\u5B9F\u884C\uFF09"
  },
  { id: "metrics.automatable", en: "automatable automated", ja: "\u81EA\u52D5\u5316\u53EF\u80FD\u5206\u306E\u81EA\u52D5\u5316\u7387" },
  {
    id: "metrics.automatable-steps",
    en: "({n} of {m} steps automation may take)",
    ja: "\uFF08\u81EA\u52D5\u5316\u304C\u62C5\u3048\u308B\u30B9\u30C6\u30C3\u30D7 {m} \u4EF6\u4E2D {n} \u4EF6\uFF09"
  },
  { id: "metrics.wait", en: "Approval wait (request to decision)", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u4F9D\u983C\u304B\u3089\u6C7A\u5B9A\u307E\u3067\uFF09" },
  { id: "metrics.wait-all", en: "all", ja: "\u5168\u4F53" },
  { id: "metrics.wait-automatic", en: "automatic", ja: "\u81EA\u52D5" },
  { id: "metrics.wait-manual", en: "manual", ja: "\u624B\u52D5" },
  { id: "metrics.wait-previous", en: "previous period", ja: "\u524D\u306E\u671F\u9593" },
  { id: "metrics.wait-change", en: "change of the median", ja: "\u4E2D\u592E\u5024\u306E\u5909\u5316" },
  { id: "metrics.recovery", en: "Recovery", ja: "\u56DE\u5FA9" },
  { id: "metrics.failures", en: "failures", ja: "\u5931\u6557" },
  {
    id: "metrics.failures-detail",
    en: "{n} ({k} expired leases, {m} failed runs)",
    ja: "{n}\uFF08\u671F\u9650\u5207\u308C\u306E\u30EA\u30FC\u30B9 {k} \u4EF6\u3001\u5931\u6557\u3057\u305F\u5B9F\u884C {m} \u4EF6\uFF09"
  },
  { id: "metrics.recovery-rate", en: "auto-recovery rate", ja: "\u81EA\u52D5\u56DE\u5FA9\u7387" },
  {
    id: "metrics.recovery-detail",
    en: "({n} ended DONE without a person's action; {m} ended DONE)",
    ja: "\uFF08\u4EBA\u306E\u64CD\u4F5C\u306A\u3057\u3067 DONE \u306B\u306A\u3063\u305F {n} \u4EF6\u3002DONE \u306B\u306A\u3063\u305F {m} \u4EF6\uFF09"
  },
  { id: "metrics.per-task", en: "per task", ja: "\u30BF\u30B9\u30AF\u3054\u3068" },
  {
    id: "metrics.per-task-detail",
    en: "({n} of {m} tasks with a failure recovered by themselves)",
    ja: "\uFF08\u5931\u6557\u306E\u3042\u3063\u305F\u30BF\u30B9\u30AF {m} \u4EF6\u4E2D {n} \u4EF6\u304C\u81EA\u529B\u3067\u56DE\u5FA9\uFF09"
  },
  { id: "metrics.dead-letters", en: "dead letters", ja: "\u30C7\u30C3\u30C9\u30EC\u30BF\u30FC" },
  { id: "metrics.none", en: "none", ja: "\u306A\u3057" },
  { id: "metrics.time-to-recover", en: "time to recover", ja: "\u56DE\u5FA9\u307E\u3067\u306E\u6642\u9593" },
  { id: "metrics.twice", en: "Work done twice", ja: "\u4E8C\u91CD\u306B\u306A\u3063\u305F\u4F5C\u696D" },
  { id: "metrics.overlaps", en: "overlapping runs", ja: "\u91CD\u306A\u3063\u305F\u5B9F\u884C" },
  { id: "metrics.overlaps-detail", en: "(both running {age} in all)", ja: "\uFF08\u540C\u6642\u306B\u5B9F\u884C\u3057\u3066\u3044\u305F\u5408\u8A08 {age}\uFF09" },
  { id: "metrics.lost-claims", en: "claims lost mid-run", ja: "\u5B9F\u884C\u4E2D\u306B\u5931\u3063\u305F claim" },
  {
    id: "metrics.lost-claims-detail",
    en: "({n} recovered, {m} taken over, {k} noticed by the run)",
    ja: "\uFF08\u56DE\u5FA9 {n} \u4EF6\u3001\u5F15\u304D\u7D99\u304E {m} \u4EF6\u3001\u5B9F\u884C\u304C\u691C\u77E5 {k} \u4EF6\uFF09"
  },
  { id: "metrics.tasks", en: "tasks", ja: "\u30BF\u30B9\u30AF" },
  { id: "metrics.flow", en: "Flow", ja: "\u30D5\u30ED\u30FC" },
  { id: "metrics.done", en: "done", ja: "\u5B8C\u4E86" },
  { id: "metrics.done-detail", en: "{n} ({num} a day)", ja: "{n}\uFF081 \u65E5 {num} \u4EF6\uFF09" },
  { id: "metrics.lead", en: "lead time", ja: "\u30EA\u30FC\u30C9\u30BF\u30A4\u30E0" },
  { id: "metrics.cycle", en: "cycle time", ja: "\u30B5\u30A4\u30AF\u30EB\u30BF\u30A4\u30E0" },
  { id: "metrics.time-in", en: "time in {state}", ja: "{state} \u306E\u6EDE\u5728\u6642\u9593" },
  { id: "metrics.wip", en: "work in progress", ja: "\u4ED5\u639B\u304B\u308A\u4E2D\u306E\u4F5C\u696D" },
  { id: "metrics.open-age", en: "open work age", ja: "\u672A\u5B8C\u4E86\u306E\u4F5C\u696D\u306E\u7D4C\u904E\u6642\u9593" },
  { id: "metrics.oldest", en: "; oldest {list}", ja: "\u3002\u6700\u3082\u53E4\u3044\u3082\u306E: {list}" },
  { id: "metrics.goal-wait-change", en: "approval wait change", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\u306E\u5909\u5316" },
  { id: "metrics.goals", en: "Goals (from the policy)", ja: "\u76EE\u6A19\uFF08\u30DD\u30EA\u30B7\u30FC\u304B\u3089\uFF09" },
  // \u2500\u2500 the live page of taskgate serve (src/serve/page.ts); {{name}} is filled in by its script \u2500\u2500
  { id: "page.reason", en: "reason", ja: "\u7406\u7531" },
  { id: "page.ready", en: "Ready", ja: "\u7740\u624B\u53EF\u80FD\u306B\u3059\u308B" },
  { id: "page.accept", en: "Accept", ja: "\u53D7\u3051\u5165\u308C\u308B" },
  { id: "page.rework", en: "Rework", ja: "\u5DEE\u3057\u623B\u3059" },
  { id: "page.blocked", en: "Blocked: {why}", ja: "\u30D6\u30ED\u30C3\u30AF\u4E2D: {why}" },
  { id: "page.approvals", en: "Approvals", ja: "\u627F\u8A8D" },
  { id: "page.none-pending", en: "None pending.", ja: "\u4FDD\u7559\u4E2D\u306E\u627F\u8A8D\u306F\u3042\u308A\u307E\u305B\u3093\u3002" },
  { id: "page.approve", en: "Approve", ja: "\u627F\u8A8D\u3059\u308B" },
  { id: "page.reject", en: "Reject", ja: "\u5374\u4E0B\u3059\u308B" },
  { id: "page.by", en: "by {who}", ja: "\u4F9D\u983C\u8005 {who}" },
  { id: "page.about", en: "about {subject}", ja: "\u5BFE\u8C61 {subject}" },
  { id: "page.sla-over", en: "(SLA {sla}, over)", ja: "\uFF08SLA {sla}\u3001\u8D85\u904E\uFF09" },
  { id: "page.sla", en: "(SLA {sla})", ja: "\uFF08SLA {sla}\uFF09" },
  { id: "page.stale", en: "stale", ja: "\u53E4\u304F\u306A\u3063\u305F\u627F\u8A8D" },
  { id: "page.approvals-pending", en: "Approvals pending ({n})", ja: "\u4FDD\u7559\u4E2D\u306E\u627F\u8A8D\uFF08{n} \u4EF6\uFF09" },
  { id: "page.due", en: "due {time}", ja: "\u671F\u9650 {time}" },
  { id: "page.past", en: "(past)", ja: "\uFF08\u671F\u9650\u5207\u308C\uFF09" },
  { id: "page.waiting", en: "waiting: {ids}", ja: "\u5F85\u6A5F\u4E2D: {ids}" },
  { id: "page.phases", en: "Phases", ja: "\u30D5\u30A7\u30FC\u30BA" },
  { id: "page.steps", en: "{rate} of {n} steps of work", ja: "\u4F5C\u696D\u306E\u30B9\u30C6\u30C3\u30D7 {n} \u4EF6\u4E2D {rate}" },
  { id: "page.wait-median", en: "Approval wait (median)", ja: "\u627F\u8A8D\u5F85\u3061\u6642\u9593\uFF08\u4E2D\u592E\u5024\uFF09" },
  { id: "page.recovery", en: "Auto-recovery", ja: "\u81EA\u52D5\u56DE\u5FA9" },
  { id: "page.failures", en: "{rate} of {n} failures", ja: "\u5931\u6557 {n} \u4EF6\u4E2D {rate}" },
  { id: "page.no-failures", en: "no failures", ja: "\u5931\u6557\u306A\u3057" },
  { id: "page.done", en: "Done in period", ja: "\u671F\u9593\u5185\u306E\u5B8C\u4E86" },
  { id: "page.metrics", en: "Metrics", ja: "\u6307\u6A19" },
  { id: "page.last-30-days", en: "(last 30 days)", ja: "\uFF08\u76F4\u8FD1 30 \u65E5\uFF09" },
  { id: "page.no-role", en: "no role", ja: "\u30ED\u30FC\u30EB\u306A\u3057" },
  { id: "page.acting-as", en: "Acting as {actor}", ja: "{actor} \u3068\u3057\u3066\u64CD\u4F5C\u4E2D" },
  { id: "page.read-only", en: "read-only", ja: "\u95B2\u89A7\u306E\u307F" },
  { id: "page.expired", en: "({n} expired)", ja: "\uFF08\u671F\u9650\u5207\u308C {n} \u4EF6\uFF09" },
  {
    id: "page.ledger-errors",
    en: "{n} ledger error(s): run taskgate check",
    ja: "\u53F0\u5E33\u306E\u30A8\u30E9\u30FC {n} \u4EF6: taskgate check \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  { id: "page.leases", en: "leases {n}", ja: "\u30EA\u30FC\u30B9 {n}" },
  { id: "page.blocked-count", en: "blocked {n}", ja: "\u30D6\u30ED\u30C3\u30AF\u4E2D {n}" },
  { id: "page.live", en: "live", ja: "\u30E9\u30A4\u30D6" },
  { id: "page.reconnecting", en: "reconnecting", ja: "\u518D\u63A5\u7D9A\u4E2D" },
  { id: "page.write-reason", en: "Write a reason to {{act}} {{id}}.", ja: "{{act}} {{id}} \u306E\u7406\u7531\u3092\u66F8\u3044\u3066\u304F\u3060\u3055\u3044\u3002" },
  { id: "page.decided", en: "{{act}} {{id}}: done", ja: "{{act}} {{id}}: \u5B8C\u4E86" },
  { id: "page.refused", en: "Refused ({{status}})", ja: "\u62D2\u5426\u3055\u308C\u307E\u3057\u305F\uFF08{{status}}\uFF09" },
  { id: "page.no-answer", en: "The server did not answer: {{error}}", ja: "\u30B5\u30FC\u30D0\u30FC\u304C\u5FDC\u7B54\u3057\u307E\u305B\u3093\u3067\u3057\u305F: {{error}}" },
  { id: "page.title", en: "taskgate board", ja: "taskgate \u30DC\u30FC\u30C9" },
  { id: "page.connecting", en: "connecting", ja: "\u63A5\u7D9A\u4E2D" },
  {
    id: "metrics.invalid-ledgers",
    en: "{n} errors in the ledgers, so what is shown may be wrong (first: {first+}); run taskgate check",
    ja: "\u53F0\u5E33\u306B\u30A8\u30E9\u30FC\u304C {n} \u4EF6\u3042\u308B\u305F\u3081\u3001\u8868\u793A\u304C\u6B63\u3057\u304F\u306A\u3044\u304B\u3082\u3057\u308C\u307E\u305B\u3093\uFF08\u6700\u521D\u306E\u3082\u306E: {first+}\uFF09\u3002taskgate check \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "metrics.invalid-ledger",
    en: "1 error in the ledgers, so what is shown may be wrong (first: {first+}); run taskgate check",
    ja: "\u53F0\u5E33\u306B\u30A8\u30E9\u30FC\u304C 1 \u4EF6\u3042\u308B\u305F\u3081\u3001\u8868\u793A\u304C\u6B63\u3057\u304F\u306A\u3044\u304B\u3082\u3057\u308C\u307E\u305B\u3093\uFF08\u6700\u521D\u306E\u3082\u306E: {first+}\uFF09\u3002taskgate check \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  // \u2500\u2500 check --staged and verify: what the judge finds in a change (src/rules/judge*.ts, gate.ts) \u2500\u2500
  {
    id: "judge.broken-chain",
    en: "Log hash chain is broken: expected ~ {want}, found ~ {found} (a log line was edited, removed or added by hand)",
    ja: "\u30ED\u30B0\u306E\u30CF\u30C3\u30B7\u30E5\u30C1\u30A7\u30FC\u30F3\u304C\u58CA\u308C\u3066\u3044\u307E\u3059: ~ {want} \u306E\u306F\u305A\u304C ~ {found} \u3067\u3059\uFF08\u30ED\u30B0\u884C\u304C\u624B\u3067\u7DE8\u96C6\u3001\u524A\u9664\u3001\u8FFD\u52A0\u3055\u308C\u307E\u3057\u305F\uFF09"
  },
  {
    id: "judge.log-after-change",
    en: "This log line is dated {time}, after the change was made ({made}, with {n}s clock-skew margin); a log line is written before it is committed",
    ja: "\u3053\u306E\u30ED\u30B0\u884C\u306E\u65E5\u6642\u306F {time} \u3067\u3001\u5909\u66F4\u304C\u4F5C\u3089\u308C\u305F\u6642\u523B\uFF08{made}\u3001\u6642\u8A08\u306E\u305A\u308C\u306E\u8A31\u5BB9 {n} \u79D2\uFF09\u3088\u308A\u5F8C\u3067\u3059\u3002\u30ED\u30B0\u884C\u306F\u30B3\u30DF\u30C3\u30C8\u3088\u308A\u524D\u306B\u66F8\u304B\u308C\u308B\u3082\u306E\u3067\u3059"
  },
  {
    id: "judge.delegate-forged",
    en: "Log line by {actor}, who works for {principal}, but the change is {who}'s: only {same} may commit {agent}'s lines (forged?)",
    ja: "{actor}\uFF08{principal} \u306E\u305F\u3081\u306B\u4F5C\u696D\uFF09\u306E\u30ED\u30B0\u884C\u3067\u3059\u304C\u3001\u5909\u66F4\u306F {who} \u306E\u3082\u306E\u3067\u3059\u3002{agent} \u306E\u884C\u3092\u30B3\u30DF\u30C3\u30C8\u3067\u304D\u308B\u306E\u306F {same} \u3060\u3051\u3067\u3059\uFF08\u306A\u308A\u3059\u307E\u3057\uFF1F\uFF09"
  },
  {
    id: "judge.automation-forged",
    en: "Log line by the automation actor {actor} in {who}'s change, but {problem}; only the committer's lines and justified automation lines may be committed (forged?)",
    ja: "{who} \u306E\u5909\u66F4\u306B\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC {actor} \u306E\u30ED\u30B0\u884C\u304C\u3042\u308A\u307E\u3059\u304C\u3001{problem}\u3002\u30B3\u30DF\u30C3\u30C8\u3067\u304D\u308B\u306E\u306F\u30B3\u30DF\u30C3\u30C8\u3059\u308B\u4EBA\u306E\u884C\u3068\u3001\u6839\u62E0\u306E\u3042\u308B\u81EA\u52D5\u5316\u306E\u884C\u3060\u3051\u3067\u3059\uFF08\u306A\u308A\u3059\u307E\u3057\uFF1F\uFF09"
  },
  {
    id: "judge.forged",
    en: "Log line by {actor}, but the change is {who}'s: only the committer or an automation actor may appear in new log lines (forged?)",
    ja: "{actor} \u306E\u30ED\u30B0\u884C\u3067\u3059\u304C\u3001\u5909\u66F4\u306F {who} \u306E\u3082\u306E\u3067\u3059\u3002\u65B0\u3057\u3044\u30ED\u30B0\u884C\u306B\u73FE\u308C\u3066\u3088\u3044\u306E\u306F\u30B3\u30DF\u30C3\u30C8\u3059\u308B\u4EBA\u304B\u81EA\u52D5\u5316\u30A2\u30AF\u30BF\u30FC\u3060\u3051\u3067\u3059\uFF08\u306A\u308A\u3059\u307E\u3057\uFF1F\uFF09"
  },
  {
    id: "judge.log-lost",
    en: "The log lost {n} line(s); the log is append-only",
    ja: "\u30ED\u30B0\u304B\u3089 {n} \u884C\u304C\u6D88\u3048\u307E\u3057\u305F\u3002\u30ED\u30B0\u306F\u8FFD\u8A18\u306E\u307F\u3067\u3059"
  },
  {
    id: "judge.log-differs",
    en: "This log line differs from the one before the change; the log is append-only (add lines at its end)",
    ja: "\u3053\u306E\u30ED\u30B0\u884C\u306F\u5909\u66F4\u524D\u306E\u884C\u3068\u9055\u3044\u307E\u3059\u3002\u30ED\u30B0\u306F\u8FFD\u8A18\u306E\u307F\u3067\u3059\uFF08\u884C\u306F\u672B\u5C3E\u306B\u8FFD\u52A0\u3057\u3066\u304F\u3060\u3055\u3044\uFF09"
  },
  {
    id: "judge.task-removed",
    en: "{id} was removed; tasks are never deleted (cancel it instead: taskgate cancel {same})",
    ja: "{id} \u304C\u524A\u9664\u3055\u308C\u307E\u3057\u305F\u3002\u30BF\u30B9\u30AF\u306F\u524A\u9664\u3057\u307E\u305B\u3093\uFF08\u4EE3\u308F\u308A\u306B\u30AD\u30E3\u30F3\u30BB\u30EB: taskgate cancel {same}\uFF09"
  },
  {
    id: "judge.log-refused",
    en: "This log line records a {action} of {target} that taskgate refuses {who}: {why+}",
    ja: "\u3053\u306E\u30ED\u30B0\u884C\u306F {target} \u306E {action} \u3092\u8A18\u9332\u3057\u3066\u3044\u307E\u3059\u304C\u3001taskgate \u306F {who} \u306B\u305D\u308C\u3092\u62D2\u5426\u3057\u307E\u3059: {why+}"
  },
  {
    id: "judge.new-task-state",
    en: "{id} is new and {state}; a task starts in PLAN or READY",
    ja: "{id} \u306F\u65B0\u3057\u3044\u30BF\u30B9\u30AF\u3067 {state} \u3067\u3059\u3002\u30BF\u30B9\u30AF\u306F PLAN \u304B READY \u304B\u3089\u59CB\u307E\u308A\u307E\u3059"
  },
  {
    id: "judge.hand-refused",
    en: "{id} went from {from} to {to} by hand, which is a {action} that taskgate refuses {who}: {why+}",
    ja: "{id} \u304C\u624B\u3067 {from} \u304B\u3089 {to} \u306B\u306A\u308A\u307E\u3057\u305F\u3002\u3053\u308C\u306F {action} \u3067\u3001taskgate \u306F {who} \u306B\u305D\u308C\u3092\u62D2\u5426\u3057\u307E\u3059: {why+}"
  },
  { id: "judge.done-but", en: "{id} went to DONE, but {problem+}", ja: "{id} \u304C DONE \u306B\u306A\u308A\u307E\u3057\u305F\u304C\u3001{problem+}" },
  {
    id: "judge.tracked-changed",
    en: "The {field} of {id} changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)",
    ja: "{id} \u306E {field} \u304C\u30ED\u30B0\u884C\u306A\u3057\u3067\u5909\u308F\u308A\u307E\u3057\u305F\u3002\u30EA\u30FC\u30B9\u3001\u30D5\u30A7\u30F3\u30B9\u3001workers\u3001attempts \u306F taskgate \u306E\u30B3\u30DE\u30F3\u30C9\uFF08claim\u3001renew\u3001release\u3001submit\uFF09\u3067\u3060\u3051\u5909\u308F\u308A\u307E\u3059"
  },
  {
    id: "judge.by-action-changed",
    en: "The {field} of {id} changed with no log line and no state change that sets it; {how+}",
    ja: "{id} \u306E {field} \u304C\u3001\u30ED\u30B0\u884C\u3082\u3001\u305D\u308C\u3092\u8A2D\u5B9A\u3059\u308B\u72B6\u614B\u306E\u5909\u5316\u3082\u306A\u3057\u306B\u5909\u308F\u308A\u307E\u3057\u305F\u3002{how+}"
  },
  {
    id: "part.judge.rework-sets",
    en: "rework sets it (REVIEW -> DOING) and claim clears it",
    ja: "rework \u304C\u8A2D\u5B9A\u3057\uFF08REVIEW -> DOING\uFF09\u3001claim \u304C\u6D88\u3057\u307E\u3059"
  },
  {
    id: "part.judge.accept-sets",
    en: "accept and cancel set it (-> DONE)",
    ja: "accept \u3068 cancel \u304C\u8A2D\u5B9A\u3057\u307E\u3059\uFF08-> DONE\uFF09"
  },
  {
    id: "judge.hand-done",
    en: '{id} went from {from} to DONE by hand: only a cancel does that, which also sets "resolution: cancelled" (taskgate cancel {same})',
    ja: '{id} \u304C\u624B\u3067 {from} \u304B\u3089 DONE \u306B\u306A\u308A\u307E\u3057\u305F\u3002\u305D\u308C\u3092\u3059\u308B\u306E\u306F cancel \u3060\u3051\u3067\u3001"resolution: cancelled" \u3082\u8A2D\u5B9A\u3057\u307E\u3059\uFF08taskgate cancel {same}\uFF09'
  },
  {
    id: "judge.hand-jump",
    en: "{id} went from {from} to {to} by hand, which no single action does (PLAN -> READY -> DOING -> REVIEW -> DONE); use taskgate's commands",
    ja: "{id} \u304C\u624B\u3067 {from} \u304B\u3089 {to} \u306B\u306A\u308A\u307E\u3057\u305F\u3002\u3053\u308C\u3092 1 \u56DE\u3067\u884C\u3046\u30A2\u30AF\u30B7\u30E7\u30F3\u306F\u3042\u308A\u307E\u305B\u3093\uFF08PLAN -> READY -> DOING -> REVIEW -> DONE\uFF09\u3002taskgate \u306E\u30B3\u30DE\u30F3\u30C9\u3092\u4F7F\u3063\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "judge.no-roles-move",
    en: "{who} has no roles in APPROVALS.md, so may not move {id} from {from} to {to}",
    ja: "{who} \u306F APPROVALS.md \u306B\u30ED\u30FC\u30EB\u304C\u306A\u3044\u305F\u3081\u3001{id} \u3092 {from} \u304B\u3089 {to} \u306B\u3067\u304D\u307E\u305B\u3093"
  },
  {
    id: "judge.role-move",
    en: "{who} ({roles}) may not move {id} from {from} to {to}; that takes {needs} ({actions})",
    ja: "{who}\uFF08{roles}\uFF09\u306F {id} \u3092 {from} \u304B\u3089 {to} \u306B\u3067\u304D\u307E\u305B\u3093\u3002{needs}\uFF08{actions}\uFF09\u304C\u5FC5\u8981\u3067\u3059"
  },
  {
    id: "judge.self-accept",
    en: "{actor} worked on {id} in its last DOING spell and may not accept it (four eyes)",
    ja: "{actor} \u306F {id} \u306E\u76F4\u8FD1\u306E DOING \u306E\u671F\u9593\u306B\u4F5C\u696D\u3057\u305F\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u3089\u308C\u307E\u305B\u3093\uFF084 \u3064\u306E\u76EE\u306E\u539F\u5247\uFF09"
  },
  {
    id: "judge.merge-lost",
    en: 'The merge lost the log line "- {line}"',
    ja: '\u30DE\u30FC\u30B8\u3067\u30ED\u30B0\u884C "- {line}" \u304C\u5931\u308F\u308C\u307E\u3057\u305F'
  },
  {
    id: "judge.merge-forged",
    en: "Log line by {actor} first appears in a merge by {who} (forged?)",
    ja: "{actor} \u306E\u30ED\u30B0\u884C\u304C {who} \u306E\u30DE\u30FC\u30B8\u3067\u521D\u3081\u3066\u73FE\u308C\u307E\u3057\u305F\uFF08\u306A\u308A\u3059\u307E\u3057\uFF1F\uFF09"
  },
  {
    id: "judge.merge-policy",
    en: "The merge weakens the Policy ({keys}) from both parents; weaken it through an approved request (taskgate policy request)",
    ja: "\u30DE\u30FC\u30B8\u304C\u4E21\u65B9\u306E\u89AA\u3088\u308A Policy\uFF08{keys}\uFF09\u3092\u5F31\u3081\u3066\u3044\u307E\u3059\u3002\u5F31\u3081\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u3092\u901A\u3057\u3066\u304F\u3060\u3055\u3044\uFF08taskgate policy request\uFF09"
  },
  {
    id: "judge.merge-rules",
    en: "The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)",
    ja: "\u30DE\u30FC\u30B8\u306E Rules \u306F\u3069\u3061\u3089\u306E\u89AA\u306B\u3082\u3042\u308A\u307E\u305B\u3093\u3002\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u3092\u901A\u3057\u3066\u5909\u3048\u3066\u304F\u3060\u3055\u3044\uFF08taskgate rules request\uFF09"
  },
  {
    id: "judge.merge-new-task",
    en: "{id} is new in the merge and {state}; a task starts in PLAN or READY",
    ja: "{id} \u306F\u30DE\u30FC\u30B8\u3067\u65B0\u3057\u304F\u73FE\u308C\u305F\u30BF\u30B9\u30AF\u3067 {state} \u3067\u3059\u3002\u30BF\u30B9\u30AF\u306F PLAN \u304B READY \u304B\u3089\u59CB\u307E\u308A\u307E\u3059"
  },
  {
    id: "judge.merge-state",
    en: "{id} is {state} in the merge, but {states} in its parents; a merge may only combine them",
    ja: "{id} \u306F\u30DE\u30FC\u30B8\u3067 {state} \u3067\u3059\u304C\u3001\u89AA\u3067\u306F {states} \u3067\u3059\u3002\u30DE\u30FC\u30B8\u306F\u305D\u308C\u3089\u3092\u7D44\u307F\u5408\u308F\u305B\u308B\u3053\u3068\u3057\u304B\u3067\u304D\u307E\u305B\u3093"
  },
  {
    id: "judge.merge-field",
    en: "The {field} of {id} in the merge is in neither parent, and no log line explains it",
    ja: "\u30DE\u30FC\u30B8\u3067\u306E {id} \u306E {field} \u306F\u3069\u3061\u3089\u306E\u89AA\u306B\u3082\u306A\u304F\u3001\u8AAC\u660E\u3059\u308B\u30ED\u30B0\u884C\u3082\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "judge.merge-approval",
    en: "{id} is {status} in the merge but not in either parent, and no log line explains it",
    ja: "{id} \u306F\u30DE\u30FC\u30B8\u3067 {status} \u3067\u3059\u304C\u3001\u3069\u3061\u3089\u306E\u89AA\u3067\u3082\u305D\u3046\u3067\u306F\u306A\u304F\u3001\u8AAC\u660E\u3059\u308B\u30ED\u30B0\u884C\u3082\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "judge.merge-roles",
    en: "The roles of {actor} in the merge are in neither parent; change roles through an approved request",
    ja: "\u30DE\u30FC\u30B8\u3067\u306E {actor} \u306E\u30ED\u30FC\u30EB\u306F\u3069\u3061\u3089\u306E\u89AA\u306B\u3082\u3042\u308A\u307E\u305B\u3093\u3002\u30ED\u30FC\u30EB\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u3092\u901A\u3057\u3066\u5909\u3048\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "judge.approval-removed",
    en: "{id} was removed; approvals are never deleted",
    ja: "{id} \u304C\u524A\u9664\u3055\u308C\u307E\u3057\u305F\u3002\u627F\u8A8D\u306F\u524A\u9664\u3057\u307E\u305B\u3093"
  },
  {
    id: "judge.decision-final",
    en: "The {field} of {id} changed, but {same} was already {status}; a decision is final (request again to start over)",
    ja: "{id} \u306E {field} \u304C\u5909\u308F\u308A\u307E\u3057\u305F\u304C\u3001{same} \u306F\u3059\u3067\u306B {status} \u3067\u3057\u305F\u3002\u6C7A\u5B9A\u306F\u6700\u7D42\u3067\u3059\uFF08\u3084\u308A\u76F4\u3059\u306B\u306F\u6539\u3081\u3066\u4F9D\u983C\u3057\u3066\u304F\u3060\u3055\u3044\uFF09"
  },
  {
    id: "judge.self-decided",
    en: "{id} was {verb} by its requester {who}; another AUDIT actor must decide",
    ja: "{id} \u306F\u4F9D\u983C\u3057\u305F\u672C\u4EBA {who} \u306B\u3088\u3063\u3066 {verb} \u3055\u308C\u307E\u3057\u305F\u3002\u5225\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u304C\u6C7A\u3081\u308B\u5FC5\u8981\u304C\u3042\u308A\u307E\u3059"
  },
  {
    id: "judge.delegate-decided",
    en: "{id} was {verb} by {who}, who counts as its requester {requester} (delegation); another AUDIT actor must decide",
    ja: "{id} \u306F {who} \u306B\u3088\u3063\u3066 {verb} \u3055\u308C\u307E\u3057\u305F\u304C\u3001\u3053\u306E\u4EBA\u306F\u4F9D\u983C\u8005 {requester} \u3068\u540C\u3058\u6271\u3044\u3067\u3059\uFF08\u59D4\u4EFB\uFF09\u3002\u5225\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u304C\u6C7A\u3081\u308B\u5FC5\u8981\u304C\u3042\u308A\u307E\u3059"
  },
  {
    id: "judge.not-audit",
    en: "{id} was {verb} by {who}, who does not hold the AUDIT role",
    ja: "{id} \u306F AUDIT \u30ED\u30FC\u30EB\u3092\u6301\u305F\u306A\u3044 {who} \u306B\u3088\u3063\u3066 {verb} \u3055\u308C\u307E\u3057\u305F"
  },
  {
    id: "judge.decision-refused",
    en: "{id} was {verb} by {who}, which taskgate refuses: {why+}",
    ja: "{id} \u306F {who} \u306B\u3088\u3063\u3066 {verb} \u3055\u308C\u307E\u3057\u305F\u304C\u3001taskgate \u306F\u305D\u308C\u3092\u62D2\u5426\u3057\u307E\u3059: {why+}"
  },
  {
    id: "judge.hard-deny",
    en: "{id} was approved by {who}, but rule {rule} (hard deny) forbids approving it; nobody can override it",
    ja: "{id} \u306F {who} \u306B\u3088\u3063\u3066\u627F\u8A8D\u3055\u308C\u307E\u3057\u305F\u304C\u3001\u30EB\u30FC\u30EB {rule}\uFF08hard deny\uFF09\u304C\u305D\u306E\u627F\u8A8D\u3092\u7981\u3058\u3066\u3044\u307E\u3059\u3002\u8AB0\u3082\u8986\u305B\u307E\u305B\u3093"
  },
  {
    id: "judge.roles-change",
    en: "A Roles change ({change}) without an approved request; run taskgate roles {how} and have another AUDIT actor approve it",
    ja: "\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u306E\u306A\u3044 Roles \u306E\u5909\u66F4\uFF08{change}\uFF09\u3067\u3059\u3002taskgate roles {how} \u3092\u5B9F\u884C\u3057\u3001\u5225\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u306B\u627F\u8A8D\u3057\u3066\u3082\u3089\u3063\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "judge.identity-change",
    en: 'A Roles change ({name}: its git identities, delegation or keys) without an approved request whose change is "{change}"; another AUDIT actor must approve it (docs/trust.md)',
    ja: '\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\uFF08\u5909\u66F4 "{change}"\uFF09\u306E\u306A\u3044 Roles \u306E\u5909\u66F4\uFF08{name}: git \u306E ID\u3001\u59D4\u4EFB\u3001\u9375\uFF09\u3067\u3059\u3002\u5225\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u306E\u627F\u8A8D\u304C\u5FC5\u8981\u3067\u3059\uFF08docs/trust.md\uFF09'
  },
  {
    id: "judge.roles-change-any",
    en: "A Roles change ({change}) without an approved request; change roles through taskgate roles grant/revoke",
    ja: "\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u306E\u306A\u3044 Roles \u306E\u5909\u66F4\uFF08{change}\uFF09\u3067\u3059\u3002\u30ED\u30FC\u30EB\u306F taskgate roles grant/revoke \u3067\u5909\u3048\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "judge.guarded-four-eyes",
    en: "{what+}, but {id} was approved by {approver}, who {why+}; a Policy or Rules change needs another person's approval (four eyes)",
    ja: "{what+}\u3002\u3057\u304B\u3057 {id} \u3092\u627F\u8A8D\u3057\u305F {approver} \u306F{why+}\u3002Policy \u3084 Rules \u306E\u5909\u66F4\u306B\u306F\u5225\u306E\u4EBA\u306E\u627F\u8A8D\u304C\u5FC5\u8981\u3067\u3059\uFF084 \u3064\u306E\u76EE\u306E\u539F\u5247\uFF09"
  },
  { id: "part.judge.is-automation", en: "is automation", ja: "\u81EA\u52D5\u5316\u3067\u3059" },
  { id: "part.judge.is-committer", en: "counts as the committer {who}", ja: "\u30B3\u30DF\u30C3\u30C8\u3059\u308B {who} \u3068\u540C\u3058\u6271\u3044\u3067\u3059" },
  {
    id: "judge.guarded-missing",
    en: "{what+} without an approved request for that change; run {how}, have another AUDIT person (not {who}, not automation) approve it, then commit (docs/approvals.md)",
    ja: "{what+}\u3002\u305D\u306E\u5909\u66F4\u306E\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u3042\u308A\u307E\u305B\u3093\u3002{how} \u3092\u5B9F\u884C\u3057\u3001\u5225\u306E AUDIT \u306E\u4EBA\uFF08{who} \u3067\u3082\u81EA\u52D5\u5316\u3067\u3082\u306A\u3044\u4EBA\uFF09\u306B\u627F\u8A8D\u3057\u3066\u3082\u3089\u3063\u3066\u304B\u3089\u30B3\u30DF\u30C3\u30C8\u3057\u3066\u304F\u3060\u3055\u3044\uFF08docs/approvals.md\uFF09"
  },
  {
    id: "part.judge.policy-changed",
    en: `The Policy's {field} changed to "{value}"`,
    ja: 'Policy \u306E {field} \u304C "{value}" \u306B\u5909\u308F\u308A\u307E\u3057\u305F'
  },
  { id: "part.judge.rules-changed", en: "The Rules changed ({change})", ja: "Rules \u304C\u5909\u308F\u308A\u307E\u3057\u305F\uFF08{change}\uFF09" },
  {
    id: "gate.none",
    en: "{id} has the label {labels}, so accepting it needs an approved request; none exists: run taskgate approval request {same}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002\u4F9D\u983C\u304C\u3042\u308A\u307E\u305B\u3093: taskgate approval request {same} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.none-many",
    en: "{id} has the labels {labels}, so accepting it needs an approved request; none exists: run taskgate approval request {same}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002\u4F9D\u983C\u304C\u3042\u308A\u307E\u305B\u3093: taskgate approval request {same} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.pending",
    en: "{id} has the label {labels}, so accepting it needs an approved request; {request} is pending: an AUDIT actor other than its requester runs taskgate approve {same}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u4FDD\u7559\u4E2D\u3067\u3059: \u4F9D\u983C\u8005\u4EE5\u5916\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u304C taskgate approve {same} \u3092\u5B9F\u884C\u3057\u307E\u3059"
  },
  {
    id: "gate.pending-many",
    en: "{id} has the labels {labels}, so accepting it needs an approved request; {request} is pending: an AUDIT actor other than its requester runs taskgate approve {same}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u4FDD\u7559\u4E2D\u3067\u3059: \u4F9D\u983C\u8005\u4EE5\u5916\u306E AUDIT \u30A2\u30AF\u30BF\u30FC\u304C taskgate approve {same} \u3092\u5B9F\u884C\u3057\u307E\u3059"
  },
  {
    id: "gate.by-worker",
    en: "{id} has the label {labels}, so accepting it needs an approved request; {request} was approved by {approver}, who worked on {task} (four eyes): run taskgate approval request {again}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u3092\u627F\u8A8D\u3057\u305F {approver} \u306F {task} \u306E\u4F5C\u696D\u3092\u3057\u307E\u3057\u305F\uFF084 \u3064\u306E\u76EE\u306E\u539F\u5247\uFF09: taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.by-worker-many",
    en: "{id} has the labels {labels}, so accepting it needs an approved request; {request} was approved by {approver}, who worked on {task} (four eyes): run taskgate approval request {again}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u3092\u627F\u8A8D\u3057\u305F {approver} \u306F {task} \u306E\u4F5C\u696D\u3092\u3057\u307E\u3057\u305F\uFF084 \u3064\u306E\u76EE\u306E\u539F\u5247\uFF09: taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.stale",
    en: "{id} has the label {labels}, so accepting it needs an approved request; {request} was approved, but {task} changed since (stale): run taskgate approval request {again}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u627F\u8A8D\u3055\u308C\u307E\u3057\u305F\u304C\u3001\u305D\u306E\u5F8C {task} \u304C\u5909\u308F\u308A\u307E\u3057\u305F\uFF08stale\uFF09: taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.stale-many",
    en: "{id} has the labels {labels}, so accepting it needs an approved request; {request} was approved, but {task} changed since (stale): run taskgate approval request {again}",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u627F\u8A8D\u3055\u308C\u307E\u3057\u305F\u304C\u3001\u305D\u306E\u5F8C {task} \u304C\u5909\u308F\u308A\u307E\u3057\u305F\uFF08stale\uFF09: taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.rejected",
    en: "{id} has the label {labels}, so accepting it needs an approved request; {request} was rejected: run taskgate approval request {again} once it is fixed",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u5374\u4E0B\u3055\u308C\u307E\u3057\u305F: \u76F4\u3057\u305F\u3089 taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "gate.rejected-many",
    en: "{id} has the labels {labels}, so accepting it needs an approved request; {request} was rejected: run taskgate approval request {again} once it is fixed",
    ja: "{id} \u306B\u306F\u30E9\u30D9\u30EB {labels} \u304C\u3042\u308B\u305F\u3081\u3001\u53D7\u3051\u5165\u308C\u308B\u306B\u306F\u627F\u8A8D\u3055\u308C\u305F\u4F9D\u983C\u304C\u5FC5\u8981\u3067\u3059\u3002{request} \u306F\u5374\u4E0B\u3055\u308C\u307E\u3057\u305F: \u76F4\u3057\u305F\u3089 taskgate approval request {again} \u3092\u5B9F\u884C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  // \u2500\u2500 check: its lines and every positioned message of the ledgers' readers and checks \u2500\u2500
  // (src/ledger, src/rules, src/app/check.ts; test/unit/i18n.test.ts scans them). Placed
  // last: a template wins over those after it, and these are the most general.
  {
    id: "check.line.error-related",
    en: "{place}: error: {msg+} ({rel+} at {where})",
    ja: "{place}: \u30A8\u30E9\u30FC: {msg+}\uFF08{rel+}: {where}\uFF09"
  },
  {
    id: "check.line.warning-related",
    en: "{place}: warning: {msg+} ({rel+} at {where})",
    ja: "{place}: \u8B66\u544A: {msg+}\uFF08{rel+}: {where}\uFF09"
  },
  { id: "check.line.error", en: "{place}: error: {msg+}", ja: "{place}: \u30A8\u30E9\u30FC: {msg+}" },
  { id: "check.line.warning", en: "{place}: warning: {msg+}", ja: "{place}: \u8B66\u544A: {msg+}" },
  { id: "check.related.first-defined", en: "first defined", ja: "\u6700\u521D\u306E\u5B9A\u7FA9" },
  { id: "check.related.first-set", en: "first set", ja: "\u6700\u521D\u306E\u8A2D\u5B9A" },
  { id: "check.related.first-here", en: "first here", ja: "\u6700\u521D\u306E\u51FA\u73FE" },
  {
    id: "check.unclosed-block",
    en: "This {what+} is never closed, so everything after it is hidden from Markdown; close it",
    ja: "\u3053\u306E{what+}\u304C\u9589\u3058\u3089\u308C\u3066\u3044\u306A\u3044\u305F\u3081\u3001\u4EE5\u964D\u304C\u3059\u3079\u3066 Markdown \u304B\u3089\u96A0\u308C\u3066\u3044\u307E\u3059\u3002\u9589\u3058\u3066\u304F\u3060\u3055\u3044"
  },
  { id: "part.check.code-fence", en: "code fence", ja: "\u30B3\u30FC\u30C9\u30D5\u30A7\u30F3\u30B9" },
  { id: "part.check.html-comment", en: "HTML comment", ja: "HTML \u30B3\u30E1\u30F3\u30C8" },
  {
    id: "check.too-deep",
    en: "Expected lists and quotes nested at most {n} deep, found a deeper one; taskgate reads the rest of this line as text: flatten it",
    ja: "\u30EA\u30B9\u30C8\u3068\u5F15\u7528\u306E\u5165\u308C\u5B50\u306F {n} \u6BB5\u307E\u3067\u306E\u306F\u305A\u304C\u3001\u3088\u308A\u6DF1\u3044\u3082\u306E\u304C\u3042\u308A\u307E\u3059\u3002taskgate \u306F\u3053\u306E\u884C\u306E\u6B8B\u308A\u3092\u30C6\u30AD\u30B9\u30C8\u3068\u3057\u3066\u8AAD\u307F\u307E\u3059\u3002\u5E73\u3089\u306B\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "check.setext-heading",
    en: "A line of {mark} under text makes that text a heading; use '## ' headings, or put a blank line before a --- rule",
    ja: "\u30C6\u30AD\u30B9\u30C8\u306E\u4E0B\u306E {mark} \u306E\u884C\u306F\u305D\u306E\u30C6\u30AD\u30B9\u30C8\u3092\u898B\u51FA\u3057\u306B\u3057\u307E\u3059\u3002'## ' \u306E\u898B\u51FA\u3057\u3092\u4F7F\u3046\u304B\u3001--- \u306E\u7F6B\u7DDA\u306E\u524D\u306B\u7A7A\u884C\u3092\u5165\u308C\u3066\u304F\u3060\u3055\u3044"
  },
  { id: "check.missing-title", en: "Expected a title after {id}", ja: "{id} \u306E\u5F8C\u306B\u30BF\u30A4\u30C8\u30EB\u304C\u3042\u308A\u307E\u305B\u3093" },
  { id: "check.duplicate-id", en: "Duplicate ID {id}", ja: "ID {id} \u304C\u91CD\u8907\u3057\u3066\u3044\u307E\u3059" },
  {
    id: "check.level-1-heading",
    en: "A level-1 heading after the first section starts a part that taskgate does not read; use '## '",
    ja: "\u6700\u521D\u306E\u30BB\u30AF\u30B7\u30E7\u30F3\u3088\u308A\u5F8C\u306E\u30EC\u30D9\u30EB 1 \u898B\u51FA\u3057\u306F\u3001taskgate \u304C\u8AAD\u307E\u306A\u3044\u90E8\u5206\u3092\u59CB\u3081\u307E\u3059\u3002'## ' \u3092\u4F7F\u3063\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "check.bad-id",
    en: 'Expected the ID {id}, found "{prefix}-{n}" (no leading zeros)',
    ja: 'ID \u306F {id} \u306E\u306F\u305A\u304C "{prefix}-{n}" \u3067\u3059\uFF08\u5148\u982D\u306B 0 \u3092\u4ED8\u3051\u306A\u3044\uFF09'
  },
  {
    id: "check.lookalike-heading",
    en: '"## {name}" looks like the heading of {likely} but is not one, so {same} is not read; write it "## {entry} <title>"',
    ja: '"## {name}" \u306F {likely} \u306E\u898B\u51FA\u3057\u306B\u898B\u3048\u307E\u3059\u304C\u898B\u51FA\u3057\u3067\u306F\u306A\u3044\u305F\u3081\u3001{same} \u306F\u8AAD\u307E\u308C\u307E\u305B\u3093\u3002"## {entry} <\u30BF\u30A4\u30C8\u30EB>" \u3068\u66F8\u3044\u3066\u304F\u3060\u3055\u3044'
  },
  {
    id: "check.bad-heading",
    en: 'Expected an entry heading "## {prefix}-<number> <title>", found "## {name}"',
    ja: '\u30A8\u30F3\u30C8\u30EA\u30FC\u306E\u898B\u51FA\u3057 "## {prefix}-<\u756A\u53F7> <\u30BF\u30A4\u30C8\u30EB>" \u306E\u306F\u305A\u304C "## {name}" \u3067\u3059'
  },
  {
    id: "check.unknown-section",
    en: 'Unknown section "{name}"; {file} knows {known} and entries "## {prefix}-<number> <title>"; it is kept as it is',
    ja: '\u4E0D\u660E\u306A\u30BB\u30AF\u30B7\u30E7\u30F3 "{name}"\u3002{file} \u304C\u77E5\u3063\u3066\u3044\u308B\u306E\u306F {known} \u3068\u30A8\u30F3\u30C8\u30EA\u30FC "## {prefix}-<\u756A\u53F7> <\u30BF\u30A4\u30C8\u30EB>" \u3067\u3059\u3002\u305D\u306E\u307E\u307E\u6B8B\u3057\u307E\u3059'
  },
  {
    id: "check.bad-field.under-heading",
    en: 'Expected a field line "- key: value" right under the heading, or a blank line before the text',
    ja: '\u898B\u51FA\u3057\u306E\u76F4\u4E0B\u306B\u306F\u30D5\u30A3\u30FC\u30EB\u30C9\u884C "- key: value"\u3001\u307E\u305F\u306F\u672C\u6587\u306E\u524D\u306B\u7A7A\u884C\u304C\u5FC5\u8981\u3067\u3059'
  },
  {
    id: "check.bad-field.found",
    en: 'Expected a field line "- key: value", found "{line}"',
    ja: '\u30D5\u30A3\u30FC\u30EB\u30C9\u884C "- key: value" \u306E\u306F\u305A\u304C "{line}" \u3067\u3059'
  },
  {
    id: "check.bad-field.blank-line",
    en: "Expected a blank line between the field list and the text (this line would join the field above)",
    ja: "\u30D5\u30A3\u30FC\u30EB\u30C9\u306E\u4E00\u89A7\u3068\u672C\u6587\u306E\u9593\u306B\u7A7A\u884C\u304C\u5FC5\u8981\u3067\u3059\uFF08\u3053\u306E\u884C\u306F\u4E0A\u306E\u30D5\u30A3\u30FC\u30EB\u30C9\u306B\u3064\u306A\u304C\u3063\u3066\u3057\u307E\u3044\u307E\u3059\uFF09"
  },
  { id: "check.duplicate-field", en: 'Field "{field}" appears twice', ja: '\u30D5\u30A3\u30FC\u30EB\u30C9 "{field}" \u304C 2 \u56DE\u3042\u308A\u307E\u3059' },
  {
    id: "check.duplicate-section",
    en: 'Section "## {name}" appears twice',
    ja: '\u30BB\u30AF\u30B7\u30E7\u30F3 "## {name}" \u304C 2 \u56DE\u3042\u308A\u307E\u3059'
  },
  {
    id: "check.conflict-marker",
    en: "Found a merge conflict marker; resolve the conflict before taskgate reads or writes this file",
    ja: "\u30DE\u30FC\u30B8\u306E\u7AF6\u5408\u30DE\u30FC\u30AB\u30FC\u304C\u3042\u308A\u307E\u3059\u3002taskgate \u304C\u3053\u306E\u30D5\u30A1\u30A4\u30EB\u3092\u8AAD\u307F\u66F8\u304D\u3059\u308B\u524D\u306B\u7AF6\u5408\u3092\u89E3\u6C7A\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "check.missing-state",
    en: 'Task {id} has no state; expected a field line "- state: PLAN" (PLAN|READY|DOING|REVIEW|DONE) under its heading',
    ja: '\u30BF\u30B9\u30AF {id} \u306B\u72B6\u614B\u304C\u3042\u308A\u307E\u305B\u3093\u3002\u898B\u51FA\u3057\u306E\u4E0B\u306B\u30D5\u30A3\u30FC\u30EB\u30C9\u884C "- state: PLAN"\uFF08PLAN|READY|DOING|REVIEW|DONE\uFF09\u304C\u5FC5\u8981\u3067\u3059'
  },
  {
    id: "check.missing-entry",
    en: 'The log adds {id} here, but no entry "## {same} <title>" holds it; restore the entry (git log -p shows it), or cancel a task instead of deleting it',
    ja: '\u30ED\u30B0\u306F\u3053\u3053\u3067 {id} \u3092\u8FFD\u52A0\u3057\u3066\u3044\u307E\u3059\u304C\u3001\u305D\u308C\u3092\u6301\u3064\u30A8\u30F3\u30C8\u30EA\u30FC "## {same} <\u30BF\u30A4\u30C8\u30EB>" \u304C\u3042\u308A\u307E\u305B\u3093\u3002\u30A8\u30F3\u30C8\u30EA\u30FC\u3092\u623B\u3057\u3066\u304F\u3060\u3055\u3044\uFF08git log -p \u3067\u898B\u3089\u308C\u307E\u3059\uFF09\u3002\u30BF\u30B9\u30AF\u306F\u524A\u9664\u305B\u305A\u30AD\u30E3\u30F3\u30BB\u30EB\u3057\u3066\u304F\u3060\u3055\u3044'
  },
  { id: "check.self-dependency", en: "Task {id} depends on itself", ja: "\u30BF\u30B9\u30AF {id} \u304C\u81EA\u5206\u81EA\u8EAB\u306B\u4F9D\u5B58\u3057\u3066\u3044\u307E\u3059" },
  {
    id: "check.unknown-dependency",
    en: "Task {id} depends on {dep}, which is not in this file",
    ja: "\u30BF\u30B9\u30AF {id} \u306F {dep} \u306B\u4F9D\u5B58\u3057\u3066\u3044\u307E\u3059\u304C\u3001\u305D\u308C\u306F\u3053\u306E\u30D5\u30A1\u30A4\u30EB\u306B\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "check.doing-without-lease",
    en: "Task {id} is DOING but nobody holds a lease on it",
    ja: "\u30BF\u30B9\u30AF {id} \u306F DOING \u3067\u3059\u304C\u3001\u8AB0\u3082\u30EA\u30FC\u30B9\u3092\u6301\u3063\u3066\u3044\u307E\u305B\u3093"
  },
  {
    id: "check.lease-outside-doing",
    en: "Task {id} is {state} but has a lease; a lease exists only while a task is DOING",
    ja: "\u30BF\u30B9\u30AF {id} \u306F {state} \u3067\u3059\u304C\u30EA\u30FC\u30B9\u304C\u3042\u308A\u307E\u3059\u3002\u30EA\u30FC\u30B9\u306F\u30BF\u30B9\u30AF\u304C DOING \u306E\u9593\u3060\u3051\u306E\u3082\u306E\u3067\u3059"
  },
  {
    id: "check.resolution-outside-done",
    en: "Task {id} is {state} but has a resolution; only DONE tasks have one",
    ja: "\u30BF\u30B9\u30AF {id} \u306F {state} \u3067\u3059\u304C resolution \u304C\u3042\u308A\u307E\u3059\u3002resolution \u3092\u6301\u3064\u306E\u306F DONE \u306E\u30BF\u30B9\u30AF\u3060\u3051\u3067\u3059"
  },
  { id: "check.dependency-cycle", en: "Dependency cycle: {cycle}", ja: "\u4F9D\u5B58\u95A2\u4FC2\u304C\u5FAA\u74B0\u3057\u3066\u3044\u307E\u3059: {cycle}" },
  {
    id: "check.missing-status",
    en: 'Approval {id} has no status; expected "- status: pending" (pending|approved|rejected|superseded)',
    ja: '\u627F\u8A8D {id} \u306B status \u304C\u3042\u308A\u307E\u305B\u3093\u3002"- status: pending"\uFF08pending|approved|rejected|superseded\uFF09\u304C\u5FC5\u8981\u3067\u3059'
  },
  {
    id: "check.bad-rules",
    en: 'Expected the rules as a fenced YAML block (a line "```yaml", the rules, a line "```")',
    ja: '\u30EB\u30FC\u30EB\u306F\u30D5\u30A7\u30F3\u30B9\u3067\u56F2\u3093\u3060 YAML \u30D6\u30ED\u30C3\u30AF\uFF08"```yaml" \u306E\u884C\u3001\u30EB\u30FC\u30EB\u3001"```" \u306E\u884C\uFF09\u3067\u66F8\u3044\u3066\u304F\u3060\u3055\u3044'
  },
  {
    id: "check.bad-actor",
    en: 'Expected an actor name without spaces, optionally followed by its git identities like <carol@example.com> or "Carol Smith", found "{name}"',
    ja: '\u30B9\u30DA\u30FC\u30B9\u306E\u306A\u3044\u30A2\u30AF\u30BF\u30FC\u540D\uFF08\u7D9A\u3051\u3066 <carol@example.com> \u3084 "Carol Smith" \u306E\u3088\u3046\u306A git \u306E ID \u3092\u66F8\u3044\u3066\u3082\u3088\u3044\uFF09\u306E\u306F\u305A\u304C "{name}" \u3067\u3059'
  },
  {
    id: "check.bad-roles",
    en: 'Expected roles like "CMD, AUDIT" (CMD|WORK|AUDIT, optionally "(automation)", "(for NAME)", "(key ssh-ed25519 AAAA...)", comma-separated in one pair of parentheses) for {name}, found "{value}"',
    ja: '{name} \u306E\u30ED\u30FC\u30EB\u306F "CMD, AUDIT" \u306E\u3088\u3046\u306B\uFF08CMD|WORK|AUDIT\u3002\u5FC5\u8981\u306A\u3089 "(automation)"\u3001"(for NAME)"\u3001"(key ssh-ed25519 AAAA...)" \u3092 1 \u7D44\u306E\u62EC\u5F27\u5185\u306B\u30AB\u30F3\u30DE\u533A\u5207\u308A\u3067\uFF09\u66F8\u304F\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.duplicate-actor",
    en: "Actor {name} is listed twice in Roles",
    ja: "\u30A2\u30AF\u30BF\u30FC {name} \u304C Roles \u306B 2 \u56DE\u3042\u308A\u307E\u3059"
  },
  {
    id: "check.bad-delegation",
    en: '{name} works "for {principal}", but {why+}',
    ja: '{name} \u306F "for {principal}" \u3067\u4F5C\u696D\u3057\u307E\u3059\u304C\u3001{why+}'
  },
  {
    id: "part.check.self-delegation",
    en: "an actor cannot work for itself",
    ja: "\u30A2\u30AF\u30BF\u30FC\u306F\u81EA\u5206\u81EA\u8EAB\u306E\u305F\u3081\u306B\u306F\u4F5C\u696D\u3067\u304D\u307E\u305B\u3093"
  },
  {
    id: "part.check.unlisted-principal",
    en: '{name} is not listed under "## Roles"',
    ja: '{name} \u306F "## Roles" \u306B\u3042\u308A\u307E\u305B\u3093'
  },
  {
    id: "check.shared-identity",
    en: "The git identity {identity} maps to both {first} and {second}; commits by it count as {owner}'s",
    ja: "git \u306E ID {identity} \u304C {first} \u3068 {second} \u306E\u4E21\u65B9\u306B\u5BFE\u5FDC\u3057\u3066\u3044\u307E\u3059\u3002\u305D\u306E ID \u306E\u30B3\u30DF\u30C3\u30C8\u306F {owner} \u306E\u3082\u306E\u3068\u3057\u3066\u6570\u3048\u307E\u3059"
  },
  {
    id: "check.unknown-field",
    en: 'Unknown field "{field}" in {what}; it is kept as it is (known: {known})',
    ja: '{what} \u306E\u4E0D\u660E\u306A\u30D5\u30A3\u30FC\u30EB\u30C9 "{field}"\u3002\u305D\u306E\u307E\u307E\u6B8B\u3057\u307E\u3059\uFF08\u65E2\u77E5: {known}\uFF09'
  },
  {
    id: "check.bad-key",
    en: 'Expected a lowercase field name like "state", found "{field}"',
    ja: '"state" \u306E\u3088\u3046\u306A\u5C0F\u6587\u5B57\u306E\u30D5\u30A3\u30FC\u30EB\u30C9\u540D\u306E\u306F\u305A\u304C "{field}" \u3067\u3059'
  },
  { id: "part.expected.state", en: "a state ({states})", ja: "\u72B6\u614B\uFF08{states}\uFF09" },
  { id: "part.expected.priority", en: "a priority ({list})", ja: "\u512A\u5148\u5EA6\uFF08{list}\uFF09" },
  {
    id: "part.expected.time",
    en: "a UTC time like 2026-11-24T10:30:00Z",
    ja: "2026-11-24T10:30:00Z \u306E\u3088\u3046\u306A UTC \u6642\u523B"
  },
  { id: "part.expected.duration", en: "a duration like 90s, 30m, 2h or 1d", ja: "90s\u300130m\u30012h\u30011d \u306E\u3088\u3046\u306A\u671F\u9593" },
  { id: "part.expected.skew", en: "a duration like 0s, 30s or 2m", ja: "0s\u300130s\u30012m \u306E\u3088\u3046\u306A\u671F\u9593" },
  { id: "part.expected.count", en: "a whole number like 0, 1 or 2", ja: "0\u30011\u30012 \u306E\u3088\u3046\u306A\u6574\u6570" },
  { id: "part.expected.positive", en: "a whole number of at least 1", ja: "1 \u4EE5\u4E0A\u306E\u6574\u6570" },
  {
    id: "part.expected.task-ids",
    en: 'task IDs like T-9, T-10 separated by commas (not "{wrong}")',
    ja: 'T-9, T-10 \u306E\u3088\u3046\u306B\u30AB\u30F3\u30DE\u3067\u533A\u5207\u3063\u305F\u30BF\u30B9\u30AF ID\uFF08"{wrong}" \u306F\u4E0D\u53EF\uFF09'
  },
  {
    id: "part.expected.labels",
    en: 'labels like automation, phase-3 separated by commas (not "{wrong}")',
    ja: 'automation, phase-3 \u306E\u3088\u3046\u306B\u30AB\u30F3\u30DE\u3067\u533A\u5207\u3063\u305F\u30E9\u30D9\u30EB\uFF08"{wrong}" \u306F\u4E0D\u53EF\uFF09'
  },
  {
    id: "part.expected.actor",
    en: "an actor name (letters, digits and . _ @ + -), like bob or bob@example.com",
    ja: "bob \u3084 bob@example.com \u306E\u3088\u3046\u306A\u30A2\u30AF\u30BF\u30FC\u540D\uFF08\u82F1\u5B57\u3001\u6570\u5B57\u3068 . _ @ + -\uFF09"
  },
  { id: "part.expected.text", en: "some text", ja: "\u4F55\u3089\u304B\u306E\u30C6\u30AD\u30B9\u30C8" },
  { id: "part.expected.resolution", en: "a resolution ({list})", ja: "resolution\uFF08{list}\uFF09" },
  {
    id: "part.expected.lease",
    en: "a lease like bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m",
    ja: "bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m \u306E\u3088\u3046\u306A\u30EA\u30FC\u30B9"
  },
  {
    id: "part.expected.lease-session",
    en: "a lease like bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m session=run-3f9a2c",
    ja: "bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m session=run-3f9a2c \u306E\u3088\u3046\u306A\u30EA\u30FC\u30B9"
  },
  { id: "part.expected.session", en: "{lease} session=run-3f9a2c", ja: "{lease} session=run-3f9a2c \u306E\u3088\u3046\u306A\u30EA\u30FC\u30B9" },
  {
    id: "part.expected.backoff",
    en: "a backoff range like 1m..1h (smallest..largest)",
    ja: "1m..1h\uFF08\u6700\u5C0F..\u6700\u5927\uFF09\u306E\u3088\u3046\u306A\u30D0\u30C3\u30AF\u30AA\u30D5\u306E\u7BC4\u56F2"
  },
  { id: "part.expected.limits", en: "limits like DOING=5, REVIEW=3", ja: "DOING=5, REVIEW=3 \u306E\u3088\u3046\u306A\u4E0A\u9650" },
  {
    id: "part.expected.paths",
    en: "path globs like src/ledger/**, docs/ledger-format.md separated by commas ({problem})",
    ja: "src/ledger/**, docs/ledger-format.md \u306E\u3088\u3046\u306B\u30AB\u30F3\u30DE\u3067\u533A\u5207\u3063\u305F\u30D1\u30B9\u306E\u30B0\u30ED\u30D6\uFF08{problem}\uFF09"
  },
  {
    id: "part.expected.worktree",
    en: "a branch and a folder, like task/T-12-short-title ../repo.worktrees/T-12-short-title",
    ja: "task/T-12-short-title ../repo.worktrees/T-12-short-title \u306E\u3088\u3046\u306A\u30D6\u30E9\u30F3\u30C1\u3068\u30D5\u30A9\u30EB\u30C0\u30FC"
  },
  {
    id: "part.expected.actors",
    en: 'actor names separated by commas (not "{wrong}")',
    ja: '\u30AB\u30F3\u30DE\u3067\u533A\u5207\u3063\u305F\u30A2\u30AF\u30BF\u30FC\u540D\uFF08"{wrong}" \u306F\u4E0D\u53EF\uFF09'
  },
  {
    id: "part.expected.phase",
    en: "a phase name like automation or phase-3 (letters, digits and . _ / -)",
    ja: "automation \u3084 phase-3 \u306E\u3088\u3046\u306A\u30D5\u30A7\u30FC\u30BA\u540D\uFF08\u82F1\u5B57\u3001\u6570\u5B57\u3068 . _ / -\uFF09"
  },
  { id: "part.expected.change", en: "a change in percent like -30%", ja: "-30% \u306E\u3088\u3046\u306A\u30D1\u30FC\u30BB\u30F3\u30C8\u3067\u306E\u5909\u5316" },
  { id: "part.expected.percent", en: "a percentage like 80%", ja: "80% \u306E\u3088\u3046\u306A\u30D1\u30FC\u30BB\u30F3\u30C8" },
  { id: "part.expected.required", en: '"required" or "optional"', ja: '"required" \u304B "optional"' },
  {
    id: "part.expected.zone",
    en: "a time zone like UTC or Europe/Berlin",
    ja: "UTC \u3084 Europe/Berlin \u306E\u3088\u3046\u306A\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3"
  },
  {
    id: "part.expected.status",
    en: "a status (pending|approved|rejected|superseded)",
    ja: "status\uFF08pending|approved|rejected|superseded\uFF09"
  },
  { id: "part.expected.hash", en: "a hash like sha256:4be1c3f09a7d", ja: "sha256:4be1c3f09a7d \u306E\u3088\u3046\u306A\u30CF\u30C3\u30B7\u30E5" },
  { id: "part.expected.approval-ids", en: "approval IDs like A-3, A-4", ja: "A-3, A-4 \u306E\u3088\u3046\u306A\u627F\u8A8D ID" },
  { id: "part.expected.approval-id", en: "an approval ID like A-5", ja: "A-5 \u306E\u3088\u3046\u306A\u627F\u8A8D ID" },
  {
    id: "part.expected.roles-change",
    en: 'a change like "grant bob AUDIT", "revoke bob WORK", "identify bob", "policy approval-required=prod" or "rules sha256:4be1c3f09a7d5e21"',
    ja: '"grant bob AUDIT"\u3001"revoke bob WORK"\u3001"identify bob"\u3001"policy approval-required=prod"\u3001"rules sha256:4be1c3f09a7d5e21" \u306E\u3088\u3046\u306A\u5909\u66F4'
  },
  {
    id: "check.bad-phase",
    en: 'Expected a phase name like automation or phase-3 (letters, digits and . _ / -), found "{name}"',
    ja: 'automation \u3084 phase-3 \u306E\u3088\u3046\u306A\u30D5\u30A7\u30FC\u30BA\u540D\uFF08\u82F1\u5B57\u3001\u6570\u5B57\u3068 . _ / -\uFF09\u306E\u306F\u305A\u304C "{name}" \u3067\u3059'
  },
  {
    id: "check.bad-phase-due",
    en: `Expected phase {name}'s due time as a date (2026-12-20) or a UTC time (2026-12-20T18:00:00Z), found "{value}"`,
    ja: '\u30D5\u30A7\u30FC\u30BA {name} \u306E\u671F\u9650\u306F\u65E5\u4ED8\uFF082026-12-20\uFF09\u304B UTC \u6642\u523B\uFF082026-12-20T18:00:00Z\uFF09\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.unknown-phase",
    en: '{id} is in phase "{phase}", which the Phases section does not name{rest+}',
    ja: '{id} \u306F\u30D5\u30A7\u30FC\u30BA "{phase}" \u306B\u3042\u308A\u307E\u3059\u304C\u3001Phases \u30BB\u30AF\u30B7\u30E7\u30F3\u306B\u305D\u306E\u540D\u524D\u306F\u3042\u308A\u307E\u305B\u3093{rest+}'
  },
  { id: "part.check.phases-list", en: " (phases: {list})", ja: "\uFF08\u30D5\u30A7\u30FC\u30BA: {list}\uFF09" },
  { id: "part.check.no-phases", en: " (there is no ## Phases section)", ja: "\uFF08## Phases \u30BB\u30AF\u30B7\u30E7\u30F3\u304C\u3042\u308A\u307E\u305B\u3093\uFF09" },
  {
    id: "check.bad-log-line",
    en: 'Expected a log line "- TIME ACTOR ROLE ACTION TARGET [key=value...] ~ HASH", found "{line}"',
    ja: '\u30ED\u30B0\u884C "- TIME ACTOR ROLE ACTION TARGET [key=value...] ~ HASH" \u306E\u306F\u305A\u304C "{line}" \u3067\u3059'
  },
  {
    id: "check.bad-log-start",
    en: "Expected TIME ACTOR ROLE ACTION TARGET at the start of the log line",
    ja: "\u30ED\u30B0\u884C\u306E\u5148\u982D\u306B TIME ACTOR ROLE ACTION TARGET \u304C\u5FC5\u8981\u3067\u3059"
  },
  {
    id: "check.bad-log-time",
    en: 'Expected a UTC time like 2026-11-24T09:00:00Z, found "{value}"',
    ja: '2026-11-24T09:00:00Z \u306E\u3088\u3046\u306A UTC \u6642\u523B\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.bad-log-detail",
    en: `Expected key=value in the log line's details, found "{value}"`,
    ja: '\u30ED\u30B0\u884C\u306E\u8A73\u7D30\u306F key=value \u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.broken-chain",
    en: "Log hash chain is broken: expected ~ {want}, found ~ {found} (the log is append-only; a line was edited, removed or added by hand)",
    ja: "\u30ED\u30B0\u306E\u30CF\u30C3\u30B7\u30E5\u30C1\u30A7\u30FC\u30F3\u304C\u58CA\u308C\u3066\u3044\u307E\u3059: ~ {want} \u306E\u306F\u305A\u304C ~ {found} \u3067\u3059\uFF08\u30ED\u30B0\u306F\u8FFD\u8A18\u306E\u307F\u3002\u884C\u304C\u624B\u3067\u7DE8\u96C6\u3001\u524A\u9664\u3001\u8FFD\u52A0\u3055\u308C\u307E\u3057\u305F\uFF09"
  },
  {
    id: "check.log-time-order",
    en: "This log line is older than the line before it",
    ja: "\u3053\u306E\u30ED\u30B0\u884C\u306F\u524D\u306E\u884C\u3088\u308A\u53E4\u3044\u6642\u523B\u3067\u3059"
  },
  {
    id: "check.strict-too-complex",
    en: `Expected text that remark reads in bounded time, found {n} brackets, emphasis marks and "<" in the paragraph here (remark's time grows with their square), so check --strict did not compare this file; the line reader does not read them`,
    ja: 'remark \u304C\u6709\u9650\u306E\u6642\u9593\u3067\u8AAD\u3081\u308B\u30C6\u30AD\u30B9\u30C8\u306E\u306F\u305A\u304C\u3001\u3053\u3053\u306E\u6BB5\u843D\u306B\u62EC\u5F27\u3001\u5F37\u8ABF\u8A18\u53F7\u3068 "<" \u304C {n} \u500B\u3042\u308A\u307E\u3059\uFF08remark \u306E\u6642\u9593\u306F\u305D\u306E 2 \u4E57\u3067\u5897\u3048\u307E\u3059\uFF09\u3002\u305D\u306E\u305F\u3081 check --strict \u306F\u3053\u306E\u30D5\u30A1\u30A4\u30EB\u3092\u6BD4\u3079\u3066\u3044\u307E\u305B\u3093\u3002\u884C\u30EA\u30FC\u30C0\u30FC\u306F\u305D\u308C\u3089\u3092\u8AAD\u307F\u307E\u305B\u3093'
  },
  {
    id: "check.reader-disagrees",
    en: "Markdown (remark) sees {theirs} here, taskgate sees {ours}; simplify the Markdown around it",
    ja: "Markdown\uFF08remark\uFF09\u306F\u3053\u3053\u306B {theirs} \u3092\u3001taskgate \u306F {ours} \u3092\u898B\u3066\u3044\u307E\u3059\u3002\u5468\u308A\u306E Markdown \u3092\u7C21\u5358\u306B\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "check.reader-disagrees-line",
    en: 'Markdown (remark) reads this line as {theirs}, taskgate as "{ours}"',
    ja: 'Markdown\uFF08remark\uFF09\u306F\u3053\u306E\u884C\u3092 {theirs} \u3068\u3001taskgate \u306F "{ours}" \u3068\u8AAD\u307F\u307E\u3059'
  },
  { id: "check.hook.not-run", en: "{msg+}; this hook is not run", ja: "{msg+}\u3002\u3053\u306E\u30D5\u30C3\u30AF\u306F\u5B9F\u884C\u3055\u308C\u307E\u305B\u3093" },
  {
    id: "check.hook.event",
    en: 'Expected an event ({events}, or all) before the colon, found "{event}"',
    ja: '\u30B3\u30ED\u30F3\u306E\u524D\u306B\u306F\u30A4\u30D9\u30F3\u30C8\uFF08{events}\u3001\u307E\u305F\u306F all\uFF09\u306E\u306F\u305A\u304C "{event}" \u3067\u3059'
  },
  { id: "check.hook.example", en: '{msg+} (a hook is like "{example}")', ja: '{msg+}\uFF08\u30D5\u30C3\u30AF\u306E\u4F8B: "{example}"\uFF09' },
  {
    id: "check.hook.timeout",
    en: 'Expected a duration like 10s for timeout, found "{value}"',
    ja: 'timeout \u306F 10s \u306E\u3088\u3046\u306A\u671F\u9593\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.hook.retry",
    en: 'Expected a range like 10s..1h (smallest..largest) for retry, found "{value}"',
    ja: 'retry \u306F 10s..1h\uFF08\u6700\u5C0F..\u6700\u5927\uFF09\u306E\u3088\u3046\u306A\u7BC4\u56F2\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.hook.option",
    en: 'Expected the option timeout= or retry=, found "{value}"',
    ja: '\u30AA\u30D7\u30B7\u30E7\u30F3\u306F timeout= \u304B retry= \u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.hook.program",
    en: 'Expected a program after "run", like "{example}"',
    ja: '"run" \u306E\u5F8C\u306B\u30D7\u30ED\u30B0\u30E9\u30E0\u304C\u5FC5\u8981\u3067\u3059\uFF08\u4F8B: "{example}"\uFF09'
  },
  {
    id: "check.hook.url",
    en: 'Expected one http:// or https:// URL after "post", like "- all: post https://example.com/hook", found "{value}"',
    ja: '"post" \u306E\u5F8C\u306B\u306F http:// \u304B https:// \u306E URL \u304C 1 \u3064\uFF08\u4F8B: "- all: post https://example.com/hook"\uFF09\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.hook.spec",
    en: 'Expected "run PROGRAM ..." or "post URL" after the event, like "{example}", found "{value}"',
    ja: '\u30A4\u30D9\u30F3\u30C8\u306E\u5F8C\u306B\u306F "run PROGRAM ..." \u304B "post URL"\uFF08\u4F8B: "{example}"\uFF09\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.schedule.shape",
    en: 'Expected a schedule like "{example}" (a cron expression in backticks, a time zone, an action), found "{value}"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB\u306F "{example}" \u306E\u3088\u3046\u306B\uFF08\u30D0\u30C3\u30AF\u30AF\u30A9\u30FC\u30C8\u3067\u56F2\u3093\u3060 cron \u5F0F\u3001\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\u3001\u30A2\u30AF\u30B7\u30E7\u30F3\uFF09\u66F8\u304F\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.schedule.zone",
    en: 'Expected a time zone like UTC or Europe/Berlin for schedule "{name}", found "{value}"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u306E\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\u306F UTC \u3084 Europe/Berlin \u306E\u3088\u3046\u306A\u3082\u306E\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.schedule.cron",
    en: 'Expected a cron expression like "0 2 * * *" for schedule "{name}", found "{value}" ({why})',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u306F "0 2 * * *" \u306E\u3088\u3046\u306A cron \u5F0F\u306E\u306F\u305A\u304C "{value}" \u3067\u3059\uFF08{why}\uFF09'
  },
  {
    id: "check.schedule.no-arguments",
    en: 'The {action} action takes no arguments, found "{value}"',
    ja: '{action} \u30A2\u30AF\u30B7\u30E7\u30F3\u306F\u5F15\u6570\u3092\u53D6\u308A\u307E\u305B\u3093\u304C "{value}" \u304C\u3042\u308A\u307E\u3059'
  },
  {
    id: "check.schedule.add-field",
    en: 'Schedule "{name}" may set priority, labels or state on the task it adds, not "{value}"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u304C\u8FFD\u52A0\u3059\u308B\u30BF\u30B9\u30AF\u306B\u8A2D\u5B9A\u3067\u304D\u308B\u306E\u306F priority\u3001labels\u3001state \u3067\u3001"{value}" \u306F\u8A2D\u5B9A\u3067\u304D\u307E\u305B\u3093'
  },
  {
    id: "check.schedule.add-title",
    en: 'Schedule "{name}" adds a task: give its title after "add"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u306F\u30BF\u30B9\u30AF\u3092\u8FFD\u52A0\u3057\u307E\u3059\u3002"add" \u306E\u5F8C\u306B\u30BF\u30A4\u30C8\u30EB\u3092\u66F8\u3044\u3066\u304F\u3060\u3055\u3044'
  },
  {
    id: "check.schedule.add-state",
    en: 'Schedule "{name}" may add a task as PLAN or READY, not "{value}"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u304C\u8FFD\u52A0\u3067\u304D\u308B\u30BF\u30B9\u30AF\u306F PLAN \u304B READY \u3067\u3001"{value}" \u3067\u306F\u3042\u308A\u307E\u305B\u3093'
  },
  {
    id: "check.schedule.action",
    en: 'Expected an action check, add or auto-approve for schedule "{name}", found "{value}"',
    ja: '\u30B9\u30B1\u30B8\u30E5\u30FC\u30EB "{name}" \u306E\u30A2\u30AF\u30B7\u30E7\u30F3\u306F check\u3001add\u3001auto-approve \u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.rule.yaml",
    en: "Rules are not valid YAML: {detail}",
    ja: "\u30EB\u30FC\u30EB\u304C\u6B63\u3057\u3044 YAML \u3067\u306F\u3042\u308A\u307E\u305B\u3093: {detail}"
  },
  {
    id: "check.rule.list",
    en: "Expected the rules to be a YAML list of rules (- id: ...)",
    ja: "\u30EB\u30FC\u30EB\u306F YAML \u306E\u30EA\u30B9\u30C8\uFF08- id: ...\uFF09\u306E\u306F\u305A\u3067\u3059"
  },
  {
    id: "check.rule.mapping",
    en: "Expected a rule: a mapping with id, and approve or deny",
    ja: "\u30EB\u30FC\u30EB\uFF08id \u3068\u3001approve \u304B deny \u3092\u6301\u3064\u30DE\u30C3\u30D4\u30F3\u30B0\uFF09\u306E\u306F\u305A\u3067\u3059"
  },
  {
    id: "check.rule.unknown-key",
    en: 'Unknown key "{field}" in a rule; expected id, approve or deny, and level',
    ja: '\u30EB\u30FC\u30EB\u306B\u4E0D\u660E\u306A\u30AD\u30FC "{field}" \u304C\u3042\u308A\u307E\u3059\u3002id\u3001approve \u304B deny\u3001level \u304C\u4F7F\u3048\u307E\u3059'
  },
  {
    id: "check.rule.id",
    en: "Expected a rule id like docs-only, found {value}",
    ja: "docs-only \u306E\u3088\u3046\u306A\u30EB\u30FC\u30EB ID \u306E\u306F\u305A\u304C {value} \u3067\u3059"
  },
  { id: "check.rule.duplicate", en: "Duplicate rule id {rule}", ja: "\u30EB\u30FC\u30EB ID {rule} \u304C\u91CD\u8907\u3057\u3066\u3044\u307E\u3059" },
  {
    id: "check.rule.one-of",
    en: "Rule {rule} needs exactly one of approve: or deny:",
    ja: "\u30EB\u30FC\u30EB {rule} \u306B\u306F approve: \u304B deny: \u306E\u3069\u3061\u3089\u304B 1 \u3064\u3060\u3051\u304C\u5FC5\u8981\u3067\u3059"
  },
  {
    id: "check.rule.level",
    en: "Rule {rule}: expected level soft or hard, found {value}",
    ja: "\u30EB\u30FC\u30EB {rule}: level \u306F soft \u304B hard \u306E\u306F\u305A\u304C {value} \u3067\u3059"
  },
  {
    id: "check.rule.hard",
    en: "Rule {rule}: level hard is for deny rules",
    ja: "\u30EB\u30FC\u30EB {rule}: level hard \u306F deny \u306E\u30EB\u30FC\u30EB\u3060\u3051\u306E\u3082\u306E\u3067\u3059"
  },
  {
    id: "check.rule.conditions",
    en: "Rule {rule}: expected conditions like {{ labels: [docs], requester-role: WORK }}",
    ja: "\u30EB\u30FC\u30EB {rule}: \u6761\u4EF6\u306F {{ labels: [docs], requester-role: WORK }} \u306E\u3088\u3046\u306B\u66F8\u304F\u306F\u305A\u3067\u3059"
  },
  {
    id: "check.rule.condition",
    en: 'Rule {rule}: expected {expected+} for "{field}"',
    ja: '\u30EB\u30FC\u30EB {rule}: "{field}" \u306B\u306F {expected+} \u304C\u5FC5\u8981\u3067\u3059'
  },
  { id: "part.expected.rule-labels", en: "a label or a list of labels", ja: "\u30E9\u30D9\u30EB\u3001\u307E\u305F\u306F\u30E9\u30D9\u30EB\u306E\u30EA\u30B9\u30C8" },
  {
    id: "part.expected.rule-roles",
    en: "CMD, WORK or AUDIT, or a list of them",
    ja: "CMD\u3001WORK\u3001AUDIT\u3001\u307E\u305F\u306F\u305D\u306E\u30EA\u30B9\u30C8"
  },
  {
    id: "part.expected.rule-states",
    en: "a state (PLAN|READY|DOING|REVIEW|DONE) or a list of them",
    ja: "\u72B6\u614B\uFF08PLAN|READY|DOING|REVIEW|DONE\uFF09\u3001\u307E\u305F\u306F\u305D\u306E\u30EA\u30B9\u30C8"
  },
  { id: "part.expected.rule-kind", en: "task, text or roles", ja: "task\u3001text\u3001roles \u306E\u3069\u308C\u304B" },
  { id: "part.expected.whole-number", en: "a whole number", ja: "\u6574\u6570" },
  { id: "part.expected.boolean", en: "true or false", ja: "true \u304B false" },
  {
    id: "check.rule.unknown-condition",
    en: 'Rule {rule}: unknown condition "{field}"; known: {known}',
    ja: '\u30EB\u30FC\u30EB {rule}: \u4E0D\u660E\u306A\u6761\u4EF6 "{field}"\u3002\u65E2\u77E5: {known}'
  },
  {
    id: "check.log-in-future",
    en: "This log line is dated in the future (is a clock wrong?)",
    ja: "\u3053\u306E\u30ED\u30B0\u884C\u306F\u672A\u6765\u306E\u65E5\u6642\u3067\u3059\uFF08\u6642\u8A08\u304C\u305A\u308C\u3066\u3044\u307E\u305B\u3093\u304B\uFF09"
  },
  {
    id: "check.unknown-assignee",
    en: "{id} is assigned to {who}, who has no roles in {file}",
    ja: "{id} \u306E\u62C5\u5F53\u306F {who} \u3067\u3059\u304C\u3001\u305D\u306E\u4EBA\u306F {file} \u306B\u30ED\u30FC\u30EB\u304C\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "check.stale-approval",
    en: "{id} was approved, but {subject} changed since, so it no longer counts (stale); request a new approval",
    ja: "{id} \u306F\u627F\u8A8D\u3055\u308C\u307E\u3057\u305F\u304C\u3001\u305D\u306E\u5F8C {subject} \u304C\u5909\u308F\u3063\u305F\u305F\u3081\u7121\u52B9\u3067\u3059\uFF08stale\uFF09\u3002\u65B0\u3057\u304F\u627F\u8A8D\u3092\u4F9D\u983C\u3057\u3066\u304F\u3060\u3055\u3044"
  },
  {
    id: "check.unknown-subject",
    en: "{id} asks about {subject}, which is not in {file}",
    ja: "{id} \u306F {subject} \u306B\u3064\u3044\u3066\u306E\u627F\u8A8D\u3067\u3059\u304C\u3001\u305D\u308C\u306F {file} \u306B\u3042\u308A\u307E\u305B\u3093"
  },
  {
    id: "check.approval-sla",
    en: "{id} has waited {age}, past the approval SLA of {sla}",
    ja: "{id} \u306F {age} \u5F85\u3063\u3066\u304A\u308A\u3001\u627F\u8A8D\u306E SLA {sla} \u3092\u8D85\u3048\u3066\u3044\u307E\u3059"
  },
  {
    id: "check.bad-time-zone",
    en: 'Expected a time zone this system knows, like UTC or Europe/Berlin, for "time-zone", found "{value}"',
    ja: '"time-zone" \u306F\u3053\u306E\u30B7\u30B9\u30C6\u30E0\u304C\u77E5\u3063\u3066\u3044\u308B\u30BF\u30A4\u30E0\u30BE\u30FC\u30F3\uFF08UTC \u3084 Europe/Berlin \u306A\u3069\uFF09\u306E\u306F\u305A\u304C "{value}" \u3067\u3059'
  },
  {
    id: "check.not-utf8",
    en: "Expected UTF-8 text, found a byte that is not UTF-8",
    ja: "UTF-8 \u306E\u30C6\u30AD\u30B9\u30C8\u306E\u306F\u305A\u304C\u3001UTF-8 \u3067\u306A\u3044\u30D0\u30A4\u30C8\u304C\u3042\u308A\u307E\u3059"
  },
  {
    id: "check.nul-byte",
    en: "Expected text, found a NUL byte (git would take the file for binary and show no diff of it)",
    ja: "\u30C6\u30AD\u30B9\u30C8\u306E\u306F\u305A\u304C NUL \u30D0\u30A4\u30C8\u304C\u3042\u308A\u307E\u3059\uFF08git \u306F\u30D5\u30A1\u30A4\u30EB\u3092\u30D0\u30A4\u30CA\u30EA\u3068\u307F\u306A\u3057\u3001\u5DEE\u5206\u3092\u8868\u793A\u3057\u306A\u304F\u306A\u308A\u307E\u3059\uFF09"
  },
  {
    id: "check.bad-value",
    en: 'Expected {expected+} for "{field}", found "{value}"',
    ja: '"{field}" \u306B\u306F {expected+} \u304C\u5FC5\u8981\u3067\u3059\u304C "{value}" \u3067\u3059'
  }
];
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  CATALOG
});
