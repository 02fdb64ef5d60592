// The command template of `work --exec`: split into words once like a shell would, with no
// expansion; {id} and {title} replaced inside words, so a title never becomes shell text.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantiate, parseTemplate } from "../../src/rules/command-template.js";

const words = (t: string) => {
  const p = parseTemplate(t);
  if (!p.ok) throw new Error(p.message);
  return p.words;
};

describe("command templates", () => {
  it.each([
    ["npm test", ["npm", "test"]],
    ["  npm   run  build ", ["npm", "run", "build"]],
    [`node -e 'console.log("a b")' {id}`, ["node", "-e", 'console.log("a b")', "{id}"]],
    [`echo "it's {title}" x\\ y`, ["echo", "it's {title}", "x y"]],
    [`printf "%s\\"\\n" ''`, ["printf", '%s"\\n', ""]],
    ["echo $(rm -rf /) `id` $HOME *", ["echo", "$(rm", "-rf", "/)", "`id`", "$HOME", "*"]],
  ])("%s", (template, expected) => {
    expect(words(template)).toEqual(expected);
  });

  it("refuses an unclosed quote and an empty command", () => {
    expect(parseTemplate("echo 'oops")).toEqual({ ok: false, message: `The command "echo 'oops" has an unclosed '` });
    expect(parseTemplate("   ")).toMatchObject({ ok: false });
  });

  it("puts {id}, {title} and {file} inside their word: any title is exactly one argument's text", () => {
    const template = words("run --task={id} {title} --title {title} --file={file}");
    fc.assert(
      fc.property(fc.string(), (title) => {
        const argv = instantiate(template, { id: "T-7", title, file: "/runs/T-7 $(x).md" });
        expect(argv).toEqual(["run", "--task=T-7", title, "--title", title, "--file=/runs/T-7 $(x).md"]);
      }),
    );
  });
});
