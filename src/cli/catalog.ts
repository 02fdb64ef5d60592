// The message catalog: each message's stable id, its English text (the source, as the code
// writes it) and its Japanese text. A placeholder {name} stands for a part that varies; in the
// Japanese it may move. {id} matches a task or approval ID, {n} {m} {k} {count} {token} {pid}
// a number, {state} {from} {to} a state name, {action} {key} a lower-case word, any other
// name any text; {name+} is translated too (it is itself a message). {{ and }} are literal
// braces. test/unit/i18n.test.ts fails when a help text, a command's result or a label the
// code writes has no entry here, or an entry has no Japanese or other placeholders.

export interface Message {
  readonly id: string;
  readonly en: string;
  readonly ja: string;
}

export const CATALOG: readonly Message[] = [
  // ── commander's own words ──
  { id: "help.title.usage", en: "Usage:", ja: "使い方:" },
  { id: "help.title.options", en: "Options:", ja: "オプション:" },
  { id: "help.title.commands", en: "Commands:", ja: "コマンド:" },
  { id: "help.title.arguments", en: "Arguments:", ja: "引数:" },
  { id: "help.title.global-options", en: "Global Options:", ja: "共通オプション:" },
  { id: "help.builtin.help", en: "display help for command", ja: "コマンドのヘルプを表示" },
  { id: "help.builtin.version", en: "output the version number", ja: "バージョン番号を表示" },
  { id: "part.default", en: "{desc+} (default: {value})", ja: "{desc+}（既定: {value}）" },
  { id: "cli.error.unknown-command", en: "error: unknown command '{name}'", ja: "エラー: 不明なコマンド '{name}'" },
  { id: "cli.error.unknown-option", en: "error: unknown option '{name}'", ja: "エラー: 不明なオプション '{name}'" },
  {
    id: "cli.error.missing-argument",
    en: "error: missing required argument '{name}'",
    ja: "エラー: 必須の引数 '{name}' がありません",
  },
  {
    id: "cli.error.missing-option",
    en: "error: required option '{name}' not specified",
    ja: "エラー: 必須のオプション '{name}' が指定されていません",
  },
  {
    id: "cli.error.option-argument",
    en: "error: option '{name}' argument missing",
    ja: "エラー: オプション '{name}' の値がありません",
  },
  {
    id: "cli.error.too-many",
    en: "error: too many arguments for '{name}'. Expected {n} arguments but got {m}.",
    ja: "エラー: '{name}' の引数が多すぎます（{n} 個のところ {m} 個）。",
  },
  { id: "cli.hint.help", en: "(run taskgate --help for the commands)", ja: "（コマンドの一覧は taskgate --help）" },
  { id: "cli.error.prefix", en: "taskgate: {msg+}", ja: "taskgate: {msg+}" },
  {
    id: "cli.error.internal",
    en: "taskgate: internal error (please report it): {detail}",
    ja: "taskgate: 内部エラー（不具合です。報告してください）: {detail}",
  },

  // ── the program and its global options ──
  {
    id: "help.program",
    en: "A task board (TASKS.md) and approval gate (APPROVALS.md) for teams of people and AI agents.",
    ja: "人と AI エージェントのチームのためのタスクボード（TASKS.md）と承認ゲート（APPROVALS.md）。",
  },
  {
    id: "help.option.dir",
    en: "folder holding TASKS.md and APPROVALS.md (default: this folder or the nearest parent that has them)",
    ja: "TASKS.md と APPROVALS.md のあるフォルダー（既定: このフォルダー、またはそれらを持つ最も近い親）",
  },
  { id: "help.option.tasks", en: "path of TASKS.md", ja: "TASKS.md のパス" },
  { id: "help.option.approvals", en: "path of APPROVALS.md", ja: "APPROVALS.md のパス" },
  {
    id: "help.option.as",
    en: "act as this actor (default: TASKGATE_ACTOR, then git user.email)",
    ja: "このアクターとして操作する（既定: TASKGATE_ACTOR、次に git の user.email）",
  },
  { id: "help.option.no-color", en: "no colour in the output", ja: "出力を色付けしない" },
  {
    id: "help.option.utc",
    en: "show times in UTC rather than the local zone (TZ)",
    ja: "時刻をローカルのタイムゾーン（TZ）ではなく UTC で表示する",
  },
  { id: "help.option.json", en: "print one JSON document", ja: "JSON ドキュメントを 1 つ出力する" },
  {
    id: "help.option.json-lines",
    en: "one JSON object per event and line",
    ja: "イベントごとに 1 行の JSON オブジェクト",
  },
  { id: "help.argument.task-id", en: "task ID, like T-12", ja: "タスク ID（例: T-12）" },
  { id: "help.argument.approval-id", en: "approval ID, like A-3", ja: "承認 ID（例: A-3）" },
  { id: "help.option.reason", en: "why", ja: "理由" },
  { id: "help.argument.actor", en: "the actor", ja: "アクター" },

  // ── the exit codes and environment after the help ──
  { id: "help.exit.title", en: "Exit codes:", ja: "終了コード:" },
  { id: "help.exit.0", en: "0   ok", ja: "0   成功" },
  {
    id: "help.exit.1",
    en: "1   refused: a rule said no (role, state, unknown task, bad value); nothing was written;",
    ja: "1   拒否: ルールが許さなかった（ロール、状態、不明なタスク、不正な値）。何も書き込んでいない。",
  },
  {
    id: "help.exit.1b",
    en: "also check --sla when the only errors are approvals past their SLA",
    ja: "check --sla でエラーが SLA 超過の承認だけのときも 1",
  },
  {
    id: "help.exit.2",
    en: "2   usage: unknown command or option, missing argument",
    ja: "2   使い方の誤り: 不明なコマンドやオプション、引数の不足",
  },
  {
    id: "help.exit.3",
    en: "3   invalid ledger: check found errors, or a write was refused because a ledger has errors",
    ja: "3   台帳が不正: check がエラーを見つけた、または台帳にエラーがあるため書き込みを拒否した",
  },
  {
    id: "help.exit.4",
    en: "4   busy: the ledger is locked or was changed by another process; run the command again",
    ja: "4   使用中: 台帳がロックされているか、別のプロセスが変更した。もう一度実行する",
  },
  {
    id: "help.exit.5",
    en: "5   nothing to do: `next` found no task for you (not an error)",
    ja: "5   やることなし: `next` があなた向けのタスクを見つけなかった（エラーではない）",
  },
  {
    id: "help.exit.6",
    en: "6   watch --once found a problem: a dead letter, a failed scheduled check, a stale approval or lock",
    ja: "6   watch --once が問題を見つけた: デッドレター、失敗した定期チェック、古くなった承認やロック",
  },
  {
    id: "help.exit.7",
    en: "7   unreachable: the shared board's remote could not be reached; nothing was written or held",
    ja: "7   到達不能: 共有ボードのリモートに届かなかった。何も書き込まず、何も確保していない",
  },
  {
    id: "help.exit.70",
    en: "70  internal error (a bug: please report it)",
    ja: "70  内部エラー（不具合です。報告してください）",
  },
  {
    id: "help.exit.74",
    en: "74  the machine said no: no space, no permission, a read-only file system, too many open files,",
    ja: "74  マシンが拒否した: 空き容量不足、権限なし、読み取り専用のファイルシステム、開いたファイルが多すぎる、",
  },
  {
    id: "help.exit.74b",
    en: ".git/taskgate not a folder; the message names the path and what to do (nothing was changed",
    ja: ".git/taskgate がフォルダーでない。メッセージがパスと対処を示す（そう書かれていない限り",
  },
  { id: "help.exit.74c", en: "unless it says so)", ja: "何も変更していない）" },
  { id: "help.env.title", en: "Environment:", ja: "環境変数:" },
  {
    id: "help.env.1",
    en: "TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   where the ledgers are (like --dir, --tasks, --approvals)",
    ja: "TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   台帳の場所（--dir、--tasks、--approvals と同じ）",
  },
  {
    id: "help.env.2",
    en: "TASKGATE_ACTOR                                     who acts (like --as); else git's user.email",
    ja: "TASKGATE_ACTOR                                     操作する人（--as と同じ）。なければ git の user.email",
  },
  {
    id: "help.env.3",
    en: "TASKGATE_SESSION                                   the agent session acting: its leases are its own (docs/run.md)",
    ja: "TASKGATE_SESSION                                   操作しているエージェントのセッション: そのリースはそのセッションのもの（docs/run.md）",
  },
  {
    id: "help.env.4",
    en: "TASKGATE_NOW                                       the current time (ISO 8601), for tests and replays",
    ja: "TASKGATE_NOW                                       現在時刻（ISO 8601）。テストや再生用",
  },
  {
    id: "help.env.5",
    en: "TASKGATE_LANG                                      the language of messages: ja for Japanese, en for English; else",
    ja: "TASKGATE_LANG                                      メッセージの言語: ja なら日本語、en なら英語。なければ",
  },
  {
    id: "help.env.6",
    en: "LC_ALL, LC_MESSAGES, LANG (ja_JP.UTF-8 is Japanese); JSON is English",
    ja: "LC_ALL、LC_MESSAGES、LANG（ja_JP.UTF-8 は日本語）。JSON は英語のまま",
  },
  {
    id: "help.env.7",
    en: "TASKGATE_NO_MEMO=1                                 no memos: status and metrics read the ledgers whole every time",
    ja: "TASKGATE_NO_MEMO=1                                 メモを使わない: status と metrics が毎回台帳を全部読む",
  },
  {
    id: "help.env.8",
    en: "TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   how long to wait for a lock (30000); when a lock of another host that",
    ja: "TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   ロックを待つ時間（30000）。更新されない他ホストのロックを",
  },
  {
    id: "help.env.9",
    en: "is not refreshed is taken over (5000; one of a process gone from this",
    ja: "引き継ぐまでの時間（5000。このホストで終了したプロセスのロックは",
  },
  {
    id: "help.env.10",
    en: "host is taken over at once, one of a live one never)",
    ja: "すぐに引き継ぎ、生きているプロセスのロックは引き継がない）",
  },
  {
    id: "help.env.11",
    en: "TASKGATE_SHARE=off                                 use the in-tree files even where this clone shares its board",
    ja: "TASKGATE_SHARE=off                                 このクローンがボードを共有していてもツリー内のファイルを使う",
  },
  {
    id: "help.env.12",
    en: "NO_COLOR                                           no colour in the output",
    ja: "NO_COLOR                                           出力を色付けしない",
  },
  {
    id: "help.env.13",
    en: "TZ                                                 the zone times are shown in (with their offset, like",
    ja: "TZ                                                 時刻を表示するタイムゾーン（2026-12-06 00:37 +09:00 のように",
  },
  {
    id: "help.env.14",
    en: "2026-12-06 00:37 +09:00); --utc shows UTC. Ledgers, log",
    ja: "オフセットつき）。--utc なら UTC。台帳、ログ行、--json は",
  },
  {
    id: "help.env.15",
    en: "lines and --json keep UTC (…Z). A time you type is UTC:",
    ja: "UTC（…Z）のまま。入力する時刻は UTC:",
  },
  {
    id: "help.env.16",
    en: "not-before=2026-11-24T10:30:00Z, and a date given to",
    ja: "not-before=2026-11-24T10:30:00Z、--since/--until に渡す日付（2026-11-01）は",
  },
  {
    id: "help.env.17",
    en: "--since/--until (2026-11-01) starts at midnight UTC",
    ja: "UTC の 0 時から",
  },
  {
    id: "help.verify.exit",
    en: "Exit codes: 0 every commit keeps the rules; 1 a commit breaks them (forged log line, illegal\nstate change, self-approval, ...; with --signed, a commit changing the ledgers unsigned, or signed by\na key not listed for its author); 3 a commit has an invalid ledger; 2 git cannot read the range.",
    ja: "終了コード: 0 すべてのコミットがルールを守っている。1 ルールを破るコミットがある（偽造されたログ行、\n不正な状態変更、自己承認など。--signed では、台帳を変える未署名のコミット、または作者に登録されていない\n鍵で署名されたコミット）。3 不正な台帳を持つコミットがある。2 git が範囲を読めない。",
  },
  {
    id: "help.run.environment",
    en: "The program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS. Exit code: the program's (128 + signal number when it was killed); 1 when the\nlease was lost and the program stopped.",
    ja: "プログラムには TASKGATE_TASK_ID、TASKGATE_TASK_TITLE、TASKGATE_TASK_FILE（タスクの Markdown）、\nTASKGATE_LEASE_TOKEN、TASKGATE_TASKS、TASKGATE_APPROVALS が渡される。終了コード: プログラムのもの（シグナルで\n終了したときは 128 + シグナル番号）。リースを失ってプログラムを止めたときは 1。",
  },
  {
    id: "help.share.details",
    en: "Joins the shared board when the branch exists (on the remote, or in this clone), else moves\nthis folder's TASKS.md and APPROVALS.md to it byte for byte (checked first: a board with\nerrors is not moved). The setting is kept in the clone's git config (taskgate.share.*).\nExit codes: 0 shared; 1 refused (nothing to share, the remote refused); 2 usage (no git, no\nsuch remote, bad branch name); 3 the in-tree board has errors; 4 someone else shared first\n(or a write landed in the in-tree files during the move),\nrun it again; 7 the remote cannot be reached.",
    ja: "ブランチが（リモートまたはこのクローンに）あれば共有ボードに加わり、なければこのフォルダーの\nTASKS.md と APPROVALS.md をバイト単位でそのまま移す（先に検査し、エラーのあるボードは移さない）。\n設定はクローンの git 設定（taskgate.share.*）に保存される。\n終了コード: 0 共有した。1 拒否（共有するものがない、リモートが拒否した）。2 使い方の誤り（git がない、\nそのリモートがない、不正なブランチ名）。3 ツリー内のボードにエラーがある。4 他の誰かが先に共有した\n（または移動中にツリー内のファイルへ書き込みがあった）。\nもう一度実行する。7 リモートに届かない。",
  },
  {
    id: "help.watch.exit",
    en: "Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);\n3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task\nblocked as a dead letter, a scheduled check failed, a stale approval or lock); 1 a step was\nrefused (for example no automation actor with the role it needs). A long-running watch ends\nwith 0 on SIGINT or SIGTERM, after the tick in progress.",
    ja: "watch --once の終了コード: 0 問題なし（回復や定期実行は問題ではない）。\n3 台帳または予定が不正。4 台帳がロックされたままだった。6 問題を見つけた（デッドレターとして\nブロックされたタスク、失敗した定期チェック、古くなった承認やロック）。1 手順が拒否された\n（例: 必要なロールを持つ自動化アクターがいない）。長く動く watch は SIGINT や SIGTERM で、\n処理中のティックの後に 0 で終わる。",
  },

  // ── commands ──
  {
    id: "help.init",
    en: "create TASKS.md and APPROVALS.md here (never overwrites)",
    ja: "ここに TASKS.md と APPROVALS.md を作る（上書きはしない）",
  },
  {
    id: "help.check",
    en: "validate both ledgers: every problem at once, as FILE:LINE:COL",
    ja: "両方の台帳を検証する: すべての問題を一度に FILE:LINE:COL で示す",
  },
  {
    id: "help.check.strict",
    en: "also compare the line reader with a full Markdown parser (slow on big files)",
    ja: "行リーダーを完全な Markdown パーサーとも比べる（大きなファイルでは遅い）",
  },
  {
    id: "help.check.sla",
    en: "fail (exit 1) when a pending approval is past the policy's approval-sla",
    ja: "保留中の承認がポリシーの approval-sla を超えていたら失敗する（終了コード 1）",
  },
  {
    id: "help.check.staged",
    en: "judge the staged ledgers against HEAD as the committer's change (the pre-commit hook)",
    ja: "ステージされた台帳を HEAD と比べ、コミットする人の変更として判定する（pre-commit フック）",
  },
  {
    id: "help.check.columns",
    en: "Columns count UTF-16 code units from 1, as editors and LSP count them: a Japanese character is 1, most emoji 2.",
    ja: "列番号は 1 から数えた UTF-16 コード単位（エディターや LSP と同じ）: 日本語の文字は 1、多くの絵文字は 2。",
  },
  {
    id: "help.status",
    en: "counts by state, leases held and expired, approvals pending",
    ja: "状態ごとの件数、保持中と期限切れのリース、保留中の承認",
  },
  { id: "help.list", en: "list tasks, filtered", ja: "タスクを絞り込んで一覧表示する" },
  {
    id: "help.list.state",
    en: "only tasks in this state ({states}); repeat or comma-separate",
    ja: "この状態（{states}）のタスクだけ。繰り返すかカンマ区切りで複数指定",
  },
  {
    id: "help.list.label",
    en: "only tasks with this label; repeat for all of several",
    ja: "このラベルを持つタスクだけ。繰り返すとすべてを持つもの",
  },
  { id: "help.list.assignee", en: "only tasks assigned to this actor", ja: "このアクターに割り当てられたタスクだけ" },
  {
    id: "help.list.phase",
    en: "only tasks of this phase (their phase field)",
    ja: "このフェーズのタスクだけ（phase フィールド）",
  },
  { id: "help.show", en: "one task with its fields and text", ja: "1 つのタスクをフィールドと本文つきで表示する" },
  {
    id: "help.add",
    en: "add a task (state PLAN, or READY with --ready)",
    ja: "タスクを追加する（状態 PLAN、--ready なら READY）",
  },
  { id: "help.add.title", en: "the task's title", ja: "タスクのタイトル" },
  { id: "help.add.priority", en: "P0|P1|P2|P3 (default P2)", ja: "P0|P1|P2|P3（既定 P2）" },
  { id: "help.add.labels", en: "comma-separated labels", ja: "カンマ区切りのラベル" },
  {
    id: "help.add.depends",
    en: "comma-separated task IDs this task waits for",
    ja: "このタスクが待つタスク ID（カンマ区切り）",
  },
  { id: "help.add.ready", en: "add it as READY rather than PLAN", ja: "PLAN ではなく READY として追加する" },
  {
    id: "help.set",
    en: "change fields of a task: key=value (empty value removes the field)",
    ja: "タスクのフィールドを変更する: key=value（値が空ならフィールドを削除）",
  },
  {
    id: "help.set.assignments",
    en: "key=value pairs: title, priority, labels, depends, assignee, not-before",
    ja: "key=value の組: title, priority, labels, depends, assignee, not-before",
  },
  {
    id: "help.claim",
    en: "take a READY task (or an expired lease) as WORK; prints the lease token",
    ja: "READY のタスク（または期限切れのリース）を WORK として取る。リーストークンを表示する",
  },
  { id: "help.renew", en: "extend your lease", ja: "自分のリースを延長する" },
  { id: "help.release", en: "give your lease back (DOING -> READY)", ja: "リースを返す（DOING -> READY）" },
  {
    id: "help.submit",
    en: "hand your work in for review (DOING -> REVIEW)",
    ja: "作業をレビューに出す（DOING -> REVIEW）",
  },
  {
    id: "help.ready",
    en: "make a planned task available (PLAN -> READY), as CMD",
    ja: "計画中のタスクを着手可能にする（PLAN -> READY）。CMD として",
  },
  {
    id: "help.plan",
    en: "take a task back for replanning (READY -> PLAN), as CMD",
    ja: "タスクを計画に戻す（READY -> PLAN）。CMD として",
  },
  {
    id: "help.cancel",
    en: "end a task without doing it (-> DONE, cancelled), as CMD",
    ja: "タスクを実施せずに終える（-> DONE、cancelled）。CMD として",
  },
  {
    id: "help.block",
    en: "mark a task blocked, keeping its state, as WORK",
    ja: "状態はそのままでタスクをブロック中にする。WORK として",
  },
  { id: "help.unblock", en: "clear a block, as CMD", ja: "ブロックを解除する。CMD として" },
  {
    id: "help.accept",
    en: "accept reviewed work (REVIEW -> DONE), as AUDIT; not by who did it",
    ja: "レビュー済みの作業を受け入れる（REVIEW -> DONE）。AUDIT として。作業した本人は不可",
  },
  {
    id: "help.rework",
    en: "send work back (REVIEW -> DOING), as AUDIT",
    ja: "作業を差し戻す（REVIEW -> DOING）。AUDIT として",
  },
  {
    id: "help.ttl",
    en: "lease length, like 30m (default: the policy's lease)",
    ja: "リースの長さ（例: 30m、既定: ポリシーの lease）",
  },
  {
    id: "help.token",
    en: "your lease token (default: TASKGATE_LEASE_TOKEN)",
    ja: "あなたのリーストークン（既定: TASKGATE_LEASE_TOKEN）",
  },
  {
    id: "help.next",
    en: "the best task for you now; --claim takes it (exit 5 when there is nothing to do)",
    ja: "今あなたに最適なタスク。--claim で取る（やることがなければ終了コード 5）",
  },
  {
    id: "help.next.label",
    en: "only tasks with this label; repeat for several",
    ja: "このラベルを持つタスクだけ。繰り返して複数指定",
  },
  { id: "help.next.claim", en: "claim it, under the same lock as the choice", ja: "選んだのと同じロックの下で取る" },
  { id: "help.next.ttl", en: "lease length with --claim", ja: "--claim のときのリースの長さ" },

  // approvals
  { id: "help.approval", en: "request, show and explain approvals", ja: "承認を依頼し、表示し、説明する" },
  {
    id: "help.approval.request",
    en: "ask for approval of a task (its ID) or of anything (free text)",
    ja: "タスク（ID）または任意の事柄（自由記述）の承認を依頼する",
  },
  { id: "help.approval.subject", en: "a task ID like T-12, or a sentence", ja: "T-12 のようなタスク ID、または文" },
  {
    id: "help.approval.title",
    en: "the request's title (default: from the subject)",
    ja: "依頼のタイトル（既定: 対象から）",
  },
  {
    id: "help.approval.evidence",
    en: "what supports it (a CI run, a report hash); repeat for several",
    ja: "根拠（CI の実行、レポートのハッシュ）。繰り返して複数指定",
  },
  { id: "help.approval.show", en: "one approval with its fields", ja: "1 つの承認をフィールドつきで表示する" },
  {
    id: "help.approval.explain",
    en: "rule by rule, why a request is (or would be) approved or denied",
    ja: "依頼が承認（または却下）される（はずの）理由をルールごとに示す",
  },
  {
    id: "help.approve",
    en: "approve a pending request, as AUDIT (never your own)",
    ja: "保留中の依頼を承認する。AUDIT として（自分の依頼は不可）",
  },
  {
    id: "help.reject",
    en: "reject a pending request, as AUDIT, with a reason",
    ja: "保留中の依頼を理由をつけて却下する。AUDIT として",
  },
  {
    id: "help.approvals",
    en: "list approvals, pending first with their age; `approvals auto` decides by the rules",
    ja: "承認の一覧（保留中を先に経過時間つきで）。`approvals auto` はルールで判定する",
  },
  {
    id: "help.approvals.status",
    en: "only these statuses (pending|approved|rejected|superseded)",
    ja: "これらの状態だけ（pending|approved|rejected|superseded）",
  },
  { id: "help.approvals.subject", en: "only requests about this subject", ja: "この対象についての依頼だけ" },
  {
    id: "help.approvals.auto",
    en: "decide every pending request the rules decide, as the automation actor",
    ja: "ルールで判定できる保留中の依頼をすべて、自動化アクターとして判定する",
  },
  {
    id: "help.roles",
    en: "change who holds which role; changes go through an approval",
    ja: "誰がどのロールを持つかを変える。変更は承認を経る",
  },
  {
    id: "help.roles.verb",
    en: "request to {verb} a role; it takes effect when another AUDIT actor approves",
    ja: "ロールの {verb} を依頼する。別の AUDIT アクターが承認すると有効になる",
  },
  { id: "help.roles.role", en: "CMD, WORK or AUDIT", ja: "CMD、WORK または AUDIT" },
  { id: "help.rules", en: "the approval rules: changes go through an approval", ja: "承認ルール: 変更は承認を経る" },
  {
    id: "help.rules.request",
    en: 'request to make the Rules exactly the YAML in FILE; once another AUDIT person approves, put it in the fenced block under "## Rules" and commit',
    ja: "Rules を FILE の YAML そのものにするよう依頼する。別の AUDIT の人が承認したら、「## Rules」の下のコードブロックに入れてコミットする",
  },
  {
    id: "help.rules.file",
    en: "a file holding the new rules (the YAML that goes inside the fenced block)",
    ja: "新しいルールを書いたファイル（コードブロックに入れる YAML）",
  },
  {
    id: "help.identify",
    en: "request to change an actor's git identities, delegation or keys; once approved, edit the line",
    ja: "アクターの git の識別情報、委任、鍵の変更を依頼する。承認されたらその行を編集する",
  },

  // git
  {
    id: "help.verify",
    en: "check every commit in a range as the pre-commit hook would, with its author as the actor (for CI)",
    ja: "範囲内のすべてのコミットを、作者をアクターとして pre-commit フックと同じように検査する（CI 用）",
  },
  {
    id: "help.verify.range",
    en: "commits to check, as git log takes them (origin/main..HEAD)",
    ja: "検査するコミット（git log と同じ書き方: origin/main..HEAD）",
  },
  {
    id: "help.verify.signed",
    en: "also require every commit changing the ledgers to be signed by a key Roles lists for its author (the policy's signed-commits: required does this always)",
    ja: "台帳を変えるすべてのコミットに、Roles が作者に挙げる鍵での署名も求める（ポリシーの signed-commits: required なら常に）",
  },
  { id: "help.hook", en: "git hooks", ja: "git フック" },
  {
    id: "help.hook.install",
    en: "add `taskgate check --staged` to the pre-commit hook (core.hooksPath honoured; an existing hook is kept)",
    ja: "pre-commit フックに `taskgate check --staged` を加える（core.hooksPath に従い、既存のフックは残す）",
  },
  { id: "help.merge-driver", en: "git's merge driver for the ledgers", ja: "台帳のための git のマージドライバー" },
  {
    id: "help.merge-driver.install",
    en: "register the three-way ledger merge in .gitattributes and this clone's git config",
    ja: "台帳の 3-way マージを .gitattributes とこのクローンの git 設定に登録する",
  },
  {
    id: "help.merge-file",
    en: "merge one ledger three-way (git runs this as the merge driver: %O %A %B %P)",
    ja: "1 つの台帳を 3-way マージする（git がマージドライバーとして実行する: %O %A %B %P）",
  },
  { id: "help.merge-file.path", en: "the ledger's path in the repository", ja: "リポジトリ内の台帳のパス" },
  { id: "help.merge-file.ours", en: "merged in place", ja: "その場でマージされる" },
  {
    id: "help.whoami",
    en: "who taskgate takes you for: actor, roles, how the name was found, whom you act for, where the board is",
    ja: "taskgate があなたを誰とみなすか: アクター、ロール、名前の見つけ方、誰の代理か、ボードの場所",
  },

  // agents, metrics, board, report
  {
    id: "help.mcp",
    en: "serve the Model Context Protocol over stdio: tools for agents, leases held while connected",
    ja: "stdio で Model Context Protocol を提供する: エージェント用のツール、接続中はリースを保持",
  },
  {
    id: "help.agents",
    en: "teach agents this board: `agents install` writes AGENTS.md, CLAUDE.md and .mcp.json",
    ja: "エージェントにこのボードを教える: `agents install` が AGENTS.md、CLAUDE.md、.mcp.json を書く",
  },
  { id: "help.agents.action", en: "install", ja: "install" },
  {
    id: "help.period.since",
    en: "start of the period: a date (2026-11-01, from midnight UTC), a UTC time, or an age (30d); default 30d before --until",
    ja: "期間の始まり: 日付（2026-11-01、UTC の 0 時から）、UTC の時刻、または経過（30d）。既定は --until の 30 日前",
  },
  { id: "help.period.until", en: "end of the period (default: now)", ja: "期間の終わり（既定: 現在）" },
  {
    id: "help.metrics",
    en: "automation rate, approval wait, auto-recovery and flow, computed from the logs",
    ja: "ログから計算した自動化率、承認待ち時間、自動回復、フロー",
  },
  {
    id: "help.metrics.prom",
    en: "also write the Prometheus text format (node_exporter's textfile collector), atomically",
    ja: "Prometheus のテキスト形式（node_exporter の textfile collector 用）もアトミックに書く",
  },
  {
    id: "help.forecast",
    en: "when the remaining work (of the board, or a phase) will be done: dates at 50/85/95% from the board's own throughput",
    ja: "残りの作業（ボード全体またはフェーズ）がいつ終わるか: ボード自身のスループットによる 50/85/95% の日付",
  },
  { id: "help.forecast.phase", en: "only this phase", ja: "このフェーズだけ" },
  {
    id: "help.forecast.seed",
    en: "the simulation's seed (default 1: the same board gives the same answer)",
    ja: "シミュレーションのシード（既定 1: 同じボードなら同じ答え）",
  },
  {
    id: "help.policy",
    en: "the policy: `policy suggest` proposes changes from the history",
    ja: "ポリシー: `policy suggest` が履歴から変更を提案する",
  },
  {
    id: "help.policy.request",
    en: "request to set a Policy key that guards the gate (approval-required, signed-commits, clock-skew); once another AUDIT person approves, edit TASKS.md and commit",
    ja: "ゲートを守る Policy のキー（approval-required、signed-commits、clock-skew）の設定を依頼する。別の AUDIT の人が承認したら TASKS.md を編集してコミットする",
  },
  {
    id: "help.policy.assignment",
    en: 'KEY=VALUE, like "approval-required=prod, security" (an empty VALUE removes the key)',
    ja: 'KEY=VALUE（例: "approval-required=prod, security"。VALUE が空ならキーを削除）',
  },
  {
    id: "help.policy.suggest",
    en: "changes to the policy and the approval rules that the history argues for, with the evidence",
    ja: "履歴が支持するポリシーと承認ルールの変更を根拠つきで示す",
  },
  {
    id: "help.policy.suggest.request",
    en: "file each suggestion as an approval request for another AUDIT (nothing is applied)",
    ja: "各提案を別の AUDIT 向けの承認依頼として登録する（何も適用しない）",
  },
  {
    id: "help.board",
    en: "the board as columns by state, with leases (holder, time left) and blocked marks",
    ja: "状態ごとの列でボードを表示する（リースの保持者と残り時間、ブロックの印つき）",
  },
  {
    id: "help.board.width",
    en: "columns to fit (default: the terminal's, else 120)",
    ja: "収める桁数（既定: 端末の幅、なければ 120）",
  },
  {
    id: "help.report",
    en: "one self-contained HTML page: the board, the measures and charts",
    ja: "単独で開ける HTML ページ 1 枚: ボード、指標、グラフ",
  },
  { id: "help.report.html", en: "where to write it", ja: "書き出す場所" },
  { id: "help.report.title", en: "the page's title", ja: "ページのタイトル" },

  // run, work, watch, schedule, serve, share
  {
    id: "help.run",
    en: "run a program for a task under a lease: exit 0 submits it, a failure retries it later",
    ja: "リースの下でタスクのためにプログラムを実行する: 終了コード 0 なら提出、失敗なら後で再試行",
  },
  {
    id: "help.run.command",
    en: "after --: the program and its arguments (started directly, not by a shell)",
    ja: "-- の後に: プログラムと引数（シェルを通さず直接起動）",
  },
  {
    id: "help.run.ttl",
    en: "lease length (default: the policy's lease); renewed every TTL/3 while it runs",
    ja: "リースの長さ（既定: ポリシーの lease）。実行中は TTL/3 ごとに更新",
  },
  {
    id: "help.run.on-success",
    en: "after exit 0: review (submit), done (submit, then the automation actor accepts), release",
    ja: "終了コード 0 の後: review（提出）、done（提出して自動化アクターが受け入れ）、release",
  },
  {
    id: "help.run.log-dir",
    en: "where each run's output is kept (default: .git/taskgate/runs)",
    ja: "各実行の出力を置く場所（既定: .git/taskgate/runs）",
  },
  {
    id: "help.run.grace",
    en: "time between SIGTERM and SIGKILL when the program must stop",
    ja: "プログラムを止めるときの SIGTERM から SIGKILL までの時間",
  },
  {
    id: "help.work",
    en: "a worker loop: take the best task, run a command for it under a lease, repeat (N at once)",
    ja: "ワーカーループ: 最適なタスクを取り、リースの下でコマンドを実行し、繰り返す（同時に N 個）",
  },
  {
    id: "help.work.exec",
    en: "the command for each task; {{id}}, {{title}} and {{file}} (the task's Markdown) become arguments (no shell)",
    ja: "各タスクのコマンド。{{id}}、{{title}}、{{file}}（タスクの Markdown）が引数になる（シェルなし）",
  },
  { id: "help.work.parallel", en: "tasks run at once", ja: "同時に実行するタスク数" },
  {
    id: "help.work.max-tasks",
    en: "start at most this many tasks, then finish",
    ja: "最大でこの数のタスクを始めたら終わる",
  },
  {
    id: "help.work.exit-when-idle",
    en: "end when no task is left to start (instead of waiting for new ones)",
    ja: "始めるタスクがなくなったら終わる（新しいタスクを待たない）",
  },
  {
    id: "help.watch",
    en: "recover expired leases, run due schedules, auto-approve, report health: once, or on every change",
    ja: "期限切れのリースを回復し、予定を実行し、自動承認し、状態を報告する: 1 回、または変更のたび",
  },
  {
    id: "help.watch.once",
    en: "run one tick and exit (for cron, systemd timers, Task Scheduler)",
    ja: "1 回だけ処理して終わる（cron、systemd タイマー、タスク スケジューラ用）",
  },
  { id: "help.watch.interval", en: "time between ticks when nothing changes", ja: "変化がないときの処理の間隔" },
  {
    id: "help.watch.settle",
    en: "quiet time after a ledger change before the tick",
    ja: "台帳の変更から処理までの待ち時間",
  },
  {
    id: "help.watch.poll",
    en: "poll the ledgers' stat every second instead of using file system events",
    ja: "ファイルシステムのイベントの代わりに毎秒台帳の stat を調べる",
  },
  {
    id: "help.watch.quiet",
    en: "print only problems (cron then mails only when something is wrong)",
    ja: "問題だけを表示する（cron は問題があるときだけメールする）",
  },
  {
    id: "help.schedule",
    en: "run watch --once from the OS scheduler",
    ja: "OS のスケジューラから watch --once を実行する",
  },
  {
    id: "help.schedule.install",
    en: "print (or with --write, install) a crontab line, systemd user units or a schtasks command",
    ja: "crontab の行、systemd ユーザーユニット、または schtasks コマンドを表示する（--write ならインストール）",
  },
  { id: "help.schedule.cron", en: "a line for the user's crontab", ja: "ユーザーの crontab 用の 1 行" },
  { id: "help.schedule.systemd", en: "a systemd user service and timer", ja: "systemd のユーザーサービスとタイマー" },
  {
    id: "help.schedule.windows",
    en: "a Windows Task Scheduler (schtasks) command",
    ja: "Windows タスク スケジューラ（schtasks）のコマンド",
  },
  {
    id: "help.schedule.every",
    en: "how often: minutes or hours that divide an hour or a day",
    ja: "頻度: 1 時間または 1 日を割り切る分数または時間数",
  },
  {
    id: "help.schedule.print",
    en: "print what to install (the default)",
    ja: "インストールする内容を表示する（既定）",
  },
  {
    id: "help.schedule.write",
    en: "install it: the user's crontab, or ~/.config/systemd/user (and enable the timer)",
    ja: "インストールする: ユーザーの crontab、または ~/.config/systemd/user（タイマーも有効化）",
  },
  {
    id: "help.serve",
    en: "a live board in the browser on 127.0.0.1: the URL (with its token) is the first line printed",
    ja: "127.0.0.1 のブラウザーで見るライブボード: 最初に表示される行が（トークンつきの）URL",
  },
  { id: "help.serve.port", en: "the port (0: any free port)", ja: "ポート（0: 空いている任意のポート）" },
  { id: "help.serve.open", en: "open the page in the default browser", ja: "既定のブラウザーでページを開く" },
  {
    id: "help.serve.read-only",
    en: "show the board only: no decisions from the page",
    ja: "ボードを表示するだけ: ページからは判定しない",
  },
  {
    id: "help.share",
    en: "share the board through git: every worktree of this clone, and with --remote every clone",
    ja: "git でボードを共有する: このクローンのすべてのワークツリー、--remote ならすべてのクローン",
  },
  {
    id: "help.share.remote",
    en: "the git remote whose branch is the board (a push decides every write)",
    ja: "ブランチがボードになる git のリモート（書き込みはすべて push で決まる）",
  },
  { id: "help.share.branch", en: "the branch the board lives on", ja: "ボードを置くブランチ" },

  // ── command results ──
  { id: "result.created", en: "Created {files+}.", ja: "{files+} を作成しました。" },
  { id: "part.and", en: "{a} and {b}", ja: "{a} と {b}" },
  {
    id: "result.transition.lease",
    en: "{id} {action}: {from} -> {to}; lease token {token} for {holder} until {until}",
    ja: "{id} を {action} しました: {from} -> {to}。リーストークン {token}（{holder}、{until} まで）",
  },
  {
    id: "result.renew",
    en: "{id} {action}: {state}; lease token {token} for {holder} until {until}",
    ja: "{id} を {action} しました: {state}。リーストークン {token}（{holder}、{until} まで）",
  },
  { id: "result.transition", en: "{id} {action}: {from} -> {to}", ja: "{id} を {action} しました: {from} -> {to}" },
  { id: "result.transition.same", en: "{id} {action}: {state}", ja: "{id} を {action} しました: {state}" },
  { id: "result.set", en: "{id} {key}: {old+} -> {new+}", ja: "{id} の {key}: {old+} -> {new+}" },
  { id: "result.set.none", en: "(none)", ja: "（なし）" },
  { id: "result.set.removed", en: "(removed)", ja: "（削除）" },
  { id: "result.set.nothing", en: "{id}: nothing to change", ja: "{id}: 変更はありません" },
  { id: "result.no-tasks", en: "No tasks match.", ja: "一致するタスクはありません。" },
  { id: "result.no-approvals", en: "No approvals match.", ja: "一致する承認はありません。" },
  { id: "result.wrote", en: "Wrote {file}", ja: "{file} を書き出しました" },
  { id: "result.check.ok", en: "{files+}: ok", ja: "{files+}: 問題なし" },
  { id: "result.check.ok-warnings", en: "{files+}: ok ({n} warnings)", ja: "{files+}: 問題なし（警告 {n} 件）" },
  { id: "result.check.ok-warning", en: "{files+}: ok (1 warning)", ja: "{files+}: 問題なし（警告 1 件）" },
  {
    id: "result.check.errors",
    en: "{n} errors, {m} warnings in {files}",
    ja: "{files} にエラー {n} 件、警告 {m} 件",
  },
  { id: "result.check.error", en: "1 error, {m} warnings in {files}", ja: "{files} にエラー 1 件、警告 {m} 件" },
  { id: "result.check.error-warning", en: "1 error, 1 warning in {files}", ja: "{files} にエラー 1 件、警告 1 件" },
  {
    id: "result.check.errors-warning",
    en: "{n} errors, 1 warning in {files}",
    ja: "{files} にエラー {n} 件、警告 1 件",
  },
  { id: "result.approved", en: "{id} approved", ja: "{id} を承認しました" },
  { id: "result.rejected", en: "{id} rejected", ja: "{id} を却下しました" },
  { id: "result.supersedes", en: "{id} (supersedes {ids})", ja: "{id}（{ids} を置き換え）" },
  { id: "result.no-pending", en: "No pending requests.", ja: "保留中の依頼はありません。" },
  {
    id: "result.staged.problems",
    en: "{n} problems in the staged ledgers; the commit is refused",
    ja: "ステージされた台帳に問題が {n} 件あります。コミットを拒否します",
  },
  {
    id: "result.staged.problem",
    en: "1 problem in the staged ledgers; the commit is refused",
    ja: "ステージされた台帳に問題が 1 件あります。コミットを拒否します",
  },
  { id: "result.verify.ok", en: "{n} commits checked: ok", ja: "{n} 件のコミットを検査しました: 問題なし" },
  { id: "result.verify.ok-one", en: "1 commit checked: ok", ja: "1 件のコミットを検査しました: 問題なし" },
  { id: "result.verify.problems", en: "{n} problems in {m} commits", ja: "{m} 件のコミットに問題が {n} 件" },
  { id: "result.verify.problem", en: "1 problem in {m} commits", ja: "{m} 件のコミットに問題が 1 件" },
  { id: "result.verify.problems-one", en: "{n} problems in 1 commit", ja: "1 件のコミットに問題が {n} 件" },
  { id: "result.verify.problem-one", en: "1 problem in 1 commit", ja: "1 件のコミットに問題が 1 件" },
  { id: "result.nothing-to-do", en: "Nothing to do for {actor}: {why}", ja: "{actor} のやることはありません: {why}" },

  // ── status and board labels ──
  { id: "status.tasks", en: "{file}: {n} tasks", ja: "{file}: タスク {n} 件" },
  { id: "status.task", en: "{file}: 1 task", ja: "{file}: タスク 1 件" },
  { id: "status.leases", en: "leases: {n} held", ja: "リース: 保持中 {n} 件" },
  { id: "status.leases.first-ends", en: " (the first ends {time})", ja: "（最初の終了 {time}）" },
  { id: "status.leases.none-expired", en: ", none expired", ja: "、期限切れなし" },
  { id: "status.leases.expired", en: "{n} expired", ja: "期限切れ {n} 件" },
  { id: "status.lease.expired-ago", en: "expired {age} ago ({time})", ja: "{age} 前に期限切れ（{time}）" },
  { id: "status.blocked", en: "blocked", ja: "ブロック中" },
  { id: "status.pending", en: "{file}: {n} pending", ja: "{file}: 保留中 {n} 件" },
  { id: "status.past-sla", en: "{n} past SLA", ja: "SLA 超過 {n} 件" },
  { id: "status.waiting", en: "waiting {age}", ja: "{age} 待機中" },
  { id: "status.missing", en: "missing", ja: "見つかりません" },
  { id: "status.run-init", en: "(run taskgate init)", ja: "（taskgate init を実行してください）" },
  { id: "status.run-check", en: ": run taskgate check", ja: ": taskgate check を実行してください" },
  { id: "status.expired-ago", en: "expired {age} ago", ja: "{age} 前に期限切れ" },
  { id: "show.ago", en: "({age} ago)", ja: "（{age} 前）" },
  { id: "status.errors-warnings", en: "{n} errors, {m} warnings", ja: "エラー {n} 件、警告 {m} 件" },
  { id: "status.error-warnings", en: "1 error, {m} warnings", ja: "エラー 1 件、警告 {m} 件" },
  { id: "status.errors-warning", en: "{n} errors, 1 warning", ja: "エラー {n} 件、警告 1 件" },
  { id: "status.error-warning", en: "1 error, 1 warning", ja: "エラー 1 件、警告 1 件" },
  { id: "status.board", en: "Board: {where}", ja: "ボード: {where}" },
  { id: "status.phases", en: "Phases:", ja: "フェーズ:" },
  { id: "board.left", en: "{age} left", ja: "残り {age}" },
  { id: "board.expired", en: "expired", ja: "期限切れ" },
  { id: "board.blocked", en: "blocked: {why}", ja: "ブロック中: {why}" },

  // ── errors people meet first ──
  { id: "error.no-task", en: "There is no task {id} in {file}", ja: "{file} にタスク {id} はありません" },
  {
    id: "error.no-roles",
    en: 'Actor "{name}" has no roles; add a line "- {name}: {role}" under "## Roles" in {file}, or act as someone listed there with --as NAME',
    ja: "アクター「{name}」にはロールがありません。{file} の「## Roles」の下に「- {name}: {role}」の行を加えるか、そこに載っている人として --as NAME で操作してください",
  },
  {
    id: "error.role",
    en: "{actor} ({roles}) may not {action}; that takes the {role} role",
    ja: "{actor}（{roles}）は {action} できません。{role} ロールが必要です",
  },
  {
    id: "error.state",
    en: "{id} is {state}; {action} needs it {to}",
    ja: "{id} は {state} です。{action} には {to} である必要があります",
  },
  {
    id: "error.leased",
    en: "{id} is leased to {holder} until {until} (token {token})",
    ja: "{id} は {until} まで {holder} がリースしています（トークン {token}）",
  },
  {
    id: "error.locked",
    en: "{file} is locked by {who+} (lock {lock}); try again in a moment, or remove the lock if that process is not taskgate",
    ja: "{file} は {who+} がロックしています（ロック {lock}）。少し待って再実行するか、そのプロセスが taskgate でなければロックを削除してください",
  },
  {
    id: "error.locked.remote",
    en: "process {pid} on {host} (another host or container)",
    ja: "{host}（別のホストまたはコンテナー）のプロセス {pid}",
  },
  {
    id: "error.locked.self",
    en: "process {pid} on {host} (this process)",
    ja: "このプロセス（{host} のプロセス {pid}）",
  },
  { id: "error.locked.process", en: "process {pid} on {host}", ja: "{host} のプロセス {pid}" },
  { id: "error.locked.another", en: "another taskgate process", ja: "別の taskgate プロセス" },
  {
    id: "error.nobody",
    en: 'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"',
    ja: "操作するアクターがいません: --as NAME を渡すか、TASKGATE_ACTOR を設定するか、git config user.email を「## Roles」に載っている名前にしてください",
  },
  {
    id: "error.unknown-state",
    en: 'Unknown state "{name}"; expected {states}',
    ja: "不明な状態「{name}」。{states} のいずれかを指定してください",
  },
  { id: "error.waits", en: "{id} waits for {ids} to be DONE", ja: "{id} は {ids} が DONE になるのを待っています" },
  {
    id: "error.invalid-ledger",
    en: "{file} has {n} errors; fix them first (nothing was written):",
    ja: "{file} にエラーが {n} 件あります。先に直してください（何も書き込んでいません）:",
  },
  {
    id: "error.invalid-ledger.one",
    en: "{file} has 1 error; fix it first (nothing was written):",
    ja: "{file} にエラーが 1 件あります。先に直してください（何も書き込んでいません）:",
  },

  // ── the HTML report's labels ──
  { id: "report.title", en: "taskgate report", ja: "taskgate レポート" },
  { id: "report.board", en: "Board", ja: "ボード" },
  { id: "report.measures", en: "Measures", ja: "指標" },
  { id: "report.charts", en: "Charts", ja: "グラフ" },
  { id: "report.goals", en: "Goals", ja: "目標" },
  { id: "report.goal", en: "goal", ja: "目標" },
  { id: "report.actual", en: "actual", ja: "実績" },
  { id: "report.met", en: "met", ja: "達成" },
  { id: "report.missed", en: "missed", ja: "未達" },
  { id: "report.no-data", en: "no data", ja: "データなし" },
  { id: "report.median", en: "median", ja: "中央値" },
  { id: "report.count", en: "count", ja: "件数" },
  { id: "report.done", en: "Done", ja: "完了" },
  { id: "report.automation-rate", en: "Automation rate", ja: "自動化率" },
  { id: "report.recovery-rate", en: "Auto-recovery rate", ja: "自動回復率" },
  { id: "report.wait-change", en: "Approval wait change", ja: "承認待ち時間の変化" },
  { id: "report.wait-all", en: "Approval wait, all", ja: "承認待ち時間（全体）" },
  { id: "report.wait-automatic", en: "Approval wait, automatic", ja: "承認待ち時間（自動）" },
  { id: "report.wait-manual", en: "Approval wait, manual", ja: "承認待ち時間（手動）" },
  { id: "report.wait-previous", en: "Approval wait, previous period", ja: "承認待ち時間（前の期間）" },
  { id: "report.recover", en: "Time to recover", ja: "回復までの時間" },
  { id: "report.lead", en: "Lead time", ja: "リードタイム" },
  { id: "report.cycle", en: "Cycle time", ja: "サイクルタイム" },
  { id: "report.open-age", en: "Open work age", ja: "未完了の作業の経過時間" },
  { id: "report.throughput", en: "Throughput", ja: "スループット" },
  { id: "report.approval-wait", en: "Approval wait", ja: "承認待ち時間" },
  { id: "report.automation-time", en: "Automation over time", ja: "自動化の推移" },
  { id: "report.phases", en: "Phases and forecasts", ja: "フェーズと予測" },
  { id: "report.due", en: "due", ja: "期限" },
  { id: "report.progress", en: "progress", ja: "進捗" },
  { id: "report.what-blocks", en: "what blocks it", ja: "妨げているもの" },
  { id: "report.forecast", en: "forecast", ja: "予測" },
  { id: "report.whole-board", en: "whole board", ja: "ボード全体" },
  { id: "report.no-changes", en: "no state changes in this period", ja: "この期間に状態の変化はありません" },
  {
    id: "report.changes",
    en: "{n} of {m} state changes and decisions",
    ja: "状態の変化と判定 {m} 件のうち {n} 件",
  },
  {
    id: "report.failures",
    en: "{n} of {m} failures ({k} expired leases, {count} failed runs)",
    ja: "失敗 {m} 件のうち {n} 件（期限切れのリース {k} 件、失敗した実行 {count} 件）",
  },
  { id: "report.per-day", en: "{num} a day; blocked now: {n}", ja: "1 日 {num} 件。現在ブロック中: {n}" },
  { id: "report.lease", en: "{who} · {age} left", ja: "{who} · 残り {age}" },
  { id: "report.lease-expired", en: "{who} · expired", ja: "{who} · 期限切れ" },
  { id: "report.more", en: "and {n} more", ja: "ほか {n} 件" },
  { id: "report.phase-done", en: "{n} of {m} done", ja: "{m} 件中 {n} 件完了" },
  { id: "report.not-done", en: "{n} not done", ja: "未完了 {n} 件" },
  // ── wave two: health, hooks, paths and worktrees, uninstall, metrics by steps ──
  {
    id: "help.wave2.take-taskgate-check-staged-out-of-the-pr",
    en: "take `taskgate check --staged` out of the pre-commit hook (the hook's own commands are kept)",
    ja: "pre-commit フックから `taskgate check --staged` を取り除く（フック自身のコマンドは残す）",
  },
  {
    id: "help.wave2.remove-the-merge-taskgate-lines-from-git",
    en: "remove the merge=taskgate lines from .gitattributes and merge.taskgate from this clone's git config",
    ja: ".gitattributes の merge=taskgate の行と、このクローンの git 設定の merge.taskgate を取り除く",
  },
  {
    id: "help.wave2.problems-ledger-errors-a-broken-hash-cha",
    en: "Problems: ledger errors (a broken hash chain among them), leases expired and not recovered, dead\nletters, approvals past the policy's approval-sla or stale, the pre-commit hook or the merge\ndriver configured but missing, a schedule's run overdue by more than 15 minutes.\n\nExit codes of health: 0 no problem; 6 a problem stands; 3 a ledger has errors (with or\nwithout others); 1 no board here; 2 usage.",
    ja: "問題: 台帳のエラー（壊れたハッシュチェーンを含む）、期限が切れて回復されていないリース、デッド\nレター、ポリシーの approval-sla を過ぎた承認や古くなった承認、設定されているのに見つからない\npre-commit フックやマージドライバー、15 分を超えて遅れている予定の実行。\n\nhealth の終了コード: 0 問題なし。6 問題がある。3 台帳にエラーがある（他の問題の有無に\nかかわらず）。1 ここにボードがない。2 使い方の誤り。",
  },
  {
    id: "help.wave2.every-standing-problem-of-the-board-one",
    en: "every standing problem of the board, one a line; exit 0 only when there is none",
    ja: "ボードに今ある問題を 1 行に 1 つずつ表示。問題がないときだけ終了コード 0",
  },
  {
    id: "help.wave2.event-hooks-from-tasks-md-s-hooks-list-t",
    en: "event hooks from TASKS.md's ## Hooks: list them, trust them on this machine, deliver now",
    ja: "TASKS.md の ## Hooks のイベントフック: 一覧、このマシンでの信頼、今すぐ配信",
  },
  {
    id: "help.wave2.each-hook-whether-it-runs-on-this-machin",
    en: "each hook, whether it runs on this machine, its failure and how many events wait",
    ja: "各フック、このマシンで動くか、その失敗、待っているイベントの数",
  },
  {
    id: "help.wave2.run-the-board-s-hooks-on-this-machine-ea",
    en: "run the board's hooks on this machine (each new one hears the events from now on)",
    ja: "ボードのフックをこのマシンで動かす（新しいフックはこれ以降のイベントを受け取る）",
  },
  { id: "help.wave2.print-only-failures", en: "print only failures", ja: "失敗だけを表示" },
  {
    id: "help.wave2.only-hooks-whose-next-try-is-due-a-faili",
    en: "only hooks whose next try is due (a failing hook waits out its backoff)",
    ja: "次の試行の時刻が来たフックだけ（失敗中のフックはバックオフを待つ）",
  },
  {
    id: "help.wave2.deliver-the-events-the-trusted-hooks-hav",
    en: "deliver the events the trusted hooks have not had yet, now (watch does it with backoff)",
    ja: "信頼されたフックにまだ届いていないイベントを今すぐ配信（watch はバックオフ付きで配信する）",
  },
  {
    id: "help.wave2.start-of-the-period-a-date-2026-11-01-it",
    en: "start of the period: a date (2026-11-01: its midnight in the policy's time-zone, else UTC), a UTC time, or an age (30d); default 30d before --until",
    ja: "期間の始まり: 日付（2026-11-01: ポリシーの time-zone、なければ UTC でのその日の 0 時）、UTC の時刻、または経過時間（30d）。既定は --until の 30 日前",
  },
  {
    id: "help.wave2.write-the-prometheus-text-format-node-ex",
    en: "write the Prometheus text format (node_exporter's textfile collector) atomically, and print nothing (with --json, the document too)",
    ja: "Prometheus のテキスト形式（node_exporter の textfile collector 用）をアトミックに書き、何も表示しない（--json のときは文書も書く）",
  },
  {
    id: "help.wave2.automation-by-steps-of-work-who-took-the",
    en: "automation by steps of work (who took them), approval wait, recovery, work done twice and flow, per day in the policy's time zone, from the logs",
    ja: "作業の手順ごとの自動化（誰が行ったか）、承認待ち、回復、二重に行われた作業、フローを、ポリシーのタイムゾーンの日ごとにログから集計",
  },
  {
    id: "help.wave2.done-tasks-shown-the-most-recent-the-res",
    en: "DONE tasks shown: the most recent, the rest counted (default 10)",
    ja: "表示する DONE のタスク数: 最近のものを表示し、残りは件数だけ（既定 10）",
  },
  {
    id: "help.wave2.one-versioned-taskgate-event-document-pe",
    en: "one versioned taskgate.event document per event and line",
    ja: "イベントごとに 1 行、バージョン付きの taskgate.event 文書",
  },
  {
    id: "help.wave2.with-worktree-the-commit-a-new-task-bran",
    en: "with --worktree: the commit a new task branch starts from (default: HEAD)",
    ja: "--worktree と共に: 新しいタスクブランチの起点のコミット（既定: HEAD）",
  },
  {
    id: "help.wave2.run-in-the-task-s-own-git-worktree-branc",
    en: "run in the task's own git worktree (branch task/<ID>-<title>), made if it has none",
    ja: "タスク専用の git worktree（ブランチ task/<ID>-<title>）で実行する。なければ作る",
  },
  {
    id: "help.wave2.the-program-gets-taskgate-task-id-taskga",
    en: "The program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS.\n\nExit codes of run (taskgate's, never the program's; the program's own is in the last line and\nin --json's exitCode): 0 the program exited 0 and the task was submitted (or released, or\naccepted with --on-success); 6 the program failed, was killed or could not be started, or run\nwas interrupted (the task went back to READY, or was blocked as a dead letter); 1 the lease was\nlost and the program stopped, or the task could not be claimed; 2, 3, 4, 74 as every command.",
    ja: "プログラムには TASKGATE_TASK_ID、TASKGATE_TASK_TITLE、TASKGATE_TASK_FILE（タスクの Markdown）、\nTASKGATE_LEASE_TOKEN、TASKGATE_TASKS、TASKGATE_APPROVALS が渡される。\n\nrun の終了コード（taskgate のもので、プログラムのものではない。プログラム自身のコードは最後の行と\n--json の exitCode にある）: 0 プログラムが 0 で終わり、タスクが提出された（または解放、\n--on-success で受理された）。6 プログラムが失敗した、止められた、起動できなかった、または run\nが中断された（タスクは READY に戻るか、デッドレターとしてブロックされた）。1 リースを失い\nプログラムを止めた、またはタスクを取得できなかった。2、3、4、74 は他のコマンドと同じ。",
  },
  {
    id: "help.wave2.exit-codes-of-watch-once-0-nothing-wrong",
    en: "Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);\n3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task\nblocked as a dead letter, a scheduled check failed, a stale lock, a failing hook, or any standing problem\ntaskgate health finds after the tick: an approval past its SLA or stale, an expired lease not\nrecovered, a hook or merge driver missing, a schedule overdue); 1 a step was refused (for\nexample no automation actor with the role it needs). A long-running watch ends\nwith 0 on SIGINT or SIGTERM, after the tick in progress.",
    ja: "watch --once の終了コード: 0 問題なし（回復や定期実行は問題ではない）。\n3 台帳または予定が不正。4 台帳がロックされたままだった。6 問題を見つけた（デッドレターとして\nブロックされたタスク、失敗した定期チェック、古いロック、失敗しているフック、またはティックの後に\ntaskgate health が見つける問題: SLA を過ぎた承認や古くなった承認、回復されていない期限切れの\nリース、見つからないフックやマージドライバー、遅れている予定）。1 手順が拒否された\n（例: 必要なロールを持つ自動化アクターがいない）。長く動く watch は SIGINT や SIGTERM で、\n処理中のティックの後に 0 で終わる。",
  },
  {
    id: "help.wave2.print-the-schtasks-delete-command",
    en: "print the schtasks /Delete command",
    ja: "schtasks /Delete コマンドを表示",
  },
  {
    id: "help.wave2.the-systemd-user-service-and-timer",
    en: "the systemd user service and timer",
    ja: "systemd のユーザーサービスとタイマー",
  },
  {
    id: "help.wave2.the-line-in-the-user-s-crontab",
    en: "the line in the user's crontab",
    ja: "ユーザーの crontab の行",
  },
  {
    id: "help.wave2.remove-what-schedule-install-write-insta",
    en: "remove what schedule install --write installed: this repository's crontab line or systemd user units (prints the schtasks command on Windows)",
    ja: "schedule install --write が入れたものを取り除く: このリポジトリの crontab の行、または systemd のユーザーユニット（Windows では schtasks コマンドを表示）",
  },
  {
    id: "help.wave2.claim-it-though-its-paths-overlap-a-doin",
    en: "claim it though its paths overlap a DOING task's (logged)",
    ja: "paths が DOING のタスクと重なっていても取得する（ログに残る）",
  },
  {
    id: "help.wave2.make-a-git-worktree-on-branch-task-id-ti",
    en: "make a git worktree on branch task/<ID>-<title> for it and print its path",
    ja: "ブランチ task/<ID>-<title> の git worktree を作り、そのパスを表示",
  },
  {
    id: "help.wave2.with-worktree-the-commit-the-task-s-bran",
    en: "with --worktree: the commit the task's branch starts from (default: HEAD)",
    ja: "--worktree と共に: タスクのブランチの起点のコミット（既定: HEAD）",
  },
  {
    id: "help.wave2.also-remove-the-task-s-worktree-only-whe",
    en: "also remove the task's worktree (only when it has no uncommitted work)",
    ja: "タスクの worktree も取り除く（コミットされていない作業がないときだけ）",
  },
  {
    id: "help.wave2.keep-the-task-s-worktree-by-default-a-cl",
    en: "keep the task's worktree (by default a clean one is removed)",
    ja: "タスクの worktree を残す（既定では変更のない worktree は取り除かれる）",
  },
];
