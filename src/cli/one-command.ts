// Start-up: commander builds every command with its options before it parses, and a run
// needs only the one its arguments name. OneCommandProgram registers just that top-level
// command (with the program's own options, which are set on the program itself); every other
// `.command()` gets an inert stand-in that accepts the same chained calls and does nothing.
// When the arguments name no command (help, --version, an unknown word, an option commander
// must judge), main builds the whole program instead, so help and errors read the same.

import { Command } from "commander";

/** The program's options that take a value: the word after them is not a command. */
const VALUE_OPTIONS = ["--dir", "--tasks", "--approvals", "--as"];

/** The command the arguments run, when that is plain to see; undefined when commander must judge. */
export function commandNamed(argv: readonly string[]): string | undefined {
  if (argv.includes("--help") || argv.includes("-h")) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (VALUE_OPTIONS.includes(a)) {
      i++;
      continue;
    }
    if (a === "--no-color" || a === "--utc" || VALUE_OPTIONS.includes(a.slice(0, a.indexOf("=")))) continue;
    if (a.startsWith("-") || a === "help") return undefined;
    return a;
  }
  return undefined;
}

/** Answers every call, property and chained method alike, with itself. */
const inert: Command = new Proxy(() => undefined, {
  get: () => () => inert,
  apply: () => inert,
}) as unknown as Command;

export class OneCommandProgram extends Command {
  /** Whether the named command was registered; if not, build the whole program. */
  found = false;

  constructor(private readonly wanted: string) {
    super();
  }

  // biome-ignore lint/suspicious/noExplicitAny: commander's overloads of command()
  override command(nameAndArgs: string, ...rest: any[]): any {
    const name = nameAndArgs.trim().split(/ +/)[0];
    if (name !== this.wanted) return inert;
    this.found = true;
    return (super.command as (...args: unknown[]) => unknown)(nameAndArgs, ...rest);
  }
}
