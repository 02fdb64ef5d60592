"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// lazy-builtin:node:child_process
var require_node_child_process = __commonJS({
  "lazy-builtin:node:child_process"(exports2, module2) {
    "use strict";
    var m;
    var load = () => m ??= require("node:child_process");
    module2.exports = {
      get ChildProcess() {
        return load().ChildProcess;
      },
      get _forkChild() {
        return load()._forkChild;
      },
      get exec() {
        return load().exec;
      },
      get execFile() {
        return load().execFile;
      },
      get execFileSync() {
        return load().execFileSync;
      },
      get execSync() {
        return load().execSync;
      },
      get fork() {
        return load().fork;
      },
      get spawn() {
        return load().spawn;
      },
      get spawnSync() {
        return load().spawnSync;
      }
    };
  }
});

// lazy-builtin:node:crypto
var require_node_crypto = __commonJS({
  "lazy-builtin:node:crypto"(exports2, module2) {
    "use strict";
    var m;
    var load = () => m ??= require("node:crypto");
    module2.exports = {
      get Certificate() {
        return load().Certificate;
      },
      get Cipher() {
        return load().Cipher;
      },
      get Cipheriv() {
        return load().Cipheriv;
      },
      get Decipher() {
        return load().Decipher;
      },
      get Decipheriv() {
        return load().Decipheriv;
      },
      get DiffieHellman() {
        return load().DiffieHellman;
      },
      get DiffieHellmanGroup() {
        return load().DiffieHellmanGroup;
      },
      get ECDH() {
        return load().ECDH;
      },
      get Hash() {
        return load().Hash;
      },
      get Hmac() {
        return load().Hmac;
      },
      get KeyObject() {
        return load().KeyObject;
      },
      get Sign() {
        return load().Sign;
      },
      get Verify() {
        return load().Verify;
      },
      get X509Certificate() {
        return load().X509Certificate;
      },
      get checkPrime() {
        return load().checkPrime;
      },
      get checkPrimeSync() {
        return load().checkPrimeSync;
      },
      get constants() {
        return load().constants;
      },
      get createCipheriv() {
        return load().createCipheriv;
      },
      get createDecipheriv() {
        return load().createDecipheriv;
      },
      get createDiffieHellman() {
        return load().createDiffieHellman;
      },
      get createDiffieHellmanGroup() {
        return load().createDiffieHellmanGroup;
      },
      get createECDH() {
        return load().createECDH;
      },
      get createHash() {
        return load().createHash;
      },
      get createHmac() {
        return load().createHmac;
      },
      get createPrivateKey() {
        return load().createPrivateKey;
      },
      get createPublicKey() {
        return load().createPublicKey;
      },
      get createSecretKey() {
        return load().createSecretKey;
      },
      get createSign() {
        return load().createSign;
      },
      get createVerify() {
        return load().createVerify;
      },
      get diffieHellman() {
        return load().diffieHellman;
      },
      get generateKey() {
        return load().generateKey;
      },
      get generateKeyPair() {
        return load().generateKeyPair;
      },
      get generateKeyPairSync() {
        return load().generateKeyPairSync;
      },
      get generateKeySync() {
        return load().generateKeySync;
      },
      get generatePrime() {
        return load().generatePrime;
      },
      get generatePrimeSync() {
        return load().generatePrimeSync;
      },
      get getCipherInfo() {
        return load().getCipherInfo;
      },
      get getCiphers() {
        return load().getCiphers;
      },
      get getCurves() {
        return load().getCurves;
      },
      get getDiffieHellman() {
        return load().getDiffieHellman;
      },
      get getFips() {
        return load().getFips;
      },
      get getHashes() {
        return load().getHashes;
      },
      get getRandomValues() {
        return load().getRandomValues;
      },
      get hash() {
        return load().hash;
      },
      get hkdf() {
        return load().hkdf;
      },
      get hkdfSync() {
        return load().hkdfSync;
      },
      get pbkdf2() {
        return load().pbkdf2;
      },
      get pbkdf2Sync() {
        return load().pbkdf2Sync;
      },
      get privateDecrypt() {
        return load().privateDecrypt;
      },
      get privateEncrypt() {
        return load().privateEncrypt;
      },
      get publicDecrypt() {
        return load().publicDecrypt;
      },
      get publicEncrypt() {
        return load().publicEncrypt;
      },
      get randomBytes() {
        return load().randomBytes;
      },
      get randomFill() {
        return load().randomFill;
      },
      get randomFillSync() {
        return load().randomFillSync;
      },
      get randomInt() {
        return load().randomInt;
      },
      get randomUUID() {
        return load().randomUUID;
      },
      get scrypt() {
        return load().scrypt;
      },
      get scryptSync() {
        return load().scryptSync;
      },
      get secureHeapUsed() {
        return load().secureHeapUsed;
      },
      get setEngine() {
        return load().setEngine;
      },
      get setFips() {
        return load().setFips;
      },
      get sign() {
        return load().sign;
      },
      get subtle() {
        return load().subtle;
      },
      get timingSafeEqual() {
        return load().timingSafeEqual;
      },
      get verify() {
        return load().verify;
      },
      get webcrypto() {
        return load().webcrypto;
      }
    };
  }
});

// lazy-builtin:node:zlib
var require_node_zlib = __commonJS({
  "lazy-builtin:node:zlib"(exports2, module2) {
    "use strict";
    var m;
    var load = () => m ??= require("node:zlib");
    module2.exports = {
      get BrotliCompress() {
        return load().BrotliCompress;
      },
      get BrotliDecompress() {
        return load().BrotliDecompress;
      },
      get Deflate() {
        return load().Deflate;
      },
      get DeflateRaw() {
        return load().DeflateRaw;
      },
      get Gunzip() {
        return load().Gunzip;
      },
      get Gzip() {
        return load().Gzip;
      },
      get Inflate() {
        return load().Inflate;
      },
      get InflateRaw() {
        return load().InflateRaw;
      },
      get Unzip() {
        return load().Unzip;
      },
      get brotliCompress() {
        return load().brotliCompress;
      },
      get brotliCompressSync() {
        return load().brotliCompressSync;
      },
      get brotliDecompress() {
        return load().brotliDecompress;
      },
      get brotliDecompressSync() {
        return load().brotliDecompressSync;
      },
      get codes() {
        return load().codes;
      },
      get constants() {
        return load().constants;
      },
      get crc32() {
        return load().crc32;
      },
      get createBrotliCompress() {
        return load().createBrotliCompress;
      },
      get createBrotliDecompress() {
        return load().createBrotliDecompress;
      },
      get createDeflate() {
        return load().createDeflate;
      },
      get createDeflateRaw() {
        return load().createDeflateRaw;
      },
      get createGunzip() {
        return load().createGunzip;
      },
      get createGzip() {
        return load().createGzip;
      },
      get createInflate() {
        return load().createInflate;
      },
      get createInflateRaw() {
        return load().createInflateRaw;
      },
      get createUnzip() {
        return load().createUnzip;
      },
      get deflate() {
        return load().deflate;
      },
      get deflateRaw() {
        return load().deflateRaw;
      },
      get deflateRawSync() {
        return load().deflateRawSync;
      },
      get deflateSync() {
        return load().deflateSync;
      },
      get gunzip() {
        return load().gunzip;
      },
      get gunzipSync() {
        return load().gunzipSync;
      },
      get gzip() {
        return load().gzip;
      },
      get gzipSync() {
        return load().gzipSync;
      },
      get inflate() {
        return load().inflate;
      },
      get inflateRaw() {
        return load().inflateRaw;
      },
      get inflateRawSync() {
        return load().inflateRawSync;
      },
      get inflateSync() {
        return load().inflateSync;
      },
      get unzip() {
        return load().unzip;
      },
      get unzipSync() {
        return load().unzipSync;
      }
    };
  }
});

// noble-crypto:crypto
var require_crypto = __commonJS({
  "noble-crypto:crypto"(exports2) {
    "use strict";
    exports2.crypto = void 0;
  }
});

// lazy-catalog:catalog
var require_catalog = __commonJS({
  "lazy-catalog:catalog"(exports2, module2) {
    "use strict";
    var m;
    module2.exports = {
      get CATALOG() {
        return (m ??= require("./catalog.cjs")).CATALOG;
      }
    };
  }
});

// lazy-vendor:string-width
var require_string_width = __commonJS({
  "lazy-vendor:string-width"(exports2, module2) {
    "use strict";
    var m;
    var load = () => m ??= require("./vendor-string-width.cjs");
    module2.exports = {
      get stringWidth() {
        return load().stringWidth;
      }
    };
  }
});

// chalk-tty:tty
var require_tty = __commonJS({
  "chalk-tty:tty"(exports2, module2) {
    "use strict";
    var fs = require("node:fs");
    var tty2;
    var real = () => tty2 ??= require("node:tty");
    function isatty(fd) {
      try {
        const st = fs.fstatSync(fd);
        if (!st.isCharacterDevice()) return false;
        const devNull = fs.statSync("/dev/null");
        if (st.rdev === devNull.rdev && st.ino === devNull.ino) return false;
      } catch {
      }
      return real().isatty(fd);
    }
    module2.exports = {
      isatty,
      get ReadStream() {
        return real().ReadStream;
      },
      get WriteStream() {
        return real().WriteStream;
      }
    };
  }
});

// src/cli/quick-status.ts
var quick_status_exports = {};
__export(quick_status_exports, {
  outputPending: () => outputPending,
  plainStatus: () => plainStatus,
  quickStatus: () => quickStatus
});
module.exports = __toCommonJS(quick_status_exports);

// src/model/time.ts
function formatTime(ms) {
  return `${new Date(Math.floor(ms / 1e3) * 1e3).toISOString().slice(0, 19)}Z`;
}
var DURATION = /^(\d+)(ms|s|m|h|d)$/;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text) {
  const m = DURATION.exec(text.trim());
  if (!m) return void 0;
  const n = Number(m[1]);
  const unit = UNIT_MS[m[2]];
  return Number.isSafeInteger(n * unit) ? n * unit : void 0;
}
function formatAge(ms) {
  const s = Math.max(0, Math.floor(ms / 1e3));
  if (s >= 86400) return `${Math.floor(s / 86400)}d`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}

// src/ledger/document.ts
var KNOWN_KEYS = [
  ...["state", "priority", "depends", "labels", "assignee", "lease", "attempts", "blocked", "resolution"],
  ...["not-before", "created", "fence", "workers", "rework", "last-error", "max-attempts", "backoff"],
  ...["approval-required"],
  ...["wip-limit", "clock-skew", "approval-sla", "goal-automation", "goal-recovery", "goal-approval-wait"],
  ...["time-zone"],
  ...["status", "subject", "subject-hash", "requested-by"],
  ...["requested-at", "evidence", "approver", "decided-at", "reason", "rule", "rules-hash", "supersedes"],
  ...["superseded-by", "change"],
  ...["paths", "worktree"]
];
var KEYS_BY_LENGTH = [];
KNOWN_KEYS.forEach((k, code) => {
  const list = KEYS_BY_LENGTH[k.length];
  if (list) list.push(code);
  else KEYS_BY_LENGTH[k.length] = [code];
});

// src/model/task.ts
var STATES = ["PLAN", "READY", "DOING", "REVIEW", "DONE"];
var DEFAULT_POLICY = {
  lease: 30 * 6e4,
  maxAttempts: 3,
  backoff: { min: 6e4, max: 36e5 },
  approvalRequired: [],
  wipLimit: {},
  clockSkew: 3e4,
  signedCommits: false,
  approvalSla: 24 * 36e5,
  goals: {}
};
function isState(s) {
  return STATES.includes(s);
}

// src/ledger/path-globs.ts
var SLASH = 47;
var MAX_CODE = 1114111;
var ANY = [0, SLASH - 1, SLASH + 1, MAX_CODE];

// src/ledger/fields.ts
var ok = (value) => ({ ok: true, value });
var bad = (expected) => ({ ok: false, expected });
var LABEL = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
function splitList(value) {
  return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
var decodeDuration = (v) => {
  const d = parseDuration(v);
  return d === void 0 || d <= 0 ? bad("a duration like 90s, 30m, 2h or 1d") : ok(d);
};
var decodeMargin = (v) => {
  const d = parseDuration(v);
  return d === void 0 ? bad("a duration like 0s, 30s or 2m") : ok(d);
};
var decodePositive = (v) => /^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad("a whole number of at least 1");
var decodeLabels = (v) => {
  const labels = splitList(v);
  const wrong = labels.find((l) => !LABEL.test(l));
  return wrong === void 0 ? ok(labels) : bad(`labels like automation, phase-3 separated by commas (not "${wrong}")`);
};
var decodeBackoff = (v) => {
  const [a, b, ...rest] = v.split("..");
  const min = a === void 0 ? void 0 : parseDuration(a);
  const max = b === void 0 ? void 0 : parseDuration(b);
  if (rest.length || min === void 0 || max === void 0 || min <= 0 || max < min) {
    return bad("a backoff range like 1m..1h (smallest..largest)");
  }
  return ok({ min, max });
};
var decodeWipLimit = (v) => {
  const out = {};
  for (const part of splitList(v)) {
    const m = /^([A-Z]+)\s*=\s*(\d+)$/.exec(part);
    if (!m || !isState(m[1])) return bad("limits like DOING=5, REVIEW=3");
    out[m[1]] = Number(m[2]);
  }
  return ok(out);
};
var decodePercent = (signed) => (v) => (signed ? /^[-+]?\d+(\.\d+)?%$/ : /^\d+(\.\d+)?%$/).test(v) && (signed || Number.parseFloat(v) <= 100) ? ok(Number.parseFloat(v) / 100) : bad(signed ? "a change in percent like -30%" : "a percentage like 80%");
var POLICY_FIELDS = {
  lease: decodeDuration,
  "max-attempts": decodePositive,
  backoff: decodeBackoff,
  "approval-required": decodeLabels,
  "wip-limit": decodeWipLimit,
  "clock-skew": decodeMargin,
  "signed-commits": (v) => v === "required" ? ok(true) : v === "optional" ? ok(false) : bad('"required" or "optional"'),
  "approval-sla": decodeDuration,
  "goal-automation": decodePercent(false),
  "goal-recovery": decodePercent(false),
  "goal-approval-wait": decodePercent(true),
  // The shape of an IANA name; whether the zone exists is asked of Intl only by metrics (it
  // costs a load of the zone data, which no other command needs).
  "time-zone": (v) => /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/.test(v) ? ok(v) : bad("a time zone like UTC or Europe/Berlin")
};

// src/ledger/list-rows.ts
var NONE = Object.freeze([]);
var PLAIN_KEYS = [
  "state",
  "priority",
  "labels",
  "depends",
  "resolution",
  "created",
  "assignee",
  "lease",
  "not-before",
  "fence",
  "workers",
  "attempts",
  "blocked",
  "resolution"
];
var PLAIN_GROUPS = { idNumber: 1, title: 2, firstField: 3 };
var VALUE = "([^ \\t\\r\\n](?:[^\\r\\n]*[^ \\t\\r\\n])?)";
var PLAIN_ROW = new RegExp(
  `## T-([1-9]\\d*) ([^\\s#](?:[^\\n\\r\\u2028\\u2029]*[^\\s#])?)\\n${PLAIN_KEYS.map((k) => `(?:- ${k}: ${VALUE}\\n)?`).join("")}(?=\\n|#|$)`,
  "y"
);

// src/rules/phases.ts
function phaseJson(p) {
  return {
    name: p.name,
    due: p.due === void 0 ? null : formatTime(p.due),
    description: p.description ?? null,
    total: p.total,
    done: p.done,
    cancelled: p.cancelled,
    blocked: p.blocked,
    waiting: p.waiting
  };
}

// src/app/documents.ts
var SCHEMA_VERSION = 1;
function doc(kind, body) {
  return { schema: `taskgate.${kind}`, version: SCHEMA_VERSION, ...body };
}
var group = (key) => PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf(key);
var G = {
  state: group("state"),
  priority: group("priority"),
  labels: group("labels"),
  depends: group("depends"),
  resolution: group("resolution"),
  created: group("created"),
  assignee: group("assignee"),
  lease: group("lease"),
  notBefore: group("not-before"),
  attempts: group("attempts"),
  blocked: group("blocked"),
  lateResolution: PLAIN_GROUPS.firstField + PLAIN_KEYS.lastIndexOf("resolution")
};
function statusDoc(ctx, v) {
  const s = v.summary;
  return doc("status", {
    files: { tasks: ctx.paths.tasksDisplay, approvals: v.approvalsFound ? ctx.paths.approvalsDisplay : null },
    ...ctx.ports.board ? { board: ctx.ports.board.describe() } : {},
    tasks: s.tasks,
    byState: s.byState,
    blocked: s.blocked,
    deadLetters: s.deadLetters,
    behindDeadLetter: s.behindDeadLetter,
    leases: {
      held: s.leases.held,
      expired: s.leases.expired.map((e) => ({
        id: e.id,
        holder: e.holder,
        session: e.session ?? null,
        expiredAt: new Date(e.since).toISOString()
      }))
    },
    approvals: {
      pending: s.approvals.pending,
      overSla: s.approvals.overSla.map((a) => ({ id: a.id, waitingSeconds: Math.floor(a.waiting / 1e3) })),
      stale: s.approvals.stale
    },
    phases: v.phases.map(phaseJson),
    errors: v.errors,
    warnings: v.warnings
  });
}
function docText(d) {
  return `${JSON.stringify(d, null, 2)}
`;
}

// src/rules/lease.ts
function isLeaseExpired(lease, now, clockSkew) {
  return now > lease.until + clockSkew;
}
function shortSession(session) {
  return session.length <= 12 ? session : session.slice(0, 8);
}
function holderWithSession(holder, session) {
  return session === void 0 ? holder : `${holder} (${shortSession(session)})`;
}

// src/rules/summary.ts
function summarize(facts, now) {
  let held = 0;
  let nextEnd;
  const expired = [];
  for (const l of facts.leases) {
    if (isLeaseExpired(l, now, facts.clockSkew))
      expired.push({ id: l.id, holder: l.holder, session: l.session, since: l.until });
    else {
      held++;
      if (nextEnd === void 0 || l.until < nextEnd) nextEnd = l.until;
    }
  }
  const overSla = facts.pending.filter((a) => a.requestedAt !== null && now - a.requestedAt > facts.approvalSla).map((a) => ({ id: a.id, waiting: now - a.requestedAt }));
  return {
    tasks: facts.tasks,
    byState: facts.byState,
    blocked: facts.blocked,
    deadLetters: facts.deadLetters ?? [],
    behindDeadLetter: facts.behindDeadLetter ?? [],
    leases: { held, nextEnd, expired },
    approvals: { pending: facts.pending.length, overSla, stale: facts.stale }
  };
}

// src/app/status-memo.ts
var STATUS_MEMO = "status";
function statusSources(ctx) {
  const tasks = ctx.ports.readSnapshot(ctx.paths.tasks);
  return tasks ? [tasks, ctx.ports.readSnapshot(ctx.paths.approvals)] : void 0;
}
function statusMemo(ctx, sources, cheap = false) {
  return ctx.ports.memo?.get(STATUS_MEMO, sources, { cheap });
}
function statusOf(memo, now) {
  const { facts, ...rest } = memo;
  return { ...rest, summary: summarize(facts, now) };
}

// src/io/git.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function findGitDir(dir) {
  let d = (0, import_node_path.resolve)(dir);
  for (; ; ) {
    const dotgit = (0, import_node_path.join)(d, ".git");
    try {
      const st = (0, import_node_fs.statSync)(dotgit);
      if (st.isDirectory()) return dotgit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec((0, import_node_fs.readFileSync)(dotgit, "utf8"));
        if (m) return (0, import_node_path.resolve)(d, m[1]);
      }
    } catch {
    }
    const up = (0, import_node_path.dirname)(d);
    if (up === d) return void 0;
    d = up;
  }
}
function findWorkTree(dir) {
  let d = (0, import_node_path.resolve)(dir);
  for (; ; ) {
    if ((0, import_node_fs.existsSync)((0, import_node_path.join)(d, ".git"))) return d;
    const up = (0, import_node_path.dirname)(d);
    if (up === d) return void 0;
    d = up;
  }
}
function mainWorkTree(dir) {
  const top = findWorkTree(dir);
  if (!top) return void 0;
  try {
    const dotgit = (0, import_node_path.join)(top, ".git");
    if (!(0, import_node_fs.statSync)(dotgit).isFile()) return { top, main: top };
    const m = /^gitdir:\s*(.+?)\s*$/m.exec((0, import_node_fs.readFileSync)(dotgit, "utf8"));
    if (!m) return { top, main: top };
    const gitDir = (0, import_node_path.resolve)(top, m[1]);
    const common = (0, import_node_path.resolve)(gitDir, (0, import_node_fs.readFileSync)((0, import_node_path.join)(gitDir, "commondir"), "utf8").trim());
    return (0, import_node_path.basename)(common) === ".git" ? { top, main: (0, import_node_path.dirname)(common) } : { top, main: top };
  } catch {
    return { top, main: top };
  }
}

// src/io/locate.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
function namedFolderProblem(opts, env2) {
  const dir = opts.dir ?? env2.TASKGATE_DIR;
  if (dir === void 0 || isFolder(dir)) return void 0;
  return `${opts.dir !== void 0 ? "--dir" : "TASKGATE_DIR"} ${dir}: ${(0, import_node_fs2.existsSync)(dir) ? "not a folder" : "no such folder"}; create it first (mkdir -p ${dir}) or point it at the folder that has TASKS.md and APPROVALS.md`;
}
function isFolder(path) {
  try {
    return (0, import_node_fs2.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function locateLedgers(opts, env2, cwd) {
  const explicitDir = opts.dir ?? env2.TASKGATE_DIR;
  let dir;
  if (explicitDir) dir = (0, import_node_path2.resolve)(cwd, explicitDir);
  else dir = inMainWorkTree((0, import_node_path2.resolve)(cwd)) ?? nearestBoard((0, import_node_path2.resolve)(cwd)) ?? (0, import_node_path2.resolve)(cwd);
  const tasks = (0, import_node_path2.resolve)(cwd, opts.tasks ?? env2.TASKGATE_TASKS ?? (0, import_node_path2.join)(dir, "TASKS.md"));
  const approvals = (0, import_node_path2.resolve)(cwd, opts.approvals ?? env2.TASKGATE_APPROVALS ?? (0, import_node_path2.join)((0, import_node_path2.dirname)(tasks), "APPROVALS.md"));
  const display = (p) => {
    const r = (0, import_node_path2.relative)(cwd, p);
    return r && !r.startsWith("..") && !(0, import_node_path2.isAbsolute)(r) ? r : p;
  };
  return { tasks, approvals, tasksDisplay: display(tasks), approvalsDisplay: display(approvals) };
}
function hasBoard(d) {
  return (0, import_node_fs2.existsSync)((0, import_node_path2.join)(d, "TASKS.md")) || (0, import_node_fs2.existsSync)((0, import_node_path2.join)(d, "APPROVALS.md"));
}
function nearestBoard(from, stop) {
  for (let d = from; ; d = (0, import_node_path2.dirname)(d)) {
    if (hasBoard(d)) return d;
    if (d === stop || (0, import_node_path2.dirname)(d) === d) return void 0;
  }
}
function inMainWorkTree(cwd) {
  const wt = mainWorkTree(cwd);
  if (!wt || wt.main === wt.top) return void 0;
  return nearestBoard((0, import_node_path2.join)(wt.main, (0, import_node_path2.relative)(wt.top, cwd)), wt.main);
}

// src/io/locate-board.ts
var import_node_path4 = require("node:path");

// src/io/git-ref.ts
var import_node_child_process2 = __toESM(require_node_child_process(), 1);
var import_node_crypto = __toESM(require_node_crypto(), 1);
var import_node_fs4 = require("node:fs");
var import_node_path3 = require("node:path");
var import_node_zlib = __toESM(require_node_zlib(), 1);

// src/io/atomic-write.ts
var import_node_fs3 = require("node:fs");

// src/app/errors.ts
var EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  invalid: 3,
  busy: 4,
  nothingToDo: 5,
  problem: 6,
  /** The machine said no: no space, no permission, a read-only or missing folder (sysexits EX_IOERR). */
  machine: 74,
  /** The shared board's remote could not be reached (docs/share.md). */
  unreachable: 7,
  internal: 70
};
var TaskgateError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
    this.name = new.target.name;
  }
  exitCode;
};
var InvalidLedgerError = class extends TaskgateError {
  constructor(message, diagnostics) {
    super(message, EXIT.invalid);
    this.diagnostics = diagnostics;
  }
  diagnostics;
};
var BusyError = class extends TaskgateError {
  constructor(message) {
    super(message, EXIT.busy);
  }
};
var MachineFaultError = class extends TaskgateError {
  constructor(message, path, code) {
    super(message, EXIT.machine);
    this.path = path;
    this.code = code;
  }
  path;
  code;
};

// src/rules/windows.ts
var RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320];
function renameRetryDelay(platform, code, attempt) {
  if (platform !== "win32" || code !== "EPERM" && code !== "EACCES" && code !== "EBUSY") return void 0;
  return RENAME_RETRY_DELAYS_MS[attempt];
}
function lockKey(platform, realPath) {
  return platform === "win32" || platform === "darwin" ? realPath.toLowerCase() : realPath;
}

// src/io/atomic-write.ts
var PIECE = 1 << 18;
var pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function renameRetrying(from, to, platform = process.platform, rename = import_node_fs3.renameSync, wait = pause) {
  retrying(to, "replacing", () => rename(from, to), platform, wait);
}
function retrying(path, doing, op, platform, wait) {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      op();
      return;
    } catch (e) {
      const code = e.code;
      const delay = renameRetryDelay(platform, code, attempt);
      if (delay === void 0) {
        if (attempt === 0 || renameRetryDelay(platform, code, 0) === void 0) throw e;
        throw new BusyError(
          `${path}: another program holds it open (${doing} it was refused with ${code} for ${waited} ms); close the program that has it open (an editor, a virus scanner, a sync tool) and run the command again`
        );
      }
      if (process.env.TASKGATE_TEST_TELL_RETRY === "1")
        (0, import_node_fs3.writeSync)(2, `taskgate-test: ${doing} ${path} refused with ${code}, trying again in ${delay} ms
`);
      wait(delay);
      waited += delay;
    }
  }
}

// src/io/git-ref.ts
function commonDirOf(gitDir) {
  try {
    const rel = (0, import_node_fs4.readFileSync)((0, import_node_path3.join)(gitDir, "commondir"), "utf8").trim();
    return (0, import_node_path3.resolve)(gitDir, rel);
  } catch {
    return gitDir;
  }
}
function readShareSetting(dir) {
  const gitDir = findGitDir(dir);
  if (!gitDir) return void 0;
  const commonDir = commonDirOf(gitDir);
  let text;
  try {
    text = (0, import_node_fs4.readFileSync)((0, import_node_path3.join)(commonDir, "config"), "utf8");
  } catch {
    return void 0;
  }
  let inSection = false;
  let branch;
  let remote;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      inSection = header[1].toLowerCase() === "taskgate" && header[2] === "share";
      continue;
    }
    if (!inSection) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!kv) continue;
    const value = kv[2].replace(/^"(.*)"$/, "$1");
    const key = kv[1].toLowerCase();
    if (key === "branch") branch = value;
    else if (key === "remote") remote = value || void 0;
  }
  return branch ? { branch, remote, gitDir, commonDir } : void 0;
}

// src/io/locate-board.ts
function locateBoard(opts, env2, cwd) {
  const explicit = opts.dir ?? opts.tasks ?? opts.approvals ?? env2.TASKGATE_DIR ?? env2.TASKGATE_TASKS ?? env2.TASKGATE_APPROVALS;
  const followsShare = !explicit && env2.TASKGATE_SHARE !== "off";
  const share = followsShare ? readShareSetting(cwd) : void 0;
  if (!share) return { paths: locateLedgers(opts, env2, cwd), share: void 0, followsShare };
  return { paths: sharedPaths(share, findWorkTree(cwd) ?? cwd), share, followsShare };
}
function sharedPaths(share, top) {
  return {
    tasks: (0, import_node_path4.join)(top, "TASKS.md"),
    approvals: (0, import_node_path4.join)(top, "APPROVALS.md"),
    tasksDisplay: `${share.branch}:TASKS.md`,
    approvalsDisplay: `${share.branch}:APPROVALS.md`
  };
}

// src/io/memo.ts
var import_node_fs7 = require("node:fs");
var import_node_path7 = require("node:path");

// src/io/hash.ts
var crypto2 = __toESM(require_node_crypto(), 1);

// node_modules/@noble/hashes/esm/utils.js
var import_crypto = __toESM(require_crypto(), 1);
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array";
}
function abytes(b, ...lengths) {
  if (!isBytes(b))
    throw new Error("Uint8Array expected");
  if (lengths.length > 0 && !lengths.includes(b.length))
    throw new Error("Uint8Array expected of length " + lengths + ", got length=" + b.length);
}
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("Hash instance has been destroyed");
  if (checkFinished && instance.finished)
    throw new Error("Hash#digest() has already been called");
}
function aoutput(out, instance) {
  abytes(out);
  const min = instance.outputLen;
  if (out.length < min) {
    throw new Error("digestInto() expects output buffer of length at least " + min);
  }
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex2 = "";
  for (let i = 0; i < bytes.length; i++) {
    hex2 += hexes[bytes[i]];
  }
  return hex2;
}
function utf8ToBytes(str) {
  if (typeof str !== "string")
    throw new Error("string expected");
  return new Uint8Array(new TextEncoder().encode(str));
}
function toBytes(data) {
  if (typeof data === "string")
    data = utf8ToBytes(data);
  abytes(data);
  return data;
}
var Hash = class {
};
function createHasher(hashCons) {
  const hashC = (msg) => hashCons().update(toBytes(msg)).digest();
  const tmp = hashCons();
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.create = () => hashCons();
  return hashC;
}

// node_modules/@noble/hashes/esm/_md.js
function setBigUint64(view, byteOffset, value, isLE) {
  if (typeof view.setBigUint64 === "function")
    return view.setBigUint64(byteOffset, value, isLE);
  const _32n = BigInt(32);
  const _u32_max = BigInt(4294967295);
  const wh = Number(value >> _32n & _u32_max);
  const wl = Number(value & _u32_max);
  const h = isLE ? 4 : 0;
  const l = isLE ? 0 : 4;
  view.setUint32(byteOffset + h, wh, isLE);
  view.setUint32(byteOffset + l, wl, isLE);
}
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD = class extends Hash {
  constructor(blockLen, outputLen, padOffset, isLE) {
    super();
    this.finished = false;
    this.length = 0;
    this.pos = 0;
    this.destroyed = false;
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.padOffset = padOffset;
    this.isLE = isLE;
    this.buffer = new Uint8Array(blockLen);
    this.view = createView(this.buffer);
  }
  update(data) {
    aexists(this);
    data = toBytes(data);
    abytes(data);
    const { view, buffer, blockLen } = this;
    const len = data.length;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        const dataView = createView(data);
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(dataView, pos);
        continue;
      }
      buffer.set(data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(view, 0);
        this.pos = 0;
      }
    }
    this.length += data.length;
    this.roundClean();
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, view, blockLen, isLE } = this;
    let { pos } = this;
    buffer[pos++] = 128;
    clean(this.buffer.subarray(pos));
    if (this.padOffset > blockLen - pos) {
      this.process(view, 0);
      pos = 0;
    }
    for (let i = pos; i < blockLen; i++)
      buffer[i] = 0;
    setBigUint64(view, blockLen - 8, BigInt(this.length * 8), isLE);
    this.process(view, 0);
    const oview = createView(out);
    const len = this.outputLen;
    if (len % 4)
      throw new Error("_sha2: outputLen should be aligned to 32bit");
    const outLen = len / 4;
    const state = this.get();
    if (outLen > state.length)
      throw new Error("_sha2: outputLen bigger than state");
    for (let i = 0; i < outLen; i++)
      oview.setUint32(4 * i, state[i], isLE);
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneInto(to) {
    to || (to = new this.constructor());
    to.set(...this.get());
    const { blockLen, buffer, length, finished, destroyed, pos } = this;
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    if (length % blockLen)
      to.buffer.set(buffer);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);

// node_modules/@noble/hashes/esm/sha2.js
var SHA256_K = /* @__PURE__ */ Uint32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
var SHA256 = class extends HashMD {
  constructor(outputLen = 32) {
    super(64, outputLen, 8, false);
    this.A = SHA256_IV[0] | 0;
    this.B = SHA256_IV[1] | 0;
    this.C = SHA256_IV[2] | 0;
    this.D = SHA256_IV[3] | 0;
    this.E = SHA256_IV[4] | 0;
    this.F = SHA256_IV[5] | 0;
    this.G = SHA256_IV[6] | 0;
    this.H = SHA256_IV[7] | 0;
  }
  get() {
    const { A, B, C, D, E, F, G: G2, H } = this;
    return [A, B, C, D, E, F, G2, H];
  }
  // prettier-ignore
  set(A, B, C, D, E, F, G2, H) {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G2 | 0;
    this.H = H | 0;
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4)
      SHA256_W[i] = view.getUint32(offset, false);
    for (let i = 16; i < 64; i++) {
      const W15 = SHA256_W[i - 15];
      const W2 = SHA256_W[i - 2];
      const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
      const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
      SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
    }
    let { A, B, C, D, E, F, G: G2, H } = this;
    for (let i = 0; i < 64; i++) {
      const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
      const T1 = H + sigma1 + Chi(E, F, G2) + SHA256_K[i] + SHA256_W[i] | 0;
      const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
      const T2 = sigma0 + Maj(A, B, C) | 0;
      H = G2;
      G2 = F;
      F = E;
      E = D + T1 | 0;
      D = C;
      C = B;
      B = A;
      A = T1 + T2 | 0;
    }
    A = A + this.A | 0;
    B = B + this.B | 0;
    C = C + this.C | 0;
    D = D + this.D | 0;
    E = E + this.E | 0;
    F = F + this.F | 0;
    G2 = G2 + this.G | 0;
    H = H + this.H | 0;
    this.set(A, B, C, D, E, F, G2, H);
  }
  roundClean() {
    clean(SHA256_W);
  }
  destroy() {
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean(this.buffer);
  }
};
var sha256 = /* @__PURE__ */ createHasher(() => new SHA256());

// src/io/hash.ts
var SHORT_HASH_INPUT = 4096;
var JS_HASHES = 32;
var jsHashesLeft = JS_HASHES;
var sha256Hex = (data) => {
  if (data.length <= SHORT_HASH_INPUT && jsHashesLeft > 0) {
    jsHashesLeft--;
    return sha256HexJs(data);
  }
  return typeof crypto2.hash === "function" ? crypto2.hash("sha256", data, "hex") : crypto2.createHash("sha256").update(data).digest("hex");
};
var sha256HexJs = (data) => bytesToHex(sha256(data));

// src/io/places.ts
var import_node_fs5 = require("node:fs");
var import_node_os = require("node:os");
var import_node_path5 = require("node:path");
function shortHash(s) {
  return sha256Hex(s).slice(0, 10);
}
function lockDirFor(path) {
  const gitDir = findGitDir((0, import_node_path5.dirname)(path));
  if (gitDir) return (0, import_node_path5.join)(gitDir, "taskgate");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return (0, import_node_path5.join)((0, import_node_os.tmpdir)(), `taskgate-${uid}`, shortHash(lockKey(process.platform, (0, import_node_path5.dirname)(path))));
}
function privateDirFor(path, sub) {
  const dir = lockDirFor(path);
  const inGit = findGitDir((0, import_node_path5.dirname)(path)) !== void 0;
  if (inGit || typeof process.getuid !== "function") {
    const full = sub ? (0, import_node_path5.join)(dir, sub) : dir;
    (0, import_node_fs5.mkdirSync)(full, { recursive: true, mode: 448 });
    return full;
  }
  const top = (0, import_node_path5.dirname)(dir);
  ensurePrivate(top);
  ensurePrivate(dir);
  if (!sub) return dir;
  ensurePrivate((0, import_node_path5.join)(dir, sub));
  return (0, import_node_path5.join)(dir, sub);
}
function ensurePrivate(dir) {
  try {
    (0, import_node_fs5.mkdirSync)(dir, { mode: 448 });
    return;
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
  }
  const st = (0, import_node_fs5.lstatSync)(dir);
  const refuse = (why) => new MachineFaultError(
    `Refusing to use ${dir} for taskgate's locks and memos: it ${why}, so another user could read or replace what taskgate keeps there; remove it and run the command again`,
    dir,
    "EUNSAFE"
  );
  if (st.isSymbolicLink()) throw refuse("is a symbolic link");
  if (!st.isDirectory()) throw refuse("is not a folder");
  const uid = process.getuid();
  if (st.uid !== uid) throw refuse(`belongs to another user (uid ${st.uid})`);
  if ((st.mode & 18) !== 0) throw refuse(`is writable by others (mode ${(st.mode & 511).toString(8)})`);
  if ((st.mode & 63) !== 0) (0, import_node_fs5.chmodSync)(dir, 448);
}

// src/io/temp-files.ts
var import_node_fs6 = require("node:fs");
var import_node_path6 = require("node:path");
function removeStaleTempFiles(dir) {
  let names;
  try {
    names = (0, import_node_fs6.readdirSync)(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 6e4;
  let named;
  const isNamed = (p) => {
    named ??= names.filter((n) => n.endsWith(".intent")).map((n) => {
      try {
        return (0, import_node_fs6.readFileSync)((0, import_node_path6.join)(dir, n), "utf8");
      } catch {
        return "";
      }
    }).join("\n");
    return named.includes(JSON.stringify(p));
  };
  for (const n of names) {
    if (n.endsWith(".pending")) {
      const p2 = (0, import_node_path6.join)(dir, n);
      try {
        if ((0, import_node_fs6.statSync)(p2).mtimeMs < cutoff && !isNamed(p2)) (0, import_node_fs6.unlinkSync)(p2);
      } catch {
      }
      continue;
    }
    if (!n.endsWith(".tmp")) continue;
    const p = (0, import_node_path6.join)(dir, n);
    try {
      if ((0, import_node_fs6.statSync)(p).mtimeMs < cutoff) (0, import_node_fs6.unlinkSync)(p);
    } catch {
    }
  }
}
function replaceOwnFile(path, parts) {
  const dir = (0, import_node_path6.dirname)(path);
  (0, import_node_fs6.mkdirSync)(dir, { recursive: true, mode: 448 });
  removeStaleTempFiles(dir);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = (0, import_node_fs6.openSync)(tmp, "w", 384);
    try {
      (0, import_node_fs6.fchmodSync)(fd, 384);
      for (const part of parts) {
        for (let at = 0; at < part.length; ) at += (0, import_node_fs6.writeSync)(fd, part, at, part.length - at);
      }
    } finally {
      (0, import_node_fs6.closeSync)(fd);
    }
    renameRetrying(tmp, path);
  } catch (e) {
    (0, import_node_fs6.rmSync)(tmp, { force: true });
    throw e;
  }
}

// src/io/memo.ts
var BUILD = true ? "2532733ee651141c" : void 0;
var COPY_LIMIT = 8 * 1024 * 1024;
var HEAD = 1024;
function fileMemo(ledgerPath, env2, kind = "") {
  if (!BUILD || env2.TASKGATE_NO_MEMO === "1") return void 0;
  return memoFile(
    () => (0, import_node_path7.join)(privateDirFor(ledgerPath, "memo"), `${(0, import_node_path7.basename)(ledgerPath)}-${kind}${shortHash(ledgerPath)}.memo`),
    BUILD
  );
}
function memoFile(path, build) {
  let file;
  const place = () => {
    file ??= path();
    return file;
  };
  const bytesOf = (s) => s instanceof Uint8Array ? s : s.bytes;
  const lengthsOf = (sources) => sources.map((s) => s === void 0 ? -1 : bytesOf(s).length);
  const sizesOf = (sources) => sources.map((s) => s === void 0 ? -1 : s instanceof Uint8Array ? s.length : s.size ?? bytesOf(s).length);
  const stampsOf = (sources) => {
    const stamps = [];
    for (const s of sources) {
      const stamp = s === void 0 ? "" : s instanceof Uint8Array ? void 0 : s.stamp;
      if (stamp === void 0) return void 0;
      stamps.push(stamp);
    }
    return stamps;
  };
  const sameList = (a, b) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  const hashed = /* @__PURE__ */ new WeakMap();
  const hashOf = (s) => {
    let h = hashed.get(s);
    if (h === void 0) {
      h = sha256Hex(s);
      hashed.set(s, h);
    }
    return h;
  };
  const hashesOf = (sources) => sources.map((s) => s === void 0 ? "" : hashOf(bytesOf(s)));
  const put = (name, sources, value) => {
    try {
      const json = Buffer.from(JSON.stringify(value), "utf8");
      const lengths = lengthsOf(sources);
      const copy = lengths.reduce((a, l) => a + Math.max(l, 0), 0) <= COPY_LIMIT;
      const stamps = stampsOf(sources);
      const header = {
        build,
        name,
        lengths,
        ...copy ? {} : { sha256: hashesOf(sources) },
        ...stamps ? { stamps } : {},
        value: json.length
      };
      const parts = copy ? sources.flatMap((s) => s === void 0 ? [] : [bytesOf(s)]) : [];
      replaceOwnFile(place(), [Buffer.from(`${JSON.stringify(header)}
`), ...parts, json]);
      removeIfThere(place().replace(/\.memo$/, ".json"));
    } catch {
    }
  };
  return {
    get(name, sources, opts) {
      let fd;
      let value;
      let restamp = false;
      try {
        fd = (0, import_node_fs7.openSync)(place(), "r");
        const size = (0, import_node_fs7.fstatSync)(fd).size;
        const head = Buffer.allocUnsafe(Math.min(size, HEAD));
        const n = readFully(fd, head, 0);
        const nl = head.subarray(0, n).indexOf(10);
        if (nl < 0) return void 0;
        const h = JSON.parse(head.toString("utf8", 0, nl));
        if (h.build !== build || h.name !== name || !Array.isArray(h.lengths) || h.lengths.length !== sources.length)
          return void 0;
        const copied = h.sha256 === void 0 ? h.lengths.reduce((a, l) => a + Math.max(l, 0), 0) : 0;
        if (size !== nl + 1 + copied + h.value) return void 0;
        const stamps = stampsOf(sources);
        if (stamps === void 0 || !sameList(h.stamps, stamps)) {
          const sizes = sizesOf(sources);
          if (h.lengths.some((l, i) => l !== sizes[i])) return void 0;
          if (opts?.cheap && h.sha256 !== void 0) return void 0;
          const lengths = lengthsOf(sources);
          if (h.lengths.some((l, i) => l !== lengths[i])) return void 0;
          if (h.sha256 !== void 0) {
            const hashes = hashesOf(sources);
            if (!Array.isArray(h.sha256) || h.sha256.some((x, i) => x !== hashes[i])) return void 0;
          } else {
            const copy = Buffer.allocUnsafe(copied);
            if (readFully(fd, copy, nl + 1) !== copy.length) return void 0;
            let at = 0;
            for (const s of sources) {
              if (s === void 0) continue;
              const b = bytesOf(s);
              if (Buffer.compare(copy.subarray(at, at + b.length), b) !== 0) return void 0;
              at += b.length;
            }
          }
          restamp = stampsOf(sources) !== void 0;
        }
        const json = Buffer.allocUnsafe(h.value);
        if (readFully(fd, json, nl + 1 + copied) !== json.length) return void 0;
        value = JSON.parse(json.toString("utf8"));
      } catch {
        return void 0;
      } finally {
        if (fd !== void 0) (0, import_node_fs7.closeSync)(fd);
      }
      if (restamp) put(name, sources, value);
      return value;
    },
    put
  };
}
function readFully(fd, buf, position) {
  let n = 0;
  while (n < buf.length) {
    const r = (0, import_node_fs7.readSync)(fd, buf, n, buf.length - n, position + n);
    if (r === 0) break;
    n += r;
  }
  return n;
}
function removeIfThere(path) {
  try {
    (0, import_node_fs7.unlinkSync)(path);
  } catch {
  }
}

// src/io/text.ts
var import_node_fs8 = require("node:fs");

// src/io/faults.ts
var CAUSES = {
  ENOSPC: { cause: "no space left on the device", todo: "free some space and run the command again" },
  EDQUOT: { cause: "the disk quota is used up", todo: "free some space or raise the quota and run the command again" },
  EACCES: {
    cause: "permission denied",
    todo: "check who owns it and its mode (ls -ld), or run taskgate as the user who owns it"
  },
  EPERM: {
    cause: "operation not permitted",
    todo: "check who owns it and its mode or attributes (ls -ld, lsattr), or run taskgate as the user who owns it"
  },
  EROFS: { cause: "the file system is read-only", todo: "remount it read-write or work on a writable copy" },
  EMFILE: {
    cause: "too many open files in this process",
    todo: "raise the limit (ulimit -n) or close programs that hold many files, and run the command again"
  },
  ENFILE: {
    cause: "too many open files on this system",
    todo: "close programs that hold many files and run the command again"
  },
  EEXIST: {
    cause: "it is not a folder, but taskgate keeps its locks and temp files in it",
    todo: "move or remove that file and run the command again"
  },
  EISDIR: {
    cause: "it is a folder, where taskgate expected a file",
    todo: "move or rename that folder (or point --dir, --tasks or --approvals at the ledger files) and run the command again"
  },
  ENOENT: {
    cause: "the folder it goes in does not exist",
    todo: "create that folder, or fix the symbolic link that leads there, or point --dir, --tasks or --approvals elsewhere, and run the command again"
  },
  ELOOP: {
    cause: "its path goes round a loop of symbolic links",
    todo: "fix the symbolic links on that path (ls -l each part) and run the command again"
  },
  ENOTDIR: {
    cause: "a part of the path is a file, not a folder",
    todo: "move or remove that file (taskgate keeps its locks and temp files in a folder there) and run the command again"
  }
};
var ALWAYS = /* @__PURE__ */ new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EMFILE", "ENFILE"]);
function isMachineFault(e, ownFolder = false) {
  const code = e?.code;
  return typeof code === "string" && (ALWAYS.has(code) || ownFolder && (code === "EEXIST" || code === "ENOTDIR"));
}
function machineFault(e, path, changed = "nothing was changed") {
  const code = e.code;
  const where = path ?? e.path ?? e.dest ?? "(unknown path)";
  const c = CAUSES[code] ?? { cause: e.message, todo: "fix it and run the command again" };
  return new MachineFaultError(`${where}: ${c.cause} (${code}); ${changed}; ${c.todo}`, where, code);
}

// src/io/text.ts
var decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeUtf8(path, buf) {
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let at = buf.indexOf(10); at >= 0 && at < nul; at = buf.indexOf(10, at + 1)) {
      line++;
      lineStart = at + 1;
    }
    const column = buf.toString("utf8", lineStart, nul).length + 1;
    const message = "Expected text, found a NUL byte (git would take the file for binary and show no diff of it)";
    throw new InvalidLedgerError(`${path}:${line}:${column}: error: ${message}`, [
      { severity: "error", file: path, line, column, code: "nul-byte", message }
    ]);
  }
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
          message: "Expected UTF-8 text, found a byte that is not UTF-8"
        }
      ]
    );
  }
}
function firstInvalidByte(buf) {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const need = b < 128 ? 0 : b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : -1;
    if (need < 0) break;
    let ok2 = i + need < buf.length;
    for (let k = 1; ok2 && k <= need; k++) ok2 = (buf[i + k] & 192) === 128;
    if (!ok2) break;
    i += need + 1;
  }
  return { line, column: i - lineStart + 1 };
}
function readBytes(path) {
  try {
    return (0, import_node_fs8.readFileSync)(path);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    if (e.code === "EISDIR") throw machineFault(e, path);
    throw e;
  }
}
var SETTLED_MS = 3e3;
var LOCAL_FILE_SYSTEMS = /* @__PURE__ */ new Set([
  61267,
  // ext2, ext3, ext4
  1481003842,
  // xfs
  2435016766,
  // btrfs
  16914836,
  // tmpfs
  2240043254,
  // ramfs
  2035054128,
  // overlayfs (containers)
  4076150800,
  // f2fs
  801189825,
  // zfs
  3393526350
  // bcachefs
]);
var localByDevice = /* @__PURE__ */ new Map();
function keepsTimes(path, dev) {
  if (process.platform !== "linux") return false;
  let local = localByDevice.get(dev);
  if (local === void 0) {
    try {
      local = LOCAL_FILE_SYSTEMS.has((0, import_node_fs8.statfsSync)(path).type);
    } catch {
      local = false;
    }
    localByDevice.set(dev, local);
  }
  return local;
}
function stampOf(st) {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}
function readLedgerSnapshot(path, now = Date.now) {
  let st;
  try {
    st = (0, import_node_fs8.statSync)(path, { bigint: true });
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return void 0;
    if (code === "ENOTDIR" || code === "ELOOP" || isMachineFault(e))
      throw machineFault(e, path);
    throw e;
  }
  const looked = now();
  let stamp = st.isFile() && Number(st.mtimeMs > st.ctimeMs ? st.mtimeMs : st.ctimeMs) < looked - SETTLED_MS && keepsTimes(path, st.dev) ? stampOf(st) : void 0;
  let buf;
  let text;
  const bytes = () => {
    if (buf === void 0) {
      let fd;
      try {
        fd = (0, import_node_fs8.openSync)(path, "r");
      } catch (e) {
        const code = e.code;
        if (code !== "ENOENT" && code !== "EISDIR") throw machineFault(e, path);
        stamp = void 0;
        buf = readBytes(path);
        if (buf === void 0)
          throw new BusyError(`${path} was removed while taskgate was reading it; run the command again`);
        return buf;
      }
      try {
        buf = (0, import_node_fs8.readFileSync)(fd);
        if (stamp !== void 0 && stampOf((0, import_node_fs8.fstatSync)(fd, { bigint: true })) !== stamp) stamp = void 0;
      } finally {
        (0, import_node_fs8.closeSync)(fd);
      }
    }
    return buf;
  };
  if (!st.isFile()) {
    buf = readBytes(path);
    if (buf === void 0) return void 0;
  }
  const size = buf === void 0 ? Number(st.size) : buf.length;
  return {
    get bytes() {
      return bytes();
    },
    size,
    // On demand: a status the memo answers never decodes the ledger.
    get text() {
      text ??= decodeUtf8(path, bytes());
      return text;
    },
    get stamp() {
      return stamp;
    }
  };
}

// src/cli/i18n.ts
var import_catalog = __toESM(require_catalog(), 1);

// src/cli/width.ts
var import_string_width = __toESM(require_string_width(), 1);

// src/cli/i18n.ts
function langOf(env2) {
  const pick = (v) => v !== void 0 && v !== "" ? v : void 0;
  const value = pick(env2.TASKGATE_LANG) ?? pick(env2.LC_ALL) ?? pick(env2.LC_MESSAGES) ?? pick(env2.LANG) ?? pick(env2.LANGUAGE);
  return value !== void 0 && /^ja(?:[_.@-]|$)/i.test(value) ? "ja" : "en";
}
var exact;
var patterns;
var byLast;
var byFirst;
var floating;
function useLang(lang) {
  if (lang === "en") {
    exact = void 0;
    patterns = void 0;
    byLast = void 0;
    byFirst = void 0;
    floating = void 0;
    return;
  }
  exact = /* @__PURE__ */ new Map();
  patterns = [];
  byLast = /* @__PURE__ */ new Map();
  byFirst = /* @__PURE__ */ new Map();
  floating = [];
  for (const m of import_catalog.CATALOG) {
    if (!m.en.includes("{")) {
      exact.set(m.en, m.ja);
      continue;
    }
    const fixed = fixedParts(m.en);
    if (fixed.length === 1) {
      exact.set(unescapeBraces(m.en), m.ja);
      continue;
    }
    const literal = fixed.reduce((a, b) => b.length > a.length ? b : a, "");
    const prefix = fixed[0];
    const suffix = fixed[fixed.length - 1];
    const t = { message: m, index: patterns.length, prefix, suffix, literal, part: m.id.startsWith("part.") };
    patterns.push(t);
    const [map, key] = suffix ? [byLast, suffix.at(-1)] : prefix ? [byFirst, prefix[0]] : [];
    const list = map && key !== void 0 ? map.get(key) : void 0;
    if (list) list.push(t);
    else if (map && key !== void 0) map.set(key, [t]);
    else floating.push(t);
  }
}
function placeholderPattern(name) {
  if (name === "id") return "(?:[TA]-\\d+)";
  if (/^(?:n|m|k|count|token|pid)$/.test(name)) return "\\d+";
  if (/^(?:state|from|to)$/.test(name)) return "(?:PLAN|READY|DOING|REVIEW|DONE)";
  if (/^(?:action|key)$/.test(name)) return "[a-z][a-z-]*";
  if (name === "age") return "\\d+(?:ms|[smhd])";
  if (name === "num") return "[\\d.]+";
  return "[\\s\\S]+?";
}
var PLACEHOLDER = /\{\{|\}\}|\{([a-zA-Z0-9]+)(\+?)\}/g;
function compile(m) {
  const names = [];
  const nested = /* @__PURE__ */ new Set();
  let source = "";
  let at = 0;
  for (const p of m.en.matchAll(PLACEHOLDER)) {
    source += escapeRe(m.en.slice(at, p.index));
    at = p.index + p[0].length;
    if (p[0] === "{{" || p[0] === "}}") {
      source += escapeRe(p[0][0]);
      continue;
    }
    const name = p[1];
    if (p[2]) nested.add(name);
    if (names.includes(name)) source += `\\k<p${name}>`;
    else {
      names.push(name);
      source += `(?<p${name}>${placeholderPattern(name)})`;
    }
  }
  source += escapeRe(m.en.slice(at));
  return { re: new RegExp(`^${source}$`), names, nested, ja: m.ja };
}
function fixedParts(en) {
  const parts = [""];
  let at = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let p = PLACEHOLDER.exec(en); p !== null; p = PLACEHOLDER.exec(en)) {
    parts[parts.length - 1] += en.slice(at, p.index) + (p[1] === void 0 ? p[0][0] : "");
    if (p[1] !== void 0) parts.push("");
    at = p.index + p[0].length;
  }
  parts[parts.length - 1] += en.slice(at);
  return parts;
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var unescapeBraces = (s) => s.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
function tr(text) {
  return translate(text, false);
}
function translate(text, parts) {
  if (!exact || !patterns) return text;
  const hit = exact.get(text);
  if (hit !== void 0) return unescapeBraces(hit);
  let best;
  let partsNow = false;
  const tryAll = (list) => {
    if (!list) return;
    for (const p of list) {
      if (best && best.t.index < p.index) return;
      if (p.part !== partsNow) continue;
      if (!text.startsWith(p.prefix) || !text.endsWith(p.suffix) || !text.includes(p.literal)) continue;
      p.compiled ??= compile(p.message);
      const groups = p.compiled.re.exec(text)?.groups;
      if (groups) {
        best = { t: p, groups };
        return;
      }
    }
  };
  tryAll(byLast?.get(text.at(-1) ?? ""));
  tryAll(byFirst?.get(text[0] ?? ""));
  tryAll(floating);
  if (!best && parts) {
    partsNow = true;
    tryAll(byLast?.get(text.at(-1) ?? ""));
    tryAll(byFirst?.get(text[0] ?? ""));
    tryAll(floating);
  }
  if (best) {
    const c = best.t.compiled;
    const groups = best.groups;
    return c.ja.replace(PLACEHOLDER, (whole, name) => {
      if (name === void 0) return whole[0];
      const value = groups[`p${name}`] ?? whole;
      return c.nested.has(name) ? translate(value, true) : value;
    });
  }
  return text;
}
function trLines(chunk) {
  if (!exact) return chunk;
  const body = chunk.trim();
  if (body.includes("\n")) {
    const whole = exact.get(body);
    if (whole !== void 0) return chunk.replace(body, () => unescapeBraces(whole));
  }
  return chunk.split("\n").map((line) => line === "" || line.includes("\x1B") ? line : trLine(line)).join("\n");
}
function trLine(line) {
  const t = tr(line);
  if (t !== line) return t;
  const indent = /^\s+/.exec(line)?.[0];
  if (indent) {
    const inner = tr(line.slice(indent.length));
    if (inner !== line.slice(indent.length)) return indent + inner;
  }
  return line;
}
var asIs = false;
function translatedStream(stream, json) {
  return new Proxy(stream, {
    get(target, key) {
      if (key === "write")
        return (chunk, ...rest) => target.write(
          typeof chunk === "string" && !json() && !asIs ? trLines(chunk) : chunk,
          ...rest
        );
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
}

// src/cli/local-time.ts
var utc = false;
function showUtc(on) {
  utc = on;
}
var two = (n) => String(n).padStart(2, "0");
function humanTime(ms) {
  const d = new Date(ms);
  if (utc)
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} +00:00`;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())} ${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

// src/cli/output.ts
var import_node_fs9 = require("node:fs");
var handed = [];
function output(fd) {
  const stream = () => fd === 1 ? process.stdout : process.stderr;
  if (!writesDirectly(fd)) {
    const real = quietOnClose(stream());
    handed.push({ pending: () => real.writableLength > 0 });
    return real;
  }
  const d = new Direct(fd, import_node_fs9.writeSync, stream);
  handed.push(d);
  return d.asStream();
}
function outputPending() {
  return handed.some((h) => h.pending());
}
var quieted = /* @__PURE__ */ new WeakSet();
function quietOnClose(s) {
  if (!quieted.has(s)) {
    quieted.add(s);
    s.on("error", (e) => {
      if (e.code !== "EPIPE") throw e;
    });
  }
  return s;
}
function writesDirectly(fd) {
  if (process.platform === "win32") return false;
  try {
    const st = (0, import_node_fs9.fstatSync)(fd);
    if (st.isFIFO() || st.isFile() || st.isSocket()) return true;
    if (!st.isCharacterDevice()) return false;
    const devNull = (0, import_node_fs9.statSync)("/dev/null");
    return st.rdev === devNull.rdev && st.ino === devNull.ino;
  } catch {
    return false;
  }
}
var Direct = class {
  constructor(fd, writeTo, stream) {
    this.fd = fd;
    this.writeTo = writeTo;
    this.stream = stream;
  }
  fd;
  writeTo;
  stream;
  fallen;
  /** The reader went away: nothing more is written. */
  closed = false;
  write(chunk) {
    if (this.closed) return true;
    if (this.fallen) return this.fallen.write(chunk);
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let at = 0;
    while (at < bytes.length) {
      try {
        at += this.writeTo(this.fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = e.code;
        if (code === "EPIPE") {
          this.closed = true;
          return true;
        }
        if (code !== "EAGAIN") throw e;
        this.fallen = quietOnClose(this.stream());
        return this.fallen.write(bytes.subarray(at));
      }
    }
    return true;
  }
  pending() {
    return this.fallen !== void 0 && this.fallen.writableLength > 0;
  }
  /** This, where a WriteStream is expected: what it does not have, the real stream answers. */
  asStream() {
    return new Proxy(this, {
      get: (target, key) => {
        if (key === "write") return (chunk) => target.write(chunk);
        if (key === "isTTY") return false;
        if (key === "columns") return void 0;
        if (key === "writableLength") return target.fallen?.writableLength ?? 0;
        const real = target.fallen ?? target.stream();
        const value = Reflect.get(real, key);
        return typeof value === "function" ? value.bind(real) : value;
      }
    });
  }
};

// node_modules/chalk/source/vendor/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET = 10;
var wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var styles = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  }
};
var modifierNames = Object.keys(styles.modifier);
var foregroundColorNames = Object.keys(styles.color);
var backgroundColorNames = Object.keys(styles.bgColor);
var colorNames = [...foregroundColorNames, ...backgroundColorNames];
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group2] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group2)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group2[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group2,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex2) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex2.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex2) => styles.rgbToAnsi256(...styles.hexToRgb(hex2)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex2) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex2)),
      enumerable: false
    }
  });
  return styles;
}
var ansiStyles = assembleStyles();
var ansi_styles_default = ansiStyles;

// node_modules/chalk/source/vendor/supports-color/index.js
var import_node_process = __toESM(require("node:process"), 1);
var import_node_os2 = __toESM(require("node:os"), 1);
var import_node_tty = __toESM(require_tty(), 1);
function hasFlag(flag, argv = globalThis.Deno ? globalThis.Deno.args : import_node_process.default.argv) {
  const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
  const position = argv.indexOf(prefix + flag);
  const terminatorPosition = argv.indexOf("--");
  return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
}
var { env } = import_node_process.default;
var flagForceColor;
if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
  flagForceColor = 0;
} else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
  flagForceColor = 1;
}
function envForceColor() {
  if ("FORCE_COLOR" in env) {
    if (env.FORCE_COLOR === "true") {
      return 1;
    }
    if (env.FORCE_COLOR === "false") {
      return 0;
    }
    return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
  }
}
function translateLevel(level) {
  if (level === 0) {
    return false;
  }
  return {
    level,
    hasBasic: true,
    has256: level >= 2,
    has16m: level >= 3
  };
}
function _supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
  const noFlagForceColor = envForceColor();
  if (noFlagForceColor !== void 0) {
    flagForceColor = noFlagForceColor;
  }
  const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
  if (forceColor === 0) {
    return 0;
  }
  if (sniffFlags) {
    if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
      return 3;
    }
    if (hasFlag("color=256")) {
      return 2;
    }
  }
  if ("TF_BUILD" in env && "AGENT_NAME" in env) {
    return 1;
  }
  if (haveStream && !streamIsTTY && forceColor === void 0) {
    return 0;
  }
  const min = forceColor || 0;
  if (env.TERM === "dumb") {
    return min;
  }
  if (import_node_process.default.platform === "win32") {
    const osRelease = import_node_os2.default.release().split(".");
    if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
      return Number(osRelease[2]) >= 14931 ? 3 : 2;
    }
    return 1;
  }
  if ("CI" in env) {
    if (["GITHUB_ACTIONS", "GITEA_ACTIONS", "CIRCLECI"].some((key) => key in env)) {
      return 3;
    }
    if (["TRAVIS", "APPVEYOR", "GITLAB_CI", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
      return 1;
    }
    return min;
  }
  if ("TEAMCITY_VERSION" in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
  }
  if (env.COLORTERM === "truecolor") {
    return 3;
  }
  if (env.TERM === "xterm-kitty") {
    return 3;
  }
  if (env.TERM === "xterm-ghostty") {
    return 3;
  }
  if (env.TERM === "wezterm") {
    return 3;
  }
  if ("TERM_PROGRAM" in env) {
    const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
    switch (env.TERM_PROGRAM) {
      case "iTerm.app": {
        return version >= 3 ? 3 : 2;
      }
      case "Apple_Terminal": {
        return 2;
      }
    }
  }
  if (/-256(color)?$/i.test(env.TERM)) {
    return 2;
  }
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
    return 1;
  }
  if ("COLORTERM" in env) {
    return 1;
  }
  return min;
}
function createSupportsColor(stream, options = {}) {
  const level = _supportsColor(stream, {
    streamIsTTY: stream && stream.isTTY,
    ...options
  });
  return translateLevel(level);
}
var supportsColor = {
  stdout: createSupportsColor({ isTTY: import_node_tty.default.isatty(1) }),
  stderr: createSupportsColor({ isTTY: import_node_tty.default.isatty(2) })
};
var supports_color_default = supportsColor;

// node_modules/chalk/source/utilities.js
function stringReplaceAll(string, substring, replacer) {
  let index = string.indexOf(substring);
  if (index === -1) {
    return string;
  }
  const substringLength = substring.length;
  let endIndex = 0;
  let returnValue = "";
  do {
    returnValue += string.slice(endIndex, index) + substring + replacer;
    endIndex = index + substringLength;
    index = string.indexOf(substring, endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}
function stringEncaseCRLFWithFirstIndex(string, prefix, postfix, index) {
  let endIndex = 0;
  let returnValue = "";
  do {
    const gotCR = string[index - 1] === "\r";
    returnValue += string.slice(endIndex, gotCR ? index - 1 : index) + prefix + (gotCR ? "\r\n" : "\n") + postfix;
    endIndex = index + 1;
    index = string.indexOf("\n", endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}

// node_modules/chalk/source/index.js
var { stdout: stdoutColor, stderr: stderrColor } = supports_color_default;
var GENERATOR = /* @__PURE__ */ Symbol("GENERATOR");
var STYLER = /* @__PURE__ */ Symbol("STYLER");
var IS_EMPTY = /* @__PURE__ */ Symbol("IS_EMPTY");
var levelMapping = [
  "ansi",
  "ansi",
  "ansi256",
  "ansi16m"
];
var styles2 = /* @__PURE__ */ Object.create(null);
var applyOptions = (object, options = {}) => {
  if (options.level && !(Number.isInteger(options.level) && options.level >= 0 && options.level <= 3)) {
    throw new Error("The `level` option should be an integer from 0 to 3");
  }
  const colorLevel = stdoutColor ? stdoutColor.level : 0;
  object.level = options.level === void 0 ? colorLevel : options.level;
};
var Chalk = class {
  constructor(options) {
    return chalkFactory(options);
  }
};
var chalkFactory = (options) => {
  const chalk2 = (...strings) => strings.join(" ");
  applyOptions(chalk2, options);
  Object.setPrototypeOf(chalk2, createChalk.prototype);
  return chalk2;
};
function createChalk(options) {
  return chalkFactory(options);
}
Object.setPrototypeOf(createChalk.prototype, Function.prototype);
for (const [styleName, style] of Object.entries(ansi_styles_default)) {
  styles2[styleName] = {
    get() {
      const builder = createBuilder(this, createStyler(style.open, style.close, this[STYLER]), this[IS_EMPTY]);
      Object.defineProperty(this, styleName, { value: builder });
      return builder;
    }
  };
}
styles2.visible = {
  get() {
    const builder = createBuilder(this, this[STYLER], true);
    Object.defineProperty(this, "visible", { value: builder });
    return builder;
  }
};
var getModelAnsi = (model, level, type, ...arguments_) => {
  if (model === "rgb") {
    if (level === "ansi16m") {
      return ansi_styles_default[type].ansi16m(...arguments_);
    }
    if (level === "ansi256") {
      return ansi_styles_default[type].ansi256(ansi_styles_default.rgbToAnsi256(...arguments_));
    }
    return ansi_styles_default[type].ansi(ansi_styles_default.rgbToAnsi(...arguments_));
  }
  if (model === "hex") {
    return getModelAnsi("rgb", level, type, ...ansi_styles_default.hexToRgb(...arguments_));
  }
  return ansi_styles_default[type][model](...arguments_);
};
var usedModels = ["rgb", "hex", "ansi256"];
for (const model of usedModels) {
  styles2[model] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model, levelMapping[level], "color", ...arguments_), ansi_styles_default.color.close, this[STYLER]);
        return createBuilder(this, styler, this[IS_EMPTY]);
      };
    }
  };
  const bgModel = "bg" + model[0].toUpperCase() + model.slice(1);
  styles2[bgModel] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model, levelMapping[level], "bgColor", ...arguments_), ansi_styles_default.bgColor.close, this[STYLER]);
        return createBuilder(this, styler, this[IS_EMPTY]);
      };
    }
  };
}
var proto = Object.defineProperties(() => {
}, {
  ...styles2,
  level: {
    enumerable: true,
    get() {
      return this[GENERATOR].level;
    },
    set(level) {
      this[GENERATOR].level = level;
    }
  }
});
var createStyler = (open, close, parent) => {
  let openAll;
  let closeAll;
  if (parent === void 0) {
    openAll = open;
    closeAll = close;
  } else {
    openAll = parent.openAll + open;
    closeAll = close + parent.closeAll;
  }
  return {
    open,
    close,
    openAll,
    closeAll,
    parent
  };
};
var createBuilder = (self, _styler, _isEmpty) => {
  const builder = (...arguments_) => applyStyle(builder, arguments_.length === 1 ? "" + arguments_[0] : arguments_.join(" "));
  Object.setPrototypeOf(builder, proto);
  builder[GENERATOR] = self;
  builder[STYLER] = _styler;
  builder[IS_EMPTY] = _isEmpty;
  return builder;
};
var applyStyle = (self, string) => {
  if (self.level <= 0 || !string) {
    return self[IS_EMPTY] ? "" : string;
  }
  let styler = self[STYLER];
  if (styler === void 0) {
    return string;
  }
  const { openAll, closeAll } = styler;
  if (string.includes("\x1B")) {
    while (styler !== void 0) {
      string = stringReplaceAll(string, styler.close, styler.open);
      styler = styler.parent;
    }
  }
  const lfIndex = string.indexOf("\n");
  if (lfIndex !== -1) {
    string = stringEncaseCRLFWithFirstIndex(string, closeAll, openAll, lfIndex);
  }
  return openAll + string + closeAll;
};
Object.defineProperties(createChalk.prototype, styles2);
var chalk = createChalk();
var chalkStderr = createChalk({ level: stderrColor ? stderrColor.level : 0 });

// src/rules/values.ts
var hex = (cp) => cp.toString(16).toUpperCase().padStart(4, "0");
var isControl = (cp) => cp < 32 || cp >= 127 && cp <= 159 || cp === 8232 || cp === 8233;
var isBidiControl = (cp) => cp >= 8234 && cp <= 8238 || cp >= 8294 && cp <= 8297;
var escapeCode = (cp) => cp < 256 ? `\\x${hex(cp).slice(2)}` : `\\u${hex(cp)}`;
function terminalText(s, multiline = false) {
  let out;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c < 127) continue;
    let bad2 = isControl(c) || isBidiControl(c);
    if (c >= 55296 && c <= 56319) {
      const d = s.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        i++;
        continue;
      }
      bad2 = true;
    } else if (c >= 56320 && c <= 57343) bad2 = true;
    if (bad2 && multiline && (c === 10 || c === 9 || c === 13 && s.charCodeAt(i + 1) === 10)) bad2 = false;
    if (!bad2) continue;
    out = (out ?? "") + s.slice(from, i) + escapeCode(c);
    from = i + 1;
  }
  return out === void 0 ? s : out + s.slice(from);
}

// src/cli/render.ts
function makeChalk(stream, env2, noColor) {
  const force = env2.FORCE_COLOR !== void 0 && env2.FORCE_COLOR !== "0" && env2.FORCE_COLOR !== "false";
  const off = noColor || env2.NO_COLOR !== void 0 && env2.NO_COLOR !== "" || !stream.isTTY && !force || env2.TERM === "dumb";
  return new Chalk({ level: off ? 0 : 1 });
}
var STATE_COLOR = {
  PLAN: (c, s) => c.gray(s),
  READY: (c, s) => c.cyan(s),
  DOING: (c, s) => c.yellow(s),
  REVIEW: (c, s) => c.magenta(s),
  DONE: (c, s) => c.green(s)
};
function renderStatus(c, files, s, approvalsFound, now, errors, warnings) {
  const lines = [];
  lines.push(s.tasks === 1 ? tr(`${c.bold(files.tasks)}: 1 task`) : tr(`${c.bold(files.tasks)}: ${s.tasks} tasks`));
  lines.push(`  ${STATES.map((st) => `${STATE_COLOR[st](c, st)} ${s.byState[st]}`).join("  ")}`);
  if (s.blocked.length)
    lines.push(
      `  ${c.red(tr("blocked"))} ${s.blocked.length}: ${s.blocked.slice(0, 10).join(", ")}${s.blocked.length > 10 ? ", ..." : ""}`
    );
  if (s.deadLetters.length) {
    const list = (ids) => `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", ..." : ""}`;
    const behind = s.behindDeadLetter.length ? `; ${c.red(`${s.behindDeadLetter.length} blocked behind a dead letter`)}: ${list(s.behindDeadLetter)}` : "; none blocked behind them";
    lines.push(`  ${c.red(`dead letters ${s.deadLetters.length}`)}: ${list(s.deadLetters)}${behind}`);
  }
  const expired = s.leases.expired;
  lines.push(
    `  ${tr(`leases: ${s.leases.held} held`)}${s.leases.nextEnd !== void 0 ? tr(` (the first ends ${humanTime(s.leases.nextEnd)})`) : ""}${expired.length ? `, ${c.red(tr(`${expired.length} expired`))}` : tr(", none expired")}`
  );
  for (const e of expired.slice(0, 10)) {
    lines.push(
      `    ${e.id} ${terminalText(holderWithSession(e.holder, e.session))} ${tr(`expired ${formatAge(now - e.since)} ago (${humanTime(e.since)})`)}`
    );
  }
  if (approvalsFound) {
    const { pending, overSla, stale } = s.approvals;
    const comma = tr(", ");
    const sla = overSla.length ? `${comma}${c.red(tr(`${overSla.length} past SLA`))}` : "";
    const staleText = stale.length ? `${comma}${c.yellow(tr(`${stale.length} stale (${stale.join(", ")})`))}` : "";
    lines.push(`${tr(`${c.bold(files.approvals)}: ${pending} pending`)}${sla}${staleText}`);
    for (const a of overSla.slice(0, 10)) lines.push(`    ${a.id} ${tr(`waiting ${formatAge(a.waiting)}`)}`);
  } else lines.push(`${files.approvals}: ${c.yellow(tr("missing"))} ${tr("(run taskgate init)")}`);
  if (errors || warnings) {
    const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    lines.push(`${errors ? c.red(tr(counts)) : tr(counts)}${tr(": run taskgate check")}`);
  }
  return `${lines.join("\n")}
`;
}
var GROUP = {
  state: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("state"),
  priority: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("priority"),
  labels: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("labels"),
  assignee: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("assignee"),
  blocked: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("blocked")
};

// src/cli/quick-status.ts
var VALUE_OPTIONS = /* @__PURE__ */ new Set(["--dir", "--tasks", "--approvals", "--as"]);
function plainStatus(argv) {
  const o = { color: true, json: false };
  const seen = /* @__PURE__ */ new Set();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "status") break;
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (seen.has(name)) return void 0;
    seen.add(name);
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === void 0 || eq < 0 && value.startsWith("-")) return void 0;
      o[name.slice(2)] = value;
    } else if (a === "--no-color") o.color = false;
    else if (a === "--utc") o.utc = true;
    else return void 0;
  }
  const rest = argv.slice(i + 1);
  if (i === argv.length || rest.length > 1 || rest.length === 1 && rest[0] !== "--json") return void 0;
  o.json = rest.length === 1;
  return o;
}
function quickStatus(argv, env2 = process.env) {
  const o = plainStatus(argv);
  if (!o) return void 0;
  let text;
  let out;
  try {
    if (namedFolderProblem(o, env2) !== void 0) return void 0;
    const { paths, share } = locateBoard(o, env2, process.cwd());
    if (share) return void 0;
    const now = env2.TASKGATE_NOW ? Date.parse(env2.TASKGATE_NOW) : Date.now();
    if (Number.isNaN(now)) return void 0;
    const memo = fileMemo(paths.tasks, env2);
    const ports = { readSnapshot: readLedgerSnapshot, memo, board: void 0 };
    const sources = statusSources({ paths, ports });
    const facts = sources && statusMemo({ ports }, sources, true);
    if (!facts || facts.phases.length > 0 || facts.hasHooks) return void 0;
    const linked = mainWorkTree(process.cwd());
    if (linked && linked.main !== linked.top) return void 0;
    const v = statusOf(facts, now);
    const lang = langOf(env2);
    useLang(lang);
    showUtc(Boolean(o.utc));
    out = lang === "en" ? output(1) : translatedStream(output(1), () => o.json);
    const ctx = { paths, ports };
    text = o.json ? docText(statusDoc(ctx, v)) : renderStatus(
      makeChalk(out, env2, !o.color),
      { tasks: paths.tasksDisplay, approvals: paths.approvalsDisplay },
      v.summary,
      v.approvalsFound,
      now,
      v.errors,
      v.warnings
    );
  } catch {
    return void 0;
  }
  out.write(text);
  return 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  outputPending,
  plainStatus,
  quickStatus
});
//# sourceMappingURL=quick-status.cjs.map
