"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
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

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// lazy-builtin:node:child_process
var require_node_child_process = __commonJS({
  "lazy-builtin:node:child_process"(exports2, module2) {
    "use strict";
    var m;
    var load2 = () => m ??= require("node:child_process");
    module2.exports = {
      get ChildProcess() {
        return load2().ChildProcess;
      },
      get _forkChild() {
        return load2()._forkChild;
      },
      get exec() {
        return load2().exec;
      },
      get execFile() {
        return load2().execFile;
      },
      get execFileSync() {
        return load2().execFileSync;
      },
      get execSync() {
        return load2().execSync;
      },
      get fork() {
        return load2().fork;
      },
      get spawn() {
        return load2().spawn;
      },
      get spawnSync() {
        return load2().spawnSync;
      }
    };
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group2 = getGroup(item);
          if (!result.has(group2)) result.set(group2, []);
        });
        visibleItems.forEach((item) => {
          const group2 = getGroup(item);
          if (!result.has(group2)) {
            result.set(group2, []);
          }
          result.get(group2).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output2 = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output2 = output2.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output2 = output2.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group2) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(this.formatItemList(group2, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group2) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output2 = output2.concat(this.formatItemList(group2, commandList, helper));
        });
        return output2.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str2) {
        return stripColor(str2).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str2) {
        return str2;
      }
      styleUsage(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleOptionDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleSubcommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleArgumentDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleDescriptionText(str2) {
        return str2;
      }
      styleOptionTerm(str2) {
        return this.styleOptionText(str2);
      }
      styleSubcommandTerm(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str2) {
        return this.styleArgumentText(str2);
      }
      styleOptionText(str2) {
        return str2;
      }
      styleArgumentText(str2) {
        return str2;
      }
      styleSubcommandText(str2) {
        return str2;
      }
      styleCommandText(str2) {
        return str2;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str2) {
        return /\n[^\S\r\n]/.test(str2);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str2, width) {
        if (width < this.minWidthToWrap) return str2;
        const rawLines = str2.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line2) => {
          const chunks = line2.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str2) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str2.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str2) {
      return str2.split("-").reduce((str3, word) => {
        return str3 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = require_node_child_process();
    var path = require("node:path");
    var fs = require("node:fs");
    var process3 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str2) => process3.stdout.write(str2),
          writeErr: (str2) => process3.stderr.write(str2),
          outputError: (str2, write) => write(str2),
          getOutHelpWidth: () => process3.stdout.isTTY ? process3.stdout.columns : void 0,
          getErrHelpWidth: () => process3.stderr.isTTY ? process3.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process3.stdout.isTTY && process3.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process3.stderr.isTTY && process3.stderr.hasColors?.()),
          stripColor: (str2) => stripColor(str2)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail2) => {
          this.argument(detail2);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process3.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process3.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process3.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process3.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process3.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process3.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process3.execArgv).concat(args);
            proc = childProcess.spawn(process3.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process3.execArgv).concat(args);
          proc = childProcess.spawn(process3.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process3.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process3.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process3.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process3.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process3.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str2, flags, description) {
        if (str2 === void 0) return this._version;
        this._version = str2;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str2}
`);
          this._exit(0, "commander.version", str2);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str2, argsDescription) {
        if (str2 === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str2;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str2) {
        if (str2 === void 0) return this._summary;
        this._summary = str2;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str2) {
        if (str2 === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str2;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str2) {
        if (str2 === void 0) return this._name;
        this._name = str2;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str2) => this._outputConfiguration.writeErr(str2);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str2) => this._outputConfiguration.writeOut(str2);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process3.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process3.env.NO_COLOR || process3.env.FORCE_COLOR === "0" || process3.env.FORCE_COLOR === "false")
        return false;
      if (process3.env.FORCE_COLOR || process3.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// src/app/errors.ts
var errors_exports = {};
__export(errors_exports, {
  BusyError: () => BusyError,
  EXIT: () => EXIT,
  InvalidLedgerError: () => InvalidLedgerError,
  MachineFaultError: () => MachineFaultError,
  MissingLedgerError: () => MissingLedgerError,
  RefusedError: () => RefusedError,
  TaskgateError: () => TaskgateError,
  UnreachableError: () => UnreachableError,
  UsageError: () => UsageError
});
var EXIT, TaskgateError, RefusedError, MissingLedgerError, UsageError, InvalidLedgerError, BusyError, MachineFaultError, UnreachableError;
var init_errors = __esm({
  "src/app/errors.ts"() {
    "use strict";
    EXIT = {
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
    TaskgateError = class extends Error {
      constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.name = new.target.name;
      }
      exitCode;
    };
    RefusedError = class extends TaskgateError {
      constructor(message) {
        super(message, EXIT.refused);
      }
    };
    MissingLedgerError = class extends RefusedError {
      constructor(message, file) {
        super(message);
        this.file = file;
      }
      file;
    };
    UsageError = class extends TaskgateError {
      constructor(message) {
        super(message, EXIT.usage);
      }
    };
    InvalidLedgerError = class extends TaskgateError {
      constructor(message, diagnostics) {
        super(message, EXIT.invalid);
        this.diagnostics = diagnostics;
      }
      diagnostics;
    };
    BusyError = class extends TaskgateError {
      constructor(message) {
        super(message, EXIT.busy);
      }
    };
    MachineFaultError = class extends TaskgateError {
      constructor(message, path, code) {
        super(message, EXIT.machine);
        this.path = path;
        this.code = code;
      }
      path;
      code;
    };
    UnreachableError = class extends TaskgateError {
      constructor(message) {
        super(message, EXIT.unreachable);
      }
    };
  }
});

// src/io/faults.ts
function isMachineFault(e, ownFolder = false) {
  const code = e?.code;
  return typeof code === "string" && (ALWAYS.has(code) || ownFolder && (code === "EEXIST" || code === "ENOTDIR"));
}
function machineFault(e, path, changed = "nothing was changed") {
  const code = e.code;
  const where2 = path ?? e.path ?? e.dest ?? "(unknown path)";
  const c = CAUSES[code] ?? { cause: e.message, todo: "fix it and run the command again" };
  return new MachineFaultError(`${where2}: ${c.cause} (${code}); ${changed}; ${c.todo}`, where2, code);
}
function asMachineFault(path, ownFolder, f) {
  try {
    return f();
  } catch (e) {
    if (isMachineFault(e, ownFolder)) throw machineFault(e, path ?? e.path);
    throw e;
  }
}
var CAUSES, ALWAYS;
var init_faults = __esm({
  "src/io/faults.ts"() {
    "use strict";
    init_errors();
    CAUSES = {
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
    ALWAYS = /* @__PURE__ */ new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EMFILE", "ENFILE"]);
  }
});

// src/io/git.ts
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
function gitIsMergingFile(gitDir, file) {
  const markers = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD"];
  if (!markers.some((m) => (0, import_node_fs.existsSync)((0, import_node_path.join)(gitDir, m)))) return false;
  try {
    const out = (0, import_node_child_process.execFileSync)("git", ["ls-files", "-u", "--", file], {
      cwd: (0, import_node_path.dirname)(file),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    });
    return out.trim() !== "";
  } catch {
    return true;
  }
}
function gitConfig(cwd, key) {
  try {
    const out = (0, import_node_child_process.execFileSync)("git", ["config", "--get", key], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"]
    }).trim();
    return out || void 0;
  } catch {
    return void 0;
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
function gitBlobs(cwd, specs) {
  const out = (0, import_node_child_process.execFileSync)("git", ["cat-file", "--batch"], {
    cwd,
    input: `${specs.join("\n")}
`,
    maxBuffer: 1 << 30,
    stdio: ["pipe", "pipe", "pipe"]
  });
  const blobs = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      blobs.push(void 0);
      continue;
    }
    const size = Number(m[2]);
    blobs.push(m[1] === "blob" ? out.subarray(pos, pos + size) : void 0);
    pos += size + 1;
  }
  return blobs;
}
function git(cwd, args) {
  try {
    return (0, import_node_child_process.execFileSync)("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  } catch (e) {
    const stderr = e.stderr?.trim();
    throw new Error(stderr || e.message);
  }
}
function gitMergeHead(top) {
  try {
    return git(top, ["rev-parse", "-q", "--verify", "MERGE_HEAD"]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function gitAuthor(top) {
  const email = process.env.GIT_AUTHOR_EMAIL;
  if (email) return { name: process.env.GIT_AUTHOR_NAME ?? "", email };
  try {
    const ident = git(top, ["var", "GIT_AUTHOR_IDENT"]).trim();
    const m = /^(.*?)\s*<([^>]*)>/.exec(ident);
    return m ? { name: m[1], email: m[2] } : void 0;
  } catch {
    return void 0;
  }
}
function gitIdentity(cwd) {
  const ident = gitAuthor(cwd);
  const name = ident?.name || ident?.email || "taskgate";
  return { name, email: ident?.email || `${name}@taskgate` };
}
function gitSignatures(top, shas, allowedSigners2) {
  const out = /* @__PURE__ */ new Map();
  if (shas.length === 0) return out;
  const dir = (0, import_node_fs.mkdtempSync)((0, import_node_path.join)((0, import_node_os.tmpdir)(), "taskgate-signers-"));
  try {
    const file = (0, import_node_path.join)(dir, "allowed_signers");
    (0, import_node_fs.writeFileSync)(file, allowedSigners2, { mode: 384 });
    const text = (0, import_node_child_process.execFileSync)(
      "git",
      [
        "-c",
        `gpg.ssh.allowedSignersFile=${file}`,
        "log",
        "--no-walk=unsorted",
        "--stdin",
        "--format=%H%x09%G?%x09%GS%x09%GF"
      ],
      {
        cwd: top,
        input: `${shas.join("\n")}
`,
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
        maxBuffer: 1 << 30
      }
    );
    for (const line2 of text.split("\n")) {
      const [sha, status = "N", signer = "", key = ""] = line2.split("	");
      if (sha) out.set(sha, { status, signer, key });
    }
  } finally {
    (0, import_node_fs.rmSync)(dir, { recursive: true, force: true });
  }
  return out;
}
var import_node_child_process, import_node_fs, import_node_os, import_node_path;
var init_git = __esm({
  "src/io/git.ts"() {
    "use strict";
    import_node_child_process = __toESM(require_node_child_process(), 1);
    import_node_fs = require("node:fs");
    import_node_os = require("node:os");
    import_node_path = require("node:path");
  }
});

// lazy-builtin:node:crypto
var require_node_crypto = __commonJS({
  "lazy-builtin:node:crypto"(exports2, module2) {
    "use strict";
    var m;
    var load2 = () => m ??= require("node:crypto");
    module2.exports = {
      get Certificate() {
        return load2().Certificate;
      },
      get Cipher() {
        return load2().Cipher;
      },
      get Cipheriv() {
        return load2().Cipheriv;
      },
      get Decipher() {
        return load2().Decipher;
      },
      get Decipheriv() {
        return load2().Decipheriv;
      },
      get DiffieHellman() {
        return load2().DiffieHellman;
      },
      get DiffieHellmanGroup() {
        return load2().DiffieHellmanGroup;
      },
      get ECDH() {
        return load2().ECDH;
      },
      get Hash() {
        return load2().Hash;
      },
      get Hmac() {
        return load2().Hmac;
      },
      get KeyObject() {
        return load2().KeyObject;
      },
      get Sign() {
        return load2().Sign;
      },
      get Verify() {
        return load2().Verify;
      },
      get X509Certificate() {
        return load2().X509Certificate;
      },
      get checkPrime() {
        return load2().checkPrime;
      },
      get checkPrimeSync() {
        return load2().checkPrimeSync;
      },
      get constants() {
        return load2().constants;
      },
      get createCipheriv() {
        return load2().createCipheriv;
      },
      get createDecipheriv() {
        return load2().createDecipheriv;
      },
      get createDiffieHellman() {
        return load2().createDiffieHellman;
      },
      get createDiffieHellmanGroup() {
        return load2().createDiffieHellmanGroup;
      },
      get createECDH() {
        return load2().createECDH;
      },
      get createHash() {
        return load2().createHash;
      },
      get createHmac() {
        return load2().createHmac;
      },
      get createPrivateKey() {
        return load2().createPrivateKey;
      },
      get createPublicKey() {
        return load2().createPublicKey;
      },
      get createSecretKey() {
        return load2().createSecretKey;
      },
      get createSign() {
        return load2().createSign;
      },
      get createVerify() {
        return load2().createVerify;
      },
      get diffieHellman() {
        return load2().diffieHellman;
      },
      get generateKey() {
        return load2().generateKey;
      },
      get generateKeyPair() {
        return load2().generateKeyPair;
      },
      get generateKeyPairSync() {
        return load2().generateKeyPairSync;
      },
      get generateKeySync() {
        return load2().generateKeySync;
      },
      get generatePrime() {
        return load2().generatePrime;
      },
      get generatePrimeSync() {
        return load2().generatePrimeSync;
      },
      get getCipherInfo() {
        return load2().getCipherInfo;
      },
      get getCiphers() {
        return load2().getCiphers;
      },
      get getCurves() {
        return load2().getCurves;
      },
      get getDiffieHellman() {
        return load2().getDiffieHellman;
      },
      get getFips() {
        return load2().getFips;
      },
      get getHashes() {
        return load2().getHashes;
      },
      get getRandomValues() {
        return load2().getRandomValues;
      },
      get hash() {
        return load2().hash;
      },
      get hkdf() {
        return load2().hkdf;
      },
      get hkdfSync() {
        return load2().hkdfSync;
      },
      get pbkdf2() {
        return load2().pbkdf2;
      },
      get pbkdf2Sync() {
        return load2().pbkdf2Sync;
      },
      get privateDecrypt() {
        return load2().privateDecrypt;
      },
      get privateEncrypt() {
        return load2().privateEncrypt;
      },
      get publicDecrypt() {
        return load2().publicDecrypt;
      },
      get publicEncrypt() {
        return load2().publicEncrypt;
      },
      get randomBytes() {
        return load2().randomBytes;
      },
      get randomFill() {
        return load2().randomFill;
      },
      get randomFillSync() {
        return load2().randomFillSync;
      },
      get randomInt() {
        return load2().randomInt;
      },
      get randomUUID() {
        return load2().randomUUID;
      },
      get scrypt() {
        return load2().scrypt;
      },
      get scryptSync() {
        return load2().scryptSync;
      },
      get secureHeapUsed() {
        return load2().secureHeapUsed;
      },
      get setEngine() {
        return load2().setEngine;
      },
      get setFips() {
        return load2().setFips;
      },
      get sign() {
        return load2().sign;
      },
      get subtle() {
        return load2().subtle;
      },
      get timingSafeEqual() {
        return load2().timingSafeEqual;
      },
      get verify() {
        return load2().verify;
      },
      get webcrypto() {
        return load2().webcrypto;
      }
    };
  }
});

// lazy-builtin:node:zlib
var require_node_zlib = __commonJS({
  "lazy-builtin:node:zlib"(exports2, module2) {
    "use strict";
    var m;
    var load2 = () => m ??= require("node:zlib");
    module2.exports = {
      get BrotliCompress() {
        return load2().BrotliCompress;
      },
      get BrotliDecompress() {
        return load2().BrotliDecompress;
      },
      get Deflate() {
        return load2().Deflate;
      },
      get DeflateRaw() {
        return load2().DeflateRaw;
      },
      get Gunzip() {
        return load2().Gunzip;
      },
      get Gzip() {
        return load2().Gzip;
      },
      get Inflate() {
        return load2().Inflate;
      },
      get InflateRaw() {
        return load2().InflateRaw;
      },
      get Unzip() {
        return load2().Unzip;
      },
      get brotliCompress() {
        return load2().brotliCompress;
      },
      get brotliCompressSync() {
        return load2().brotliCompressSync;
      },
      get brotliDecompress() {
        return load2().brotliDecompress;
      },
      get brotliDecompressSync() {
        return load2().brotliDecompressSync;
      },
      get codes() {
        return load2().codes;
      },
      get constants() {
        return load2().constants;
      },
      get crc32() {
        return load2().crc32;
      },
      get createBrotliCompress() {
        return load2().createBrotliCompress;
      },
      get createBrotliDecompress() {
        return load2().createBrotliDecompress;
      },
      get createDeflate() {
        return load2().createDeflate;
      },
      get createDeflateRaw() {
        return load2().createDeflateRaw;
      },
      get createGunzip() {
        return load2().createGunzip;
      },
      get createGzip() {
        return load2().createGzip;
      },
      get createInflate() {
        return load2().createInflate;
      },
      get createInflateRaw() {
        return load2().createInflateRaw;
      },
      get createUnzip() {
        return load2().createUnzip;
      },
      get deflate() {
        return load2().deflate;
      },
      get deflateRaw() {
        return load2().deflateRaw;
      },
      get deflateRawSync() {
        return load2().deflateRawSync;
      },
      get deflateSync() {
        return load2().deflateSync;
      },
      get gunzip() {
        return load2().gunzip;
      },
      get gunzipSync() {
        return load2().gunzipSync;
      },
      get gzip() {
        return load2().gzip;
      },
      get gzipSync() {
        return load2().gzipSync;
      },
      get inflate() {
        return load2().inflate;
      },
      get inflateRaw() {
        return load2().inflateRaw;
      },
      get inflateRawSync() {
        return load2().inflateRawSync;
      },
      get inflateSync() {
        return load2().inflateSync;
      },
      get unzip() {
        return load2().unzip;
      },
      get unzipSync() {
        return load2().unzipSync;
      }
    };
  }
});

// src/rules/windows.ts
function schtasksSchedule(minutes) {
  if (minutes < 60) return { sc: "MINUTE", mo: minutes };
  if (minutes < 24 * 60) return { sc: "HOURLY", mo: minutes / 60 };
  return { sc: "DAILY", mo: minutes / (24 * 60) };
}
function programStart(platform) {
  return platform === "win32" ? { via: "cross-spawn", detached: false, windowsHide: true } : { via: "spawn", detached: true, windowsHide: false };
}
function stopTree(platform, pid, signal) {
  if (platform === "win32") return { kind: "command", file: "taskkill", args: ["/PID", String(pid), "/T", "/F"] };
  return { kind: "group", pid: -pid, signal };
}
function taskkillLacksTree(output2) {
  return /unknown or invalid command line option/i.test(output2);
}
function renameRetryDelay(platform, code, attempt) {
  if (platform !== "win32" || code !== "EPERM" && code !== "EACCES" && code !== "EBUSY") return void 0;
  return RENAME_RETRY_DELAYS_MS[attempt];
}
function lockKey(platform, realPath) {
  return platform === "win32" || platform === "darwin" ? realPath.toLowerCase() : realPath;
}
function lockOrder(platform, realPaths) {
  const key = (p) => lockKey(platform, p);
  return [...new Set(realPaths)].sort(
    (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0
  );
}
function parseProcessTable(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const header = (lines.shift() ?? "").toLowerCase();
  const parentAt = header.indexOf("parentprocessid");
  let ownAt = header.indexOf("processid");
  if (ownAt === parentAt + 6) ownAt = header.indexOf("processid", ownAt + 1);
  if (parentAt < 0 || ownAt < 0) return [];
  const [pidAt, ppidAt] = ownAt < parentAt ? [0, 1] : [1, 0];
  const rows = [];
  for (const line2 of lines) {
    const cells = line2.split(/\s+/).map(Number);
    const pid = cells[pidAt];
    const ppid = cells[ppidAt];
    if (Number.isInteger(pid) && Number.isInteger(ppid)) rows.push({ pid, ppid });
  }
  return rows;
}
function descendants(rows, root) {
  const found = [];
  const seen = /* @__PURE__ */ new Set([root]);
  for (let i = -1; i < found.length; i++) {
    const parent = i < 0 ? root : found[i];
    for (const r of rows) {
      if (r.ppid === parent && !seen.has(r.pid)) {
        seen.add(r.pid);
        found.push(r.pid);
      }
    }
  }
  return found;
}
var RENAME_RETRY_DELAYS_MS;
var init_windows = __esm({
  "src/rules/windows.ts"() {
    "use strict";
    RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320];
  }
});

// src/io/atomic-write.ts
function sameDevice(a, b) {
  try {
    return (0, import_node_fs3.statSync)(a).dev === (0, import_node_fs3.statSync)(b).dev;
  } catch {
    return false;
  }
}
function prepareAtomic(target, data, tempDir, suffix = ".tmp", inject) {
  let mode = 420;
  try {
    mode = (0, import_node_fs3.statSync)(target).mode & 4095;
  } catch {
  }
  const name = `${(0, import_node_path3.basename)(target)}.${process.pid}.${++counter}${suffix}`;
  const folder = (0, import_node_path3.dirname)(target);
  const tmp = tempDir && sameDevice(tempDir, folder) ? (0, import_node_path3.join)(tempDir, name) : (0, import_node_path3.join)(folder, `.${name}`);
  const fd = (0, import_node_fs3.openSync)(tmp, import_node_fs3.constants.O_WRONLY | import_node_fs3.constants.O_CREAT | import_node_fs3.constants.O_EXCL, mode);
  const discard = () => {
    try {
      unlinkRetrying(tmp);
    } catch {
    }
  };
  try {
    try {
      (0, import_node_fs3.fchmodSync)(fd, mode);
      inject?.("write", tmp);
      if (typeof data === "string") writeUtf8(fd, data);
      else writeAll(fd, data);
      (0, import_node_fs3.fsyncSync)(fd);
    } finally {
      (0, import_node_fs3.closeSync)(fd);
    }
  } catch (e) {
    discard();
    throw e;
  }
  return {
    target,
    tmp,
    discard,
    commit() {
      renameRetrying(tmp, target);
      fsyncDir(folder);
    }
  };
}
function writeAll(fd, data) {
  let off = 0;
  while (off < data.length) off += (0, import_node_fs3.writeSync)(fd, data, off, data.length - off);
}
function writeUtf8(fd, text) {
  const buffer = Buffer.allocUnsafe(3 * Math.min(PIECE, text.length));
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 55296 && last <= 56319) end--;
    writeAll(fd, buffer.subarray(0, buffer.write(text.slice(at, end), 0, "utf8")));
    at = end;
  }
}
function writeFileAtomic(target, data, tempDir, beforeRename) {
  const p = prepareAtomic(target, data, tempDir);
  try {
    beforeRename?.();
    p.commit();
  } catch (e) {
    p.discard();
    throw e;
  }
}
function renameRetrying(from, to, platform = process.platform, rename = import_node_fs3.renameSync, wait = pause) {
  retrying(to, "replacing", () => rename(from, to), platform, wait);
}
function unlinkRetrying(path, platform = process.platform, unlink = import_node_fs3.unlinkSync, wait = pause) {
  retrying(path, "removing", () => unlink(path), platform, wait);
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
function fsyncDir(dir) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(dir, import_node_fs3.constants.O_RDONLY);
    (0, import_node_fs3.fsyncSync)(fd);
  } catch {
  } finally {
    if (fd !== void 0) (0, import_node_fs3.closeSync)(fd);
  }
}
var import_node_fs3, import_node_path3, counter, PIECE, pause;
var init_atomic_write = __esm({
  "src/io/atomic-write.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_node_path3 = require("node:path");
    init_errors();
    init_windows();
    counter = 0;
    PIECE = 1 << 18;
    pause = (ms2) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms2);
  }
});

// src/io/git-ref.ts
function commonDirOf(gitDir) {
  try {
    const rel = (0, import_node_fs4.readFileSync)((0, import_node_path4.join)(gitDir, "commondir"), "utf8").trim();
    return (0, import_node_path4.resolve)(gitDir, rel);
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
    text = (0, import_node_fs4.readFileSync)((0, import_node_path4.join)(commonDir, "config"), "utf8");
  } catch {
    return void 0;
  }
  let inSection = false;
  let branch;
  let remote;
  for (const raw of text.split(/\r?\n/)) {
    const line2 = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line2);
    if (header) {
      inSection = header[1].toLowerCase() === "taskgate" && header[2] === "share";
      continue;
    }
    if (!inSection) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*?)\s*$/.exec(line2);
    if (!kv) continue;
    const value = kv[2].replace(/^"(.*)"$/, "$1");
    const key = kv[1].toLowerCase();
    if (key === "branch") branch = value;
    else if (key === "remote") remote = value || void 0;
  }
  return branch ? { branch, remote, gitDir, commonDir } : void 0;
}
function readRef(commonDir, ref) {
  try {
    const v = (0, import_node_fs4.readFileSync)((0, import_node_path4.join)(commonDir, ref), "utf8").trim();
    if (/^[0-9a-f]{40,64}$/.test(v)) return v;
    if (v.startsWith("ref: ")) return readRef(commonDir, v.slice(5));
  } catch (e) {
    if (e.code !== "ENOENT" && e.code !== "EISDIR") throw e;
  }
  try {
    const packed = (0, import_node_fs4.readFileSync)((0, import_node_path4.join)(commonDir, "packed-refs"), "utf8");
    const m = new RegExp(`^([0-9a-f]{40,64}) ${ref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m").exec(packed);
    return m ? m[1] : void 0;
  } catch {
    return void 0;
  }
}
function runGit(cwd, args, input, env2) {
  gitCalls.count++;
  const r = (0, import_node_child_process2.spawnSync)("git", args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: env2 ?? process.env,
    stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 128, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}
function gitOk(cwd, args, input, env2) {
  const r = runGit(cwd, args, input, env2);
  if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr || `exit ${r.status}`}`);
  return r.stdout.toString("utf8");
}
function readBoard(cwd, commit, names) {
  if (!commit) return { commit, entries: [], files: /* @__PURE__ */ new Map() };
  const specs = [`${commit}^{tree}`, ...names.map((n) => `${commit}:${n}`)];
  const out = runGit(cwd, ["cat-file", "--batch"], `${specs.join("\n")}
`);
  if (out.status !== 0) throw new Error(`git cat-file: ${out.stderr}`);
  const buf = out.stdout;
  let pos = 0;
  const objects = [];
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString("utf8");
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      objects.push(void 0);
      continue;
    }
    const size = Number(m[2]);
    objects.push(buf.subarray(pos, pos + size));
    pos += size + 1;
  }
  const tree = objects[0];
  if (!tree) throw new Error(`git: commit ${commit} has no tree`);
  const files = /* @__PURE__ */ new Map();
  names.forEach((n, i) => {
    const b = objects[i + 1];
    if (b) files.set(n, b);
  });
  return { commit, entries: parseTree(tree, commit.length / 2), files };
}
function parseTree(raw, idLength) {
  const entries = [];
  let pos = 0;
  while (pos < raw.length) {
    const sp = raw.indexOf(32, pos);
    const nul = sp < 0 ? -1 : raw.indexOf(0, sp);
    if (nul < 0 || nul + 1 + idLength > raw.length) throw new Error("git: a tree object that cannot be read");
    const mode = raw.subarray(pos, sp).toString("utf8");
    const name = raw.subarray(sp + 1, nul).toString("utf8");
    const oid = raw.subarray(nul + 1, nul + 1 + idLength).toString("hex");
    entries.push({ mode, type: mode === "40000" ? "tree" : mode === "160000" ? "commit" : "blob", oid, name });
    pos = nul + 1 + idLength;
  }
  return entries;
}
function writeBoardCommit(cwd, commonDir, base, files, message, ident, now) {
  const { name: author, email } = ident;
  if (!usesSha1(commonDir)) return writeBoardCommitWithGit(cwd, base, files, message, author, email);
  const objects = (0, import_node_path4.join)(commonDir, "objects");
  const byName = new Map(base.entries.map((e) => [e.name, e]));
  for (const [name, content] of files) {
    const oid = writeLooseObject(objects, "blob", Buffer.from(content));
    byName.set(name, { mode: "100644", type: "blob", oid, name });
  }
  const key = (e) => e.type === "tree" ? `${e.name}/` : e.name;
  const sorted = [...byName.values()].sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const tree = writeLooseObject(
    objects,
    "tree",
    Buffer.concat(
      sorted.flatMap((e) => [Buffer.from(`${e.mode.replace(/^0+/, "")} ${e.name}\0`), Buffer.from(e.oid, "hex")])
    )
  );
  const seconds = Math.floor(now / 1e3);
  const who = `${author.replace(/[<>\n]/g, "")} <${email.replace(/[<>\n]/g, "")}> ${seconds} +0000`;
  const body = [`tree ${tree}`, ...base.commit ? [`parent ${base.commit}`] : [], `author ${who}`, `committer ${who}`];
  return writeLooseObject(objects, "commit", Buffer.from(`${body.join("\n")}

${message}
`));
}
function usesSha1(commonDir) {
  try {
    return !/^\s*objectformat\s*=\s*(?!sha1)/im.test((0, import_node_fs4.readFileSync)((0, import_node_path4.join)(commonDir, "config"), "utf8"));
  } catch {
    return false;
  }
}
function writeLooseObject(objects, type, content) {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const oid = (0, import_node_crypto.createHash)("sha1").update(raw).digest("hex");
  const dir = (0, import_node_path4.join)(objects, oid.slice(0, 2));
  const path = (0, import_node_path4.join)(dir, oid.slice(2));
  if ((0, import_node_fs4.existsSync)(path)) return oid;
  (0, import_node_fs4.mkdirSync)(dir, { recursive: true });
  const temp = (0, import_node_path4.join)(dir, `tmp_obj_taskgate_${process.pid}_${oid.slice(2, 10)}`);
  (0, import_node_fs4.writeFileSync)(temp, (0, import_node_zlib.deflateSync)(raw, { level: 1 }), { mode: 292 });
  renameRetrying(temp, path);
  return oid;
}
function writeBoardCommitWithGit(cwd, base, files, message, author, email) {
  const byName = new Map(base.entries.map((e) => [e.name, e]));
  for (const [name, content] of files) {
    const oid = gitOk(cwd, ["hash-object", "-w", "--stdin"], content).trim();
    byName.set(name, { mode: "100644", type: "blob", oid, name });
  }
  const listing = [...byName.values()].map((e) => `${e.mode.padStart(6, "0")} ${e.type} ${e.oid}	${e.name}
`).join("");
  const tree = gitOk(cwd, ["mktree"], listing).trim();
  const env2 = {
    ...process.env,
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: email
  };
  const parents = base.commit ? ["-p", base.commit] : [];
  return gitOk(cwd, ["commit-tree", tree, ...parents, "-F", "-"], `${message}
`, env2).trim();
}
var import_node_child_process2, import_node_crypto, import_node_fs4, import_node_path4, import_node_zlib, gitCalls;
var init_git_ref = __esm({
  "src/io/git-ref.ts"() {
    "use strict";
    import_node_child_process2 = __toESM(require_node_child_process(), 1);
    import_node_crypto = __toESM(require_node_crypto(), 1);
    import_node_fs4 = require("node:fs");
    import_node_path4 = require("node:path");
    import_node_zlib = __toESM(require_node_zlib(), 1);
    init_atomic_write();
    init_git();
    gitCalls = { count: 0 };
  }
});

// src/model/task.ts
function normalizeTaskId(id) {
  const m = /^t-?(\d+)$/i.exec(id.trim());
  return m ? `T-${Number(m[1])}` : id.trim();
}
function isState(s) {
  return STATES.includes(s);
}
function isPriority(s) {
  return PRIORITIES.includes(s);
}
var STATES, PRIORITIES, RESOLUTIONS, DEFAULT_POLICY;
var init_task = __esm({
  "src/model/task.ts"() {
    "use strict";
    STATES = ["PLAN", "READY", "DOING", "REVIEW", "DONE"];
    PRIORITIES = ["P0", "P1", "P2", "P3"];
    RESOLUTIONS = ["done", "cancelled"];
    DEFAULT_POLICY = {
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
  }
});

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
var init_lease = __esm({
  "src/rules/lease.ts"() {
    "use strict";
  }
});

// src/rules/summary.ts
function boardFacts(tasks) {
  const byState = Object.fromEntries(STATES.map((s) => [s, 0]));
  const blocked = [];
  const leases = [];
  for (const t of tasks) {
    byState[t.state]++;
    if (t.blocked !== void 0) blocked.push(t.id);
    if (t.lease) leases.push({ id: t.id, holder: t.lease.holder, until: t.lease.until, session: t.lease.session });
  }
  const dead = deadLetters(tasks);
  return {
    tasks: tasks.length,
    byState,
    blocked,
    leases,
    deadLetters: dead.deadLetters,
    behindDeadLetter: dead.behind.map((b) => b.id)
  };
}
function isDeadLetter(t) {
  return t.state !== "DONE" && (t.blocked?.startsWith(DEAD_LETTER_PREFIX) ?? false);
}
function deadLetters(tasks) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const dead = tasks.filter(isDeadLetter).map((t) => t.id);
  if (dead.length === 0) return { deadLetters: [], behind: [] };
  const reach = /* @__PURE__ */ new Map();
  const visit = (id, path) => {
    const known = reach.get(id);
    if (known) return known;
    const out = /* @__PURE__ */ new Set();
    const t = byId.get(id);
    if (!t || t.state === "DONE" || path.has(id)) return out;
    path.add(id);
    for (const d of t.depends) {
      const dep = byId.get(d);
      if (!dep || dep.state === "DONE") continue;
      if (isDeadLetter(dep)) out.add(d);
      for (const x of visit(d, path)) out.add(x);
    }
    path.delete(id);
    reach.set(id, out);
    return out;
  };
  const behind = [];
  for (const t of tasks) {
    if (t.state === "DONE") continue;
    const found = visit(t.id, /* @__PURE__ */ new Set());
    if (found.size) behind.push({ id: t.id, deadLetters: dead.filter((d) => found.has(d)) });
  }
  return { deadLetters: dead, behind };
}
function statusFacts(tasks, approvals, policy, isStale2) {
  const board = Array.isArray(tasks) ? boardFacts(tasks) : tasks;
  return {
    tasks: board.tasks,
    byState: board.byState,
    blocked: board.blocked,
    leases: board.leases,
    deadLetters: board.deadLetters ?? [],
    behindDeadLetter: board.behindDeadLetter ?? [],
    pending: approvals.filter((a) => a.status === "pending").map((a) => ({ id: a.id, requestedAt: a.requestedAt ?? null })),
    stale: approvals.filter((a) => a.status === "approved" && isStale2(a)).map((a) => a.id),
    clockSkew: policy.clockSkew,
    approvalSla: policy.approvalSla
  };
}
function summarize(facts, now) {
  let held2 = 0;
  let nextEnd;
  const expired = [];
  for (const l of facts.leases) {
    if (isLeaseExpired(l, now, facts.clockSkew))
      expired.push({ id: l.id, holder: l.holder, session: l.session, since: l.until });
    else {
      held2++;
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
    leases: { held: held2, nextEnd, expired },
    approvals: { pending: facts.pending.length, overSla, stale: facts.stale }
  };
}
var DEAD_LETTER_PREFIX;
var init_summary = __esm({
  "src/rules/summary.ts"() {
    "use strict";
    init_task();
    init_lease();
    DEAD_LETTER_PREFIX = "dead letter";
  }
});

// src/app/status-memo.ts
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
var STATUS_MEMO, HOOKS_HEADING;
var init_status_memo = __esm({
  "src/app/status-memo.ts"() {
    "use strict";
    init_summary();
    STATUS_MEMO = "status";
    HOOKS_HEADING = /(^|\n)## Hooks[ \t]*\r?\n/;
  }
});

// src/io/text.ts
function decodeUtf8(path, buf) {
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    let line2 = 1;
    let lineStart = 0;
    for (let at = buf.indexOf(10); at >= 0 && at < nul; at = buf.indexOf(10, at + 1)) {
      line2++;
      lineStart = at + 1;
    }
    const column = buf.toString("utf8", lineStart, nul).length + 1;
    const message = "Expected text, found a NUL byte (git would take the file for binary and show no diff of it)";
    throw new InvalidLedgerError(`${path}:${line2}:${column}: error: ${message}`, [
      { severity: "error", file: path, line: line2, column, code: "nul-byte", message }
    ]);
  }
  try {
    return decoder.decode(buf);
  } catch {
    const { line: line2, column } = firstInvalidByte(buf);
    throw new InvalidLedgerError(
      `${path}:${line2}:${column}: error: Expected UTF-8 text, found a byte that is not UTF-8`,
      [
        {
          severity: "error",
          file: path,
          line: line2,
          column,
          code: "not-utf8",
          message: "Expected UTF-8 text, found a byte that is not UTF-8"
        }
      ]
    );
  }
}
function firstInvalidByte(buf) {
  let line2 = 1;
  let lineStart = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b === 10) {
      line2++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const need = b < 128 ? 0 : b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : -1;
    if (need < 0) break;
    let ok3 = i + need < buf.length;
    for (let k = 1; ok3 && k <= need; k++) ok3 = (buf[i + k] & 192) === 128;
    if (!ok3) break;
    i += need + 1;
  }
  return { line: line2, column: i - lineStart + 1 };
}
function readBytes(path) {
  try {
    return (0, import_node_fs5.readFileSync)(path);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    if (e.code === "EISDIR") throw machineFault(e, path);
    throw e;
  }
}
function readLedgerFile(path) {
  const buf = readBytes(path);
  return buf === void 0 ? void 0 : decodeUtf8(path, buf);
}
function keepsTimes(path, dev) {
  if (process.platform !== "linux") return false;
  let local = localByDevice.get(dev);
  if (local === void 0) {
    try {
      local = LOCAL_FILE_SYSTEMS.has((0, import_node_fs5.statfsSync)(path).type);
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
    st = (0, import_node_fs5.statSync)(path, { bigint: true });
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
        fd = (0, import_node_fs5.openSync)(path, "r");
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
        buf = (0, import_node_fs5.readFileSync)(fd);
        if (stamp !== void 0 && stampOf((0, import_node_fs5.fstatSync)(fd, { bigint: true })) !== stamp) stamp = void 0;
      } finally {
        (0, import_node_fs5.closeSync)(fd);
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
var import_node_fs5, decoder, SETTLED_MS, LOCAL_FILE_SYSTEMS, localByDevice;
var init_text = __esm({
  "src/io/text.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    init_errors();
    init_faults();
    decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    SETTLED_MS = 3e3;
    LOCAL_FILE_SYSTEMS = /* @__PURE__ */ new Set([
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
    localByDevice = /* @__PURE__ */ new Map();
  }
});

// src/io/git-store.ts
function commitMessage(files, base) {
  for (const [name, text] of files) {
    const before = base.files.get(name)?.toString("utf8") ?? "";
    const at = text.trimEnd().lastIndexOf("\n");
    const last = text.trimEnd().slice(at + 1);
    if (!before.includes(last) && last.startsWith("- ")) return `taskgate: ${last.slice(2, 200)}`;
  }
  return `taskgate: ${[...files.keys()].join(", ")}`;
}
var import_node_child_process3, GitBoardStore;
var init_git_store = __esm({
  "src/io/git-store.ts"() {
    "use strict";
    import_node_child_process3 = __toESM(require_node_child_process(), 1);
    init_errors();
    init_git_ref();
    init_text();
    GitBoardStore = class {
      constructor(options) {
        this.options = options;
        this.share = options.share;
        this.cwd = options.cwd;
        this.names = options.names;
        this.maxAttempts = options.maxAttempts ?? 100;
        this.timeout = options.timeout ?? 3e4;
      }
      options;
      share;
      cwd;
      names;
      maxAttempts;
      timeout;
      cached;
      fetched = false;
      /** When the last fetch ended (Date.now()), for refresh(). */
      fetchedAt;
      /** Set when a read could not reach the remote: the board shown is the last one fetched. */
      offline;
      /** The ref the board is read from: the local branch, or the remote-tracking one. */
      get readRefName() {
        const { branch, remote } = this.share;
        return remote ? `refs/remotes/${remote}/${branch}` : `refs/heads/${branch}`;
      }
      /** Where the board lives, in words (status's first line, share's report). */
      describe() {
        const { branch, remote } = this.share;
        return remote ? `shared on branch ${branch} of remote ${remote} (a push decides every write)` : `shared on branch ${branch} by every worktree of this clone`;
      }
      /**
       * For a process that lives across many calls (mcp): the next read fetches again when the
       * last fetch ended at least `olderThanMs` ago, so a board changed on another machine is seen
       * without a restart. A one-shot command never calls it: it reads what it fetched once.
       */
      refresh(olderThanMs) {
        if (this.fetchedAt !== void 0 && Date.now() - this.fetchedAt >= olderThanMs) this.fetched = false;
      }
      /** When the last fetch ended (undefined: none yet). */
      get lastFetch() {
        return this.fetchedAt;
      }
      readBytes(path) {
        const name = this.nameOf(path);
        if (this.share.remote && !this.fetched) {
          this.fetched = true;
          const f = this.fetch();
          if (f !== "ok") this.offline = f;
        }
        const commit = readRef(this.share.commonDir, this.readRefName);
        if (!this.cached || this.cached.commit !== commit)
          this.cached = readBoard(this.cwd, commit, [...new Set(this.names.values())]);
        return this.cached.files.get(name);
      }
      readText(path) {
        const b = this.readBytes(path);
        return b === void 0 ? void 0 : decodeUtf8(this.displayOf(path), b);
      }
      readSnapshot(path) {
        const b = this.readBytes(path);
        if (b === void 0) return void 0;
        let text;
        const display = this.displayOf(path);
        return {
          bytes: b,
          get text() {
            text ??= decodeUtf8(display, b);
            return text;
          }
        };
      }
      async update(paths, decide2) {
        const names = paths.map((p) => this.nameOf(p));
        const { branch, remote } = this.share;
        let needFetch = true;
        const deadline = Date.now() + this.timeout;
        for (let attempt = 1; ; attempt++) {
          const began = Date.now();
          if (remote && needFetch) {
            const f = this.fetch();
            if (f !== "ok") {
              throw new UnreachableError(
                `remote "${remote}" cannot be reached (${f}); the shared board was not changed and nothing is held: run the command again once it can be reached`
              );
            }
            this.fetched = true;
          }
          needFetch = true;
          const base = readRef(this.share.commonDir, this.readRefName);
          const snap = this.cached && this.cached.commit === base ? this.cached : readBoard(this.cwd, base, [...new Set(this.names.values())]);
          this.cached = snap;
          const texts = names.map((n, i) => {
            const b = snap.files.get(n);
            return b === void 0 ? void 0 : decodeUtf8(this.displayOf(paths[i]), b);
          });
          const { writes, result } = decide2(texts, (this.options.clock ?? Date.now)());
          const files = /* @__PURE__ */ new Map();
          for (const w of writes) {
            if (!paths.includes(w.path)) throw new Error(`internal: write to ${w.path}, which was not read`);
            if (/^(<{7}|>{7})( |\r?$)/m.test(w.text)) {
              throw new InvalidLedgerError(
                `${this.displayOf(w.path)}: refusing to write a file that has merge conflict markers; resolve them first`,
                []
              );
            }
            files.set(this.nameOf(w.path), w.text);
          }
          const changed = [...files].some(([n, text]) => snap.files.get(n)?.toString("utf8") !== text);
          if (!changed) return result;
          const author = this.options.author();
          const commit = writeBoardCommit(
            this.cwd,
            this.share.commonDir,
            snap,
            files,
            commitMessage(files, snap),
            author,
            Date.now()
          );
          const outcome = remote ? this.push(remote, branch, base, commit) : this.swapLocal(branch, base, commit);
          this.options.debug?.(`taskgate share: attempt ${attempt} ${outcome.kind}`);
          if (outcome.kind === "done") {
            this.cached = void 0;
            return result;
          }
          if (outcome.kind === "refused") throw new RefusedError(outcome.message);
          if (outcome.kind === "unreachable") {
            throw new UnreachableError(
              `remote "${remote}" could not be reached while publishing (${outcome.message}); the change is not counted as made: run the command again (it re-reads the board, so nothing is done twice)`
            );
          }
          if (remote) needFetch = false;
          if (attempt >= this.maxAttempts || Date.now() >= deadline) {
            throw new BusyError(
              `the shared board on branch ${branch} kept changing under ${attempt} attempts (other writers won each race); nothing was written, run the command again`
            );
          }
          const window = Math.max(25, Date.now() - began) * Math.min(attempt, 3);
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(window, 3e3)));
        }
      }
      /** Compare-and-swap of the local branch: git locks the ref and checks OLD under the lock. */
      swapLocal(branch, base, commit) {
        const ref = `refs/heads/${branch}`;
        const r = runGit(this.cwd, ["update-ref", "-m", "taskgate", ref, commit, base ?? ""]);
        if (r.status === 0) return { kind: "done" };
        const now = readRef(this.share.commonDir, ref);
        if (now !== base) return { kind: "lost" };
        if (/lock/i.test(r.stderr)) return { kind: "lost" };
        throw new Error(`git update-ref ${ref}: ${r.stderr}`);
      }
      /**
       * Publishes `commit` if the remote's branch is still `base`. A rejection is told apart by
       * fetching again and comparing refs (the text alone is ambiguous): moved on, a lost race;
       * our commit, published after all; unchanged, the remote refused it (a hook, permissions).
       */
      push(remote, branch, base, commit) {
        const ref = `refs/heads/${branch}`;
        const r = runGit(this.cwd, [
          "push",
          "--porcelain",
          "--no-verify",
          `--force-with-lease=${ref}:${base ?? ""}`,
          remote,
          `${commit}:${ref}`
        ]);
        if (r.status === 0) {
          this.mirror(remote, branch, base, commit);
          return { kind: "done" };
        }
        const f = this.fetch();
        if (f !== "ok") return { kind: "unreachable", message: f };
        const tip = readRef(this.share.commonDir, this.readRefName);
        if (tip === commit) {
          this.mirror(remote, branch, base, commit);
          return { kind: "done" };
        }
        if (tip !== base) return { kind: "lost" };
        const said = `${r.stderr} ${r.stdout.toString("utf8")}`.replace(/\s+/g, " ").trim();
        return { kind: "refused", message: `remote "${remote}" refused the change to branch ${branch}: ${said}` };
      }
      /** After a push: the tracking ref and the local branch show what was published. */
      mirror(remote, branch, base, commit) {
        const tracking = `refs/remotes/${remote}/${branch}`;
        const before = readRef(this.share.commonDir, tracking);
        runGit(this.cwd, ["update-ref", tracking, commit, ...before ? [before] : []]);
        this.syncLocalBranch(base ?? before, commit);
      }
      /**
       * The local branch follows the remote's, so `git show taskgate:TASKS.md` shows the board,
       * but only while it is where the remote's was (`previous`): a commit made on it by hand
       * and not pushed yet is never moved away (compare-and-swap on the local ref).
       */
      syncLocalBranch(previous, commit) {
        if (!commit) return;
        const ref = `refs/heads/${this.share.branch}`;
        const local = readRef(this.share.commonDir, ref);
        if (local === commit || local !== void 0 && local !== previous) return;
        runGit(this.cwd, ["update-ref", ref, commit, local ?? ""]);
      }
      /**
       * Brings the remote's branch into the tracking ref. "ok" (also when the remote has no such
       * branch yet: the tracking ref is then removed), else git's sentence on why it failed.
       */
      fetch() {
        const { remote } = this.share;
        if (!remote) return "ok";
        const previous = readRef(this.share.commonDir, this.readRefName);
        try {
          for (let i = 0; ; i++) {
            const r = runGit(this.cwd, this.fetchArgs());
            const outcome = this.afterFetch(previous, r.status, r.stderr);
            if (outcome === "retry" && i < 20) continue;
            return outcome === "retry" ? `git fetch could not lock ${this.readRefName}: ${r.stderr}` : outcome;
          }
        } finally {
          this.fetchedAt = Date.now();
        }
      }
      /**
       * For serve: one fetch in a child process, so the server keeps answering while the remote
       * does (a slow or dead remote costs a stale page, never a stalled one); killed after
       * `timeoutMs`. Resolves with "ok" or why it failed; reads then see the new tracking ref.
       */
      fetchInBackground(timeoutMs) {
        if (!this.share.remote) return Promise.resolve("ok");
        const previous = readRef(this.share.commonDir, this.readRefName);
        return new Promise((resolve17) => {
          const child = (0, import_node_child_process3.spawn)("git", this.fetchArgs(), {
            cwd: this.cwd,
            stdio: ["ignore", "ignore", "pipe"],
            timeout: timeoutMs
          });
          let stderr = "";
          child.stderr?.on("data", (d) => {
            stderr += d.toString("utf8");
          });
          child.on("error", (e) => resolve17(e.message));
          child.on("close", (code, signal) => {
            this.fetchedAt = Date.now();
            if (signal) return resolve17(`git fetch gave no answer in ${Math.round(timeoutMs / 1e3)} s`);
            const outcome = this.afterFetch(previous, code ?? 128, stderr.trim());
            const failed = outcome === "retry" ? void 0 : outcome === "ok" ? void 0 : outcome;
            this.offline = failed;
            resolve17(failed ?? "ok");
          });
        });
      }
      fetchArgs() {
        const { remote, branch } = this.share;
        return [
          "fetch",
          "--quiet",
          "--no-tags",
          "--no-write-fetch-head",
          remote ?? "",
          `+refs/heads/${branch}:${this.readRefName}`
        ];
      }
      /** What a fetch that exited with `status` means: "ok", "retry" (a ref lock), or git's sentence. */
      afterFetch(previous, status, stderr) {
        const tracking = this.readRefName;
        if (status === 0) {
          this.syncLocalBranch(previous, readRef(this.share.commonDir, tracking));
          return "ok";
        }
        if (/couldn't find remote ref/i.test(stderr)) {
          const had = readRef(this.share.commonDir, tracking);
          if (had) runGit(this.cwd, ["update-ref", "-d", tracking, had]);
          return "ok";
        }
        if (/cannot lock ref|unable to create .*\.lock|File exists/i.test(stderr)) return "retry";
        const lines = stderr.split("\n").filter(Boolean);
        return lines.filter((l) => /^(fatal|error):/.test(l)).join(" ") || lines.at(-1) || `git fetch exited ${status}`;
      }
      nameOf(path) {
        const n = this.names.get(path);
        if (n === void 0) throw new Error(`internal: ${path} is not a ledger of the shared board`);
        return n;
      }
      displayOf(path) {
        return `${this.share.branch}:${this.nameOf(path)}`;
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

// node_modules/@noble/hashes/esm/utils.js
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
function utf8ToBytes(str2) {
  if (typeof str2 !== "string")
    throw new Error("string expected");
  return new Uint8Array(new TextEncoder().encode(str2));
}
function toBytes(data) {
  if (typeof data === "string")
    data = utf8ToBytes(data);
  abytes(data);
  return data;
}
function createHasher(hashCons) {
  const hashC = (msg) => hashCons().update(toBytes(msg)).digest();
  const tmp = hashCons();
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.create = () => hashCons();
  return hashC;
}
var import_crypto, hasHexBuiltin, hexes, Hash;
var init_utils = __esm({
  "node_modules/@noble/hashes/esm/utils.js"() {
    import_crypto = __toESM(require_crypto(), 1);
    hasHexBuiltin = /* @__PURE__ */ (() => (
      // @ts-ignore
      typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
    ))();
    hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
    Hash = class {
    };
  }
});

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
var HashMD, SHA256_IV;
var init_md = __esm({
  "node_modules/@noble/hashes/esm/_md.js"() {
    init_utils();
    HashMD = class extends Hash {
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
    SHA256_IV = /* @__PURE__ */ Uint32Array.from([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]);
  }
});

// node_modules/@noble/hashes/esm/sha2.js
var SHA256_K, SHA256_W, SHA256, sha256;
var init_sha2 = __esm({
  "node_modules/@noble/hashes/esm/sha2.js"() {
    init_md();
    init_utils();
    SHA256_K = /* @__PURE__ */ Uint32Array.from([
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
    SHA256_W = /* @__PURE__ */ new Uint32Array(64);
    SHA256 = class extends HashMD {
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
        const { A, B, C, D, E, F, G: G2, H: H2 } = this;
        return [A, B, C, D, E, F, G2, H2];
      }
      // prettier-ignore
      set(A, B, C, D, E, F, G2, H2) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
        this.E = E | 0;
        this.F = F | 0;
        this.G = G2 | 0;
        this.H = H2 | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          SHA256_W[i] = view.getUint32(offset, false);
        for (let i = 16; i < 64; i++) {
          const W15 = SHA256_W[i - 15];
          const W22 = SHA256_W[i - 2];
          const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
          const s1 = rotr(W22, 17) ^ rotr(W22, 19) ^ W22 >>> 10;
          SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
        }
        let { A, B, C, D, E, F, G: G2, H: H2 } = this;
        for (let i = 0; i < 64; i++) {
          const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
          const T1 = H2 + sigma1 + Chi(E, F, G2) + SHA256_K[i] + SHA256_W[i] | 0;
          const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
          const T2 = sigma0 + Maj(A, B, C) | 0;
          H2 = G2;
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
        H2 = H2 + this.H | 0;
        this.set(A, B, C, D, E, F, G2, H2);
      }
      roundClean() {
        clean(SHA256_W);
      }
      destroy() {
        this.set(0, 0, 0, 0, 0, 0, 0, 0);
        clean(this.buffer);
      }
    };
    sha256 = /* @__PURE__ */ createHasher(() => new SHA256());
  }
});

// src/io/hash.ts
var crypto2, SHORT_HASH_INPUT, JS_HASHES, jsHashesLeft, sha256Hex, sha256HexJs;
var init_hash = __esm({
  "src/io/hash.ts"() {
    "use strict";
    crypto2 = __toESM(require_node_crypto(), 1);
    init_sha2();
    init_utils();
    SHORT_HASH_INPUT = 4096;
    JS_HASHES = 32;
    jsHashesLeft = JS_HASHES;
    sha256Hex = (data) => {
      if (data.length <= SHORT_HASH_INPUT && jsHashesLeft > 0) {
        jsHashesLeft--;
        return sha256HexJs(data);
      }
      return typeof crypto2.hash === "function" ? crypto2.hash("sha256", data, "hex") : crypto2.createHash("sha256").update(data).digest("hex");
    };
    sha256HexJs = (data) => bytesToHex(sha256(data));
  }
});

// src/io/places.ts
function shortHash(s) {
  return sha256Hex(s).slice(0, 10);
}
function lockDirFor(path) {
  const gitDir = findGitDir((0, import_node_path6.dirname)(path));
  if (gitDir) return (0, import_node_path6.join)(gitDir, "taskgate");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return (0, import_node_path6.join)((0, import_node_os2.tmpdir)(), `taskgate-${uid}`, shortHash(lockKey(process.platform, (0, import_node_path6.dirname)(path))));
}
function privateDirFor(path, sub) {
  const dir = lockDirFor(path);
  const inGit = findGitDir((0, import_node_path6.dirname)(path)) !== void 0;
  if (inGit || typeof process.getuid !== "function") {
    const full = sub ? (0, import_node_path6.join)(dir, sub) : dir;
    (0, import_node_fs6.mkdirSync)(full, { recursive: true, mode: 448 });
    return full;
  }
  const top = (0, import_node_path6.dirname)(dir);
  ensurePrivate(top);
  ensurePrivate(dir);
  if (!sub) return dir;
  ensurePrivate((0, import_node_path6.join)(dir, sub));
  return (0, import_node_path6.join)(dir, sub);
}
function ensurePrivate(dir) {
  try {
    (0, import_node_fs6.mkdirSync)(dir, { mode: 448 });
    return;
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
  }
  const st = (0, import_node_fs6.lstatSync)(dir);
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
  if ((st.mode & 63) !== 0) (0, import_node_fs6.chmodSync)(dir, 448);
}
var import_node_fs6, import_node_os2, import_node_path6;
var init_places = __esm({
  "src/io/places.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    import_node_os2 = require("node:os");
    import_node_path6 = require("node:path");
    init_errors();
    init_windows();
    init_git();
    init_hash();
  }
});

// src/io/temp-files.ts
function removeStaleTempFiles(dir) {
  let names;
  try {
    names = (0, import_node_fs7.readdirSync)(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 6e4;
  let named;
  const isNamed = (p) => {
    named ??= names.filter((n) => n.endsWith(".intent")).map((n) => {
      try {
        return (0, import_node_fs7.readFileSync)((0, import_node_path7.join)(dir, n), "utf8");
      } catch {
        return "";
      }
    }).join("\n");
    return named.includes(JSON.stringify(p));
  };
  for (const n of names) {
    if (n.endsWith(".pending")) {
      const p2 = (0, import_node_path7.join)(dir, n);
      try {
        if ((0, import_node_fs7.statSync)(p2).mtimeMs < cutoff && !isNamed(p2)) (0, import_node_fs7.unlinkSync)(p2);
      } catch {
      }
      continue;
    }
    if (!n.endsWith(".tmp")) continue;
    const p = (0, import_node_path7.join)(dir, n);
    try {
      if ((0, import_node_fs7.statSync)(p).mtimeMs < cutoff) (0, import_node_fs7.unlinkSync)(p);
    } catch {
    }
  }
}
function replaceOwnFile(path, parts) {
  const dir = (0, import_node_path7.dirname)(path);
  (0, import_node_fs7.mkdirSync)(dir, { recursive: true, mode: 448 });
  removeStaleTempFiles(dir);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = (0, import_node_fs7.openSync)(tmp, "w", 384);
    try {
      (0, import_node_fs7.fchmodSync)(fd, 384);
      for (const part of parts) {
        for (let at = 0; at < part.length; ) at += (0, import_node_fs7.writeSync)(fd, part, at, part.length - at);
      }
    } finally {
      (0, import_node_fs7.closeSync)(fd);
    }
    renameRetrying(tmp, path);
  } catch (e) {
    (0, import_node_fs7.rmSync)(tmp, { force: true });
    throw e;
  }
}
var import_node_fs7, import_node_path7;
var init_temp_files = __esm({
  "src/io/temp-files.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs");
    import_node_path7 = require("node:path");
    init_atomic_write();
  }
});

// src/io/memo.ts
function fileMemo(ledgerPath, env2, kind = "") {
  if (!BUILD || env2.TASKGATE_NO_MEMO === "1") return void 0;
  return memoFile(
    () => (0, import_node_path8.join)(privateDirFor(ledgerPath, "memo"), `${(0, import_node_path8.basename)(ledgerPath)}-${kind}${shortHash(ledgerPath)}.memo`),
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
      const json2 = Buffer.from(JSON.stringify(value), "utf8");
      const lengths = lengthsOf(sources);
      const copy = lengths.reduce((a, l) => a + Math.max(l, 0), 0) <= COPY_LIMIT;
      const stamps = stampsOf(sources);
      const header = {
        build,
        name,
        lengths,
        ...copy ? {} : { sha256: hashesOf(sources) },
        ...stamps ? { stamps } : {},
        value: json2.length
      };
      const parts = copy ? sources.flatMap((s) => s === void 0 ? [] : [bytesOf(s)]) : [];
      replaceOwnFile(place(), [Buffer.from(`${JSON.stringify(header)}
`), ...parts, json2]);
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
        fd = (0, import_node_fs8.openSync)(place(), "r");
        const size = (0, import_node_fs8.fstatSync)(fd).size;
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
        const json2 = Buffer.allocUnsafe(h.value);
        if (readFully(fd, json2, nl + 1 + copied) !== json2.length) return void 0;
        value = JSON.parse(json2.toString("utf8"));
      } catch {
        return void 0;
      } finally {
        if (fd !== void 0) (0, import_node_fs8.closeSync)(fd);
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
    const r = (0, import_node_fs8.readSync)(fd, buf, n, buf.length - n, position + n);
    if (r === 0) break;
    n += r;
  }
  return n;
}
function removeIfThere(path) {
  try {
    (0, import_node_fs8.unlinkSync)(path);
  } catch {
  }
}
var import_node_fs8, import_node_path8, BUILD, COPY_LIMIT, HEAD;
var init_memo = __esm({
  "src/io/memo.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_path8 = require("node:path");
    init_hash();
    init_places();
    init_temp_files();
    BUILD = true ? "2532733ee651141c" : void 0;
    COPY_LIMIT = 8 * 1024 * 1024;
    HEAD = 1024;
  }
});

// src/model/time.ts
function parseTime(text) {
  return parseTimeAt(text, 0, text.length);
}
function parseTimeAt(text, start, end) {
  const n = end - start;
  if (n < 20 || text.charCodeAt(end - 1) !== 90) return void 0;
  const o = start;
  if (text.charCodeAt(o + 4) !== 45 || text.charCodeAt(o + 7) !== 45 || text.charCodeAt(o + 10) !== 84)
    return void 0;
  if (text.charCodeAt(o + 13) !== 58 || text.charCodeAt(o + 16) !== 58) return void 0;
  const y = digit(text, o) * 1e3 + digit(text, o + 1) * 100 + digit(text, o + 2) * 10 + digit(text, o + 3);
  const mo = digit(text, o + 5) * 10 + digit(text, o + 6);
  const day2 = digit(text, o + 8) * 10 + digit(text, o + 9);
  const h = digit(text, o + 11) * 10 + digit(text, o + 12);
  const mi = digit(text, o + 14) * 10 + digit(text, o + 15);
  const s = digit(text, o + 17) * 10 + digit(text, o + 18);
  let ms2 = 0;
  if (n === 20) {
  } else if (text.charCodeAt(o + 19) === 46 && n >= 22 && n <= 24) {
    for (let i = o + 20; i < end - 1; i++) ms2 = ms2 * 10 + digit(text, i);
    ms2 *= n === 22 ? 100 : n === 23 ? 10 : 1;
  } else return void 0;
  if (y < 0 || mo < 1 || mo > 12 || day2 < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms2 < 0) {
    return void 0;
  }
  const leap = mo === 2 && (y % 4 === 0 && y % 100 !== 0 || y % 400 === 0);
  if (day2 > DAYS_IN_MONTH[mo - 1] + (leap ? 1 : 0)) return void 0;
  return Date.UTC(y, mo - 1, day2, h, mi, s, ms2);
}
function digit(text, i) {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}
function formatTime(ms2) {
  return `${new Date(Math.floor(ms2 / 1e3) * 1e3).toISOString().slice(0, 19)}Z`;
}
function parseDuration(text) {
  const m = DURATION.exec(text.trim());
  if (!m) return void 0;
  const n = Number(m[1]);
  const unit = UNIT_MS[m[2]];
  return Number.isSafeInteger(n * unit) ? n * unit : void 0;
}
function formatDuration(ms2) {
  for (const [unit, size] of [
    ["d", 864e5],
    ["h", 36e5],
    ["m", 6e4],
    ["s", 1e3]
  ]) {
    if (ms2 >= size && ms2 % size === 0) return `${ms2 / size}${unit}`;
  }
  return `${ms2}ms`;
}
function formatAge(ms2) {
  const s = Math.max(0, Math.floor(ms2 / 1e3));
  if (s >= 86400) return `${Math.floor(s / 86400)}d`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}
var DAYS_IN_MONTH, DURATION, UNIT_MS;
var init_time = __esm({
  "src/model/time.ts"() {
    "use strict";
    DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    DURATION = /^(\d+)(ms|s|m|h|d)$/;
    UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
  }
});

// src/ledger/blocks.ts
function scanBlocks(text, from = 0) {
  const lineStarts = [];
  const lineEnds = [];
  const headings = [];
  const setext = [];
  const containers = [];
  let leaf;
  let emptyItem;
  let tooDeep;
  const run = { from: -1, to: -1, col: 0 };
  const skip = (pos, end, col) => {
    if (pos >= run.from && pos <= run.to) return { pos: run.to, col: run.col };
    const w = skipWs(text, pos, end, col);
    run.from = pos;
    run.to = w.pos;
    run.col = w.col;
    return w;
  };
  let lineNo = 0;
  let start = from;
  const n = text.length;
  while (start < n) {
    let nl = text.indexOf("\n", start);
    const next2 = nl === -1 ? n : nl + 1;
    if (nl === -1) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lineStarts.push(start);
    lineEnds.push(end);
    let pos = start;
    let col = 0;
    let cur = 0;
    let matched = 0;
    for (; matched < containers.length; matched++) {
      const c = containers[matched];
      const ws2 = skip(pos, end, col);
      const indent = ws2.col - cur;
      if (c.kind === "quote") {
        if (indent <= 3 && ws2.pos < end && text.charCodeAt(ws2.pos) === GT) {
          pos = ws2.pos + 1;
          col = ws2.col + 1;
          cur = col;
          if (pos < end && text.charCodeAt(pos) === SPACE) {
            pos++;
            col++;
            cur = col;
          } else if (pos < end && text.charCodeAt(pos) === TAB) {
            cur = col + 1;
          }
        } else break;
      } else {
        if (ws2.pos === end) {
          if (c === emptyItem) break;
          continue;
        }
        if (ws2.col - cur >= c.width) {
          const adv = advanceTo(text, pos, col, cur + c.width);
          pos = adv.pos;
          col = adv.col;
          cur += c.width;
        } else break;
      }
    }
    emptyItem = void 0;
    const ws = skip(pos, end, col);
    const blank = ws.pos === end;
    if (matched < containers.length) {
      if (leaf?.kind === "para" && !blank && !startsBlock(text, ws.pos, end, ws.col - cur)) {
        lineNo++;
        start = next2;
        continue;
      }
      containers.length = matched;
      if (leaf && leaf.depth > matched) leaf = void 0;
    }
    if (leaf?.kind === "fence") {
      if (ws.col - cur <= 3 && isFenceClose(text, ws.pos, end, leaf.char, leaf.len)) leaf = void 0;
      lineNo++;
      start = next2;
      continue;
    }
    if (leaf?.kind === "html") {
      if (leaf.type <= 5) {
        if (htmlEnds(leaf.type, text.slice(pos, end))) leaf = void 0;
      } else if (blank) leaf = void 0;
      lineNo++;
      start = next2;
      continue;
    }
    let p = ws.pos;
    let pcol = ws.col;
    for (; ; ) {
      if (p === end) {
        if (leaf?.kind === "para") leaf = void 0;
        break;
      }
      const indent = pcol - cur;
      if (indent >= 4) {
        if (leaf?.kind !== "para") leaf = { kind: "icode", depth: containers.length };
        break;
      }
      if (leaf?.kind === "icode") leaf = void 0;
      const ch = text.charCodeAt(p);
      if (ch === GT) {
        if (containers.length >= MAX_NESTING) {
          tooDeep ??= { line: lineNo, column: p - start + 1 };
          if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: false };
          break;
        }
        containers.push({ kind: "quote" });
        leaf = void 0;
        p++;
        pcol++;
        cur = pcol;
        if (p < end && text.charCodeAt(p) === SPACE) {
          p++;
          pcol++;
          cur = pcol;
        } else if (p < end && text.charCodeAt(p) === TAB) cur = pcol + 1;
        const w = skipWs(text, p, end, pcol);
        p = w.pos;
        pcol = w.col;
        continue;
      }
      if (ch === HASH) {
        const h = atxHeading(text, p, end);
        if (h) {
          leaf = void 0;
          if (containers.length === 0)
            headings.push({ line: lineNo, start, next: next2, level: h.level, textStart: h.start, textEnd: h.end });
          break;
        }
      }
      if (ch === BACKTICK || ch === TILDE) {
        const f = fenceOpen(text, p, end);
        if (f) {
          leaf = { kind: "fence", depth: containers.length, char: ch, len: f, line: lineNo };
          break;
        }
      }
      if (ch === LT) {
        const t = htmlStart(text.slice(p, end));
        if (t && (t !== 7 || leaf?.kind !== "para")) {
          leaf = { kind: "html", depth: containers.length, type: t, line: lineNo };
          if (t <= 5 && htmlEnds(t, text.slice(p, end))) leaf = void 0;
          break;
        }
      }
      if (leaf?.kind === "para" && (ch === EQUALS || ch === DASH) && isSetextUnderline(text, p, end, ch)) {
        if (leaf.top && containers.length === 0) setext.push({ line: lineNo, level: ch === EQUALS ? 1 : 2 });
        leaf = void 0;
        break;
      }
      if ((ch === DASH || ch === STAR || ch === UNDERSCORE) && isThematicBreak(text, p, end)) {
        leaf = void 0;
        break;
      }
      if (ch === DASH || ch === STAR || ch === PLUS || ch >= 48 && ch <= 57) {
        const m = listMarker(text, p, end);
        if (m && (leaf?.kind !== "para" || !m.empty && (!m.ordered || m.first))) {
          if (containers.length >= MAX_NESTING) {
            tooDeep ??= { line: lineNo, column: p - start + 1 };
            if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: false };
            break;
          }
          const markerEndCol = pcol + (m.end - p);
          let q = m.end;
          let qcol = markerEndCol;
          let contentCol;
          if (m.empty) contentCol = markerEndCol + 1;
          else {
            const w2 = skipWs(text, q, end, qcol);
            const spaces = w2.col - markerEndCol;
            if (spaces >= 5) {
              contentCol = markerEndCol + 1;
              const adv = advanceTo(text, q, qcol, contentCol);
              q = adv.pos;
              qcol = adv.col;
            } else {
              contentCol = w2.col;
              q = w2.pos;
              qcol = w2.col;
            }
          }
          const item = { kind: "item", width: contentCol - cur };
          containers.push(item);
          leaf = void 0;
          cur = contentCol;
          const w = skipWs(text, q, end, qcol);
          p = w.pos;
          pcol = w.col;
          if (p === end) {
            emptyItem = item;
            break;
          }
          continue;
        }
      }
      if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: containers.length === 0 };
      break;
    }
    lineNo++;
    start = next2;
    if (nl === n) break;
  }
  let unclosed;
  if (leaf?.kind === "fence" && leaf.depth === 0) {
    unclosed = { kind: "fence", line: leaf.line };
  } else if (leaf?.kind === "html" && leaf.depth === 0 && leaf.type <= 5) {
    unclosed = { kind: "html", line: leaf.line };
  }
  return { lineStarts, lineEnds, headings, setext, unclosed, tooDeep };
}
function skipWs(text, pos, end, col) {
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - col % 4;
    else break;
    pos++;
  }
  return { pos, col };
}
function advanceTo(text, pos, col, target) {
  while (col < target && pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - col % 4;
    else break;
    pos++;
  }
  return { pos, col };
}
function startsBlock(text, p, end, indent) {
  if (p === end || indent >= 4) return false;
  const ch = text.charCodeAt(p);
  if (ch === GT) return true;
  if (ch === HASH && atxHeading(text, p, end)) return true;
  if ((ch === BACKTICK || ch === TILDE) && fenceOpen(text, p, end)) return true;
  if (ch === LT) {
    const t = htmlStart(text.slice(p, end));
    if (t && t !== 7) return true;
  }
  if ((ch === DASH || ch === STAR || ch === UNDERSCORE) && isThematicBreak(text, p, end)) return true;
  if (ch === DASH || ch === STAR || ch === PLUS || ch >= 48 && ch <= 57) {
    if (listMarker(text, p, end)) return true;
  }
  return false;
}
function atxHeading(text, p, end) {
  let q = p;
  while (q < end && text.charCodeAt(q) === HASH) q++;
  const level = q - p;
  if (level < 1 || level > 6) return void 0;
  if (q < end) {
    const c = text.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return void 0;
  }
  let s = q;
  while (s < end && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
  let e = end;
  while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  let h = e;
  while (h > s && text.charCodeAt(h - 1) === HASH) h--;
  if (h < e && (h === s || text.charCodeAt(h - 1) === SPACE || text.charCodeAt(h - 1) === TAB)) {
    e = h;
    while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  }
  return { level, start: s, end: e };
}
function fenceOpen(text, p, end) {
  const ch = text.charCodeAt(p);
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  const len = q - p;
  if (len < 3) return void 0;
  if (ch === BACKTICK && text.slice(q, end).includes("`")) return void 0;
  return len;
}
function isFenceClose(text, p, end, ch, len) {
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  if (q - p < len) return false;
  while (q < end && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
  return q === end;
}
function isSetextUnderline(text, p, end, ch) {
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  while (q < end && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
  return q === end;
}
function isThematicBreak(text, p, end) {
  const ch = text.charCodeAt(p);
  let count = 0;
  for (let q = p; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === ch) count++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return count >= 3;
}
function listMarker(text, p, end) {
  const ch = text.charCodeAt(p);
  let q = p;
  let ordered = false;
  let first = false;
  if (ch === DASH || ch === STAR || ch === PLUS) q = p + 1;
  else {
    while (q < end && q - p < 10 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    const digits = q - p;
    if (digits < 1 || digits > 9 || q >= end) return void 0;
    const d = text.charCodeAt(q);
    if (d !== 46 && d !== 41) return void 0;
    ordered = true;
    first = Number(text.slice(p, q)) === 1;
    q++;
  }
  if (q < end) {
    const c = text.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return void 0;
  }
  let r = q;
  while (r < end && (text.charCodeAt(r) === SPACE || text.charCodeAt(r) === TAB)) r++;
  return { end: q, ordered, first, empty: r === end };
}
function htmlStart(line2) {
  if (line2.startsWith("<!--")) return 2;
  if (HTML1_START.test(line2)) return 1;
  if (line2.startsWith("<?")) return 3;
  if (line2.startsWith("<![CDATA[")) return 5;
  if (/^<![A-Za-z]/.test(line2)) return 4;
  if (HTML6_START.test(line2)) return 6;
  if (HTML7_START.test(line2)) return 7;
  return 0;
}
function htmlEnds(type, line2) {
  switch (type) {
    case 1:
      return HTML1_END.test(line2);
    case 2:
      return line2.includes("-->");
    case 3:
      return line2.includes("?>");
    case 4:
      return line2.includes(">");
    case 5:
      return line2.includes("]]>");
    default:
      return false;
  }
}
var MAX_NESTING, SPACE, TAB, HASH, GT, LT, BACKTICK, TILDE, DASH, STAR, PLUS, UNDERSCORE, EQUALS, HTML1_START, HTML1_END, HTML6_START, HTML7_START;
var init_blocks = __esm({
  "src/ledger/blocks.ts"() {
    "use strict";
    MAX_NESTING = 32;
    SPACE = 32;
    TAB = 9;
    HASH = 35;
    GT = 62;
    LT = 60;
    BACKTICK = 96;
    TILDE = 126;
    DASH = 45;
    STAR = 42;
    PLUS = 43;
    UNDERSCORE = 95;
    EQUALS = 61;
    HTML1_START = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
    HTML1_END = /<\/(?:script|pre|style|textarea)>/i;
    HTML6_START = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
    HTML7_START = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
  }
});

// src/ledger/entry-ids.ts
function likelyEntryId(name, prefix) {
  if (name.length <= prefix.length || name.slice(0, prefix.length).toUpperCase() !== prefix) return void 0;
  const m = /^[ \t]*[-_\u2010-\u2015.:#]?[ \t]*0*(\d+)/.exec(name.slice(prefix.length));
  return m ? `${prefix}-${Number(m[1])}` : void 0;
}
function loggedAdds(text, start, end) {
  const out = [];
  const re = new RegExp(ADD_LINE.source, ADD_LINE.flags);
  re.lastIndex = Math.max(0, start - 1);
  for (let m = re.exec(text); m !== null && m.index + 1 < end; m = re.exec(text)) {
    out.push({ n: Number(m[1]), lineStart: m.index + 1 });
  }
  return out;
}
function everyLoggedAdd(text, start, end, has) {
  const re = new RegExp(ADD_LINE.source, ADD_LINE.flags);
  re.lastIndex = Math.max(0, start - 1);
  for (let m = re.exec(text); m !== null && m.index + 1 < end; m = re.exec(text)) {
    if (!has(Number(m[1]))) return false;
  }
  return true;
}
function highestLoggedAdd(text, start, end) {
  let max = 0;
  for (const a of loggedAdds(text, start, end)) if (a.n > max) max = a.n;
  return max;
}
var ADD_LINE;
var init_entry_ids = __esm({
  "src/ledger/entry-ids.ts"() {
    "use strict";
    ADD_LINE = /\n[-*+] [^ \n]+ [^ \n]+ [^ \n]+ add T-([1-9]\d*)(?=[ \r\n]|$)/g;
  }
});

// src/ledger/fast-scan.ts
function lazyLineTable(text, from) {
  let starts;
  let ends;
  const build = () => {
    starts = [];
    ends = [];
    for (let start = from; start < text.length; ) {
      let nl = text.indexOf("\n", start);
      if (nl === -1) nl = text.length;
      starts.push(start);
      ends.push(nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
      start = nl + 1;
    }
  };
  return {
    get lineStarts() {
      if (!starts) build();
      return starts;
    },
    get lineEnds() {
      if (!ends) build();
      return ends;
    }
  };
}
function scanSimple(text, from = 0) {
  if (text.includes("\r") && LONE_CR.test(text)) return void 0;
  const headings = [];
  let line2 = 0;
  for (let start = from; start < text.length; line2++) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const c = text.charCodeAt(start);
    if (c === HASH2) {
      const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const h = atxHeading(text, start, end);
      if (h) {
        const next2 = Math.min(nl + 1, text.length);
        headings.push({ line: line2, start, next: next2, level: h.level, textStart: h.start, textEnd: h.end });
      }
    } else if (c === 32 || c === 9 || c === 62 || c === 60) {
      return void 0;
    } else if (c === 45 || c === 61) {
      if (isRuleLine(text, start, nl, c)) return void 0;
    } else if (c === 96 || c === 126) {
      if (text.startsWith(c === 96 ? "```" : "~~~", start)) return void 0;
    }
    start = nl + 1;
  }
  const table = lazyLineTable(text, from);
  return {
    get lineStarts() {
      return table.lineStarts;
    },
    get lineEnds() {
      return table.lineEnds;
    },
    headings,
    setext: [],
    unclosed: void 0
  };
}
function isRuleLine(text, start, nl, c) {
  let i = start + 1;
  while (i < nl && text.charCodeAt(i) === c) i++;
  while (i < nl && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === nl || i === nl - 1 && text.charCodeAt(i) === CR;
}
var CR, HASH2, LONE_CR;
var init_fast_scan = __esm({
  "src/ledger/fast-scan.ts"() {
    "use strict";
    init_blocks();
    CR = 13;
    HASH2 = 35;
    LONE_CR = /\r(?!\n)/;
  }
});

// src/ledger/document.ts
function readLedgerText(kind, file, text) {
  const bomLength = text.charCodeAt(0) === 65279 ? 1 : 0;
  const scan = scanSimple(text, bomLength) ?? scanBlocks(text, bomLength);
  const diagnostics = [];
  const at = (line2, column, severity, code, message) => ({
    severity,
    file,
    line: line2 + 1,
    column,
    code,
    message
  });
  checkConflictMarkers(text, scan, (line2, msg) => diagnostics.push(at(line2, 1, "error", "conflict-marker", msg)));
  if (scan.unclosed) {
    const what = scan.unclosed.kind === "fence" ? "code fence" : "HTML comment";
    diagnostics.push(
      at(
        scan.unclosed.line,
        1,
        "error",
        "unclosed-block",
        `This ${what} is never closed, so everything after it is hidden from Markdown; close it`
      )
    );
  }
  if (scan.tooDeep) {
    diagnostics.push(
      at(
        scan.tooDeep.line,
        scan.tooDeep.column,
        "error",
        "too-deep",
        `Expected lists and quotes nested at most ${MAX_NESTING} deep, found a deeper one; taskgate reads the rest of this line as text: flatten it`
      )
    );
  }
  for (const s of scan.setext) {
    diagnostics.push(
      at(
        s.line,
        1,
        "warning",
        "setext-heading",
        `A line of ${s.level === 1 ? "=" : "-"} under text makes that text a heading; use '## ' headings, or put a blank line before a --- rule`
      )
    );
  }
  const sections = [];
  const reserved = RESERVED[kind];
  const prefix = ID_PREFIX[kind];
  const seen = /* @__PURE__ */ new Map();
  const entryChecks = (id, title, line2, col) => {
    if (!title) diagnostics.push(at(line2, col, "error", "missing-title", `Expected a title after ${id}`));
    const first = seen.get(id);
    if (first !== void 0) {
      diagnostics.push({
        ...at(line2, col, "error", "duplicate-id", `Duplicate ID ${id}`),
        related: { line: first + 1, column: col, message: "first defined" }
      });
    } else seen.set(id, line2);
  };
  const table = new FieldTable(text);
  const { headings } = scan;
  let firstEntrySeen = false;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.level > 2) continue;
    let nextHeading;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= 2) {
        nextHeading = headings[j];
        break;
      }
    }
    if (h.level === 1 && !firstEntrySeen) continue;
    firstEntrySeen = true;
    const start = h.start;
    const end = nextHeading ? nextHeading.start : text.length;
    let sectionKind = "other";
    let id;
    let title;
    let titleStart = h.textStart;
    const entry = h.level === 2 ? plainEntryHeading(text, h.textStart, h.textEnd, prefix) : void 0;
    if (entry !== void 0) {
      sectionKind = "entry";
      id = text.slice(h.textStart, entry.idEnd);
      titleStart = entry.titleStart;
      title = entry.titleStart === h.textEnd ? "" : text.slice(entry.titleStart, h.textEnd).trim();
      entryChecks(id, title, h.line, h.textStart - start + 1);
    } else {
      const name = text.slice(h.textStart, h.textEnd);
      if (h.level === 1) {
        diagnostics.push(
          at(
            h.line,
            1,
            "warning",
            "level-1-heading",
            "A level-1 heading after the first section starts a part that taskgate does not read; use '## '"
          )
        );
      } else if (reserved.includes(name)) {
        sectionKind = "reserved";
      } else {
        const m = ENTRY_HEADING.exec(name);
        if (m && m[1] === prefix) {
          sectionKind = "entry";
          id = `${m[1]}-${Number(m[2])}`;
          title = (m[3] ?? "").trim();
          titleStart = m[3] === void 0 ? h.textEnd : h.textEnd - m[3].length;
          const col = h.textStart - start + 1;
          if (`${m[1]}-${m[2]}` !== id) {
            diagnostics.push(
              at(h.line, col, "error", "bad-id", `Expected the ID ${id}, found "${m[1]}-${m[2]}" (no leading zeros)`)
            );
          }
          entryChecks(id, title, h.line, col);
        } else if (likelyEntryId(name, prefix) !== void 0) {
          const likely = likelyEntryId(name, prefix);
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "error",
              "lookalike-heading",
              `"## ${name}" looks like the heading of ${likely} but is not one, so ${likely} is not read; write it "## ${likely} <title>"`
            )
          );
        } else if (m || /^[A-Za-z]-?\d/.test(name)) {
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "error",
              "bad-id",
              `Expected an entry heading "## ${prefix}-<number> <title>", found "## ${name}"`
            )
          );
        } else {
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "warning",
              "unknown-section",
              `Unknown section "${name}"; ${kind === "tasks" ? "TASKS.md" : "APPROVALS.md"} knows ${reserved.join(", ")} and entries "## ${prefix}-<number> <title>"; it is kept as it is`
            )
          );
        }
      }
    }
    const isRules = sectionKind === "reserved" && text.startsWith("Rules", h.textStart) && h.textEnd - h.textStart === 5;
    const isLog = sectionKind === "reserved" && text.startsWith("Log", h.textStart) && h.textEnd - h.textStart === 3;
    const fieldFirst = table.count;
    let fieldsEnd = h.next;
    if (sectionKind !== "other" && !isLog) {
      for (let ln = h.line + 1, ls = h.next, next2 = ls; ls < end; ln++, ls = next2) {
        let nl = text.indexOf("\n", ls);
        if (nl === -1) nl = text.length;
        next2 = nl < text.length ? nl + 1 : text.length;
        const le = nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (isBlank(text, ls, le)) break;
        const colon = fieldColon(text, ls, le);
        if (colon < 0) {
          const lineText = text.slice(ls, le);
          if (isRules) break;
          if (/^(<{7}|={7}|>{7})/.test(lineText)) break;
          const listItem = /^[-*+][ \t]/.test(lineText);
          diagnostics.push(
            at(
              ln,
              1,
              "error",
              "bad-field",
              table.count === fieldFirst && !listItem ? `Expected a field line "- key: value" right under the heading, or a blank line before the text` : listItem ? `Expected a field line "- key: value", found "${clip(lineText)}"` : "Expected a blank line between the field list and the text (this line would join the field above)"
            )
          );
          if (listItem) continue;
          break;
        }
        const dup = table.add(ln, ls, le, next2, colon, fieldFirst);
        if (dup >= 0) {
          const key = table.key(table.count - 1);
          diagnostics.push({
            ...at(
              ln,
              table.keyStart(table.count - 1) - ls + 1,
              "error",
              "duplicate-field",
              `Field "${key}" appears twice`
            ),
            related: { line: table.line(dup) + 1, column: 3, message: "first set" }
          });
        }
        fieldsEnd = next2;
      }
    }
    sections.push(
      new TableSection(
        table,
        sectionKind,
        h.textStart,
        h.textEnd,
        id,
        title,
        h.line,
        titleStart,
        start,
        end,
        nextHeading ? nextHeading.line - 1 : -1,
        fieldFirst,
        table.count - fieldFirst,
        fieldsEnd
      )
    );
  }
  const reservedSeen = /* @__PURE__ */ new Map();
  for (const s of sections) {
    if (s.kind !== "reserved") continue;
    const first = reservedSeen.get(s.name);
    if (first !== void 0) {
      diagnostics.push({
        ...at(s.headingLine, 1, "error", "duplicate-section", `Section "## ${s.name}" appears twice`),
        related: { line: first + 1, column: 1, message: "first here" }
      });
    } else reservedSeen.set(s.name, s.headingLine);
  }
  return { kind, file, text, bomLength, eol: dominantEol(text), scan, sections, diagnostics };
}
function isBlank(text, start, end) {
  for (let i = start; i < end; i++) if (!isWs(text.charCodeAt(i))) return false;
  return true;
}
function fieldColon(text, start, end) {
  const marker = text.charCodeAt(start);
  if (marker !== 45 && marker !== 42 && marker !== 43) return -1;
  let p = start + 1;
  if (p >= end || !isWs(text.charCodeAt(p))) return -1;
  while (p < end && isWs(text.charCodeAt(p))) p++;
  if (p >= end || text.charCodeAt(p) === 58) return -1;
  const colon = text.indexOf(":", p);
  if (colon === -1 || colon >= end) return -1;
  return colon + 1 < end && !isWs(text.charCodeAt(colon + 1)) ? -1 : colon;
}
function knownKeyCode(text, start, end) {
  const list = KEYS_BY_LENGTH[end - start];
  if (list) {
    for (const code of list) if (text.startsWith(KNOWN_KEYS[code], start)) return code;
  }
  return -1;
}
function plainEntryHeading(text, start, end, prefix) {
  if (text.charCodeAt(start) !== prefix.charCodeAt(0) || text.charCodeAt(start + 1) !== 45) return void 0;
  let p = start + 2;
  const d0 = text.charCodeAt(p);
  if (!(d0 >= 49 && d0 <= 57)) return void 0;
  while (p < end && isDigit(text.charCodeAt(p))) p++;
  if (p - (start + 2) > 15) return void 0;
  const idEnd = p;
  if (p < end && !isWs(text.charCodeAt(p))) return void 0;
  while (p < end && isWs(text.charCodeAt(p))) p++;
  for (let q = p; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === 13 || c === 10 || c === 8232 || c === 8233) return void 0;
  }
  return { idEnd, titleStart: p };
}
function clip(s) {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
function dominantEol(text) {
  if (!text.includes("\r\n")) return "\n";
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}
function checkConflictMarkers(text, scan, report) {
  if (!text.includes("<<<<<<<") && !text.includes(">>>>>>>")) return;
  const { lineStarts } = scan;
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i];
    const c = text.charCodeAt(s);
    if (c !== 60 && c !== 62 && c !== 61) continue;
    const head = text.slice(s, s + 8);
    if (/^(<{7}|>{7})( |\r?$|\n)/.test(head) || /^={7}(\r?\n|$)/.test(text.slice(s, s + 9))) {
      report(i, "Found a merge conflict marker; resolve the conflict before taskgate reads or writes this file");
    }
  }
}
function lastContentLine(doc2, section) {
  const { text } = doc2;
  let end = section.end;
  while (end > section.start && isSpace(text.charCodeAt(end - 1))) end--;
  const start = text.lastIndexOf("\n", end - 1) + 1;
  return start <= section.start ? void 0 : { start, end };
}
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
function lastLineOf(doc2, section) {
  return section.lastLine >= 0 ? section.lastLine : doc2.scan.lineStarts.length - 1;
}
function sectionByName(doc2, name) {
  return doc2.sections.find((s) => s.kind === "reserved" && s.name === name);
}
function eachListItem(text, vs, ve, item) {
  for (let p = vs; p <= ve; ) {
    let e = text.indexOf(",", p);
    if (e === -1 || e > ve) e = ve;
    let a = p;
    let b = e;
    while (a < b && isAsciiSpace(text.charCodeAt(a))) a++;
    while (b > a && isAsciiSpace(text.charCodeAt(b - 1))) b--;
    if (a < b && !item(a, b)) return false;
    p = e + 1;
  }
  return true;
}
var RESERVED, ID_PREFIX, ENTRY_HEADING, isWs, KNOWN_KEYS, KEY, KEYS_BY_LENGTH, isDigit, FEW_FIELDS, STRIDE, FieldTable, TableSection, isAsciiSpace;
var init_document = __esm({
  "src/ledger/document.ts"() {
    "use strict";
    init_blocks();
    init_entry_ids();
    init_fast_scan();
    RESERVED = {
      tasks: ["Policy", "Schedules", "Phases", "Hooks", "Log"],
      approvals: ["Roles", "Rules", "Log"]
    };
    ID_PREFIX = { tasks: "T", approvals: "A" };
    ENTRY_HEADING = /^([A-Za-z]+)-(\d+)(?:[ \t]+(.*))?$/;
    isWs = (c) => c === 32 || c === 9;
    KNOWN_KEYS = [
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
    KEY = {
      state: 0,
      priority: 1,
      depends: 2,
      labels: 3,
      assignee: 4,
      lease: 5,
      attempts: 6,
      blocked: 7,
      resolution: 8,
      notBefore: 9,
      created: 10,
      fence: 11,
      workers: 12,
      rework: 13,
      lastError: 14,
      evidence: 30,
      paths: 39,
      worktree: 40
    };
    KEYS_BY_LENGTH = [];
    KNOWN_KEYS.forEach((k, code) => {
      const list = KEYS_BY_LENGTH[k.length];
      if (list) list.push(code);
      else KEYS_BY_LENGTH[k.length] = [code];
    });
    isDigit = (c) => c >= 48 && c <= 57;
    FEW_FIELDS = 16;
    STRIDE = 9;
    FieldTable = class {
      /** `rows`: how many field lines to make room for at first (it grows as needed). */
      constructor(text, rows = text.length >> 6) {
        this.text = text;
        this.rows = new Int32Array(STRIDE * Math.max(64, rows));
      }
      text;
      count = 0;
      rows;
      /** For a long field list: its keys and the last row of each, and its first row (-1: none). */
      keys = /* @__PURE__ */ new Map();
      keysOf = -1;
      /**
       * Adds the field line [ls, le) whose colon is at `colon`; returns the index of the last
       * earlier field of the section (from `first`) with the same key, or -1.
       */
      add(line2, ls, le, next2, colon, first) {
        const { text } = this;
        let keyStart = ls + 1;
        while (isWs(text.charCodeAt(keyStart))) keyStart++;
        let valueStart = colon + 1;
        while (valueStart < le && isWs(text.charCodeAt(valueStart))) valueStart++;
        let valueEnd = le;
        while (valueEnd > valueStart && isWs(text.charCodeAt(valueEnd - 1))) valueEnd--;
        if (valueEnd === valueStart) valueStart = valueEnd = le;
        const code = knownKeyCode(text, keyStart, colon);
        let dup = -1;
        if (this.count - first <= FEW_FIELDS) {
          for (let i = first; i < this.count; i++) {
            const r2 = i * STRIDE;
            if (code >= 0 ? this.rows[r2 + 8] === code : this.rows[r2 + 8] === -1 && this.sameKey(i, keyStart, colon))
              dup = i;
          }
        } else {
          if (this.keysOf !== first) {
            this.keysOf = first;
            this.keys.clear();
            for (let i = first; i < this.count; i++) this.keys.set(this.key(i), i);
          }
          dup = this.keys.get(code >= 0 ? KNOWN_KEYS[code] : text.slice(keyStart, colon)) ?? -1;
        }
        let r = this.count * STRIDE;
        if (r + STRIDE > this.rows.length) {
          const grown = new Int32Array(this.rows.length * 2);
          grown.set(this.rows);
          this.rows = grown;
        }
        const rows = this.rows;
        rows[r++] = line2;
        rows[r++] = ls;
        rows[r++] = le;
        rows[r++] = next2;
        rows[r++] = keyStart;
        rows[r++] = colon;
        rows[r++] = valueStart;
        rows[r++] = valueEnd;
        rows[r] = code;
        this.count++;
        if (this.keysOf === first) this.keys.set(this.key(this.count - 1), this.count - 1);
        return dup;
      }
      sameKey(i, start, end) {
        const s = this.keyStart(i);
        const e = this.rows[i * STRIDE + 5];
        return e - s === end - start && this.text.slice(s, e) === this.text.slice(start, end);
      }
      line(i) {
        return this.rows[i * STRIDE];
      }
      start(i) {
        return this.rows[i * STRIDE + 1];
      }
      keyStart(i) {
        return this.rows[i * STRIDE + 4];
      }
      valueStart(i) {
        return this.rows[i * STRIDE + 6];
      }
      valueEnd(i) {
        return this.rows[i * STRIDE + 7];
      }
      /** The key's code in KNOWN_KEYS, or -1 for a key taskgate does not know. */
      code(i) {
        return this.rows[i * STRIDE + 8];
      }
      key(i) {
        const code = this.code(i);
        return code >= 0 ? KNOWN_KEYS[code] : this.text.slice(this.keyStart(i), this.rows[i * STRIDE + 5]);
      }
      value(i) {
        return this.text.slice(this.valueStart(i), this.valueEnd(i));
      }
      /** Whether the value at row i is exactly `s`. */
      valueIs(i, s) {
        const start = this.valueStart(i);
        return this.valueEnd(i) - start === s.length && this.text.startsWith(s, start);
      }
      fieldLine(i) {
        const r = i * STRIDE;
        const rows = this.rows;
        return {
          key: this.key(i),
          value: this.value(i),
          line: rows[r],
          start: rows[r + 1],
          end: rows[r + 2],
          next: rows[r + 3],
          valueStart: rows[r + 6],
          valueEnd: rows[r + 7]
        };
      }
    };
    TableSection = class {
      constructor(table, kind, nameStart, nameEnd, id, title, headingLine, titleStart, start, end, lastLine4, fieldFirst, fieldCount, fieldsEnd) {
        this.table = table;
        this.kind = kind;
        this.nameStart = nameStart;
        this.nameEnd = nameEnd;
        this.id = id;
        this.title = title;
        this.headingLine = headingLine;
        this.titleStart = titleStart;
        this.start = start;
        this.end = end;
        this.lastLine = lastLine4;
        this.fieldFirst = fieldFirst;
        this.fieldCount = fieldCount;
        this.fieldsEnd = fieldsEnd;
      }
      table;
      kind;
      nameStart;
      nameEnd;
      id;
      title;
      headingLine;
      titleStart;
      start;
      end;
      lastLine;
      fieldFirst;
      fieldCount;
      fieldsEnd;
      heading;
      get titleEnd() {
        return this.nameEnd;
      }
      get name() {
        this.heading ??= this.table.text.slice(this.nameStart, this.nameEnd);
        return this.heading;
      }
      get fields() {
        const lines = [];
        for (let i = this.fieldFirst; i < this.fieldFirst + this.fieldCount; i++) lines.push(this.table.fieldLine(i));
        return lines;
      }
      /** The row of the first field with this key code, or -1. */
      findCode(code) {
        for (let i = this.fieldFirst; i < this.fieldFirst + this.fieldCount; i++) if (this.table.code(i) === code) return i;
        return -1;
      }
    };
    isAsciiSpace = (c) => c === 32 || c >= 9 && c <= 13;
  }
});

// src/ledger/log.ts
var log_exports = {};
__export(log_exports, {
  HASH_LENGTH: () => HASH_LENGTH,
  chainFrom: () => chainFrom,
  chainHash: () => chainHash,
  formatLogBody: () => formatLogBody,
  formatLogLine: () => formatLogLine,
  lastHash: () => lastHash,
  lastHashIn: () => lastHashIn,
  locateLog: () => locateLog,
  logIsClean: () => logIsClean,
  logSectionOf: () => logSectionOf,
  parseLogLine: () => parseLogLine,
  readLog: () => readLog
});
function locateLog(doc2) {
  return logSectionOf(doc2, sectionByName(doc2, "Log"));
}
function logSectionOf(doc2, section) {
  let lines;
  return {
    section,
    // Found on first use: status, list and show never look at the log's lines.
    get lines() {
      if (!lines) {
        lines = [];
        if (section) {
          const { lineStarts, lineEnds } = doc2.scan;
          for (let ln = section.headingLine + 1, last = lastLineOf(doc2, section); ln <= last; ln++) {
            if (lineEnds[ln] > lineStarts[ln]) lines.push(ln);
          }
        }
      }
      return lines;
    }
  };
}
function chainHash(hasher, previous, body) {
  return hasher(`${previous}
${body}`).slice(0, HASH_LENGTH);
}
function quote(value) {
  return /^[^\s"=~]+$/.test(value) ? value : JSON.stringify(value);
}
function formatLogBody(e) {
  const parts = [formatTime(e.time), e.actor, e.role, e.action, e.target || "-"];
  for (const [k, v] of Object.entries(e.details ?? {})) {
    if (v === void 0) continue;
    parts.push(`${k}=${quote(String(v))}`);
  }
  return parts.join(" ");
}
function formatLogLine(hasher, previous, e) {
  const body = formatLogBody(e);
  return `- ${body} ~ ${chainHash(hasher, previous, body)}`;
}
function tokenize(body) {
  const out = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === " ") {
      i++;
      continue;
    }
    let j = i;
    let tok = "";
    while (j < body.length && body[j] !== " ") {
      if (body[j] === '"') {
        let k = j + 1;
        while (k < body.length && body[k] !== '"') k += body[k] === "\\" ? 2 : 1;
        if (k >= body.length) return void 0;
        try {
          tok += JSON.parse(body.slice(j, k + 1));
        } catch {
          return void 0;
        }
        j = k + 1;
      } else {
        tok += body[j];
        j++;
      }
    }
    out.push(tok);
    i = j;
  }
  return out;
}
function parseLogLine(text, line2) {
  const m = LINE.exec(text);
  if (!m) {
    return {
      ok: false,
      column: 1,
      message: `Expected a log line "- TIME ACTOR ROLE ACTION TARGET [key=value...] ~ HASH", found "${text.length > 50 ? `${text.slice(0, 47)}...` : text}"`
    };
  }
  const body = m[1];
  const toks = tokenize(body);
  if (!toks || toks.length < 5) {
    return { ok: false, column: 3, message: "Expected TIME ACTOR ROLE ACTION TARGET at the start of the log line" };
  }
  const [timeText2, actor, role, action, target, ...rest] = toks;
  const time = parseTime(timeText2);
  if (time === void 0) {
    return { ok: false, column: 3, message: `Expected a UTC time like 2026-11-24T09:00:00Z, found "${timeText2}"` };
  }
  const details = {};
  for (const t of rest) {
    const eq = t.indexOf("=");
    if (eq <= 0) return { ok: false, column: 3, message: `Expected key=value in the log line's details, found "${t}"` };
    details[t.slice(0, eq)] = t.slice(eq + 1);
  }
  return { ok: true, entry: { line: line2, time, actor, role, action, target, details, hash: m[2], body } };
}
function lastHash(doc2, log) {
  const last = log.section && lastContentLine(doc2, log.section);
  if (!last) return "";
  const m = LINE.exec(doc2.text.slice(last.start, last.end));
  return m ? m[2] : "";
}
function lastHashIn(text, start, end) {
  let le = end;
  while (le > start) {
    const ls = text.lastIndexOf("\n", le - 1) + 1;
    const line2 = text.slice(Math.max(ls, start), le).replace(/\r$/, "");
    if (line2.trim() !== "") {
      if (ls <= start) return "";
      const m = LINE.exec(line2);
      return m ? m[2] : "";
    }
    le = ls - 1;
  }
  return "";
}
function readLog(doc2, log, hasher) {
  const entries = [];
  const diagnostics = [];
  let previous = "";
  let previousTime = -Infinity;
  for (const ln of log.lines) {
    const text = doc2.text.slice(doc2.scan.lineStarts[ln], doc2.scan.lineEnds[ln]);
    const parsed = parseLogLine(text, ln);
    if (!parsed.ok) {
      diagnostics.push({
        severity: "error",
        file: doc2.file,
        line: ln + 1,
        column: parsed.column,
        code: "bad-log-line",
        message: parsed.message
      });
      previous = "";
      continue;
    }
    const e = parsed.entry;
    if (hasher) {
      const want = chainHash(hasher, previous, e.body);
      if (want !== e.hash) {
        diagnostics.push({
          severity: "error",
          file: doc2.file,
          line: ln + 1,
          column: text.length - HASH_LENGTH + 1,
          code: "broken-chain",
          message: `Log hash chain is broken: expected ~ ${want}, found ~ ${e.hash} (the log is append-only; a line was edited, removed or added by hand)`
        });
      }
    }
    if (e.time < previousTime) {
      diagnostics.push({
        severity: "warning",
        file: doc2.file,
        line: ln + 1,
        column: 3,
        code: "log-time-order",
        message: "This log line is older than the line before it"
      });
    }
    previousTime = e.time;
    previous = e.hash;
    entries.push(e);
  }
  return { entries, diagnostics };
}
function logIsClean(doc2, section, hasher) {
  if (!section) return true;
  const ls = doc2.text.indexOf("\n", section.start) + 1;
  if (ls === 0) return true;
  return chainFrom(doc2.text, ls, section.end, "", hasher) !== void 0;
}
function chainFrom(text, from, end, previous, hasher) {
  let ls = from;
  while (ls < end) {
    let nl = text.indexOf("\n", ls);
    if (nl === -1 || nl > end) nl = end;
    const le = nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (le > ls) {
      const m = LINE.exec(text.slice(ls, le));
      if (!m) return void 0;
      const body = m[1];
      const b = PLAIN_BODY.exec(body);
      if (!b || parseTimeAt(body, 0, b[1].length) === void 0) return void 0;
      const hash2 = chainHash(hasher, previous, body);
      if (hash2 !== m[2]) return void 0;
      previous = hash2;
    }
    ls = nl + 1;
  }
  return previous;
}
var HASH_LENGTH, LINE, JSON_STRING, PLAIN_BODY;
var init_log = __esm({
  "src/ledger/log.ts"() {
    "use strict";
    init_time();
    init_document();
    HASH_LENGTH = 12;
    LINE = /^[-*+] (.*) ~ ([0-9a-f]{12})[ \t]*$/;
    JSON_STRING = '"(?:[^"\\\\\\u0000-\\u001f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';
    PLAIN_BODY = new RegExp(`^(\\S+) [^ "]+ [^ "]+ [^ "]+ [^ "]+(?: [^ "=]+=(?:${JSON_STRING}|[^ "]*))*$`);
  }
});

// src/ledger/log-facts.ts
function detail(details, key) {
  const k = details.lastIndexOf(key);
  if (k < 0) return void 0;
  const end = details.indexOf(" ", k + key.length);
  return details.slice(k + key.length, end < 0 ? details.length : end);
}
function twoDigits(s, i) {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : 100;
}
function readLogLines(text, start, end, base) {
  const cols = new Columns(Math.max(16, Math.ceil((end - start) / 100)), base);
  const other = (ls, le) => {
    if (le - ls < 4 || text.charCodeAt(ls + 1) !== 32) return;
    const parsed = parseLogLine(text.slice(ls, le).replace(/\r$/, ""), 0);
    if (!parsed.ok) return;
    const { time, actor, action, target, details } = parsed.entry;
    const to = details.to ?? (action === "add" ? details.state : void 0);
    cols.add(time, actor, action, target, details.from, to, details.auto === "true", details.session, details.via);
  };
  const others = (from, to) => {
    for (let ls = from; ls < to; ) {
      let nl = text.indexOf("\n", ls);
      if (nl === -1 || nl > to) nl = to;
      other(ls, nl);
      ls = nl + 1;
    }
  };
  let day2 = "";
  let dayStart = 0;
  let expected = start;
  const re = new RegExp(PLAIN_LINE.source, PLAIN_LINE.flags);
  re.lastIndex = Math.max(0, start - 1);
  for (let m = re.exec(text); m !== null && m.index + 1 < end; m = re.exec(text)) {
    const ls = m.index + 1;
    if (ls !== expected) others(expected, ls);
    expected = ls + m[0].length;
    const stamp = m[1];
    let time;
    if (stamp.length === 20 && day2 !== "" && stamp.startsWith(day2)) {
      const h = twoDigits(stamp, 11);
      const min = twoDigits(stamp, 14);
      const sec = twoDigits(stamp, 17);
      if (h < 24 && min < 60 && sec < 60 && stamp.charCodeAt(13) === 58 && stamp.charCodeAt(16) === 58 && stamp.charCodeAt(19) === 90)
        time = dayStart + h * 36e5 + min * 6e4 + sec * 1e3;
    }
    if (time === void 0) {
      time = parseTime(stamp);
      if (time === void 0) continue;
      day2 = stamp.slice(0, 11);
      dayStart = Math.floor(time / 864e5) * 864e5;
    }
    let details = m[5];
    const action = m[3];
    let from;
    let to;
    let marked = false;
    let session;
    let via;
    if (details.length > 0) {
      const quoted = details.includes('"');
      if (quoted) details = details.replace(QUOTED, '""');
      from = detail(details, " from=");
      to = detail(details, " to=") ?? (action === "add" ? detail(details, " state=") : void 0);
      const auto = detail(details, " auto=");
      session = detail(details, " session=");
      via = detail(details, " via=");
      if (quoted && (from === '""' || to === '""' || auto === '""' || session === '""' || via === '""')) {
        other(ls, m.index + m[0].length);
        continue;
      }
      marked = auto === "true";
    }
    cols.add(time, m[2], action, m[4], from, to, marked, session, via);
  }
  if (expected < end) others(expected, end);
  return cols.table();
}
function logTable(doc2, section = sectionByName(doc2, "Log")) {
  return section ? readLogLines(doc2.text, section.start, section.end) : emptyLogTable();
}
function emptyLogTable() {
  return readLogLines("", 0, 0);
}
var SEEDED, SEEDED_WORDS, NONE, W, Codes, Columns, QUOTED_SOURCE, QUOTED, WORD, KEY2, PLAIN_LINE;
var init_log_facts = __esm({
  "src/ledger/log-facts.ts"() {
    "use strict";
    init_time();
    init_document();
    init_log();
    SEEDED = [
      " ",
      // NONE: a place, not a value (a value " " gets a code of its own)
      ...["PLAN", "READY", "DOING", "REVIEW", "DONE"],
      ...["add", "claim", "renew", "release", "submit", "accept", "rework", "fail", "recover", "takeover", "set"],
      ...["ready", "plan", "cancel", "block", "unblock", "request", "approve", "reject", "schedule", "lost"]
    ];
    SEEDED_WORDS = SEEDED;
    NONE = 0;
    W = Object.fromEntries(SEEDED.map((w, i) => [w, i]).filter(([w]) => w !== " "));
    Codes = class {
      values = [];
      byValue = /* @__PURE__ */ new Map();
      /** With `firstIsNone`, code 0 is kept for "no value" and never given to a string. */
      constructor(seed = [], firstIsNone = false) {
        seed.forEach((w, i) => {
          if (i === 0 && firstIsNone) this.values.push(w);
          else this.code(w);
        });
      }
      code(s) {
        let v = this.byValue.get(s);
        if (v === void 0) {
          v = this.values.length;
          this.values.push(s);
          this.byValue.set(s, v);
        }
        return v;
      }
    };
    Columns = class {
      length = 0;
      time;
      actor;
      action;
      from;
      to;
      target;
      marked;
      session;
      fromRun;
      actors;
      words;
      targets;
      /** Room for n lines, after the lines of `base` when given. */
      constructor(n, base) {
        const size = n + (base?.length ?? 0);
        this.time = new Float64Array(size);
        this.actor = new Int32Array(size);
        this.action = new Int32Array(size);
        this.from = new Int32Array(size);
        this.to = new Int32Array(size);
        this.target = new Int32Array(size);
        this.marked = new Uint8Array(size);
        this.session = new Int32Array(size);
        this.fromRun = new Uint8Array(size);
        this.actors = new Codes(base?.actors);
        this.words = new Codes(base?.words ?? SEEDED, true);
        this.targets = new Codes(base?.targets);
        if (base) {
          this.time.set(base.time);
          this.actor.set(base.actor);
          this.action.set(base.action);
          this.from.set(base.from);
          this.to.set(base.to);
          this.target.set(base.target);
          this.marked.set(base.marked);
          this.session.set(base.session);
          this.fromRun.set(base.fromRun);
          this.length = base.length;
        }
      }
      add(time, actor, action, target, from, to, marked, session, via) {
        if (this.length === this.time.length) this.grow();
        const i = this.length++;
        const code = this.words.code(action);
        this.time[i] = time;
        this.actor[i] = this.actors.code(actor);
        this.action[i] = code;
        this.target[i] = this.targets.code(target);
        this.from[i] = from === void 0 ? NONE : this.words.code(from);
        this.to[i] = to === void 0 ? NONE : this.words.code(to);
        this.marked[i] = marked ? 1 : 0;
        this.session[i] = session === void 0 ? NONE : this.words.code(session);
        this.fromRun[i] = via === "run" || via === "work" ? 1 : 0;
      }
      /** Twice the room. */
      grow() {
        const n = this.time.length * 2;
        const grow = (a, make) => {
          const b = new make(n);
          b.set(a);
          return b;
        };
        this.time = grow(this.time, Float64Array);
        this.actor = grow(this.actor, Int32Array);
        this.action = grow(this.action, Int32Array);
        this.from = grow(this.from, Int32Array);
        this.to = grow(this.to, Int32Array);
        this.target = grow(this.target, Int32Array);
        this.marked = grow(this.marked, Uint8Array);
        this.session = grow(this.session, Int32Array);
        this.fromRun = grow(this.fromRun, Uint8Array);
      }
      table() {
        const n = this.length;
        return {
          length: n,
          time: this.time.subarray(0, n),
          actor: this.actor.subarray(0, n),
          action: this.action.subarray(0, n),
          from: this.from.subarray(0, n),
          to: this.to.subarray(0, n),
          target: this.target.subarray(0, n),
          marked: this.marked.subarray(0, n),
          session: this.session.subarray(0, n),
          fromRun: this.fromRun.subarray(0, n),
          actors: this.actors.values,
          words: this.words.values,
          targets: this.targets.values
        };
      }
    };
    QUOTED_SOURCE = '"(?:[^"\\\\\\u0000-\\u001f\\u2028\\u2029]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';
    QUOTED = new RegExp(QUOTED_SOURCE, "g");
    WORD = '[^ "\\n\\r\\u2028\\u2029]';
    KEY2 = '[^ "=\\n\\r\\u2028\\u2029]';
    PLAIN_LINE = new RegExp(
      `\\n[-*+] (${WORD}+) (${WORD}+) ${WORD}+ (${WORD}+) (${WORD}+)((?: ${KEY2}+=(?:${QUOTED_SOURCE}|${WORD}*))*) ~ [0-9a-f]{12}[ \\t]*\\r?(?=\\n|$)`,
      "g"
    );
  }
});

// src/io/log-memo.ts
var log_memo_exports = {};
__export(log_memo_exports, {
  fileLogMemo: () => fileLogMemo
});
function fileLogMemo(env2) {
  if (!BUILD || env2.TASKGATE_NO_MEMO === "1") return void 0;
  const build = BUILD;
  const where2 = (file) => {
    try {
      return (0, import_node_path9.join)(privateDirFor(file, "memo"), `${(0, import_node_path9.basename)(file)}-${shortHash(file)}-log.bin`);
    } catch {
      return void 0;
    }
  };
  return {
    table(file, text, bytes, start, end, derived) {
      const path = where2(file);
      const at = new Bytes(text, bytes, start);
      const memo = path === void 0 ? void 0 : load(path, build, at, end - start);
      const nl = text.lastIndexOf("\n", end - 1);
      const complete = nl < start ? start : nl + 1;
      const from = memo ? start + memo.chars : start;
      const upToComplete = memo && complete <= from ? memo.table : readLogLines(text, from, complete, memo?.table);
      const before = derived && memo?.derived ? derived.fromParts(memo.derived) : void 0;
      let d = derived?.advance(upToComplete, before);
      if (path !== void 0 && (!memo || derived && d !== before || complete - from > REWRITE_AFTER)) {
        const segments = memo ? [...memo.segments] : [];
        const memoBytes = segments.reduce((n, s) => n + s.bytes, 0);
        const added = at.length(memo?.chars ?? 0, complete - start);
        const sha = at.hash(memoBytes, added);
        if (added > 0 && sha) segments.push({ bytes: added, sha });
        const all = segments.length > MAX_SEGMENTS && at.hash(0, memoBytes + added);
        if (all) segments.splice(0, segments.length, { bytes: memoBytes + added, sha: all });
        save(path, build, upToComplete, { chars: complete - start, segments }, d && derived?.parts(d));
      }
      const table = complete < end ? readLogLines(text, complete, end, upToComplete) : upToComplete;
      if (derived && d !== void 0 && table !== upToComplete) d = derived.advance(table, d);
      return { table, derived: d };
    }
  };
}
function load(path, build, at, chars) {
  let buf;
  try {
    buf = (0, import_node_fs9.readFileSync)(path);
  } catch {
    return void 0;
  }
  try {
    const nl = buf.indexOf(10);
    const h = JSON.parse(buf.toString("utf8", 0, nl));
    if (h.build !== build || h.chars > chars || !Array.isArray(h.segments) || !at.matches(h.segments)) return void 0;
    if (SEEDED_WORDS.some((w, i) => h.words[i] !== w)) return void 0;
    let p = nl + 1;
    const columns2 = {};
    for (const c of h.columns) {
      const size = c.length * BYTES[c.type];
      if (p + size > buf.length) return void 0;
      const offset = buf.byteOffset + p;
      columns2[c.name] = offset % BYTES[c.type] === 0 ? MAKE[c.type](buf.buffer, offset, c.length) : MAKE[c.type](new Uint8Array(buf.subarray(p, p + size)).buffer, 0, c.length);
      p += size + (ALIGN - size % ALIGN) % ALIGN;
    }
    const n = h.length;
    const col = (name, kind) => {
      const c = columns2[name];
      if (!(c instanceof kind) || c.length !== n) throw new Error(`no column ${name}`);
      return c;
    };
    const table = {
      length: n,
      time: col("time", Float64Array),
      actor: col("actor", Int32Array),
      action: col("action", Int32Array),
      from: col("from", Int32Array),
      to: col("to", Int32Array),
      target: col("target", Int32Array),
      marked: col("marked", Uint8Array),
      session: col("session", Int32Array),
      fromRun: col("fromRun", Uint8Array),
      actors: h.actors,
      words: h.words,
      targets: h.targets
    };
    const derivedColumns = {};
    for (const [name, c] of Object.entries(columns2))
      if (name.startsWith(DERIVED)) derivedColumns[name.slice(DERIVED.length)] = c;
    return {
      table,
      chars: h.chars,
      segments: h.segments,
      derived: h.derived ? { numbers: h.derived, columns: derivedColumns } : void 0
    };
  } catch {
    return void 0;
  }
}
function save(path, build, t, of, derived) {
  try {
    const columns2 = TABLE_COLUMNS.map((name) => [name, t[name]]);
    for (const [name, c] of Object.entries(derived?.columns ?? {})) columns2.push([DERIVED + name, c]);
    const header = {
      build,
      ...of,
      length: t.length,
      actors: [...t.actors],
      words: [...t.words],
      targets: [...t.targets],
      columns: columns2.map(([name, c]) => ({ name, type: typeOf(c), length: c.length })),
      ...derived ? { derived: derived.numbers } : {}
    };
    const json2 = Buffer.from(JSON.stringify(header), "utf8");
    const parts = [json2, Buffer.from(`${" ".repeat(padTo(json2.length + 1))}
`, "utf8")];
    for (const [, c] of columns2) {
      parts.push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
      parts.push(new Uint8Array(padTo(c.byteLength)));
    }
    replaceOwnFile(path, parts);
  } catch {
  }
}
var import_node_fs9, import_node_path9, REWRITE_AFTER, MAX_SEGMENTS, TABLE_COLUMNS, DERIVED, ALIGN, typeOf, MAKE, BYTES, Bytes, padTo;
var init_log_memo = __esm({
  "src/io/log-memo.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs");
    import_node_path9 = require("node:path");
    init_log_facts();
    init_hash();
    init_memo();
    init_places();
    init_temp_files();
    REWRITE_AFTER = 128 * 1024;
    MAX_SEGMENTS = 8;
    TABLE_COLUMNS = ["time", "actor", "action", "from", "to", "target", "marked", "session", "fromRun"];
    DERIVED = "derived.";
    ALIGN = 8;
    typeOf = (a) => a instanceof Float64Array ? "f64" : a instanceof Int32Array ? "i32" : "u8";
    MAKE = {
      f64: (b, o, n) => new Float64Array(b, o, n),
      i32: (b, o, n) => new Int32Array(b, o, n),
      u8: (b, o, n) => new Uint8Array(b, o, n)
    };
    BYTES = { f64: 8, i32: 4, u8: 1 };
    Bytes = class {
      constructor(text, bytes, charStart) {
        this.text = text;
        this.bytes = bytes;
        this.charStart = charStart;
        this.start = Buffer.byteLength(text.slice(0, charStart), "utf8");
      }
      text;
      bytes;
      charStart;
      start;
      /** The bytes of text[from, to), from and to counted from the log's start. */
      length(from, to) {
        return Buffer.byteLength(this.text.slice(this.charStart + from, this.charStart + to), "utf8");
      }
      /** The SHA-256 of `length` bytes from `offset` bytes after the log's start. */
      hash(offset, length) {
        const a = this.start + offset;
        return a + length > this.bytes.length ? void 0 : sha256Hex(this.bytes.subarray(a, a + length));
      }
      /** Whether the log starts with these segments. */
      matches(segments) {
        let offset = 0;
        for (const s of segments) {
          if (this.hash(offset, s.bytes) !== s.sha) return false;
          offset += s.bytes;
        }
        return true;
      }
    };
    padTo = (length) => (ALIGN - length % ALIGN) % ALIGN;
  }
});

// src/io/lock.ts
function readOr(path) {
  try {
    return (0, import_node_fs10.readFileSync)(path, "utf8");
  } catch {
    return void 0;
  }
}
function processStart(pid) {
  if (process.platform === "win32") return void 0;
  const stat = readOr(`/proc/${pid}/stat`);
  if (stat === void 0) return void 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return void 0;
  return fields[19];
}
function thisProcess() {
  if (!self) {
    let ns;
    try {
      ns = process.platform === "win32" ? void 0 : (0, import_node_fs10.readlinkSync)("/proc/self/ns/pid");
    } catch {
      ns = void 0;
    }
    self = {
      host: (0, import_node_os3.hostname)(),
      pid: process.pid,
      start: processStart("self"),
      boot: process.platform === "win32" ? void 0 : readOr("/proc/sys/kernel/random/boot_id")?.trim(),
      ns
    };
  }
  return self;
}
function judgeOwner(o) {
  const me = thisProcess();
  const who = `process ${o.pid} on ${o.host}`;
  if (o.host !== me.host || o.ns && me.ns && o.ns !== me.ns)
    return { kind: "remote", why: `${who} (another host or container)` };
  if (o.boot && me.boot && o.boot !== me.boot) return { kind: "gone", why: `${who}, from before a restart` };
  if (o.pid === me.pid && o.start === me.start) return { kind: "alive", why: `${who} (this process)` };
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if (e.code === "ESRCH") return { kind: "gone", why: `${who}, which has exited` };
  }
  if (o.start !== void 0 && me.start !== void 0) {
    const now = processStart(o.pid);
    if (now === void 0) return { kind: "gone", why: `${who}, which has exited` };
    if (now !== o.start) return { kind: "gone", why: `${who}, which has exited (its pid is used again)` };
  }
  return { kind: "alive", why: `${who}, which is still running` };
}
function readOwner(lockPath) {
  const text = readOr(lockPath);
  if (text === void 0) return void 0;
  try {
    const o = JSON.parse(text);
    return typeof o.nonce === "string" && typeof o.pid === "number" && typeof o.host === "string" ? o : void 0;
  } catch {
    return void 0;
  }
}
function tryLock(lockPath, stale, seen, unlink = import_node_fs10.unlinkSync) {
  const nonce = `${process.pid}.${++counter2}.${process.hrtime.bigint()}.${Math.random().toString(36).slice(2)}`;
  const owner = { ...thisProcess(), nonce, since: (/* @__PURE__ */ new Date()).toISOString() };
  const tmp = `${lockPath}.${process.pid}.${++counter2}.tmp`;
  try {
    const fd = (0, import_node_fs10.openSync)(tmp, "wx", 420);
    try {
      (0, import_node_fs10.writeSync)(fd, JSON.stringify(owner));
    } finally {
      (0, import_node_fs10.closeSync)(fd);
    }
    for (let round = 0; round < 3; round++) {
      try {
        (0, import_node_fs10.linkSync)(tmp, lockPath);
        return held(lockPath, owner, stale, unlink);
      } catch (e) {
        const code = e.code;
        if (code !== "EEXIST") throw e;
      }
      if (!takeOverIfDead(lockPath, tmp, stale, seen)) return void 0;
    }
    return void 0;
  } finally {
    (0, import_node_fs10.rmSync)(tmp, { force: true });
  }
}
function judgeLock(path, stale, seen) {
  let age3;
  let isFile;
  let ino;
  try {
    const st = (0, import_node_fs10.statSync)(path);
    age3 = Date.now() - st.mtimeMs;
    isFile = st.isFile();
    ino = st.ino;
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  const owner = isFile ? readOwner(path) : void 0;
  if (owner) {
    const j = judgeOwner(owner);
    seen.why = j.why;
    return { dead: j.kind === "gone" || j.kind === "remote" && age3 >= stale, owner, ino };
  }
  seen.why = isFile ? "a lock being taken, or of an unknown format" : "a lock folder of an older taskgate";
  return { dead: age3 >= stale, owner, ino };
}
function sameLock(path, judged) {
  if (judged.owner) return readOwner(path)?.nonce === judged.owner.nonce;
  try {
    return (0, import_node_fs10.statSync)(path).ino === judged.ino;
  } catch {
    return false;
  }
}
function takeOverIfDead(lockPath, mine, stale, seen) {
  const judged = judgeLock(lockPath, stale, seen);
  if (!judged) return true;
  if (!judged.dead) return false;
  const guard2 = `${lockPath}.takeover`;
  try {
    (0, import_node_fs10.linkSync)(mine, guard2);
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    const g = judgeLock(guard2, stale, {});
    if (g?.dead) {
      const aside = `${guard2}.${process.pid}.${++counter2}.dead.tmp`;
      try {
        renameRetrying(guard2, aside);
        if (!sameLock(aside, g)) (0, import_node_fs10.linkSync)(aside, guard2);
      } catch {
      }
      (0, import_node_fs10.rmSync)(aside, { force: true });
    }
    return false;
  }
  const guardRecord = readOwner(guard2);
  try {
    if (sameLock(lockPath, judged)) removeRetrying(lockPath);
  } finally {
    if (guardRecord && readOwner(guard2)?.nonce === guardRecord.nonce) (0, import_node_fs10.rmSync)(guard2, { force: true });
  }
  return true;
}
function held(lockPath, owner, stale, unlink) {
  const timer = setInterval(
    () => {
      try {
        const now = /* @__PURE__ */ new Date();
        (0, import_node_fs10.utimesSync)(lockPath, now, now);
      } catch {
      }
    },
    Math.max(500, Math.floor(stale / 4))
  );
  timer.unref();
  return {
    path: lockPath,
    owner,
    stillOurs: () => readOwner(lockPath)?.nonce === owner.nonce,
    release() {
      clearInterval(timer);
      let left = RELEASE_RETRIES;
      const attempt = (retrying2) => {
        if (readOwner(lockPath)?.nonce !== owner.nonce) return true;
        try {
          if (retrying2) unlinkRetrying(lockPath, process.platform, unlink);
          else unlink(lockPath);
          return true;
        } catch (e) {
          return e.code === "ENOENT";
        }
      };
      if (attempt(true)) return;
      const later = setInterval(() => {
        if (attempt(false) || --left <= 0) clearInterval(later);
      }, RELEASE_RETRY_MS);
      later.unref();
    }
  };
}
function removeRetrying(path) {
  let isDir;
  try {
    isDir = (0, import_node_fs10.lstatSync)(path).isDirectory();
  } catch (e) {
    if (e.code === "ENOENT") return;
    throw e;
  }
  if (isDir) {
    (0, import_node_fs10.rmSync)(path, { recursive: true, force: true });
    return;
  }
  try {
    unlinkRetrying(path);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}
var import_node_fs10, import_node_os3, self, counter2, RELEASE_RETRY_MS, RELEASE_RETRIES;
var init_lock = __esm({
  "src/io/lock.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs");
    import_node_os3 = require("node:os");
    init_atomic_write();
    counter2 = 0;
    RELEASE_RETRY_MS = 500;
    RELEASE_RETRIES = 120;
  }
});

// src/io/store.ts
var store_exports = {};
__export(store_exports, {
  LedgerStore: () => LedgerStore,
  realTarget: () => realTarget
});
function realTarget(path) {
  let p = (0, import_node_path10.resolve)(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink;
    try {
      isLink = (0, import_node_fs11.lstatSync)(p).isSymbolicLink();
    } catch {
      break;
    }
    if (!isLink) break;
    p = (0, import_node_path10.resolve)((0, import_node_path10.dirname)(p), (0, import_node_fs11.readlinkSync)(p));
  }
  const real = process.platform === "win32" ? import_node_fs11.realpathSync.native : import_node_fs11.realpathSync;
  try {
    return real(p);
  } catch {
    try {
      return (0, import_node_path10.join)(real((0, import_node_path10.dirname)(p)), (0, import_node_path10.basename)(p));
    } catch {
      return p;
    }
  }
}
function waitUntilGone(file) {
  const nap = (ms2) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms2);
  if (file === void 0) return void nap(4e3);
  for (const end = Date.now() + 6e4; (0, import_node_fs11.existsSync)(file) && Date.now() < end; ) nap(20);
}
function injected(code, path) {
  return Object.assign(new Error(`${code}: injected by TASKGATE_TEST_FAULT, '${path}'`), { code, path });
}
function rmForce(path) {
  try {
    (0, import_node_fs11.unlinkSync)(path);
  } catch {
  }
}
function intentPathFor(target) {
  const key = lockKey(process.platform, target);
  return (0, import_node_path10.join)(lockDirFor(target), `${(0, import_node_path10.basename)(key)}-${shortHash(key)}.intent`);
}
function writeIntent(targets, prepared) {
  const intent = intentOf(targets, prepared);
  const records = targets.map((t) => intentPathFor(t.target));
  for (const r of records) {
    asMachineFault(r, false, () => prepareAtomic(r, Buffer.from(JSON.stringify(intent), "utf8"), void 0).commit());
  }
  return records;
}
function intentOf(targets, prepared) {
  return {
    time: (/* @__PURE__ */ new Date()).toISOString(),
    pid: process.pid,
    files: targets.map((t, i) => ({
      path: t.w.path,
      target: t.target,
      pending: prepared[i].tmp,
      before: t.before === void 0 ? null : sha256Hex(t.before),
      after: sha256Hex(Buffer.from(t.w.text, "utf8"))
    }))
  };
}
function repairAdvice(intent, notWritten) {
  const q = (p) => `'${p.replace(/'/g, `'\\''`)}'`;
  const moves = intent.files.filter((f) => notWritten.includes(f.target)).map((f) => `mv ${q(f.pending)} ${q(f.target)}`);
  const records = intent.files.map((f) => q(intentPathFor(f.target))).join(" ");
  return `To finish it: ${[...moves, `rm ${records}`].join(" && ")}; or, to keep the files as they are, check them (taskgate check) and run rm ${records}`;
}
function checkIntent(target) {
  for (const path of [intentPathFor(target)]) {
    if (!(0, import_node_fs11.existsSync)(path)) continue;
    let intent;
    try {
      intent = JSON.parse(decodeUtf8(path, readBytes(path)));
    } catch {
      rmForce(path);
      continue;
    }
    const state = intent.files.map((f) => {
      const b = readBytes(f.target);
      const sha = b === void 0 ? null : sha256Hex(b);
      return sha === f.after ? "written" : sha === f.before ? "not written" : "changed since";
    });
    if (state.every((s) => s === "written") || state.every((s) => s === "not written")) {
      for (const f of intent.files) {
        rmForce(f.pending);
        rmForce(intentPathFor(f.target));
      }
      continue;
    }
    const list = intent.files.map((f, i) => `${f.path} ${state[i]}`).join(", ");
    const notWritten = intent.files.filter((_, i) => state[i] === "not written").map((f) => f.target);
    throw new InvalidLedgerError(
      `A write of ${intent.files.map((f) => f.path).join(" and ")} (process ${intent.pid}, ${intent.time}) stopped between its renames: ${list}; the ledgers may disagree, so nothing is written until it is repaired. ${repairAdvice(intent, notWritten)}`,
      []
    );
  }
}
function refuseUnsafeWrite(w, target) {
  const gitDir = findGitDir((0, import_node_path10.dirname)(target));
  if (gitDir && gitIsMergingFile(gitDir, target)) {
    throw new BusyError(
      `${w.path}: git is in the middle of a merge or rebase of this file; finish it (git add, then commit or continue) and run the command again`
    );
  }
  if (/^(<{7}|>{7})( |\r?$)/m.test(w.text)) {
    throw new InvalidLedgerError(
      `${w.path}: refusing to write a file that has merge conflict markers; resolve them first`,
      []
    );
  }
}
function fileHasBytes(path, bytes) {
  let fd;
  try {
    fd = (0, import_node_fs11.openSync)(path, "r");
  } catch (e) {
    if (e.code === "ENOENT") return bytes === void 0;
    throw e;
  }
  try {
    if (bytes === void 0) return false;
    const piece = Buffer.allocUnsafe(Math.min(1 << 16, Math.max(1, bytes.length)));
    let at = 0;
    for (; ; ) {
      const n = (0, import_node_fs11.readSync)(fd, piece, 0, piece.length, at);
      if (n === 0) return at === bytes.length;
      if (at + n > bytes.length || piece.compare(bytes, at, at + n, 0, n) !== 0) return false;
      at += n;
    }
  } finally {
    (0, import_node_fs11.closeSync)(fd);
  }
}
var import_node_fs11, import_node_path10, LedgerStore, EARLY_PLAN_BYTES;
var init_store = __esm({
  "src/io/store.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs");
    import_node_path10 = require("node:path");
    init_errors();
    init_windows();
    init_atomic_write();
    init_faults();
    init_git();
    init_hash();
    init_lock();
    init_places();
    init_temp_files();
    init_text();
    LedgerStore = class {
      lockTimeout;
      lockStale;
      clock;
      hooks;
      underLock;
      constructor(options = {}) {
        this.underLock = options.underLock;
        this.lockTimeout = options.lockTimeout ?? 3e4;
        this.lockStale = Math.max(2e3, options.lockStale ?? 5e3);
        this.clock = options.clock ?? Date.now;
        this.hooks = options.hooks ?? {};
      }
      /**
       * Runs `decide` on the current texts of `paths` (undefined for a missing file) and the time,
       * under their locks, and writes what it returns. `decide` must be pure: it may run again
       * when a file changed under us between the read and the write, or when the clock moved on.
       */
      async update(paths, decide2) {
        const absolute = paths.map((p) => (0, import_node_path10.resolve)(p));
        const real = absolute.map(realTarget);
        const order = lockOrder(process.platform, real);
        const plan = (raw, now, texts) => {
          let decoded = texts;
          try {
            decoded ??= raw.map((b, i) => b === void 0 ? void 0 : decodeUtf8(paths[i], b));
            return { raw, texts: decoded, now, out: decide2(decoded, now) };
          } catch (error) {
            return { raw, texts: decoded, now, error };
          }
        };
        const read2 = () => real.map((p, i) => asMachineFault(paths[i], false, () => readBytes(p)));
        const sameBytes = (p) => real.every((f, i) => fileHasBytes(f, p.raw[i]));
        const sameSecond = (p, now) => Math.floor(now / 1e3) === Math.floor(p.now / 1e3);
        let early = read2();
        let planned;
        if (early.reduce((n, b) => n + (b?.length ?? 0), 0) <= EARLY_PLAN_BYTES) {
          planned = plan(early, this.clock());
          early = void 0;
        }
        const held2 = [];
        try {
          for (const p of order) held2.push(await this.acquire(p));
          for (const p of order) checkIntent(p);
          this.underLock?.();
          for (let attempt = 1; ; attempt++) {
            const now = this.clock();
            if (planned === void 0) {
              const bytes = early !== void 0 && real.every((f, i) => fileHasBytes(f, early?.[i])) ? early : void 0;
              early = void 0;
              planned = plan(bytes ?? read2(), now);
            } else if (!sameBytes(planned)) {
              planned = void 0;
              planned = plan(read2(), now);
            } else if (!sameSecond(planned, now)) {
              const { raw: kept, texts } = planned;
              planned = void 0;
              planned = plan(kept, now, texts);
            }
            const raw = planned.raw;
            if ("error" in planned) throw planned.error;
            const { writes, result } = planned.out;
            const targets = writes.map((w) => {
              const i = absolute.indexOf((0, import_node_path10.resolve)(w.path));
              if (i < 0) throw new Error(`internal: write to ${w.path}, which was not locked`);
              const target = real[i];
              return { w, target, before: raw[i], held: held2.find((x) => x.path === target) };
            });
            for (const { w, target } of targets) refuseUnsafeWrite(w, target);
            const changed = targets.some(({ target, before }) => !fileHasBytes(target, before));
            if (!changed) {
              this.commit(targets);
              return result;
            }
            if (attempt >= 3) {
              throw new BusyError(
                `${paths.join(", ")} kept changing while taskgate was writing (another program writes it without the lock); nothing was written, run the command again`
              );
            }
          }
        } finally {
          for (const h of held2.reverse()) {
            try {
              h.lock.release();
            } catch {
            }
          }
        }
      }
      /**
       * Every temp file written and flushed first (a failure there changes nothing), then the
       * checks, then the renames. A write of two files records its intent in the lock folder
       * before the first rename and removes it after the last, so a failure or a kill between
       * the renames is named by the next write (checkIntent).
       */
      commit(targets) {
        const inject = (step, path) => {
          const f = this.hooks.fault;
          if (f && f.step === step) throw injected(f.code, path);
        };
        const multi = targets.length > 1;
        const prepared = [];
        let intent = [];
        const discardAll = () => {
          for (const p of prepared) p.discard();
          for (const i of intent) rmForce(i);
        };
        try {
          for (const { w, target } of targets) {
            try {
              prepared.push(
                asMachineFault(
                  w.path,
                  false,
                  () => prepareAtomic(target, w.text, lockDirFor(target), multi ? ".pending" : ".tmp", inject)
                )
              );
            } catch (e) {
              if (e.code === "ENOENT")
                throw machineFault(
                  e,
                  target === w.path ? w.path : `${w.path} (a link to ${target})`
                );
              throw e;
            }
          }
          if (multi) intent = writeIntent(targets, prepared);
        } catch (e) {
          discardAll();
          throw e;
        }
        const stop = (at) => {
          if (this.hooks.stopBefore !== at) return;
          (0, import_node_fs11.writeSync)(2, `taskgate-test: stopped before ${at}, pid ${process.pid}
`);
          if (process.platform === "win32") waitUntilGone(this.hooks.resumeWhenGone);
          else process.kill(process.pid, "SIGSTOP");
        };
        for (let k = 0; k < targets.length; k++) {
          const p = prepared[k];
          try {
            if (k === 0) stop("check");
            this.checkStillOurs(targets, k);
            if (k === 0) stop("rename");
            if (k === 1) inject("rename2", p.target);
            p.commit();
          } catch (e) {
            if (k === 0) {
              discardAll();
              if (isMachineFault(e)) throw machineFault(e, targets[0]?.w.path);
              throw e;
            }
            const done = targets.slice(0, k).map((t) => t.w.path);
            const left = targets.slice(k).map((t) => t.w.path);
            const cause = e instanceof Error ? e.message.split("\n")[0] : String(e);
            const advice = repairAdvice(
              intentOf(targets, prepared),
              targets.slice(k).map((t) => t.target)
            );
            const message = `${left.join(", ")}: not written (${cause}), but ${done.join(", ")} was: the ledgers may disagree. ${advice}`;
            if (e instanceof BusyError) throw new BusyError(message);
            throw new MachineFaultError(message, left[0], e.code ?? "EPARTIAL");
          }
        }
        for (const i of intent) rmForce(i);
      }
      /** Right before renames: each file still holds the bytes planned from, each lock is still ours. */
      checkStillOurs(targets, from) {
        for (const [k, { w, target, before, held: h }] of targets.entries()) {
          if (k < from) continue;
          const also = from === 0 ? "; nothing was written, run the command again" : "";
          if (!h.lock.stillOurs()) {
            throw new BusyError(
              `${w.path}: another process took over the lock (${h.lock.path}) while taskgate was writing${also}`
            );
          }
          if (!fileHasBytes(target, before)) {
            throw new BusyError(`${w.path} was changed by another program while taskgate was writing it${also}`);
          }
        }
      }
      async acquire(path) {
        const lockDir = lockDirFor(path);
        asMachineFault(lockDir, true, () => {
          privateDirFor(path);
          removeStaleTempFiles(lockDir);
        });
        const key = lockKey(process.platform, path);
        const lockPath = (0, import_node_path10.join)(lockDir, `${(0, import_node_path10.basename)(key)}-${shortHash(key)}.lock`);
        const deadline = Date.now() + this.lockTimeout;
        let wait = 5;
        const seen = {};
        for (; ; ) {
          const lock = asMachineFault(lockDir, true, () => tryLock(lockPath, this.lockStale, seen));
          if (lock) return { path, lock };
          if (Date.now() >= deadline) {
            throw new BusyError(
              `${(0, import_node_path10.basename)(path)} is locked by ${seen.why ?? "another taskgate process"} (lock ${lockPath}); try again in a moment, or remove the lock if that process is not taskgate`
            );
          }
          await new Promise((r) => setTimeout(r, Math.random() * wait));
          wait = Math.min(wait * 1.5, 50);
        }
      }
    };
    EARLY_PLAN_BYTES = 4 * 1024 * 1024;
  }
});

// src/rules/command-template.ts
function parseTemplate(text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote2;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote2) {
      if (c === quote2) quote2 = void 0;
      else if (c === "\\" && quote2 === '"' && i + 1 < text.length && '$`"\\'.includes(text[i + 1]))
        word += text[++i];
      else word += c;
      continue;
    }
    if (c === " " || c === "	" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (c === "'" || c === '"') {
      quote2 = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote2) return { ok: false, message: `The command ${JSON.stringify(text)} has an unclosed ${quote2}` };
  if (inWord) words.push(word);
  if (words.length === 0) return { ok: false, message: "The command is empty; give a program, like --exec 'npm test'" };
  return { ok: true, words };
}
function instantiate(words, task) {
  return words.map((w) => w.replace(/\{(id|title|file)\}/g, (_m, k) => task[k]));
}
var init_command_template = __esm({
  "src/rules/command-template.ts"() {
    "use strict";
  }
});

// src/rules/hooks.ts
var hooks_exports = {};
__export(hooks_exports, {
  DEFAULT_RETRY: () => DEFAULT_RETRY,
  DEFAULT_TIMEOUT: () => DEFAULT_TIMEOUT,
  EVENTS: () => EVENTS,
  EVENT_ACTIONS: () => EVENT_ACTIONS,
  EVENT_SCHEMA: () => EVENT_SCHEMA,
  EVENT_VERSION: () => EVENT_VERSION,
  eventIdText: () => eventIdText,
  eventOf: () => eventOf,
  hookArgv: () => hookArgv,
  hookDiagnostics: () => hookDiagnostics,
  hookKey: () => hookKey,
  hookProblems: () => hookProblems,
  parseHook: () => parseHook,
  parseHooks: () => parseHooks,
  payloadOf: () => payloadOf,
  retryDelay: () => retryDelay,
  slaPayload: () => slaPayload,
  unsafePlaceholder: () => unsafePlaceholder
});
function unsafePlaceholder(argv) {
  let start = 0;
  if (nameOf(argv[0] ?? "") === "env") {
    start = 1;
    while (start < argv.length && /^-|=/.test(argv[start])) start++;
  }
  const program2 = argv[start];
  if (program2 === void 0) return void 0;
  const name = nameOf(program2);
  const flag = SCRIPT_FLAGS[name];
  if (!flag) return void 0;
  for (let i = start + 1; i < argv.length - 1; i++) {
    const w = argv[i];
    if (!flag.test(w)) continue;
    const code = REST_IS_CODE.has(name) ? argv.slice(i + 1) : [argv[i + 1]];
    for (const script of code) {
      const m = PLACEHOLDER.exec(script);
      if (m)
        return `The hook puts {${m[1]}} inside the code ${program2} runs after ${w}, so an event's text would run as code; pass it as its own argument instead, like "run sh -c 'echo "$1" >> events.log' sh {text}"`;
    }
    return void 0;
  }
  return void 0;
}
function parseHook(entry) {
  const bad2 = (message) => ({ ok: false, line: entry.line, message });
  const event = entry.name;
  if (event !== "all" && !EVENTS.includes(event)) {
    return bad2(`Expected an event (${EVENTS.join(", ")}, or all) before the colon, found "${event}"`);
  }
  const words = parseTemplate(entry.spec);
  if (!words.ok) return bad2(`${words.message} (a hook is like "${EXAMPLE}")`);
  let timeout = DEFAULT_TIMEOUT;
  let retry = DEFAULT_RETRY;
  let i = 0;
  for (; i < words.words.length; i++) {
    const w = words.words[i];
    const m = /^([a-z]+)=(.*)$/.exec(w);
    if (!m) break;
    if (m[1] === "timeout") {
      const d = parseDuration(m[2]);
      if (d === void 0 || d <= 0) return bad2(`Expected a duration like 10s for timeout, found "${m[2]}"`);
      timeout = d;
    } else if (m[1] === "retry") {
      const [a, b] = m[2].split("..");
      const min = a === void 0 ? void 0 : parseDuration(a);
      const max = b === void 0 ? void 0 : parseDuration(b);
      if (min === void 0 || max === void 0 || min <= 0 || max < min)
        return bad2(`Expected a range like 10s..1h (smallest..largest) for retry, found "${m[2]}"`);
      retry = { min, max };
    } else {
      return bad2(`Expected the option timeout= or retry=, found "${w}"`);
    }
  }
  const kind = words.words[i];
  const rest = words.words.slice(i + 1);
  const text = `${event} ${words.words.slice(i).join(" ")}`;
  const base = { event, timeout, retry, line: entry.line, text };
  if (kind === "run") {
    if (rest.length === 0) return bad2(`Expected a program after "run", like "${EXAMPLE}"`);
    const unsafe = unsafePlaceholder(rest);
    if (unsafe) return { ok: false, line: entry.line, message: unsafe, severity: "error" };
    return { ok: true, hook: { ...base, kind: "run", argv: rest, url: "" } };
  }
  if (kind === "post") {
    const url = rest[0];
    if (rest.length !== 1 || url === void 0 || !/^https?:\/\/[^\s/]+/i.test(url)) {
      return bad2(
        `Expected one http:// or https:// URL after "post", like "- all: post https://example.com/hook", found "${rest.join(" ")}"`
      );
    }
    return { ok: true, hook: { ...base, kind: "post", argv: [], url } };
  }
  return bad2(`Expected "run PROGRAM ..." or "post URL" after the event, like "${EXAMPLE}", found "${entry.spec}"`);
}
function parseHooks(entries) {
  const hooks = [];
  const problems = [];
  for (const e of entries) {
    const p = parseHook(e);
    if (p.ok) hooks.push(p.hook);
    else problems.push({ line: p.line, message: p.message, severity: p.severity });
  }
  return { hooks, problems };
}
function hookDiagnostics(file, entries) {
  return parseHooks(entries).problems.map((p) => ({
    severity: p.severity ?? "warning",
    file,
    line: p.line,
    column: 3,
    code: "bad-hook",
    message: `${p.message}; this hook is not run`
  }));
}
function hookKey(h) {
  return JSON.stringify([h.event, h.kind, h.argv, h.url]);
}
function eventIdText(ledger, body, occurrence) {
  return occurrence === 0 ? `${ledger}
${body}` : `${ledger}
${body}
${occurrence}`;
}
function eventOf(ledger, e) {
  if (ledger === "approvals") {
    if (e.action === "request") return "approval-requested";
    if (e.action === "approve" || e.action === "reject") return "decided";
    return void 0;
  }
  const dead = e.details["dead-letter"] === "true";
  switch (e.action) {
    case "claim":
    case "takeover":
      return "claimed";
    case "submit":
      return "submitted";
    case "accept":
      return "accepted";
    case "rework":
      return "reworked";
    case "release":
      return "released";
    // A failed run gives the lease back for a retry, or makes the task a dead letter.
    case "fail":
      return dead ? "dead-letter" : "released";
    case "recover":
      return dead ? "dead-letter" : "recovered";
    case "schedule":
      return e.details.armed === "true" ? void 0 : "schedule-ran";
    default:
      return void 0;
  }
}
function payloadOf(ledger, event, e, raw, ctx, id = e.hash) {
  const taskId = ledger === "tasks" && /^T-\d+$/.test(e.target) ? e.target : ledger === "approvals" ? e.details.subject && /^T-\d+$/.test(e.details.subject) ? e.details.subject : void 0 : e.details.task;
  const task = taskId ? { id: taskId, title: ctx.title(taskId) ?? null } : null;
  const approval = ledger === "approvals" ? { id: e.target, subject: e.details.subject ?? ctx.subject(e.target) ?? null } : null;
  const name = task?.title ? `${e.target} "${task.title}"` : e.target;
  let text;
  if (event === "decided") {
    text = `${e.actor} ${e.action === "approve" ? "approved" : "rejected"} ${e.target}${approval?.subject ? ` (${approval.subject})` : ""}`;
  } else if (event === "approval-requested") {
    text = `${e.actor} asked for approval ${e.target}${approval?.subject ? ` of ${approval.subject}` : ""}`;
  } else if (event === "schedule-ran") {
    text = `schedule ${e.target} ran${e.details.task ? `: added ${e.details.task}` : e.details.problems ? `: ${e.details.problems} problem(s)` : ""}`;
  } else {
    text = `${e.actor} ${SENTENCE[event]} ${name}${e.details.from && e.details.to ? ` (${e.details.from} -> ${e.details.to})` : ""}`;
  }
  return {
    schema: EVENT_SCHEMA,
    version: EVENT_VERSION,
    id,
    event,
    time: formatTime(e.time),
    ledger,
    file: ctx.file,
    action: e.action,
    actor: e.actor,
    role: e.role,
    target: e.target,
    task,
    approval,
    from: e.details.from ?? null,
    to: e.details.to ?? null,
    details: e.details,
    line: raw,
    text: `taskgate: ${text}`
  };
}
function slaPayload(request, sla, now, file, title) {
  const taskId = request.subject && /^T-\d+$/.test(request.subject) ? request.subject : void 0;
  return {
    schema: EVENT_SCHEMA,
    version: EVENT_VERSION,
    id: `${request.hash}-sla`,
    event: "past-sla",
    time: formatTime(request.requestedAt + sla),
    ledger: "approvals",
    file,
    action: "past-sla",
    actor: request.requestedBy ?? "-",
    role: "-",
    target: request.id,
    task: taskId ? { id: taskId, title: title(taskId) ?? null } : null,
    approval: { id: request.id, subject: request.subject ?? null },
    from: null,
    to: null,
    details: { sla: formatDuration(sla), waiting: formatAge(now - request.requestedAt) },
    line: null,
    text: `taskgate: ${request.id}${request.subject ? ` (${request.subject})` : ""} has waited past the approval SLA of ${formatDuration(sla)}`
  };
}
function hookArgv(h, p) {
  const v = { event: p.event, id: p.id, target: p.target, text: p.text };
  return h.argv.map((w) => w.replace(/\{(event|id|target|text)\}/g, (_m, k) => v[k]));
}
function retryDelay(h, failures) {
  const n = Math.max(1, failures);
  return Math.min(h.retry.max, h.retry.min * 2 ** Math.min(n - 1, 40));
}
function hookProblems(file, bad2, states, now) {
  const out = [];
  for (const b of bad2) out.push(`${file}:${b.line}: not a hook: ${b.message}`);
  for (const s of states) {
    const where2 = `${file}:${s.hook.line} (${s.hook.text})`;
    if (s.changed !== void 0) {
      out.push(
        `${where2} is not run: its program file ${s.changed} changed since it was trusted; read it, then trust it again: taskgate hooks trust`
      );
      continue;
    }
    if (!s.trusted) {
      out.push(`${where2} is not run on this machine until trusted: taskgate hooks trust`);
      continue;
    }
    const f = s.failure;
    if (!f) continue;
    const when = f.nextTry <= now ? "due now" : `next try in ${formatAge(f.nextTry - now)}`;
    out.push(
      `${where2} failing since ${formatTime(f.since)}: ${f.failures} failed ${f.failures === 1 ? "try" : "tries"} of event ${f.event}, ${s.pending} waiting (${when}); last error: ${f.error}`
    );
  }
  return out;
}
var EVENTS, EVENT_SCHEMA, EVENT_VERSION, DEFAULT_TIMEOUT, DEFAULT_RETRY, SCRIPT_FLAGS, PLACEHOLDER, REST_IS_CODE, nameOf, EXAMPLE, EVENT_ACTIONS, SENTENCE;
var init_hooks = __esm({
  "src/rules/hooks.ts"() {
    "use strict";
    init_time();
    init_command_template();
    EVENTS = [
      "claimed",
      "submitted",
      "accepted",
      "reworked",
      "released",
      "recovered",
      "dead-letter",
      "approval-requested",
      "decided",
      "past-sla",
      "schedule-ran"
    ];
    EVENT_SCHEMA = "taskgate.event";
    EVENT_VERSION = 1;
    DEFAULT_TIMEOUT = 1e4;
    DEFAULT_RETRY = { min: 1e4, max: 36e5 };
    SCRIPT_FLAGS = {
      sh: /^-[a-z]*c[a-z]*$/,
      bash: /^-[a-z]*c[a-z]*$/,
      zsh: /^-[a-z]*c[a-z]*$/,
      dash: /^-[a-z]*c[a-z]*$/,
      ksh: /^-[a-z]*c[a-z]*$/,
      fish: /^(-[a-z]*c[a-z]*|--command(=.*)?)$/,
      cmd: /^\/[ck]$/i,
      powershell: /^-(c|command|encodedcommand|ec)$/i,
      pwsh: /^-(c|command|encodedcommand|ec)$/i,
      node: /^(-e|--eval|-p|--print)$/,
      python: /^-c$/,
      python3: /^-c$/,
      perl: /^-[a-z]*[eE]$/,
      ruby: /^-[a-z]*e$/
    };
    PLACEHOLDER = /\{(event|id|target|text)\}/;
    REST_IS_CODE = /* @__PURE__ */ new Set(["cmd", "powershell", "pwsh"]);
    nameOf = (w) => (w.split(/[\\/]/).pop() ?? "").toLowerCase().replace(/\.exe$/, "");
    EXAMPLE = "- claimed: run notify-send taskgate {text}";
    EVENT_ACTIONS = [
      "claim",
      "takeover",
      "submit",
      "accept",
      "rework",
      "release",
      "fail",
      "recover",
      "schedule",
      "request",
      "approve",
      "reject"
    ];
    SENTENCE = {
      claimed: "claimed",
      submitted: "submitted",
      accepted: "accepted",
      reworked: "sent back for rework",
      released: "released",
      recovered: "recovered",
      "dead-letter": "made a dead letter of",
      "approval-requested": "asked for approval",
      decided: "decided",
      "past-sla": "waits past its SLA:",
      "schedule-ran": "ran the schedule"
    };
  }
});

// src/io/hook-outbox.ts
var hook_outbox_exports = {};
__export(hook_outbox_exports, {
  addsEventLine: () => addsEventLine,
  openOutbox: () => openOutbox,
  programDigest: () => programDigest,
  sendToProgram: () => sendToProgram,
  sendToUrl: () => sendToUrl,
  startDeliverer: () => startDeliverer
});
function programDigest(argv0, dir) {
  if (!/[\\/]/.test(argv0)) return void 0;
  try {
    return (0, import_node_crypto2.createHash)("sha256").update((0, import_node_fs12.readFileSync)((0, import_node_path11.resolve)(dir, argv0))).digest("hex");
  } catch {
    return "missing";
  }
}
function openOutbox(tasksPath) {
  let dir;
  const place = () => {
    dir ??= privateDirFor(tasksPath, "hooks");
    return dir;
  };
  return {
    get dir() {
      return place();
    },
    idOf: (key) => shortHash(`${tasksPath}
${key}`),
    read(id) {
      try {
        const s = JSON.parse((0, import_node_fs12.readFileSync)((0, import_node_path11.join)(place(), `${id}.json`), "utf8"));
        return s && s.v === 1 ? s : void 0;
      } catch {
        return void 0;
      }
    },
    write(id, state) {
      writeFileAtomic((0, import_node_path11.join)(place(), `${id}.json`), Buffer.from(`${JSON.stringify(state)}
`), place());
    },
    lock: (id) => tryLock((0, import_node_path11.join)(place(), `${id}.lock`), 5e3, {}),
    ids() {
      try {
        return (0, import_node_fs12.readdirSync)(place()).filter((f) => /^[0-9a-f]{10}\.json$/.test(f)).map((f) => f.slice(0, 10));
      } catch {
        return [];
      }
    }
  };
}
function sendToProgram(argv, payload, timeout, cwd, env2) {
  return new Promise((resolve17) => {
    let stderr = "";
    let settled = false;
    const done = (r) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve17(r);
    };
    const child = (0, import_node_child_process4.spawn)(argv[0], argv.slice(1), {
      cwd,
      env: { ...env2, TASKGATE_EVENT: payload.event, TASKGATE_EVENT_ID: payload.id },
      stdio: ["pipe", "ignore", "pipe"],
      // Its own process group, so a timeout ends what it started too.
      detached: process.platform !== "win32"
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== void 0) process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
      } catch {
      }
      done({ ok: false, error: `still running after ${Math.round(timeout / 1e3)}s: killed` });
    }, timeout);
    child.on(
      "error",
      (e) => done({ ok: false, error: e.code === "ENOENT" ? `no program ${argv[0]}` : oneLine(e.message) })
    );
    child.stderr?.on("data", (d) => {
      stderr = (stderr + d.toString("utf8")).slice(-2e3);
    });
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(`${JSON.stringify(payload)}
`);
    child.on("close", (code, signal) => {
      if (code === 0) done({ ok: true });
      else {
        const last = oneLine(stderr.trimEnd().split("\n").pop() ?? "");
        done({ ok: false, error: `${signal ? `killed by ${signal}` : `exit ${code}`}${last ? `: ${last}` : ""}` });
      }
    });
  });
}
async function sendToUrl(url, payload, timeout) {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "taskgate-hooks/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeout),
      redirect: "error"
    });
    const body = oneLine(await res.text().catch(() => ""));
    if (res.ok) return { ok: true };
    return { ok: false, error: `HTTP ${res.status}${body ? `: ${body.slice(0, 120)}` : ""}` };
  } catch (e) {
    const err = e;
    if (err.name === "TimeoutError") return { ok: false, error: `no answer within ${Math.round(timeout / 1e3)}s` };
    return { ok: false, error: oneLine(err.cause?.code ?? err.cause?.message ?? err.message) };
  }
}
function addsEventLine(before, after2) {
  let tail = after2;
  if (before !== void 0) {
    const m = / ~ ([0-9a-f]{12})[ \t]*\r?\n?[\s]*$/.exec(before.slice(-4096)) ?? lastHashIn2(before);
    const hash2 = m?.[1];
    if (hash2) {
      const at = after2.lastIndexOf(` ~ ${hash2}`);
      if (at >= 0) tail = after2.slice(at);
    }
  }
  return EVENT_LINE.test(tail);
}
function lastHashIn2(text) {
  let m = null;
  const re = / ~ ([0-9a-f]{12})[ \t]*$/gm;
  for (let x = re.exec(text); x; x = re.exec(text)) m = x;
  return m;
}
function startDeliverer(bin, ledgers, cwd, env2) {
  try {
    const childEnv = { ...env2 };
    if (ledgers) {
      delete childEnv.TASKGATE_DIR;
      childEnv.TASKGATE_TASKS = ledgers.tasks;
      childEnv.TASKGATE_APPROVALS = ledgers.approvals;
    }
    const child = (0, import_node_child_process4.spawn)(process.execPath, [bin, "hooks", "deliver", "--due", "--quiet"], {
      cwd,
      env: childEnv,
      stdio: "ignore",
      detached: true,
      windowsHide: true
    });
    child.on("error", () => {
    });
    child.unref();
  } catch {
  }
}
var import_node_child_process4, import_node_crypto2, import_node_fs12, import_node_path11, oneLine, EVENT_LINE;
var init_hook_outbox = __esm({
  "src/io/hook-outbox.ts"() {
    "use strict";
    import_node_child_process4 = __toESM(require_node_child_process(), 1);
    import_node_crypto2 = __toESM(require_node_crypto(), 1);
    import_node_fs12 = require("node:fs");
    import_node_path11 = require("node:path");
    init_hooks();
    init_atomic_write();
    init_lock();
    init_places();
    oneLine = (s) => s.replace(/\s+/g, " ").trim().slice(0, 200);
    EVENT_LINE = new RegExp(`^[-*+] \\S+ \\S+ \\S+ (?:${EVENT_ACTIONS.join("|")}) .* ~ [0-9a-f]{12}[ \\t]*$`, "m");
  }
});

// src/ledger/write-checks.ts
function registerScheduleCheck(check) {
  scheduleCheck = check;
}
function registerRulesCheck(check) {
  rulesCheck = check;
}
function parserChecks(file, ledger) {
  const out = [];
  if (ledger.schedules?.length) {
    if (!scheduleCheck) throw new ChecksNotLoaded();
    out.push(...scheduleCheck(file, ledger.schedules));
  }
  if (ledger.rules && ledger.rules.text.trim() !== "") {
    if (!rulesCheck) throw new ChecksNotLoaded();
    out.push(...rulesCheck(file, ledger.rules));
  }
  return out;
}
var scheduleCheck, rulesCheck, ChecksNotLoaded;
var init_write_checks = __esm({
  "src/ledger/write-checks.ts"() {
    "use strict";
    ChecksNotLoaded = class extends Error {
      constructor() {
        super("internal: a ledger check was needed before its parser was loaded");
      }
    };
  }
});

// src/model/approval.ts
function isRole(s) {
  return ROLES.includes(s);
}
function normalizeApprovalId(id) {
  const m = /^a-?(\d+)$/i.exec(id.trim());
  return m ? `A-${Number(m[1])}` : id.trim();
}
var ROLES, APPROVAL_STATUSES;
var init_approval = __esm({
  "src/model/approval.ts"() {
    "use strict";
    ROLES = ["CMD", "WORK", "AUDIT"];
    APPROVAL_STATUSES = ["pending", "approved", "rejected", "superseded"];
  }
});

// src/rules/values.ts
function describeCharacter(cp) {
  const name = cp < 32 ? C0_NAMES[cp] : OTHER_NAMES[cp];
  if (name) return `U+${hex(cp)} ${name}`;
  if (cp >= 55296 && cp <= 57343) return `U+${hex(cp)} (half of a surrogate pair)`;
  return `U+${hex(cp)} (a control character)`;
}
function forbiddenCharacter(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 32 && c < 127) continue;
    if (isControl(c)) return c;
    if (c >= 55296 && c <= 56319) {
      const d = value.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        i++;
        continue;
      }
      return c;
    }
    if (c >= 56320 && c <= 57343) return c;
  }
  return void 0;
}
function singleLineProblem(field2, value) {
  const cp = forbiddenCharacter(value);
  if (cp === void 0) return void 0;
  const what = LINE_BREAKS.has(cp) ? "line breaks" : "control characters";
  return `${field2} contains ${describeCharacter(cp)}; it must be one line of text, without ${what}`;
}
function singleLineProblems(values) {
  for (const [field2, value] of values) {
    if (value === void 0) continue;
    const p = singleLineProblem(field2, value);
    if (p) return p;
  }
  return void 0;
}
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
var C0_NAMES, OTHER_NAMES, hex, isControl, isBidiControl, LINE_BREAKS, escapeCode;
var init_values = __esm({
  "src/rules/values.ts"() {
    "use strict";
    C0_NAMES = [
      "NULL",
      "START OF HEADING",
      "START OF TEXT",
      "END OF TEXT",
      "END OF TRANSMISSION",
      "ENQUIRY",
      "ACKNOWLEDGE",
      "BELL",
      "BACKSPACE",
      "CHARACTER TABULATION",
      "LINE FEED",
      "LINE TABULATION",
      "FORM FEED",
      "CARRIAGE RETURN",
      "SHIFT OUT",
      "SHIFT IN",
      "DATA LINK ESCAPE",
      "DEVICE CONTROL ONE",
      "DEVICE CONTROL TWO",
      "DEVICE CONTROL THREE",
      "DEVICE CONTROL FOUR",
      "NEGATIVE ACKNOWLEDGE",
      "SYNCHRONOUS IDLE",
      "END OF TRANSMISSION BLOCK",
      "CANCEL",
      "END OF MEDIUM",
      "SUBSTITUTE",
      "ESCAPE",
      "INFORMATION SEPARATOR FOUR",
      "INFORMATION SEPARATOR THREE",
      "INFORMATION SEPARATOR TWO",
      "INFORMATION SEPARATOR ONE"
    ];
    OTHER_NAMES = {
      127: "DELETE",
      133: "NEXT LINE",
      155: "CONTROL SEQUENCE INTRODUCER",
      8232: "LINE SEPARATOR",
      8233: "PARAGRAPH SEPARATOR",
      8234: "LEFT-TO-RIGHT EMBEDDING",
      8235: "RIGHT-TO-LEFT EMBEDDING",
      8236: "POP DIRECTIONAL FORMATTING",
      8237: "LEFT-TO-RIGHT OVERRIDE",
      8238: "RIGHT-TO-LEFT OVERRIDE",
      8294: "LEFT-TO-RIGHT ISOLATE",
      8295: "RIGHT-TO-LEFT ISOLATE",
      8296: "FIRST STRONG ISOLATE",
      8297: "POP DIRECTIONAL ISOLATE"
    };
    hex = (cp) => cp.toString(16).toUpperCase().padStart(4, "0");
    isControl = (cp) => cp < 32 || cp >= 127 && cp <= 159 || cp === 8232 || cp === 8233;
    isBidiControl = (cp) => cp >= 8234 && cp <= 8238 || cp >= 8294 && cp <= 8297;
    LINE_BREAKS = /* @__PURE__ */ new Set([10, 11, 12, 13, 133, 8232, 8233]);
    escapeCode = (cp) => cp < 256 ? `\\x${hex(cp).slice(2)}` : `\\u${hex(cp)}`;
  }
});

// src/ledger/path-globs.ts
function readPathGlob(text) {
  let r = cache.get(text);
  if (!r) {
    r = readUncached(text);
    if (cache.size > 4096) cache.clear();
    cache.set(text, r);
  }
  return r;
}
function splitPathList(value) {
  const out = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") inClass = classEnd(value, i) > 0;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out;
}
function readPathList(value) {
  const globs = [];
  for (const text of splitPathList(value)) {
    const r = readPathGlob(text);
    if (!r.ok) return { ok: false, problem: text ? `"${text}": ${r.problem}` : r.problem };
    globs.push(r.glob);
  }
  return { ok: true, globs };
}
function readUncached(text) {
  if (text === "") return { ok: false, problem: "an empty glob (two commas, or a comma at the end)" };
  if (text.split("/").some((part) => part !== "**" && part.includes("**"))) {
    return {
      ok: false,
      problem: '"**" stands for whole folders: write it as a segment of its own (src/**/x.ts), or use one *'
    };
  }
  const expanded = expandBraces(text);
  if (typeof expanded === "string") return { ok: false, problem: expanded };
  const alternatives = [];
  for (const alt of expanded) {
    const r = readAlternative(alt);
    if (typeof r === "string") return { ok: false, problem: r };
    alternatives.push(r);
  }
  return { ok: true, glob: { text, alternatives } };
}
function classEnd(s, open) {
  let i = open + 1;
  if (s[i] === "!" || s[i] === "^") i++;
  if (s[i] === "]") i++;
  for (; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "]") return i;
    else if (s[i] === "/") return -1;
  }
  return -1;
}
function expandBraces(s) {
  let open = -1;
  let depth = 0;
  const commas = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      const e = classEnd(s, i);
      if (e > 0) i = e;
      continue;
    }
    if (c === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (c === "}") {
      if (depth === 0) return 'a "}" with no "{" before it (write \\} for the character)';
      depth--;
      if (depth === 0) {
        const parts = [];
        let from = open + 1;
        for (const k of commas) {
          parts.push(s.slice(from, k));
          from = k + 1;
        }
        parts.push(s.slice(from, i));
        const out = [];
        for (const p of parts) {
          const rest = expandBraces(s.slice(0, open) + p + s.slice(i + 1));
          if (typeof rest === "string") return rest;
          out.push(...rest);
          if (out.length > MAX_ALTERNATIVES) {
            return `its braces make more than ${MAX_ALTERNATIVES} alternatives; list fewer, or use * or **`;
          }
        }
        return [...new Set(out)];
      }
    } else if (c === "," && depth === 1) commas.push(i);
  }
  if (depth > 0) return 'a "{" that is never closed with "}"';
  return [s];
}
function readAlternative(s) {
  let p = s;
  while (p.startsWith("./")) p = p.slice(2);
  if (p.startsWith("/")) return "it starts with /; paths are relative to the repository's top folder";
  if (p.endsWith("/")) p = p.slice(0, -1);
  if (p === "") return "it names no path";
  const segments = [];
  for (const part of p.split("/")) {
    if (part === "") return "it has an empty folder name (//)";
    if (part === "." || part === "..") return `it has a "${part}" folder; write the path from the repository's top`;
    if (part === "**") {
      if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
      continue;
    }
    const chars = readSegment(part);
    if (typeof chars === "string") return chars;
    segments.push({ globstar: false, chars, literal: literalOf(chars) });
  }
  if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
  return segments;
}
function readSegment(part) {
  const out = [];
  const cps = Array.from(part);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === "*") {
      if (out[out.length - 1] !== STAR2) out.push(STAR2);
    } else if (c === "?") out.push({ star: false, set: ANY });
    else if (c === "\\") {
      const next2 = cps[i + 1];
      if (next2 === void 0) return "it ends with a lone \\";
      out.push(literal(next2));
      i++;
    } else if (c === "[") {
      const end = classEnd(part, part.indexOf("[", cpOffset(cps, i)));
      if (end < 0) return 'a "[" that is never closed with "]" (write \\[ for the character)';
      const body = Array.from(part.slice(cpOffset(cps, i) + 1, end));
      const set = readClass(body);
      if (typeof set === "string") return set;
      out.push({ star: false, set });
      i += Array.from(part.slice(cpOffset(cps, i), end + 1)).length - 1;
    } else out.push(literal(c));
  }
  return out;
}
function cpOffset(cps, i) {
  let n = 0;
  for (let k = 0; k < i; k++) n += cps[k].length;
  return n;
}
function literalOf(chars) {
  let out = "";
  for (const t of chars) {
    if (t.star || t.set.length !== 2 || t.set[0] !== t.set[1]) return void 0;
    out += String.fromCodePoint(t.set[0]);
  }
  return out;
}
function literal(c) {
  const cp = c.codePointAt(0);
  return { star: false, set: [cp, cp] };
}
function readClass(body) {
  let i = 0;
  let negated = false;
  if (body[0] === "!" || body[0] === "^") {
    negated = true;
    i = 1;
  }
  const ranges = [];
  for (; i < body.length; i++) {
    let c = body[i];
    if (c === "\\") c = body[++i];
    if (c === "[" && body[i + 1] === ":")
      return "POSIX classes like [[:alpha:]] are not supported; write the range, like [a-zA-Z]";
    const lo = c.codePointAt(0);
    let hi = lo;
    if (body[i + 1] === "-" && i + 2 < body.length) {
      let h = body[i + 2];
      i += 2;
      if (h === "\\") h = body[++i];
      hi = h.codePointAt(0);
      if (hi < lo) return `the range ${c}-${h} in [...] runs backwards`;
    }
    ranges.push([lo, hi]);
  }
  if (ranges.length === 0 && !negated) return "an empty class []";
  const set = intersect(normalize(ranges), ANY);
  return negated ? complement(set) : set;
}
function normalize(ranges) {
  ranges.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of ranges) {
    const n = out.length;
    if (n && lo <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}
function complement(set) {
  const out = [];
  let from = 0;
  for (let k = 0; k < set.length; k += 2) {
    const lo = set[k];
    if (lo > from) out.push(from, lo - 1);
    from = set[k + 1] + 1;
  }
  if (from <= MAX_CODE) out.push(from, MAX_CODE);
  return intersect(out, ANY);
}
function intersect(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}
function pathSegments(path) {
  return path.split("/").filter((p) => p !== "").map((p) => ({ globstar: false, chars: Array.from(p).map(literal), literal: p }));
}
var MAX_ALTERNATIVES, SLASH, MAX_CODE, ANY, STAR2, GLOBSTAR, cache;
var init_path_globs = __esm({
  "src/ledger/path-globs.ts"() {
    "use strict";
    MAX_ALTERNATIVES = 64;
    SLASH = 47;
    MAX_CODE = 1114111;
    ANY = [0, SLASH - 1, SLASH + 1, MAX_CODE];
    STAR2 = { star: true };
    GLOBSTAR = { globstar: true };
    cache = /* @__PURE__ */ new Map();
  }
});

// src/ledger/fields.ts
function splitList(value) {
  return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function encodeLease(l) {
  const session = l.session === void 0 ? "" : ` session=${l.session}`;
  return `${l.holder} token=${l.token} until=${formatTime(l.until)} ttl=${formatDuration(l.ttl)}${session}`;
}
function decodePaths(v) {
  const r = readPathList(v);
  return r.ok ? ok(r.globs.map((g) => g.text)) : bad(`path globs like src/ledger/**, docs/ledger-format.md separated by commas (${r.problem})`);
}
function decodeWorktree(v) {
  const m = /^(task\/[A-Za-z0-9._/-]+) (\S.*)$/.exec(v.trim());
  return m ? ok({ branch: m[1], path: m[2] }) : bad("a branch and a folder, like task/T-12-short-title ../repo.worktrees/T-12-short-title");
}
var ok, bad, TASK_ID, ACTOR, LABEL, decodeState, decodePriority, decodeTime, decodeDuration, decodeMargin, decodeCount, decodePositive, decodeIdList, decodeLabels, decodeActor, decodeText, decodeResolution, SESSION, LEASE, decodeLease, decodeBackoff, decodeWipLimit, encodeWorktree, TASK_FIELDS, decodePercent, POLICY_FIELDS, APPROVAL_FIELDS;
var init_fields = __esm({
  "src/ledger/fields.ts"() {
    "use strict";
    init_task();
    init_time();
    init_path_globs();
    ok = (value) => ({ ok: true, value });
    bad = (expected) => ({ ok: false, expected });
    TASK_ID = /^T-[1-9]\d*$/;
    ACTOR = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]*$/u;
    LABEL = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
    decodeState = (v) => isState(v) ? ok(v) : bad(`a state (${STATES.join("|")})`);
    decodePriority = (v) => isPriority(v) ? ok(v) : bad(`a priority (${PRIORITIES.join("|")})`);
    decodeTime = (v) => {
      const t = parseTime(v);
      return t === void 0 ? bad("a UTC time like 2026-11-24T10:30:00Z") : ok(t);
    };
    decodeDuration = (v) => {
      const d = parseDuration(v);
      return d === void 0 || d <= 0 ? bad("a duration like 90s, 30m, 2h or 1d") : ok(d);
    };
    decodeMargin = (v) => {
      const d = parseDuration(v);
      return d === void 0 ? bad("a duration like 0s, 30s or 2m") : ok(d);
    };
    decodeCount = (v) => /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad("a whole number like 0, 1 or 2");
    decodePositive = (v) => /^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v)) ? ok(Number(v)) : bad("a whole number of at least 1");
    decodeIdList = (v) => {
      const ids = splitList(v);
      const wrong = ids.find((id) => !TASK_ID.test(id));
      return wrong === void 0 ? ok(ids) : bad(`task IDs like T-9, T-10 separated by commas (not "${wrong}")`);
    };
    decodeLabels = (v) => {
      const labels = splitList(v);
      const wrong = labels.find((l) => !LABEL.test(l));
      return wrong === void 0 ? ok(labels) : bad(`labels like automation, phase-3 separated by commas (not "${wrong}")`);
    };
    decodeActor = (v) => ACTOR.test(v) ? ok(v) : bad("an actor name (letters, digits and . _ @ + -), like bob or bob@example.com");
    decodeText = (v) => v.trim() ? ok(v.trim()) : bad("some text");
    decodeResolution = (v) => RESOLUTIONS.includes(v) ? ok(v) : bad(`a resolution (${RESOLUTIONS.join("|")})`);
    SESSION = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
    LEASE = /^(\S+) token=([1-9]\d*) until=(\S+) ttl=(\S+)(?: session=(\S+))?$/;
    decodeLease = (v) => {
      const m = LEASE.exec(v);
      const expected = "a lease like bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m";
      const at = m ? m[1].indexOf("@", 1) : -1;
      if (!m || at < 0 || at === m[1].length - 1) return bad(expected);
      const until = parseTime(m[3]);
      const ttl = parseDuration(m[4]);
      if (until === void 0 || ttl === void 0 || ttl <= 0) return bad(expected);
      const session = m[5];
      if (session !== void 0 && !SESSION.test(session)) return bad(`${expected} session=run-3f9a2c`);
      return ok({ holder: m[1], token: Number(m[2]), until, ttl, ...session ? { session } : {} });
    };
    decodeBackoff = (v) => {
      const [a, b, ...rest] = v.split("..");
      const min = a === void 0 ? void 0 : parseDuration(a);
      const max = b === void 0 ? void 0 : parseDuration(b);
      if (rest.length || min === void 0 || max === void 0 || min <= 0 || max < min) {
        return bad("a backoff range like 1m..1h (smallest..largest)");
      }
      return ok({ min, max });
    };
    decodeWipLimit = (v) => {
      const out = {};
      for (const part of splitList(v)) {
        const m = /^([A-Z]+)\s*=\s*(\d+)$/.exec(part);
        if (!m || !isState(m[1])) return bad("limits like DOING=5, REVIEW=3");
        out[m[1]] = Number(m[2]);
      }
      return ok(out);
    };
    encodeWorktree = (w) => `${w.branch} ${w.path}`;
    TASK_FIELDS = {
      state: decodeState,
      priority: decodePriority,
      depends: decodeIdList,
      labels: decodeLabels,
      assignee: decodeActor,
      lease: decodeLease,
      attempts: decodeCount,
      blocked: decodeText,
      resolution: decodeResolution,
      "not-before": decodeTime,
      created: decodeTime,
      fence: decodeCount,
      workers: (v) => {
        const names = splitList(v);
        const wrong = names.find((n) => !ACTOR.test(n));
        return wrong === void 0 ? ok(names) : bad(`actor names separated by commas (not "${wrong}")`);
      },
      rework: decodeText,
      evidence: decodeText,
      "last-error": decodeText,
      phase: (v) => LABEL.test(v) ? ok(v) : bad("a phase name like automation or phase-3 (letters, digits and . _ / -)"),
      paths: decodePaths,
      worktree: decodeWorktree
    };
    decodePercent = (signed) => (v) => (signed ? /^[-+]?\d+(\.\d+)?%$/ : /^\d+(\.\d+)?%$/).test(v) && (signed || Number.parseFloat(v) <= 100) ? ok(Number.parseFloat(v) / 100) : bad(signed ? "a change in percent like -30%" : "a percentage like 80%");
    POLICY_FIELDS = {
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
    APPROVAL_FIELDS = {
      status: (v) => ["pending", "approved", "rejected", "superseded"].includes(v) ? ok(v) : bad("a status (pending|approved|rejected|superseded)"),
      subject: decodeText,
      "subject-hash": (v) => /^sha256:[0-9a-f]{8,64}$/.test(v) ? ok(v) : bad("a hash like sha256:4be1c3f09a7d"),
      "requested-by": decodeActor,
      "requested-at": decodeTime,
      evidence: decodeText,
      approver: decodeActor,
      "decided-at": decodeTime,
      reason: decodeText,
      rule: decodeText,
      "rules-hash": decodeText,
      supersedes: (v) => splitList(v).every((x) => /^A-[1-9]\d*$/.test(x)) ? ok(splitList(v)) : bad("approval IDs like A-3, A-4"),
      "superseded-by": (v) => /^A-[1-9]\d*$/.test(v) ? ok(v) : bad("an approval ID like A-5"),
      change: (v) => /^(?:(grant|revoke) [\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]* (CMD|WORK|AUDIT)|identify [\p{L}\p{N}][\p{L}\p{N}\p{M}._@+-]*|policy (approval-required|signed-commits|clock-skew)=[^\r\n]*|rules sha256:[0-9a-f]{16})$/u.test(
        v
      ) ? ok(v) : bad(
        'a change like "grant bob AUDIT", "revoke bob WORK", "identify bob", "policy approval-required=prod" or "rules sha256:4be1c3f09a7d5e21"'
      )
    };
  }
});

// src/ledger/list-rows.ts
function listItems(value) {
  return value.match(ITEM) ?? NONE2;
}
function listRowReader(text) {
  let at = 0;
  let line2 = 0;
  return (start, end) => {
    if (start < at) at = line2 = 0;
    for (let i = text.indexOf("\n", at); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) line2++;
    at = start;
    return readRow(text, start, end, line2 + 1);
  };
}
function readRow(text, start, end, line2) {
  PLAIN_ROW.lastIndex = start;
  const m = PLAIN_ROW.exec(text);
  if (m !== null && PLAIN_ROW.lastIndex <= end) return plainRow(m, line2);
  return readRowByLines(text, start, end, line2);
}
function emptyRow(id, title, line2) {
  return {
    id,
    title,
    state: "PLAN",
    priority: "P2",
    depends: NONE2,
    labels: NONE2,
    assignee: void 0,
    lease: void 0,
    attempts: 0,
    blocked: void 0,
    resolution: void 0,
    notBefore: void 0,
    created: void 0,
    fields: [],
    line: line2
  };
}
function plainRow(m, line2) {
  const row3 = emptyRow(`T-${m[1]}`, m[2], line2);
  for (let k = 0; k < PLAIN_KEYS.length; k++) {
    const value = m[k + 3];
    if (value === void 0) continue;
    const key = PLAIN_KEYS[k];
    row3.fields.push({ key, value });
    setField(row3, key, value);
  }
  return row3;
}
function readRowByLines(text, start, end, line2) {
  let nl = text.indexOf("\n", start);
  if (nl === -1 || nl > end) nl = end;
  const le = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  const h = atxHeading(text, start, le);
  const entry = plainEntryHeading(text, h.start, h.end, "T");
  const row3 = emptyRow(
    text.slice(h.start, entry.idEnd),
    entry.titleStart === h.end ? "" : text.slice(entry.titleStart, h.end).trim(),
    line2
  );
  for (let p = nl + 1; p < end; p = FIELD.lastIndex) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13 || c === 32 || c === 9) break;
    FIELD.lastIndex = p;
    const m = FIELD.exec(text);
    if (m === null) break;
    const key = m[1];
    const value = m[2] ?? "";
    row3.fields.push({ key, value });
    if (value !== "") setField(row3, key, value);
  }
  return row3;
}
function setField(row3, key, value) {
  switch (key) {
    case "state":
      row3.state = value;
      break;
    case "priority":
      row3.priority = value;
      break;
    case "labels":
      row3.labels = value.match(ITEM) ?? NONE2;
      break;
    case "depends":
      row3.depends = value.match(ITEM) ?? NONE2;
      break;
    case "assignee":
      row3.assignee = value;
      break;
    case "lease":
      row3.lease = decodeLease(value).value;
      break;
    case "attempts":
      row3.attempts = Number(value);
      break;
    case "blocked":
      row3.blocked = value.trim();
      break;
    case "resolution":
      row3.resolution = value;
      break;
    case "not-before":
      row3.notBefore = parseTime(value);
      break;
    case "created":
      row3.created = parseTime(value);
      break;
  }
}
var FIELD, NONE2, ITEM, JOINED_ITEMS, ListRowCursor, PLAIN_KEYS, PLAIN_GROUPS, VALUE, PLAIN_ROW;
var init_list_rows = __esm({
  "src/ledger/list-rows.ts"() {
    "use strict";
    init_time();
    init_blocks();
    init_document();
    init_fields();
    FIELD = /[-*+][ \t]+([^:\r\n]+):(?:[ \t]+([^\r\n]*?))?[ \t]*(?:\r?\n|$)/y;
    NONE2 = Object.freeze([]);
    ITEM = /[^\s,]+/g;
    JOINED_ITEMS = /^[^\s,]+(?:, [^\s,]+)*$/;
    ListRowCursor = class {
      constructor(text) {
        this.text = text;
      }
      text;
      /** PLAIN_ROW's match of the entry (groups: PLAIN_GROUPS), or null when it is in another shape. */
      plain = null;
      start = 0;
      end = 0;
      at = 0;
      // line breaks before `at` are counted in `lineBreaks`
      lineBreaks = 0;
      /** To the entry text[start, end) (a range of the clean scan). */
      moveTo(start, end) {
        this.start = start;
        this.end = end;
        PLAIN_ROW.lastIndex = start;
        const m = PLAIN_ROW.exec(this.text);
        this.plain = m !== null && PLAIN_ROW.lastIndex <= end ? m : null;
        return this;
      }
      /**
       * 1-based line of the entry's heading: the line breaks are counted when it is asked for,
       * from the last entry it was asked for (the table never asks).
       */
      get line() {
        const { text, start } = this;
        if (start < this.at) this.at = this.lineBreaks = 0;
        let n = this.lineBreaks;
        for (let i = text.indexOf("\n", this.at); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) n++;
        this.at = start;
        this.lineBreaks = n;
        return n + 1;
      }
      /** The entry's task, as readTasks reads it. */
      task() {
        return this.plain ? plainRow(this.plain, this.line) : readRowByLines(this.text, this.start, this.end, this.line);
      }
    };
    PLAIN_KEYS = [
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
    PLAIN_GROUPS = { idNumber: 1, title: 2, firstField: 3 };
    VALUE = "([^ \\t\\r\\n](?:[^\\r\\n]*[^ \\t\\r\\n])?)";
    PLAIN_ROW = new RegExp(
      `## T-([1-9]\\d*) ([^\\s#](?:[^\\n\\r\\u2028\\u2029]*[^\\s#])?)\\n${PLAIN_KEYS.map((k) => `(?:- ${k}: ${VALUE}\\n)?`).join("")}(?=\\n|#|$)`,
      "y"
    );
  }
});

// src/ledger/phases.ts
function parseDue(text) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = parseTime(`${text}T00:00:00Z`);
    return t === void 0 ? void 0 : t + DAY;
  }
  return parseTime(text);
}
function readPhases(doc2, diagnostics) {
  const section = sectionByName(doc2, "Phases");
  const out = [];
  if (!section) return out;
  const seen = /* @__PURE__ */ new Set();
  for (const f of section.fields) {
    const at = { file: doc2.file, line: f.line + 1, column: 3 };
    if (!PHASE_NAME.test(f.key)) {
      diagnostics.push({
        ...at,
        severity: "error",
        code: "bad-phase",
        message: `Expected a phase name like automation or phase-3 (letters, digits and . _ / -), found "${f.key}"`
      });
      continue;
    }
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    const value = f.value.trim();
    const first = /^\S+/.exec(value)?.[0] ?? "";
    let due;
    let description = value;
    if (/^\d/.test(first)) {
      due = parseDue(first);
      if (due === void 0) {
        diagnostics.push({
          ...at,
          column: f.valueStart - f.start + 1,
          severity: "error",
          code: "bad-phase-due",
          message: `Expected phase ${f.key}'s due time as a date (2026-12-20) or a UTC time (2026-12-20T18:00:00Z), found "${first}"`
        });
      }
      description = value.slice(first.length).trim();
    }
    out.push({ name: f.key, due, description: description || void 0, line: f.line + 1 });
  }
  return out;
}
function phaseOf(t) {
  for (const f of t.fields) if (f.key === "phase") return f.value.trim() || void 0;
  return void 0;
}
function checkTaskPhases(doc2, tasks, diagnostics) {
  if (!doc2.text.includes("phase:")) return;
  let names;
  for (const t of tasks) {
    const p = phaseOf(t);
    if (p === void 0 || !PHASE_NAME.test(p)) continue;
    names ??= new Set(readPhases(doc2, []).map((x) => x.name));
    if (names.has(p)) continue;
    const f = t.fields.find((x) => x.key === "phase");
    const line2 = typeof f?.line === "number" ? f.line + 1 : t.line;
    diagnostics.push({
      severity: "error",
      file: doc2.file,
      line: line2,
      column: 3,
      code: "unknown-phase",
      message: `${t.id} is in phase "${p}", which the Phases section does not name${names.size ? ` (phases: ${[...names].join(", ")})` : " (there is no ## Phases section)"}`
    });
  }
}
var PHASE_NAME, DAY;
var init_phases = __esm({
  "src/ledger/phases.ts"() {
    "use strict";
    init_time();
    init_document();
    PHASE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
    DAY = 864e5;
  }
});

// src/rules/phases.ts
function phaseProgress(phases, tasks) {
  const stateOf = /* @__PURE__ */ new Map();
  for (const t of tasks) if (!stateOf.has(t.id)) stateOf.set(t.id, t.state);
  const byName = new Map(
    phases.map((p) => [
      p.name,
      {
        name: p.name,
        due: p.due,
        description: p.description,
        total: 0,
        done: 0,
        cancelled: 0,
        blocked: [],
        waiting: []
      }
    ])
  );
  for (const t of tasks) {
    const name = phaseOf(t);
    const p = name === void 0 ? void 0 : byName.get(name);
    if (!p) continue;
    p.total++;
    if (t.state === "DONE") {
      p.done++;
      if (t.resolution === "cancelled") p.cancelled++;
      continue;
    }
    if (t.blocked !== void 0) p.blocked.push({ id: t.id, reason: t.blocked });
    const on = t.depends.filter((d) => stateOf.get(d) !== "DONE");
    if (on.length) p.waiting.push({ id: t.id, on });
  }
  return [...byName.values()];
}
function phaseLine(p, formatTime2) {
  const parts = [`${p.name}: ${p.done} of ${p.total} done${p.due === void 0 ? "" : `, due ${formatTime2(p.due)}`}`];
  const few = (xs, f) => `${xs.slice(0, 5).map(f).join(", ")}${xs.length > 5 ? `, and ${xs.length - 5} more` : ""}`;
  if (p.blocked.length) parts.push(`blocked: ${few(p.blocked, (b) => `${b.id} (${b.reason})`)}`);
  if (p.waiting.length) parts.push(`waiting: ${few(p.waiting, (w) => `${w.id} on ${w.on.join(", ")}`)}`);
  return parts.join("; ");
}
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
var init_phases2 = __esm({
  "src/rules/phases.ts"() {
    "use strict";
    init_phases();
    init_time();
  }
});

// src/app/documents.ts
var documents_exports = {};
__export(documents_exports, {
  SCHEMA_VERSION: () => SCHEMA_VERSION,
  approvalDoc: () => approvalDoc,
  approvalsDoc: () => approvalsDoc,
  doc: () => doc,
  docText: () => docText,
  errorDoc: () => errorDoc,
  eventDoc: () => eventDoc,
  listDoc: () => listDoc,
  metricsDoc: () => metricsDoc,
  plainRowDocText: () => plainRowDocText,
  showDoc: () => showDoc,
  statusDoc: () => statusDoc,
  taskDoc: () => taskDoc,
  taskDocText: () => taskDocText
});
function doc(kind, body) {
  return { schema: `taskgate.${kind}`, version: SCHEMA_VERSION, ...body };
}
function taskDoc(t) {
  return {
    id: t.id,
    title: t.title,
    state: t.state,
    priority: t.priority,
    labels: t.labels,
    depends: t.depends,
    assignee: t.assignee ?? null,
    lease: t.lease ? {
      holder: t.lease.holder,
      token: t.lease.token,
      until: formatTime(t.lease.until),
      ttl: formatDuration(t.lease.ttl),
      session: t.lease.session ?? null
    } : null,
    attempts: t.attempts,
    blocked: t.blocked ?? null,
    resolution: t.resolution ?? null,
    notBefore: t.notBefore === void 0 ? null : formatTime(t.notBefore),
    created: t.created === void 0 ? null : formatTime(t.created),
    fields: Object.fromEntries(t.fields.map((f) => [f.key, f.value])),
    line: t.line
  };
}
function taskDocText(t, pad2) {
  const p = `${pad2}  `;
  const lease = t.lease;
  return `{
${p}"id": ${JSON.stringify(t.id)},
${p}"title": ${JSON.stringify(t.title)},
${p}"state": ${JSON.stringify(t.state)},
${p}"priority": ${JSON.stringify(t.priority)},
${p}"labels": ${stringsText(t.labels, p)},
${p}"depends": ${stringsText(t.depends, p)},
${p}"assignee": ${t.assignee === void 0 ? "null" : JSON.stringify(t.assignee)},
${p}"lease": ${lease ? `{
${p}  "holder": ${JSON.stringify(lease.holder)},
${p}  "token": ${numberText(lease.token)},
${p}  "until": ${JSON.stringify(formatTime(lease.until))},
${p}  "ttl": ${JSON.stringify(formatDuration(lease.ttl))},
${p}  "session": ${lease.session === void 0 ? "null" : JSON.stringify(lease.session)}
${p}}` : "null"},
${p}"attempts": ${numberText(t.attempts)},
${p}"blocked": ${t.blocked === void 0 ? "null" : JSON.stringify(t.blocked)},
${p}"resolution": ${t.resolution === void 0 ? "null" : JSON.stringify(t.resolution)},
${p}"notBefore": ${t.notBefore === void 0 ? "null" : timeText(t.notBefore, t.fields, "not-before")},
${p}"created": ${t.created === void 0 ? "null" : timeText(t.created, t.fields, "created")},
${p}"fields": ${fieldsText(t.fields, p)},
${p}"line": ${numberText(t.line)}
${pad2}}`;
}
function plainRowDocText(m, line2, pad2) {
  if (m[G.lease] !== void 0 || ESCAPED.test(m[0])) return void 0;
  const early = m[G.resolution];
  const late = m[G.lateResolution];
  if (early !== void 0 && late !== void 0) return void 0;
  const resolution = early ?? late;
  const created = m[G.created];
  const notBefore = m[G.notBefore];
  if (created !== void 0 && !asWritten(created)) return void 0;
  if (notBefore !== void 0 && !asWritten(notBefore)) return void 0;
  const k = rowTemplate(pad2);
  const state = m[G.state];
  const priority = m[G.priority];
  const labels = m[G.labels];
  const depends = m[G.depends];
  const assignee = m[G.assignee];
  const attempts = m[G.attempts];
  const blocked = m[G.blocked];
  let fields = "";
  for (let f = 0; f < PLAIN_KEYS.length; f++) {
    const value = m[PLAIN_GROUPS.firstField + f];
    if (value !== void 0) fields += (fields ? k.nextField[f] : k.firstField[f]) + value;
  }
  return k.id + m[PLAIN_GROUPS.idNumber] + k.title + m[PLAIN_GROUPS.title] + k.state + (state ?? "PLAN") + k.priority + (priority ?? "P2") + k.labels + (labels === void 0 ? "[]" : plainItemsText(labels, k.p)) + k.depends + (depends === void 0 ? "[]" : plainItemsText(depends, k.p)) + k.assignee + (assignee === void 0 ? "null" : `"${assignee}"`) + k.attempts + (attempts === void 0 ? "0" : numberText(Number(attempts))) + k.blocked + (blocked === void 0 ? "null" : `"${blocked.trim()}"`) + k.resolution + (resolution === void 0 ? "null" : `"${resolution}"`) + k.notBefore + (notBefore === void 0 ? "null" : `"${notBefore}"`) + k.created + (created === void 0 ? "null" : `"${created}"`) + k.fields + (fields ? fields + k.fieldsEnd : "{}") + k.line + line2 + k.end;
}
function rowTemplate(pad2) {
  let k = rowTemplates.get(pad2);
  if (k === void 0) {
    k = makeRowTemplate(pad2);
    rowTemplates.set(pad2, k);
  }
  return k;
}
function makeRowTemplate(pad2) {
  const p = `${pad2}  `;
  const key = (name) => `,
${p}"${name}": `;
  return {
    p,
    id: `{
${p}"id": "T-`,
    title: `",
${p}"title": "`,
    state: `",
${p}"state": "`,
    priority: `",
${p}"priority": "`,
    labels: `"${key("labels")}`,
    depends: key("depends"),
    assignee: key("assignee"),
    attempts: `${key("lease")}null${key("attempts")}`,
    blocked: key("blocked"),
    resolution: key("resolution"),
    notBefore: key("notBefore"),
    created: key("created"),
    fields: key("fields"),
    firstField: PLAIN_KEYS.map((name) => `{
${p}  "${name}": "`),
    nextField: PLAIN_KEYS.map((name) => `",
${p}  "${name}": "`),
    fieldsEnd: `"
${p}}`,
    line: key("line"),
    end: `
${pad2}}`
  };
}
function plainItemsText(value, p) {
  if (JOINED_ITEMS.test(value)) return `[
${p}  "${value.replaceAll(", ", `",
${p}  "`)}"
${p}]`;
  const items = listItems(value);
  if (items.length === 0) return "[]";
  return `[
${p}  "${items.join(`",
${p}  "`)}"
${p}]`;
}
function stringsText(items, p) {
  if (items.length === 0) return "[]";
  let s = "[";
  for (let i = 0; i < items.length; i++) s += `${i ? "," : ""}
${p}  ${JSON.stringify(items[i])}`;
  return `${s}
${p}]`;
}
function timeText(ms2, fields, key) {
  let raw;
  for (const f of fields) if (f.key === key) raw = f.value;
  if (raw !== void 0 && raw.length === 20 && !raw.startsWith("00") && parseTime(raw) === ms2) return `"${raw}"`;
  return JSON.stringify(formatTime(ms2));
}
function fieldsText(fields, p) {
  if (fields.length === 0) return "{}";
  let s = "{";
  for (let i = 0; i < fields.length; i++) {
    const { key, value } = fields[i];
    if (INDEX_LIKE.test(key)) return reindented(fields, p);
    for (let j = 0; j < i; j++) if (fields[j].key === key) return reindented(fields, p);
    s += `${i ? "," : ""}
${p}  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  }
  return `${s}
${p}}`;
}
function reindented(fields, p) {
  const object = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  return JSON.stringify(object, null, 2).replace(/\n/g, `
${p}`);
}
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
function listDoc(ctx, tasks) {
  return doc("list", { file: ctx.paths.tasksDisplay, count: tasks.length, tasks: tasks.map(taskDoc) });
}
function showDoc(task, body) {
  return doc("task", { task: taskDoc(task), body });
}
function approvalDoc(a, extra = {}) {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    subject: a.subject ?? null,
    requestedBy: a.requestedBy ?? null,
    requestedAt: a.requestedAt === void 0 ? null : formatTime(a.requestedAt),
    approver: a.approver ?? null,
    decidedAt: a.decidedAt === void 0 ? null : formatTime(a.decidedAt),
    fields: Object.fromEntries(a.fields.map((f) => [f.key, f.value])),
    ...extra
  };
}
function approvalsDoc(rows) {
  const list = rows.map((r) => approvalDoc(r.approval, { stale: r.stale, ageSeconds: Math.floor(r.age / 1e3) }));
  return doc("approvals", { count: rows.length, approvals: list });
}
function metricsDoc(v) {
  const m = v.metrics;
  return doc("metrics", {
    ...m,
    since: formatTime(m.since),
    until: formatTime(m.until),
    automation: {
      ...m.automation,
      daily: m.automation.daily.map(([, n, a], i) => ({ ...dayJson(m, i), steps: n, automated: a }))
    },
    days: m.days.map((d) => ({ date: d.date, start: formatTime(d.start), end: formatTime(d.end), partial: d.partial })),
    workDoneTwice: {
      ...m.workDoneTwice,
      recentOverlaps: m.workDoneTwice.recentOverlaps.map((o) => ({
        task: o.task,
        first: { actor: o.first.actor, start: formatTime(o.first.start), end: formatTime(o.first.end) },
        second: { actor: o.second.actor, start: formatTime(o.second.start) },
        bothMs: o.both
      })),
      recentLostClaims: m.workDoneTwice.recentLostClaims.map((l) => ({
        ...l,
        start: formatTime(l.start),
        at: formatTime(l.at)
      }))
    },
    approvalWait: {
      ...m.approvalWait,
      decisions: m.approvalWait.decisions.map(([t, wait, auto]) => ({
        at: formatTime(t),
        waitMs: wait,
        automatic: auto
      }))
    },
    flow: { ...m.flow, daily: m.flow.daily.map(([, n], i) => ({ ...dayJson(m, i), done: n })) }
  });
}
function errorDoc(f) {
  return doc("error", {
    code: f.code,
    message: f.message,
    file: f.file ?? null,
    line: f.line ?? null,
    exitCode: f.exitCode,
    ...f.next ? { next: f.next } : {},
    ...f.holder ? { holder: f.holder } : {},
    ...f.retryAfter ? { retryAfter: f.retryAfter } : {},
    diagnostics: f.diagnostics ?? []
  });
}
function eventDoc(e) {
  return doc("event", {
    time: formatTime(e.time),
    event: e.event,
    target: e.target,
    problem: e.problem,
    ...e.data,
    why: e.why
  });
}
function docText(d) {
  return `${JSON.stringify(d, null, 2)}
`;
}
var SCHEMA_VERSION, ESCAPED, group, G, rowTemplates, asWritten, COMMON_TIME, numberText, INDEX_LIKE, dayJson;
var init_documents = __esm({
  "src/app/documents.ts"() {
    "use strict";
    init_list_rows();
    init_time();
    init_phases2();
    SCHEMA_VERSION = 1;
    ESCAPED = /[^\n !#-[\]-\ud7ff\ue000-\uffff]/;
    group = (key) => PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf(key);
    G = {
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
    rowTemplates = /* @__PURE__ */ new Map();
    asWritten = (raw) => COMMON_TIME.test(raw) || raw.length === 20 && !raw.startsWith("00") && parseTime(raw) !== void 0;
    COMMON_TIME = /^(?!00)\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
    numberText = (n) => Number.isFinite(n) ? String(n) : "null";
    INDEX_LIKE = /^\d/;
    dayJson = (m, i) => {
      const d = m.days[i];
      return { date: d?.date, partial: d?.partial };
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

// src/model/diagnostic.ts
function formatDiagnostic(d) {
  const rel = d.related ? ` (${d.related.message} at ${d.file}:${d.related.line}:${d.related.column})` : "";
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${rel}`;
}
function diagnosticJson(d) {
  return {
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    code: d.code,
    message: d.message,
    ...d.related ? { related: d.related } : {}
  };
}
function hasErrors(ds) {
  return ds.some((d) => d.severity === "error");
}
function compareDiagnostics(a, b) {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}
var init_diagnostic = __esm({
  "src/model/diagnostic.ts"() {
    "use strict";
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

// node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint, ambiguousMaximumCodePoint, ambiguousRanges, fullwidthMinimalCodePoint, fullwidthMaximumCodePoint, fullwidthRanges, wideMinimalCodePoint, wideMaximumCodePoint, wideRanges;
var init_lookup_data = __esm({
  "node_modules/get-east-asian-width/lookup-data.js"() {
    ambiguousMinimalCodePoint = 161;
    ambiguousMaximumCodePoint = 1114109;
    ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
    fullwidthMinimalCodePoint = 12288;
    fullwidthMaximumCodePoint = 65510;
    fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
    wideMinimalCodePoint = 4352;
    wideMaximumCodePoint = 262141;
    wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];
  }
});

// node_modules/get-east-asian-width/utilities.js
var isInRange;
var init_utilities = __esm({
  "node_modules/get-east-asian-width/utilities.js"() {
    isInRange = (ranges, codePoint) => {
      let low = 0;
      let high = Math.floor(ranges.length / 2) - 1;
      while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const i = mid * 2;
        if (codePoint < ranges[i]) {
          high = mid - 1;
        } else if (codePoint > ranges[i + 1]) {
          low = mid + 1;
        } else {
          return true;
        }
      }
      return false;
    };
  }
});

// node_modules/get-east-asian-width/lookup.js
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var commonCjkCodePoint, wideFastPathStart, wideFastPathEnd, isAmbiguous, isFullwidth, isWide;
var init_lookup = __esm({
  "node_modules/get-east-asian-width/lookup.js"() {
    init_lookup_data();
    init_utilities();
    commonCjkCodePoint = 19968;
    [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
    isAmbiguous = (codePoint) => {
      if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
        return false;
      }
      return isInRange(ambiguousRanges, codePoint);
    };
    isFullwidth = (codePoint) => {
      if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
        return false;
      }
      return isInRange(fullwidthRanges, codePoint);
    };
    isWide = (codePoint) => {
      if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
        return true;
      }
      if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
        return false;
      }
      return isInRange(wideRanges, codePoint);
    };
  }
});

// node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}
var init_get_east_asian_width = __esm({
  "node_modules/get-east-asian-width/index.js"() {
    init_lookup();
  }
});

// lazy-vendor:string-width
var require_string_width = __commonJS({
  "lazy-vendor:string-width"(exports2, module2) {
    "use strict";
    var m;
    var load2 = () => m ??= require("./vendor-string-width.cjs");
    module2.exports = {
      get stringWidth() {
        return load2().stringWidth;
      }
    };
  }
});

// src/cli/width.ts
function simple(cp) {
  if (cp < 768) return cp >= 32 && cp < 127 || cp >= 160 && cp !== 173;
  if (cp >= 12288 && cp <= 40959)
    return !(cp >= 12330 && cp <= 12335) && cp !== 12441 && cp !== 12442 && cp !== 12336 && cp !== 12349;
  return cp >= 44032 && cp <= 55203 || cp >= 65281 && cp <= 65518;
}
function simpleWidth(text) {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 32 && cp < 127) w++;
    else if (simple(cp)) w += eastAsianWidth(cp);
    else return -1;
  }
  return w;
}
function displayWidth(text) {
  const w = simpleWidth(text);
  return w >= 0 ? w : (0, import_string_width.stringWidth)(text);
}
function padEnd(text, width) {
  const w = displayWidth(text);
  return w >= width ? text : text + " ".repeat(width - w);
}
function graphemes(text) {
  if (simpleWidth(text) >= 0) return Array.from(text);
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
function truncate(text, width) {
  if (width <= 0) return "";
  if (displayWidth(text) <= width) return text;
  const room = width - 1;
  let used = 0;
  let kept = "";
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > room) break;
    used += w;
    kept += g;
  }
  return `${kept}\u2026`;
}
function fitWidth(text, width) {
  return padEnd(truncate(text, width), width);
}
var import_string_width, segmenter;
var init_width = __esm({
  "src/cli/width.ts"() {
    "use strict";
    init_get_east_asian_width();
    import_string_width = __toESM(require_string_width(), 1);
  }
});

// src/cli/i18n.ts
function langOf(env2) {
  const pick2 = (v) => v !== void 0 && v !== "" ? v : void 0;
  const value = pick2(env2.TASKGATE_LANG) ?? pick2(env2.LC_ALL) ?? pick2(env2.LC_MESSAGES) ?? pick2(env2.LANG) ?? pick2(env2.LANGUAGE);
  return value !== void 0 && /^ja(?:[_.@-]|$)/i.test(value) ? "ja" : "en";
}
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
    const literal2 = fixed.reduce((a, b) => b.length > a.length ? b : a, "");
    const prefix = fixed[0];
    const suffix = fixed[fixed.length - 1];
    const t = { message: m, index: patterns.length, prefix, suffix, literal: literal2, part: m.id.startsWith("part.") };
    patterns.push(t);
    const [map, key] = suffix ? [byLast, suffix.at(-1)] : prefix ? [byFirst, prefix[0]] : [];
    const list = map && key !== void 0 ? map.get(key) : void 0;
    if (list) list.push(t);
    else if (map && key !== void 0) map.set(key, [t]);
    else floating.push(t);
  }
}
function translating() {
  return exact !== void 0;
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
function compile(m) {
  const names = [];
  const nested = /* @__PURE__ */ new Set();
  let source = "";
  let at = 0;
  for (const p of m.en.matchAll(PLACEHOLDER2)) {
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
  PLACEHOLDER2.lastIndex = 0;
  for (let p = PLACEHOLDER2.exec(en); p !== null; p = PLACEHOLDER2.exec(en)) {
    parts[parts.length - 1] += en.slice(at, p.index) + (p[1] === void 0 ? p[0][0] : "");
    if (p[1] !== void 0) parts.push("");
    at = p.index + p[0].length;
  }
  parts[parts.length - 1] += en.slice(at);
  return parts;
}
function tr(text) {
  return translate(text, false);
}
function trPart(text) {
  return translate(text, true);
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
    return c.ja.replace(PLACEHOLDER2, (whole, name) => {
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
  return chunk.split("\n").map((line2) => line2 === "" || line2.includes("\x1B") ? line2 : trLine(line2)).join("\n");
}
function trLine(line2) {
  const t = tr(line2);
  if (t !== line2) return t;
  const indent = /^\s+/.exec(line2)?.[0];
  if (indent) {
    const inner = tr(line2.slice(indent.length));
    if (inner !== line2.slice(indent.length)) return indent + inner;
  }
  return line2;
}
function writeAsIs(stream, text) {
  asIs = true;
  try {
    stream.write(text);
  } finally {
    asIs = false;
  }
}
function translateHtml(html) {
  if (!exact) return html;
  return html.replace('<html lang="en">', '<html lang="ja">').replace(/>([^<>]+)</g, (whole, text) => {
    if (/^\s|\s$/.test(text)) return whole;
    const plain = text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_ENTITIES[e]);
    const t = tr(plain);
    return t === plain ? whole : `>${escapeHtml(t)}<`;
  });
}
function translatedStream(stream, json2) {
  return new Proxy(stream, {
    get(target, key) {
      if (key === "write")
        return (chunk, ...rest) => target.write(
          typeof chunk === "string" && !json2() && !asIs ? trLines(chunk) : chunk,
          ...rest
        );
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
}
function helpInLanguage() {
  return {
    displayWidth,
    // colour escapes take no columns
    styleTitle: trPart,
    styleCommandDescription: trPart,
    styleOptionDescription: trPart,
    styleSubcommandDescription: trPart,
    styleArgumentDescription: trPart
  };
}
var import_catalog, exact, patterns, byLast, byFirst, floating, PLACEHOLDER2, escapeRe, unescapeBraces, asIs, HTML_ENTITIES, escapeHtml;
var init_i18n = __esm({
  "src/cli/i18n.ts"() {
    "use strict";
    import_catalog = __toESM(require_catalog(), 1);
    init_width();
    PLACEHOLDER2 = /\{\{|\}\}|\{([a-zA-Z0-9]+)(\+?)\}/g;
    escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    unescapeBraces = (s) => s.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
    asIs = false;
    HTML_ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
    escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
});

// src/ledger/edit.ts
function applySplices(text, splices) {
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const { s } of sorted) {
    if (s.start < pos || s.end < s.start || s.end > text.length) {
      throw new Error(`Overlapping or out-of-range splice at ${s.start}..${s.end}`);
    }
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}
function setField2(doc2, section, key, value) {
  const f = section.fields.find((x) => x.key === key);
  if (f) {
    if (f.valueStart === f.end) {
      return { start: f.end, end: f.end, text: ` ${value}` };
    }
    return { start: f.valueStart, end: f.valueEnd, text: value };
  }
  const last = section.fields[section.fields.length - 1];
  const marker = last ? /^[-*+][ \t]+/.exec(doc2.text.slice(last.start, last.end))?.[0] ?? "- " : "- ";
  return insertLines(doc2, section.fieldsEnd, [`${marker}${key}: ${value}`]);
}
function removeField(section, key) {
  const f = section.fields.find((x) => x.key === key);
  return f ? { start: f.start, end: f.next, text: "" } : void 0;
}
function setTitle(section, title) {
  return { start: section.titleStart, end: section.titleEnd, text: title };
}
function insertLines(doc2, at, lines) {
  const { text, eol } = doc2;
  const body = lines.join(eol);
  if (at === text.length && text.length > doc2.bomLength && !text.endsWith("\n")) {
    return { start: at, end: at, text: eol + body };
  }
  return { start: at, end: at, text: body + eol };
}
function blankBefore(doc2, offset) {
  if (offset <= doc2.bomLength) return true;
  const start = Math.max(doc2.bomLength, doc2.text.lastIndexOf("\n", offset - 2) + 1);
  return doc2.text.slice(start, offset - 1).trim() === "";
}
function insertEntry(doc2, log, lines) {
  const { eol, text } = doc2;
  if (log.section) {
    const lead2 = blankBefore(doc2, log.section.start) ? "" : eol;
    return { start: log.section.start, end: log.section.start, text: lead2 + lines.join(eol) + eol + eol };
  }
  let lead = "";
  if (text.length > doc2.bomLength) {
    if (!text.endsWith("\n")) lead = eol + eol;
    else if (!blankBefore(doc2, text.length)) lead = eol;
  }
  return { start: text.length, end: text.length, text: lead + lines.join(eol) + eol };
}
function appendLog(doc2, log, lines) {
  const { eol, text } = doc2;
  if (!log.section) {
    let lead = "";
    if (text.length > doc2.bomLength) {
      if (!text.endsWith("\n")) lead = eol + eol;
      else if (!blankBefore(doc2, text.length)) lead = eol;
    }
    return { start: text.length, end: text.length, text: `${lead}## Log${eol}${eol}${lines.join(eol)}${eol}` };
  }
  const last = lastContentLine(doc2, log.section);
  const nl = last ? text.indexOf("\n", last.end) : -1;
  const at = !last ? log.section.fieldsEnd : nl === -1 ? text.length : nl + 1;
  return insertLines(doc2, at, lines);
}
function insertEntryWithLog(doc2, log, entryLines, logLines) {
  if (log.section) return [insertEntry(doc2, log, entryLines), appendLog(doc2, log, logLines)];
  const { eol } = doc2;
  const entry = insertEntry(doc2, log, entryLines);
  return [{ ...entry, text: `${entry.text}${eol}## Log${eol}${eol}${logLines.join(eol)}${eol}` }];
}
var init_edit = __esm({
  "src/ledger/edit.ts"() {
    "use strict";
    init_document();
  }
});

// src/rules/approval-rules.ts
var approval_rules_exports = {};
__export(approval_rules_exports, {
  CONDITIONS: () => CONDITIONS,
  evaluateRules: () => evaluateRules,
  parseRules: () => parseRules
});
function parseRules(file, block) {
  const diagnostics = [];
  if (!block || block.text.trim() === "") return { rules: [], diagnostics };
  const counter3 = new import_yaml.LineCounter();
  const doc2 = (0, import_yaml.parseDocument)(block.text, { lineCounter: counter3, prettyErrors: false });
  const lineOf = (node, fallback = 0) => {
    const off = node?.range?.[0];
    if (off === void 0) return { line: block.line + fallback, column: 1 };
    const p = counter3.linePos(off);
    return { line: block.line + p.line - 1, column: p.col };
  };
  const report = (where2, message) => diagnostics.push({ severity: "error", file, line: where2.line, column: where2.column, code: "bad-rule", message });
  for (const e of doc2.errors) {
    const p = e.linePos?.[0];
    report(
      p ? { line: block.line + p.line - 1, column: p.col } : { line: block.line, column: 1 },
      `Rules are not valid YAML: ${e.message.split("\n")[0]}`
    );
  }
  if (doc2.errors.length) return { rules: [], diagnostics };
  const root = doc2.contents;
  if (root === null) return { rules: [], diagnostics };
  if (!(0, import_yaml.isSeq)(root)) {
    report(lineOf(root), "Expected the rules to be a YAML list of rules (- id: ...)");
    return { rules: [], diagnostics };
  }
  const rules = [];
  const ids = /* @__PURE__ */ new Map();
  for (const item of root.items) {
    const at = lineOf(item);
    if (!(0, import_yaml.isMap)(item)) {
      report(at, "Expected a rule: a mapping with id, and approve or deny");
      continue;
    }
    const map = item;
    const keys = map.items.map((p) => (0, import_yaml.isScalar)(p.key) ? String(p.key.value) : "");
    for (const [i, k] of keys.entries()) {
      if (!["id", "approve", "deny", "level"].includes(k)) {
        report(
          lineOf(map.items[i]?.key),
          `Unknown key "${k}" in a rule; expected id, approve or deny, and level`
        );
      }
    }
    const id = map.get("id");
    if (typeof id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      report(at, `Expected a rule id like docs-only, found ${JSON.stringify(id ?? null)}`);
      continue;
    }
    const first = ids.get(id);
    if (first !== void 0) {
      diagnostics.push({
        severity: "error",
        file,
        line: at.line,
        column: at.column,
        code: "bad-rule",
        message: `Duplicate rule id ${id}`,
        related: { line: first, column: 1, message: "first defined" }
      });
      continue;
    }
    ids.set(id, at.line);
    const hasApprove = map.has("approve");
    const hasDeny = map.has("deny");
    if (hasApprove === hasDeny) {
      report(at, `Rule ${id} needs exactly one of approve: or deny:`);
      continue;
    }
    const effect = hasApprove ? "approve" : "deny";
    const level = map.get("level") ?? "soft";
    if (level !== "soft" && level !== "hard") {
      report(at, `Rule ${id}: expected level soft or hard, found ${JSON.stringify(level)}`);
      continue;
    }
    if (level === "hard" && effect === "approve") {
      report(at, `Rule ${id}: level hard is for deny rules`);
      continue;
    }
    const condNode = map.get(effect, true);
    const when = parseConditions(id, condNode, (node, message) => report(lineOf(node ?? condNode), message));
    if (when) rules.push({ id, effect, level, when, line: at.line });
  }
  return { rules: diagnostics.length ? [] : rules, diagnostics };
}
function parseConditions(id, node, report) {
  if (!(0, import_yaml.isMap)(node)) {
    report(node, `Rule ${id}: expected conditions like { labels: [docs], requester-role: WORK }`);
    return void 0;
  }
  const out = {};
  let ok3 = true;
  const list = (v) => typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? v : void 0;
  for (const pair of node.items) {
    const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const keyNode = pair.key;
    const value = pair.value?.toJSON?.() ?? ((0, import_yaml.isScalar)(pair.value) ? pair.value.value : void 0);
    const fail = (expected) => {
      report(keyNode, `Rule ${id}: expected ${expected} for "${key}"`);
      ok3 = false;
    };
    switch (key) {
      case "labels":
      case "any-label": {
        const v = list(value);
        if (!v || v.length === 0) fail("a label or a list of labels");
        else out[key] = v;
        break;
      }
      case "requester-role": {
        const v = list(value);
        if (!v?.every(isRole)) fail("CMD, WORK or AUDIT, or a list of them");
        else out[key] = v;
        break;
      }
      case "subject-state": {
        const v = list(value);
        if (!v?.every(isState)) fail("a state (PLAN|READY|DOING|REVIEW|DONE) or a list of them");
        else out[key] = v;
        break;
      }
      case "subject": {
        const v = list(value);
        if (!v?.every((x) => x === "task" || x === "text" || x === "roles")) fail("task, text or roles");
        else out[key] = v;
        break;
      }
      case "max-attempts":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail("a whole number");
        else out[key] = value;
        break;
      case "evidence":
        if (typeof value !== "boolean") fail("true or false");
        else out[key] = value;
        break;
      default:
        report(keyNode, `Rule ${id}: unknown condition "${key}"; known: ${Object.keys(CONDITIONS).join(", ")}`);
        ok3 = false;
    }
  }
  return ok3 ? out : void 0;
}
function evaluateRules(rules, facts) {
  const trace = rules.map((rule) => {
    const conditions = Object.entries(rule.when).map(([k, v]) => judge(k, v, facts));
    return { rule, matched: conditions.every((c) => c.held), conditions };
  });
  const hard = trace.find((t) => t.matched && t.rule.effect === "deny" && t.rule.level === "hard");
  if (hard) return { verdict: { decision: "reject", rule: hard.rule }, trace };
  const soft = trace.find((t) => t.matched && t.rule.effect === "deny");
  if (soft) return { verdict: { decision: "hold", rule: soft.rule }, trace };
  const approve = trace.find((t) => t.matched && t.rule.effect === "approve");
  if (approve) return { verdict: { decision: "approve", rule: approve.rule }, trace };
  return { verdict: { decision: "none" }, trace };
}
function judge(key, value, f) {
  const show = (xs) => xs.length ? xs.join(", ") : "none";
  switch (key) {
    case "labels": {
      const want = value;
      const held2 = want.every((l) => f.labels.includes(l));
      return { condition: `labels [${want.join(", ")}]`, held: held2, why: `the subject has ${show(f.labels)}` };
    }
    case "any-label": {
      const want = value;
      const held2 = want.some((l) => f.labels.includes(l));
      return { condition: `any-label [${want.join(", ")}]`, held: held2, why: `the subject has ${show(f.labels)}` };
    }
    case "requester-role": {
      const want = value;
      const held2 = want.some((r) => f.requesterRoles.includes(r));
      return {
        condition: `requester-role ${want.join("|")}`,
        held: held2,
        why: `the requester holds ${show(f.requesterRoles)}`
      };
    }
    case "subject-state": {
      const want = value;
      const held2 = f.state !== void 0 && want.includes(f.state);
      return { condition: `subject-state ${want.join("|")}`, held: held2, why: `the subject is ${f.state ?? "not a task"}` };
    }
    case "max-attempts": {
      const held2 = f.attempts <= value;
      return { condition: `max-attempts ${value}`, held: held2, why: `the subject has ${f.attempts} attempts` };
    }
    case "evidence": {
      const held2 = f.evidence === value;
      return {
        condition: `evidence ${value}`,
        held: held2,
        why: f.evidence ? "the request has evidence" : "the request has no evidence"
      };
    }
    case "subject": {
      const want = value;
      return {
        condition: `subject ${want.join("|")}`,
        held: want.includes(f.subject),
        why: `the subject is ${f.subject}`
      };
    }
  }
}
var import_yaml, CONDITIONS;
var init_approval_rules = __esm({
  "src/rules/approval-rules.ts"() {
    "use strict";
    init_write_checks();
    init_approval();
    init_task();
    import_yaml = require("./vendor-yaml.cjs");
    CONDITIONS = {
      labels: "the subject task has all of these labels",
      "any-label": "the subject task has at least one of these labels",
      "requester-role": "the requester holds one of these roles",
      "subject-state": "the subject task is in one of these states",
      "max-attempts": "the subject task has at most this many attempts",
      evidence: "the request has evidence (true) or has none (false)",
      subject: "the subject is a task, free text, or a roles change"
    };
    registerRulesCheck((file, block) => parseRules(file, block).diagnostics);
  }
});

// src/rules/guarded-sections.ts
function canonical(key, policy) {
  if (key === "approval-required") return [...new Set(policy.approvalRequired)].sort().join(", ");
  if (key === "signed-commits") return policy.signedCommits ? "required" : "optional";
  return durationText(policy.clockSkew);
}
function policyChanges(before, after2) {
  const out = [];
  const weakened = {
    "approval-required": before.approvalRequired.some((l) => !after2.approvalRequired.includes(l)),
    "signed-commits": before.signedCommits && !after2.signedCommits,
    "clock-skew": after2.clockSkew > before.clockSkew
  };
  for (const key of GUARDED_POLICY_KEYS) {
    if (weakened[key]) out.push(`${POLICY_SUBJECT} ${key}=${canonical(key, after2)}`);
  }
  return out;
}
function policyChangeOf(assignment, base) {
  const m = /^([a-z-]+)=(.*)$/.exec(assignment.trim());
  if (!m) return { problem: `Expected KEY=VALUE, like approval-required=prod, security, found "${assignment}"` };
  const key = m[1];
  const value = m[2].trim();
  if (!GUARDED_POLICY_KEYS.includes(key)) {
    return {
      problem: `${key} is not a Policy key that needs a request (those are ${GUARDED_POLICY_KEYS.join(", ")}); edit it in TASKS.md and commit`
    };
  }
  const k = key;
  let next2;
  if (value === "") {
    const field2 = k === "approval-required" ? "approvalRequired" : k === "signed-commits" ? "signedCommits" : "clockSkew";
    next2 = { ...base, [field2]: field2 === "approvalRequired" ? [] : field2 === "signedCommits" ? false : 3e4 };
  } else {
    const d = POLICY_FIELDS[k](value);
    if (!d.ok) return { problem: `Expected ${d.expected} as the value of ${k}, found "${value}"` };
    const v = d.value;
    next2 = k === "approval-required" ? { ...base, approvalRequired: v } : k === "signed-commits" ? { ...base, signedCommits: v } : { ...base, clockSkew: v };
  }
  return { change: `${POLICY_SUBJECT} ${k}=${canonical(k, next2)}` };
}
function rulesChangeOf(text, hasher) {
  return `${RULES_SUBJECT} sha256:${hasher(normalRules(text)).slice(0, 16)}`;
}
function rulesChange(before, after2, hasher) {
  const b = normalRules(before.rules?.text ?? "");
  const a = normalRules(after2.rules?.text ?? "");
  return a === b ? void 0 : rulesChangeOf(a, hasher);
}
var POLICY_SUBJECT, RULES_SUBJECT, GUARDED_POLICY_KEYS, durationText, normalRules;
var init_guarded_sections = __esm({
  "src/rules/guarded-sections.ts"() {
    "use strict";
    init_fields();
    POLICY_SUBJECT = "policy";
    RULES_SUBJECT = "rules";
    GUARDED_POLICY_KEYS = ["approval-required", "signed-commits", "clock-skew"];
    durationText = (ms2) => ms2 % 1e3 === 0 ? `${ms2 / 1e3}s` : `${ms2}ms`;
    normalRules = (text) => text.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  }
});

// src/rules/subject.ts
function entryText(doc2, fieldsEnd, end) {
  return doc2.text.slice(fieldsEnd, end).replace(/\r\n/g, "\n").replace(/^\n+/, "").replace(/\s+$/, "");
}
function taskContentHash(ledger, id, hasher) {
  const found = ledger.byId.get(id);
  if (!found) return void 0;
  const { task, section } = found;
  const evidence = task.fields.find((f) => f.key === "evidence")?.value ?? "";
  const canonical2 = JSON.stringify({
    title: task.title,
    text: entryText(ledger.doc, section.fieldsEnd, section.end),
    labels: [...task.labels].sort(),
    evidence
  });
  return `sha256:${hasher(canonical2).slice(0, HASH_HEX)}`;
}
function textSubjectHash(subject, hasher) {
  return `sha256:${hasher(JSON.stringify({ text: subject })).slice(0, HASH_HEX)}`;
}
function lastModifier(ledger, id) {
  const { doc: doc2, log } = ledger;
  const needle = ` ${id} `;
  for (let i = log.lines.length - 1; i >= 0; i--) {
    const ln = log.lines[i];
    const text = doc2.text.slice(doc2.scan.lineStarts[ln], doc2.scan.lineEnds[ln]);
    if (!text.includes(needle)) continue;
    const parsed = parseLogLine(text, ln);
    if (parsed.ok && parsed.entry.target === id && CHANGES_CONTENT.has(parsed.entry.action)) return parsed.entry;
  }
  return void 0;
}
var TASK_SUBJECT, HASH_HEX, CHANGES_CONTENT;
var init_subject = __esm({
  "src/rules/subject.ts"() {
    "use strict";
    init_log();
    TASK_SUBJECT = /^T-[1-9]\d*$/;
    HASH_HEX = 32;
    CHANGES_CONTENT = /* @__PURE__ */ new Set(["add", "set", "claim", "takeover", "renew", "release", "submit", "block"]);
  }
});

// src/rules/matrix.ts
function permits(action, actor, roles, state, id) {
  const row3 = MATRIX[action];
  if (!roles.includes(row3.role)) {
    return {
      ok: false,
      message: `${actor} (${roles.join(", ") || "no roles"}) may not ${action}; that takes the ${row3.role} role`
    };
  }
  if (state !== void 0 && !row3.from.includes(state)) {
    if (row3.from.length === 0)
      return {
        ok: false,
        message: `${id ?? "The task"} is on the board already (${state}); ${action} makes a new task`
      };
    return { ok: false, message: `${id ?? "The task"} is ${state}; ${action} needs it ${row3.from.join(" or ")}` };
  }
  return { ok: true, role: row3.role };
}
var OPEN, MATRIX, TASK_ACTIONS;
var init_matrix = __esm({
  "src/rules/matrix.ts"() {
    "use strict";
    OPEN = ["PLAN", "READY", "DOING", "REVIEW"];
    MATRIX = {
      add: { role: "CMD", from: [], to: "PLAN", summary: "add a task (READY with --ready)" },
      set: { role: "CMD", from: OPEN, to: "same", summary: "change title, priority, assignee, labels, dependencies" },
      ready: { role: "CMD", from: ["PLAN"], to: "READY", summary: "make a planned task available to workers" },
      plan: { role: "CMD", from: ["READY"], to: "PLAN", summary: "take a task back for replanning" },
      cancel: { role: "CMD", from: OPEN, to: "DONE", summary: "end a task without doing it (resolution cancelled)" },
      unblock: { role: "CMD", from: OPEN, to: "same", summary: "clear a block" },
      claim: {
        role: "WORK",
        from: ["READY", "DOING"],
        to: "DOING",
        summary: "take a lease (DOING only when the lease expired or after rework)"
      },
      renew: { role: "WORK", from: ["DOING"], to: "same", summary: "extend the lease (holder only)" },
      release: { role: "WORK", from: ["DOING"], to: "READY", summary: "give the lease back (holder only)" },
      submit: { role: "WORK", from: ["DOING"], to: "REVIEW", summary: "hand the work in for review (holder only)" },
      block: { role: "WORK", from: OPEN, to: "same", summary: "mark blocked, with a reason" },
      accept: { role: "AUDIT", from: ["REVIEW"], to: "DONE", summary: "accept the work (not by who did it)" },
      rework: { role: "AUDIT", from: ["REVIEW"], to: "DOING", summary: "send back for rework, with a reason" },
      fail: {
        role: "WORK",
        from: ["DOING"],
        to: "READY",
        summary: "give the lease back after a failed run (holder only; attempts + 1, backoff; blocked at max-attempts)"
      },
      recover: {
        role: "CMD",
        from: ["DOING"],
        to: "READY",
        summary: "put back a task whose lease expired (watch: attempts + 1, backoff; blocked at max-attempts)"
      }
    };
    TASK_ACTIONS = Object.keys(MATRIX);
  }
});

// src/ledger/decode.ts
function reportBadValue(doc2, f, expected, diagnostics) {
  diagnostics.push({
    severity: "error",
    file: doc2.file,
    line: f.line + 1,
    column: f.valueStart - f.start + 1,
    code: `bad-${f.key}`,
    message: `Expected ${expected} for "${f.key}", found "${f.value}"`
  });
}
function decodeUnknown(doc2, section, codecs, diagnostics, what) {
  for (const f of section.fields) if (!codecs[f.key]) reportUnknown(doc2, f, codecs, diagnostics, what);
}
function reportUnknown(doc2, f, codecs, diagnostics, what) {
  const keyCol = f.valueStart - f.start - f.key.length;
  const known = KEY3.test(f.key);
  diagnostics.push({
    severity: known ? "warning" : "error",
    file: doc2.file,
    line: f.line + 1,
    column: Math.max(3, keyCol - 1),
    code: known ? "unknown-field" : "bad-key",
    message: known ? `Unknown field "${f.key}" in ${what}; it is kept as it is (known: ${Object.keys(codecs).join(", ")})` : `Expected a lowercase field name like "state", found "${f.key}"`
  });
}
function decodeFields(doc2, section, codecs, diagnostics, what) {
  const out = /* @__PURE__ */ new Map();
  for (const f of section.fields) {
    const codec = codecs[f.key];
    if (!codec) {
      reportUnknown(doc2, f, codecs, diagnostics, what);
      continue;
    }
    if (f.value === "") continue;
    const d = codec(f.value);
    if (d.ok) out.set(f.key, d.value);
    else reportBadValue(doc2, f, d.expected, diagnostics);
  }
  return out;
}
var KEY3;
var init_decode = __esm({
  "src/ledger/decode.ts"() {
    "use strict";
    KEY3 = /^[a-z][a-z0-9-]*$/;
  }
});

// src/ledger/tasks.ts
function entryIdsOf(ledger) {
  return ledger.entryIds ? ledger.entryIds() : ledger.tasks.map((t) => t.id);
}
function entrySourceOf(ledger, id) {
  if (ledger.entrySource) return ledger.entrySource(id);
  const section = ledger.byId.get(id)?.section;
  return section && ledger.doc.text.slice(section.start, section.end);
}
function readTasks(file, text) {
  const doc2 = readLedgerText("tasks", file, text);
  const diagnostics = [...doc2.diagnostics];
  const tasks = [];
  const byId = /* @__PURE__ */ new Map();
  const labels = new Interner(text);
  for (const s of doc2.sections) {
    if (s.kind !== "entry" || !s.id) continue;
    const section = s;
    const task = decodeTask(doc2, section, diagnostics, labels);
    if (!byId.has(task.id)) byId.set(task.id, { task, section, index: tasks.length });
    tasks.push(task);
  }
  checkTaskRelations(file, tasks, byId, diagnostics);
  checkLoggedAdds(doc2, byId, diagnostics);
  readPhases(doc2, diagnostics);
  checkTaskPhases(doc2, tasks, diagnostics);
  const policySection = sectionByName(doc2, "Policy");
  const policy = policySection ? policyFrom(decodeFields(doc2, policySection, POLICY_FIELDS, diagnostics, "the policy")) : DEFAULT_POLICY;
  const schedules = schedulesOf(sectionByName(doc2, "Schedules"));
  return { doc: doc2, tasks, byId, policy, schedules, log: locateLog(doc2), diagnostics };
}
function schedulesOf(section) {
  return (section?.fields ?? []).map((f) => ({ name: f.key, spec: f.value, line: f.line + 1 }));
}
function policyFrom(v) {
  return {
    lease: v.get("lease") ?? DEFAULT_POLICY.lease,
    maxAttempts: v.get("max-attempts") ?? DEFAULT_POLICY.maxAttempts,
    backoff: v.get("backoff") ?? DEFAULT_POLICY.backoff,
    approvalRequired: v.get("approval-required") ?? DEFAULT_POLICY.approvalRequired,
    wipLimit: v.get("wip-limit") ?? DEFAULT_POLICY.wipLimit,
    clockSkew: v.get("clock-skew") ?? DEFAULT_POLICY.clockSkew,
    signedCommits: v.get("signed-commits") ?? DEFAULT_POLICY.signedCommits,
    approvalSla: v.get("approval-sla") ?? DEFAULT_POLICY.approvalSla,
    timeZone: v.get("time-zone"),
    goals: {
      automation: v.get("goal-automation"),
      recovery: v.get("goal-recovery"),
      approvalWait: v.get("goal-approval-wait")
    }
  };
}
function asciiLabels(text, vs, ve, interner) {
  const out = [];
  const plain = eachListItem(text, vs, ve, (a, b) => {
    if (!isAsciiAlnum(text.charCodeAt(a))) return false;
    for (let q = a + 1; q < b; q++) {
      const c = text.charCodeAt(q);
      if (!isAsciiAlnum(c) && c !== 46 && c !== 95 && c !== 47 && c !== 45) return false;
    }
    out.push(interner.get(a, b));
    return true;
  });
  return plain ? out : void 0;
}
function plainIds(text, vs, ve) {
  const out = [];
  const plain = eachListItem(text, vs, ve, (a, b) => {
    const d = text.charCodeAt(a + 2);
    if (b - a < 3 || text.charCodeAt(a) !== 84 || text.charCodeAt(a + 1) !== 45 || d < 49 || d > 57) return false;
    for (let q = a + 3; q < b; q++) {
      const c = text.charCodeAt(q);
      if (c < 48 || c > 57) return false;
    }
    out.push(text.slice(a, b));
    return true;
  });
  return plain ? out : void 0;
}
function decodeOrReport(doc2, section, i, diagnostics) {
  const f = section.table.fieldLine(i);
  const d = TASK_FIELDS[f.key](f.value);
  if (d.ok) return d.value;
  reportBadValue(doc2, f, d.expected, diagnostics);
  return void 0;
}
function decodeTask(doc2, section, diagnostics, interner) {
  const { table } = section;
  const { text } = doc2;
  let state;
  let priority = "P2";
  let depends = NONE3;
  let labels = NONE3;
  let assignee;
  let lease;
  let attempts = 0;
  let blocked;
  let resolution;
  let notBefore;
  let created;
  let others = false;
  let hasState = false;
  const last = section.fieldFirst + section.fieldCount;
  for (let i = section.fieldFirst; i < last; i++) {
    const code = table.code(i);
    if (code === KEY.state) hasState = true;
    const vs = table.valueStart(i);
    const ve = table.valueEnd(i);
    if (vs === ve) continue;
    switch (code) {
      case KEY.state: {
        let found;
        for (const st of STATE_BY_LENGTH[ve - vs] ?? NO_STATES) if (text.startsWith(st, vs)) found = st;
        if (found) state = found;
        else decodeOrReport(doc2, section, i, diagnostics);
        break;
      }
      case KEY.priority: {
        const d = text.charCodeAt(vs + 1) - 48;
        if (ve - vs === 2 && text.charCodeAt(vs) === 80 && d >= 0 && d < PRIORITY_BY_DIGIT.length) {
          priority = PRIORITY_BY_DIGIT[d];
        } else decodeOrReport(doc2, section, i, diagnostics);
        break;
      }
      case KEY.created: {
        const t = parseTimeAt(text, vs, ve);
        if (t === void 0) decodeOrReport(doc2, section, i, diagnostics);
        else created = t;
        break;
      }
      case KEY.notBefore: {
        const t = parseTimeAt(text, vs, ve);
        if (t === void 0) decodeOrReport(doc2, section, i, diagnostics);
        else notBefore = t;
        break;
      }
      case KEY.resolution:
        if (table.valueIs(i, "done")) resolution = "done";
        else if (table.valueIs(i, "cancelled")) resolution = "cancelled";
        else decodeOrReport(doc2, section, i, diagnostics);
        break;
      case KEY.labels:
        labels = asciiLabels(text, vs, ve, interner) ?? decodeOrReport(doc2, section, i, diagnostics) ?? NONE3;
        break;
      case KEY.depends:
        depends = plainIds(text, vs, ve) ?? decodeOrReport(doc2, section, i, diagnostics) ?? NONE3;
        break;
      case KEY.assignee:
        assignee = decodeOrReport(doc2, section, i, diagnostics);
        break;
      case KEY.lease:
        lease = decodeOrReport(doc2, section, i, diagnostics);
        break;
      case KEY.attempts:
        attempts = decodeOrReport(doc2, section, i, diagnostics) ?? 0;
        break;
      case KEY.blocked:
        blocked = decodeOrReport(doc2, section, i, diagnostics);
        break;
      case KEY.fence:
      case KEY.workers:
      case KEY.rework:
      case KEY.lastError:
      case KEY.evidence:
      case KEY.paths:
      case KEY.worktree:
        decodeOrReport(doc2, section, i, diagnostics);
        break;
      default:
        others = true;
    }
  }
  if (others) decodeUnknown(doc2, section, TASK_FIELDS, diagnostics, `task ${section.id}`);
  if (state === void 0 && !hasState) {
    diagnostics.push({
      severity: "error",
      file: doc2.file,
      line: section.headingLine + 2,
      column: 1,
      code: "missing-state",
      message: `Task ${section.id} has no state; expected a field line "- state: PLAN" (PLAN|READY|DOING|REVIEW|DONE) under its heading`
    });
  }
  const task = new LedgerTask(
    section.id,
    section.title ?? "",
    state ?? "PLAN",
    priority,
    depends,
    labels,
    assignee,
    lease,
    attempts,
    blocked,
    resolution,
    notBefore,
    created,
    section.headingLine + 1,
    section
  );
  if (state === void 0) unreadableState.add(task);
  return task;
}
function checkLoggedAdds(doc2, byId, diagnostics) {
  const log = sectionByName(doc2, "Log");
  if (!log) return;
  const mistyped = /* @__PURE__ */ new Set();
  for (const s of doc2.sections) if (s.kind === "other") mistyped.add(likelyEntryId(s.name, "T"));
  const reported = /* @__PURE__ */ new Set();
  for (const a of loggedAdds(doc2.text, log.start, log.end)) {
    const id = `T-${a.n}`;
    if (byId.has(id) || mistyped.has(id) || reported.has(id)) continue;
    reported.add(id);
    diagnostics.push({
      severity: "error",
      file: doc2.file,
      line: lineAt(doc2.scan.lineStarts, a.lineStart) + 1,
      column: 1,
      code: "missing-entry",
      message: `The log adds ${id} here, but no entry "## ${id} <title>" holds it; restore the entry (git log -p shows it), or cancel a task instead of deleting it`
    });
  }
}
function lineAt(lineStarts, offset) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
function checkTaskRelations(file, tasks, byId, diagnostics) {
  const fieldLine = (t, code) => {
    const section = byId.get(t.id)?.section;
    const row3 = section.findCode(code);
    return row3 >= 0 ? section.table.line(row3) + 1 : t.line;
  };
  let withDeps = 0;
  for (const t of tasks) {
    if (t.depends.length) {
      withDeps++;
      for (const dep of t.depends) {
        if (dep === t.id) {
          diagnostics.push({
            severity: "error",
            file,
            line: fieldLine(t, KEY.depends),
            column: 1,
            code: "self-dependency",
            message: `Task ${t.id} depends on itself`
          });
        } else if (!byId.has(dep)) {
          diagnostics.push({
            severity: "error",
            file,
            line: fieldLine(t, KEY.depends),
            column: 1,
            code: "unknown-dependency",
            message: `Task ${t.id} depends on ${dep}, which is not in this file`
          });
        }
      }
    }
    if (unreadableState.has(t)) continue;
    if (t.state === "DOING") {
      if (!t.lease && t.fieldsHave(KEY.lease) === false) {
        diagnostics.push({
          severity: "warning",
          file,
          line: t.line,
          column: 1,
          code: "doing-without-lease",
          message: `Task ${t.id} is DOING but nobody holds a lease on it`
        });
      }
    } else if (t.lease) {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine(t, KEY.lease),
        column: 1,
        code: "lease-outside-doing",
        message: `Task ${t.id} is ${t.state} but has a lease; a lease exists only while a task is DOING`
      });
    }
    if (t.resolution && t.state !== "DONE") {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine(t, KEY.resolution),
        column: 1,
        code: "resolution-outside-done",
        message: `Task ${t.id} is ${t.state} but has a resolution; only DONE tasks have one`
      });
    }
  }
  if (withDeps) findCycles(file, tasks, byId, diagnostics);
}
function findCycles(file, tasks, byId, diagnostics) {
  const n = tasks.length;
  const deps = new Array(n);
  const depsOf = (index) => {
    let d = deps[index];
    if (!d) {
      const t = tasks[index];
      d = new Int32Array(t.depends.length);
      let k = 0;
      for (const dep of t.depends) {
        if (dep === t.id) continue;
        const e = byId.get(dep);
        if (e) d[k++] = e.index;
      }
      d = d.subarray(0, k);
      deps[index] = d;
    }
    return d;
  };
  const color = new Uint8Array(n);
  const stack = new Int32Array(n);
  const nextDep = new Int32Array(n);
  for (const root of tasks) {
    if (root.depends.length === 0) continue;
    const r = byId.get(root.id).index;
    if (color[r] !== 0) continue;
    let top = 0;
    stack[0] = r;
    nextDep[0] = 0;
    color[r] = 1;
    while (top >= 0) {
      const at = stack[top];
      const d = depsOf(at);
      const k = nextDep[top];
      if (k >= d.length) {
        color[at] = 2;
        top--;
        continue;
      }
      nextDep[top] = k + 1;
      const dep = d[k];
      const c = color[dep];
      if (c === 1) {
        let from = 0;
        while (stack[from] !== dep) from++;
        const cycle = [];
        for (let k2 = from; k2 <= top; k2++) cycle.push(tasks[stack[k2]].id);
        cycle.push(tasks[dep].id);
        const message = `Dependency cycle: ${cycle.join(" -> ")}`;
        const line2 = tasks[at].line;
        diagnostics.push({ severity: "error", file, line: line2, column: 1, code: "dependency-cycle", message });
      } else if (c === 0) {
        color[dep] = 1;
        top++;
        stack[top] = dep;
        nextDep[top] = 0;
      }
    }
  }
}
var NONE3, LedgerTask, Interner, isAsciiAlnum, NO_STATES, STATE_BY_LENGTH, PRIORITY_BY_DIGIT, unreadableState;
var init_tasks = __esm({
  "src/ledger/tasks.ts"() {
    "use strict";
    init_task();
    init_time();
    init_decode();
    init_document();
    init_entry_ids();
    init_fields();
    init_log();
    init_phases();
    NONE3 = [];
    LedgerTask = class {
      constructor(id, title, state, priority, depends, labels, assignee, lease, attempts, blocked, resolution, notBefore, created, line2, section) {
        this.id = id;
        this.title = title;
        this.state = state;
        this.priority = priority;
        this.depends = depends;
        this.labels = labels;
        this.assignee = assignee;
        this.lease = lease;
        this.attempts = attempts;
        this.blocked = blocked;
        this.resolution = resolution;
        this.notBefore = notBefore;
        this.created = created;
        this.line = line2;
        this.section = section;
      }
      id;
      title;
      state;
      priority;
      depends;
      labels;
      assignee;
      lease;
      attempts;
      blocked;
      resolution;
      notBefore;
      created;
      line;
      section;
      get fields() {
        return this.section.fields;
      }
      /** Whether the task has a field line with this key code (set or empty). */
      fieldsHave(code) {
        return this.section.findCode(code) >= 0;
      }
    };
    Interner = class {
      constructor(text) {
        this.text = text;
      }
      text;
      byLength = [];
      get(start, end) {
        this.byLength[end - start] ??= [];
        const list = this.byLength[end - start];
        for (const s2 of list) if (this.text.startsWith(s2, start)) return s2;
        const s = this.text.slice(start, end);
        if (list.length < 32) list.push(s);
        return s;
      }
    };
    isAsciiAlnum = (c) => c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
    NO_STATES = [];
    STATE_BY_LENGTH = [];
    for (const st of STATES) {
      STATE_BY_LENGTH[st.length] ??= [];
      STATE_BY_LENGTH[st.length]?.push(st);
    }
    PRIORITY_BY_DIGIT = PRIORITIES;
    unreadableState = /* @__PURE__ */ new WeakSet();
  }
});

// src/ledger/clean-scan.ts
function scanCleanTasks(text) {
  if (text.includes("\r") && LONE_CR.test(text)) return void 0;
  const from = text.charCodeAt(0) === 65279 ? 1 : 0;
  const separators = text.includes("\u2028") || text.includes("\u2029");
  const byStateCount = new Int32Array(STATES.length);
  const blocked = [];
  const leases = [];
  const policyValues = /* @__PURE__ */ new Map();
  const ids = new IntList();
  const starts = new IntList();
  const ends = new IntList();
  const depFrom = new IntList();
  const depTo = new IntList();
  let indexOfId = new Int32Array(1024);
  let reservedSeen = 0;
  const sectionStarts = new IntList();
  const sectionKinds = new IntList();
  const reservedAt = new Int32Array(ENTRY).fill(-1);
  let mode = PREAMBLE;
  let kind = OTHER;
  let anySection = false;
  let seenKeys = 0;
  let seenHigh = 0;
  let otherKeys;
  let task = -1;
  let stateCode = -1;
  let hasState = false;
  let hasLease = false;
  let leaseSet = false;
  let resolutionSet = false;
  let idStart = 0;
  let idEnd = 0;
  const endEntry = () => {
    if (!hasState) return false;
    const st = stateCode < 0 ? 0 : stateCode;
    if (st === STATE_DOING ? !leaseSet && !hasLease : leaseSet) return false;
    if (resolutionSet && st !== STATE_DONE) return false;
    byStateCount[st] = byStateCount[st] + 1;
    return true;
  };
  let sectionStart = 0;
  for (let start = from; start < text.length; ) {
    if (mode !== FIELDS && text.charCodeAt(start) !== 35) {
      SKIP.lastIndex = start;
      SKIP.test(text);
      start = SKIP.lastIndex;
      if (start >= text.length) break;
    }
    if (text.charCodeAt(start) === 35 && text.startsWith("## T-", start)) {
      const after2 = plainEntries(start);
      if (after2 < 0) return void 0;
      if (after2 > start) {
        start = after2;
        continue;
      }
    }
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const le = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const next2 = nl + 1;
    const c = text.charCodeAt(start);
    if (c === 32 || c === 9 || c === 62 || c === 60) return void 0;
    if ((c === 45 || c === 61) && isRuleLine(text, start, nl, c)) return void 0;
    if ((c === 96 || c === 126) && text.startsWith(c === 96 ? "```" : "~~~", start)) return void 0;
    const h = c === 35 ? atxHeading(text, start, le) : void 0;
    if (h !== void 0 && h.level <= 2) {
      if (kind === ENTRY) {
        if (!endEntry()) return void 0;
        ends.push(start);
      }
      if (h.level === 1) {
        if (anySection) return void 0;
        start = next2;
        continue;
      }
      anySection = true;
      sectionStart = start;
      mode = FIELDS;
      sectionStarts.push(start);
      seenKeys = 0;
      seenHigh = 0;
      otherKeys = void 0;
      const n = entryNumber(text, h.start, h.end, separators);
      if (n > 0) {
        kind = ENTRY;
        sectionKinds.push(ENTRY);
        if (n >= indexOfId.length) {
          const grown = new Int32Array(Math.max(n + 1, indexOfId.length * 2));
          grown.set(indexOfId);
          indexOfId = grown;
        }
        if (indexOfId[n] !== 0) return void 0;
        task = ids.length;
        indexOfId[n] = task + 1;
        ids.push(n);
        starts.push(sectionStart);
        idStart = h.start;
        idEnd = h.start + 2;
        while (idEnd < h.end && text.charCodeAt(idEnd) >= 48 && text.charCodeAt(idEnd) <= 57) idEnd++;
        stateCode = -1;
        hasState = hasLease = leaseSet = resolutionSet = false;
      } else {
        const len = h.end - h.start;
        kind = len === 6 && text.startsWith("Policy", h.start) ? POLICY : len === 9 && text.startsWith("Schedules", h.start) ? SCHEDULES : len === 3 && text.startsWith("Log", h.start) ? LOG : OTHER;
        if (kind === OTHER) return void 0;
        reservedAt[kind] = sectionKinds.length;
        sectionKinds.push(kind);
        if (reservedSeen & 1 << kind) return void 0;
        reservedSeen |= 1 << kind;
        if (kind === LOG) mode = CONTENT;
      }
      start = next2;
      continue;
    }
    if (mode === FIELDS) {
      if (start === le) {
        mode = CONTENT;
      } else {
        const colon = fieldColon(text, start, le);
        if (colon < 0) return void 0;
        if (!field2(colon, start, le)) return void 0;
      }
    }
    start = next2;
  }
  if (kind === ENTRY) {
    if (!endEntry()) return void 0;
    ends.push(text.length);
  }
  for (let k = 0; k < depTo.length; k++) {
    const to = depTo.data[k];
    if (to >= indexOfId.length || indexOfId[to] === 0) return void 0;
  }
  if (depTo.length && hasCycle(ids.length, depFrom, depTo, indexOfId)) return void 0;
  const logAt = reservedAt[LOG];
  if (logAt >= 0) {
    const logEnd = logAt + 1 < sectionStarts.length ? sectionStarts.data[logAt + 1] : text.length;
    const has = (n) => n < indexOfId.length && indexOfId[n] !== 0;
    if (!everyLoggedAdd(text, sectionStarts.data[logAt], logEnd, has)) return void 0;
  }
  let highestId = 0;
  for (let k = 0; k < ids.length; k++) if (ids.data[k] > highestId) highestId = ids.data[k];
  const byState = {};
  STATES.forEach((s, i) => {
    byState[s] = byStateCount[i];
  });
  return {
    tasks: ids.length,
    highestId,
    byState,
    blocked,
    leases,
    policy: policyFrom(policyValues),
    entryText(id) {
      const r = this.entryRange(id);
      return r && text.slice(r.start, r.end);
    },
    entryRange(id) {
      const m = /^T-([1-9]\d*)$/.exec(id);
      const n = m ? Number(m[1]) : 0;
      const index = n > 0 && n < indexOfId.length ? indexOfId[n] - 1 : -1;
      return index < 0 ? void 0 : { start: starts.data[index], end: ends.data[index] };
    },
    reservedRange(name) {
      const k = reservedAt[name === "Policy" ? POLICY : name === "Schedules" ? SCHEDULES : LOG];
      if (k < 0) return void 0;
      const end = k + 1 < sectionStarts.length ? sectionStarts.data[k + 1] : text.length;
      return { start: sectionStarts.data[k], end };
    },
    sections() {
      const out = [];
      let entry = 0;
      for (let k = 0; k < sectionStarts.length; k++) {
        const start = sectionStarts.data[k];
        const end = k + 1 < sectionStarts.length ? sectionStarts.data[k + 1] : text.length;
        const id = sectionKinds.data[k] === ENTRY ? `T-${ids.data[entry++]}` : void 0;
        out.push({ id, start, end });
      }
      return out;
    },
    sectionAt(at) {
      const k = lastAtOrBefore(sectionStarts, at);
      if (k < 0) return void 0;
      const start = sectionStarts.data[k];
      const last = k === sectionStarts.length - 1;
      const end = last ? text.length : sectionStarts.data[k + 1];
      if (at > end) return void 0;
      const id = sectionKinds.data[k] === ENTRY ? `T-${ids.data[lastAtOrBefore(starts, start)]}` : void 0;
      return { id, start, end, last };
    }
  };
  function plainEntries(at) {
    for (; ; ) {
      PLAIN_ENTRY.lastIndex = at;
      const m = PLAIN_ENTRY.exec(text);
      if (m === null) return at;
      const read2 = plainEntry(m, at);
      if (read2 < 0) return -1;
      if (read2 === 0) return at;
      at = PLAIN_ENTRY.lastIndex;
    }
  }
  function plainEntry(m, at) {
    const digits = m[1];
    const depends = m[3];
    const resolution1 = m[4];
    const created = m[5];
    const notBefore = m[6];
    const resolution2 = m[7];
    if (resolution1 !== void 0 && resolution2 !== void 0) return 0;
    if (created !== void 0 && parseTime(created) === void 0) return 0;
    if (notBefore !== void 0 && parseTime(notBefore) === void 0) return 0;
    if (kind === ENTRY) {
      if (!endEntry()) return -1;
      ends.push(at);
    }
    const n = Number(digits);
    if (n >= indexOfId.length) {
      const grown = new Int32Array(Math.max(n + 1, indexOfId.length * 2));
      grown.set(indexOfId);
      indexOfId = grown;
    }
    if (indexOfId[n] !== 0) return -1;
    anySection = true;
    sectionStart = at;
    sectionStarts.push(at);
    sectionKinds.push(ENTRY);
    kind = ENTRY;
    mode = CONTENT;
    seenKeys = 0;
    seenHigh = 0;
    otherKeys = void 0;
    task = ids.length;
    indexOfId[n] = task + 1;
    ids.push(n);
    starts.push(at);
    idStart = at + 3;
    idEnd = idStart + 2 + digits.length;
    hasState = true;
    stateCode = STATES.indexOf(m[2]);
    hasLease = leaseSet = false;
    resolutionSet = resolution1 !== void 0 || resolution2 !== void 0;
    if (depends !== void 0) {
      const vs = text.indexOf("\n- depends: ", at) + 12;
      if (!plainDependencies(vs, vs + depends.length)) return -1;
    }
    return 1;
  }
  function field2(colon, ls, le) {
    let keyStart = ls + 1;
    while (text.charCodeAt(keyStart) === 32 || text.charCodeAt(keyStart) === 9) keyStart++;
    let vs = colon + 1;
    while (vs < le && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
    let ve = le;
    while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 9)) ve--;
    const code = knownKeyCode(text, keyStart, colon);
    if (kind === SCHEDULES) {
      const key2 = text.slice(keyStart, colon);
      otherKeys ??= [];
      if (otherKeys.includes(key2)) return false;
      otherKeys.push(key2);
      return true;
    }
    if (code < 0 || code > 30 && code !== KEY.paths && code !== KEY.worktree) return false;
    const bit = code > 30 ? 1 << code - KEY.paths : 0;
    if (bit ? seenHigh & bit : seenKeys & 1 << code) return false;
    if (bit) seenHigh |= bit;
    else seenKeys |= 1 << code;
    const key = KNOWN_KEYS[code];
    if (kind === POLICY) {
      const codec = POLICY_FIELDS[key];
      if (!codec) return false;
      if (ve === vs) return true;
      const d = codec(text.slice(vs, ve));
      if (!d.ok) return false;
      policyValues.set(key, d.value);
      return true;
    }
    if (TASK_FIELDS[key] === void 0) return false;
    if (code === KEY.state) hasState = true;
    if (code === KEY.lease) hasLease = true;
    if (ve === vs) return true;
    switch (code) {
      case KEY.state: {
        stateCode = -1;
        for (let s = 0; s < STATES.length; s++) {
          const st = STATES[s];
          if (st.length === ve - vs && text.startsWith(st, vs)) stateCode = s;
        }
        return stateCode >= 0;
      }
      case KEY.priority: {
        const d = text.charCodeAt(vs + 1);
        return ve - vs === 2 && text.charCodeAt(vs) === 80 && d >= 48 && d <= 51;
      }
      case KEY.created:
      case KEY.notBefore:
        return parseTimeAt(text, vs, ve) !== void 0;
      case KEY.resolution:
        resolutionSet = true;
        return ve - vs === 4 && text.startsWith("done", vs) || ve - vs === 9 && text.startsWith("cancelled", vs);
      case KEY.labels:
        PLAIN_LABELS.lastIndex = vs;
        return PLAIN_LABELS.test(text) && PLAIN_LABELS.lastIndex === ve || codecOk(code, vs, ve);
      case KEY.depends:
        return dependencies(vs, ve);
      case KEY.lease: {
        const d = TASK_FIELDS.lease(text.slice(vs, ve));
        if (!d.ok) return false;
        leaseSet = true;
        leases.push({
          id: text.slice(idStart, idEnd),
          holder: d.value.holder,
          until: d.value.until,
          session: d.value.session
        });
        return true;
      }
      case KEY.blocked:
        if (!codecOk(code, vs, ve)) return false;
        blocked.push(text.slice(idStart, idEnd));
        return true;
      default:
        return codecOk(code, vs, ve);
    }
  }
  function codecOk(code, vs, ve) {
    return TASK_FIELDS[KNOWN_KEYS[code]](text.slice(vs, ve)).ok;
  }
  function plainDependencies(vs, ve) {
    let n = 0;
    for (let q = vs + 2; q <= ve; q++) {
      const c = q < ve ? text.charCodeAt(q) : 44;
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        continue;
      }
      if (n === ids.data[task]) return false;
      depFrom.push(task);
      depTo.push(n);
      n = 0;
      while (q < ve && text.charCodeAt(q + 1) !== 84) q++;
      q += 2;
    }
    return true;
  }
  function dependencies(vs, ve) {
    return eachListItem(text, vs, ve, (a, b) => {
      const d = text.charCodeAt(a + 2);
      if (b - a < 3 || b - a > 9 || text.charCodeAt(a) !== 84 || text.charCodeAt(a + 1) !== 45 || d < 49 || d > 57) {
        return false;
      }
      let n = 0;
      for (let q = a + 2; q < b; q++) {
        const c = text.charCodeAt(q);
        if (c < 48 || c > 57) return false;
        n = n * 10 + (c - 48);
      }
      if (n > MAX_ID) return false;
      if (n === ids.data[task]) return false;
      depFrom.push(task);
      depTo.push(n);
      return true;
    });
  }
}
function entryNumber(text, start, end, separators) {
  if (text.charCodeAt(start) !== 84 || text.charCodeAt(start + 1) !== 45) return 0;
  let p = start + 2;
  const d0 = text.charCodeAt(p);
  if (d0 < 49 || d0 > 57) return 0;
  let n = 0;
  while (p < end) {
    const c2 = text.charCodeAt(p);
    if (c2 < 48 || c2 > 57) break;
    n = n * 10 + (c2 - 48);
    if (n > MAX_ID) return 0;
    p++;
  }
  if (p === end) return 0;
  const c = text.charCodeAt(p);
  if (c !== 32 && c !== 9) return 0;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  const first = text.charCodeAt(p);
  if (!(first > 32 && first < 127) && text.slice(p, end).trim() === "") return 0;
  if (separators) {
    for (let q = p; q < end; q++) {
      const ch = text.charCodeAt(q);
      if (ch === 8232 || ch === 8233) return 0;
    }
  }
  return n;
}
function lastAtOrBefore(list, at) {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (list.data[mid] <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
function hasCycle(n, from, to, indexOfId) {
  const first = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  for (let k = 0; k < from.length; k++) {
    const t = from.data[k];
    if (first[t] === -1) first[t] = k;
    count[t] = count[t] + 1;
  }
  const color = new Uint8Array(n);
  const stack = new Int32Array(n);
  const nextDep = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (count[root] === 0 || color[root] !== 0) continue;
    let top = 0;
    stack[0] = root;
    nextDep[0] = 0;
    color[root] = 1;
    while (top >= 0) {
      const at = stack[top];
      const k = nextDep[top];
      if (k >= count[at]) {
        color[at] = 2;
        top--;
        continue;
      }
      nextDep[top] = k + 1;
      const dep = indexOfId[to.data[first[at] + k]] - 1;
      if (color[dep] === 1) return true;
      if (color[dep] === 0) {
        color[dep] = 1;
        stack[++top] = dep;
        nextDep[top] = 0;
      }
    }
  }
  return false;
}
var MAX_ID, PREAMBLE, FIELDS, CONTENT, OTHER, POLICY, SCHEDULES, LOG, ENTRY, STATE_DOING, STATE_DONE, IntList, PLAIN_LABELS, SKIP, ACTOR_RE, LABEL_RE, ID_RE, TIME_RE, PLAIN_ENTRY;
var init_clean_scan = __esm({
  "src/ledger/clean-scan.ts"() {
    "use strict";
    init_task();
    init_time();
    init_blocks();
    init_document();
    init_entry_ids();
    init_fast_scan();
    init_fields();
    init_tasks();
    MAX_ID = 1 << 22;
    PREAMBLE = 0;
    FIELDS = 1;
    CONTENT = 2;
    OTHER = 0;
    POLICY = 1;
    SCHEDULES = 2;
    LOG = 3;
    ENTRY = 4;
    STATE_DOING = 2;
    STATE_DONE = 4;
    IntList = class {
      length = 0;
      data = new Int32Array(1024);
      push(v) {
        if (this.length === this.data.length) {
          const grown = new Int32Array(this.data.length * 2);
          grown.set(this.data);
          this.data = grown;
        }
        this.data[this.length++] = v;
      }
    };
    PLAIN_LABELS = /[A-Za-z0-9][A-Za-z0-9._/-]*(?:[ \t]*,[ \t]*[A-Za-z0-9][A-Za-z0-9._/-]*)*/y;
    SKIP = /(?:(?![ \t<>#]|```|~~~|-+[ \t]*\r?(?:\n|$)|=+[ \t]*\r?(?:\n|$))[^\n]*\n)*/y;
    ACTOR_RE = "[A-Za-z0-9][A-Za-z0-9._@+-]*";
    LABEL_RE = "[A-Za-z0-9][A-Za-z0-9._/-]*";
    ID_RE = "T-[1-9]\\d{0,5}";
    TIME_RE = "\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z|(\\d{4}-\\d\\d-(?:29|3[01])T\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,3})?Z)";
    PLAIN_ENTRY = new RegExp(
      [
        "## T-([1-9]\\d{0,5}) (?:[^\\s#]|\\S[^\\n\\r\\u2028\\u2029]*[^\\s#])\\n",
        "- state: (PLAN|READY|REVIEW|DONE)\\n",
        "(?:- priority: P[0-3]\\n)?",
        `(?:- labels: ${LABEL_RE}(?:, ?${LABEL_RE})*\\n)?`,
        `(?:- depends: (${ID_RE}(?:, ?${ID_RE})*)\\n)?`,
        "(?:- resolution: (done|cancelled)\\n)?",
        `(?:- created: (?:${TIME_RE})\\n)?`,
        `(?:- assignee: ${ACTOR_RE}\\n)?`,
        `(?:- not-before: (?:${TIME_RE})\\n)?`,
        "(?:- fence: \\d{1,15}\\n)?",
        `(?:- workers: ${ACTOR_RE}(?:, ?${ACTOR_RE})*\\n)?`,
        "(?:- attempts: \\d{1,15}\\n)?",
        "(?:- resolution: (done|cancelled)\\n)?",
        "\\n",
        SKIP.source
      ].join(""),
      "y"
    );
  }
});

// src/ledger/clean-ledger.ts
function readCleanTasks(file, text) {
  const clean2 = scanCleanTasks(text);
  return clean2 && new CleanLedger(file, text, clean2);
}
function cleanScanOf(ledger) {
  return ledger instanceof CleanLedger ? ledger.clean : void 0;
}
function tasksOf(ledger, keep) {
  if (ledger instanceof CleanLedger) return ledger.taskList(keep);
  return keep ? ledger.tasks.filter(keep) : ledger.tasks;
}
function doingTasks(ledger) {
  if (ledger instanceof CleanLedger) {
    const { byState, leases } = ledger.clean;
    if (byState.DOING === 0) return [];
    if (leases.length === byState.DOING) {
      const out = [];
      for (const l of leases) {
        const t = ledger.byId.get(l.id)?.task;
        if (t?.state === "DOING") out.push(t);
      }
      if (out.length === byState.DOING) return out;
    }
  }
  return ledger.tasks.filter((t) => t.state === "DOING");
}
function taskSummaries(ledger) {
  return ledger instanceof CleanLedger ? ledger.summaries() : ledger.tasks;
}
function stateCounts(ledger) {
  if (ledger instanceof CleanLedger) return { ...ledger.clean.byState };
  const out = Object.fromEntries(STATES.map((s) => [s, 0]));
  for (const t of ledger.tasks) out[t.state]++;
  return out;
}
var CleanLedger, Entries;
var init_clean_ledger = __esm({
  "src/ledger/clean-ledger.ts"() {
    "use strict";
    init_task();
    init_time();
    init_blocks();
    init_clean_scan();
    init_document();
    init_fast_scan();
    init_list_rows();
    init_log();
    init_tasks();
    CleanLedger = class {
      constructor(file, text, clean2) {
        this.clean = clean2;
        const bomLength = text.charCodeAt(0) === 65279 ? 1 : 0;
        const ledger = this;
        let scan;
        this.doc = {
          kind: "tasks",
          file,
          text,
          bomLength,
          eol: dominantEol(text),
          // The fast scan always answers for a board the clean scan answers for.
          get scan() {
            scan ??= scanSimple(text, bomLength);
            return scan;
          },
          get sections() {
            return ledger.everything().sections;
          },
          diagnostics: []
        };
        this.table = new FieldTable(text, 64);
        this.interner = new Interner(text);
        this.policy = clean2.policy;
        this.byId = new Entries(this);
      }
      clean;
      doc;
      byId;
      policy;
      diagnostics = [];
      logSection;
      table;
      interner;
      read = /* @__PURE__ */ new Map();
      // by start offset
      cursor = { at: 0, line: 0 };
      // the number of line breaks before `at`
      all;
      /**
       * The log section, read when first asked for (writes ask; list and show do not): its
       * heading's line number is a count of every line before it.
       */
      get log() {
        if (!this.logSection) {
          const log = this.clean.reservedRange("Log");
          this.logSection = logSectionOf(this.doc, log && this.section(log));
        }
        return this.logSection;
      }
      entryIds = () => {
        const ids = [];
        for (const r of this.clean.sections()) if (r.id !== void 0) ids.push(r.id);
        return ids;
      };
      entrySource = (id) => this.clean.entryText(id);
      highestId = () => this.clean.highestId;
      get tasks() {
        return this.everything().tasks;
      }
      get schedules() {
        const s = this.clean.reservedRange("Schedules");
        return schedulesOf(s && this.section(s));
      }
      /** Entry `id` read from its text, or undefined when the board has none. */
      entry(id) {
        const range = this.clean.entryRange(id);
        if (!range) return void 0;
        const section = this.section(range);
        return { task: decodeTask(this.doc, section, this.diagnostics, this.interner), section };
      }
      /**
       * The summary of each task, read as decodeTask reads those fields: the field lines are the
       * lines right under the heading up to the first blank or other line; "- key:" with no value
       * is not set. On a clean board each field is there at most once and its value is valid.
       */
      summaries() {
        const { text } = this.doc;
        const out = [];
        for (const r of this.clean.sections()) {
          if (r.id === void 0) continue;
          let state = "PLAN";
          let created;
          let blocked;
          for (let ls = text.indexOf("\n", r.start) + 1; ls > 0 && ls < r.end; ) {
            let lineEnd = text.indexOf("\n", ls);
            if (lineEnd === -1 || lineEnd > r.end) lineEnd = r.end;
            const le = lineEnd > ls && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
            const colon = fieldColon(text, ls, le);
            if (colon < 0) break;
            let ks = ls + 1;
            while (isWs(text.charCodeAt(ks))) ks++;
            ls = lineEnd + 1;
            const keyLength = colon - ks;
            if (keyLength !== 5 && keyLength !== 7) continue;
            let vs = colon + 1;
            while (vs < le && isWs(text.charCodeAt(vs))) vs++;
            let ve = le;
            while (ve > vs && isWs(text.charCodeAt(ve - 1))) ve--;
            if (vs === ve) continue;
            if (keyLength === 5 && text.startsWith("state", ks)) {
              state = STATES.find((st) => st.length === ve - vs && text.startsWith(st, vs)) ?? state;
            } else if (text.startsWith("created", ks)) created = parseTimeAt(text, vs, ve);
            else if (text.startsWith("blocked", ks)) blocked = text.slice(vs, ve).trim();
          }
          out.push({ id: r.id, state, created, blocked });
        }
        return out;
      }
      /** Every section and task, read once, in file order. */
      everything() {
        if (!this.all) {
          const sections = [];
          const tasks = [];
          for (const r of this.clean.sections()) {
            if (r.id === void 0) sections.push(this.section(r));
            else {
              const e = this.byId.get(r.id);
              sections.push(e.section);
              tasks.push(e.task);
            }
          }
          this.all = { sections, tasks };
          this.byId.inFileOrder(tasks);
        }
        return this.all;
      }
      /**
       * The section at [start, end), as readLedgerText makes it. On a clean board its heading is
       * a level-2 ATX heading, an entry's is a plain "T-12 Title", and every line under it up to
       * the first blank one is a field line (the Log's are not fields).
       */
      section({ start, end }, table = this.table) {
        const done = this.read.get(start);
        if (done) return done;
        const { text } = this.doc;
        const nl = text.indexOf("\n", start);
        const next2 = nl === -1 ? text.length : nl + 1;
        const le = nl === -1 ? text.length : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const h = atxHeading(text, start, le);
        const headingLine = this.lineOf(start);
        const entry = plainEntryHeading(text, h.start, h.end, "T");
        const isLog = !entry && h.end - h.start === 3 && text.startsWith("Log", h.start);
        const fieldFirst = table.count;
        let fieldsEnd = next2;
        if (!isLog) {
          for (let ln = headingLine + 1, ls = next2, after2 = ls; ls < end; ln++, ls = after2) {
            let lineEnd = text.indexOf("\n", ls);
            if (lineEnd === -1) lineEnd = text.length;
            after2 = lineEnd < text.length ? lineEnd + 1 : text.length;
            const contentEnd = lineEnd > ls && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
            if (isBlank(text, ls, contentEnd)) break;
            const colon = fieldColon(text, ls, contentEnd);
            if (colon < 0) break;
            table.add(ln, ls, contentEnd, after2, colon, fieldFirst);
            fieldsEnd = after2;
          }
        }
        const section = new TableSection(
          table,
          entry ? "entry" : "reserved",
          h.start,
          h.end,
          entry && text.slice(h.start, entry.idEnd),
          entry && (entry.titleStart === h.end ? "" : text.slice(entry.titleStart, h.end).trim()),
          headingLine,
          entry ? entry.titleStart : h.start,
          start,
          end,
          end === text.length ? -1 : this.lineOf(end) - 1,
          fieldFirst,
          table.count - fieldFirst,
          fieldsEnd
        );
        if (table === this.table) this.read.set(start, section);
        return section;
      }
      /**
       * The tasks `keep` accepts, in file order, as a list that reads a task each time one is
       * asked for and keeps none (each read from its lines as a plain row): the API's and MCP's
       * lists of 50,000 tasks hold one task at a time instead of all of them (the CLI's list streams
       * its rows instead, app/views.ts listRows). Asking for every task once more costs a
       * reading each time (a table of tasks asks twice).
       */
      taskList(keep) {
        const ranges = this.clean.sections().filter((r) => r.id !== void 0);
        const row3 = listRowReader(this.doc.text);
        const read2 = (r) => row3(r.start, r.end);
        let chosen = ranges;
        if (keep) {
          chosen = [];
          for (const r of ranges) if (keep(read2(r))) chosen.push(r);
        }
        const index = (key) => typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < chosen.length ? Number(key) : -1;
        return new Proxy([], {
          get: (target, key, receiver) => {
            if (key === "length") return chosen.length;
            const i = index(key);
            return i >= 0 ? read2(chosen[i]) : Reflect.get(target, key, receiver);
          },
          has: (target, key) => index(key) >= 0 || Reflect.has(target, key)
        });
      }
      /**
       * The 0-based line of an offset, counted from the last one asked for, forwards or back
       * (a write asks for the log at the end, then for its entry), or from the start when nearer.
       */
      lineOf(offset) {
        const { text } = this.doc;
        let { at, line: line2 } = this.cursor;
        if (offset < at) {
          if (offset >= at - offset) {
            for (let i = text.indexOf("\n", offset); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line2--;
            this.cursor = { at: offset, line: line2 };
            return line2;
          }
          at = line2 = 0;
        }
        for (let i = text.indexOf("\n", at); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line2++;
        this.cursor = { at: offset, line: line2 };
        return line2;
      }
    };
    Entries = class extends Map {
      constructor(ledger) {
        super();
        this.ledger = ledger;
      }
      ledger;
      get(id) {
        let e = super.get(id);
        if (!e) {
          e = this.ledger.entry(id);
          if (e) super.set(id, e);
        }
        return e;
      }
      has(id) {
        return super.has(id) || this.ledger.clean.entryRange(id) !== void 0;
      }
      get size() {
        return this.ledger.clean.tasks;
      }
      /** Once every entry is read: iterate them in file order, as readTasks's map does. */
      inFileOrder(tasks) {
        const read2 = [...super.entries()];
        super.clear();
        const byId = new Map(read2);
        for (const t of tasks) super.set(t.id, byId.get(t.id));
      }
      full() {
        this.ledger.everything();
        return this;
      }
      forEach(f, thisArg) {
        super.forEach.call(this.full(), f, thisArg);
      }
      entries() {
        return super.entries.call(this.full());
      }
      keys() {
        return super.keys.call(this.full());
      }
      values() {
        return super.values.call(this.full());
      }
      [Symbol.iterator]() {
        return super[Symbol.iterator].call(this.full());
      }
    };
  }
});

// src/rules/path-overlap.ts
function globsOverlap(a, b) {
  for (const x of a.alternatives) {
    for (const y of b.alternatives) {
      const w = segmentsOverlap(x, y);
      if (w !== void 0) return w;
    }
  }
  return void 0;
}
function globMatches(glob, path) {
  const segs = pathSegments(path);
  return segs.length > 0 && glob.alternatives.some((x) => segmentsOverlap(x, segs) !== void 0);
}
function segmentsOverlap(a, b) {
  for (let k = 0; k < a.length && k < b.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.globstar || y.globstar || x.literal === void 0 || y.literal === void 0) break;
    if (x.literal !== y.literal) return void 0;
  }
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const parent = new Int32Array((n + 1) * w).fill(-2);
  const label2 = new Array((n + 1) * w);
  const queue = [0];
  parent[0] = -1;
  const visit = (from, to, seg) => {
    if (parent[to] !== -2) return;
    parent[to] = from;
    label2[to] = seg;
    queue.push(to);
  };
  const segCache = /* @__PURE__ */ new Map();
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    const i = Math.floor(s / w);
    const j = s % w;
    if (i === n && j === m) {
      const parts = [];
      for (let t = s; t > 0; t = parent[t]) {
        const l = label2[t];
        if (l !== void 0) parts.push(l);
      }
      return parts.length ? parts.reverse().join("/") : "x";
    }
    const sa = a[i];
    const sb = b[j];
    if (sa?.globstar) visit(s, (i + 1) * w + j, void 0);
    if (sb?.globstar) visit(s, i * w + j + 1, void 0);
    if (sa && sb && !(sa.globstar && sb.globstar)) {
      const key = i * w + j;
      let seg = segCache.get(key);
      if (seg === void 0) {
        const la = sa.globstar ? void 0 : sa.literal;
        const lb = sb.globstar ? void 0 : sb.literal;
        seg = la !== void 0 && lb !== void 0 ? la === lb ? la : null : charsOverlap(sa.globstar ? ANY_SEGMENT : sa.chars, sb.globstar ? ANY_SEGMENT : sb.chars) ?? null;
        segCache.set(key, seg);
      }
      if (seg !== null) visit(s, (sa.globstar ? i : i + 1) * w + (sb.globstar ? j : j + 1), seg);
    }
  }
  return void 0;
}
function charsOverlap(a, b) {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const size = (n + 1) * w;
  const parent = new Int32Array(size * 2).fill(-2);
  const label2 = new Int32Array(size * 2).fill(-1);
  const queue = [0];
  parent[0] = -1;
  const visit = (from, to, cp) => {
    if (parent[to] !== -2) return;
    parent[to] = from;
    label2[to] = cp;
    queue.push(to);
  };
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    const eaten = s >= size ? 1 : 0;
    const ij = s - eaten * size;
    const i = Math.floor(ij / w);
    const j = ij % w;
    if (i === n && j === m && eaten) {
      const cps = [];
      for (let t = s; t > 0; t = parent[t]) if (label2[t] >= 0) cps.push(label2[t]);
      return String.fromCodePoint(...cps.reverse());
    }
    const ta = a[i];
    const tb = b[j];
    if (ta?.star) visit(s, eaten * size + (i + 1) * w + j, -1);
    if (tb?.star) visit(s, eaten * size + i * w + j + 1, -1);
    if (ta && tb) {
      const both = intersect(ta.star ? ANY : ta.set, tb.star ? ANY : tb.set);
      if (both.length) visit(s, size + (ta.star ? i : i + 1) * w + (tb.star ? j : j + 1), pick(both));
    }
  }
  return void 0;
}
function pick(set) {
  const has = (cp) => {
    for (let k = 0; k < set.length; k += 2) if (cp >= set[k] && cp <= set[k + 1]) return true;
    return false;
  };
  for (const cp of [120, 97, 48, 46]) if (has(cp)) return cp;
  for (let k = 0; k < set.length; k += 2) {
    const lo = Math.max(set[k], 33);
    if (lo <= set[k + 1]) return lo;
  }
  return set[0];
}
function pathsOf(task) {
  const value = task.fields.find((f) => f.key === "paths")?.value;
  if (!value) return [];
  let globs = pathsCache.get(value);
  if (!globs) {
    const r = readPathList(value);
    globs = r.ok ? r.globs : [];
    if (pathsCache.size > 4096) pathsCache.clear();
    pathsCache.set(value, globs);
  }
  return globs;
}
function reservations(ledger, all) {
  const out = [];
  for (const t of all ? all.filter((x) => x.state === "DOING") : doingTasks(ledger)) {
    const globs = pathsOf(t);
    if (globs.length) out.push({ task: t, globs });
  }
  return out;
}
function pathClashes(task, held2) {
  const mine = pathsOf(task);
  if (!mine.length) return [];
  const out = [];
  for (const h of held2) {
    if (h.task.id === task.id) continue;
    const pairs = [];
    for (const g of mine) {
      for (const o of h.globs) {
        const example = globsOverlap(g, o);
        if (example !== void 0) pairs.push({ mine: g.text, theirs: o.text, example });
      }
    }
    if (pairs.length) out.push({ id: h.task.id, holder: h.task.lease?.holder, pairs });
  }
  return out;
}
function describeClash(c) {
  const who = c.holder ? `held by ${c.holder}` : "DOING, sent back for rework";
  return `${c.id} (${who}): ${c.pairs.map((p) => p.mine === p.theirs ? p.mine : `${p.mine} against ${p.theirs}`).join(", ")}`;
}
var ANY_SEGMENT, pathsCache;
var init_path_overlap = __esm({
  "src/rules/path-overlap.ts"() {
    "use strict";
    init_clean_ledger();
    init_path_globs();
    ANY_SEGMENT = [{ star: true }];
    pathsCache = /* @__PURE__ */ new Map();
  }
});

// src/rules/backoff.ts
function backoffDelay(range, attempts, random) {
  const ceiling = Math.min(range.max, range.min * 2 ** Math.max(0, attempts - 1));
  const wait = range.min + random * (ceiling - range.min);
  return Math.ceil(wait / 1e3) * 1e3;
}
var init_backoff = __esm({
  "src/rules/backoff.ts"() {
    "use strict";
  }
});

// src/rules/recover.ts
function failureKind(f) {
  if ("lease" in f) return "lease expired";
  const exit = /^exit (\d+)$/.exec(f.run);
  if (exit) return `run exited ${exit[1]}`;
  const signal = /^signal (\S+)$/.exec(f.run);
  return signal ? `run killed by ${signal[1]}` : "run failed";
}
function earlierFailures(ledger, task) {
  const kinds = [];
  if (task.attempts === 0) return kinds;
  for (const e of readLog(ledger.doc, ledger.log, void 0).entries) {
    if (e.target !== task.id || e.details.attempts === void 0) continue;
    if (e.action === "fail") kinds.push(failureKind({ run: e.details.exit ?? "failed" }));
    else if (e.action === "recover" || e.action === "takeover") kinds.push(failureKind({ lease: true }));
  }
  const last = kinds.slice(-task.attempts);
  return [...Array(task.attempts - last.length).fill("not in the log"), ...last];
}
function tallyFailures(kinds) {
  const counts = /* @__PURE__ */ new Map();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${n === 1 ? k : k.replace(/^(run|lease) /, "$1s ")}`);
  return `${kinds.length} failure${kinds.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}
function mergeLastError(previous, error) {
  const isLease = (part) => part.startsWith("lease expired");
  const kept = (previous ?? "").split(ERROR_PART).filter((p) => p.trim() !== "" && isLease(p) !== isLease(error));
  return [error, ...kept].join(" | ");
}
function afterFailure(policy, task, now, random, failure, error, earlier) {
  const attempts = task.attempts + 1;
  const dead = attempts >= policy.maxAttempts;
  const lastError = mergeLastError(task.fields.find((f) => f.key === "last-error")?.value, error);
  const deadLetter = dead ? `dead letter: ${tallyFailures([...earlier(), failureKind(failure)])} (max-attempts ${policy.maxAttempts}); last error: ${error}` : void 0;
  const notBefore = dead ? void 0 : now + backoffDelay(policy.backoff, attempts, random());
  return {
    attempts,
    notBefore,
    deadLetter,
    changes: [
      ["attempts", String(attempts)],
      ["not-before", notBefore === void 0 ? void 0 : formatTime(notBefore)],
      ["blocked", deadLetter],
      ["last-error", lastError]
    ]
  };
}
function leaseExpiredError(lease) {
  return `lease expired: ${holderWithSession(lease.holder, lease.session)}'s lease ended ${formatTime(lease.until)} without renew, release or submit`;
}
function leaseExpired(t, now, clockSkew) {
  if (t.state !== "DOING") return false;
  return t.lease !== void 0 && isLeaseExpired(t.lease, now, clockSkew);
}
function planRecovery(ledger, who, when) {
  const { policy } = ledger;
  const expired = ledger.tasks.filter((t) => leaseExpired(t, when.now, policy.clockSkew));
  if (expired.length === 0) return { ok: true, splices: [], result: [] };
  const allowed = permits("recover", who.actor, who.roles, "DOING");
  if (!allowed.ok) return allowed;
  const splices = [];
  const lines = [];
  const done = [];
  let previous = lastHash(ledger.doc, ledger.log);
  for (const task of expired) {
    const section = ledger.byId.get(task.id)?.section;
    if (!section) continue;
    const lease = task.lease;
    const f = afterFailure(
      policy,
      task,
      when.now,
      when.random,
      { lease: true },
      leaseExpiredError(lease),
      () => earlierFailures(ledger, task)
    );
    const { attempts, notBefore, deadLetter } = f;
    const dead = deadLetter !== void 0;
    const changes = [["state", "READY"], ["lease", void 0], ...f.changes];
    for (const [key, value] of changes) {
      if (value === void 0) {
        const s = removeField(section, key);
        if (s) splices.push(s);
      } else splices.push(setField2(ledger.doc, section, key, value));
    }
    const line2 = formatLogLine(when.hasher, previous, {
      time: when.now,
      actor: who.actor,
      role: allowed.role,
      action: "recover",
      target: task.id,
      details: {
        from: "DOING",
        to: "READY",
        holder: lease.holder,
        token: lease.token,
        expired: formatTime(lease.until),
        attempts,
        "not-before": notBefore === void 0 ? void 0 : formatTime(notBefore),
        "dead-letter": dead ? "true" : void 0,
        auto: who.automation ? "true" : void 0
      }
    });
    previous = line2.slice(-HASH_LENGTH);
    lines.push(line2);
    done.push({ id: task.id, holder: lease.holder, expiredAt: lease.until, attempts, notBefore, deadLetter });
  }
  splices.push(appendLog(ledger.doc, ledger.log, lines));
  return { ok: true, splices, result: done };
}
var ERROR_PART;
var init_recover = __esm({
  "src/rules/recover.ts"() {
    "use strict";
    init_edit();
    init_log();
    init_time();
    init_backoff();
    init_lease();
    init_matrix();
    ERROR_PART = / \| (?=(?:exit \d+|signal \S+|failed|lease expired)\b)/;
  }
});

// src/rules/workflow.ts
function planTransition(ledger, input, who, when) {
  const found = ledger.byId.get(input.id);
  if (!found) return { ok: false, message: `There is no task ${input.id} in ${ledger.doc.file}` };
  const { task, section } = found;
  const allowed = permits(input.action, who.actor, who.roles, task.state, task.id);
  if (!allowed.ok) return allowed;
  const valueProblem = singleLineProblems([
    ["reason", input.reason],
    ["evidence", input.evidence]
  ]);
  if (valueProblem) return { ok: false, message: valueProblem };
  const reason = input.reason?.trim();
  if (REASON_REQUIRED.has(input.action) && !reason) {
    return { ok: false, message: `${input.action} needs a reason: --reason "..."` };
  }
  const { now } = when;
  const policy = ledger.policy;
  const changes = [];
  const details = {};
  let action = input.action;
  let to = task.state;
  let lease;
  const refuse = (message) => ({ ok: false, message });
  switch (input.action) {
    case "ready":
      to = "READY";
      break;
    case "plan":
      to = "PLAN";
      break;
    case "cancel":
      to = "DONE";
      changes.push(["resolution", "cancelled"], ["lease", void 0], ["blocked", void 0], ["rework", void 0]);
      break;
    case "unblock":
      if (task.blocked === void 0) return refuse(`${task.id} is not blocked`);
      changes.push(["blocked", void 0]);
      break;
    case "block": {
      if (task.lease && !isLeaseExpired(task.lease, now, policy.clockSkew)) {
        if (task.lease.holder !== holderOf(who)) {
          return refuse(
            `${task.id} is leased to ${task.lease.holder}; only the holder may block it while the lease lasts`
          );
        }
        if (input.token !== task.lease.token && !inHoldingSession(task.lease, who)) {
          return refuse(otherSession(task, task.lease, who));
        }
      }
      changes.push(["blocked", reason]);
      break;
    }
    case "claim": {
      const problem = claimProblem(ledger, task, who, now);
      if (problem) return refuse(problem);
      const clashes = pathsOf(task).length ? pathClashes(task, reservations(ledger)) : [];
      if (clashes.length && !input.overlap) {
        return refuse(
          `${task.id}'s paths overlap those of ${clashes.map(describeClash).join("; ")}; claim it with --overlap to work on them at once anyway`
        );
      }
      if (clashes.length) details.overlap = clashes.map((c) => c.id).join(",");
      const ttl = input.ttl ?? policy.lease;
      const token = Math.max(fenceOf(task), task.lease?.token ?? 0) + 1;
      lease = { holder: holderOf(who), token, until: leaseEnd(now, ttl), ttl, session: who.session };
      to = "DOING";
      const takeover = task.state === "DOING" && task.lease !== void 0;
      const workers = takeover ? [...workersOf(task).filter((w) => w !== who.actor), who.actor] : [who.actor];
      changes.push(
        ["lease", encodeLease(lease)],
        ["fence", String(token)],
        ["workers", workers.join(", ")],
        ["not-before", void 0],
        ["rework", void 0]
      );
      details.token = token;
      details.ttl = formatDuration(ttl);
      details.holder = lease.holder;
      if (takeover) {
        action = "takeover";
        details.previous = task.lease?.holder;
        details.attempts = task.attempts + 1;
        changes.push(["attempts", String(task.attempts + 1)]);
      }
      break;
    }
    case "renew":
    case "release":
    case "fail":
    case "submit": {
      const problem = holderProblem(task, who, input.token);
      if (problem) return refuse(problem);
      const held2 = task.lease;
      details.token = held2.token;
      if (input.action === "renew") {
        const ttl = input.ttl ?? held2.ttl;
        lease = { ...held2, until: leaseEnd(now, ttl), ttl };
        changes.push(["lease", encodeLease(lease)]);
        details.until = formatTime(lease.until);
      } else if (input.action === "fail") {
        to = "READY";
        const exit = input.failure?.exit ?? "failed";
        const output2 = input.failure?.output ?? "";
        const f = afterFailure(
          policy,
          task,
          now,
          when.random ?? Math.random,
          { run: exit },
          `${exit}${output2 ? `: ${lastLine(output2)}` : ""}`,
          () => earlierFailures(ledger, task)
        );
        changes.push(["lease", void 0], ...f.changes);
        details.exit = exit;
        details.attempts = f.attempts;
        if (f.notBefore !== void 0) details["not-before"] = formatTime(f.notBefore);
        if (f.deadLetter !== void 0) details["dead-letter"] = "true";
        if (output2) details.output = output2;
      } else {
        to = input.action === "release" ? "READY" : "REVIEW";
        changes.push(["lease", void 0]);
      }
      break;
    }
    case "accept": {
      const workers = workersOf(task);
      const party = who.party ?? [who.actor];
      const worker = workers.find((w) => party.includes(w));
      if (worker !== void 0) {
        return refuse(
          worker === who.actor ? `${who.actor} worked on ${task.id} in its last DOING spell and may not accept it; another AUDIT actor must (four eyes)` : `${worker} worked on ${task.id} in its last DOING spell and counts as ${who.actor} (delegation), so ${who.actor} may not accept it; another AUDIT actor must (four eyes)`
        );
      }
      to = "DONE";
      changes.push(["resolution", "done"]);
      break;
    }
    case "rework":
      to = "DOING";
      changes.push(["rework", reason]);
      break;
  }
  if (reason && !REASON_REQUIRED.has(input.action) && input.action !== "cancel") {
    return refuse(`${input.action} takes no reason`);
  }
  if (reason) details.reason = reason;
  if (input.evidence !== void 0) {
    changes.push(["evidence", input.evidence]);
    details.evidence = input.evidence;
  }
  if (input.via) details.via = input.via;
  if (input.dropWorktree) changes.push(["worktree", void 0]);
  if (who.session !== void 0) details.session = who.session;
  if (who.automation) details.auto = "true";
  if (to !== task.state) changes.unshift(["state", to]);
  const splices = [];
  for (const [key, value] of changes) {
    if (value === void 0) {
      const s = removeField(section, key);
      if (s) splices.push(s);
    } else if (section.fields.find((f) => f.key === key)?.value !== value) {
      splices.push(setField2(ledger.doc, section, key, value));
    }
  }
  const logLine = formatLogLine(when.hasher, lastHash(ledger.doc, ledger.log), {
    time: now,
    actor: who.actor,
    role: allowed.role,
    action,
    target: task.id,
    details: { ...task.state === to ? {} : { from: task.state, to }, ...details }
  });
  splices.push(appendLog(ledger.doc, ledger.log, [logLine]));
  return { ok: true, splices, result: { id: task.id, action, from: task.state, to, lease } };
}
function lastLine(output2) {
  const line2 = output2.trimEnd().split("\n").pop()?.trim() ?? "";
  return line2.length > 200 ? `${line2.slice(0, 197)}...` : line2;
}
function leaseEnd(now, ttl) {
  return Math.ceil((now + ttl) / 1e3) * 1e3;
}
function fenceOf(task) {
  const f = task.fields.find((x) => x.key === "fence");
  return f && /^\d+$/.test(f.value) ? Number(f.value) : 0;
}
function workersOf(task) {
  const f = task.fields.find((x) => x.key === "workers");
  return f ? f.value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
function claimProblem(ledger, task, who, now) {
  const { policy } = ledger;
  if (task.blocked !== void 0) return `${task.id} is blocked: ${task.blocked}`;
  if (task.state === "DOING") {
    if (task.lease) {
      if (task.lease.holder === holderOf(who)) {
        if (!inHoldingSession(task.lease, who) && !isLeaseExpired(task.lease, now, policy.clockSkew)) {
          return otherSession(task, task.lease, who);
        }
        if (inHoldingSession(task.lease, who))
          return `You already hold the lease on ${task.id}; use renew to extend it`;
        return void 0;
      }
      if (!isLeaseExpired(task.lease, now, policy.clockSkew)) {
        return `${task.id} is leased to ${task.lease.holder} until ${formatTime(task.lease.until)} (token ${task.lease.token})`;
      }
      return void 0;
    }
  }
  if (task.assignee !== void 0 && task.assignee !== who.actor) return `${task.id} is assigned to ${task.assignee}`;
  const open = task.depends.filter((d) => ledger.byId.get(d)?.task.state !== "DONE");
  if (open.length) return `${task.id} waits for ${open.join(", ")} to be DONE`;
  if (task.notBefore !== void 0 && now < task.notBefore) {
    return `${task.id} is not to be started before ${formatTime(task.notBefore)}`;
  }
  const limit = policy.wipLimit.DOING;
  if (task.state === "READY" && limit !== void 0) {
    const doing = ledger.tasks.filter((t) => t.state === "DOING").length;
    if (doing >= limit) return `DOING is at its WIP limit (${doing} of ${limit})`;
  }
  return void 0;
}
function holderProblem(task, who, token) {
  if (!task.lease) return `${task.id} has no lease; claim it first`;
  if (token !== void 0 && token < task.lease.token) {
    return `Your lease token ${token} is older than ${task.id}'s (${task.lease.token}, held by ${task.lease.holder}): the lease was taken over, so stop working on it`;
  }
  if (task.lease.holder !== holderOf(who)) {
    return `${task.id} is leased to ${task.lease.holder}, not to ${holderOf(who)}`;
  }
  if (token !== void 0 && token !== task.lease.token) {
    return `Token ${token} does not match ${task.id}'s lease (token ${task.lease.token})`;
  }
  if (token === void 0 && !inHoldingSession(task.lease, who)) return otherSession(task, task.lease, who);
  return void 0;
}
function inHoldingSession(lease, who) {
  return lease.session === void 0 || lease.session === who.session;
}
function otherSession(task, lease, who) {
  const held2 = lease.session === void 0 ? "" : `session ${shortSession(lease.session)} of `;
  const mine = who.session === void 0 ? "no session" : `session ${shortSession(who.session)}`;
  return `${task.id} is held by ${held2}${lease.holder}, not by this one (${mine}): to take it over, wait until the lease ends at ${formatTime(lease.until)} (plus the clock-skew margin), or act with its token (--token or TASKGATE_LEASE_TOKEN)`;
}
var REASON_REQUIRED, holderOf;
var init_workflow = __esm({
  "src/rules/workflow.ts"() {
    "use strict";
    init_edit();
    init_fields();
    init_log();
    init_time();
    init_lease();
    init_matrix();
    init_path_overlap();
    init_recover();
    init_values();
    REASON_REQUIRED = /* @__PURE__ */ new Set(["block", "rework"]);
    holderOf = (who) => `${who.actor}@${who.host}`;
  }
});

// src/rules/approval-plan.ts
function subjectKind(a) {
  if (a.subject === ROLES_SUBJECT) return "roles";
  return a.subject !== void 0 && TASK_SUBJECT.test(a.subject) ? "task" : "text";
}
function chained(hasher, previous, lines) {
  const out = [];
  let prev = previous;
  for (const l of lines) {
    const text = formatLogLine(hasher, prev, l);
    out.push(text);
    prev = text.slice(-12);
  }
  return out;
}
function nextApprovalId(approvals) {
  let max = 0;
  for (const a of approvals.approvals) max = Math.max(max, Number(a.id.slice(2)));
  return `A-${max + 1}`;
}
function roleForRequest(who) {
  return ["WORK", "CMD", "AUDIT"].find((r) => who.roles.includes(r)) ?? "WORK";
}
function planRequest(approvals, tasks, input, who, when) {
  const valueProblem = singleLineProblems([
    ["subject", input.subject],
    ["title", input.title],
    ["change", input.change],
    ...(input.evidence ?? []).map((e) => ["evidence", e])
  ]);
  if (valueProblem) return { ok: false, message: valueProblem };
  const subject = input.subject.trim();
  if (!subject || /[\r\n]/.test(subject)) return { ok: false, message: "A subject is a task ID or one line of text" };
  let hash2;
  let title = input.title?.trim();
  let change = input.change;
  const identify2 = subject === ROLES_SUBJECT ? IDENTIFY.exec(input.change ?? "") : null;
  if (identify2) {
    const name = identify2[1];
    if (!approvals.actors.has(name)) return { ok: false, message: `${name} is not listed under "## Roles"` };
    hash2 = textSubjectHash(`roles: ${input.change}`, when.hasher);
    title ??= `Change the git identities, delegation or keys of ${name}`;
  } else if (subject === ROLES_SUBJECT) {
    const m = CHANGE.exec(input.change ?? "");
    if (!m) return { ok: false, message: 'A roles request needs a change like "grant bob AUDIT" or "identify bob"' };
    const [, verb, name, role] = m;
    const has = approvals.actors.get(name)?.roles.includes(role) ?? false;
    if (verb === "grant" && has) return { ok: false, message: `${name} already holds ${role}` };
    if (verb === "revoke" && !has) return { ok: false, message: `${name} does not hold ${role}` };
    hash2 = textSubjectHash(`roles: ${input.change}`, when.hasher);
    title ??= `${verb === "grant" ? "Grant" : "Revoke"} ${role} ${verb === "grant" ? "to" : "from"} ${name}`;
  } else if (subject === POLICY_SUBJECT) {
    const c = policyChangeOf((input.change ?? "").replace(/^policy /, ""), tasks.policy);
    if ("problem" in c) return { ok: false, message: c.problem };
    change = c.change;
    hash2 = textSubjectHash(change, when.hasher);
    title ??= `Change the Policy: ${change.slice(POLICY_SUBJECT.length + 1)}`;
  } else if (subject === RULES_SUBJECT) {
    if (!/^rules sha256:[0-9a-f]{16}$/.test(input.change ?? "")) {
      return {
        ok: false,
        message: 'A rules request needs a change like "rules sha256:4be1c3f09a7d5e21" (taskgate rules request FILE)'
      };
    }
    hash2 = textSubjectHash(input.change, when.hasher);
    title ??= `Change the Rules to the text whose hash is ${input.change.slice(6)}`;
  } else if (TASK_SUBJECT.test(subject)) {
    const task = tasks.byId.get(subject)?.task;
    if (!task) return { ok: false, message: `There is no task ${subject} in ${tasks.doc.file}` };
    hash2 = taskContentHash(tasks, subject, when.hasher);
    title ??= `Approve ${subject}: ${task.title}`;
  } else {
    hash2 = textSubjectHash(subject, when.hasher);
    title ??= subject;
  }
  if (!title || /[\r\n]/.test(title) || /#+$/.test(title)) {
    return { ok: false, message: "A title is one line, not ending in #" };
  }
  const evidence = (input.evidence ?? []).map((e) => e.trim()).filter(Boolean);
  if (evidence.some((e) => /[\r\n]/.test(e))) return { ok: false, message: "Evidence is one line each" };
  const id = nextApprovalId(approvals);
  const older = approvals.approvals.filter(
    (a) => a.subject === subject && (a.status === "pending" || a.status === "approved") && (!CHANGE_SUBJECTS.includes(subject) || field(a, "change") === change)
  );
  const splices = [];
  const logs = [];
  for (const a of older) {
    const section = approvals.byId.get(a.id).section;
    splices.push(
      setField2(approvals.doc, section, "status", "superseded"),
      setField2(approvals.doc, section, "superseded-by", id)
    );
    logs.push({
      time: when.now,
      actor: who.actor,
      role: roleForRequest(who),
      action: "supersede",
      target: a.id,
      details: { by: id }
    });
  }
  const lines = [
    `## ${id} ${title}`,
    "- status: pending",
    `- subject: ${subject}`,
    ...change ? [`- change: ${change}`] : [],
    `- subject-hash: ${hash2}`,
    `- requested-by: ${who.actor}`,
    `- requested-at: ${formatTime(when.now)}`,
    ...evidence.length ? [`- evidence: ${evidence.join("; ")}`] : [],
    ...older.length ? [`- supersedes: ${older.map((a) => a.id).join(", ")}`] : []
  ];
  splices.push(insertEntry(approvals.doc, approvals.log, lines));
  logs.push({
    time: when.now,
    actor: who.actor,
    role: roleForRequest(who),
    action: "request",
    target: id,
    details: {
      subject,
      ...change ? { change } : {},
      hash: hash2,
      ...who.automation ? { auto: "true" } : {}
    }
  });
  splices.push(
    appendLog(approvals.doc, approvals.log, chained(when.hasher, lastHash(approvals.doc, approvals.log), logs))
  );
  return { ok: true, splices, result: { id, superseded: older.map((a) => a.id) } };
}
function decisionProblem(tasks, approval, decision, who, hasher) {
  if (approval.status !== "pending") {
    const by = approval.approver ? ` by ${approval.approver}` : "";
    const at = approval.decidedAt !== void 0 ? ` at ${formatTime(approval.decidedAt)}` : "";
    return `${approval.id} is already ${approval.status}${by}${at}; a decision is final (request again to start over)`;
  }
  if (!who.roles.includes("AUDIT")) {
    return `${who.actor} (${who.roles.join(", ") || "no roles"}) may not ${decision}; that takes the AUDIT role`;
  }
  const party = who.party ?? [who.actor];
  const as = (name) => name === who.actor ? "" : `, who counts as ${who.actor} (delegation),`;
  if (approval.requestedBy !== void 0 && party.includes(approval.requestedBy)) {
    if (approval.requestedBy !== who.actor) {
      return `${approval.requestedBy}${as(approval.requestedBy)} requested ${approval.id} and ${who.actor} may not decide it; another AUDIT actor must (four eyes)`;
    }
    return `${who.actor} requested ${approval.id} and may not decide it; another AUDIT actor must (four eyes)`;
  }
  if ((approval.subject === POLICY_SUBJECT || approval.subject === RULES_SUBJECT) && who.automation) {
    return `${approval.id} changes the ${approval.subject === POLICY_SUBJECT ? "Policy" : "Rules"}, which only a person decides (four eyes; automation never does)`;
  }
  const kind = subjectKind(approval);
  if (kind === "roles") {
    const change = field(approval, "change") ?? "";
    const target = CHANGE.exec(change)?.[2] ?? IDENTIFY.exec(change)?.[1];
    if (target !== void 0 && party.includes(target) && decision === "approve") {
      return `${who.actor} may not approve a change to their own roles; another AUDIT actor must (four eyes)`;
    }
  }
  if (kind === "task") {
    const id = approval.subject;
    const task = tasks.byId.get(id)?.task;
    if (!task) return decision === "approve" ? `${approval.id}'s subject ${id} is not in ${tasks.doc.file}` : void 0;
    const last = lastModifier(tasks, id);
    if (last && party.includes(last.actor)) {
      return `${last.actor}${as(last.actor)} last changed ${id} (${last.action} at ${formatTime(last.time)}) and may not decide ${approval.id}; another AUDIT actor must (four eyes)`;
    }
    const worker = workersOf(task).find((w) => party.includes(w));
    if (worker !== void 0) {
      return `${worker}${as(worker)} worked on ${id} and ${worker === who.actor ? "" : `${who.actor} `}may not decide ${approval.id}; another AUDIT actor must (four eyes)`;
    }
    if (decision === "approve" && taskContentHash(tasks, id, hasher) !== field(approval, "subject-hash")) {
      return `${id} changed after ${approval.id} was requested, so approving it would approve something unseen; request a new approval (taskgate approval request ${id})`;
    }
  }
  return void 0;
}
function factsFor(approvals, tasks, approval) {
  const kind = subjectKind(approval);
  const task = kind === "task" ? tasks.byId.get(approval.subject)?.task : void 0;
  return {
    subject: kind,
    labels: task?.labels ?? [],
    state: task?.state,
    attempts: task?.attempts ?? 0,
    requesterRoles: approvals.actors.get(approval.requestedBy ?? "")?.roles ?? [],
    evidence: field(approval, "evidence") !== void 0
  };
}
function planDecision(approvals, tasks, input, who, when, rules) {
  const found = approvals.byId.get(input.id);
  if (!found) return { ok: false, message: `There is no approval ${input.id} in ${approvals.doc.file}` };
  const reasonProblem = singleLineProblems([["reason", input.reason]]);
  if (reasonProblem) return { ok: false, message: reasonProblem };
  const reason = input.reason?.trim();
  if (input.decision === "reject" && !reason) return { ok: false, message: 'reject needs a reason: --reason "..."' };
  if (reason && /[\r\n]/.test(reason)) return { ok: false, message: "A reason is one line" };
  const problem = decisionProblem(tasks, found.approval, input.decision, who, when.hasher);
  if (problem) return { ok: false, message: problem };
  if (input.decision === "approve") {
    const { verdict } = evaluateRules(rules.rules, factsFor(approvals, tasks, found.approval));
    if (verdict.decision === "reject") {
      return {
        ok: false,
        message: `Rule ${verdict.rule.id} (hard deny, ${approvals.doc.file}:${verdict.rule.line}) forbids approving ${input.id}; nobody can override it`
      };
    }
  }
  const decided = decide(approvals, found, input.decision, reason, who, when, void 0);
  const log = appendLog(
    approvals.doc,
    approvals.log,
    chained(when.hasher, lastHash(approvals.doc, approvals.log), decided.logs)
  );
  return {
    ok: true,
    splices: [...decided.splices, log],
    result: { id: input.id, decision: input.decision, rule: void 0 }
  };
}
function decide(approvals, found, decision, reason, who, when, byRule) {
  const { approval, section } = found;
  const doc2 = approvals.doc;
  const splices = [
    setField2(doc2, section, "status", decision === "approve" ? "approved" : "rejected"),
    setField2(doc2, section, "approver", who.actor),
    setField2(doc2, section, "decided-at", formatTime(when.now))
  ];
  if (reason) splices.push(setField2(doc2, section, "reason", reason));
  if (byRule)
    splices.push(setField2(doc2, section, "rule", byRule.rule.id), setField2(doc2, section, "rules-hash", byRule.hash));
  const waited = approval.requestedAt === void 0 ? void 0 : Math.max(0, Math.round((when.now - approval.requestedAt) / 1e3));
  const logs = [
    {
      time: when.now,
      actor: who.actor,
      role: "AUDIT",
      action: decision,
      target: approval.id,
      details: {
        subject: approval.subject,
        ...reason ? { reason } : {},
        ...byRule ? { rule: byRule.rule.id, "rules-hash": byRule.hash } : {},
        ...waited !== void 0 ? { waited: `${waited}s` } : {},
        ...who.automation ? { auto: "true" } : {}
      }
    }
  ];
  if (decision === "approve" && subjectKind(approval) === "roles") {
    const change = rolesChange(approvals, field(approval, "change") ?? "");
    if (change) {
      splices.push(change.splice);
      logs.push({
        time: when.now,
        actor: who.actor,
        role: "AUDIT",
        action: "roles",
        target: change.name,
        details: { roles: change.value ?? "", via: approval.id }
      });
    }
  }
  return { splices, logs };
}
function rolesChange(approvals, change) {
  const m = CHANGE.exec(change);
  const section = approvals.doc.sections.find((s) => s.kind === "reserved" && s.name === "Roles");
  if (!m || !section) return void 0;
  const [, verb, name, role] = m;
  const actor = approvals.actors.get(name);
  const roles = new Set(actor?.roles ?? []);
  if (verb === "grant") roles.add(role);
  else roles.delete(role);
  const ordered = ["CMD", "WORK", "AUDIT"].filter((r) => roles.has(r));
  const key = actor?.key ?? name;
  if (ordered.length === 0) {
    const s = removeField(section, key);
    return s ? { splice: s, name, value: void 0 } : void 0;
  }
  const value = `${ordered.join(", ")}${actor?.tags ? ` (${actor.tags})` : ""}`;
  return { splice: setField2(approvals.doc, section, key, value), name, value };
}
function planAuto(approvals, tasks, automation, when, rules) {
  const splices = [];
  const logs = [];
  const outcomes = [];
  const rolesTouched = /* @__PURE__ */ new Set();
  for (const approval of approvals.approvals) {
    if (approval.status !== "pending") continue;
    const found = approvals.byId.get(approval.id);
    if (!found || found.approval !== approval) continue;
    const { verdict } = evaluateRules(rules.rules, factsFor(approvals, tasks, approval));
    if (verdict.decision !== "approve" && verdict.decision !== "reject") {
      outcomes.push({ id: approval.id, verdict });
      continue;
    }
    const decision = verdict.decision;
    const change = subjectKind(approval) === "roles" ? CHANGE.exec(field(approval, "change") ?? "")?.[2] : void 0;
    const problem = decisionProblem(tasks, approval, decision, automation, when.hasher) ?? (change !== void 0 && rolesTouched.has(change) ? `another change to ${change}'s roles was decided in this run; run again` : void 0);
    if (change !== void 0) rolesTouched.add(change);
    if (problem) {
      outcomes.push({ id: approval.id, verdict, skipped: problem });
      continue;
    }
    const reason = decision === "reject" ? `rule ${verdict.rule.id} (hard deny)` : void 0;
    const d = decide(approvals, found, decision, reason, automation, when, { rule: verdict.rule, hash: rules.hash });
    splices.push(...d.splices);
    logs.push(...d.logs);
    outcomes.push({ id: approval.id, verdict });
  }
  if (logs.length) {
    splices.push(
      appendLog(approvals.doc, approvals.log, chained(when.hasher, lastHash(approvals.doc, approvals.log), logs))
    );
  }
  return { ok: true, splices, result: { outcomes } };
}
var ROLES_SUBJECT, CHANGE_SUBJECTS, CHANGE, IDENTIFY, field;
var init_approval_plan = __esm({
  "src/rules/approval-plan.ts"() {
    "use strict";
    init_edit();
    init_log();
    init_time();
    init_approval_rules();
    init_guarded_sections();
    init_subject();
    init_values();
    init_workflow();
    ROLES_SUBJECT = "roles";
    CHANGE_SUBJECTS = [ROLES_SUBJECT, POLICY_SUBJECT, RULES_SUBJECT];
    CHANGE = /^(grant|revoke) (\S+) (CMD|WORK|AUDIT)$/;
    IDENTIFY = /^identify (\S+)$/;
    field = (a, key) => a.fields.find((f) => f.key === key)?.value;
  }
});

// src/rules/identity.ts
function actorByName(actors, name) {
  const exact2 = actors.get(name);
  if (exact2) return exact2;
  const lower = name.toLowerCase();
  for (const a of actors.values()) {
    if (a.emails?.includes(lower) || a.gitNames?.includes(name)) return a;
  }
  if (name.includes("@")) {
    for (const a of actors.values()) if (a.name.toLowerCase() === lower) return a;
  }
  return void 0;
}
function actorOfGit(actors, ident) {
  return (ident.email ? actorByName(actors, ident.email) : void 0) ?? (ident.name ? actorByName(actors, ident.name) : void 0);
}
function committerName(actors, ident) {
  return actorOfGit(actors, ident)?.name ?? (ident.email || ident.name);
}
function mayCommitAs(actors, committer, lineActor) {
  if (committer === void 0) return false;
  if (lineActor === committer) return true;
  const a = actorByName(actors, lineActor);
  return a !== void 0 && (a.name === committer || a.for === committer);
}
function partyOf(actors, name) {
  const root = actors.get(name)?.for ?? name;
  const out = /* @__PURE__ */ new Set([name, root]);
  for (const a of actors.values()) if (a.for === root) out.add(a.name);
  return [...out];
}
function sameParty(actors, a, b) {
  return a === b || partyOf(actors, a).includes(b);
}
function allowedSigners(actors) {
  const lines = [];
  for (const a of actors.values()) for (const k of a.keys ?? []) lines.push(`${a.name} namespaces="git" ${k}`);
  return lines.length ? `${lines.join("\n")}
` : "";
}
function signatureProblem(sig, actor) {
  const key = sig.key ? ` (${sig.key})` : "";
  switch (sig.status) {
    case "G":
      return sig.signer === actor ? void 0 : `it is signed by a key of ${sig.signer}${key}, but its author is ${actor}; only ${actor}'s keys in Roles vouch for ${actor}`;
    case "N":
      return `it is not signed; every commit changing the ledgers must be signed by a key Roles lists for its author (${actor})`;
    case "U":
      return `it is signed by a key no actor in Roles has${key}; list it for ${actor} ("key ssh-ed25519 ...") under "## Roles"`;
    case "B":
      return `its signature is bad${key}: the commit was changed after it was signed`;
    default:
      return `its signature cannot be checked (git says ${sig.status}${key}); sign with an SSH key listed for ${actor} under "## Roles"`;
  }
}
var init_identity = __esm({
  "src/rules/identity.ts"() {
    "use strict";
  }
});

// src/rules/gate.ts
function isStale(tasks, approval, hasher) {
  const subject = approval.subject;
  if (subject === void 0) return false;
  if (approval.status !== "approved" || !tasks.byId.has(subject)) return false;
  const recorded = approval.fields.find((f) => f.key === "subject-hash")?.value;
  return recorded !== taskContentHash(tasks, subject, hasher);
}
function gateProblem(tasks, approvals, id, hasher, options = {}) {
  const task = tasks.byId.get(id)?.task;
  if (!task) return void 0;
  const required = options.required ?? tasks.policy.approvalRequired;
  const labels = [.../* @__PURE__ */ new Set([...options.labelsBefore ?? [], ...task.labels])];
  const needs = labels.filter((l) => required.includes(l));
  if (needs.length === 0) return void 0;
  const requests = (approvals?.approvals ?? []).filter((a) => a.subject === id && a.status !== "superseded").sort((a, b) => Number(b.id.slice(2)) - Number(a.id.slice(2)));
  const workers = workersOf(task);
  const actors = approvals?.actors ?? /* @__PURE__ */ new Map();
  const byWorker = (a) => a.approver !== void 0 && workers.some((w) => sameParty(actors, a.approver, w));
  if (requests.some((a) => a.status === "approved" && !isStale(tasks, a, hasher) && !byWorker(a))) return void 0;
  const head = `${id} has the label${needs.length > 1 ? "s" : ""} ${needs.join(", ")}, so accepting it needs an approved request`;
  const latest = requests[0];
  if (!latest) return `${head}; none exists: run taskgate approval request ${id}`;
  if (latest.status === "pending") {
    return `${head}; ${latest.id} is pending: an AUDIT actor other than its requester runs taskgate approve ${latest.id}`;
  }
  if (latest.status === "approved") {
    if (byWorker(latest)) {
      return `${head}; ${latest.id} was approved by ${latest.approver}, who worked on ${id} (four eyes): run taskgate approval request ${id}`;
    }
    return `${head}; ${latest.id} was approved, but ${id} changed since (stale): run taskgate approval request ${id}`;
  }
  return `${head}; ${latest.id} was rejected: run taskgate approval request ${id} once it is fixed`;
}
var init_gate = __esm({
  "src/rules/gate.ts"() {
    "use strict";
    init_identity();
    init_subject();
    init_workflow();
  }
});

// src/ledger/approvals.ts
function readApprovals(file, text) {
  const doc2 = readLedgerText("approvals", file, text);
  const diagnostics = [...doc2.diagnostics];
  const approvals = [];
  const byId = /* @__PURE__ */ new Map();
  for (const section of doc2.sections) {
    if (section.kind !== "entry" || !section.id) continue;
    const v = decodeFields(doc2, section, APPROVAL_FIELDS, diagnostics, `approval ${section.id}`);
    if (!section.fields.some((f) => f.key === "status")) {
      diagnostics.push({
        severity: "error",
        file,
        line: section.headingLine + 2,
        column: 1,
        code: "missing-status",
        message: `Approval ${section.id} has no status; expected "- status: pending" (pending|approved|rejected|superseded)`
      });
    }
    const approval = {
      id: section.id,
      title: section.title ?? "",
      status: v.get("status") ?? "pending",
      subject: v.get("subject"),
      requestedBy: v.get("requested-by"),
      requestedAt: v.get("requested-at"),
      approver: v.get("approver"),
      decidedAt: v.get("decided-at"),
      fields: section.fields.map((f) => ({ key: f.key, value: f.value })),
      line: section.headingLine + 1
    };
    approvals.push(approval);
    if (!byId.has(approval.id)) byId.set(approval.id, { approval, section });
  }
  const actors = readRoles(doc2, diagnostics);
  const rules = rulesBlock(doc2, diagnostics);
  return { doc: doc2, approvals, byId, actors, log: locateLog(doc2), rules, diagnostics };
}
function rulesBlock(doc2, diagnostics) {
  const section = sectionByName(doc2, "Rules");
  if (!section) return void 0;
  const { lineStarts, lineEnds } = doc2.scan;
  const line2 = (ln2) => doc2.text.slice(lineStarts[ln2], lineEnds[ln2]);
  const last = lastLineOf(doc2, section);
  let ln = section.headingLine + 1;
  while (ln <= last && line2(ln).trim() === "") ln++;
  if (ln > last) return void 0;
  const open = /^(`{3,}|~{3,})\s*(yaml|yml)?\s*$/.exec(line2(ln));
  if (!open) {
    diagnostics.push({
      severity: "error",
      file: doc2.file,
      line: ln + 1,
      column: 1,
      code: "bad-rules",
      message: 'Expected the rules as a fenced YAML block (a line "```yaml", the rules, a line "```")'
    });
    return void 0;
  }
  const fence = open[1];
  const body = [];
  for (let k = ln + 1; k <= last; k++) {
    const t = line2(k).trim();
    if (t.startsWith(fence) && t.replace(/[`~]/g, "") === "") return { text: body.join("\n"), line: ln + 2 };
    body.push(line2(k));
  }
  return void 0;
}
function readRoles(doc2, diagnostics) {
  const file = doc2.file;
  const actors = /* @__PURE__ */ new Map();
  const roles = sectionByName(doc2, "Roles");
  for (const f of roles?.fields ?? []) {
    const lineStart = f.start;
    const k = ACTOR_KEY.exec(f.key);
    const name = k ? k[1] : f.key;
    if (!k || !ACTOR.test(name)) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: 3,
        code: "bad-actor",
        message: `Expected an actor name without spaces, optionally followed by its git identities like <carol@example.com> or "Carol Smith", found "${f.key}"`
      });
      continue;
    }
    const m = ROLE_LIST.exec(f.value);
    const names = m ? m[1].split(",").map((s) => s.trim()) : [];
    const wrong = names.find((r) => !isRole(r));
    const tags = m?.[2] !== void 0 ? m[2].split(",").map((t) => t.trim()) : [];
    const badTag = tags.find((t) => t !== "automation" && !FOR_TAG.test(t) && !KEY_TAG.test(t));
    if (!m || wrong !== void 0 || badTag !== void 0) {
      diagnostics.push({
        severity: "error",
        file,
        line: f.line + 1,
        column: f.valueStart - lineStart + 1,
        code: "bad-roles",
        message: `Expected roles like "CMD, AUDIT" (CMD|WORK|AUDIT, optionally "(automation)", "(for NAME)", "(key ssh-ed25519 AAAA...)", comma-separated in one pair of parentheses) for ${name}, found "${f.value}"`
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
        message: `Actor ${name} is listed twice in Roles`
      });
      continue;
    }
    const idents = [...k[2].matchAll(/<([^<>\s]+)>|"([^"]+)"/g)];
    const principal = tags.map((t) => FOR_TAG.exec(t)?.[1]).find((x) => x !== void 0);
    actors.set(name, {
      name,
      roles: names,
      automation: tags.includes("automation"),
      line: f.line + 1,
      emails: idents.flatMap((i) => i[1] ? [i[1].toLowerCase()] : []),
      gitNames: idents.flatMap((i) => i[2] ? [i[2]] : []),
      for: principal,
      key: f.key,
      tags: m[2]?.trim() || void 0,
      keys: tags.flatMap((t) => {
        const key = KEY_TAG.exec(t)?.[1];
        return key ? [key.replace(/\s+/g, " ")] : [];
      })
    });
  }
  for (const a of actors.values()) {
    if (a.for !== void 0 && (a.for === a.name || !actors.has(a.for))) {
      diagnostics.push({
        severity: "error",
        file,
        line: a.line,
        column: 3,
        code: "bad-delegation",
        message: `${a.name} works "for ${a.for}", but ${a.for === a.name ? "an actor cannot work for itself" : `${a.for} is not listed under "## Roles"`}`
      });
    }
  }
  const owners = /* @__PURE__ */ new Map();
  for (const a of actors.values()) {
    for (const id of [
      a.name.includes("@") ? a.name.toLowerCase() : a.name,
      ...a.emails ?? [],
      ...(a.gitNames ?? []).map((n) => `"${n}"`)
    ]) {
      const first = owners.get(id);
      if (first && first !== a) {
        diagnostics.push({
          severity: "warning",
          file,
          line: a.line,
          column: 3,
          code: "shared-identity",
          message: `The git identity ${id.startsWith('"') ? id : `<${id}>`} maps to both ${first.name} and ${a.name}; commits by it count as ${first.name}'s`
        });
      } else owners.set(id, a);
    }
  }
  return actors;
}
var ROLE_LIST, ACTOR_KEY, KEY_TAG, FOR_TAG;
var init_approvals = __esm({
  "src/ledger/approvals.ts"() {
    "use strict";
    init_approval();
    init_decode();
    init_document();
    init_fields();
    init_log();
    ROLE_LIST = /^([A-Z]+(?:\s*,\s*[A-Z]+)*)\s*(?:\(([^()]*)\))?$/;
    ACTOR_KEY = /^(\S+)((?:\s+(?:<[^<>\s]+>|"[^"]+"))*)\s*$/;
    KEY_TAG = /^key\s+((?:ssh-[a-z0-9-]+|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+)\s+[A-Za-z0-9+/]+={0,2})$/;
    FOR_TAG = /^for\s+(\S+)$/;
  }
});

// src/ledger/clean-splice.ts
function cleanAfterSplices(text, clean2, splices) {
  if (splices.length === 0 || splices.length > 8) return void 0;
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  const log = clean2.reservedRange("Log");
  const touched = /* @__PURE__ */ new Map();
  const appended = [];
  let added;
  for (const s of sorted) {
    if (s.text.includes("\r")) return void 0;
    const sec = clean2.sectionAt(s.start);
    if (!sec) return void 0;
    if (s.start === sec.start && s.end === s.start && added === void 0) {
      const n = newEntryNumber(s.text, clean2);
      if (n === void 0) return void 0;
      added = { splice: s, n, heading: s.text.startsWith("\n") ? 1 : 0 };
      continue;
    }
    const headingEnd = text.indexOf("\n", sec.start);
    if (headingEnd < 0 || s.start <= headingEnd) return void 0;
    if (s.end > sec.end || s.start === sec.end && !sec.last) return void 0;
    if (sec.id !== void 0) {
      const entry = touched.get(sec.start) ?? { sec, splices: [] };
      entry.splices.push(s);
      touched.set(sec.start, entry);
    } else if (log && sec.start === log.start) {
      appended.push(s);
    } else return void 0;
  }
  const moved = (x, except) => {
    let by = 0;
    for (const s of sorted) if (s.end <= x && s !== except) by += s.text.length - (s.end - s.start);
    return x + by;
  };
  for (const { sec, splices: list } of touched.values()) {
    if (!entryStaysClean(text, sec, list)) return void 0;
  }
  const has = (n) => n === added?.n || clean2.entryRange(`T-${n}`) !== void 0;
  for (const s of appended) {
    if (s.end !== s.start || !/^(?:- \S[^\n\u2028\u2029]*\n)+$/.test(s.text)) return void 0;
    if (s.start > 0 && text.charCodeAt(s.start - 1) !== 10) return void 0;
    if (/^-+[ \t]*$/m.test(s.text)) return void 0;
    if (!everyLoggedAdd(`
${s.text}`, 1, s.text.length + 1, has)) return void 0;
  }
  if (!log) return { log: void 0 };
  const end = added?.splice.start === log.end ? moved(log.end, added.splice) + added.heading : moved(log.end);
  return { log: { start: moved(log.start), end } };
}
function newEntryNumber(inserted, clean2) {
  const entry = inserted.startsWith("\n") ? inserted.slice(1) : inserted;
  const m = /^## T-([1-9]\d{0,5}) \S/.exec(entry);
  if (!m || !entry.endsWith("\n") || entry.includes("\n#")) return void 0;
  const n = Number(m[1]);
  if (n !== clean2.highestId + 1) return void 0;
  const named = new Set(entry.match(/T-[1-9]\d{0,5}/g) ?? []);
  let stubs = "";
  let count = 0;
  for (const id of named) {
    if (clean2.entryRange(id) === void 0) continue;
    if (++count > 256) return void 0;
    stubs += `## ${id} Stand-in
- state: DONE

`;
  }
  const alone = scanCleanTasks(`${stubs}${entry}`);
  return alone?.entryRange(`T-${n}`)?.start === stubs.length ? n : void 0;
}
function entryStaysClean(text, sec, splices) {
  const before = text.slice(sec.start, sec.end);
  let after2 = "";
  let pos = sec.start;
  for (const s of splices) {
    after2 += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  after2 += text.slice(pos, sec.end);
  if (!after2.endsWith("\n") || !before.endsWith("\n")) return false;
  if (after2.split("\n").some((l, i) => i > 0 && l.startsWith("#"))) return false;
  const dependsLines = (t) => t.split("\n").filter((l) => /depends/i.test(l));
  const a = dependsLines(before);
  const b = dependsLines(after2);
  if (a.length !== b.length || a.some((l, i) => l !== b[i])) return false;
  const own = /^## (T-\d+)/.exec(after2)?.[1];
  const ids = new Set(after2.match(/T-[1-9]\d{0,5}/g) ?? []);
  if (own) ids.delete(own);
  if (ids.size > 256) return false;
  let stubs = "";
  for (const id of ids) stubs += `## ${id} Stand-in
- state: DONE

`;
  const alone = scanCleanTasks(`${stubs}${after2}`);
  return alone !== void 0 && alone.tasks === ids.size + 1;
}
var init_clean_splice = __esm({
  "src/ledger/clean-splice.ts"() {
    "use strict";
    init_clean_scan();
    init_entry_ids();
  }
});

// src/rules/roles.ts
function identify(actors, name, approvalsFile, hint) {
  const actor = actorByName(actors, name);
  if (!actor) {
    return {
      ok: false,
      message: `Actor "${name}" has no roles; add a line "- ${name}: ${hint}" under "## Roles" in ${approvalsFile}, or act as someone listed there with --as NAME`
    };
  }
  return {
    ok: true,
    actor: actor.name,
    roles: actor.roles,
    automation: actor.automation,
    party: partyOf(actors, actor.name),
    for: actor.for
  };
}
function authorize(actors, name, action, approvalsFile) {
  const who = identify(actors, name, approvalsFile, MATRIX[action].role);
  if (!who.ok) return who;
  const p = permits(action, who.actor, who.roles, void 0);
  if (!p.ok) return p;
  return { ok: true, actor: who.actor, role: p.role, roles: who.roles, automation: who.automation, party: who.party };
}
var init_roles = __esm({
  "src/rules/roles.ts"() {
    "use strict";
    init_identity();
    init_matrix();
  }
});

// src/rules/days.ts
function isTimeZone(tz) {
  if (tz === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
function zoneOf(tz) {
  if (tz === "UTC") {
    return {
      dateAt: (t) => {
        const d = new Date(t);
        return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      },
      offset: () => 0
    };
  }
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23"
  });
  const wall = (t) => {
    const parts = f.formatToParts(t);
    const get = (type) => Number(parts.find((p) => p.type === type)?.value);
    return [get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second")];
  };
  return {
    dateAt: (t) => {
      const [y, m, d] = wall(t);
      return [y, m, d];
    },
    offset: (t) => {
      const [y, m, d, h, min, sec] = wall(t);
      return Date.UTC(y, m - 1, d, h, min, sec) - Math.floor(t / 1e3) * 1e3;
    }
  };
}
function startOf(date2, { offset, dateAt }) {
  const wall = Date.UTC(date2[0], date2[1] - 1, date2[2]);
  let t = wall - offset(wall);
  t = wall - offset(t);
  for (let i = 0; i < 48 && !same(dateAt(t), date2); i++) t += HOUR / 2;
  for (let i = 0; i < 48 && same(dateAt(t - HOUR / 2), date2); i++) t -= HOUR / 2;
  return t;
}
function daysOf(since, until, tz = "UTC") {
  if (!(until > since)) return [];
  const zone = zoneOf(tz);
  const out = [];
  let date2 = zone.dateAt(since);
  let start = startOf(date2, zone);
  while (start < until) {
    const next2 = (() => {
      const d = new Date(Date.UTC(date2[0], date2[1] - 1, date2[2]) + DAY2);
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    })();
    const nextStart = startOf(next2, zone);
    const from = Math.max(start, since);
    const to = Math.min(nextStart, until);
    out.push({ date: label(date2), start: from, end: to, partial: from > start || to < nextStart });
    date2 = next2;
    start = nextStart;
  }
  return out;
}
function dayIndex(days, t) {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >>> 1;
    if (days[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
function startOfDate(text, tz = "UTC") {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return void 0;
  const date2 = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(date2[0], date2[1] - 1, date2[2]));
  if (check.getUTCMonth() + 1 !== date2[1] || check.getUTCDate() !== date2[2]) return void 0;
  return startOf(date2, zoneOf(tz));
}
var HOUR, DAY2, label, same;
var init_days = __esm({
  "src/rules/days.ts"() {
    "use strict";
    HOUR = 36e5;
    DAY2 = 24 * HOUR;
    label = ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    same = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  }
});

// src/rules/schedules.ts
var schedules_exports = {};
__export(schedules_exports, {
  dueRun: () => dueRun,
  everyToCron: () => everyToCron,
  lastRecorded: () => lastRecorded,
  nextRunAfter: () => nextRunAfter,
  parseSchedule: () => parseSchedule,
  scheduleDiagnostics: () => scheduleDiagnostics
});
function parseSchedule(entry) {
  const bad2 = (message) => ({ ok: false, line: entry.line, message });
  const m = SPEC.exec(entry.spec.trim());
  if (!m) {
    return bad2(
      `Expected a schedule like "${EXAMPLE2}" (a cron expression in backticks, a time zone, an action), found "${entry.spec}"`
    );
  }
  const [, cron, timezone, actionWord, rest = ""] = m;
  if (!isTimeZone(timezone)) {
    return bad2(`Expected a time zone like UTC or Europe/Berlin for schedule "${entry.name}", found "${timezone}"`);
  }
  let pattern;
  try {
    pattern = new import_croner.Cron(cron, { timezone, paused: true });
  } catch (e) {
    const why = e.message.replace(/^CronPattern: /, "");
    return bad2(`Expected a cron expression like "0 2 * * *" for schedule "${entry.name}", found "${cron}" (${why})`);
  }
  let action;
  if (actionWord === "check" || actionWord === "auto-approve") {
    if (rest.trim()) return bad2(`The ${actionWord} action takes no arguments, found "${rest.trim()}"`);
    action = { kind: actionWord };
  } else if (actionWord === "add") {
    const words = rest.trim().split(/[ \t]+/);
    const titleWords = [];
    const fields = {};
    for (const w of words) {
      const eq = w.indexOf("=");
      if (eq > 0 && ["priority", "labels", "state"].includes(w.slice(0, eq))) fields[w.slice(0, eq)] = w.slice(eq + 1);
      else if (eq > 0 && /^[a-z-]+$/.test(w.slice(0, eq)))
        return bad2(`Schedule "${entry.name}" may set priority, labels or state on the task it adds, not "${w}"`);
      else titleWords.push(w);
    }
    const title = titleWords.join(" ");
    if (!title) return bad2(`Schedule "${entry.name}" adds a task: give its title after "add"`);
    const state = fields.state ?? "READY";
    if (state !== "PLAN" && state !== "READY") {
      return bad2(`Schedule "${entry.name}" may add a task as PLAN or READY, not "${state}"`);
    }
    action = { kind: "add", title, priority: fields.priority, labels: fields.labels, state };
  } else {
    return bad2(`Expected an action check, add or auto-approve for schedule "${entry.name}", found "${actionWord}"`);
  }
  return { ok: true, schedule: { name: entry.name, line: entry.line, cron, timezone, action, pattern } };
}
function dueRun(schedule, since, now) {
  let next2 = schedule.pattern.nextRun(new Date(since));
  if (!next2 || next2.getTime() > now) return void 0;
  let at = next2.getTime();
  let count = 0;
  for (; ; ) {
    next2 = schedule.pattern.nextRun(next2);
    if (!next2 || next2.getTime() > now || count >= 1e6) break;
    at = next2.getTime();
    count++;
  }
  return { at, missed: count };
}
function nextRunAfter(schedule, after2) {
  return schedule.pattern.nextRun(new Date(after2))?.getTime();
}
function lastRecorded(entries) {
  const out = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.action !== "schedule") continue;
    const due = e.details.due ? Date.parse(e.details.due) : Number.NaN;
    const at = Number.isNaN(due) ? e.time : due;
    const before = out.get(e.target);
    if (before === void 0 || at > before) out.set(e.target, at);
  }
  return out;
}
function everyToCron(every2) {
  const ms2 = parseDuration(every2);
  const minutes = ms2 === void 0 ? Number.NaN : ms2 / 6e4;
  if (!Number.isInteger(minutes) || minutes <= 0) {
    return { error: `Expected --every as whole minutes or hours, like 5m or 1h, found "${every2}"` };
  }
  if (minutes < 60 && 60 % minutes === 0)
    return { cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`, minutes };
  if (minutes % 60 === 0 && 24 % (minutes / 60) === 0) {
    const hours = minutes / 60;
    return { cron: hours === 1 ? "0 * * * *" : `0 */${hours} * * *`, minutes };
  }
  return {
    error: `--every ${every2} does not divide an hour or a day evenly; use one of 1m, 2m, 5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h`
  };
}
function scheduleDiagnostics(file, schedules) {
  const out = [];
  for (const entry of schedules) {
    const parsed = parseSchedule(entry);
    if (!parsed.ok) {
      out.push({
        severity: "error",
        file,
        line: parsed.line,
        column: 3,
        code: "bad-schedule",
        message: parsed.message
      });
    }
  }
  return out;
}
var import_croner, SPEC, EXAMPLE2;
var init_schedules = __esm({
  "src/rules/schedules.ts"() {
    "use strict";
    init_write_checks();
    init_time();
    import_croner = require("./vendor-croner.cjs");
    init_days();
    SPEC = /^`([^`]+)`[ \t]+(\S+)[ \t]+(\S+)(?:[ \t]+(.*))?$/;
    EXAMPLE2 = "- nightly-check: `0 2 * * *` Europe/Berlin check";
    registerScheduleCheck(scheduleDiagnostics);
  }
});

// src/app/ledgers.ts
var ledgers_exports = {};
__export(ledgers_exports, {
  actingAs: () => actingAs,
  applyChecked: () => applyChecked,
  loadApprovals: () => loadApprovals,
  loadTasks: () => loadTasks,
  loadWriteChecks: () => loadWriteChecks,
  missingLedger: () => missingLedger,
  parseApprovals: () => parseApprovals,
  parseTasks: () => parseTasks,
  parseTasksLazily: () => parseTasksLazily,
  requireValid: () => requireValid
});
function missingLedger(ctx, which) {
  const name = which === "tasks" ? ctx.paths.tasksDisplay : ctx.paths.approvalsDisplay;
  return new MissingLedgerError(
    `${name} does not exist; run "taskgate init" to create TASKS.md and APPROVALS.md, or point --dir at the folder that has them`,
    name
  );
}
function proofOf(text, start, end) {
  return proofs.find((p) => p.text === text && (start === void 0 || p.start === start && p.end === end));
}
function keepProofs(...kept) {
  proofs.splice(0, proofs.length, ...kept);
}
function logCheckedClean(ctx, doc2, log, memo) {
  const { section } = log;
  const { hasher } = ctx.ports;
  if (!memo || !section) return logIsClean(doc2, section, hasher);
  const known = proofOf(doc2.text, section.start, section.end);
  if (known) {
    keepProofs({ ...known, text: doc2.text });
    return true;
  }
  const at = { text: doc2.text, start: section.start, end: section.end, memo, hasher };
  if (memo.get(MEMO_NAME, [utf8.encode(doc2.text.slice(section.start, section.end))]) === true) {
    keepProofs({ ...at, last: lastHashIn(doc2.text, section.start, section.end) });
    return true;
  }
  const nl = doc2.text.indexOf("\n", section.start) + 1;
  const last = nl === 0 ? "" : chainFrom(doc2.text, nl, section.end, "", hasher);
  if (last === void 0) return false;
  keepProofs({ ...at, last });
  memo.put(MEMO_NAME, [utf8.encode(doc2.text.slice(section.start, section.end))], true);
  return true;
}
function rememberCleanLog(text, next2, section) {
  const p = proofOf(text);
  if (!p || !section) return;
  const length = p.end - p.start;
  const from = section.start + length;
  if (from > section.end || !next2.startsWith(text.slice(p.start, p.end), section.start)) return;
  if (length > 0 && next2.charCodeAt(from - 1) !== 10 && next2.charCodeAt(from) !== 10 && from !== section.end) return;
  const last = from === section.end ? p.last : chainFrom(next2, from, section.end, p.last, p.hasher);
  if (last === void 0) return;
  const logText = next2.slice(section.start, section.end);
  p.memo.put(MEMO_NAME, [utf8.encode(logText)], true);
  keepProofs({ ...p, text: next2, start: section.start, end: section.end, last }, p);
}
function memoizedParserChecks(ctx, ledger) {
  const schedules = ledger.schedules?.length ? ledger.schedules.map((s) => [s.name, s.spec]) : [];
  const rules = ledger.rules && ledger.rules.text.trim() !== "" ? ledger.rules.text : void 0;
  const memo = ctx.ports.parserCheckMemo?.(ledger.doc.kind);
  if (!memo || schedules.length === 0 && rules === void 0) return parserChecks(ledger.doc.file, ledger);
  const sources = [utf8.encode(JSON.stringify([schedules, rules ?? null]))];
  if (memo.get(PARSER_CHECKS, sources) === true) return [];
  const found = parserChecks(ledger.doc.file, ledger);
  if (found.length === 0) memo.put(PARSER_CHECKS, sources, true);
  return found;
}
function withLogCheck(ctx, ledger, memo) {
  let found;
  logChecks.set(ledger.diagnostics, () => {
    found ??= [
      ...logCheckedClean(ctx, ledger.doc, ledger.log, memo) ? [] : readLog(ledger.doc, ledger.log, ctx.ports.hasher).diagnostics,
      // A bad schedule or approval rule, too (the parsers are loaded only where there are some).
      ...memoizedParserChecks(ctx, ledger)
    ];
    return found;
  });
  return ledger;
}
function parseTasks(ctx, text) {
  if (text === void 0) throw missingLedger(ctx, "tasks");
  return withLogCheck(ctx, lastRead.full(ctx.paths.tasksDisplay, text), ctx.ports.logCheckMemo);
}
function parseTasksLazily(ctx, text) {
  if (text === void 0) throw missingLedger(ctx, "tasks");
  return withLogCheck(
    ctx,
    lastRead.clean(ctx.paths.tasksDisplay, text) ?? lastRead.full(ctx.paths.tasksDisplay, text),
    ctx.ports.logCheckMemo
  );
}
function parseApprovals(ctx, text) {
  if (text === void 0) throw missingLedger(ctx, "approvals");
  return withLogCheck(ctx, readApprovals(ctx.paths.approvalsDisplay, text));
}
function loadTasks(ctx) {
  return parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
}
function loadApprovals(ctx) {
  const text = ctx.ports.readText(ctx.paths.approvals);
  return text === void 0 ? void 0 : parseApprovals(ctx, text);
}
function requireValid(file, readerDiagnostics) {
  const logCheck = logChecks.get(readerDiagnostics);
  const diagnostics = logCheck ? [...readerDiagnostics, ...logCheck()] : readerDiagnostics;
  if (!hasErrors(diagnostics)) return;
  const errors = diagnostics.filter((d) => d.severity === "error").sort(compareDiagnostics);
  throw new InvalidLedgerError(
    `${file} has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} first (nothing was written):
${errors.slice(0, 10).map(formatDiagnostic).join("\n")}`,
    errors
  );
}
function applyChecked(kind, file, text, splices) {
  const next2 = applySplices(text, splices);
  const read2 = kind === "tasks" ? lastRead.ifRead(file, text) : void 0;
  const scan = read2 && cleanScanOf(read2);
  const fast = scan && cleanAfterSplices(text, scan, splices);
  if (fast) {
    lastRead.keep(file, next2);
    rememberCleanLog(text, next2, fast.log);
    return next2;
  }
  const clean2 = kind === "tasks" ? lastRead.clean(file, next2) : void 0;
  if (clean2) {
    rememberCleanLog(text, next2, clean2.log.section);
    return next2;
  }
  const after2 = kind === "tasks" ? readTasks(file, next2).diagnostics : readApprovals(file, next2).diagnostics;
  if (hasErrors(after2)) {
    const errors = after2.filter((d) => d.severity === "error").sort(compareDiagnostics);
    throw new InvalidLedgerError(
      `That change would leave ${file} invalid, so nothing was written:
${errors.slice(0, 10).map(formatDiagnostic).join("\n")}`,
      errors
    );
  }
  return next2;
}
function actingAs(ctx, approvals, action) {
  const name = ctx.ports.actorName();
  if (!name) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"'
    );
  }
  requireValid(approvals.doc.file, approvals.diagnostics);
  const auth = authorize(approvals.actors, name, action, ctx.paths.approvalsDisplay);
  if (!auth.ok) throw new RefusedError(auth.message);
  return auth;
}
async function loadWriteChecks() {
  await Promise.resolve().then(() => (init_schedules(), schedules_exports));
  await Promise.resolve().then(() => (init_approval_rules(), approval_rules_exports));
}
var logChecks, proofs, MEMO_NAME, utf8, PARSER_CHECKS, lastRead;
var init_ledgers = __esm({
  "src/app/ledgers.ts"() {
    "use strict";
    init_approvals();
    init_clean_ledger();
    init_clean_splice();
    init_edit();
    init_log();
    init_tasks();
    init_write_checks();
    init_diagnostic();
    init_roles();
    init_errors();
    logChecks = /* @__PURE__ */ new WeakMap();
    proofs = [];
    MEMO_NAME = "log-clean";
    utf8 = new TextEncoder();
    PARSER_CHECKS = "parser-checks";
    lastRead = /* @__PURE__ */ (() => {
      const lazily = (file, text) => {
        let ledger = null;
        return {
          file,
          text,
          get ledger() {
            if (ledger === null) ledger = readCleanTasks(file, text);
            return ledger;
          }
        };
      };
      let full;
      let clean2;
      let cleanBefore;
      const same3 = (k, file, text) => k !== void 0 && k.file === file && k.text === text;
      return {
        full(file, text) {
          if (!same3(full, file, text)) full = { file, text, ledger: readTasks(file, text) };
          return full.ledger;
        },
        clean(file, text) {
          if (same3(clean2, file, text)) return clean2.ledger;
          if (same3(cleanBefore, file, text)) [clean2, cleanBefore] = [cleanBefore, clean2];
          else [clean2, cleanBefore] = [lazily(file, text), clean2];
          return clean2.ledger;
        },
        /** The ledger of `text` when it was read clean here already, else undefined (nothing read). */
        ifRead(file, text) {
          if (same3(clean2, file, text)) return clean2.ledger;
          if (same3(cleanBefore, file, text)) return cleanBefore.ledger;
          return void 0;
        },
        /** Keeps `text` as the last one read, to be read clean when asked for. */
        keep(file, text) {
          if (!same3(clean2, file, text)) [clean2, cleanBefore] = [lazily(file, text), clean2];
        }
      };
    })();
  }
});

// src/rules/dispatch.ts
function pickNext(ledger, who, options, now) {
  const labels = options.labels ?? [];
  const limit = ledger.policy.wipLimit.DOING;
  const doing = ledger.tasks.filter((t) => t.state === "DOING").length;
  const candidates = ledger.tasks.filter(
    (t) => (t.state === "READY" || t.state === "DOING" && t.lease === void 0) && labels.every((l) => t.labels.includes(l)) && claimProblem(ledger, t, who, now) === void 0
  );
  candidates.sort(
    (a, b) => a.priority.localeCompare(b.priority) || (a.created ?? Number.POSITIVE_INFINITY) - (b.created ?? Number.POSITIVE_INFINITY) || Number(a.id.slice(2)) - Number(b.id.slice(2))
  );
  let task;
  const skipped = [];
  const held2 = candidates.length && doing > 0 ? reservations(ledger, ledger.tasks) : [];
  for (const c of candidates) {
    const clashes = held2.length ? pathClashes(c, held2) : [];
    if (!clashes.length) {
      task = c;
      break;
    }
    skipped.push({ id: c.id, clashes });
  }
  let why = "";
  if (!task && skipped.length) {
    why = `the ${skipped.length} task${skipped.length === 1 ? "" : "s"} ${who.actor} could start overlap paths of DOING tasks: ${skipped.slice(0, 3).map((s) => `${s.id} with ${s.clashes.map(describeClash).join("; ")}`).join("; ")}${skipped.length > 3 ? "; ..." : ""}`;
  } else if (!task) {
    const ready = ledger.tasks.filter((t) => t.state === "READY").length;
    why = limit !== void 0 && doing >= limit && ready > 0 ? `DOING is at its WIP limit (${doing} of ${limit})` : ready === 0 ? "no task is READY" : `none of the ${ready} READY task${ready === 1 ? "" : "s"} can be started by ${who.actor} now${labels.length ? ` with label ${labels.join(", ")}` : ""} (blocked, waiting for dependencies or a not-before time, or assigned to someone else)`;
  }
  return { task, why, candidates: candidates.length, skipped };
}
var init_dispatch = __esm({
  "src/rules/dispatch.ts"() {
    "use strict";
    init_path_overlap();
    init_workflow();
  }
});

// src/app/transition.ts
var transition_exports = {};
__export(transition_exports, {
  NothingToDo: () => NothingToDo,
  next: () => next,
  sessionOf: () => sessionOf,
  transition: () => transition,
  whoActs: () => whoActs
});
function whoActs(ctx, hint) {
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  requireValid(ctx.paths.approvalsDisplay, approvals.diagnostics);
  const name = ctx.ports.actorName();
  if (!name) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"'
    );
  }
  const id = identify(approvals.actors, name, ctx.paths.approvalsDisplay, hint);
  if (!id.ok) throw new RefusedError(id.message);
  return {
    actor: id.actor,
    roles: id.roles,
    automation: id.automation,
    party: id.party,
    host: ctx.ports.host,
    session: sessionOf(ctx)
  };
}
function sessionOf(ctx) {
  const session = ctx.ports.session;
  if (session !== void 0 && !SESSION.test(session)) {
    throw new UsageError(
      `Expected TASKGATE_SESSION to be a session name (up to 128 letters, digits and . _ : -, starting with a letter or digit), found "${session}"`
    );
  }
  return session;
}
async function transition(ctx, input) {
  const who = whoActs(ctx, MATRIX[input.action].role);
  const { paths, ports } = ctx;
  const gated = input.action === "accept";
  return ports.update(gated ? [paths.tasks, paths.approvals] : [paths.tasks], ([text, approvalsText], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    if (gated) {
      const approvals = parseApprovals(ctx, approvalsText);
      const problem = gateProblem(ledger, approvals, input.id, ports.hasher);
      if (problem && permits("accept", who.actor, who.roles, ledger.byId.get(input.id)?.task.state).ok) {
        throw new RefusedError(problem);
      }
    }
    const plan = planTransition(ledger, input, who, { now, hasher: ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
    return { writes: [{ path: paths.tasks, text: next2 }], result: plan.result };
  });
}
async function next(ctx, input) {
  const who = whoActs(ctx, "WORK");
  const mayClaim = () => {
    const allowed = permits("claim", who.actor, who.roles, void 0);
    if (!allowed.ok) throw new RefusedError(allowed.message);
  };
  if (!input.claim) {
    const ledger = loadTasks(ctx);
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    mayClaim();
    const pick2 = pickNext(ledger, who, { labels: input.labels }, ctx.now);
    if (!pick2.task) throw new NothingToDo(`Nothing to do for ${who.actor}: ${pick2.why}`, pick2.skipped);
    return { pick: pick2, claimed: void 0 };
  }
  const { paths, ports } = ctx;
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    mayClaim();
    const pick2 = pickNext(ledger, who, { labels: input.labels }, now);
    if (!pick2.task) throw new NothingToDo(`Nothing to do for ${who.actor}: ${pick2.why}`, pick2.skipped);
    const plan = planTransition(ledger, { action: "claim", id: pick2.task.id, ttl: input.ttl, via: input.via }, who, {
      now,
      hasher: ports.hasher
    });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
    return { writes: [{ path: paths.tasks, text: next2 }], result: { pick: pick2, claimed: plan.result } };
  });
}
var NothingToDo;
var init_transition = __esm({
  "src/app/transition.ts"() {
    "use strict";
    init_fields();
    init_dispatch();
    init_gate();
    init_matrix();
    init_roles();
    init_workflow();
    init_errors();
    init_ledgers();
    NothingToDo = class extends TaskgateError {
      constructor(message, skipped = []) {
        super(message, EXIT.nothingToDo);
        this.skipped = skipped;
      }
      skipped;
    };
  }
});

// src/app/approvals.ts
var approvals_exports = {};
__export(approvals_exports, {
  autoApprove: () => autoApprove,
  decideApproval: () => decideApproval,
  listApprovals: () => listApprovals,
  loadRules: () => loadRules,
  requestApproval: () => requestApproval,
  requestIdentityChange: () => requestIdentityChange,
  requestPolicyChange: () => requestPolicyChange,
  requestRoleChange: () => requestRoleChange,
  requestRulesChange: () => requestRulesChange,
  showApproval: () => showApproval
});
function loadRules(ctx, approvals) {
  const parsed = parseRules(approvals.doc.file, approvals.rules);
  if (parsed.diagnostics.length) {
    throw new InvalidLedgerError(
      `The rules in ${approvals.doc.file} have errors, so no request is approved by them:
${parsed.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: error: ${d.message}`).join("\n")}`,
      parsed.diagnostics
    );
  }
  const text = (approvals.rules?.text ?? "").replace(/\r\n/g, "\n");
  return { rules: parsed.rules, hash: `sha256:${ctx.ports.hasher(text).slice(0, 16)}` };
}
function approverOf(ctx, hint) {
  const who = whoActs(ctx, hint);
  return { actor: who.actor, roles: who.roles, automation: who.automation, party: who.party };
}
function updateApprovals(ctx, plan) {
  const { paths, ports } = ctx;
  return ports.update([paths.tasks, paths.approvals], ([tasksText2, approvalsText], now) => {
    const tasks = parseTasks(ctx, tasksText2);
    const approvals = parseApprovals(ctx, approvalsText);
    requireValid(paths.approvalsDisplay, approvals.diagnostics);
    requireValid(paths.tasksDisplay, tasks.diagnostics);
    const { splices, result } = plan(approvals, tasks, now);
    if (splices.length === 0) return { writes: [], result };
    const next2 = applyChecked("approvals", paths.approvalsDisplay, approvalsText, splices);
    return { writes: [{ path: paths.approvals, text: next2 }], result };
  });
}
function requestApproval(ctx, input) {
  const who = approverOf(ctx, "WORK");
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const plan = planRequest(approvals, tasks, input, who, { now, hasher: ctx.ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    return plan;
  });
}
function decideApproval(ctx, input) {
  const who = approverOf(ctx, "AUDIT");
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const when = { now, hasher: ctx.ports.hasher };
    const plan = planDecision(approvals, tasks, input, who, when, loadRules(ctx, approvals));
    if (!plan.ok) throw new RefusedError(plan.message);
    return plan;
  });
}
function automationActors(approvals) {
  return [...approvals.actors.values()].filter((a) => a.automation && a.roles.includes("AUDIT"));
}
function automationActor(ctx, approvals) {
  const named = ctx.ports.actorName();
  const candidates = automationActors(approvals);
  const chosen = candidates.find((a) => a.name === named) ?? candidates[0];
  if (!chosen) {
    throw new RefusedError(
      `No automation actor with the AUDIT role in ${approvals.doc.file}; add a line like "- taskgate-watch: AUDIT (automation)" under "## Roles"`
    );
  }
  return { actor: chosen.name, roles: chosen.roles, automation: true, party: partyOf(approvals.actors, chosen.name) };
}
function autoApprove(ctx) {
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const who = automationActor(ctx, approvals);
    const when = { now, hasher: ctx.ports.hasher };
    const plan = planAuto(approvals, tasks, who, when, loadRules(ctx, approvals));
    if (!plan.ok) throw new RefusedError(plan.message);
    return { splices: plan.splices, result: { actor: who.actor, outcomes: plan.result.outcomes } };
  });
}
function requestIdentityChange(ctx, name) {
  return requestApproval(ctx, { subject: "roles", change: `identify ${name}` });
}
function requestRoleChange(ctx, verb, name, role) {
  if (!["CMD", "WORK", "AUDIT"].includes(role))
    throw new UsageError(`Expected a role CMD, WORK or AUDIT, found "${role}"`);
  return requestApproval(ctx, { subject: "roles", change: `${verb} ${name} ${role}` });
}
function readBoth(ctx) {
  return {
    tasks: parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks)),
    approvals: parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals))
  };
}
function listApprovals(ctx, filter) {
  const statuses = filter.status?.map((s) => s.toLowerCase());
  const wrong = statuses?.find((s) => !APPROVAL_STATUSES.includes(s));
  if (wrong !== void 0)
    throw new UsageError(`Unknown approval status "${wrong}"; expected ${APPROVAL_STATUSES.join("|")}`);
  const { tasks, approvals } = readBoth(ctx);
  return approvals.approvals.filter(
    (a) => (!statuses?.length || statuses.includes(a.status)) && (!filter.subject || a.subject === filter.subject)
  ).map((a) => ({
    approval: a,
    stale: isStale(tasks, a, ctx.ports.hasher),
    age: ctx.now - (a.requestedAt ?? ctx.now)
  })).sort((x, y) => STATUS_ORDER[x.approval.status] - STATUS_ORDER[y.approval.status] || y.age - x.age);
}
function showApproval(ctx, id) {
  const { tasks, approvals } = readBoth(ctx);
  const found = approvals.byId.get(id);
  if (!found) throw new RefusedError(`There is no approval ${id} in ${ctx.paths.approvalsDisplay}`);
  const rules = loadRules(ctx, approvals);
  const { verdict, trace } = evaluateRules(rules.rules, factsFor(approvals, tasks, found.approval));
  let blocked;
  if (found.approval.status === "pending" && (verdict.decision === "approve" || verdict.decision === "reject")) {
    const auto = automationActors(approvals)[0];
    blocked = auto ? decisionProblem(
      tasks,
      found.approval,
      verdict.decision,
      { actor: auto.name, roles: auto.roles, automation: true },
      ctx.ports.hasher
    ) : "there is no automation actor with the AUDIT role";
  }
  return {
    approval: found.approval,
    stale: isStale(tasks, found.approval, ctx.ports.hasher),
    trace,
    verdict,
    blocked,
    rulesHash: rules.hash
  };
}
function requestPolicyChange(ctx, assignment) {
  if (!/^[a-z-]+=/.test(assignment.trim())) {
    throw new UsageError(`Expected KEY=VALUE, like approval-required=prod, security, found "${assignment}"`);
  }
  return requestApproval(ctx, { subject: POLICY_SUBJECT, change: assignment.trim() }).then((r) => ({
    ...r,
    change: changeOf(ctx, r.id)
  }));
}
async function requestRulesChange(ctx, text) {
  const change = rulesChangeOf(text, ctx.ports.hasher);
  const r = await requestApproval(ctx, { subject: RULES_SUBJECT, change });
  return { ...r, change };
}
function changeOf(ctx, id) {
  const a = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals)).byId.get(id)?.approval;
  return a?.fields.find((f) => f.key === "change")?.value ?? "";
}
var STATUS_ORDER;
var init_approvals2 = __esm({
  "src/app/approvals.ts"() {
    "use strict";
    init_approval();
    init_approval_plan();
    init_approval_rules();
    init_gate();
    init_guarded_sections();
    init_identity();
    init_errors();
    init_ledgers();
    init_transition();
    STATUS_ORDER = { pending: 0, approved: 1, rejected: 2, superseded: 3 };
  }
});

// src/rules/plan-add.ts
function nextTaskId(ledger) {
  if (ledger.highestId) return `T-${ledger.highestId() + 1}`;
  let max = 0;
  for (const t of ledger.tasks) max = Math.max(max, Number(t.id.slice(2)));
  const log = ledger.log.section;
  if (log) max = Math.max(max, highestLoggedAdd(ledger.doc.text, log.start, log.end));
  return `T-${max + 1}`;
}
function validTitle(title) {
  const t = title.trim();
  if (!t) return "A task needs a title";
  const problem = singleLineProblem("title", title);
  if (problem) return `${problem}; put longer text into the task's body`;
  if (/#+$/.test(t)) return "A title may not end with #, which Markdown would drop";
  return void 0;
}
function planAddTask(ledger, input, by) {
  const titleProblem = validTitle(input.title) ?? singleLineProblems([
    ["priority", input.priority],
    ["labels", input.labels],
    ["depends", input.depends]
  ]);
  if (titleProblem) return { ok: false, message: titleProblem };
  const id = nextTaskId(ledger);
  const fields = [["state", input.state ?? "PLAN"]];
  const check = (key, raw, codec) => {
    if (raw === void 0) return void 0;
    const d = codec(raw);
    return d.ok ? void 0 : `Expected ${d.expected} for --${key}, found "${raw}"`;
  };
  const problem = check("priority", input.priority, decodePriority) ?? check("labels", input.labels, decodeLabels) ?? check("depends", input.depends, decodeIdList);
  if (problem) return { ok: false, message: problem };
  if (input.priority) fields.push(["priority", input.priority]);
  if (input.labels) fields.push(["labels", decodeLabels(input.labels).value.join(", ")]);
  if (input.depends) {
    const ids = decodeIdList(input.depends).value;
    const missing = ids.find((d) => !ledger.byId.has(d));
    if (missing)
      return { ok: false, message: `Cannot depend on ${missing}: there is no such task in ${ledger.doc.file}` };
    fields.push(["depends", ids.join(", ")]);
  }
  fields.push(["created", formatTime(by.now)]);
  const title = input.title.trim();
  const entry = [`## ${id} ${title}`, ...fields.map(([k, v]) => `- ${k}: ${v}`)];
  const logLine = formatLogLine(by.hasher, lastHash(ledger.doc, ledger.log), {
    time: by.now,
    actor: by.actor,
    role: by.role,
    action: "add",
    target: id,
    details: { title, state: input.state ?? "PLAN", auto: by.automation ? "true" : void 0 }
  });
  return { ok: true, splices: insertEntryWithLog(ledger.doc, ledger.log, entry, [logLine]), result: { id } };
}
var init_plan_add = __esm({
  "src/rules/plan-add.ts"() {
    "use strict";
    init_edit();
    init_entry_ids();
    init_fields();
    init_log();
    init_time();
    init_values();
  }
});

// src/rules/plan-set.ts
function planSetFields(ledger, id, assignments, by) {
  const entry = ledger.byId.get(id);
  if (!entry) return { ok: false, message: `There is no task ${id} in ${ledger.doc.file}` };
  const { section } = entry;
  const allowed = permits("set", by.actor, [by.role], entry.task.state, id);
  if (!allowed.ok) return allowed;
  const splices = [];
  const changes = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [key, raw] of assignments) {
    if (seen.has(key)) return { ok: false, message: `"${key}" is given twice` };
    seen.add(key);
    const problem = singleLineProblem(key, raw);
    if (problem) return { ok: false, message: problem };
    const value = raw.trim();
    if (key === "title") {
      const problem2 = validTitle(value);
      if (problem2) return { ok: false, message: problem2 };
      if (value !== section.title) {
        splices.push(setTitle(section, value));
        changes.push({ key, from: section.title, to: value });
      }
      continue;
    }
    const codec = TASK_FIELDS[key];
    if (!codec) {
      return {
        ok: false,
        message: `Unknown field "${key}"; set knows title, ${Object.keys(TASK_FIELDS).filter((k) => !MANAGED[k]).join(", ")}`
      };
    }
    if (MANAGED[key]) return { ok: false, message: `"${key}" cannot be set by hand: ${MANAGED[key]}` };
    const current = section.fields.find((f) => f.key === key)?.value;
    if (value === "") {
      if (key === "state") return { ok: false, message: "A task always has a state" };
      const s = removeField(section, key);
      if (s) {
        splices.push(s);
        changes.push({ key, from: current, to: void 0 });
      }
      continue;
    }
    const d = codec(value);
    if (!d.ok) return { ok: false, message: `Expected ${d.expected} for "${key}", found "${value}"` };
    const normalized = Array.isArray(d.value) ? d.value.join(", ") : value;
    if (normalized === current) continue;
    splices.push(setField2(ledger.doc, section, key, normalized));
    changes.push({ key, from: current, to: normalized });
  }
  if (changes.length === 0) return { ok: true, splices: [], result: { changes } };
  const details = {};
  for (const c of changes) details[c.key] = c.to ?? "";
  const logLine = formatLogLine(by.hasher, lastHash(ledger.doc, ledger.log), {
    time: by.now,
    actor: by.actor,
    role: by.role,
    action: "set",
    target: id,
    details
  });
  splices.push(appendLog(ledger.doc, ledger.log, [logLine]));
  return { ok: true, splices, result: { changes } };
}
var MANAGED;
var init_plan_set = __esm({
  "src/rules/plan-set.ts"() {
    "use strict";
    init_edit();
    init_fields();
    init_log();
    init_matrix();
    init_plan_add();
    init_values();
    MANAGED = {
      state: "state changes go through ready, plan, claim, release, submit, accept, rework and cancel",
      blocked: "use block and unblock",
      resolution: "accept and cancel set it",
      lease: "it is managed by claim, renew and release",
      fence: "it is the lease's fencing token, which only claim may raise",
      workers: "claim records who worked on a task",
      rework: "rework sets it and claim clears it",
      attempts: "it is counted by the tool",
      created: "it records when the task was added",
      worktree: "claim --worktree and work --worktree record it; accept, cancel and release --clean clear it"
    };
  }
});

// src/rules/judge-replay.ts
function reread(board, splices) {
  const text = applySplices(board.doc.text, splices);
  return readCleanTasks(board.doc.file, text) ?? readTasks(board.doc.file, text);
}
function whoOf(actor, actors, holder, session) {
  const a = actors.get(actor);
  const host = holder?.startsWith(`${actor}@`) ? holder.slice(actor.length + 1) : "(unknown host)";
  return {
    actor,
    roles: a?.roles ?? [],
    automation: a?.automation ?? false,
    party: partyOf(actors, actor),
    host,
    session
  };
}
function replayTaskLines(before, lines, options) {
  let board = before;
  const unreplayed = /* @__PURE__ */ new Set();
  const refused2 = /* @__PURE__ */ new Map();
  for (const e of lines) {
    const id = e.target;
    if (e.action === "add") {
      unreplayed.add(id);
      continue;
    }
    if (unreplayed.has(id)) continue;
    const found = board.byId.get(id);
    if (!found) {
      unreplayed.add(id);
      continue;
    }
    const d = e.details;
    let problem;
    let splices;
    if (TRANSITIONS.has(e.action)) {
      const action = e.action === "takeover" ? "claim" : e.action;
      const holder = action === "claim" ? d.holder : found.task.lease?.holder;
      const token = d.token !== void 0 && /^\d+$/.test(d.token) ? Number(d.token) : void 0;
      const plan = planTransition(
        board,
        {
          action,
          id,
          ttl: d.ttl !== void 0 ? parseDuration(d.ttl) : void 0,
          token: action === "claim" ? void 0 : token,
          reason: d.reason,
          evidence: d.evidence,
          failure: action === "fail" ? { exit: d.exit ?? "failed", output: d.output ?? "" } : void 0,
          via: d.via,
          overlap: action === "claim" && d.overlap !== void 0
        },
        whoOf(e.actor, options.actors, holder, d.session),
        { now: lineNow(e), hasher: options.hasher, random: () => 0 }
      );
      if (plan.ok) splices = plan.splices;
      else problem = plan.message;
    } else if (e.action === "recover") {
      const r = recoverProblem(board, e, options.actors);
      if (typeof r === "string") problem = r;
      else splices = r;
    } else if (e.action === "set") {
      const roles = options.actors.get(e.actor)?.roles ?? [];
      const plan = planSetFields(board, id, Object.entries(d), {
        now: e.time,
        actor: e.actor,
        role: roles.includes("CMD") ? "CMD" : roles[0] ?? "WORK",
        hasher: options.hasher
      });
      if (plan.ok) splices = plan.splices;
      else problem = plan.message;
    } else continue;
    if (problem !== void 0) {
      refused2.set(e.line, problem);
      unreplayed.add(id);
    } else if (splices?.length) board = reread(board, splices);
  }
  return { board, unreplayed, refused: refused2 };
}
function recoverProblem(board, e, actors) {
  const found = board.byId.get(e.target);
  if (!found) return `There is no task ${e.target}`;
  const { task, section } = found;
  const roles = actors.get(e.actor)?.roles ?? [];
  const p = permits("recover", e.actor, roles, task.state, task.id);
  if (!p.ok) return p.message;
  const lease = task.lease;
  if (!lease) return `${task.id} has no lease to recover`;
  if (e.details.holder !== lease.holder || e.details.token !== String(lease.token)) {
    return `${task.id}'s lease is ${lease.holder}'s with token ${lease.token}, not the one the recovery names (${e.details.holder ?? "no holder"}, token ${e.details.token ?? "none"})`;
  }
  const skew = board.policy.clockSkew;
  if (!isLeaseExpired(lease, lineNow(e), skew)) {
    return `${task.id}'s lease runs until ${formatTime(lease.until)} (plus ${Math.round(skew / 1e3)}s clock-skew margin), so it had not expired at ${formatTime(e.time)} and may not be recovered`;
  }
  const f = afterFailure(
    board.policy,
    task,
    e.time,
    () => 0,
    { lease: true },
    leaseExpiredError(lease),
    () => earlierFailures(board, task)
  );
  const changes = [
    ["state", "READY"],
    ["lease", void 0],
    ...f.changes.map(([k, v]) => k === "not-before" ? [k, e.details[k]] : [k, v])
  ];
  const splices = [];
  for (const [key, value] of changes) {
    if (value === void 0) {
      const s = removeField(section, key);
      if (s) splices.push(s);
    } else splices.push(setField2(board.doc, section, key, value));
  }
  return splices;
}
function autoAcceptProblem(board, e, previous) {
  const via = e.details.via;
  if (via !== "run" && via !== "work") {
    return `an automatic accept comes only from run or work --on-success done (via=run or via=work)`;
  }
  if (previous?.action !== "submit" || previous.details.via !== via || !previous.details.evidence) {
    return `an automatic accept follows the ${via}'s own submit with its evidence, and ${e.target}'s line before it is not one`;
  }
  const evidence = board.byId.get(e.target)?.task.fields.find((f) => f.key === "evidence")?.value;
  if (evidence !== previous.details.evidence) {
    return `${e.target}'s evidence is not the one its ${via} submitted`;
  }
  return void 0;
}
var TRANSITIONS, lineNow;
var init_judge_replay = __esm({
  "src/rules/judge-replay.ts"() {
    "use strict";
    init_clean_ledger();
    init_edit();
    init_tasks();
    init_time();
    init_identity();
    init_lease();
    init_matrix();
    init_plan_set();
    init_recover();
    init_workflow();
    TRANSITIONS = /* @__PURE__ */ new Set([
      "ready",
      "plan",
      "cancel",
      "unblock",
      "claim",
      "takeover",
      "renew",
      "release",
      "submit",
      "block",
      "accept",
      "rework",
      "fail"
    ]);
    lineNow = (e) => e.time + 999;
  }
});

// src/rules/judge-automation.ts
function automationTaskProblem(e, f) {
  switch (e.action) {
    case "recover":
      if (f.refused.has(e.line)) return void 0;
      return f.tasksBefore?.byId.has(e.target) ? void 0 : `${e.target} is new in this commit, so it has no lease to recover`;
    case "accept": {
      if (!f.tasksAfter) return "there is no board to accept on";
      return autoAcceptProblem(f.tasksAfter, e, previousLine(e, f.appended, f.tasksBefore));
    }
    case "add": {
      const recorded = f.appended.some(
        (x) => x.action === "schedule" && x.actor === e.actor && x.details.task === e.target && x.line > e.line
      );
      return recorded ? void 0 : `an automatic add comes only from a schedule, and no schedule line names ${e.target}`;
    }
    case "schedule": {
      const known = [f.tasksBefore, f.tasksAfter].some((l) => l?.schedules.some((s) => s.name === e.target));
      return known ? void 0 : `there is no schedule "${e.target}" in ## Schedules`;
    }
    default:
      return `automation does not ${e.action} tasks`;
  }
}
function automationApprovalProblem(e, f) {
  if (e.action === "approve" || e.action === "reject") return ruleDecisionProblem(e, f);
  if (e.action === "roles") {
    const via = e.details.via;
    const approval = f.appended.find(
      (x) => x.action === "approve" && x.actor === e.actor && x.target === via && x.line < e.line
    );
    return approval && ruleDecisionProblem(approval, f) === void 0 ? void 0 : `a Roles line by automation follows its own rule-decided approval of the change, and ${via ?? "none"} is not one`;
  }
  return `automation does not ${e.action} approvals`;
}
function ruleDecisionProblem(e, f) {
  const ruleId = e.details.rule;
  if (!ruleId) return `an automatic ${e.action} names the rule that decided it (rule=...), and this one names none`;
  const rulesLedger = f.approvalsBefore ?? f.approvalsAfter;
  const afterApproval = f.approvalsAfter?.byId.get(e.target)?.approval;
  const was = f.approvalsBefore?.byId.get(e.target)?.approval ?? (afterApproval && asPending(afterApproval));
  if (!rulesLedger || !was || !f.tasksAfter) return `there is no request ${e.target} to decide`;
  const parsed = parseRules(rulesLedger.doc.file, rulesLedger.rules);
  if (parsed.diagnostics.length) return `the rules have errors, so no rule decides ${e.target}`;
  const text = (rulesLedger.rules?.text ?? "").replace(/\r\n/g, "\n");
  const hash2 = `sha256:${f.hasher(text).slice(0, 16)}`;
  if (e.details["rules-hash"] !== hash2) {
    return `the rules as they were (${hash2}) are not the ones the line names (${e.details["rules-hash"] ?? "none"})`;
  }
  const { verdict } = evaluateRules(parsed.rules, factsFor(rulesLedger, f.tasksAfter, was));
  const want = e.action === "approve" ? "approve" : "reject";
  if (verdict.decision !== want || verdict.rule.id !== ruleId) {
    const said = verdict.decision === "none" ? "no rule decides it" : `rule ${verdict.rule.id} says ${verdict.decision}`;
    return `rule ${ruleId} does not ${want} ${e.target} as it was (${said})`;
  }
  const problem = decisionProblem(
    f.tasksAfter,
    was,
    want,
    { actor: e.actor, roles: f.approvalsBefore?.actors.get(e.actor)?.roles ?? [], automation: true },
    f.hasher
  );
  return problem;
}
function asPending(a) {
  return { ...a, status: "pending", approver: void 0, decidedAt: void 0 };
}
function previousLine(e, appended, before) {
  for (let i = appended.length - 1; i >= 0; i--) {
    const x = appended[i];
    if (x.line < e.line && x.target === e.target) return x;
  }
  if (!before) return void 0;
  const { doc: doc2, log } = before;
  const needle = ` ${e.target} `;
  for (let i = log.lines.length - 1; i >= 0; i--) {
    const ln = log.lines[i];
    const text = doc2.text.slice(doc2.scan.lineStarts[ln], doc2.scan.lineEnds[ln]);
    if (!text.includes(needle)) continue;
    const parsed = parseLogLine(text, ln);
    if (parsed.ok && parsed.entry.target === e.target) return parsed.entry;
  }
  return void 0;
}
var init_judge_automation = __esm({
  "src/rules/judge-automation.ts"() {
    "use strict";
    init_log();
    init_approval_plan();
    init_approval_rules();
    init_judge_replay();
  }
});

// src/rules/judge-approvals.ts
function judgeApprovals(before, after2, tasks, appended, committer, rolesOf, hasher, out, actors = /* @__PURE__ */ new Map()) {
  const file = after2.doc.file;
  const who = committer ?? "(no git user.email)";
  const decisions = /* @__PURE__ */ new Map();
  for (const e of appended) if (e.action === "approve" || e.action === "reject") decisions.set(e.target, e);
  if (before) {
    for (const a of before.approvals) {
      if (!after2.byId.has(a.id)) {
        out.push({ file, line: lastLine2(after2), message: `${a.id} was removed; approvals are never deleted` });
      }
    }
  }
  const rulesLedger = before ?? after2;
  const parsedRules = parseRules(rulesLedger.doc.file, rulesLedger.rules);
  for (const a of after2.approvals) {
    const was = before?.byId.get(a.id)?.approval;
    const decided = (was ? was.status : "pending") !== a.status && (a.status === "approved" || a.status === "rejected");
    const line2 = decisions.get(a.id);
    if (!decided && !line2) {
      const changed = was && was.status !== "pending" ? FINAL.find((k) => fieldOf(was, k) !== fieldOf(a, k)) : void 0;
      if (changed && was) {
        const f = after2.byId.get(a.id)?.section.fields.find((x) => x.key === changed);
        out.push({
          file,
          line: f ? f.line + 1 : a.line,
          message: `The ${changed} of ${a.id} changed, but ${a.id} was already ${was.status}; a decision is final (request again to start over)`
        });
      }
      continue;
    }
    const actor = line2?.actor ?? committer;
    const verb = a.status === "rejected" ? "rejected" : "approved";
    const statusLine = after2.byId.get(a.id)?.section.fields.find((f) => f.key === "status")?.line;
    const at = line2 ? line2.line + 1 : statusLine === void 0 ? a.line : statusLine + 1;
    const n = out.length;
    if (actor !== void 0 && a.requestedBy !== void 0 && sameParty(actors, actor, a.requestedBy)) {
      out.push({
        file,
        line: at,
        message: actor === a.requestedBy ? `${a.id} was ${verb} by its requester ${actor}; another AUDIT actor must decide` : `${a.id} was ${verb} by ${actor}, who counts as its requester ${a.requestedBy} (delegation); another AUDIT actor must decide`
      });
    }
    if (!rolesOf(actor).includes("AUDIT")) {
      out.push({
        file,
        line: at,
        message: `${a.id} was ${verb} by ${actor ?? who}, who does not hold the AUDIT role`
      });
    }
    if (out.length > n || !tasks || actor === void 0) continue;
    const asWas = was ?? asPending(a);
    const decision = line2 ? line2.action : verb === "approved" ? "approve" : "reject";
    const problem = decisionProblem(
      tasks,
      asWas,
      decision,
      { actor, roles: rolesOf(actor), automation: false, party: partyOf(actors, actor) },
      hasher
    );
    if (problem) {
      out.push({ file, line: at, message: `${a.id} was ${verb} by ${actor}, which taskgate refuses: ${problem}` });
      continue;
    }
    if (decision === "approve" && parsedRules.diagnostics.length === 0) {
      const { verdict } = evaluateRules(parsedRules.rules, factsFor(rulesLedger, tasks, asWas));
      if (verdict.decision === "reject") {
        out.push({
          file,
          line: at,
          message: `${a.id} was approved by ${actor}, but rule ${verdict.rule.id} (hard deny) forbids approving it; nobody can override it`
        });
      }
    }
  }
  if (!before) return;
  const changes = roleChanges(before.actors, after2.actors);
  const approvedChanges = new Set(
    after2.approvals.filter((x) => x.status === "approved").map((x) => x.fields.find((f) => f.key === "change")?.value).filter((v) => v !== void 0)
  );
  for (const c of changes) {
    if (approvedChanges.has(c.change)) continue;
    out.push({
      file,
      line: c.line,
      message: c.change.startsWith("grant") || c.change.startsWith("revoke") ? `A Roles change (${c.change}) without an approved request; run taskgate roles ${c.change} and have another AUDIT actor approve it` : c.change.startsWith("identify ") ? `A Roles change (${c.change}: its git identities, delegation or keys) without an approved request whose change is "${c.change}"; another AUDIT actor must approve it (docs/trust.md)` : `A Roles change (${c.change}) without an approved request; change roles through taskgate roles grant/revoke`
    });
  }
}
function roleChanges(before, after2) {
  const out = [];
  const names = /* @__PURE__ */ new Set([...before.keys(), ...after2.keys()]);
  for (const name of names) {
    const b = before.get(name);
    const a = after2.get(name);
    const line2 = a?.line ?? 1;
    for (const r of a?.roles ?? []) if (!b?.roles.includes(r)) out.push({ change: `grant ${name} ${r}`, line: line2 });
    for (const r of b?.roles ?? []) if (!a?.roles.includes(r)) out.push({ change: `revoke ${name} ${r}`, line: line2 });
    if (a && b && a.automation !== b.automation) {
      out.push({ change: `${a.automation ? "mark" : "unmark"} ${name} automation`, line: line2 });
    }
    if (a && b && identityOf(a) !== identityOf(b)) out.push({ change: `identify ${name}`, line: line2 });
  }
  return out;
}
function identityOf(a) {
  return JSON.stringify([a.emails ?? [], a.gitNames ?? [], a.for ?? "", a.keys ?? []]);
}
function judgeGuardedSections(before, after2, committer, actors, hasher, out) {
  const wanted = [];
  if (before.tasks && after2.tasks) {
    const policy = sectionByName(after2.tasks.doc, "Policy") ?? sectionByName(before.tasks.doc, "Policy");
    for (const change of policyChanges(before.tasks.policy, after2.tasks.policy)) {
      const [key, value] = change.slice(POLICY_SUBJECT.length + 1).split(/=(.*)/s);
      wanted.push({
        change,
        file: after2.tasks.doc.file,
        line: keyLine(after2.tasks, key) ?? (policy ? policy.headingLine + 1 : 1),
        what: `The Policy's ${key} changed to "${value}"`,
        how: `taskgate policy request ${key}=${value}`
      });
    }
  }
  if (before.approvals && after2.approvals) {
    const change = rulesChange(before.approvals, after2.approvals, hasher);
    if (change) {
      const section = sectionByName(after2.approvals.doc, "Rules");
      wanted.push({
        change,
        file: after2.approvals.doc.file,
        line: after2.approvals.rules?.line ?? (section ? section.headingLine + 1 : lastLine2(after2.approvals)),
        what: `The Rules changed (${change})`,
        how: "taskgate rules request FILE"
      });
    }
  }
  if (!wanted.length) return;
  const approvals = after2.approvals?.approvals ?? [];
  const who = committer ?? "(no git user.email)";
  for (const w of wanted) {
    const candidates = approvals.filter(
      (a) => a.status === "approved" && a.fields.find((f) => f.key === "change")?.value === w.change
    );
    const good = candidates.find(
      (a) => a.approver !== void 0 && !actors.get(a.approver)?.automation && (committer === void 0 || !sameParty(actors, a.approver, committer))
    );
    if (good) continue;
    const near = candidates[0];
    out.push({
      file: w.file,
      line: w.line,
      message: near ? `${w.what}, but ${near.id} was approved by ${near.approver ?? "nobody"}, who ${near.approver && actors.get(near.approver)?.automation ? "is automation" : `counts as the committer ${who}`}; a Policy or Rules change needs another person's approval (four eyes)` : `${w.what} without an approved request for that change; run ${w.how}, have another AUDIT person (not ${who}, not automation) approve it, then commit (docs/approvals.md)`
    });
  }
}
function keyLine(tasks, key) {
  const section = sectionByName(tasks.doc, "Policy");
  if (!section) return void 0;
  const { lineStarts } = tasks.doc.scan;
  const text = tasks.doc.text;
  for (let ln = section.headingLine + 1; ln < lineStarts.length; ln++) {
    const start = lineStarts[ln];
    if (start >= section.end) break;
    const line2 = text.slice(start, text.indexOf("\n", start) < 0 ? void 0 : text.indexOf("\n", start));
    if (new RegExp(`^[-*]\\s+${key}\\s*:`).test(line2)) return ln + 1;
  }
  return void 0;
}
var lastLine2, FINAL, fieldOf;
var init_judge_approvals = __esm({
  "src/rules/judge-approvals.ts"() {
    "use strict";
    init_document();
    init_approval_plan();
    init_approval_rules();
    init_guarded_sections();
    init_identity();
    init_judge_automation();
    lastLine2 = (ledger) => ledger.doc.scan.lineStarts.length;
    FINAL = ["status", "approver", "decided-at", "reason", "rule", "rules-hash"];
    fieldOf = (a, key) => a.fields.find((f) => f.key === key)?.value;
  }
});

// src/rules/judge.ts
function judgeChange(before, after2, options) {
  const out = [];
  const actors = before.approvals?.actors ?? after2.approvals?.actors ?? /* @__PURE__ */ new Map();
  const committer = options.committer;
  const rolesOf = (name) => name ? actors.get(name)?.roles ?? [] : [];
  const who = committer ?? "(no git user.email)";
  const appendedOf = {};
  for (const kind of ["tasks", "approvals"]) {
    const a = after2[kind];
    if (!a) continue;
    const b = before[kind];
    const errors = a.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) {
      for (const d of errors) out.push({ file: d.file, line: d.line, message: d.message, invalid: true });
      continue;
    }
    const file = a.doc.file;
    const kept = b && !options.noShortcuts ? keptLog(b, a) : void 0;
    const afterLog = kept ? readLog(a.doc, kept.rest, void 0) : readLog(a.doc, a.log, b ? void 0 : options.hasher);
    for (const d of afterLog.diagnostics.filter((x) => x.severity === "error"))
      out.push({ file, line: d.line, message: d.message, invalid: true });
    const beforeEntries = kept || !b ? [] : readLog(b.doc, b.log, void 0).entries;
    const appended = kept ? afterLog.entries : appendedEntries(file, beforeEntries, afterLog.entries, out);
    if (b) {
      let previous = kept ? kept.lastHash : beforeEntries[beforeEntries.length - 1]?.hash ?? "";
      for (const e of appended) {
        const want = chainHash(options.hasher, previous, e.body);
        if (want !== e.hash) {
          out.push({
            file,
            line: e.line + 1,
            message: `Log hash chain is broken: expected ~ ${want}, found ~ ${e.hash} (a log line was edited, removed or added by hand)`,
            invalid: true
          });
        }
        previous = e.hash;
      }
    }
    const skew = (before.tasks ?? after2.tasks)?.policy.clockSkew ?? 3e4;
    for (const e of appended) {
      if (e.time <= options.now + skew) continue;
      out.push({
        file,
        line: e.line + 1,
        message: `This log line is dated ${formatTime(e.time)}, after the change was made (${formatTime(options.now)}, with ${Math.round(skew / 1e3)}s clock-skew margin); a log line is written before it is committed`
      });
    }
    appendedOf[kind] = appended;
  }
  const invalid = (kind) => appendedOf[kind] === void 0;
  const tasksAfter = after2.tasks && !invalid("tasks") ? after2.tasks : void 0;
  let replay;
  if (tasksAfter) {
    replay = judgeTasks(
      before.tasks,
      tasksAfter,
      after2.approvals,
      // Stryker disable next-line ArrayDeclaration: unreachable: appendedOf.tasks is set whenever the tasks ledger is valid.
      appendedOf.tasks ?? [],
      { committer, rolesOf, actors, hasher: options.hasher, now: options.now },
      out,
      // Stryker disable next-line BooleanLiteral: a shortcut only (skip unchanged entries); judging them too gives the same verdict.
      !options.noShortcuts
    );
  }
  const facts = {
    hasher: options.hasher,
    tasksBefore: before.tasks,
    tasksAfter: after2.tasks,
    approvalsBefore: before.approvals,
    approvalsAfter: after2.approvals,
    // Stryker disable next-line LogicalOperator,ArrayDeclaration: only a recover line reads it, and a refused recover's task is on the old board, which justifies it too.
    refused: new Set(replay?.refused.keys() ?? [])
  };
  for (const kind of ["tasks", "approvals"]) {
    const appended = appendedOf[kind];
    const file = after2[kind]?.doc.file;
    if (!appended || !file) continue;
    for (const e of appended) {
      if (mayCommitAs(actors, committer, e.actor)) continue;
      const principal = actors.get(e.actor)?.for;
      if (principal !== void 0) {
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by ${e.actor}, who works for ${principal}, but the change is ${who}'s: only ${principal} may commit ${e.actor}'s lines (forged?)`
        });
        continue;
      }
      if (actors.get(e.actor)?.automation) {
        const f = { ...facts, appended };
        const problem = kind === "tasks" ? automationTaskProblem(e, f) : automationApprovalProblem(e, f);
        if (problem === void 0) continue;
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by the automation actor ${e.actor} in ${who}'s change, but ${problem}; only the committer's lines and justified automation lines may be committed (forged?)`
        });
        continue;
      }
      out.push({
        file,
        line: e.line + 1,
        message: `Log line by ${e.actor}, but the change is ${who}'s: only the committer or an automation actor may appear in new log lines (forged?)`
      });
    }
  }
  if (after2.approvals && !invalid("approvals")) {
    judgeApprovals(
      before.approvals,
      after2.approvals,
      after2.tasks ?? before.tasks,
      // Stryker disable next-line ArrayDeclaration: unreachable: appendedOf.approvals is set whenever the approvals ledger is valid.
      appendedOf.approvals ?? [],
      committer,
      rolesOf,
      options.hasher,
      out,
      actors
    );
  }
  if (!invalid("tasks") || !invalid("approvals")) {
    judgeGuardedSections(
      { tasks: before.tasks, approvals: before.approvals },
      {
        tasks: after2.tasks && !invalid("tasks") ? after2.tasks : void 0,
        approvals: after2.approvals && !invalid("approvals") ? after2.approvals : void 0
      },
      committer,
      actors,
      options.hasher,
      out
    );
  }
  return out;
}
function keptLog(b, a) {
  const was = b.log.section;
  const now = a.log.section;
  if (!was || !now) return void 0;
  const last = lastContentLine(b.doc, was);
  const from = was.fieldsEnd;
  const to = last ? last.end : from;
  const keptText = b.doc.text.slice(from, to);
  const at = now.fieldsEnd;
  const after2 = a.doc.text;
  if (!after2.startsWith(keptText, at)) return void 0;
  const end = at + keptText.length;
  if (end < after2.length && after2.charCodeAt(end) !== 10 && !after2.startsWith("\r\n", end)) return void 0;
  PLAIN_LOG.lastIndex = from;
  if (!PLAIN_LOG.test(b.doc.text) || PLAIN_LOG.lastIndex < to) return void 0;
  const starts = a.doc.scan.lineStarts;
  const lines = a.log.lines.filter((ln) => starts[ln] >= end);
  return { rest: { section: now, lines }, lastHash: lastHash(b.doc, b.log) };
}
function appendedEntries(file, before, after2, out) {
  for (let i = 0; i < before.length; i++) {
    const was = before[i];
    const now = after2[i];
    if (!now) {
      out.push({
        file,
        line: (after2[after2.length - 1]?.line ?? 0) + 1,
        message: `The log lost ${before.length - after2.length} line(s); the log is append-only`
      });
      return [];
    }
    if (now.body !== was.body || now.hash !== was.hash) {
      out.push({
        file,
        line: now.line + 1,
        message: "This log line differs from the one before the change; the log is append-only (add lines at its end)"
      });
      return [];
    }
  }
  return after2.slice(before.length);
}
function judgeTasks(before, after2, approvals, appended, j, out, shortcuts) {
  const { committer, rolesOf } = j;
  const file = after2.doc.file;
  const who = committer ?? "(no git user.email)";
  const linesFor = /* @__PURE__ */ new Map();
  for (const e of appended) {
    const list = linesFor.get(e.target);
    if (list) list.push(e);
    else linesFor.set(e.target, [e]);
  }
  if (before) {
    for (const id of entryIdsOf(before)) {
      if (!after2.byId.has(id)) {
        out.push({
          file,
          line: lastLine3(after2),
          message: `${id} was removed; tasks are never deleted (cancel it instead: taskgate cancel ${id})`
        });
      }
    }
  }
  const replay = before && appended.length ? replayTaskLines(before, appended, { hasher: j.hasher, actors: j.actors }) : void 0;
  for (const [line2, message] of replay?.refused ?? []) {
    const e = appended.find((x) => x.line === line2);
    out.push({
      file,
      line: line2 + 1,
      message: `This log line records a ${e.action} of ${e.target} that taskgate refuses ${e.actor}: ${message}`
    });
  }
  const board = replay?.board ?? before;
  const required = (before ?? after2).policy.approvalRequired;
  for (const id of entryIdsOf(after2)) {
    const lines = linesFor.get(id) ?? [];
    if (shortcuts && before && lines.length === 0) {
      const was2 = entrySourceOf(before, id);
      if (was2 !== void 0 && was2 === entrySourceOf(after2, id)) continue;
    }
    const t = after2.byId.get(id)?.task;
    const was = before?.byId.get(t.id)?.task;
    let state = was?.state;
    let workers = was ? workersOf(was) : [];
    for (const e of lines) {
      const action = e.action === "takeover" ? "claim" : e.action;
      if (!TASK_ACTIONS.includes(action)) continue;
      if (!replay?.refused.has(e.line)) {
        const p = permits(action, e.actor, rolesOf(e.actor), state, t.id);
        if (!p.ok) out.push({ file, line: e.line + 1, message: p.message });
        if (action === "accept" && workers.some((w) => sameParty(j.actors, e.actor, w))) {
          out.push({ file, line: e.line + 1, message: selfAccept(e.actor, t.id) });
        }
      }
      if (action === "claim")
        workers = e.action === "takeover" ? [...workers.filter((w) => w !== e.actor), e.actor] : [e.actor];
      if (action === "add" && state === void 0) {
        const made = e.details.state ?? "PLAN";
        if (made !== "PLAN" && made !== "READY" && !replay?.refused.has(e.line))
          out.push({ file, line: e.line + 1, message: `${t.id} is new and ${made}; a task starts in PLAN or READY` });
        state = made;
      }
      const to = e.details.to;
      if (to) state = to;
    }
    const replayed = board && !replay?.unreplayed.has(t.id) ? board.byId.get(t.id)?.task : void 0;
    if (replayed) state = replayed.state;
    const stateLine = () => {
      const f = after2.byId.get(t.id)?.section.fields.find((x) => x.key === "state")?.line;
      return f === void 0 ? t.line : f + 1;
    };
    if (!was && lines.length === 0) {
      const p = permits("add", who, rolesOf(committer), void 0, t.id);
      if (!p.ok) out.push({ file, line: t.line, message: p.message });
      if (t.state !== "PLAN" && t.state !== "READY") {
        out.push({ file, line: t.line, message: `${t.id} is new and ${t.state}; a task starts in PLAN or READY` });
      }
      continue;
    }
    let handAction;
    if (state !== void 0 && state !== t.state) {
      const n = out.length;
      const action = judgeHandTransition(t, state, committer, rolesOf, out, file, stateLine(), j.actors);
      handAction = action ?? (t.state === "DONE" ? t.resolution === "cancelled" ? "cancel" : "accept" : t.state === "DOING" ? state === "REVIEW" ? "rework" : "claim" : void 0);
      if (out.length === n && action && replayed && board) {
        const task = board.byId.get(t.id)?.task;
        const reason = action === "rework" ? t.fields.find((f) => f.key === "rework")?.value : void 0;
        const plan = planTransition(
          board,
          { action, id: t.id, reason: action === "cancel" ? void 0 : reason },
          // Stryker disable next-line OptionalChaining: task is replayed (above), never undefined.
          whoOf(who, j.actors, task?.lease?.holder),
          // Stryker disable next-line ArrowFunction: random is a failed run's backoff jitter: it sets a not-before time, never whether the plan is refused.
          { now: j.now, hasher: j.hasher, random: () => 0 }
        );
        if (!plan.ok) {
          out.push({
            file,
            line: stateLine(),
            message: `${t.id} went from ${state} to ${t.state} by hand, which is a ${action} that taskgate refuses ${who}: ${plan.message}`
          });
        }
      }
    }
    if (t.state === "DONE" && was?.state !== "DONE" && t.resolution !== "cancelled") {
      const problem = gateProblem(after2, approvals, t.id, j.hasher, { required, labelsBefore: was?.labels });
      if (problem) out.push({ file, line: stateLine(), message: `${t.id} went to DONE, but ${problem}` });
    }
    if (was && lines.length === 0) {
      for (const key of [...TRACKED, ...BY_ACTION]) {
        const now = t.fields.find((f2) => f2.key === key)?.value;
        const then = was.fields.find((f2) => f2.key === key)?.value;
        if (now === then || handEditExplains(handAction, key, now)) continue;
        const f = after2.byId.get(t.id)?.section.fields.find((x) => x.key === key);
        out.push({
          file,
          line: f ? f.line + 1 : t.line,
          message: TRACKED.includes(key) ? `The ${key} of ${t.id} changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)` : `The ${key} of ${t.id} changed with no log line and no state change that sets it; ${key === "rework" ? "rework sets it (REVIEW -> DOING) and claim clears it" : "accept and cancel set it (-> DONE)"}`
        });
      }
    }
  }
  return replay;
}
function handEditExplains(action, key, now) {
  switch (action) {
    case "rework":
      return key === "rework" && now !== void 0;
    case "claim":
      return key === "rework" && now === void 0;
    case "accept":
      return key === "resolution" && now === "done";
    case "cancel":
      return key === "resolution" && now === "cancelled" || (key === "lease" || key === "rework") && now === void 0;
    // Stryker disable next-line ConditionalExpression: without the return, undefined is as false.
    default:
      return false;
  }
}
function selfAccept(actor, id) {
  return `${actor} worked on ${id} in its last DOING spell and may not accept it (four eyes)`;
}
function judgeHandTransition(t, from, committer, rolesOf, out, file, line2, actors) {
  const who = committer ?? "(no git user.email)";
  let candidates = TASK_ACTIONS.filter(
    (a) => a !== "recover" && MATRIX[a].from.includes(from) && MATRIX[a].to === t.state
  );
  if (t.state === "DONE") {
    candidates = t.resolution === "cancelled" ? ["cancel"] : from === "REVIEW" ? ["accept"] : [];
    if (candidates.length === 0) {
      out.push({
        file,
        line: line2,
        message: `${t.id} went from ${from} to DONE by hand: only a cancel does that, which also sets "resolution: cancelled" (taskgate cancel ${t.id})`
      });
      return void 0;
    }
  }
  if (candidates.length === 0) {
    out.push({
      file,
      line: line2,
      message: `${t.id} went from ${from} to ${t.state} by hand, which no single action does (PLAN -> READY -> DOING -> REVIEW -> DONE); use taskgate's commands`
    });
    return void 0;
  }
  const roles = rolesOf(committer);
  const allowed = candidates.find((a) => roles.includes(MATRIX[a].role));
  if (!allowed) {
    const needs = [...new Set(candidates.map((a) => MATRIX[a].role))].join(" or ");
    out.push({
      file,
      line: line2,
      message: roles.length === 0 ? `${who} has no roles in APPROVALS.md, so may not move ${t.id} from ${from} to ${t.state}` : `${who} (${roles.join(", ")}) may not move ${t.id} from ${from} to ${t.state}; that takes ${needs} (${candidates.join(" or ")})`
    });
    return void 0;
  }
  if (allowed === "accept" && committer && workersOf(t).some((w) => sameParty(actors, committer, w))) {
    out.push({ file, line: line2, message: selfAccept(committer, t.id) });
    return void 0;
  }
  return allowed === "recover" || allowed === "add" || allowed === "set" ? void 0 : allowed;
}
function lastLine3(ledger) {
  return ledger.doc.scan.lineStarts.length;
}
function judgeMerge(parents, after2, options) {
  const out = [];
  for (const v of judgeChange({}, after2, options)) if (!v.message.startsWith("Log line by")) out.push(v);
  if (out.some((v) => v.invalid)) return out;
  const committer = options.committer ?? "(no git user.email)";
  const actors = after2.approvals?.actors ?? /* @__PURE__ */ new Map();
  const norm = (e) => e.body.replace(/^(\S+ \S+ \S+ \S+ )\S+/, "$1*");
  for (const kind of ["tasks", "approvals"]) {
    const merged = after2[kind];
    if (!merged) continue;
    const file = merged.doc.file;
    const entries = readLog(merged.doc, merged.log, void 0).entries;
    const have = new Set(entries.map(norm));
    const fromParents = /* @__PURE__ */ new Set();
    for (const p of parents) {
      const l = p[kind];
      if (!l) continue;
      for (const e of readLog(l.doc, l.log, void 0).entries) {
        const body = norm(e);
        fromParents.add(body);
        if (!have.has(body))
          out.push({ file, line: lastLine3(merged), message: `The merge lost the log line "- ${e.body}"` });
      }
    }
    const explained = /* @__PURE__ */ new Set();
    for (const e of entries) {
      if (fromParents.has(norm(e))) continue;
      explained.add(e.target);
      const delegated = actors.get(e.actor)?.for !== void 0;
      if (!mayCommitAs(actors, options.committer, e.actor) && (delegated || !actors.get(e.actor)?.automation)) {
        out.push({
          file,
          line: e.line + 1,
          message: `Log line by ${e.actor} first appears in a merge by ${committer} (forged?)`
        });
      }
    }
    if (kind === "tasks") mergedTasks(parents, merged, explained, out);
    else mergedApprovals(parents, merged, explained, out);
  }
  const mergedTasksLedger = after2.tasks;
  if (mergedTasksLedger && parents.every((p) => p.tasks)) {
    const same3 = parents.some(
      (p) => policyChanges(p.tasks.policy, mergedTasksLedger.policy).length === 0
    );
    if (!same3)
      out.push({
        file: mergedTasksLedger.doc.file,
        line: 1,
        message: `The merge weakens the Policy (${GUARDED_POLICY_KEYS.join(", ")}) from both parents; weaken it through an approved request (taskgate policy request)`
      });
  }
  const mergedApprovalsLedger = after2.approvals;
  if (mergedApprovalsLedger && parents.every((p) => p.approvals)) {
    const hasher = options.hasher;
    const same3 = parents.some(
      (p) => rulesChange(p.approvals, mergedApprovalsLedger, hasher) === void 0
    );
    if (!same3)
      out.push({
        file: mergedApprovalsLedger.doc.file,
        line: mergedApprovalsLedger.rules?.line ?? 1,
        message: "The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)"
      });
  }
  return out;
}
function mergedTasks(parents, merged, explained, out) {
  const file = merged.doc.file;
  for (const t of merged.tasks) {
    if (explained.has(t.id)) continue;
    const sides = parents.map(
      (p) => p.tasks?.byId.get(t.id)?.task ?? p.tasks?.tasks.find((x) => x.title === t.title && x.state === t.state)
    ).filter((x) => x !== void 0);
    if (sides.length === 0) {
      if (t.state !== "PLAN" && t.state !== "READY") {
        out.push({
          file,
          line: t.line,
          message: `${t.id} is new in the merge and ${t.state}; a task starts in PLAN or READY`
        });
      }
      continue;
    }
    const field2 = (x, key) => x.fields.find((f) => f.key === key)?.value;
    const line2 = (key) => {
      const f = merged.byId.get(t.id)?.section.fields.find((x) => x.key === key);
      return f ? f.line + 1 : t.line;
    };
    if (!sides.some((x) => x.state === t.state)) {
      out.push({
        file,
        line: line2("state"),
        message: `${t.id} is ${t.state} in the merge, but ${sides.map((x) => x.state).join(" and ")} in its parents; a merge may only combine them`
      });
    }
    for (const key of TRACKED) {
      const now = field2(t, key);
      const then = sides.map((x) => field2(x, key));
      if (then.includes(now)) continue;
      if ((key === "fence" || key === "attempts") && now !== void 0) {
        const max = Math.max(...then.map((v) => Number(v ?? 0)));
        if (Number(now) === max) continue;
      }
      if (key === "workers" && now !== void 0) {
        const union = new Set(then.flatMap((v) => (v ?? "").split(",").map((w) => w.trim())));
        if (now.split(",").every((w) => union.has(w.trim()))) continue;
      }
      out.push({
        file,
        line: line2(key),
        message: `The ${key} of ${t.id} in the merge is in neither parent, and no log line explains it`
      });
    }
  }
}
function mergedApprovals(parents, merged, explained, out) {
  const file = merged.doc.file;
  for (const a of merged.approvals) {
    if (explained.has(a.id)) continue;
    const sides = parents.map((p) => p.approvals?.byId.get(a.id)?.approval).filter((x) => x !== void 0);
    if (sides.length && !sides.some((x) => x.status === a.status)) {
      out.push({
        file,
        line: a.line,
        message: `${a.id} is ${a.status} in the merge but not in either parent, and no log line explains it`
      });
    }
  }
  for (const actor of merged.actors.values()) {
    const sides = parents.map((p) => p.approvals?.actors.get(actor.name)).filter((x) => x !== void 0);
    const same3 = (x) => x.automation === actor.automation && x.roles.join(",") === actor.roles.join(",");
    if (!sides.some(same3) && !explained.has(actor.name)) {
      out.push({
        file,
        line: actor.line,
        message: `The roles of ${actor.name} in the merge are in neither parent; change roles through an approved request`
      });
    }
  }
}
var TRACKED, DATE, JSON_STRING2, PLAIN_LOG, BY_ACTION;
var init_judge = __esm({
  "src/rules/judge.ts"() {
    "use strict";
    init_document();
    init_log();
    init_tasks();
    init_time();
    init_gate();
    init_guarded_sections();
    init_identity();
    init_judge_approvals();
    init_judge_automation();
    init_judge_replay();
    init_matrix();
    init_workflow();
    TRACKED = ["lease", "fence", "workers", "attempts"];
    DATE = "\\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29";
    JSON_STRING2 = '"(?:[^"\\\\\\u0000-\\u001f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';
    PLAIN_LOG = new RegExp(
      `(?:- (?:${DATE})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z(?: [^\\s"]+){4}(?: [^\\s"=]+=(?:[^\\s"]|${JSON_STRING2})*)* ~ [0-9a-f]{12}(?:\\n|$)|\\n)*`,
      "y"
    );
    BY_ACTION = ["rework", "resolution"];
  }
});

// src/app/git-checks.ts
var git_checks_exports = {};
__export(git_checks_exports, {
  checkStaged: () => checkStaged,
  verifyRange: () => verifyRange
});
function where(ctx) {
  const top = findWorkTree((0, import_node_path13.dirname)((0, import_node_path13.resolve)(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const inRepo = (p) => {
    let abs = (0, import_node_path13.resolve)(p);
    try {
      abs = (0, import_node_fs15.realpathSync)(abs);
    } catch {
    }
    return (0, import_node_path13.relative)((0, import_node_fs15.realpathSync)(top), abs).split(import_node_path13.sep).join("/");
  };
  return { top, tasks: inRepo(ctx.paths.tasks), approvals: inRepo(ctx.paths.approvals) };
}
function readTasksLazily(file, text) {
  return readCleanTasks(file, text) ?? readTasks(file, text);
}
function ledgersOf(ctx, tasks, approvals, label2) {
  const t = ctx.paths.tasksDisplay;
  const a = ctx.paths.approvalsDisplay;
  return {
    tasks: tasks && readTasksLazily(t, decodeUtf8(`${label2}${t}`, tasks)),
    approvals: approvals && readApprovals(a, decodeUtf8(`${label2}${a}`, approvals))
  };
}
function asListed(ledgers, email, name) {
  const actors = ledgers.find((l) => l.approvals)?.approvals?.actors;
  return committerName(actors ?? /* @__PURE__ */ new Map(), { email, name });
}
function checkStaged(ctx) {
  const w = where(ctx);
  const [headT, indexT, headA, indexA] = gitBlobs(w.top, [
    `HEAD:${w.tasks}`,
    `:${w.tasks}`,
    `HEAD:${w.approvals}`,
    `:${w.approvals}`
  ]);
  const violations = [];
  const mergeHead = gitMergeHead(w.top);
  if (mergeHead) {
    const [theirsT, theirsA] = gitBlobs(w.top, [`${mergeHead}:${w.tasks}`, `${mergeHead}:${w.approvals}`]);
    const after3 = ledgersOf(ctx, indexT, indexA, "staged ");
    const parents = [ledgersOf(ctx, headT, headA, "HEAD:"), ledgersOf(ctx, theirsT, theirsA, "MERGE_HEAD:")];
    const ident2 = gitAuthor(w.top);
    const committer2 = ident2 && asListed([after3], ident2.email, ident2.name);
    const found = judgeMerge(parents, after3, { committer: committer2, hasher: ctx.ports.hasher, now: ctx.now });
    return { violations: found, invalid: found.some((v) => v.invalid) };
  }
  for (const [head, index, name] of [
    [headT, indexT, ctx.paths.tasksDisplay],
    [headA, indexA, ctx.paths.approvalsDisplay]
  ]) {
    if (head && !index) violations.push({ file: name, line: 1, message: `${name} is being deleted from git` });
  }
  const changed = (head, index) => !(head && index && head.equals(index));
  const [t, a] = [changed(headT, indexT), changed(headA, indexA)];
  if (!t && !a) return { violations, invalid: false };
  const after2 = ledgersOf(ctx, indexT, indexA, "staged ");
  const before = ledgersOf(ctx, headT, headA, "HEAD:");
  const ident = gitAuthor(w.top);
  const committer = ident && asListed([before, after2], ident.email, ident.name);
  violations.push(...judgeChange(before, after2, { committer, hasher: ctx.ports.hasher, now: ctx.now }));
  return { violations, invalid: violations.some((v) => v.invalid) };
}
function verifyRange(ctx, range, options = {}) {
  const w = where(ctx);
  let listing;
  try {
    listing = git(w.top, ["log", "--reverse", "--format=%H %P%x09%ae%x09%an%x09%ct", range, "--"]);
  } catch (e) {
    throw new UsageError(`git cannot read the range "${range}": ${e.message.split("\n")[0]}`);
  }
  const commits = listing.split("\n").filter(Boolean).map((l) => {
    const [ids = "", email = "", name = "", time = "0"] = l.split("	");
    const [sha = "", ...parents] = ids.split(" ");
    return { sha, parents, email, name, time: Number(time) * 1e3 };
  });
  const specs = commits.flatMap((c) => {
    const parent = c.parents[0];
    return [
      `${c.sha}:${w.tasks}`,
      `${c.sha}:${w.approvals}`,
      parent ? `${parent}:${w.tasks}` : "missing-parent",
      parent ? `${parent}:${w.approvals}` : "missing-parent"
    ];
  });
  const blobs = specs.length ? gitBlobs(w.top, specs) : [];
  const violations = [];
  let invalid = false;
  const toSign = /* @__PURE__ */ new Map();
  commits.forEach((c, i) => {
    const [t, a, pt, pa] = blobs.slice(i * 4, i * 4 + 4);
    if (!t && !a && !pt && !pa) return;
    const after2 = ledgersOf(ctx, t, a, `${c.sha.slice(0, 8)}:`);
    const before = ledgersOf(ctx, pt, pa, `${c.parents[0]?.slice(0, 8)}:`);
    const author = asListed([before, after2], c.email, c.name);
    const same3 = (x, y) => x && y ? x.equals(y) : x === y;
    const policyOn = before.tasks?.policy.signedCommits || after2.tasks?.policy.signedCommits;
    if ((options.signed || policyOn) && !(same3(t, pt) && same3(a, pa))) {
      const actors = (before.approvals ?? after2.approvals)?.actors ?? /* @__PURE__ */ new Map();
      const list = allowedSigners(actors);
      const file = !same3(t, pt) ? ctx.paths.tasksDisplay : ctx.paths.approvalsDisplay;
      toSign.set(list, [...toSign.get(list) ?? [], { sha: c.sha, author, file }]);
    }
    const found = c.parents.length > 1 ? judgeMergeCommit(ctx, c.parents, w, after2, author, c.time) : judgeChange(before, after2, { committer: author, hasher: ctx.ports.hasher, now: c.time });
    if (found.some((v) => v.invalid)) invalid = true;
    for (const v of found) violations.push({ ...v, commit: c.sha });
  });
  let signed = 0;
  for (const [list, group2] of toSign) {
    const sigs = gitSignatures(
      w.top,
      group2.map((g) => g.sha),
      list
    );
    for (const g of group2) {
      signed++;
      const problem = signatureProblem(sigs.get(g.sha) ?? { status: "N", signer: "", key: "" }, g.author);
      if (problem)
        violations.push({
          commit: g.sha,
          file: g.file,
          line: 1,
          message: `Commit ${g.sha.slice(0, 10)} changes the ledgers, but ${problem}`
        });
    }
  }
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  violations.sort((x, y) => (order.get(x.commit) ?? 0) - (order.get(y.commit) ?? 0));
  return { commits: commits.length, violations, invalid, signed };
}
function judgeMergeCommit(ctx, parents, w, after2, author, now) {
  const blobs = gitBlobs(
    w.top,
    parents.flatMap((p) => [`${p}:${w.tasks}`, `${p}:${w.approvals}`])
  );
  const sides = parents.map((p, j) => ledgersOf(ctx, blobs[j * 2], blobs[j * 2 + 1], `${p.slice(0, 8)}:`));
  return judgeMerge(sides, after2, { committer: author, hasher: ctx.ports.hasher, now });
}
var import_node_fs15, import_node_path13;
var init_git_checks = __esm({
  "src/app/git-checks.ts"() {
    "use strict";
    import_node_fs15 = require("node:fs");
    import_node_path13 = require("node:path");
    init_git();
    init_text();
    init_approvals();
    init_clean_ledger();
    init_tasks();
    init_identity();
    init_judge();
    init_errors();
  }
});

// src/app/staged-paths.ts
var staged_paths_exports = {};
__export(staged_paths_exports, {
  stagedPathWarnings: () => stagedPathWarnings
});
function stagedPathWarnings(ctx, cwd) {
  let top;
  let staged;
  try {
    top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
    staged = git(top, ["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACDMRTUXB"]).split("\0").filter(Boolean);
  } catch {
    return [];
  }
  if (!staged.length) return [];
  let held2;
  let actors;
  try {
    held2 = reservations(loadTasks(ctx));
    actors = loadApprovals(ctx)?.actors ?? /* @__PURE__ */ new Map();
  } catch {
    return [];
  }
  if (!held2.length) return [];
  const ident = gitAuthor(top);
  const committer = ident ? committerName(actors, ident) : void 0;
  const out = [];
  for (const { task } of held2) {
    const holder = task.lease?.holder;
    if (!holder || actorOfHolder(holder) === committer) continue;
    const globs = /* @__PURE__ */ new Set();
    const files = [];
    for (const f of staged) {
      const hit = pathsOf(task).filter((g) => globMatches(g, f));
      if (!hit.length) continue;
      files.push(f);
      for (const g of hit) globs.add(g.text);
    }
    if (!files.length) continue;
    const shown = files.slice(0, 5).join(", ") + (files.length > 5 ? `, and ${files.length - 5} more` : "");
    out.push({
      id: task.id,
      holder,
      globs: [...globs],
      files,
      message: `This commit touches ${shown}, which ${task.id} reserves (${[...globs].join(", ")}) and ${holder} holds; agree with ${actorOfHolder(holder)} before committing it (a warning: the commit is not refused)`
    });
  }
  return out;
}
var actorOfHolder;
var init_staged_paths = __esm({
  "src/app/staged-paths.ts"() {
    "use strict";
    init_git();
    init_identity();
    init_path_overlap();
    init_ledgers();
    actorOfHolder = (holder) => holder.slice(0, holder.lastIndexOf("@"));
  }
});

// src/rules/scheduler-units.ts
function shQuote(s) {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function unitPathProblem(u, scheduler) {
  const paths = [
    ["The repository folder", u.dir],
    ["The Node executable's path", u.node],
    ["taskgate's script path", u.bin]
  ];
  for (const [what, path] of paths) {
    const cp = forbiddenCharacter(path);
    if (cp !== void 0) {
      return `${what} ${JSON.stringify(path)} contains ${describeCharacter(cp)}, which no scheduler entry can hold safely; rename or move it, then run schedule install again`;
    }
  }
  if (scheduler === "systemd" && /[\s\\]$/.test(u.dir)) {
    return `The repository folder ${JSON.stringify(u.dir)} ends in a blank or a backslash, which a systemd unit file cannot hold in WorkingDirectory=; rename it, then run schedule install again`;
  }
  return void 0;
}
function cronQuote(s) {
  return s.split("%").map((part) => part === "" ? "" : shQuote(part)).join("\\%");
}
function cronLine(u) {
  const cmd = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(cronQuote).join(" ");
  return `${u.cron} ${cmd} # ${u.name}`;
}
function sdQuote(s) {
  const quoted = /^[A-Za-z0-9_./@+=:,-]+$/.test(s) ? s : `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return sdSpecifierLiteral(quoted).replace(/\$/g, "$$$$");
}
function systemdUnits(u) {
  const exec = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(sdQuote).join(" ");
  const service = `[Unit]
Description=taskgate watch --once for ${sdDescribed(u.dir)}

[Service]
Type=oneshot
WorkingDirectory=${sdSpecifierLiteral(u.dir)}
ExecStart=${exec}
`;
  const calendar = u.minutes < 60 ? `*-*-* *:00/${u.minutes}:00` : `*-*-* 00/${u.minutes / 60}:00:00`;
  const timer = `[Unit]
Description=Run taskgate watch --once every ${u.minutes < 60 ? `${u.minutes} minute${u.minutes === 1 ? "" : "s"}` : `${u.minutes / 60} hour${u.minutes === 60 ? "" : "s"}`} for ${sdDescribed(u.dir)}

[Timer]
OnCalendar=${calendar}
Persistent=true

[Install]
WantedBy=timers.target
`;
  return { service, timer };
}
function msQuote(s, always = true) {
  if (!always && s !== "" && !/[\s"]/.test(s)) return s;
  let out = '"';
  let backslashes = 0;
  for (const ch of s) {
    if (ch === "\\") {
      backslashes++;
      continue;
    }
    if (ch === '"') out += `${"\\".repeat(backslashes * 2 + 1)}"`;
    else out += `${"\\".repeat(backslashes)}${ch}`;
    backslashes = 0;
  }
  return `${out}${"\\".repeat(backslashes * 2)}"`;
}
function schtasksArgs(u) {
  const tr2 = `${msQuote(u.node)} ${msQuote(u.bin)} --dir ${msQuote(u.dir)} watch --once --quiet`;
  const { sc, mo } = schtasksSchedule(u.minutes);
  return ["/Create", "/F", "/TN", u.name, "/SC", sc, "/MO", String(mo), "/TR", tr2];
}
function schtasksCommand(u) {
  const [, , , name, ...rest] = schtasksArgs(u);
  const line2 = `schtasks /Create /F /TN ${msQuote(name)} ${rest.map((a) => msQuote(a, false)).join(" ")}`;
  return /[%!^&|<>]/.test(line2) ? line2.replace(CMD_SPECIAL, "^$&") : line2;
}
var sdSpecifierLiteral, sdDescribed, CMD_SPECIAL;
var init_scheduler_units = __esm({
  "src/rules/scheduler-units.ts"() {
    "use strict";
    init_values();
    init_windows();
    sdSpecifierLiteral = (s) => s.replace(/%/g, "%%");
    sdDescribed = (dir) => `"${sdSpecifierLiteral(dir)}"`;
    CMD_SPECIAL = /[%!^&|<>()"]/g;
  }
});

// src/app/hooks.ts
var hooks_exports2 = {};
__export(hooks_exports2, {
  END: () => END,
  START: () => START,
  installHook: () => installHook,
  withHookBlock: () => withHookBlock
});
function withHookBlock(existing, command) {
  const block = `${START}
${command} || exit $?
${END}
`;
  if (existing === void 0 || existing.trim() === "") return `#!/bin/sh
${block}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  if (start >= 0 && end > start) {
    const after2 = existing.indexOf("\n", end);
    return existing.slice(0, start) + block + (after2 === -1 ? "" : existing.slice(after2 + 1));
  }
  if (existing.startsWith("#!")) {
    const shell = /^#!\s*(?:\S*\/)?(?:env\s+)?(sh|bash|dash|zsh|ksh)\b/.exec(existing);
    if (!shell) {
      const first = existing.slice(0, existing.indexOf("\n") >>> 0);
      throw new RefusedError(
        `The pre-commit hook is not a shell script (${first}); add "${command}" to it yourself, or put it in a shell hook that runs both`
      );
    }
    const nl = existing.indexOf("\n");
    return nl === -1 ? `${existing}
${block}` : `${existing.slice(0, nl + 1)}${block}${existing.slice(nl + 1)}`;
  }
  return `#!/bin/sh
${block}${existing}`;
}
function installHook(ctx, bin) {
  const top = findWorkTree((0, import_node_path14.dirname)((0, import_node_path14.resolve)(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const hooks = (0, import_node_path14.resolve)(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim());
  (0, import_node_fs16.mkdirSync)(hooks, { recursive: true });
  const path = (0, import_node_path14.join)(hooks, "pre-commit");
  let existing;
  try {
    existing = (0, import_node_fs16.readFileSync)(path, "utf8");
  } catch {
    existing = void 0;
  }
  let binPath = (0, import_node_path14.resolve)(bin);
  try {
    binPath = (0, import_node_fs16.realpathSync)(binPath);
  } catch {
  }
  const command = [process.execPath, binPath, "check", "--staged"].map(shQuote).join(" ");
  const next2 = withHookBlock(existing, command);
  if (next2 !== existing) writeFileAtomic(path, Buffer.from(next2, "utf8"), hooks);
  (0, import_node_fs16.chmodSync)(path, 493);
  return { path, changed: next2 !== existing, added: existing !== void 0 && !existing.includes(START) };
}
var import_node_fs16, import_node_path14, START, END;
var init_hooks2 = __esm({
  "src/app/hooks.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    import_node_path14 = require("node:path");
    init_atomic_write();
    init_git();
    init_scheduler_units();
    init_errors();
    START = "# >>> taskgate: judge the staged ledgers (added by taskgate hook install) >>>";
    END = "# <<< taskgate <<<";
  }
});

// src/app/uninstall.ts
var uninstall_exports = {};
__export(uninstall_exports, {
  scheduleName: () => scheduleName,
  uninstallHook: () => uninstallHook,
  uninstallMergeDriver: () => uninstallMergeDriver,
  uninstallSchedule: () => uninstallSchedule,
  withoutHookBlock: () => withoutHookBlock
});
function topOf(ctx) {
  const top = findWorkTree((0, import_node_path15.dirname)((0, import_node_path15.resolve)(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  return top;
}
function withoutHookBlock(text) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return text;
  const after2 = text.indexOf("\n", end);
  const rest = text.slice(0, start) + (after2 === -1 ? "" : text.slice(after2 + 1));
  return /^(#![^\n]*\n?)?\s*$/.test(rest) ? void 0 : rest;
}
function uninstallHook(ctx) {
  const top = topOf(ctx);
  const hooks = (0, import_node_path15.resolve)(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim());
  const path = (0, import_node_path15.join)(hooks, "pre-commit");
  if (!(0, import_node_fs17.existsSync)(path)) return `${path} does not exist: nothing to remove`;
  const text = (0, import_node_fs17.readFileSync)(path, "utf8");
  if (!text.includes(START)) return `${path} does not run taskgate check --staged: nothing to remove`;
  const next2 = withoutHookBlock(text);
  if (next2 === void 0) {
    (0, import_node_fs17.unlinkSync)(path);
    return `Removed ${path} (it ran only taskgate check --staged)`;
  }
  writeFileAtomic(path, Buffer.from(next2, "utf8"), hooks);
  return `Removed taskgate check --staged from ${path} (its own commands are kept)`;
}
function uninstallMergeDriver(ctx) {
  const top = topOf(ctx);
  const done = [];
  const attributes = (0, import_node_path15.join)(top, ".gitattributes");
  if ((0, import_node_fs17.existsSync)(attributes)) {
    const text = (0, import_node_fs17.readFileSync)(attributes, "utf8");
    const lines = text.split(/\r?\n/);
    const kept = lines.filter((l) => !/^\S+\s+merge=taskgate\s*$/.test(l));
    if (kept.length < lines.length) {
      const next2 = kept.join("\n").replace(/^\n+$/, "");
      if (next2.trim() === "") (0, import_node_fs17.rmSync)(attributes);
      else (0, import_node_fs17.writeFileSync)(attributes, next2.endsWith("\n") ? next2 : `${next2}
`);
      done.push(
        `Removed ${lines.length - kept.length} merge=taskgate line${lines.length - kept.length === 1 ? "" : "s"} from ${attributes}`
      );
    }
  }
  if (gitConfig(top, "merge.taskgate.driver") !== void 0 || gitConfig(top, "merge.taskgate.name") !== void 0) {
    git(top, ["config", "--remove-section", "merge.taskgate"]);
    done.push("Removed merge.taskgate from this clone's git config (other clones keep theirs until they run this too)");
  }
  if (done.length === 0) done.push("No merge driver of taskgate here: nothing to remove");
  return done;
}
function scheduleName(ctx) {
  return `taskgate-watch-${shortHash((0, import_node_path15.dirname)((0, import_node_path15.resolve)(ctx.paths.tasks)))}`;
}
function uninstallSchedule(ctx, scheduler, env2) {
  const name = scheduleName(ctx);
  if (scheduler === "windows") {
    return [`schtasks /Delete /F /TN "${name}"`];
  }
  if (scheduler === "cron") {
    const list = (0, import_node_child_process5.spawnSync)("crontab", ["-l"], { encoding: "utf8" });
    if (list.error)
      throw new RefusedError("crontab is not installed here; remove the line from your scheduler yourself");
    const current = list.status === 0 ? list.stdout : "";
    const lines = current.split("\n").filter((l) => l !== "");
    const kept = lines.filter((l) => !l.endsWith(`# ${name}`));
    if (kept.length === lines.length)
      return [`Your crontab has no line for this repository (${name}): nothing to remove`];
    (0, import_node_child_process5.execFileSync)("crontab", ["-"], {
      input: kept.length ? `${kept.join("\n")}
` : "",
      stdio: ["pipe", "ignore", "pipe"]
    });
    return [`Removed this repository's line (${name}) from your crontab`];
  }
  const dir = (0, import_node_path15.join)(env2.XDG_CONFIG_HOME || (0, import_node_path15.join)((0, import_node_os6.homedir)(), ".config"), "systemd", "user");
  const files = [`${name}.timer`, `${name}.service`].map((f) => (0, import_node_path15.join)(dir, f));
  if (!files.some((f) => (0, import_node_fs17.existsSync)(f)))
    return [`No user units ${name}.timer or .service in ${dir}: nothing to remove`];
  const done = [];
  const disable = (0, import_node_child_process5.spawnSync)("systemctl", ["--user", "disable", "--now", `${name}.timer`], { encoding: "utf8" });
  if (disable.status === 0) done.push(`Stopped and disabled ${name}.timer`);
  for (const f of files) if ((0, import_node_fs17.existsSync)(f)) (0, import_node_fs17.rmSync)(f);
  done.push(`Removed ${files[0]} and ${name}.service`);
  const reload = (0, import_node_child_process5.spawnSync)("systemctl", ["--user", "daemon-reload"], { encoding: "utf8" });
  if (disable.status !== 0 || reload.status !== 0)
    done.push(
      `systemctl --user could not be reached here; where it runs: systemctl --user disable --now ${name}.timer; systemctl --user daemon-reload`
    );
  return done;
}
var import_node_child_process5, import_node_fs17, import_node_os6, import_node_path15;
var init_uninstall = __esm({
  "src/app/uninstall.ts"() {
    "use strict";
    import_node_child_process5 = __toESM(require_node_child_process(), 1);
    import_node_fs17 = require("node:fs");
    import_node_os6 = require("node:os");
    import_node_path15 = require("node:path");
    init_atomic_write();
    init_git();
    init_places();
    init_errors();
    init_hooks2();
  }
});

// src/rules/merge.ts
function model(kind, text) {
  const doc2 = readLedgerText(kind, "merge", text);
  const line2 = (start, end) => text.slice(start, end).replace(/\r?\n$/, "");
  const first = doc2.sections[0]?.start ?? text.length;
  const counts = /* @__PURE__ */ new Map();
  const sections = [];
  let logSection;
  let log = [];
  for (const s of doc2.sections) {
    const base = s.kind === "entry" ? s.id : `${s.kind}:${s.name}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    const headingEnd = text.indexOf("\n", s.start);
    const heading = line2(s.start, headingEnd === -1 ? text.length : headingEnd);
    const fields = s.fields.map((f) => ({ key: f.key, line: line2(f.start, f.end) }));
    const bodyStart = s.fields.length ? s.fieldsEnd : headingEnd === -1 ? s.end : Math.min(headingEnd + 1, s.end);
    const body = splitLines(text.slice(bodyStart, s.end));
    const m = { key, id: s.id, heading, fields, body };
    if (s.kind === "reserved" && s.name === "Log" && !logSection) {
      logSection = m;
      log = body.filter((l) => l.trim() !== "");
    }
    sections.push(m);
  }
  return {
    bom: doc2.bomLength ? "\uFEFF" : "",
    eol: doc2.eol,
    finalNewline: text.endsWith("\n"),
    preamble: splitLines(text.slice(doc2.bomLength, first)),
    sections,
    log,
    logSection
  };
}
function mergeLines(base, ours, theirs, c) {
  const j = (x) => x.join("\n");
  if (j(ours) === j(theirs) || j(theirs) === j(base)) return [...ours];
  if (j(ours) === j(base)) return [...theirs];
  let head = 0;
  while (head < ours.length && head < theirs.length && ours[head] === theirs[head]) head++;
  let tail = 0;
  while (tail < ours.length - head && tail < theirs.length - head && ours[ours.length - 1 - tail] === theirs[theirs.length - 1 - tail])
    tail++;
  return [
    ...ours.slice(0, head),
    ...c.hunk(ours.slice(head, ours.length - tail), theirs.slice(head, theirs.length - tail)),
    ...ours.slice(ours.length - tail)
  ];
}
function mergeFieldValue(key, ours, theirs) {
  const replace = (line2, value) => line2.replace(/^([-*+][ \t]+[^:]*:)[ \t]*.*$/, `$1 ${value}`);
  const a = fieldValue(ours);
  const b = fieldValue(theirs);
  if ((key === "fence" || key === "attempts") && /^\d+$/.test(a) && /^\d+$/.test(b)) {
    return Number(a) >= Number(b) ? ours : theirs;
  }
  if (key === "workers") {
    const names = [...a.split(","), ...b.split(",")].map((s) => s.trim()).filter(Boolean);
    return replace(ours, [...new Set(names)].join(", "));
  }
  return void 0;
}
function mergeSection(base, ours, theirs, c) {
  if (same2(ours, theirs) || same2(theirs, base)) return ours;
  if (same2(ours, base)) return theirs;
  const b = base ?? { key: ours.key, id: ours.id, heading: ours.heading, fields: [], body: [] };
  const heading = mergeLines([b.heading], [ours.heading], [theirs.heading], c);
  const keys = [...ours.fields.map((f) => f.key)];
  for (const f of theirs.fields) if (!keys.includes(f.key)) keys.push(f.key);
  const fields = [];
  const find = (s, k) => s.fields.find((f) => f.key === k)?.line;
  for (const key of keys) {
    const [o, t, bb] = [find(ours, key), find(theirs, key), find(b, key)];
    let lines;
    if (o === t || t === bb) lines = o === void 0 ? [] : [o];
    else if (o === bb) lines = t === void 0 ? [] : [t];
    else {
      const merged = o !== void 0 && t !== void 0 ? mergeFieldValue(key, o, t) : void 0;
      lines = merged !== void 0 ? [merged] : c.hunk(o === void 0 ? [] : [o], t === void 0 ? [] : [t]);
    }
    for (const line2 of lines) fields.push({ key, line: line2 });
  }
  const body = mergeLines(b.body, ours.body, theirs.body, c);
  return { key: ours.key, id: ours.id, heading: heading.join("\n"), fields, body };
}
function renumberSection(s, ids) {
  const swap = (text) => text.replace(/\b([A-Z]+-\d+)\b/g, (m) => ids.get(m) ?? m);
  const id = s.id ? ids.get(s.id) ?? s.id : void 0;
  const heading = s.id && id !== s.id ? s.heading.replace(s.id, id) : s.heading;
  const fields = s.fields.map(
    (f) => f.key === "depends" || f.key === "supersedes" || f.key === "subject" ? { ...f, line: swap(f.line) } : f
  );
  return { key: id ?? s.key, id, heading, fields, body: s.body };
}
function mergeLedger(kind, baseText, oursText, theirsText, hasher) {
  const base = model(kind, baseText);
  const ours = model(kind, oursText);
  const theirs = model(kind, theirsText);
  const c = new Conflicts();
  const byKey = (d) => new Map(d.sections.map((s) => [s.key, s]));
  const B = byKey(base);
  const O = byKey(ours);
  const renumbered = /* @__PURE__ */ new Map();
  let max = 0;
  for (const d of [ours, theirs, base])
    for (const s of d.sections) {
      const m = s.id ? ID.exec(s.id) : null;
      if (m) max = Math.max(max, Number(m[2]));
    }
  for (const s of theirs.sections) {
    if (!s.id || B.has(s.key)) continue;
    const o = O.get(s.key);
    if (o && !B.has(s.key) && !same2(o, s)) {
      const prefix = ID.exec(s.id)[1];
      renumbered.set(s.id, `${prefix}-${++max}`);
    }
  }
  const theirsSections = theirs.sections.map((s) => renumbered.size ? renumberSection(s, renumbered) : s);
  const T2 = new Map(theirsSections.map((s) => [s.key, s]));
  const out = [];
  for (const o of ours.sections) {
    if (o === ours.logSection) {
      out.push(o);
      continue;
    }
    const b = B.get(o.key);
    const t = T2.get(o.key);
    if (t) out.push(mergeSection(b, o, t, c));
    else if (!b)
      out.push(o);
    else if (same2(o, b))
      continue;
    else out.push(o);
  }
  for (let i = 0; i < theirsSections.length; i++) {
    const t = theirsSections[i];
    if (O.has(t.key) || t.key === theirs.logSection?.key) continue;
    const b = B.get(theirs.sections[i].key);
    if (b && same2(t, b)) continue;
    let at = ours.logSection ? out.indexOf(ours.logSection) : -1;
    if (t.id) {
      let lastEntry = -1;
      out.forEach((s, k) => {
        if (s.id) lastEntry = k;
      });
      if (lastEntry >= 0) at = lastEntry + 1;
    }
    for (let k = i - 1; k >= 0 && !t.id; k--) {
      const prev = out.findIndex((s) => s.key === theirsSections[k].key);
      if (prev >= 0) {
        at = prev + 1;
        break;
      }
    }
    if (at < 0) at = out.length;
    out.splice(at, 0, t);
  }
  const common = base.log;
  const newLines = (d) => {
    const prefix = common.every((l, k) => d.log[k] === l);
    if (prefix) return d.log.slice(common.length);
    const known = new Set(common);
    return d.log.filter((l) => !known.has(l));
  };
  const swapTarget = (line2) => renumbered.size ? line2.replace(
    /^([-*+] \S+ \S+ \S+ \S+ )(\S+)/,
    (m, head, id) => renumbered.has(id) ? head + renumbered.get(id) : m
  ) : line2;
  const timed = (line2, side, k) => {
    const p = parseLogLine(line2, 0);
    return {
      line: line2,
      side,
      k,
      time: p.ok ? p.entry.time : Number.POSITIVE_INFINITY,
      body: p.ok ? p.entry.body : void 0
    };
  };
  const incoming = [
    ...newLines(ours).map((l, k) => timed(l, 0, k)),
    ...newLines(theirs).map((l, k) => timed(swapTarget(l), 1, k))
  ].sort((x, y) => x.time - y.time || x.side - y.side || x.k - y.k);
  const oursBodies = /* @__PURE__ */ new Map();
  for (const x of incoming)
    if (x.side === 0 && x.body !== void 0) oursBodies.set(x.body, (oursBodies.get(x.body) ?? 0) + 1);
  const lastCommon = common.length ? parseLogLine(common[common.length - 1], 0) : void 0;
  let previous = lastCommon?.ok ? lastCommon.entry.hash : "";
  const merged = [...common];
  for (const x of incoming) {
    if (x.body === void 0) {
      merged.push(x.line);
      continue;
    }
    if (x.side === 1) {
      const n = oursBodies.get(x.body) ?? 0;
      if (n > 0) {
        oursBodies.set(x.body, n - 1);
        continue;
      }
    }
    const marker = x.line.slice(0, x.line.indexOf(" "));
    const hash2 = chainHash(hasher, previous, x.body);
    merged.push(`${marker} ${x.body} ~ ${hash2}`);
    previous = hash2.slice(0, HASH_LENGTH);
  }
  const eol = ours.eol;
  const lines = [...mergeLines(base.preamble, ours.preamble, theirs.preamble, c)];
  for (const s of out) {
    if (s === ours.logSection) {
      const firstLine = s.body.findIndex((l) => l.trim() !== "");
      lines.push(s.heading, ...s.body.slice(0, firstLine < 0 ? s.body.length : firstLine), ...merged);
      continue;
    }
    lines.push(...render(s));
  }
  if (!ours.logSection && merged.length) lines.push("## Log", "", ...merged);
  const text = ours.bom + lines.join(eol) + (ours.finalNewline || lines.length === 0 ? eol : "");
  return { text, conflicts: c.count, renumbered };
}
var splitLines, render, same2, Conflicts, fieldValue, ID;
var init_merge = __esm({
  "src/rules/merge.ts"() {
    "use strict";
    init_document();
    init_log();
    splitLines = (s) => {
      if (s === "") return [];
      const lines = s.split(/\r?\n/);
      if (lines[lines.length - 1] === "") lines.pop();
      return lines;
    };
    render = (s) => [s.heading, ...s.fields.map((f) => f.line), ...s.body];
    same2 = (a, b) => a === b || a !== void 0 && b !== void 0 && render(a).join("\n") === render(b).join("\n");
    Conflicts = class {
      count = 0;
      hunk(ours, theirs) {
        this.count++;
        return ["<<<<<<< ours", ...ours, "=======", ...theirs, ">>>>>>> theirs"];
      }
    };
    fieldValue = (line2) => line2.replace(/^[-*+][ \t]+[^:]*:[ \t]*/, "").trim();
    ID = /^([A-Za-z]+)-(\d+)$/;
  }
});

// src/app/merge-driver.ts
var merge_driver_exports = {};
__export(merge_driver_exports, {
  installMergeDriver: () => installMergeDriver,
  mergeFiles: () => mergeFiles
});
function mergeFiles(base, ours, theirs, path) {
  const kind = (0, import_node_path16.basename)(path ?? ours).toUpperCase() === "APPROVALS.MD" ? "approvals" : "tasks";
  try {
    const text = (p) => decodeUtf8(p, (0, import_node_fs18.readFileSync)(p));
    const r = mergeLedger(kind, text(base), text(ours), text(theirs), sha256Hex);
    (0, import_node_fs18.writeFileSync)(ours, r.text);
    return r.conflicts;
  } catch {
    try {
      git((0, import_node_path16.dirname)((0, import_node_path16.resolve)(ours)), ["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]);
      return 0;
    } catch {
      return 1;
    }
  }
}
function installMergeDriver(ctx, bin) {
  const top = findWorkTree((0, import_node_path16.dirname)((0, import_node_path16.resolve)(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const inRepo = (p) => (0, import_node_path16.relative)((0, import_node_fs18.realpathSync)(top), (0, import_node_fs18.realpathSync)((0, import_node_path16.resolve)(p))).split(import_node_path16.sep).join("/");
  let binPath = (0, import_node_path16.resolve)(bin);
  try {
    binPath = (0, import_node_fs18.realpathSync)(binPath);
  } catch {
  }
  git(top, ["config", "merge.taskgate.name", "taskgate: three-way merge of TASKS.md and APPROVALS.md"]);
  git(top, [
    "config",
    "merge.taskgate.driver",
    `${[process.execPath, binPath].map(shQuote).join(" ")} merge-file %O %A %B %P`
  ]);
  const attributes = (0, import_node_path16.join)(top, ".gitattributes");
  let text = "";
  try {
    text = (0, import_node_fs18.readFileSync)(attributes, "utf8");
  } catch {
  }
  const added = [];
  for (const p of [ctx.paths.tasks, ctx.paths.approvals]) {
    const line2 = `/${inRepo(p).replace(/ /g, "[[:space:]]")} merge=taskgate`;
    if (text.split(/\r?\n/).includes(line2)) continue;
    text = `${text}${text && !text.endsWith("\n") ? "\n" : ""}${line2}
`;
    added.push(line2);
  }
  if (added.length) (0, import_node_fs18.writeFileSync)(attributes, text);
  return { attributes, added };
}
var import_node_fs18, import_node_path16;
var init_merge_driver = __esm({
  "src/app/merge-driver.ts"() {
    "use strict";
    import_node_fs18 = require("node:fs");
    import_node_path16 = require("node:path");
    init_git();
    init_hash();
    init_text();
    init_merge();
    init_scheduler_units();
    init_errors();
  }
});

// src/ledger/lint.ts
var lint_exports = {};
__export(lint_exports, {
  lintLedger: () => lintLedger
});
function lintLedger(kind, file, text, hasher) {
  const ledger = kind === "tasks" ? readTasks(file, text) : readApprovals(file, text);
  const log = readLog(ledger.doc, ledger.log, hasher);
  return {
    ledger,
    log: log.entries,
    diagnostics: [...ledger.diagnostics, ...log.diagnostics].sort(compareDiagnostics)
  };
}
var init_lint = __esm({
  "src/ledger/lint.ts"() {
    "use strict";
    init_diagnostic();
    init_approvals();
    init_log();
    init_tasks();
  }
});

// src/ledger/oracle.ts
var oracle_exports = {};
__export(oracle_exports, {
  compareWithRemark: () => compareWithRemark,
  readerOutline: () => readerOutline,
  remarkOutline: () => remarkOutline
});
function remarkOutline(text) {
  const tree = (0, import_remark.unified)().use(import_remark.remarkParse).parse(text);
  const shift = text.charCodeAt(0) === 65279 ? 1 : 0;
  const inline = (node) => {
    const kids = node.children ?? [];
    const first = kids[0]?.position?.start.offset;
    const last = kids[kids.length - 1]?.position?.end.offset;
    return first === void 0 || last === void 0 ? "" : text.slice(first + shift, last + shift);
  };
  const out = [];
  const children = tree.children ?? [];
  let started = false;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type !== "heading" || (node.depth ?? 0) > 2 || !node.position) continue;
    if (node.position.end.line !== node.position.start.line) continue;
    if (node.depth === 1 && !started) continue;
    started = true;
    const heading = inline(node);
    const items = [];
    let expected = node.position.start.line + 1;
    for (let j = i + 1; j < children.length; j++) {
      const list = children[j];
      if (list.type !== "list" || list.position?.start.line !== expected) break;
      let complete = true;
      for (const item of list.children ?? []) {
        const para = item.children?.[0];
        if (item.position?.start.line !== expected || !para || para.type !== "paragraph" || !para.position) {
          complete = false;
          break;
        }
        if (para.position.end.line !== para.position.start.line) {
          complete = false;
          break;
        }
        items.push({ line: expected, text: inline(para) });
        expected++;
        if (item.position.end.line !== item.position.start.line) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
    }
    out.push({ heading, line: node.position.start.line, items });
  }
  return out;
}
function readerOutline(doc2) {
  return doc2.sections.map((s) => {
    const items = [];
    const isLog = s.kind === "reserved" && s.name === "Log";
    if (isLog) {
      for (let ln = s.headingLine + 1, last = lastLineOf(doc2, s); ln <= last; ln++) {
        const t = doc2.text.slice(doc2.scan.lineStarts[ln], doc2.scan.lineEnds[ln]);
        if (t.trim() === "") break;
        items.push({ line: ln + 1, text: t.replace(/^[-*+][ \t]+/, "").replace(/[ \t]+$/, "") });
      }
    } else {
      for (const f of s.fields) {
        const t = doc2.text.slice(f.start, f.end);
        items.push({ line: f.line + 1, text: t.replace(/^[-*+][ \t]+/, "").replace(/[ \t]+$/, "") });
      }
    }
    return { heading: s.name, line: s.headingLine + 1, items };
  });
}
function inlineLoad(text) {
  let total = 0;
  let most = 0;
  let mostLine = 1;
  let count = 0;
  let paraLine = 1;
  const close = (nextLine) => {
    total += count * count;
    if (count > most) {
      most = count;
      mostLine = paraLine;
    }
    count = 0;
    paraLine = nextLine;
  };
  for (let start = 0, line2 = 1; start <= text.length; line2++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let p = start;
    while (p < end && p - start < 3 && text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    const next2 = text.charCodeAt(p + 1);
    if (text.slice(p, end).trim() === "") close(line2 + 1);
    else {
      if (c === 35 || c === 62 || (c === 45 || c === 42 || c === 43) && (next2 === 32 || next2 === 9)) close(line2);
      for (let q = p; q < end; q++) {
        const d = text.charCodeAt(q);
        if (d === 42 || d === 95 || d === 91 || d === 93 || d === 60) count++;
      }
    }
    start = end + 1;
  }
  close(0);
  return { total, most, line: mostLine };
}
function compareWithRemark(doc2) {
  if (doc2.scan.tooDeep) return [];
  const busy = inlineLoad(doc2.text);
  if (busy.total > INLINE_BUDGET) {
    return [
      {
        severity: "error",
        file: doc2.file,
        line: busy.line,
        column: 1,
        code: "strict-too-complex",
        message: `Expected text that remark reads in bounded time, found ${busy.most} brackets, emphasis marks and "<" in the paragraph here (remark's time grows with their square), so check --strict did not compare this file; the line reader does not read them`
      }
    ];
  }
  const ours = readerOutline(doc2);
  const theirs = remarkOutline(doc2.text);
  const out = [];
  const report = (line2, message) => out.push({ severity: "error", file: doc2.file, line: line2, column: 1, code: "reader-disagrees", message });
  const max = Math.max(ours.length, theirs.length);
  for (let i = 0; i < max; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (!a || !b || a.line !== b.line || a.heading !== b.heading) {
      report(
        (a ?? b)?.line ?? 1,
        `Markdown (remark) sees ${b ? `the section "${b.heading}" at line ${b.line}` : "no section"} here, taskgate sees ${a ? `"${a.heading}" at line ${a.line}` : "none"}; simplify the Markdown around it`
      );
      break;
    }
    for (let k = 0; k < a.items.length; k++) {
      const x = a.items[k];
      const y = b.items[k];
      if (!x || !y || x.line !== y.line || x.text !== y.text) {
        report(
          x?.line ?? a.line,
          `Markdown (remark) reads this line as ${y ? `"${y.text}"` : "no list item"}, taskgate as "${x?.text}"`
        );
        break;
      }
    }
  }
  return out;
}
var import_remark, INLINE_BUDGET;
var init_oracle = __esm({
  "src/ledger/oracle.ts"() {
    "use strict";
    import_remark = require("./vendor-remark.cjs");
    init_document();
    INLINE_BUDGET = 2e7;
  }
});

// src/app/check.ts
var check_exports = {};
__export(check_exports, {
  checkLedgers: () => checkLedgers
});
async function checkLedgers(ctx, options = {}) {
  const { paths, ports } = ctx;
  const tasksText2 = ports.readText(paths.tasks);
  if (tasksText2 === void 0) throw missingLedger(ctx, "tasks");
  const approvalsText = ports.readText(paths.approvals);
  if (approvalsText === void 0) throw missingLedger(ctx, "approvals");
  const tasks = lintLedger("tasks", paths.tasksDisplay, tasksText2, ports.hasher);
  const approvals = lintLedger("approvals", paths.approvalsDisplay, approvalsText, ports.hasher);
  const diagnostics = [...tasks.diagnostics, ...approvals.diagnostics];
  for (const l of [tasks, approvals]) {
    const future = l.log.find((e) => e.time > ctx.now + 5 * 6e4);
    if (future) {
      diagnostics.push({
        severity: "warning",
        file: l.ledger.doc.file,
        line: future.line + 1,
        column: 3,
        code: "log-in-future",
        message: "This log line is dated in the future (is a clock wrong?)"
      });
    }
  }
  const { actors } = approvals.ledger;
  const reported = /* @__PURE__ */ new Set();
  for (const t of tasks.ledger.tasks) {
    if (t.assignee === void 0 || actors.has(t.assignee) || reported.has(t.assignee)) continue;
    reported.add(t.assignee);
    diagnostics.push({
      severity: "warning",
      file: paths.tasksDisplay,
      line: t.line,
      column: 1,
      code: "unknown-assignee",
      message: `${t.id} is assigned to ${t.assignee}, who has no roles in ${paths.approvalsDisplay}`
    });
  }
  const rules = parseRules(paths.approvalsDisplay, approvals.ledger.rules);
  diagnostics.push(...rules.diagnostics);
  const sla = tasks.ledger.policy.approvalSla;
  for (const a of approvals.ledger.approvals) {
    const at = { file: paths.approvalsDisplay, line: a.line, column: 1 };
    if (isStale(tasks.ledger, a, ports.hasher)) {
      diagnostics.push({
        ...at,
        severity: "warning",
        code: "stale-approval",
        message: `${a.id} was approved, but ${a.subject} changed since, so it no longer counts (stale); request a new approval`
      });
    }
    if (a.status === "pending" && a.subject !== void 0 && /^T-/.test(a.subject) && !tasks.ledger.byId.has(a.subject)) {
      diagnostics.push({
        ...at,
        severity: "warning",
        code: "unknown-subject",
        message: `${a.id} asks about ${a.subject}, which is not in ${paths.tasksDisplay}`
      });
    }
    if (a.status === "pending" && a.requestedAt !== void 0 && ctx.now - a.requestedAt > sla) {
      diagnostics.push({
        ...at,
        severity: options.sla ? "error" : "warning",
        code: "approval-sla",
        message: `${a.id} has waited ${formatAge(ctx.now - a.requestedAt)}, past the approval SLA of ${formatDuration(sla)}`
      });
    }
  }
  if (tasks.ledger.schedules.length) {
    const { scheduleDiagnostics: scheduleDiagnostics2 } = await Promise.resolve().then(() => (init_schedules(), schedules_exports));
    diagnostics.push(...scheduleDiagnostics2(paths.tasksDisplay, tasks.ledger.schedules));
  }
  const hooks = sectionByName(tasks.ledger.doc, "Hooks");
  if (hooks) {
    const { hookDiagnostics: hookDiagnostics2 } = await Promise.resolve().then(() => (init_hooks(), hooks_exports));
    diagnostics.push(...hookDiagnostics2(paths.tasksDisplay, schedulesOf(hooks)));
  }
  if (options.strict) {
    const { compareWithRemark: compareWithRemark2 } = await Promise.resolve().then(() => (init_oracle(), oracle_exports));
    diagnostics.push(...compareWithRemark2(tasks.ledger.doc), ...compareWithRemark2(approvals.ledger.doc));
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, files: [paths.tasksDisplay, paths.approvalsDisplay] };
}
var init_check = __esm({
  "src/app/check.ts"() {
    "use strict";
    init_document();
    init_lint();
    init_tasks();
    init_diagnostic();
    init_time();
    init_approval_rules();
    init_gate();
    init_ledgers();
  }
});

// src/rules/filter.ts
function matcher(f) {
  if (!f.states?.length && !f.labels?.length && f.assignee === void 0 && f.phase === void 0) return void 0;
  return (t) => (!f.states?.length || f.states.includes(t.state)) && (!f.labels?.length || f.labels.every((l) => t.labels.includes(l))) && (f.assignee === void 0 || t.assignee === f.assignee) && (f.phase === void 0 || phaseOf(t) === f.phase);
}
var init_filter = __esm({
  "src/rules/filter.ts"() {
    "use strict";
    init_phases();
  }
});

// src/app/views.ts
var views_exports = {};
__export(views_exports, {
  listRows: () => listRows,
  listView: () => listView,
  rowsOfTasks: () => rowsOfTasks,
  showView: () => showView,
  statusView: () => statusView
});
function statusView(ctx) {
  const { ports } = ctx;
  const sources = statusSources(ctx);
  if (!sources) throw missingLedger(ctx, "tasks");
  const [tasksFile, approvalsFile] = sources;
  let memo = statusMemo(ctx, sources);
  if (!memo) {
    const approvals = approvalsFile ? parseApprovals(ctx, approvalsFile.text) : void 0;
    const approvalList = approvals?.approvals ?? [];
    const scanned = scanCleanTasks(tasksFile.text);
    const clean2 = scanned?.blocked.some((id) => DEAD_LETTER_FIELD.test(scanned.entryText(id) ?? "")) ? void 0 : scanned;
    let facts;
    let diagnostics;
    let phases = [];
    if (clean2) {
      diagnostics = approvals?.diagnostics ?? [];
      facts = statusFacts(clean2, approvalList, clean2.policy, (a) => {
        const entry = a.subject === void 0 ? void 0 : clean2.entryText(a.subject);
        return entry !== void 0 && isStale(parseTasks(ctx, entry), a, ports.hasher);
      });
    } else {
      const tasks = parseTasks(ctx, tasksFile.text);
      diagnostics = [...tasks.diagnostics, ...approvals?.diagnostics ?? []];
      facts = statusFacts(tasks.tasks, approvalList, tasks.policy, (a) => isStale(tasks, a, ports.hasher));
      const found = readPhases(tasks.doc, []);
      if (found.length) phases = phaseProgress(found, tasks.tasks);
    }
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    memo = {
      phases,
      facts,
      errors,
      warnings: diagnostics.length - errors,
      approvalsFound: approvals !== void 0,
      // Kept with the rest: a status the memo answers reads no text (a search of 16 MB for this
      // heading, after decoding it, was a third of a status at 50,000 tasks).
      hasHooks: HOOKS_HEADING.test(tasksFile.text)
    };
    ports.memo?.put(STATUS_MEMO, sources, memo);
  }
  return statusOf(memo, ctx.now);
}
function listView(ctx, filter) {
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  return { tasks: tasksOf(ledger, matcher(filter)), diagnostics: ledger.diagnostics };
}
function rowsOfTasks(tasks) {
  return {
    count: tasks.length,
    ids: tasks.map((t) => t.id),
    forEach(each) {
      for (const t of tasks) each({ plain: null, line: t.line, task: () => t });
    }
  };
}
function listRows(ctx, filter) {
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  const keep = matcher(filter);
  const clean2 = cleanScanOf(ledger);
  if (!clean2) return { ...rowsOfTasks(tasksOf(ledger, keep)), diagnostics: ledger.diagnostics };
  const cursor = new ListRowCursor(ledger.doc.text);
  let ranges = clean2.sections().filter((r) => r.id !== void 0);
  if (keep) ranges = ranges.filter((r) => keep(cursor.moveTo(r.start, r.end).task()));
  return {
    count: ranges.length,
    get ids() {
      return ranges.map((r) => r.id);
    },
    forEach(each) {
      for (const r of ranges) each(cursor.moveTo(r.start, r.end));
    },
    diagnostics: ledger.diagnostics
  };
}
function showView(ctx, id) {
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  const found = ledger.byId.get(id);
  if (!found) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const { section } = found;
  const text = ledger.doc.text.slice(section.start, section.end).replace(/(\r?\n)+$/, "");
  const body = ledger.doc.text.slice(section.fieldsEnd, section.end).replace(/^(\r?\n)+/, "").replace(/(\r?\n)+$/, "");
  const errors = ledger.diagnostics.filter((d) => d.severity === "error");
  return { task: found.task, text, body, clockSkew: ledger.policy.clockSkew, errors };
}
var DEAD_LETTER_FIELD;
var init_views = __esm({
  "src/app/views.ts"() {
    "use strict";
    init_clean_ledger();
    init_clean_scan();
    init_list_rows();
    init_phases();
    init_filter();
    init_gate();
    init_phases2();
    init_summary();
    init_errors();
    init_ledgers();
    init_status_memo();
    DEAD_LETTER_FIELD = /^[-*+] blocked: dead letter/m;
  }
});

// src/app/hook-delivery.ts
var hook_delivery_exports = {};
__export(hook_delivery_exports, {
  MERGE_WINDOW: () => MERGE_WINDOW,
  deliverHooks: () => deliverHooks,
  hookProblemLines: () => hookProblemLines,
  hookStates: () => hookStates,
  mayHaveHooks: () => mayHaveHooks,
  trustHooks: () => trustHooks
});
function digestOf(ctx, h) {
  return h.kind === "run" ? programDigest(h.argv[0], (0, import_node_path17.dirname)(ctx.paths.tasks)) : void 0;
}
function programChanged(ctx, h, s) {
  const d = digestOf(ctx, h);
  return d !== void 0 && s.program !== d;
}
function readBoard2(ctx) {
  const text = ctx.ports.readText(ctx.paths.tasks);
  if (text === void 0) return void 0;
  const tasks = readTasks(ctx.paths.tasksDisplay, text);
  const section = sectionByName(tasks.doc, "Hooks");
  const { hooks, problems } = parseHooks(schedulesOf(section));
  const at = ctx.ports.readText(ctx.paths.approvals);
  const approvals = at === void 0 ? void 0 : readApprovals(ctx.paths.approvalsDisplay, at);
  return { tasks, approvals, hooks, bad: problems };
}
function mayHaveHooks(text) {
  return /(^|\n)## Hooks[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*[-*+] /.test(text);
}
function linesOf(ctx, board) {
  const title = (id) => board.tasks.byId.get(id)?.task.title;
  const subject = (id) => board.approvals?.byId.get(id)?.approval.subject;
  const read2 = (ledger, l, file) => {
    if (!l) return [];
    const { lineStarts, lineEnds } = l.doc.scan;
    const seen = /* @__PURE__ */ new Map();
    return readLog(l.doc, l.log, void 0).entries.map((e) => {
      const event = eventOf(ledger, e);
      const raw = l.doc.text.slice(lineStarts[e.line], lineEnds[e.line]);
      const n = seen.get(e.body) ?? 0;
      seen.set(e.body, n + 1);
      const id = (0, import_node_crypto3.createHash)("sha256").update(eventIdText(ledger, e.body, n)).digest("hex").slice(0, 12);
      return {
        ledger,
        hash: e.hash,
        id,
        time: e.time,
        payload: event && payloadOf(ledger, event, e, raw, { file, title, subject }, id)
      };
    });
  };
  return {
    tasks: read2("tasks", board.tasks, ctx.paths.tasksDisplay),
    approvals: read2("approvals", board.approvals, ctx.paths.approvalsDisplay)
  };
}
function after(lines, cursor, recent) {
  if (cursor === null) return [...lines];
  const done = new Set(recent);
  const i = lines.findIndex((l) => l.hash === cursor.hash);
  if (i >= 0) return lines.slice(i + 1).filter((l) => !done.has(l.id));
  let from = cursor.time - MERGE_WINDOW;
  if (recent.length >= RECENT) {
    const oldest = lines.find((l) => l.id === recent[0]);
    if (oldest) from = Math.max(from, oldest.time);
  }
  return lines.filter((l) => l.time >= from && !done.has(l.id));
}
function pendingFor(ctx, board, lines, h, s) {
  const a = after(lines.tasks, s.cursors.tasks, s.recent);
  const b = after(lines.approvals, s.cursors.approvals, s.recent);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.time <= y.time)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  if ((h.event === "all" || h.event === "past-sla") && board.approvals) {
    const sla = board.tasks.policy.approvalSla;
    const fired = new Set(s.sla);
    const requestLine = /* @__PURE__ */ new Map();
    for (const l of lines.approvals) if (l.payload?.action === "request") requestLine.set(l.payload.target, l);
    const title = (id) => board.tasks.byId.get(id)?.task.title;
    for (const ap of board.approvals.approvals) {
      if (ap.status !== "pending" || ap.requestedAt === void 0 || fired.has(ap.id)) continue;
      if (ctx.now - ap.requestedAt <= sla) continue;
      const line2 = requestLine.get(ap.id);
      if (!line2) continue;
      const payload = slaPayload(
        { id: ap.id, subject: ap.subject, requestedBy: ap.requestedBy, requestedAt: ap.requestedAt, hash: line2.id },
        sla,
        ctx.now,
        ctx.paths.approvalsDisplay,
        title
      );
      out.push({
        ledger: "sla",
        hash: payload.id,
        id: payload.id,
        time: ap.requestedAt + sla,
        payload,
        request: ap.id
      });
    }
  }
  return out.map((it) => ({ ...it, payload: it.payload && wants(h, it.payload) ? it.payload : void 0 }));
}
function advanced(s, it, delivered) {
  if (it.ledger === "sla") {
    return { ...s, sla: [...s.sla, it.request].slice(-1e3), failure: void 0, delivered: s.delivered + 1 };
  }
  const cursor = { hash: it.hash, time: it.time };
  return {
    ...s,
    cursors: { ...s.cursors, [it.ledger]: cursor },
    recent: delivered ? [...s.recent, it.id].slice(-RECENT) : s.recent,
    failure: delivered ? void 0 : s.failure,
    delivered: s.delivered + (delivered ? 1 : 0)
  };
}
async function deliverHooks(ctx, options) {
  const board = readBoard2(ctx);
  if (!board || board.hooks.length === 0) return [];
  const outbox = openOutbox(ctx.paths.tasks);
  const runs = /* @__PURE__ */ new Map();
  const clock = Date.now;
  for (let round = 0; round < 5; round++) {
    const now = round === 0 ? board : readBoard2(ctx);
    if (!now) break;
    const lines = linesOf(ctx, now);
    let progressed = false;
    for (const h of uniqueHooks(now.hooks)) {
      const id = outbox.idOf(hookKey(h));
      const st = outbox.read(id);
      if (!st || programChanged(ctx, h, st)) continue;
      const r = await deliverOne(ctx, now, lines, h, id, outbox, options, clock);
      const prev = runs.get(id);
      runs.set(id, { ...r, delivered: r.delivered + (prev?.delivered ?? 0) });
      if (r.delivered > 0) progressed = true;
    }
    if (!progressed) break;
  }
  return [...runs.values()];
}
function uniqueHooks(hooks) {
  const seen = /* @__PURE__ */ new Set();
  return hooks.filter((h) => {
    const k = hookKey(h);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function covers(lines, s) {
  const has = (ls, c) => c === null || ls.some((l) => l.hash === c.hash);
  return has(lines.tasks, s.cursors.tasks) && has(lines.approvals, s.cursors.approvals);
}
async function deliverOne(ctx, board, lines, h, id, outbox, options, clock) {
  let lock = outbox.lock(id);
  for (const end = Date.now() + (options.wait ?? 0); !lock && Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 50));
    lock = outbox.lock(id);
  }
  if (!lock) {
    const s = outbox.read(id);
    return { hook: h, delivered: 0, failure: s?.failure, busy: true, pending: 0 };
  }
  let delivered = 0;
  try {
    let s = outbox.read(id);
    if (programChanged(ctx, h, s)) return { hook: h, delivered: 0, failure: s.failure, busy: false, pending: 0 };
    if (!covers(lines, s)) {
      const fresh = readBoard2(ctx);
      if (fresh) {
        board = fresh;
        lines = linesOf(ctx, fresh);
      }
    }
    const items = pendingFor(ctx, board, lines, h, s);
    const events = items.filter((it) => it.payload).length;
    if (s.failure && options.due && clock() < s.failure.nextTry) {
      return { hook: h, delivered: 0, failure: s.failure, busy: false, pending: events };
    }
    const cwd = (0, import_node_path17.dirname)(ctx.paths.tasks);
    let left = events;
    let skipped = false;
    for (const it of items) {
      if (!it.payload) {
        s = advanced(s, it, false);
        skipped = true;
        continue;
      }
      const sent = h.kind === "run" ? await sendToProgram(hookArgv(h, it.payload), it.payload, h.timeout, cwd, options.env) : await sendToUrl(h.url, it.payload, h.timeout);
      if (!sent.ok) {
        const failures = s.failure?.event === it.payload.id ? s.failure.failures + 1 : 1;
        const at = clock();
        s = {
          ...s,
          failure: {
            event: it.payload.id,
            failures,
            error: sent.error,
            since: s.failure?.event === it.payload.id ? s.failure.since : at,
            nextTry: at + retryDelay(h, failures)
          }
        };
        outbox.write(id, s);
        return { hook: h, delivered, failure: s.failure, busy: false, pending: left };
      }
      s = advanced(s, it, true);
      outbox.write(id, s);
      skipped = false;
      delivered++;
      left--;
    }
    if (skipped) outbox.write(id, s);
    return { hook: h, delivered, failure: void 0, busy: false, pending: 0 };
  } finally {
    lock.release();
  }
}
function trustHooks(ctx) {
  const board = readBoard2(ctx);
  if (!board) return { trusted: [], already: [] };
  const outbox = openOutbox(ctx.paths.tasks);
  const lines = linesOf(ctx, board);
  const end = (ls) => {
    const l = ls[ls.length - 1];
    return l ? { hash: l.hash, time: l.time } : null;
  };
  const trusted = [];
  const already = [];
  for (const h of uniqueHooks(board.hooks)) {
    const id = outbox.idOf(hookKey(h));
    const program2 = digestOf(ctx, h);
    const was = outbox.read(id);
    if (was && was.program === program2) {
      already.push(h);
      continue;
    }
    const lock = outbox.lock(id);
    if (!lock) continue;
    try {
      const s = outbox.read(id);
      if (s && s.program === program2) {
        already.push(h);
        continue;
      }
      if (s) {
        outbox.write(id, { ...s, program: program2 });
        trusted.push(h);
        continue;
      }
      outbox.write(id, {
        v: 1,
        key: hookKey(h),
        trustedAt: ctx.now,
        cursors: { tasks: end(lines.tasks), approvals: end(lines.approvals) },
        recent: [],
        // Requests already past their SLA when the hook is trusted are not announced again.
        sla: (board.approvals?.approvals ?? []).filter(
          (a) => a.status === "pending" && a.requestedAt !== void 0 && ctx.now - a.requestedAt > board.tasks.policy.approvalSla
        ).map((a) => a.id),
        delivered: 0,
        program: program2
      });
      trusted.push(h);
    } finally {
      lock.release();
    }
  }
  return { trusted, already };
}
function hookStates(ctx) {
  const board = readBoard2(ctx);
  if (!board) return { states: [], bad: [] };
  if (board.hooks.length === 0) return { states: [], bad: board.bad };
  const outbox = openOutbox(ctx.paths.tasks);
  let lines;
  const states = uniqueHooks(board.hooks).map((hook) => {
    const s = outbox.read(outbox.idOf(hookKey(hook)));
    if (!s) return { hook, trusted: false, failure: void 0, pending: 0 };
    if (programChanged(ctx, hook, s))
      return { hook, trusted: false, changed: hook.argv[0], failure: void 0, pending: 0 };
    lines ??= linesOf(ctx, board);
    const pending = pendingFor(ctx, board, lines, hook, s).filter((it) => it.payload).length;
    return { hook, trusted: true, failure: s.failure, pending };
  });
  return { states, bad: board.bad };
}
function hookProblemLines(ctx) {
  const { states, bad: bad2 } = hookStates(ctx);
  return hookProblems(ctx.paths.tasksDisplay, bad2, states, ctx.now);
}
var import_node_crypto3, import_node_path17, RECENT, MERGE_WINDOW, wants;
var init_hook_delivery = __esm({
  "src/app/hook-delivery.ts"() {
    "use strict";
    import_node_crypto3 = __toESM(require_node_crypto(), 1);
    import_node_path17 = require("node:path");
    init_hook_outbox();
    init_approvals();
    init_document();
    init_log();
    init_tasks();
    init_hooks();
    RECENT = 500;
    MERGE_WINDOW = 7 * 24 * 36e5;
    wants = (h, p) => h.event === "all" || h.event === p.event;
  }
});

// src/app/health.ts
var health_exports = {};
__export(health_exports, {
  SCHEDULE_GRACE_MS: () => SCHEDULE_GRACE_MS,
  healthExitCode: () => healthExitCode,
  healthFindings: () => healthFindings,
  shellWords: () => shellWords
});
function healthExitCode(findings) {
  if (findings.length === 0) return EXIT.ok;
  return findings.some((f) => f.kind === "invalid-ledger") ? EXIT.invalid : EXIT.problem;
}
async function healthFindings(ctx) {
  const findings = [];
  await loadWriteChecks();
  const checked = await checkLedgers(ctx);
  for (const d of checked.diagnostics) {
    if (d.severity !== "error") continue;
    findings.push({ kind: "invalid-ledger", target: d.file, file: d.file, line: d.line, message: d.message });
  }
  const v = statusView(ctx);
  const s = v.summary;
  for (const e of s.leases.expired) {
    findings.push({
      kind: "expired-lease",
      target: e.id,
      message: `${e.holder}'s lease ended ${formatTime(e.since)} (${formatAge(ctx.now - e.since)} ago) and nobody recovered it: is watch running?`
    });
  }
  for (const id of s.deadLetters) {
    findings.push({
      kind: "dead-letter",
      target: id,
      message: `blocked as a dead letter; unblock it once the cause is fixed (taskgate unblock ${id}), or cancel it`
    });
  }
  for (const a of s.approvals.overSla) {
    findings.push({
      kind: "approval-sla",
      target: a.id,
      message: `pending for ${formatAge(a.waiting)}, past the policy's approval-sla; an AUDIT actor should decide it`
    });
  }
  for (const id of s.approvals.stale) {
    findings.push({
      kind: "stale-approval",
      target: id,
      message: "approved, but its subject changed since, so it no longer counts; request again"
    });
  }
  if (!findings.some((f) => f.kind === "invalid-ledger")) findings.push(...await overdueSchedules(ctx));
  findings.push(...gitFindings(ctx));
  if (!findings.some((f) => f.kind === "invalid-ledger")) {
    const { hookProblemLines: hookProblemLines2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
    for (const message of hookProblemLines2(ctx)) findings.push({ kind: "hook-failed", target: "hooks", message });
  }
  return findings;
}
async function overdueSchedules(ctx) {
  const tasks = parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
  if (tasks.schedules.length === 0) return [];
  const mod = await Promise.resolve().then(() => (init_schedules(), schedules_exports));
  const recorded = mod.lastRecorded(readLog(tasks.doc, tasks.log, void 0).entries);
  const out = [];
  for (const entry of tasks.schedules) {
    const parsed = mod.parseSchedule(entry);
    if (!parsed.ok) continue;
    const since = recorded.get(entry.name);
    if (since === void 0) continue;
    const due = mod.dueRun(parsed.schedule, since, ctx.now);
    const first = mod.nextRunAfter(parsed.schedule, since);
    if (!due || first === void 0 || ctx.now - first <= SCHEDULE_GRACE_MS) continue;
    out.push({
      kind: "schedule-overdue",
      target: entry.name,
      file: ctx.paths.tasksDisplay,
      line: entry.line,
      message: `due ${formatTime(first)} (${formatAge(ctx.now - first)} ago) and not run: is watch running (taskgate schedule install)?`
    });
  }
  return out;
}
function gitFindings(ctx) {
  const top = findWorkTree((0, import_node_path18.dirname)((0, import_node_path18.resolve)(ctx.paths.tasks)));
  if (!top) return [];
  const out = [];
  const attributes = (0, import_node_path18.join)(top, ".gitattributes");
  const named = (0, import_node_fs19.existsSync)(attributes) && /\smerge=taskgate\b/.test((0, import_node_fs19.readFileSync)(attributes, "utf8"));
  const driver = gitConfig(top, "merge.taskgate.driver");
  if (named && !driver) {
    out.push({
      kind: "merge-driver-missing",
      target: ".gitattributes",
      file: attributes,
      message: ".gitattributes names merge=taskgate but this clone has no merge.taskgate.driver, so git merges the ledgers line by line: run taskgate merge-driver install (or merge-driver uninstall)"
    });
  } else if (driver) {
    const gone = missingPrograms(driver);
    if (gone)
      out.push({
        kind: "merge-driver-missing",
        target: "merge.taskgate.driver",
        message: `the merge driver runs ${gone}, which is not there: run taskgate merge-driver install again`
      });
  }
  let hook;
  try {
    hook = (0, import_node_path18.join)((0, import_node_path18.resolve)(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim()), "pre-commit");
  } catch {
    hook = void 0;
  }
  const text = hook && (0, import_node_fs19.existsSync)(hook) ? (0, import_node_fs19.readFileSync)(hook, "utf8") : void 0;
  const at = text?.indexOf(START) ?? -1;
  if (hook && text && at >= 0) {
    const command = text.slice(at).split("\n")[1] ?? "";
    const gone = missingPrograms(command.replace(/\s*\|\|\s*exit \$\?\s*$/, ""));
    let executable = true;
    try {
      (0, import_node_fs19.accessSync)(hook, import_node_fs19.constants.X_OK);
    } catch {
      executable = false;
    }
    if (gone || !executable)
      out.push({
        kind: "hook-missing",
        target: "pre-commit",
        file: hook,
        message: `${hook} runs taskgate check --staged, but ${gone ? `${gone} is not there` : "it is not executable, so git skips it"}: run taskgate hook install again (or hook uninstall)`
      });
  }
  const own = (0, import_node_path18.join)((0, import_node_path18.resolve)(top, git(top, ["rev-parse", "--git-dir"]).trim()), "hooks", "pre-commit");
  if (hook && (0, import_node_path18.resolve)(own) !== (0, import_node_path18.resolve)(hook) && !(text ?? "").includes(START)) {
    const left = (0, import_node_fs19.existsSync)(own) ? (0, import_node_fs19.readFileSync)(own, "utf8") : "";
    if (left.includes(START))
      out.push({
        kind: "hook-missing",
        target: "pre-commit",
        file: own,
        message: `${own} runs taskgate check --staged, but git runs the hooks in ${(0, import_node_path18.dirname)(hook)} (core.hooksPath), where none does: run taskgate hook install again`
      });
  }
  return out;
}
function missingPrograms(command) {
  const words = shellWords(command).slice(0, 2);
  return words.find((w) => w.startsWith("/") && !(0, import_node_fs19.existsSync)(w));
}
function shellWords(line2) {
  const words = [];
  let word;
  for (let i = 0; i < line2.length; i++) {
    const c = line2[i];
    if (c === "'") {
      const end = line2.indexOf("'", i + 1);
      word = (word ?? "") + line2.slice(i + 1, end === -1 ? line2.length : end);
      i = end === -1 ? line2.length : end;
    } else if (c === "\\" && i + 1 < line2.length) {
      word = (word ?? "") + line2[++i];
    } else if (/\s/.test(c)) {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else word = (word ?? "") + c;
  }
  if (word !== void 0) words.push(word);
  return words;
}
var import_node_fs19, import_node_path18, SCHEDULE_GRACE_MS;
var init_health = __esm({
  "src/app/health.ts"() {
    "use strict";
    import_node_fs19 = require("node:fs");
    import_node_path18 = require("node:path");
    init_git();
    init_log();
    init_time();
    init_check();
    init_errors();
    init_hooks2();
    init_ledgers();
    init_views();
    SCHEDULE_GRACE_MS = 15 * 6e4;
  }
});

// src/app/whoami.ts
var whoami_exports = {};
__export(whoami_exports, {
  whoami: () => whoami
});
function whoami(ctx) {
  const given = ctx.ports.actorName();
  if (!given) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"'
    );
  }
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  requireValid(ctx.paths.approvalsDisplay, approvals.diagnostics);
  const source = ctx.ports.actorSource?.();
  const a = actorByName(approvals.actors, given);
  if (!a) {
    throw new RefusedError(
      `"${given}" (from ${source ?? "nowhere"}) is not an actor in ${ctx.paths.approvalsDisplay}: add "- NAME <${given.includes("@") ? given : "you@example.com"}>: WORK" under "## Roles" (through an approved request), or act as someone listed there with --as NAME`
    );
  }
  return {
    given,
    source,
    actor: a.name,
    matched: a.name === given ? "name" : "git identity",
    roles: a.roles,
    automation: a.automation,
    actsFor: a.for,
    agents: [...approvals.actors.values()].filter((x) => x.for === a.name).map((x) => x.name),
    party: partyOf(approvals.actors, a.name),
    emails: a.emails ?? [],
    gitNames: a.gitNames ?? [],
    signingKeys: a.keys?.length ?? 0,
    session: ctx.ports.session,
    board: {
      tasks: ctx.paths.tasksDisplay,
      approvals: ctx.paths.approvalsDisplay,
      shared: ctx.ports.board?.describe()
    }
  };
}
var init_whoami = __esm({
  "src/app/whoami.ts"() {
    "use strict";
    init_identity();
    init_errors();
    init_ledgers();
  }
});

// src/app/refusal.ts
function explainRefusal(ctx, e, attempt) {
  if (!(e instanceof TaskgateError)) return void 0;
  const message = e.message;
  if (e instanceof BusyError)
    return { code: "BUSY", message, next: "Another process holds the ledger; call the tool again in a moment." };
  if (e instanceof InvalidLedgerError) {
    const first = e.diagnostics.find((d) => d.severity === "error") ?? e.diagnostics[0];
    return {
      code: "INVALID_LEDGER",
      message,
      next: "A ledger has errors; ask a person to run `taskgate check` and fix what it lists.",
      ...first ? { file: first.file, line: first.line } : {},
      diagnostics: e.diagnostics.map(diagnosticJson)
    };
  }
  if (e instanceof NothingToDo)
    return { code: "NOTHING_TO_DO", message, next: "Nothing is ready for you; stop, or look again later." };
  if (e instanceof UsageError)
    return { code: "INVALID_ARGUMENT", message, next: "Correct the argument and call again." };
  if (!(e instanceof RefusedError)) return { code: "REFUSED", message, next: "Read the message; nothing was written." };
  return { message, ...attempt.decision ? classifyDecision(ctx, attempt.decision) : classify(ctx, attempt) };
}
function classifyDecision(ctx, attempt) {
  const refused2 = { code: "REFUSED", next: "Read the message; nothing was written." };
  let approvals;
  try {
    approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  } catch {
    return refused2;
  }
  const found = approvals.byId.get(attempt.id)?.approval;
  if (!found) return { code: "NOT_FOUND", next: "Check the ID with taskgate approvals." };
  if (attempt.decision === "reject" && !attempt.reasonGiven || found.status !== "pending") return refused2;
  let who;
  try {
    who = whoActs(ctx, "AUDIT");
  } catch {
    return { code: "ROLE_DENIED", next: "This actor has no roles here; a CMD actor must grant one." };
  }
  if (!who.roles.includes("AUDIT")) return { code: "ROLE_DENIED", next: "Leave this to an actor with the AUDIT role." };
  if (found.requestedBy !== void 0 && (who.party ?? [who.actor]).includes(found.requestedBy))
    return { code: "FOUR_EYES", next: "Another AUDIT actor must decide it; you asked for it." };
  return refused2;
}
function classify(ctx, attempt) {
  const refused2 = { code: "REFUSED", next: "Read the message; nothing was written." };
  const { action, id } = attempt;
  let who;
  try {
    who = whoActs(ctx, action ? MATRIX[action].role : "WORK");
  } catch {
    return { code: "ROLE_DENIED", next: "This actor has no roles here; a CMD actor must grant one." };
  }
  let ledger;
  if (id !== void 0) {
    try {
      ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
    } catch {
      ledger = void 0;
    }
    if (ledger && !ledger.byId.has(id))
      return { code: "NOT_FOUND", next: "Check the ID with board_summary or next_task." };
  }
  if (action && !who.roles.includes(MATRIX[action].role))
    return { code: "ROLE_DENIED", next: `Leave this to an actor with the ${MATRIX[action].role} role.` };
  const task = ledger && id !== void 0 ? ledger.byId.get(id)?.task : void 0;
  if (!ledger || !task) return refused2;
  if (action === "accept" && workersOf(task).includes(who.actor))
    return { code: "FOUR_EYES", next: "Another AUDIT actor must accept it; you worked on it." };
  const lease = task.lease;
  if (lease && attempt.token !== void 0 && attempt.token < lease.token)
    return {
      code: "STALE_TOKEN",
      holder: lease.holder,
      next: "Your lease was taken over: stop working on this task and pick another."
    };
  if (lease && lease.holder !== holderOf(who) && !isLeaseExpired(lease, ctx.now, ledger.policy.clockSkew))
    return {
      code: "LEASE_HELD",
      holder: lease.holder,
      retryAfter: formatTime(lease.until),
      next: "Someone else holds the lease; pick another task, or try after it ends."
    };
  if (action && !MATRIX[action].from.includes(task.state))
    return {
      code: "WRONG_STATE",
      next: `${task.id} is ${task.state}; ${action} needs ${MATRIX[action].from.join(" or ")}.`
    };
  return refused2;
}
var init_refusal = __esm({
  "src/app/refusal.ts"() {
    "use strict";
    init_diagnostic();
    init_time();
    init_lease();
    init_matrix();
    init_workflow();
    init_errors();
    init_ledgers();
    init_transition();
  }
});

// src/mcp/args.ts
function schemaOf(spec) {
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
function inputSchema(args) {
  const required = Object.keys(args).filter((k) => args[k]?.required);
  return {
    type: "object",
    properties: Object.fromEntries(Object.entries(args).map(([k, s]) => [k, schemaOf(s)])),
    ...required.length ? { required } : {},
    additionalProperties: false
  };
}
function checkArgs(tool, args, input) {
  const given = input ?? {};
  const values = {};
  for (const key of Object.keys(given)) {
    if (!(key in args)) {
      const known = Object.keys(args);
      return {
        ok: false,
        message: `${tool} takes no argument "${key}"; it takes ${known.length ? known.join(", ") : "no arguments"}`
      };
    }
  }
  for (const [key, spec] of Object.entries(args)) {
    const v = given[key];
    if (v === void 0 || v === null) {
      if (spec.required) return { ok: false, message: `${tool} needs "${key}": ${spec.description}` };
      continue;
    }
    const r = checkValue(key, spec, v);
    if (typeof r === "string") return { ok: false, message: `${tool}: ${r}` };
    values[key] = r.value;
  }
  return { ok: true, values };
}
function checkValue(key, spec, v) {
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
      const d = typeof v === "string" ? parseDuration(v) : void 0;
      if (d === void 0 || d <= 0) return `"${key}" must be a duration like "90s", "30m" or "2h", found ${found}`;
      return { value: d };
    }
    case "labels":
    case "lines": {
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || !x.trim() || /[\r\n]/.test(x)))
        return `"${key}" must be a list of one-line strings, found ${found}`;
      if (v.length > 20) return `"${key}" takes at most 20 items, found ${v.length}`;
      return { value: v.map((x) => x.trim()) };
    }
    case "state": {
      const s = typeof v === "string" ? v.toUpperCase() : "";
      if (!STATES.includes(s))
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
var IDENTITY_KEYS, MAX_LINE, MAX_LIMIT;
var init_args = __esm({
  "src/mcp/args.ts"() {
    "use strict";
    init_task();
    init_time();
    IDENTITY_KEYS = ["as", "actor", "user", "holder", "by", "on_behalf_of", "author"];
    MAX_LINE = 300;
    MAX_LIMIT = 50;
  }
});

// src/mcp/guide.ts
function instructions(actor, roles) {
  return [
    `taskgate: the team's task board (TASKS.md) and approval gate (APPROVALS.md). You act as ${actor} (${roles.join(", ") || "no roles"}), fixed when this server started.`,
    "Loop: next_task (or claim_task without id) -> claim_task -> show_task for the full text -> do the work -> submit_task (or release_task if you stop, block_task with a reason if you cannot go on).",
    "This server renews your leases while you are connected and releases them when it stops; never send heartbeats.",
    `Errors are results with isError and a JSON {code, message, next}; act on code. The full workflow: resource ${GUIDE_URI}.`
  ].join("\n");
}
var GUIDE_URI, GUIDE;
var init_guide = __esm({
  "src/mcp/guide.ts"() {
    "use strict";
    GUIDE_URI = "taskgate://workflow";
    GUIDE = `# Working on a taskgate board

Tasks move PLAN -> READY -> DOING -> REVIEW -> DONE. People (CMD) plan and make tasks READY;
workers (WORK) claim, do and submit them; reviewers (AUDIT) accept or send work back. Nobody
accepts work they did (four eyes).

## As a worker
1. \`next_task\` shows the best task for you; \`claim_task\` takes it (without \`id\` it takes the
   best one under one lock, so two agents never get the same task).
2. \`show_task\` gives its fields and text: read it all before you start.
3. Work. This server holds your lease and renews it every ttl/3 while you stay connected; if
   the server stops, it releases your leases; if it is killed, they expire and \`taskgate watch\`
   puts the tasks back.
4. \`submit_task\` when done (DOING -> REVIEW); \`release_task\` to give it back undone;
   \`block_task\` with a one-line reason when something outside your reach stops you.
5. Changes that need a person's yes: \`request_approval\` with the task ID as subject.

## Error codes
LEASE_HELD (someone else holds it: take another task, or retry after \`retryAfter\`),
STALE_TOKEN (your lease was taken over: stop working on it), ROLE_DENIED (your role may not),
FOUR_EYES (you worked on it: another reviewer must), NOT_FOUND, WRONG_STATE, NOTHING_TO_DO,
INVALID_ARGUMENT, IDENTITY_FIXED (no tool takes an actor: identity is the server's),
INVALID_LEDGER (a person must fix the ledger), BUSY (call again in a moment), REFUSED.

## Rules that hold everywhere
The same rules as the \`taskgate\` command line: roles, leases with fencing tokens, four eyes,
WIP limits, dependencies. The ledgers are read again on every call: an edit by a person or
another agent is always seen.
`;
  }
});

// src/mcp/leases.ts
var LeaseKeeper;
var init_leases = __esm({
  "src/mcp/leases.ts"() {
    "use strict";
    init_errors();
    init_transition();
    LeaseKeeper = class {
      constructor(makeCtx, log) {
        this.makeCtx = makeCtx;
        this.log = log;
      }
      makeCtx;
      log;
      held = /* @__PURE__ */ new Map();
      tokenOf(id) {
        return this.held.get(id)?.token;
      }
      get ids() {
        return [...this.held.keys()];
      }
      hold(id, lease) {
        this.drop(id);
        const every2 = Math.max(200, Math.floor(lease.ttl / 3));
        const timer = setInterval(() => void this.renew(id), every2);
        this.held.set(id, { token: lease.token, ttl: lease.ttl, until: lease.until, timer });
      }
      drop(id) {
        const h = this.held.get(id);
        if (!h) return;
        clearInterval(h.timer);
        this.held.delete(id);
      }
      async renew(id) {
        const h = this.held.get(id);
        if (!h) return;
        try {
          const r = await transition(this.makeCtx(), { action: "renew", id, token: h.token });
          if (r.lease && this.held.get(id) === h) h.until = r.lease.until;
        } catch (e) {
          const refused2 = e instanceof TaskgateError && e.exitCode === EXIT.refused;
          const ended = Date.now() >= h.until;
          this.log(
            `taskgate mcp: could not renew the lease on ${id}: ${e.message.split("\n")[0]}${refused2 || ended ? "; it is no longer held" : "; trying again"}`
          );
          if ((refused2 || ended) && this.held.get(id) === h) this.drop(id);
        }
      }
      /** Gives back every lease still held (DOING -> READY), each with its token. */
      async releaseAll() {
        for (const id of this.ids) {
          const token = this.tokenOf(id);
          this.drop(id);
          try {
            await transition(this.makeCtx(), { action: "release", id, token });
            this.log(`taskgate mcp: released ${id}`);
          } catch (e) {
            this.log(`taskgate mcp: could not release ${id}: ${e.message}`);
          }
        }
      }
    };
  }
});

// src/rules/task-worktree.ts
function titleSlug(title) {
  const ascii = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (ascii.length <= SLUG_MAX) return ascii;
  const cut2 = ascii.slice(0, SLUG_MAX + 1);
  const dash = cut2.lastIndexOf("-");
  return (dash > 0 ? cut2.slice(0, dash) : cut2.slice(0, SLUG_MAX)).replace(/-+$/, "");
}
function taskBranch(id, title) {
  const slug = titleSlug(title);
  return slug ? `task/${id}-${slug}` : `task/${id}`;
}
function worktreeOf(fields) {
  const v = fields.find((f) => f.key === "worktree")?.value;
  const d = v ? decodeWorktree(v) : void 0;
  return d?.ok ? d.value : void 0;
}
function planWorktreeField(ledger, id, value, who, token, when) {
  const found = ledger.byId.get(id);
  if (!found) return { ok: false, message: `There is no task ${id} in ${ledger.doc.file}` };
  const { task, section } = found;
  if (task.state !== "DOING" || task.lease?.holder !== holderOf(who) || task.lease.token !== token) {
    return {
      ok: false,
      message: `${id} is no longer leased to ${holderOf(who)} with token ${token}, so its worktree is not recorded`
    };
  }
  const splices = [];
  const text = encodeWorktree(value);
  if (section.fields.find((f) => f.key === "worktree")?.value !== text) {
    splices.push(setField2(ledger.doc, section, "worktree", text));
  }
  const line2 = formatLogLine(when.hasher, lastHash(ledger.doc, ledger.log), {
    time: when.now,
    actor: who.actor,
    role: "WORK",
    action: "worktree",
    target: id,
    details: { token, branch: value.branch, path: value.path }
  });
  splices.push(appendLog(ledger.doc, ledger.log, [line2]));
  return { ok: true, splices, result: void 0 };
}
var SLUG_MAX, worktreeFolderName;
var init_task_worktree = __esm({
  "src/rules/task-worktree.ts"() {
    "use strict";
    init_edit();
    init_fields();
    init_log();
    init_workflow();
    SLUG_MAX = 40;
    worktreeFolderName = (branch) => branch.slice("task/".length);
  }
});

// src/app/worktree.ts
var worktree_exports = {};
__export(worktree_exports, {
  boardTop: () => boardTop,
  checkTaskWorktree: () => checkTaskWorktree,
  ensureTaskWorktree: () => ensureTaskWorktree,
  folderOf: () => folderOf,
  removeTaskWorktree: () => removeTaskWorktree,
  taskOfWorktree: () => taskOfWorktree,
  transitionEndingWorktree: () => transitionEndingWorktree,
  worktreeBase: () => worktreeBase
});
function boardTop(ctx) {
  const wt = mainWorkTree((0, import_node_path19.dirname)((0, import_node_path19.resolve)(ctx.paths.tasks))) ?? mainWorkTree(process.cwd());
  if (!wt) throw new UsageError(`A worktree per task needs git: ${ctx.paths.tasksDisplay} is not in a git repository`);
  return wt.main;
}
function worktreesRoot(top, env2) {
  return env2.TASKGATE_WORKTREES ? (0, import_node_path19.resolve)(env2.TASKGATE_WORKTREES) : (0, import_node_path19.join)((0, import_node_path19.dirname)(top), `${(0, import_node_path19.basename)(top)}.worktrees`);
}
function worktreeBase(base) {
  try {
    return git(process.cwd(), [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${base ?? "HEAD"}^{commit}`
    ]).trim();
  } catch {
    throw new UsageError(
      base === void 0 ? "Expected a commit to start the task's branch from, but HEAD names none here (a repository with no commit yet?); commit first or give --base" : `Expected --base to name a commit git knows, found "${base}"`
    );
  }
}
async function ensureTaskWorktree(ctx, id, token, base, env2) {
  const top = boardTop(ctx);
  const task = loadTasks(ctx).byId.get(id)?.task;
  if (!task) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const recorded = worktreeOf(task.fields);
  if (recorded && (0, import_node_fs20.existsSync)(folderOf(top, recorded))) {
    return { branch: recorded.branch, folder: folderOf(top, recorded), reused: true };
  }
  const branch = taskBranch(id, task.title);
  const folder = (0, import_node_path19.join)(worktreesRoot(top, env2), worktreeFolderName(branch));
  if ((0, import_node_fs20.existsSync)(folder)) {
    throw new RefusedError(
      `Cannot make ${id}'s worktree: ${folder} exists already and is not recorded on ${id}; remove it (git worktree remove) or set TASKGATE_WORKTREES to another folder`
    );
  }
  const sha = worktreeBase(base);
  let exists = true;
  try {
    git(top, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`]);
  } catch {
    exists = false;
  }
  try {
    git(top, ["worktree", "add", "--quiet", ...exists ? [folder, branch] : ["-b", branch, folder, sha]]);
  } catch (e) {
    throw new RefusedError(`git could not make ${id}'s worktree ${folder}: ${e.message}`);
  }
  const rel = (0, import_node_path19.relative)(top, folder);
  const value = { branch, path: slashed((0, import_node_path19.isAbsolute)(rel) ? folder : rel) };
  const who = whoActs(ctx, "WORK");
  await ctx.ports.update([ctx.paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    const plan = planWorktreeField(ledger, id, value, who, token, { now, hasher: ctx.ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    return {
      writes: [
        { path: ctx.paths.tasks, text: applyChecked("tasks", ctx.paths.tasksDisplay, text, plan.splices) }
      ],
      result: void 0
    };
  });
  return { branch, folder, reused: false };
}
function checkTaskWorktree(ctx, input, keep) {
  const { id, action } = input;
  const ledger = loadTasks(ctx);
  const task = ledger.byId.get(id)?.task;
  const field2 = task && worktreeOf(task.fields);
  if (!field2 || keep) return void 0;
  requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
  const plan = planTransition(ledger, input, whoActs(ctx, MATRIX[action].role), {
    now: ctx.now,
    hasher: ctx.ports.hasher
  });
  if (!plan.ok) throw new RefusedError(plan.message);
  const top = boardTop(ctx);
  const folder = folderOf(top, field2);
  if (!(0, import_node_fs20.existsSync)(folder)) return { field: field2, folder, present: false };
  const dirty = uncommitted(folder);
  if (dirty.length) {
    const shown = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? `, and ${dirty.length - 5} more` : "");
    throw new RefusedError(
      `${id}'s worktree ${folder} has uncommitted work (${shown}), and a worktree is never removed with uncommitted work: commit it on ${field2.branch} or discard it, then run ${action} again, or ${action === "release" ? "release without --clean" : `add --keep-worktree to ${action}`} to keep the folder; nothing was changed`
    );
  }
  return { field: field2, folder, present: true };
}
function uncommitted(folder) {
  return git(folder, ["status", "--porcelain", "--untracked-files=normal", "--ignored=traditional"]).split("\n").filter((l) => l.trim() !== "").map((l) => `${l.slice(0, 2).trim()} ${l.slice(3)}`);
}
function removeTaskWorktree(ctx, id, check) {
  if (!check.present) return `${id}'s worktree ${check.folder} was gone already; its record is cleared`;
  const top = boardTop(ctx);
  try {
    git(top, ["worktree", "remove", check.folder]);
  } catch (e) {
    return `${id}'s worktree ${check.folder} was kept: ${e.message} (it changed since it was checked; remove it with git worktree remove once its work is committed)`;
  }
  return `Removed ${id}'s worktree ${check.folder}; its branch ${check.field.branch} stays`;
}
async function transitionEndingWorktree(ctx, input, options) {
  const check = checkTaskWorktree(ctx, input, options.keep);
  const result = await transition(ctx, { ...input, dropWorktree: check !== void 0 });
  return { result, worktree: check ? removeTaskWorktree(ctx, input.id, check) : void 0 };
}
function taskOfWorktree(ctx, dir) {
  const wt = mainWorkTree(dir);
  if (!wt || wt.main === wt.top) return void 0;
  const real = (p) => {
    try {
      return (0, import_node_fs20.realpathSync)(p);
    } catch {
      return (0, import_node_path19.resolve)(p);
    }
  };
  const here = real(wt.top);
  const top = boardTop(ctx);
  for (const t of loadTasks(ctx).tasks) {
    const w = t.state === "DONE" ? void 0 : worktreeOf(t.fields);
    if (w && real(folderOf(top, w)) === here) return { id: t.id, branch: w.branch };
  }
  return void 0;
}
var import_node_fs20, import_node_path19, slashed, folderOf;
var init_worktree = __esm({
  "src/app/worktree.ts"() {
    "use strict";
    import_node_fs20 = require("node:fs");
    import_node_path19 = require("node:path");
    init_git();
    init_matrix();
    init_task_worktree();
    init_workflow();
    init_errors();
    init_ledgers();
    init_transition();
    slashed = (p) => p.split(import_node_path19.sep).join("/");
    folderOf = (top, w) => (0, import_node_path19.resolve)(top, w.path);
  }
});

// src/mcp/tools.ts
function row(t) {
  return {
    id: t.id,
    title: t.title,
    state: t.state,
    priority: t.priority,
    ...t.labels.length ? { labels: t.labels } : {},
    ...t.assignee !== void 0 ? { assignee: t.assignee } : {},
    ...t.lease ? { holder: t.lease.holder, until: formatTime(t.lease.until) } : {},
    ...t.blocked !== void 0 ? { blocked: t.blocked } : {}
  };
}
function leaseAnswer(id, title, lease) {
  return {
    id,
    title,
    lease: { holder: lease.holder, token: lease.token, until: formatTime(lease.until), ttl: formatDuration(lease.ttl) },
    renewed: true
  };
}
async function leaseAction(kit, action, id) {
  const token = kit.keeper.tokenOf(id);
  const r = await transition(kit.ctx, { action, id, token, via: "mcp" });
  kit.keeper.drop(id);
  return move(r);
}
var PAGE, BODY_LIMIT, str, strOrNull, obj, ROW, MOVE, move, ID2, TOOLS;
var init_tools = __esm({
  "src/mcp/tools.ts"() {
    "use strict";
    init_approvals2();
    init_errors();
    init_transition();
    init_views();
    init_time();
    init_filter();
    init_path_overlap();
    PAGE = 10;
    BODY_LIMIT = 4e3;
    str = { type: "string" };
    strOrNull = { type: ["string", "null"] };
    obj = (properties, required = Object.keys(properties)) => ({
      type: "object",
      properties,
      required
    });
    ROW = obj(
      {
        id: str,
        title: str,
        state: str,
        priority: str,
        labels: { type: "array", items: str },
        assignee: str,
        holder: str,
        until: str,
        blocked: str
      },
      ["id", "title", "state", "priority"]
    );
    MOVE = obj({ id: str, from: str, to: str });
    move = (r) => ({ id: r.id, from: r.from, to: r.to });
    ID2 = { kind: "id", description: "task ID, like T-12", required: true };
    TOOLS = [
      {
        name: "next_task",
        description: "The best task for you to take now (not claimed), or null with the reason.",
        args: { labels: { kind: "labels", description: "only tasks with all these labels" } },
        output: obj(
          {
            task: { anyOf: [ROW, { type: "null" }] },
            reason: str,
            skipped: { type: "array", items: obj({ id: str, why: str }, ["id", "why"]) }
          },
          ["task"]
        ),
        readOnly: true,
        idempotent: true,
        // Refused only when the caller may not claim (ROLE_DENIED) or the ledger has errors.
        attempt: () => ({ action: "claim" }),
        run: async ({ ctx }, v) => {
          try {
            const r = await next(ctx, { labels: v.labels ?? [], claim: false });
            const skipped = r.pick.skipped.map((k) => ({
              id: k.id,
              why: `its paths overlap those of ${k.clashes.map(describeClash).join("; ")}`
            }));
            return { task: r.pick.task ? row(r.pick.task) : null, ...skipped.length ? { skipped } : {} };
          } catch (e) {
            if (e instanceof NothingToDo) return { task: null, reason: e.message };
            throw e;
          }
        }
      },
      {
        name: "show_task",
        description: "One task: its fields and its text.",
        args: { id: ID2 },
        output: obj(
          {
            task: ROW,
            depends: { type: "array", items: str },
            fields: { type: "object", additionalProperties: str },
            body: str,
            truncated: { type: "boolean" }
          },
          ["task", "fields", "body"]
        ),
        readOnly: true,
        idempotent: true,
        attempt: (v) => ({ id: v.id }),
        run: async ({ ctx }, v) => {
          const s = showView(ctx, v.id);
          const truncated = s.body.length > BODY_LIMIT;
          return {
            task: row(s.task),
            ...s.task.depends.length ? { depends: s.task.depends } : {},
            fields: Object.fromEntries(s.task.fields.map((f) => [f.key, f.value])),
            body: truncated ? s.body.slice(0, BODY_LIMIT) : s.body,
            ...truncated ? { truncated: true } : {}
          };
        }
      },
      {
        name: "claim_task",
        description: "Take a task (without id: the best next one). The server keeps the lease alive while you are connected.",
        args: {
          id: { kind: "id", description: "task ID, like T-12 (default: the best next task)" },
          labels: { kind: "labels", description: "without id: only tasks with all these labels" },
          ttl: { kind: "duration", description: "lease length, like 30m (default: the board's policy)" }
        },
        output: obj({
          id: str,
          title: str,
          lease: obj({ holder: str, token: { type: "integer" }, until: str, ttl: str }),
          renewed: { type: "boolean", description: "the server renews the lease every ttl/3 until you release or submit" }
        }),
        readOnly: false,
        idempotent: false,
        attempt: (v) => ({ action: "claim", id: v.id }),
        run: async ({ ctx, keeper, holder }, v) => {
          const ttl = v.ttl;
          const mine = v.id === void 0 ? void 0 : keeper.tokenOf(v.id);
          if (mine !== void 0) {
            const { task } = showView(ctx, v.id);
            if (task.lease && task.lease.holder === holder && task.lease.token === mine)
              return leaseAnswer(task.id, task.title, task.lease);
          }
          let claimed;
          let title;
          if (v.id === void 0) {
            const r = await next(ctx, { labels: v.labels ?? [], claim: true, ttl, via: "mcp" });
            claimed = r.claimed;
            title = r.pick.task?.title ?? "";
          } else {
            claimed = await transition(ctx, { action: "claim", id: v.id, ttl, via: "mcp" });
            title = showView(ctx, claimed.id).task.title;
          }
          const lease = claimed?.lease;
          if (!claimed || !lease) throw new RefusedError("The claim gave no lease");
          keeper.hold(claimed.id, lease);
          return leaseAnswer(claimed.id, title, lease);
        }
      },
      {
        name: "submit_task",
        description: "Hand your work in for review (DOING -> REVIEW); the lease ends.",
        args: { id: ID2 },
        output: MOVE,
        readOnly: false,
        idempotent: false,
        attempt: (v) => ({ action: "submit", id: v.id }),
        run: (kit, v) => leaseAction(kit, "submit", v.id)
      },
      {
        name: "release_task",
        description: "Give a task back undone (DOING -> READY); the lease ends.",
        args: { id: ID2 },
        output: MOVE,
        readOnly: false,
        idempotent: false,
        attempt: (v) => ({ action: "release", id: v.id }),
        run: (kit, v) => leaseAction(kit, "release", v.id)
      },
      {
        name: "block_task",
        description: "Mark a task blocked with the reason (its state stays); a CMD actor unblocks it.",
        args: { id: ID2, reason: { kind: "line", description: "why, one line", required: true } },
        output: obj({ id: str, state: str, blocked: str }),
        readOnly: false,
        idempotent: false,
        attempt: (v) => ({ action: "block", id: v.id }),
        run: async ({ ctx }, v) => {
          const r = await transition(ctx, { action: "block", id: v.id, reason: v.reason, via: "mcp" });
          return { id: r.id, state: r.to, blocked: v.reason };
        }
      },
      {
        name: "accept_task",
        description: "Accept reviewed work (REVIEW -> DONE), as AUDIT; never work you did yourself.",
        args: { id: ID2 },
        output: MOVE,
        readOnly: false,
        idempotent: false,
        attempt: (v) => ({ action: "accept", id: v.id }),
        // As the CLI's accept: the task's clean worktree is removed, a dirty one refuses (docs/paths.md).
        run: async ({ ctx }, v) => move(
          (await (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).transitionEndingWorktree(ctx, { action: "accept", id: v.id, via: "mcp" }, { keep: false })).result
        )
      },
      {
        name: "request_approval",
        description: "Ask for an approval of a subject (a task ID, or any text an approver decides on).",
        args: {
          subject: {
            kind: "line",
            description: "what to approve: a task ID like T-12, or a short subject",
            required: true
          },
          title: { kind: "line", description: "the request's title (default: from the subject)" },
          evidence: { kind: "lines", description: "evidence lines: links, test results" }
        },
        output: obj({ id: str, superseded: { type: "array", items: str } }),
        readOnly: false,
        idempotent: false,
        attempt: () => ({}),
        run: async ({ ctx }, v) => {
          const r = await requestApproval(ctx, {
            subject: v.subject,
            title: v.title,
            evidence: v.evidence
          });
          return { id: r.id, superseded: r.superseded };
        }
      },
      {
        name: "board_summary",
        description: `Counts by state, leases, approvals pending, and a page of tasks (${PAGE} by default).`,
        args: {
          state: { kind: "state", description: "only tasks in this state" },
          labels: { kind: "labels", description: "only tasks with all these labels" },
          mine: { kind: "bool", description: "only tasks assigned to you or leased by you" },
          cursor: { kind: "cursor", description: "the cursor of the previous page" },
          limit: { kind: "limit", description: `rows per page (default ${PAGE})` }
        },
        output: obj(
          {
            byState: { type: "object", additionalProperties: { type: "integer" } },
            blocked: { type: "integer" },
            leases: obj({ held: { type: "integer" }, expired: { type: "integer" } }),
            approvalsPending: { type: "integer" },
            total: { type: "integer", description: "tasks matching the filter" },
            tasks: { type: "array", items: ROW },
            cursor: { ...strOrNull, description: "pass it back for the next page; null on the last" }
          },
          ["byState", "total", "tasks", "cursor"]
        ),
        readOnly: true,
        idempotent: true,
        attempt: () => ({}),
        run: async ({ ctx, holder, actor }, v) => {
          const s = statusView(ctx).summary;
          const filter = matcher({
            states: v.state ? [v.state] : [],
            labels: v.labels ?? []
          });
          const keep = v.mine ? (t) => (filter?.(t) ?? true) && (t.assignee === actor || t.lease?.holder === holder) : filter;
          const tasks = listView(ctx, {}).tasks;
          const start = v.cursor ?? 0;
          const limit = v.limit ?? PAGE;
          const page = [];
          let total = 0;
          for (const t of tasks) {
            if (keep && !keep(t)) continue;
            if (total >= start && page.length < limit) page.push(row(t));
            total++;
          }
          const end = start + page.length;
          return {
            byState: s.byState,
            blocked: s.blocked.length,
            leases: { held: s.leases.held, expired: s.leases.expired.length },
            approvalsPending: s.approvals.pending,
            total,
            tasks: page,
            cursor: end < total ? String(end) : null
          };
        }
      }
    ];
  }
});

// src/mcp/server.ts
var server_exports = {};
__export(server_exports, {
  serveMcp: () => serveMcp,
  toolList: () => toolList
});
function toolList() {
  return TOOLS.map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: inputSchema(t.args),
    outputSchema: t.output,
    annotations: { readOnlyHint: t.readOnly, idempotentHint: t.idempotent, destructiveHint: false }
  }));
}
async function serveMcp(opts) {
  const { makeCtx, log } = opts;
  const who = whoActs(makeCtx(), "WORK");
  const holder = holderOf(who);
  const keeper = new LeaseKeeper(makeCtx, log);
  const byName = new Map(TOOLS.map((t) => [t.name, t]));
  const tools = toolList();
  const server = new import_mcp.Server(
    { name: "taskgate", version: opts.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: instructions(who.actor, who.roles)
    }
  );
  server.setRequestHandler(import_mcp.ListToolsRequestSchema, async () => ({ tools }));
  server.setRequestHandler(import_mcp.ListResourcesRequestSchema, async () => ({
    resources: [{ uri: GUIDE_URI, name: "workflow", title: "How to work on this board", mimeType: "text/markdown" }]
  }));
  server.setRequestHandler(import_mcp.ReadResourceRequestSchema, async (req) => {
    if (req.params.uri !== GUIDE_URI)
      throw new Error(`No resource ${req.params.uri}; the one resource is ${GUIDE_URI}`);
    return { contents: [{ uri: GUIDE_URI, mimeType: "text/markdown", text: GUIDE }] };
  });
  server.setRequestHandler(import_mcp.CallToolRequestSchema, async (req) => {
    const name = req.params.name;
    const args = req.params.arguments;
    const tool = byName.get(name);
    if (!tool)
      return refused({
        code: "INVALID_ARGUMENT",
        message: `There is no tool "${name}"; the tools are ${TOOLS.map((t) => t.name).join(", ")}`,
        next: "Call tools/list."
      });
    const identity = Object.keys(args ?? {}).find((k) => IDENTITY_KEYS.includes(k));
    if (identity !== void 0) {
      const named = String(args[identity]);
      return refused({
        code: "IDENTITY_FIXED",
        message: `${name} acts as ${who.actor}, fixed when this server started; "${identity}" (${named.slice(0, 60)}) cannot name who acts`,
        next: "Drop the argument; to act as someone else, start a server with --as NAME."
      });
    }
    const checked = checkArgs(name, tool.args, args);
    if (!checked.ok)
      return refused({
        code: "INVALID_ARGUMENT",
        message: checked.message,
        next: "Correct the argument and call again."
      });
    const ctx = makeCtx();
    try {
      return ok2(await tool.run({ ctx, keeper, holder, actor: who.actor }, checked.values));
    } catch (e) {
      const attempt = tool.attempt(checked.values);
      const token = attempt.id === void 0 ? void 0 : keeper.tokenOf(attempt.id);
      const r = explainRefusal(makeCtx(), e, { ...attempt, token });
      if (!r) throw e;
      return refused(r);
    }
  });
  const transport = new import_mcp.StdioServerTransport();
  let stopping;
  const stop = (why) => {
    stopping ??= (async () => {
      log(`taskgate mcp: ${why}; releasing ${keeper.ids.length} lease(s)`);
      await keeper.releaseAll();
      await server.close().catch(() => void 0);
    })();
    return stopping;
  };
  const ended = new Promise((resolve17) => {
    process.stdin.once("end", () => void stop("stdin ended").then(resolve17));
    process.stdin.once("close", () => void stop("stdin closed").then(resolve17));
    process.on("SIGTERM", () => void stop("SIGTERM").then(resolve17));
    process.on("SIGINT", () => void stop("SIGINT").then(resolve17));
  });
  await server.connect(transport);
  log(`taskgate mcp: serving as ${who.actor} (${holder})`);
  await ended;
  return 0;
}
var import_mcp, ok2, refused;
var init_server = __esm({
  "src/mcp/server.ts"() {
    "use strict";
    init_refusal();
    init_transition();
    init_workflow();
    import_mcp = require("./vendor-mcp.cjs");
    init_args();
    init_guide();
    init_leases();
    init_tools();
    ok2 = (value) => ({
      content: [{ type: "text", text: JSON.stringify(value) }],
      structuredContent: value
    });
    refused = (r) => ({
      content: [{ type: "text", text: JSON.stringify({ error: r }) }],
      isError: true
    });
  }
});

// src/rules/agent-guides.ts
function withGuideSection(text) {
  if (text === void 0) return { text: GUIDE_SECTION, change: "created" };
  const endAt = text.indexOf(END2);
  const start = endAt < 0 ? -1 : text.lastIndexOf(BEGIN, endAt);
  let next2;
  if (start >= 0 && endAt >= 0) {
    next2 = text.slice(0, start) + GUIDE_SECTION.slice(0, -1) + text.slice(endAt + END2.length);
  } else {
    const sep4 = text === "" ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
    next2 = text + sep4 + GUIDE_SECTION;
  }
  return { text: next2, change: next2 === text ? "unchanged" : "updated" };
}
function withMcpEntry(file, text) {
  if (text === void 0) {
    return {
      ok: true,
      text: `${JSON.stringify({ mcpServers: { taskgate: MCP_ENTRY } }, null, 2)}
`,
      change: "created"
    };
  }
  let doc2;
  try {
    doc2 = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON (${e.message}); fix it, then run again` };
  }
  if (typeof doc2 !== "object" || doc2 === null || Array.isArray(doc2))
    return { ok: false, message: `${file} must hold a JSON object with "mcpServers"` };
  const o = doc2;
  const servers = o.mcpServers ?? {};
  if (typeof servers !== "object" || servers === null || Array.isArray(servers))
    return { ok: false, message: `"mcpServers" in ${file} must be an object` };
  if ("taskgate" in servers) return { ok: true, text, change: "unchanged" };
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? "  ";
  const out = { ...o, mcpServers: { ...servers, taskgate: MCP_ENTRY } };
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { ok: true, text: `${JSON.stringify(out, null, indent).replace(/\n/g, eol)}${eol}`, change: "updated" };
}
var BEGIN, END2, GUIDE_SECTION, MCP_ENTRY;
var init_agent_guides = __esm({
  "src/rules/agent-guides.ts"() {
    "use strict";
    BEGIN = "<!-- taskgate:begin (written by `taskgate agents install`; replaced when it runs again) -->";
    END2 = "<!-- taskgate:end -->";
    GUIDE_SECTION = `${BEGIN}
## Tasks: taskgate

This repository keeps its tasks in TASKS.md and its approvals in APPROVALS.md, managed by
\`taskgate\`. Never edit those files by hand while working a task; go through taskgate.

- With the \`taskgate\` MCP server (see .mcp.json): call \`next_task\`, then \`claim_task\`
  (without an id it takes the best task for you), read it with \`show_task\`, do the work, then
  \`submit_task\`. Use \`release_task\` to give a task back and \`block_task\` with a reason when
  you cannot go on. The server keeps your lease alive; never send heartbeats. Errors carry a
  code (LEASE_HELD, FOUR_EYES, ...) and what to do next. The resource taskgate://workflow
  explains the workflow.
- Without it: \`taskgate next --claim --json\`, \`taskgate show ID\`, then
  \`taskgate submit ID --token N\` (or \`release\`, or \`block ID --reason "..."\`).
- One task at a time. Nobody accepts work they did themselves (four eyes).
${END2}
`;
    MCP_ENTRY = { command: "npx", args: ["taskgate", "mcp"] };
  }
});

// src/app/agents-install.ts
var agents_install_exports = {};
__export(agents_install_exports, {
  installAgentGuides: () => installAgentGuides
});
function installAgentGuides(root) {
  const mcp = withMcpEntry(".mcp.json", read((0, import_node_path20.join)(root, ".mcp.json")));
  if (!mcp.ok) throw new RefusedError(mcp.message);
  const plans = [
    ...["AGENTS.md", "CLAUDE.md"].map((file) => ({ file, ...withGuideSection(read((0, import_node_path20.join)(root, file))) })),
    { file: ".mcp.json", text: mcp.text, change: mcp.change }
  ];
  for (const p of plans)
    if (p.change !== "unchanged") writeFileAtomic((0, import_node_path20.join)(root, p.file), Buffer.from(p.text), void 0);
  return plans.map((p) => ({ file: p.file, change: p.change }));
}
var import_node_fs21, import_node_path20, read;
var init_agents_install = __esm({
  "src/app/agents-install.ts"() {
    "use strict";
    import_node_fs21 = require("node:fs");
    import_node_path20 = require("node:path");
    init_atomic_write();
    init_agent_guides();
    init_errors();
    read = (path) => (0, import_node_fs21.existsSync)(path) ? (0, import_node_fs21.readFileSync)(path, "utf8") : void 0;
  }
});

// src/rules/recent-done.ts
var recent_done_exports = {};
__export(recent_done_exports, {
  DONE_SHOWN: () => DONE_SHOWN,
  recentDone: () => recentDone
});
function recentDone(tasks, log, limit = DONE_SHOWN) {
  const done = tasks.filter((t) => t.state === "DONE");
  if (done.length <= limit) return { tasks: [...tasks], hidden: 0 };
  const doneAt = /* @__PURE__ */ new Map();
  for (const e of log) if (e.details.to === "DONE") doneAt.set(e.target, e.time);
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  const recent = [...done].sort(
    (a, b) => (doneAt.get(b.id) ?? Number.NEGATIVE_INFINITY) - (doneAt.get(a.id) ?? Number.NEGATIVE_INFINITY) || (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0)
  ).slice(0, limit);
  const keep = new Set(recent.map((t) => t.id));
  return { tasks: tasks.filter((t) => t.state !== "DONE" || keep.has(t.id)), hidden: done.length - limit };
}
var DONE_SHOWN;
var init_recent_done = __esm({
  "src/rules/recent-done.ts"() {
    "use strict";
    DONE_SHOWN = 10;
  }
});

// src/rules/steps.ts
function automatableKinds(actors) {
  const roles = /* @__PURE__ */ new Set();
  for (const a of actors.values()) if (a.automation) for (const r of a.roles) roles.add(r);
  const out = /* @__PURE__ */ new Set();
  if (roles.has("WORK")) out.add("run").add("handIn");
  if (roles.has("AUDIT")) out.add("review").add("approve");
  if (roles.has("CMD")) out.add("recover");
  return out;
}
function automationCodes(log, actors) {
  const auto = new Uint8Array(log.actors.length);
  log.actors.forEach((name, code) => {
    auto[code] = actors.get(name)?.automation === true ? 1 : 0;
  });
  return auto;
}
function takeSteps(T, i, auto, taken) {
  const at = T.target[i] * TASK_KINDS;
  const action = T.action[i];
  const from = T.from[i];
  const to = T.to[i];
  if (action === W.add) {
    taken[at + K.plan] = i;
    if (to === W.READY) taken[at + K.ready] = i;
  } else if (from === W.PLAN && to === W.READY) taken[at + K.ready] = i;
  else if ((action === W.claim || action === W.takeover) && to === W.DOING) taken[at + K.run] = i;
  else if (from === W.DOING && (to === W.REVIEW || to === W.DONE)) taken[at + K.handIn] = i;
  else if (from === W.REVIEW && (to === W.DONE || to === W.DOING || to === W.READY)) taken[at + K.review] = i;
  else if (action === W.recover && !auto && taken[at + K.recover] === -1) taken[at + K.recover] = i;
}
function eachStep(input, visit) {
  const { tasksLog: T, approvalsLog: A, until } = input;
  const can = automatableKinds(input.actors);
  const canKind = STEP_KINDS.map((k) => can.has(k));
  const autoT = automationCodes(T, input.actors);
  let taken = input.taken;
  if (!taken) {
    taken = new Int32Array(T.targets.length * TASK_KINDS).fill(-1);
    for (let i = 0; i < T.length; i++) {
      if (T.time[i] >= until) continue;
      takeSteps(T, i, T.marked[i] === 1 || autoT[T.actor[i]] === 1, taken);
    }
  }
  for (let c = 0; c < taken.length; c++) {
    const i = taken[c];
    if (i < 0) continue;
    const k = c % TASK_KINDS;
    const automated = T.marked[i] === 1 || autoT[T.actor[i]] === 1;
    let can2 = canKind[k];
    if (k === K.review) {
      const handIn = taken[c - K.review + K.handIn];
      can2 &&= handIn >= 0 && T.fromRun[handIn] === 1;
    }
    visit(k, T, i, automated, automated || can2);
  }
  const autoA = automationCodes(A, input.actors);
  const decided = new Int32Array(A.targets.length).fill(-1);
  for (let i = 0; i < A.length; i++) {
    if (A.time[i] >= until) continue;
    const action = A.action[i];
    if (action === W.approve || action === W.reject) decided[A.target[i]] = i;
  }
  const approve = STEP_KINDS.indexOf("approve");
  for (let x = 0; x < decided.length; x++) {
    const i = decided[x];
    if (i < 0) continue;
    const automated = A.marked[i] === 1 || autoA[A.actor[i]] === 1;
    const guarded = input.guardedApprovals?.has(A.targets[x]) === true;
    visit(approve, A, i, automated, automated || can.has("approve") && !guarded);
  }
}
var STEP_KINDS, TASK_KINDS, K;
var init_steps = __esm({
  "src/rules/steps.ts"() {
    "use strict";
    init_log_facts();
    STEP_KINDS = ["plan", "ready", "run", "handIn", "review", "recover", "approve"];
    TASK_KINDS = 6;
    K = { plan: 0, ready: 1, run: 2, handIn: 3, review: 4, recover: 5 };
  }
});

// src/rules/twice.ts
function workDoneTwice(log, since, until, folded) {
  let runs = folded;
  if (!runs) {
    runs = new Runs();
    runs.targets(log.targets.length);
    for (let i = 0; i < log.length; i++) if (log.time[i] < until) runs.line(log, i);
  }
  const R = runs;
  const end = (r) => {
    const c = R.closed[r];
    const n = R.noticed[r];
    return Math.max(Number.isNaN(c) ? until : c, Number.isNaN(n) ? 0 : n);
  };
  const lostInPeriod = (r) => R.how[r] !== NOT_LOST && R.lostAt[r] >= since && R.lostAt[r] < until;
  const overlaps = [];
  let overlapTime = 0;
  const lostBy = { recovered: 0, takenOver: 0, lost: 0 };
  let lostClaims = 0;
  const lostTimes = new Float64Array(R.n);
  const twice = new Uint8Array(log.targets.length);
  const suspect = new Uint8Array(log.targets.length);
  const latestEnd = new Float64Array(log.targets.length).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < R.n; r++) {
    const x = R.target[r];
    if (latestEnd[x] > R.start[r]) suspect[x] = 1;
    const e = end(r);
    if (e > latestEnd[x]) latestEnd[x] = e;
    if (!lostInPeriod(r)) continue;
    const how = R.how[r];
    if (how === 0) lostBy.recovered++;
    else if (how === 1) lostBy.takenOver++;
    else lostBy.lost++;
    lostTimes[lostClaims++] = R.lostAt[r];
    twice[x] = 1;
  }
  const order = [];
  const going = [];
  for (let x = 0; x < R.head.length; x++) {
    if (!suspect[x]) continue;
    order.length = 0;
    for (let r = R.head[x]; r >= 0; r = R.prev[r]) order.push(r);
    if (order.length < 2) continue;
    going.length = 0;
    for (let j = order.length - 1; j >= 0; j--) {
      const b = order[j];
      const bStart = R.start[b];
      let kept = 0;
      for (const a of going) if (end(a) > bStart) going[kept++] = a;
      going.length = kept;
      if (bStart >= since) {
        for (const a of going) {
          if (R.session[a] !== NONE && R.session[a] === R.session[b]) continue;
          const aEnd = end(a);
          const both = Math.min(aEnd, end(b)) - bStart;
          overlapTime += both;
          overlaps.push({
            task: log.targets[x],
            first: { actor: log.actors[R.actor[a]], start: R.start[a], end: aEnd },
            second: { actor: log.actors[R.actor[b]], start: bStart },
            both
          });
          twice[x] = 1;
        }
      }
      going.push(b);
    }
  }
  const newest = lostTimes.subarray(0, lostClaims).sort();
  const from = lostClaims > RECENT2 ? newest[lostClaims - RECENT2] : Number.NEGATIVE_INFINITY;
  const recentLostClaims = [];
  for (let r = 0; r < R.n; r++) {
    if (!lostInPeriod(r) || R.lostAt[r] < from) continue;
    recentLostClaims.push({
      task: log.targets[R.target[r]],
      actor: log.actors[R.actor[r]],
      start: R.start[r],
      at: R.lostAt[r],
      how: HOW[R.how[r]]
    });
  }
  recentLostClaims.sort((p, q) => p.at - q.at);
  overlaps.sort((p, q) => p.second.start - q.second.start);
  const tasks = [];
  twice.forEach((v, x) => {
    if (v) tasks.push(log.targets[x]);
  });
  return {
    overlaps: overlaps.length,
    overlapTime,
    lostClaims,
    lostBy,
    tasks,
    recentOverlaps: overlaps.slice(-RECENT2),
    recentLostClaims: recentLostClaims.slice(-RECENT2)
  };
}
var RECENT2, HOW, NOT_LOST, COLUMNS, Runs;
var init_twice = __esm({
  "src/rules/twice.ts"() {
    "use strict";
    init_log_facts();
    RECENT2 = 10;
    HOW = ["recovered", "taken over", "lost"];
    NOT_LOST = 255;
    COLUMNS = ["target", "actor", "session", "prev", "start", "closed", "noticed", "how", "lostAt"];
    Runs = class _Runs {
      n = 0;
      target = new Int32Array(64);
      actor = new Int32Array(64);
      session = new Int32Array(64);
      prev = new Int32Array(64);
      start = new Float64Array(64);
      /** When the log moved the task out of DOING for it (NaN: not yet). */
      closed = new Float64Array(64);
      /** When the run said it lost its lease (NaN: it did not). */
      noticed = new Float64Array(64);
      /** How it was lost (an index into HOW; NOT_LOST), and when. */
      how = new Uint8Array(64);
      lostAt = new Float64Array(64);
      /** Per target: its newest run (-1: none), and its runs not closed yet. */
      head = new Int32Array(0);
      open = new Int32Array(0);
      /** Room for the log's targets. */
      targets(n) {
        if (this.head.length >= n) return;
        const head = new Int32Array(n).fill(-1);
        head.set(this.head);
        const open = new Int32Array(n);
        open.set(this.open);
        this.head = head;
        this.open = open;
      }
      /** Line i of the log: a claim starts a run, a move out of DOING or a `lost` line ends one. */
      line(log, i) {
        const t = log.time[i];
        const x = log.target[i];
        const action = log.action[i];
        const from = log.from[i];
        const to = log.to[i];
        if ((action === W.claim || action === W.takeover) && to === W.DOING) {
          if (action === W.takeover) {
            for (let r = this.head[x]; r >= 0; r = this.prev[r]) {
              if (!Number.isNaN(this.closed[r])) continue;
              this.close(r, t);
              this.lose(r, 1, t);
            }
          }
          this.add(x, log.actor[i], log.session[i], t);
        } else if (action === W.lost) {
          const r = this.runOf(log, i, true);
          if (r < 0) return;
          this.noticed[r] = t;
          this.close(r, t);
          this.lose(r, 2, t);
        } else if (from === W.DOING && to !== NONE && to !== W.DOING) {
          const r = this.runOf(log, i, false);
          if (r < 0) return;
          this.close(r, t);
          if (action === W.recover) this.lose(r, 0, t);
        }
      }
      /**
       * The run line i belongs to, among its task's open runs (or all with `any`): same session
       * (else same actor), the newest; else the newest; -1: none.
       */
      runOf(log, i, any) {
        const x = log.target[i];
        const session = log.session[i];
        const actor = log.actor[i];
        let newest = -1;
        for (let r = this.head[x]; r >= 0; r = this.prev[r]) {
          if (!any && !Number.isNaN(this.closed[r])) continue;
          if (!any && this.open[x] === 1) return r;
          if (newest < 0) newest = r;
          if (session !== NONE ? this.session[r] === session : this.actor[r] === actor) return r;
        }
        return newest;
      }
      add(x, actor, session, start) {
        if (this.n === this.target.length) this.grow(Math.max(64, this.n * 2));
        const r = this.n++;
        this.target[r] = x;
        this.actor[r] = actor;
        this.session[r] = session;
        this.prev[r] = this.head[x];
        this.head[x] = r;
        this.open[x] = this.open[x] + 1;
        this.start[r] = start;
        this.closed[r] = Number.NaN;
        this.noticed[r] = Number.NaN;
        this.how[r] = NOT_LOST;
        this.lostAt[r] = Number.NaN;
      }
      close(r, t) {
        if (!Number.isNaN(this.closed[r])) return;
        this.closed[r] = t;
        const x = this.target[r];
        this.open[x] = this.open[x] - 1;
      }
      lose(r, how, t) {
        if (this.how[r] !== NOT_LOST) return;
        this.how[r] = how;
        this.lostAt[r] = t;
      }
      grow(n) {
        for (const name of COLUMNS) {
          const a = this[name];
          const b = new a.constructor(n);
          b.set(a.subarray(0, Math.min(a.length, n)));
          this[name] = b;
        }
      }
      /** The columns, for the memo. */
      parts() {
        const out = { head: this.head, open: this.open };
        for (const name of COLUMNS) out[name] = this[name].subarray(0, this.n);
        return out;
      }
      /** Runs from their parts, or undefined when they are not. */
      static fromParts(c) {
        const runs = new _Runs();
        const n = c.target?.length;
        if (n === void 0 || !(c.head instanceof Int32Array) || !(c.open instanceof Int32Array)) return void 0;
        for (const name of COLUMNS) {
          const a = c[name];
          if (!a || a.length !== n || a.constructor !== runs[name].constructor) return void 0;
          runs[name] = a;
        }
        runs.n = n;
        runs.head = c.head;
        runs.open = c.open;
        return runs;
      }
    };
  }
});

// src/rules/log-fold.ts
function perTarget(a, n, empty) {
  if (a.length >= n) return a;
  const grown = new a.constructor(n);
  grown.set(a);
  grown.fill(empty, a.length);
  return grown;
}
function timeRange(times, inOrder, since, until) {
  if (!inOrder) return void 0;
  return [firstAtOrAfter(times, since), firstAtOrAfter(times, until)];
}
function firstAtOrAfter(times, t) {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var Column, f64, i32, u8, STATE_CODES, RECOVERED_LEASE, FAILED_RUN, LogFold;
var init_log_fold = __esm({
  "src/rules/log-fold.ts"() {
    "use strict";
    init_log_facts();
    init_steps();
    init_twice();
    Column = class {
      constructor(data, make, length = data.length) {
        this.data = data;
        this.make = make;
        this.length = length;
      }
      data;
      make;
      length;
      push(v) {
        if (this.length === this.data.length) {
          const grown = this.make(Math.max(64, this.data.length * 2));
          grown.set(this.data);
          this.data = grown;
        }
        this.data[this.length] = v;
        return this.length++;
      }
      /** The values, without the room kept for more. */
      view() {
        return this.data.subarray(0, this.length);
      }
    };
    f64 = (a) => new Column(a ?? new Float64Array(0), (n) => new Float64Array(n));
    i32 = (a) => new Column(a ?? new Int32Array(0), (n) => new Int32Array(n));
    u8 = (a) => new Column(a ?? new Uint8Array(0), (n) => new Uint8Array(n));
    STATE_CODES = [W.PLAN, W.READY, W.DOING, W.REVIEW, W.DONE];
    RECOVERED_LEASE = 1;
    FAILED_RUN = 2;
    LogFold = class _LogFold {
      /** The log lines folded so far. */
      lines = 0;
      /** Whether the line times so far never go back (the events can then be searched by time). */
      inOrder = true;
      lastTime = Number.NEGATIVE_INFINITY;
      /** Per actor code: 1 when the actor was an automation actor when folded. */
      automationActors;
      // Per target code.
      created = new Float64Array(0);
      // its first add line (NaN: none)
      firstClaim = new Float64Array(0);
      // its first move to DOING (NaN: none)
      enteredTime = new Float64Array(0);
      // when it entered its current state
      enteredState = new Int32Array(0);
      // its current state's word code (NONE: not seen)
      lastManual = new Int32Array(0);
      // the last line on it by a person (-1: none)
      failureHead = new Int32Array(0);
      // its newest failure not yet ended DONE (-1: none)
      stepTaken = new Int32Array(0);
      // per target and kind of step: the line that took it (steps.ts; -1: none)
      // Its runs, for work done twice (twice.ts).
      runs = new Runs();
      // State changes (new tasks, and lines that change a state): time, and the number of the
      // automated ones up to and including each.
      changeTime = f64();
      changeAutomatedUpTo = i32();
      // Failures: time, kind, line, the failure before it on its task (-1: none), when the work was
      // handed in again (NaN: not yet) and whether without a person, and whether the task then
      // ended DONE.
      failureTime = f64();
      failureKind = u8();
      failureLine = i32();
      failureNext = i32();
      failureRedone = f64();
      failureRedoneAuto = u8();
      failureDone = u8();
      // Moves to DONE: time and target.
      doneTime = f64();
      doneTarget = i32();
      // Spells, per state: the time a task left the state (from it), and how long it was in it.
      spellTime = STATE_CODES.map(() => f64());
      spellLength = STATE_CODES.map(() => f64());
      constructor(automationActors3) {
        this.automationActors = automationActors3;
      }
      /** Folds the lines of `log` from where the fold stopped to its end. */
      continue(log) {
        const n = log.targets.length;
        this.created = perTarget(this.created, n, Number.NaN);
        this.firstClaim = perTarget(this.firstClaim, n, Number.NaN);
        this.enteredTime = perTarget(this.enteredTime, n, Number.NaN);
        this.enteredState = perTarget(this.enteredState, n, NONE);
        this.lastManual = perTarget(this.lastManual, n, -1);
        this.failureHead = perTarget(this.failureHead, n, -1);
        this.stepTaken = perTarget(this.stepTaken, n * TASK_KINDS, -1);
        this.runs.targets(n);
        const autoActor = this.automationActors;
        let automated = this.changeAutomatedUpTo.length ? this.changeAutomatedUpTo.data[this.changeAutomatedUpTo.length - 1] : 0;
        for (let i = this.lines; i < log.length; i++) {
          const time = log.time[i];
          const x = log.target[i];
          const action = log.action[i];
          const from = log.from[i];
          const to = log.to[i];
          const auto = log.marked[i] === 1 || autoActor[log.actor[i]] === 1;
          if (time < this.lastTime) this.inOrder = false;
          this.lastTime = time;
          takeSteps(log, i, auto, this.stepTaken);
          this.runs.line(log, i);
          const changed = action === W.add || to !== NONE && to !== from;
          if (changed) {
            if (auto) automated++;
            this.changeTime.push(time);
            this.changeAutomatedUpTo.push(automated);
          }
          if (!auto) this.lastManual[x] = i;
          if (to === W.REVIEW || to === W.DONE) this.handedIn(x, time, to === W.DONE);
          if (action === W.recover || action === W.fail) {
            const p = this.failureTime.push(time);
            this.failureKind.push(action === W.recover ? RECOVERED_LEASE : FAILED_RUN);
            this.failureLine.push(i);
            this.failureNext.push(this.failureHead[x]);
            this.failureRedone.push(Number.NaN);
            this.failureRedoneAuto.push(0);
            this.failureDone.push(0);
            this.failureHead[x] = p;
          }
          if (action === W.add) {
            if (Number.isNaN(this.created[x])) this.created[x] = time;
            this.enteredState[x] = to === NONE ? W.PLAN : to;
            this.enteredTime[x] = time;
            continue;
          }
          if (!changed || to === NONE) continue;
          if (to === W.DOING && Number.isNaN(this.firstClaim[x])) this.firstClaim[x] = time;
          if (to === W.DONE) {
            this.doneTime.push(time);
            this.doneTarget.push(x);
          }
          const was = this.enteredState[x];
          if (was !== NONE && was === from) {
            const k = STATE_CODES.indexOf(was);
            if (k >= 0) {
              this.spellTime[k].push(time);
              this.spellLength[k].push(time - this.enteredTime[x]);
            }
          }
          this.enteredState[x] = to;
          this.enteredTime[x] = time;
        }
        this.lines = log.length;
        return this;
      }
      /**
       * Task x handed its work in (to REVIEW or DONE) at `time`: its failures still waiting are
       * redone, automatically when no person acted on the task since the failure; at DONE, all its
       * failures ended DONE.
       */
      handedIn(x, time, done) {
        const head = this.failureHead[x];
        if (head < 0) return;
        const redone = this.failureRedone.data;
        const next2 = this.failureNext.data;
        for (let p = head; p >= 0 && Number.isNaN(redone[p]); p = next2[p]) {
          redone[p] = time;
          this.failureRedoneAuto.data[p] = this.lastManual[x] <= this.failureLine.data[p] ? 1 : 0;
        }
        if (!done) return;
        for (let p = head; p >= 0; p = next2[p]) this.failureDone.data[p] = 1;
        this.failureHead[x] = -1;
      }
      /** The fold's state, for the memo. */
      parts() {
        const columns2 = {
          automationActors: this.automationActors,
          created: this.created,
          firstClaim: this.firstClaim,
          enteredTime: this.enteredTime,
          enteredState: this.enteredState,
          lastManual: this.lastManual,
          failureHead: this.failureHead,
          stepTaken: this.stepTaken
        };
        for (const [name, c] of this.eventColumns()) columns2[name] = c.view();
        for (const [name, c] of Object.entries(this.runs.parts())) columns2[`runs.${name}`] = c;
        return {
          numbers: { lines: this.lines, inOrder: this.inOrder ? 1 : 0, lastTime: this.lastTime },
          columns: columns2
        };
      }
      /** A fold from its parts, or undefined when they are not a fold's. */
      static fromParts(p) {
        const c = p.columns;
        const is = (name, kind) => c[name] instanceof kind ? c[name] : void 0;
        const automationActors3 = is("automationActors", Uint8Array);
        if (!automationActors3) return void 0;
        const fold = new _LogFold(automationActors3);
        const f = (name) => is(name, Float64Array);
        const i = (name) => is(name, Int32Array);
        const created = f("created");
        const firstClaim = f("firstClaim");
        const enteredTime = f("enteredTime");
        const enteredState = i("enteredState");
        const lastManual = i("lastManual");
        const failureHead = i("failureHead");
        const stepTaken = i("stepTaken");
        const runs = Runs.fromParts(
          Object.fromEntries(
            Object.entries(c).filter(([name]) => name.startsWith("runs.")).map(([name, v]) => [name.slice(5), v])
          )
        );
        if (!created || !firstClaim || !enteredTime || !enteredState || !lastManual || !failureHead) return void 0;
        if (!stepTaken || !runs) return void 0;
        Object.assign(fold, { created, firstClaim, enteredTime, enteredState, lastManual, failureHead, stepTaken, runs });
        for (const [name, col] of fold.eventColumns()) {
          const data = c[name];
          if (!data || data.constructor !== col.data.constructor) return void 0;
          col.data = data;
          col.length = data.length;
        }
        const { lines, inOrder, lastTime } = p.numbers;
        if (typeof lines !== "number" || typeof lastTime !== "number") return void 0;
        fold.lines = lines;
        fold.inOrder = inOrder === 1;
        fold.lastTime = lastTime;
        return fold;
      }
      eventColumns() {
        const cols = [
          ["changeTime", this.changeTime],
          ["changeAutomatedUpTo", this.changeAutomatedUpTo],
          ["failureTime", this.failureTime],
          ["failureKind", this.failureKind],
          ["failureLine", this.failureLine],
          ["failureNext", this.failureNext],
          ["failureRedone", this.failureRedone],
          ["failureRedoneAuto", this.failureRedoneAuto],
          ["failureDone", this.failureDone],
          ["doneTime", this.doneTime],
          ["doneTarget", this.doneTarget]
        ];
        STATE_CODES.forEach((_, k) => {
          cols.push([`spellTime${k}`, this.spellTime[k]]);
          cols.push([`spellLength${k}`, this.spellLength[k]]);
        });
        return cols;
      }
    };
  }
});

// src/rules/metrics.ts
function spread(values) {
  return spreadOf(new Float64Array(values));
}
function spreadOf(xs) {
  const n = xs.length;
  if (n === 0) return { count: 0, median: null, p90: null, sum: 0 };
  let sum = 0;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    sum += v;
    if (wholeSeconds && (v % 1e3 !== 0 || Math.abs(v / 1e3) > MAX_SECONDS)) wholeSeconds = false;
  }
  let at;
  if (wholeSeconds) {
    const seconds = new Int32Array(n);
    for (let i = 0; i < n; i++) seconds[i] = xs[i] / 1e3;
    seconds.sort();
    at = (k) => seconds[k] * 1e3;
  } else {
    xs.sort();
    at = (k) => xs[k];
  }
  const rank = (q) => at(Math.max(0, Math.ceil(q * n) - 1));
  return { count: n, median: rank(0.5), p90: rank(0.9), sum };
}
function automationActors2(log, actors) {
  const auto = new Uint8Array(log.actors.length);
  log.actors.forEach((name, code) => {
    auto[code] = actors.get(name)?.automation === true ? 1 : 0;
  });
  return auto;
}
function countSteps(input, days, since) {
  const byKind = Object.fromEntries(STEP_KINDS.map((k) => [k, [0, 0, 0]]));
  const kinds = STEP_KINDS.map((k) => byKind[k]);
  const dailySteps = new Int32Array(days.length);
  const dailyAutomated = new Int32Array(days.length);
  let n = 0;
  let automated = 0;
  let automatable = 0;
  let automatableAutomated = 0;
  let all = 0;
  let allAutomated = 0;
  eachStep(input, (kind, log, line2, auto, can) => {
    all++;
    if (auto) allAutomated++;
    const time = log.time[line2];
    if (time < since) return;
    n++;
    const k = kinds[kind];
    k[0]++;
    const d = dayIndex(days, time);
    dailySteps[d] = dailySteps[d] + 1;
    if (auto) {
      automated++;
      k[1]++;
      dailyAutomated[d] = dailyAutomated[d] + 1;
    }
    if (can) {
      automatable++;
      k[2]++;
      if (auto) automatableAutomated++;
    }
  });
  return {
    steps: n,
    automated,
    rate: n ? automated / n : null,
    automatable,
    automatableAutomated,
    automatableRate: automatable ? automatableAutomated / automatable : null,
    byKind,
    daily: days.map((day2, d) => [day2.start, dailySteps[d], dailyAutomated[d]]),
    all,
    allAutomated
  };
}
function eachInPeriod(times, fold, since, until, f) {
  const range = timeRange(times, fold.inOrder, since, until);
  if (range) for (let i = range[0]; i < range[1]; i++) f(i);
  else for (let i = 0; i < times.length; i++) if (times[i] >= since && times[i] < until) f(i);
}
function failuresIn(fold, T, since, until) {
  const times = fold.failureTime.view();
  const kind = fold.failureKind.data;
  const done = fold.failureDone.data;
  const redoneAuto = fold.failureRedoneAuto.data;
  const redone = fold.failureRedone.data;
  const range = timeRange(times, fold.inOrder, since, until);
  const [a, b] = range ?? [0, times.length];
  const out = { failures: 0, leaseExpiries: 0, failedRuns: 0, autoRecovered: 0, recovered: 0 };
  const recoverTimes = new Float64Array(b - a);
  const lastOfTask = /* @__PURE__ */ new Map();
  const line2 = fold.failureLine.data;
  let n = 0;
  for (let p = a; p < b; p++) {
    const t = times[p];
    if (!range && (t < since || t >= until)) continue;
    lastOfTask.set(T.target[line2[p]], p);
    out.failures++;
    if (kind[p] === RECOVERED_LEASE) out.leaseExpiries++;
    else out.failedRuns++;
    if (done[p] !== 1) continue;
    out.recovered++;
    if (redoneAuto[p] !== 1) continue;
    out.autoRecovered++;
    recoverTimes[n++] = redone[p] - t;
  }
  let tasksAutoRecovered = 0;
  for (const p of lastOfTask.values()) if (done[p] === 1 && redoneAuto[p] === 1) tasksAutoRecovered++;
  return { ...out, recoverTimes: recoverTimes.subarray(0, n), tasks: lastOfTask.size, tasksAutoRecovered };
}
function foldTasksLog(log, actors, from) {
  const automation = automationActors2(log, actors);
  if (from?.automationActors.every((v, i) => automation[i] === v) && from.lines <= log.length) {
    from.automationActors = automation;
    return from.continue(log);
  }
  return new LogFold(automation).continue(log);
}
function computeMetrics(input) {
  const { since, until, actors } = input;
  const inPeriod = (t) => t >= since && t < until;
  const timeZone = input.policy.timeZone ?? "UTC";
  const days = daysOf(since, until, timeZone);
  const T = input.tasksLog;
  const A = input.approvalsLog;
  const fold = input.tasksFold ?? foldTasksLog(T, actors);
  const whole = fold.inOrder && fold.lastTime < until && fold.lines === T.length;
  const steps = countSteps(
    {
      tasksLog: T,
      approvalsLog: A,
      actors,
      until,
      guardedApprovals: input.guardedApprovals,
      taken: whole ? fold.stepTaken : void 0
    },
    days,
    since
  );
  const changes = new ChangeCount(until);
  changes.addFolded(fold);
  let decisionsTotal = 0;
  let autoDecisionsTotal = 0;
  const autoInA = automationActors2(A, actors);
  const requested = perTarget2(A);
  const current = [];
  const previousWaits = [];
  const previousSince = since - (until - since);
  for (let i = 0; i < A.length; i++) {
    const action = A.action[i];
    const time = A.time[i];
    const target = A.target[i];
    if (action === W.request) {
      if (Number.isNaN(requested[target])) requested[target] = time;
      continue;
    }
    if (action !== W.approve && action !== W.reject) continue;
    const auto = A.marked[i] === 1 || autoInA[A.actor[i]] === 1;
    changes.add(time, auto);
    if (time < until) {
      decisionsTotal++;
      if (auto) autoDecisionsTotal++;
    }
    const asked = requested[target];
    if (Number.isNaN(asked)) continue;
    if (inPeriod(time)) current.push([time, time - asked, auto]);
    else if (time >= previousSince && time < since) previousWaits.push(time - asked);
  }
  const previous = spread(previousWaits);
  const all = spread(current.map((d) => d[1]));
  const change = all.median !== null && previous.median !== null && previous.median > 0 ? (all.median - previous.median) / previous.median : null;
  const totals = {
    changes: changes.allChanges,
    automated: changes.allAutomated,
    decisions: decisionsTotal,
    autoDecisions: autoDecisionsTotal,
    steps: steps.all,
    automatedSteps: steps.allAutomated
  };
  const failed = failuresIn(fold, T, since, until);
  const { failures, leaseExpiries, failedRuns, autoRecovered, recovered, recoverTimes } = failed;
  const { created, firstClaim } = fold;
  const targetCode = new Map(T.targets.map((t, code) => [t, code]));
  const createdAt = new Float64Array(created);
  const createdOf = (t) => {
    const x = targetCode.get(t.id);
    return t.created ?? (x === void 0 || Number.isNaN(created[x]) ? void 0 : created[x]);
  };
  for (const t of input.tasks) {
    const x = targetCode.get(t.id);
    if (x !== void 0 && t.created !== void 0) createdAt[x] = t.created;
  }
  const dailyDoneCount = new Int32Array(days.length);
  const lead = [];
  const cycle = [];
  let doneCount = 0;
  const doneTimes = fold.doneTime.view();
  const doneTarget = fold.doneTarget.data;
  eachInPeriod(doneTimes, fold, since, until, (k) => {
    const x = doneTarget[k];
    const time = doneTimes[k];
    doneCount++;
    const d = dayIndex(days, time);
    dailyDoneCount[d] = dailyDoneCount[d] + 1;
    if (!Number.isNaN(createdAt[x])) lead.push(time - createdAt[x]);
    if (!Number.isNaN(firstClaim[x])) cycle.push(time - firstClaim[x]);
  });
  const dailyDone = days.map((day2, d) => [day2.start, dailyDoneCount[d]]);
  const spellsIn = (k) => {
    const times = fold.spellTime[k].view();
    const lengths = fold.spellLength[k].data;
    const range = timeRange(times, fold.inOrder, since, until);
    if (range) return lengths.slice(range[0], range[1]);
    const out = [];
    eachInPeriod(times, fold, since, until, (i) => out.push(lengths[i]));
    return new Float64Array(out);
  };
  const wip = Object.fromEntries(STATES.map((s) => [s, 0]));
  const ages = [];
  let blocked = 0;
  for (const t of input.tasks) {
    wip[t.state]++;
    if (t.state === "DONE") continue;
    if (t.blocked !== void 0) blocked++;
    const c = createdOf(t);
    if (c !== void 0) ages.push({ id: t.id, age: input.now - c });
  }
  ages.sort((a, b) => b.age - a.age);
  const approvalWait = {
    all,
    automatic: spread(current.filter((d) => d[2]).map((d) => d[1])),
    manual: spread(current.filter((d) => !d[2]).map((d) => d[1])),
    previous,
    change,
    decisions: current
  };
  const recoveryRate = failures ? autoRecovered / failures : null;
  const goal = (target, actual, better) => target === void 0 ? void 0 : { target, actual, met: actual === null ? null : better === "higher" ? actual >= target : actual <= target };
  return {
    since,
    until,
    timeZone,
    days,
    automation: {
      steps: steps.steps,
      automated: steps.automated,
      rate: steps.rate,
      automatable: steps.automatable,
      automatableAutomated: steps.automatableAutomated,
      automatableRate: steps.automatableRate,
      byKind: steps.byKind,
      daily: steps.daily
    },
    approvalWait,
    recovery: {
      failures,
      leaseExpiries,
      failedRuns,
      autoRecovered,
      recovered,
      rate: recoveryRate,
      timeToRecover: spreadOf(recoverTimes),
      tasks: failed.tasks,
      tasksAutoRecovered: failed.tasksAutoRecovered,
      tasksRate: failed.tasks ? failed.tasksAutoRecovered / failed.tasks : null,
      deadLetters: input.tasks.filter(isDeadLetter).map((t) => t.id)
    },
    workDoneTwice: workDoneTwice(T, since, until, whole ? fold.runs : void 0),
    flow: {
      done: doneCount,
      throughputPerDay: doneCount / ((until - since) / DAY3),
      daily: dailyDone,
      leadTime: spread(lead),
      cycleTime: spread(cycle),
      timeInState: Object.fromEntries(STATES.map((s, k) => [s, spreadOf(spellsIn(k))])),
      wip,
      openAge: spread(ages.map((a) => a.age)),
      oldestOpen: ages.slice(0, 5),
      blocked
    },
    totals,
    goals: {
      // The seed's automation target is about the work automation may do: automatable automated.
      automation: goal(input.policy.goals.automation, steps.automatableRate, "higher"),
      recovery: goal(input.policy.goals.recovery, recoveryRate, "higher"),
      approvalWait: goal(input.policy.goals.approvalWait, change, "lower")
    }
  };
}
var DAY3, MAX_SECONDS, perTarget2, ChangeCount;
var init_metrics = __esm({
  "src/rules/metrics.ts"() {
    "use strict";
    init_log_facts();
    init_task();
    init_days();
    init_log_fold();
    init_steps();
    init_summary();
    init_twice();
    DAY3 = 864e5;
    MAX_SECONDS = 2 ** 31 - 1;
    perTarget2 = (log) => new Float64Array(log.targets.length).fill(Number.NaN);
    ChangeCount = class {
      constructor(until) {
        this.until = until;
      }
      until;
      allChanges = 0;
      allAutomated = 0;
      add(time, auto) {
        if (time >= this.until) return;
        this.allChanges++;
        if (auto) this.allAutomated++;
      }
      /** The fold's state changes: counted by searching their times when the log is in time order. */
      addFolded(fold) {
        const times = fold.changeTime.view();
        const upTo = fold.changeAutomatedUpTo.view();
        if (!fold.inOrder) {
          for (let i = 0; i < times.length; i++) {
            this.add(times[i], upTo[i] > (i > 0 ? upTo[i - 1] : 0));
          }
          return;
        }
        const b = timeRange(times, true, this.until, this.until)[0];
        this.allChanges += b;
        this.allAutomated += b > 0 ? upTo[b - 1] : 0;
      }
    };
  }
});

// src/app/metrics.ts
var metrics_exports = {};
__export(metrics_exports, {
  logOf: () => logOf,
  metricsView: () => metricsView,
  parseWhen: () => parseWhen
});
function parseWhen(text, now, what, timeZone = "UTC") {
  const rel = /^(\d+)([dhm])$/.exec(text);
  if (rel) return now - Number(rel[1]) * { d: DAY4, h: 36e5, m: 6e4 }[rel[2]];
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t2 = startOfDate(text, timeZone);
    if (t2 !== void 0) return t2;
  }
  const t = parseTime(text);
  if (t === void 0) {
    throw new UsageError(
      `Expected ${what} as a date (2026-11-01), a UTC time (2026-11-01T09:00:00Z) or an age (30d, 12h), found "${text}"`
    );
  }
  return t;
}
function logOf(memo, path, bytes, doc2, log, fold) {
  const s = log.section;
  if (!s) return { table: emptyLogTable(), derived: void 0 };
  if (memo) return memo.table(path, doc2.text, bytes, s.start, s.end, fold);
  const table = logTable(doc2, s);
  return { table, derived: fold?.advance(table, void 0) };
}
async function metricsView(ctx, period) {
  const tasksFile = ctx.ports.readSnapshot(ctx.paths.tasks);
  if (!tasksFile) throw missingLedger(ctx, "tasks");
  const tasks = parseTasksLazily(ctx, tasksFile.text);
  const zone = tasks.policy.timeZone ?? "UTC";
  if (!isTimeZone(zone)) {
    const before = tasksFile.text.slice(0, Math.max(0, tasksFile.text.search(/^- time-zone:/m)));
    const line2 = before.split("\n").length;
    const message = `Expected a time zone this system knows, like UTC or Europe/Berlin, for "time-zone", found "${zone}"`;
    const d = {
      severity: "error",
      file: ctx.paths.tasksDisplay,
      line: line2,
      column: 14,
      code: "bad-time-zone",
      message
    };
    throw new InvalidLedgerError(formatDiagnostic(d), [d]);
  }
  const until = period.until ? parseWhen(period.until, ctx.now, "--until", zone) : ctx.now;
  const since = period.since ? parseWhen(period.since, ctx.now, "--since", zone) : until - 30 * DAY4;
  if (since >= until) throw new UsageError("--since must be before --until");
  const approvalsFile = ctx.ports.readSnapshot(ctx.paths.approvals);
  const approvals = approvalsFile && parseApprovals(ctx, approvalsFile.text);
  const actors = approvals?.actors ?? /* @__PURE__ */ new Map();
  const fold = {
    advance: (table, d) => foldTasksLog(table, actors, d),
    parts: (d) => d.parts(),
    fromParts: (p) => LogFold.fromParts(p)
  };
  const memo = await ctx.ports.logMemo?.();
  const tasksLog = logOf(memo, ctx.paths.tasks, tasksFile.bytes, tasks.doc, tasks.log, fold);
  const metrics = computeMetrics({
    tasksLog: tasksLog.table,
    tasksFold: tasksLog.derived,
    approvalsLog: approvalsFile && approvals ? logOf(memo, ctx.paths.approvals, approvalsFile.bytes, approvals.doc, approvals.log).table : emptyLogTable(),
    tasks: taskSummaries(tasks),
    actors,
    policy: tasks.policy,
    since,
    until,
    now: Math.min(ctx.now, until),
    // Requests to change Roles, Policy or Rules: automation never decides them.
    guardedApprovals: new Set(
      [...approvals?.byId.values() ?? []].filter((e) => e.approval.fields.some((f) => f.key === "change")).map((e) => e.approval.id)
    )
  });
  const errors = [...tasks.diagnostics, ...approvals?.diagnostics ?? []].filter((d) => d.severity === "error");
  return {
    metrics,
    // Read only when asked for (report): the measures need only each task's summary.
    get tasks() {
      return tasks.tasks;
    },
    clockSkew: tasks.policy.clockSkew,
    errors
  };
}
var DAY4;
var init_metrics2 = __esm({
  "src/app/metrics.ts"() {
    "use strict";
    init_clean_ledger();
    init_log_facts();
    init_diagnostic();
    init_time();
    init_days();
    init_log_fold();
    init_metrics();
    init_errors();
    init_ledgers();
    DAY4 = 864e5;
  }
});

// src/rules/prometheus.ts
var prometheus_exports = {};
__export(prometheus_exports, {
  toPrometheus: () => toPrometheus
});
function toPrometheus(m, forecasts = [], board = void 0) {
  const { totals } = m;
  const out = [];
  const family = (name, type, help) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  };
  const sample = (name, value, labels = {}) => {
    if (value !== null) out.push(`${name}${labelText(labels)} ${num(value)}`);
  };
  const summary = (name, help, parts) => {
    family(name, "summary", help);
    for (const [labels, s] of parts) {
      sample(name, s.median === null ? null : s.median / 1e3, { ...labels, quantile: "0.5" });
      sample(name, s.p90 === null ? null : s.p90 / 1e3, { ...labels, quantile: "0.9" });
      sample(`${name}_sum`, s.sum / 1e3, labels);
      sample(`${name}_count`, s.count, labels);
    }
  };
  family(
    "taskgate_state_changes_total",
    "counter",
    "State changes and approval decisions in the whole log, by whether automation made them (who acted, not which command)."
  );
  sample("taskgate_state_changes_total", totals.automated, { automated: "true" });
  sample("taskgate_state_changes_total", totals.changes - totals.automated, { automated: "false" });
  family("taskgate_approval_decisions_total", "counter", "Approval decisions in the whole log, by who made them.");
  sample("taskgate_approval_decisions_total", totals.autoDecisions, { decided_by: "automation" });
  sample("taskgate_approval_decisions_total", totals.decisions - totals.autoDecisions, { decided_by: "person" });
  family("taskgate_steps_total", "counter", "Steps of work in the whole log, by whether automation took them.");
  sample("taskgate_steps_total", totals.automatedSteps, { automated: "true" });
  sample("taskgate_steps_total", totals.steps - totals.automatedSteps, { automated: "false" });
  family(
    "taskgate_automated_steps_ratio",
    "gauge",
    "Share of the period's steps of work taken by automation (an automation actor or a rule) (0..1)."
  );
  sample("taskgate_automated_steps_ratio", m.automation.rate);
  family(
    "taskgate_automatable_automated_ratio",
    "gauge",
    "Share of the period's steps that automation may take (Roles, policy) that it took (0..1)."
  );
  sample("taskgate_automatable_automated_ratio", m.automation.automatableRate);
  summary("taskgate_approval_wait_seconds", "Time from an approval request to its decision, decided in the period.", [
    [{ decided_by: "automation" }, m.approvalWait.automatic],
    [{ decided_by: "person" }, m.approvalWait.manual]
  ]);
  family(
    "taskgate_approval_wait_change_ratio",
    "gauge",
    "Change of the median approval wait against the previous period of the same length."
  );
  sample("taskgate_approval_wait_change_ratio", m.approvalWait.change);
  family("taskgate_failures", "gauge", "Failures in the period: expired leases recovered, failed runs.");
  sample("taskgate_failures", m.recovery.leaseExpiries, { kind: "lease_expired" });
  sample("taskgate_failures", m.recovery.failedRuns, { kind: "run_failed" });
  family(
    "taskgate_auto_recovery_ratio",
    "gauge",
    "Share of the period's failures that ended DONE with the work redone without a person (0..1)."
  );
  sample("taskgate_auto_recovery_ratio", m.recovery.rate);
  family(
    "taskgate_auto_recovery_tasks_ratio",
    "gauge",
    "Share of the tasks with a failure in the period whose last failure ended DONE without a person (0..1)."
  );
  sample("taskgate_auto_recovery_tasks_ratio", m.recovery.tasksRate);
  family(
    "taskgate_work_done_twice",
    "gauge",
    "Work done twice in the period: runs of one task that overlapped, claims lost mid-run."
  );
  sample("taskgate_work_done_twice", m.workDoneTwice.overlaps, { kind: "overlapping_runs" });
  sample("taskgate_work_done_twice", m.workDoneTwice.lostClaims, { kind: "lost_claims" });
  summary("taskgate_recovery_seconds", "Time from a failure to the work handed in again, for automatic recoveries.", [
    [{}, m.recovery.timeToRecover]
  ]);
  family("taskgate_throughput_tasks_per_day", "gauge", "Tasks done per day in the period.");
  sample("taskgate_throughput_tasks_per_day", m.flow.throughputPerDay);
  summary("taskgate_lead_time_seconds", "From a task's creation to DONE, for tasks done in the period.", [
    [{}, m.flow.leadTime]
  ]);
  summary("taskgate_cycle_time_seconds", "From a task's first claim to DONE, for tasks done in the period.", [
    [{}, m.flow.cycleTime]
  ]);
  family("taskgate_tasks", "gauge", "Tasks by state now.");
  for (const [state, n] of Object.entries(m.flow.wip)) sample("taskgate_tasks", n, { state });
  family("taskgate_tasks_blocked", "gauge", "Open tasks marked blocked now.");
  sample("taskgate_tasks_blocked", m.flow.blocked);
  summary("taskgate_open_task_age_seconds", "Age of the tasks not DONE, since their creation.", [[{}, m.flow.openAge]]);
  if (board) {
    family("taskgate_approvals_pending", "gauge", "Approval requests pending now.");
    sample("taskgate_approvals_pending", board.pendingApprovals);
    family("taskgate_approvals_over_sla", "gauge", "Approval requests pending now for longer than the policy's SLA.");
    sample("taskgate_approvals_over_sla", board.approvalsOverSla);
    family("taskgate_leases_expired", "gauge", "Leases expired now and not yet recovered (is watch running?).");
    sample("taskgate_leases_expired", board.expiredLeases);
    family("taskgate_dead_letters", "gauge", "Tasks blocked as dead letters now.");
    sample("taskgate_dead_letters", board.deadLetters);
  }
  family("taskgate_goal_met", "gauge", "1 when a goal from the policy is met, 0 when missed (absent without data).");
  for (const [goal, g] of Object.entries(m.goals)) {
    if (g && g.met !== null) sample("taskgate_goal_met", g.met ? 1 : 0, { goal });
  }
  family("taskgate_period_seconds", "gauge", "Length of the period the gauges describe.");
  sample("taskgate_period_seconds", (m.until - m.since) / 1e3);
  if (forecasts.length) {
    const labelsOf = (f) => f.phase ? { phase: f.phase.name } : {};
    family(
      "taskgate_forecast_p85_timestamp_seconds",
      "gauge",
      "When the remaining work will be done with 85% likelihood (Unix time; absent when the forecast cannot know)."
    );
    for (const f of forecasts) {
      if (f.forecast.kind === "forecast" && f.forecast.p85 !== null)
        sample("taskgate_forecast_p85_timestamp_seconds", Math.floor(f.forecast.p85 / 1e3), labelsOf(f));
    }
    family(
      "taskgate_forecast_on_time_ratio",
      "gauge",
      "The share of simulated futures that finish a phase by its due time."
    );
    for (const f of forecasts) {
      if (f.forecast.kind === "forecast" && f.forecast.onTime !== null)
        sample("taskgate_forecast_on_time_ratio", f.forecast.onTime, labelsOf(f));
    }
  }
  return `${out.join("\n")}
`;
}
var escapeLabel, labelText, num;
var init_prometheus = __esm({
  "src/rules/prometheus.ts"() {
    "use strict";
    escapeLabel = (v) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
    labelText = (l) => {
      const keys = Object.keys(l);
      return keys.length ? `{${keys.map((k) => `${k}="${escapeLabel(l[k])}"`).join(",")}}` : "";
    };
    num = (x) => Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : x > 0 ? "+Inf" : "NaN";
  }
});

// src/rules/forecast.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function forecast(input) {
  const o = { ...FORECAST_DEFAULTS, ...definedOnly(input) };
  const { now, remaining } = input;
  const age3 = input.since === void 0 ? o.windowDays : Math.ceil((now - input.since) / DAY5);
  const windowDays = Math.max(1, Math.min(o.windowDays, age3));
  const windowStart = now - windowDays * DAY5;
  const daily = new Int32Array(windowDays);
  let doneInWindow = 0;
  let firstDone = Number.POSITIVE_INFINITY;
  for (let i = 0; i < input.doneTimes.length; i++) {
    const t = input.doneTimes[i];
    if (t < windowStart || t >= now) continue;
    const d = Math.floor((t - windowStart) / DAY5);
    daily[d] = daily[d] + 1;
    doneInWindow++;
    if (t < firstDone) firstDone = t;
  }
  let addedInWindow = 0;
  for (let i = 0; i < input.addedTimes.length; i++) {
    const t = input.addedTimes[i];
    if (t > firstDone && t < now) addedInWindow++;
  }
  const common = { remaining, windowStart, windowDays, doneInWindow, addedInWindow, due: input.due };
  if (remaining <= 0) return { ...common, kind: "done" };
  const window = `the last ${plural(windowDays, "day")}`;
  if (doneInWindow === 0) {
    return {
      ...common,
      kind: "unknown",
      reason: "no-throughput",
      sentence: `Cannot forecast: no task was done in ${window}, so there is no rate to project ${plural(remaining, "remaining task")} from.`
    };
  }
  if (doneInWindow < o.minDone) {
    return {
      ...common,
      kind: "unknown",
      reason: "little-history",
      sentence: `Cannot forecast: only ${plural(doneInWindow, "task")} done in ${window}, fewer than the ${o.minDone} needed; with so few, one task more or less moves the rate by a tenth or more, so any date would be a guess.`
    };
  }
  if (addedInWindow > doneInWindow) {
    return {
      ...common,
      kind: "unknown",
      reason: "scope-growing",
      sentence: `Cannot forecast: the scope is growing faster than it is done (${addedInWindow} tasks added and ${doneInWindow} done in ${window}), so the remaining work is not yet known.`
    };
  }
  const random = seededRandom(input.seed);
  const finish = new Int32Array(o.trials);
  const horizon = o.horizonDays;
  const own = new Int32Array(windowDays);
  for (let k = 0; k < o.trials; k++) {
    let ownSum = 0;
    for (let i = 0; i < windowDays; i++) {
      own[i] = daily[Math.floor(random() * windowDays)];
      ownSum += own[i];
    }
    if (ownSum === 0) {
      finish[k] = horizon + 1;
      continue;
    }
    let left = remaining;
    let d = 0;
    while (left > 0 && d <= horizon) {
      left -= own[Math.floor(random() * windowDays)];
      d++;
    }
    finish[k] = left > 0 ? horizon + 1 : d;
  }
  finish.sort();
  const at = (q) => {
    const d = finish[Math.max(0, Math.ceil(q * o.trials) - 1)];
    return d > horizon ? null : now + d * DAY5;
  };
  const histogram = [];
  let beyondHorizon = 0;
  let onTimeCount = 0;
  for (let k = 0; k < o.trials; k++) {
    const d = finish[k];
    if (d > horizon) {
      beyondHorizon++;
      continue;
    }
    if (input.due !== void 0 && now + d * DAY5 <= input.due) onTimeCount++;
    const last = histogram[histogram.length - 1];
    if (last && last[0] === d) last[1]++;
    else histogram.push([d, 1]);
  }
  return {
    ...common,
    kind: "forecast",
    trials: o.trials,
    seed: input.seed,
    p50: at(0.5),
    p85: at(0.85),
    p95: at(0.95),
    onTime: input.due === void 0 ? null : onTimeCount / o.trials,
    histogram,
    beyondHorizon,
    horizonDays: horizon
  };
}
function definedOnly(i) {
  const out = {};
  for (const k of ["windowDays", "trials", "minDone", "horizonDays"]) {
    const v = i[k];
    if (v !== void 0) out[k] = v;
  }
  return out;
}
var FORECAST_DEFAULTS, DAY5, plural;
var init_forecast = __esm({
  "src/rules/forecast.ts"() {
    "use strict";
    FORECAST_DEFAULTS = {
      /** Calendar days of history sampled (weekends included: their zeros are part of the rate). */
      windowDays: 30,
      /** Simulated futures. */
      trials: 1e4,
      /** Fewer tasks done in the window than this, and the forecast says it cannot know. */
      minDone: 10,
      /** A trial still running after this many days is counted as "later than that". */
      horizonDays: 3650
    };
    DAY5 = 864e5;
    plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  }
});

// src/app/forecast.ts
var forecast_exports = {};
__export(forecast_exports, {
  DEFAULT_SEED: () => DEFAULT_SEED,
  forecastView: () => forecastView,
  phasesOf: () => phasesOf
});
function phasesOf(ledger) {
  if (ledger.entryIds) return { phases: [], progress: [] };
  const phases = readPhases(ledger.doc, []);
  return { phases, progress: phases.length ? phaseProgress(phases, ledger.tasks) : [] };
}
async function forecastFacts(ctx) {
  const tasksFile = ctx.ports.readSnapshot(ctx.paths.tasks);
  if (!tasksFile) throw missingLedger(ctx, "tasks");
  const approvalsFile = ctx.ports.readSnapshot(ctx.paths.approvals);
  const sources = [tasksFile, approvalsFile];
  const memoized = ctx.ports.memo?.get("forecast", sources);
  if (memoized) return memoized;
  const ledger = parseTasksLazily(ctx, tasksFile.text);
  const { phases, progress } = phasesOf(ledger);
  const actors = (approvalsFile && parseApprovals(ctx, approvalsFile.text).actors) ?? /* @__PURE__ */ new Map();
  const fold = {
    advance: (table2, d) => foldTasksLog(table2, actors, d),
    parts: (d) => d.parts(),
    fromParts: (p) => LogFold.fromParts(p)
  };
  const memo = await ctx.ports.logMemo?.();
  const { table, derived } = logOf(memo, ctx.paths.tasks, tasksFile.bytes, ledger.doc, ledger.log, fold);
  const folded = derived ?? foldTasksLog(table, actors);
  const doneTimes = folded.doneTime.view();
  const doneTarget = folded.doneTarget.view();
  const counts = stateCounts(ledger);
  const known = (xs) => [...xs].filter((t) => !Number.isNaN(t));
  const scopes = [
    {
      phase: null,
      remaining: counts.PLAN + counts.READY + counts.DOING + counts.REVIEW,
      done: [...doneTimes],
      added: known(folded.created)
    }
  ];
  if (phases.length) {
    const phaseIndex = new Map(phases.map((p, i) => [p.name, i]));
    const ofTask = /* @__PURE__ */ new Map();
    for (const t of ledger.tasks) {
      const p = phaseOf(t);
      const i = p === void 0 ? void 0 : phaseIndex.get(p);
      if (i !== void 0) ofTask.set(t.id, i);
    }
    const ofTarget = Int32Array.from(table.targets, (id) => ofTask.get(id) ?? -1);
    progress.forEach((p, i) => {
      const done = [];
      for (let k = 0; k < doneTimes.length; k++)
        if (ofTarget[doneTarget[k]] === i) done.push(doneTimes[k]);
      const added = [];
      for (let x = 0; x < ofTarget.length; x++) if (ofTarget[x] === i) added.push(folded.created[x]);
      scopes.push({ phase: p, remaining: p.total - p.done, done, added: known(added) });
    });
  }
  const facts = {
    errors: ledger.diagnostics.filter((d) => d.severity === "error"),
    phases: phases.map((p) => p.name),
    since: table.length ? table.time[0] : null,
    scopes
  };
  ctx.ports.memo?.put("forecast", sources, facts);
  return facts;
}
async function forecastView(ctx, options = {}) {
  const seed = options.seed ?? DEFAULT_SEED;
  const facts = await forecastFacts(ctx);
  if (options.phase !== void 0 && !facts.phases.includes(options.phase)) {
    throw new RefusedError(
      `There is no phase "${options.phase}" in ${ctx.paths.tasksDisplay}${facts.phases.length ? ` (phases: ${facts.phases.join(", ")})` : " (it has no ## Phases section)"}`
    );
  }
  const scopes = facts.scopes.filter((s) => options.phase === void 0 ? true : s.phase?.name === options.phase).map((s) => ({
    phase: s.phase,
    forecast: forecast({
      doneTimes: s.done,
      addedTimes: s.added,
      remaining: s.remaining,
      now: ctx.now,
      since: facts.since ?? void 0,
      due: s.phase?.due,
      seed
    })
  }));
  return { scopes, seed, errors: facts.errors };
}
var DEFAULT_SEED;
var init_forecast2 = __esm({
  "src/app/forecast.ts"() {
    "use strict";
    init_clean_ledger();
    init_phases();
    init_forecast();
    init_log_fold();
    init_metrics();
    init_phases2();
    init_errors();
    init_ledgers();
    init_metrics2();
    DEFAULT_SEED = 1;
  }
});

// src/cli/dashboard-render.ts
var dashboard_render_exports = {};
__export(dashboard_render_exports, {
  renderBoard: () => renderBoard,
  renderMetrics: () => renderMetrics
});
function goalText(name, g, format) {
  if (!g) return void 0;
  const verdict = g.met === null ? tr("no data yet") : g.met ? tr("met") : tr("missed");
  return `  ${padEnd(name, 22)} ${tr("goal")} ${padEnd(format(g.target), 7)} ${tr("actual")} ${g.actual === null ? "-" : format(g.actual)}  ${verdict}`;
}
function renderMetrics(m) {
  const a = m.automation;
  const w = m.approvalWait;
  const r = m.recovery;
  const f = m.flow;
  const t = m.workDoneTwice;
  const signed = (x) => `${x > 0 ? "+" : ""}${Math.round(x * 1e3) / 10}%`;
  const lines = [
    tr(`Period ${formatTime(m.since)} .. ${formatTime(m.until)} (days in ${m.timeZone})`),
    "",
    tr("Automation (steps of work, by who took them)"),
    row2(tr("automation rate"), `${pct(a.rate)}  ${tr(`(${a.automated} of ${a.steps} steps taken by automation)`)}`),
    row2(
      tr("automatable automated"),
      `${pct(a.automatableRate)}  ${tr(`(${a.automatableAutomated} of ${a.automatable} steps automation may take)`)}`
    ),
    tr("Approval wait (request to decision)"),
    row2(tr("all"), spreadText(w.all)),
    row2(tr("automatic"), spreadText(w.automatic)),
    row2(tr("manual"), spreadText(w.manual)),
    row2(tr("previous period"), spreadText(w.previous)),
    row2(tr("change of the median"), w.change === null ? "-" : signed(w.change)),
    tr("Recovery"),
    row2(tr("failures"), tr(`${r.failures} (${r.leaseExpiries} expired leases, ${r.failedRuns} failed runs)`)),
    row2(
      tr("auto-recovery rate"),
      `${pct(r.rate)}  ${tr(`(${r.autoRecovered} ended DONE without a person's action; ${r.recovered} ended DONE)`)}`
    ),
    row2(
      tr("per task"),
      `${pct(r.tasksRate)}  ${tr(`(${r.tasksAutoRecovered} of ${r.tasks} tasks with a failure recovered by themselves)`)}`
    ),
    row2(tr("dead letters"), r.deadLetters.length ? tasksText(r.deadLetters) : tr("none")),
    row2(tr("time to recover"), spreadText(r.timeToRecover)),
    tr("Work done twice"),
    row2(
      tr("overlapping runs"),
      `${t.overlaps}${t.overlaps ? ` ${tr(`(both running ${formatAge(t.overlapTime)} in all)`)}` : ""}`
    ),
    row2(
      tr("claims lost mid-run"),
      `${t.lostClaims}${t.lostClaims ? ` ${tr(`(${t.lostBy.recovered} recovered, ${t.lostBy.takenOver} taken over, ${t.lostBy.lost} noticed by the run)`)}` : ""}`
    ),
    ...t.tasks.length ? [row2(tr("tasks"), tasksText(t.tasks))] : [],
    tr("Flow"),
    row2(tr("done"), tr(`${f.done} (${Math.round(f.throughputPerDay * 100) / 100} a day)`)),
    row2(tr("lead time"), spreadText(f.leadTime)),
    row2(tr("cycle time"), spreadText(f.cycleTime)),
    ...STATES.filter((s) => s !== "DONE").map((s) => row2(tr(`time in ${s}`), spreadText(f.timeInState[s]))),
    row2(tr("work in progress"), STATES.map((s) => `${s} ${f.wip[s]}`).join("  ")),
    row2(
      tr("open work age"),
      `${spreadText(f.openAge)}${f.oldestOpen.length ? tr(`; oldest ${f.oldestOpen.map((o) => `${o.id} ${formatAge(o.age)}`).join(", ")}`) : ""}`
    ),
    row2(tr("blocked"), String(f.blocked))
  ];
  const goals = [
    goalText(tr("automatable automated"), m.goals.automation, (x) => pct(x)),
    goalText(tr("auto-recovery rate"), m.goals.recovery, (x) => pct(x)),
    goalText(tr("approval wait change"), m.goals.approvalWait, signed)
  ].filter((x) => x !== void 0);
  if (goals.length) lines.push(tr("Goals (from the policy)"), ...goals);
  return `${lines.join("\n")}
`;
}
function renderBoard(tasks, now, clockSkew, width, hiddenDone = 0) {
  const gap = 2;
  const col = Math.max(12, Math.floor((width - gap * (STATES.length - 1)) / STATES.length));
  const cells = STATES.map((state) => {
    const inState = tasks.filter((t) => t.state === state);
    const hidden = state === "DONE" ? hiddenDone : 0;
    const lines = [cut(`${state} (${inState.length + hidden})`, col), "\u2500".repeat(col)];
    for (const t of inState) {
      lines.push(cut(`${t.blocked !== void 0 ? "\u2298 " : ""}${t.id} ${terminalText(t.title)}`, col));
      if (t.lease) {
        const left = t.lease.until - now;
        const expired = isLeaseExpired(t.lease, now, clockSkew);
        const who = terminalText(holderWithSession(t.lease.holder.split("@")[0] ?? "", t.lease.session));
        lines.push(cut(`  ${who} ${expired ? tr("expired") : tr(`${formatAge(left)} left`)}`, col));
      } else if (t.blocked !== void 0) {
        lines.push(cut(`  ${tr(`blocked: ${terminalText(t.blocked)}`)}`, col));
      }
    }
    if (hidden) lines.push(cut(`\u2026 ${hidden} earlier`, col));
    return lines;
  });
  const rows = Math.max(...cells.map((c) => c.length));
  const out = [];
  for (let i = 0; i < rows; i++) {
    out.push(
      cells.map((c) => c[i] ?? " ".repeat(col)).join(" ".repeat(gap)).trimEnd()
    );
  }
  return `${out.join("\n")}
`;
}
var pct, age, spreadText, LABEL2, row2, tasksText, cut;
var init_dashboard_render = __esm({
  "src/cli/dashboard-render.ts"() {
    "use strict";
    init_task();
    init_time();
    init_lease();
    init_values();
    init_i18n();
    init_width();
    pct = (x) => x === null ? "-" : `${Math.round(x * 1e3) / 10}%`;
    age = (ms2) => ms2 === null ? "-" : formatAge(ms2);
    spreadText = (s) => s.count ? tr(`median ${age(s.median)}, p90 ${age(s.p90)} (${s.count})`) : tr("- (none)");
    LABEL2 = 23;
    row2 = (label2, value) => `  ${padEnd(label2, LABEL2)}${value}`;
    tasksText = (ids, most = 8) => ids.length <= most ? ids.join(", ") : tr(`${ids.slice(0, most).join(", ")} and ${ids.length - most} more`);
    cut = (s, n) => fitWidth(s, n);
  }
});

// src/cli/forecast-render.ts
var forecast_render_exports = {};
__export(forecast_render_exports, {
  forecastJson: () => forecastJson,
  phaseJson: () => phaseJson,
  renderForecast: () => renderForecast,
  renderPhases: () => renderPhases
});
function renderForecast(scopes, seed) {
  const lines = [];
  let trials = 0;
  for (const s of scopes) {
    const f = s.forecast;
    lines.push(s.phase ? `Phase ${phaseLine(s.phase, formatTime)}` : `Whole board: ${f.remaining} tasks not done`);
    const rate = f.doneInWindow / f.windowDays;
    lines.push(
      `  history: ${f.doneInWindow} done in the last ${f.windowDays} days (${Math.round(rate * 100) / 100} a day), ${f.addedInWindow} added since the first of them`
    );
    if (f.kind === "done") lines.push("  nothing left to do");
    else if (f.kind === "unknown") lines.push(`  ${f.sentence}`);
    else {
      trials = f.trials;
      const onTime = f.onTime === null ? "" : `; chance of meeting the due time: ${pct2(f.onTime)}`;
      lines.push(`  done by: ${date(f.p50)} (50%), ${date(f.p85)} (85%), ${date(f.p95)} (95%)${onTime}`);
    }
  }
  if (trials) lines.push(`(${trials.toLocaleString("en")} simulated futures, seed ${seed}; see docs/forecast.md)`);
  return `${lines.join("\n")}
`;
}
function forecastJson(f) {
  const t = (x) => x === null || x === void 0 ? null : formatTime(x);
  const base = {
    kind: f.kind,
    remaining: f.remaining,
    window: { start: formatTime(f.windowStart), days: f.windowDays },
    doneInWindow: f.doneInWindow,
    addedInWindow: f.addedInWindow,
    due: t(f.due)
  };
  if (f.kind === "done") return base;
  if (f.kind === "unknown") return { ...base, reason: f.reason, sentence: f.sentence };
  return {
    ...base,
    trials: f.trials,
    seed: f.seed,
    p50: t(f.p50),
    p85: t(f.p85),
    p95: t(f.p95),
    onTime: f.onTime,
    histogram: f.histogram.map(([days, trials]) => ({ days, trials })),
    beyondHorizon: f.beyondHorizon
  };
}
function renderPhases(progress) {
  return progress.map((p) => `  phase ${phaseLine(p, formatTime)}
`).join("");
}
var date, pct2;
var init_forecast_render = __esm({
  "src/cli/forecast-render.ts"() {
    "use strict";
    init_time();
    init_phases2();
    init_phases2();
    date = (t) => t === null ? "later than 10 years" : formatTime(t).slice(0, 10);
    pct2 = (x) => `${Math.round(x * 100)}%`;
  }
});

// src/rules/policy-suggest.ts
function suggestPolicy(input) {
  const out = [];
  const T = input.tasksLog;
  const sentBack = /* @__PURE__ */ new Map();
  for (let i = 0; i < T.length; i++) {
    const action = T.action[i];
    const reopened = T.from[i] === W.DONE && T.to[i] !== W.DONE && T.to[i] !== 0;
    if (action !== W.rework && !reopened) continue;
    const id = T.targets[T.target[i]];
    const list = sentBack.get(id);
    if (list) list.push(T.time[i]);
    else sentBack.set(id, [T.time[i]]);
  }
  const backAfter = (a) => sentBack.get(a.task)?.find((t) => t >= a.decidedAt);
  const byLabel = /* @__PURE__ */ new Map();
  for (const a of input.approvals) {
    for (const label2 of input.labelsOf.get(a.task) ?? []) {
      let e = byLabel.get(label2);
      if (!e) {
        e = { auto: [], manual: [] };
        byLabel.set(label2, e);
      }
      (a.automatic ? e.auto : e.manual).push(a);
    }
  }
  const span = (xs) => {
    const times = xs.map((a) => a.decidedAt).sort((a, b) => a - b);
    return `${formatTime(times[0])} to ${formatTime(times[times.length - 1])}`;
  };
  for (const [label2, { auto, manual }] of [...byLabel].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    const backAuto = auto.filter((a) => backAfter(a) !== void 0);
    if (auto.length >= SUGGEST.minApprovals && backAuto.length / auto.length > SUGGEST.maxReworkShare) {
      out.push({
        kind: "stop-auto-approve",
        change: `rules: stop auto-approving label ${label2}`,
        apply: `in APPROVALS.md's rules, before the approve rules: - id: no-auto-${label2}
  deny: { labels: [${label2}] }`,
        evidence: [
          `${backAuto.length} of ${auto.length} automatic approvals of ${label2} tasks (${Math.round(backAuto.length / auto.length * 100)}%, more than ${SUGGEST.maxReworkShare * 100}%) were sent back or reopened after, ${span(auto)}`,
          `sent back: ${backAuto.slice(0, 10).map((a) => `${a.task} (${a.id}, at ${formatTime(backAfter(a))})`).join(", ")}${backAuto.length > 10 ? ", ..." : ""}`
        ]
      });
    }
    const backManual = manual.filter((a) => backAfter(a) !== void 0);
    if (auto.length === 0 && manual.length >= SUGGEST.minApprovals && backManual.length === 0) {
      out.push({
        kind: "auto-approve",
        change: `rules: auto-approve label ${label2} in REVIEW`,
        apply: `in APPROVALS.md's rules: - id: auto-${label2}
  approve: { labels: [${label2}], subject-state: REVIEW }`,
        evidence: [
          `${manual.length} approvals of ${label2} tasks by people, none sent back or reopened after, ${span(manual)}; none automatic yet`,
          `approvals: ${manual.slice(0, 10).map((a) => a.id).join(", ")}${manual.length > 10 ? ", ..." : ""}`
        ]
      });
    }
  }
  const runs = Float64Array.from(input.runLengths).sort();
  if (runs.length >= SUGGEST.minRuns) {
    const p95 = runs[Math.max(0, Math.ceil(0.95 * runs.length) - 1)];
    if (p95 > input.policy.lease) {
      const lease = Math.ceil(p95 * SUGGEST.leaseMargin / 6e4) * 6e4;
      out.push({
        kind: "lease",
        change: `policy: lease ${formatDuration(input.policy.lease)} -> ${formatDuration(lease)}`,
        apply: `in TASKS.md's ## Policy: - lease: ${formatDuration(lease)}`,
        evidence: [
          `the 95th percentile of ${runs.length} runs (time in DOING) is ${formatDuration(Math.round(p95 / 1e3) * 1e3)}, longer than the lease of ${formatDuration(input.policy.lease)}`,
          `${input.leaseExpiries} leases expired and were recovered; ${formatDuration(lease)} is the 95th percentile with ${Math.round((SUGGEST.leaseMargin - 1) * 100)}% margin`
        ]
      });
    }
  }
  out.push(...attemptsSuggestion(input), ...backoffSuggestion(input), ...wipSuggestion(input));
  return out;
}
function attemptsSuggestion(input) {
  const T = input.tasksLog;
  const failures = /* @__PURE__ */ new Map();
  const recovered = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i];
    const action = T.action[i];
    if (action === W.fail || action === W.recover) failures.set(x, (failures.get(x) ?? 0) + 1);
    else if (T.to[i] === W.DONE && T.from[i] !== W.DONE) {
      const n = failures.get(x) ?? 0;
      if (n > 0) recovered.push({ id: T.targets[x], failures: n });
      failures.delete(x);
    }
  }
  const max = input.policy.maxAttempts;
  const last = recovered.filter((r) => r.failures >= max - 1);
  if (recovered.length < SUGGEST.minRecovered || last.length / recovered.length <= SUGGEST.maxLastAttemptShare)
    return [];
  return [
    {
      kind: "max-attempts",
      change: `policy: max-attempts ${max} -> ${max + 1}`,
      apply: `in TASKS.md's ## Policy: - max-attempts: ${max + 1}`,
      evidence: [
        `${last.length} of ${recovered.length} tasks that failed and were then done (${Math.round(last.length / recovered.length * 100)}%, more than ${SUGGEST.maxLastAttemptShare * 100}%) needed the last attempt allowed (${max - 1} failures or more): ${last.slice(0, 10).map((r) => r.id).join(", ")}${last.length > 10 ? ", ..." : ""}`,
        "so tasks stopped as dead letters at that limit may well have been done with one attempt more"
      ]
    }
  ];
}
function wipSuggestion(input) {
  const T = input.tasksLog;
  let wip = 0;
  const entered = /* @__PURE__ */ new Map();
  const runs = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i];
    const from = T.from[i];
    const to = T.to[i];
    if (from === W.DOING && to !== W.DOING && to !== 0) {
      const e = entered.get(x);
      if (e) runs.push({ wip: e.wip, length: T.time[i] - e.time });
      entered.delete(x);
      wip = Math.max(0, wip - 1);
    }
    if (to === W.DOING && from !== W.DOING) {
      wip++;
      entered.set(x, { time: T.time[i], wip });
    }
  }
  if (!runs.length) return [];
  const level = median(runs.map((r) => r.wip));
  const low = runs.filter((r) => r.wip <= level).map((r) => r.length);
  const high = runs.filter((r) => r.wip > level).map((r) => r.length);
  if (low.length < SUGGEST.minRunsPerSide || high.length < SUGGEST.minRunsPerSide) return [];
  const lowMedian = median(low);
  const highMedian = median(high);
  if (highMedian <= lowMedian * SUGGEST.wipSlowdown) return [];
  const current = input.policy.wipLimit.DOING;
  if (current !== void 0 && current <= level) return [];
  const secs = (ms2) => formatDuration(Math.max(1e3, Math.round(ms2 / 1e3) * 1e3));
  return [
    {
      kind: "wip-limit",
      change: `policy: wip-limit DOING ${current ?? "none"} -> ${level}`,
      apply: `in TASKS.md's ## Policy: - wip-limit: DOING=${level}${Object.entries(input.policy.wipLimit).filter(([s]) => s !== "DOING").map(([s, n]) => `, ${s}=${n}`).join("")}`,
      evidence: [
        `${high.length} runs started with more than ${level} tasks in DOING took ${secs(highMedian)} (median), ${lowMedian > 0 ? `${Math.round(highMedian / lowMedian * 10) / 10} times` : "longer than"} the ${secs(lowMedian)} of the ${low.length} runs started with ${level} or fewer`
      ]
    }
  ];
}
function backoffSuggestion(input) {
  const T = input.tasksLog;
  const failedAt = /* @__PURE__ */ new Map();
  const open = /* @__PURE__ */ new Map();
  const retries = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i];
    const action = T.action[i];
    const time = T.time[i];
    if (action === W.fail || action === W.recover) {
      const r = open.get(x);
      if (r) {
        r.failed = true;
        retries.push(r);
        open.delete(x);
      }
      failedAt.set(x, time);
    } else if (T.to[i] === W.DOING && T.from[i] !== W.DOING && failedAt.has(x)) {
      open.set(x, { wait: time - failedAt.get(x), failed: false });
      failedAt.delete(x);
    } else if ((T.to[i] === W.REVIEW || T.to[i] === W.DONE) && open.has(x)) {
      retries.push(open.get(x));
      open.delete(x);
    }
  }
  if (!retries.length) return [];
  const wait = median(retries.map((r) => r.wait));
  const soon = retries.filter((r) => r.wait <= wait);
  const later = retries.filter((r) => r.wait > wait);
  if (soon.length < SUGGEST.minRetriesPerSide || later.length < SUGGEST.minRetriesPerSide) return [];
  const share = (xs) => xs.filter((r) => r.failed).length / xs.length;
  const soonShare = share(soon);
  const laterShare = share(later);
  if (soonShare <= laterShare * SUGGEST.retryFailRatio || soonShare === 0) return [];
  const min = Math.max(6e4, Math.ceil(wait / 6e4) * 6e4 + 6e4);
  const { backoff } = input.policy;
  if (min <= backoff.min) return [];
  const max = Math.max(backoff.max, min);
  const pctOf = (x) => `${Math.round(x * 100)}%`;
  return [
    {
      kind: "backoff",
      change: `policy: backoff ${formatDuration(backoff.min)}..${formatDuration(backoff.max)} -> ${formatDuration(min)}..${formatDuration(max)}`,
      apply: `in TASKS.md's ## Policy: - backoff: ${formatDuration(min)}..${formatDuration(max)}`,
      evidence: [
        `${soon.filter((r) => r.failed).length} of ${soon.length} retries started within ${formatDuration(Math.max(1e3, Math.round(wait / 1e3) * 1e3))} of a failure failed again (${pctOf(soonShare)}), against ${later.filter((r) => r.failed).length} of ${later.length} started later (${pctOf(laterShare)})`
      ]
    }
  ];
}
var SUGGEST, median;
var init_policy_suggest = __esm({
  "src/rules/policy-suggest.ts"() {
    "use strict";
    init_log_facts();
    init_time();
    SUGGEST = {
      /** Approvals of a label's tasks needed before anything is said about the label. */
      minApprovals: 10,
      /** Automatically approved work sent back or reopened in more than this share: stop auto-approving. */
      maxReworkShare: 0.2,
      /** Runs (spells in DOING) needed before the lease is judged. */
      minRuns: 20,
      /** The lease suggested: the 95th percentile run time, with this margin, in whole minutes. */
      leaseMargin: 1.25,
      /** Tasks that failed and were then done, needed before max-attempts is judged. */
      minRecovered: 10,
      /** More than this share of them done only on the last allowed attempt: one attempt more. */
      maxLastAttemptShare: 0.2,
      /** Runs needed on each side of the median WIP before the WIP limit is judged. */
      minRunsPerSide: 10,
      /** Runs started at a WIP above the median taking this many times as long (median) as the others. */
      wipSlowdown: 1.5,
      /** Retries after a failure needed on each side of the median wait before the backoff is judged. */
      minRetriesPerSide: 10,
      /** Retries made sooner than the median wait failing again this many times as often as the later ones. */
      retryFailRatio: 1.5
    };
    median = (xs) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length / 2) - 1)];
  }
});

// src/app/policy-suggest.ts
var policy_suggest_exports = {};
__export(policy_suggest_exports, {
  policySuggestions: () => policySuggestions,
  requestSuggestions: () => requestSuggestions
});
function policySuggestions(ctx) {
  const tasksText2 = ctx.ports.readText(ctx.paths.tasks);
  if (tasksText2 === void 0) throw missingLedger(ctx, "tasks");
  const approvalsText = ctx.ports.readText(ctx.paths.approvals);
  if (approvalsText === void 0) throw missingLedger(ctx, "approvals");
  const tasks = parseTasks(ctx, tasksText2);
  const approvals = parseApprovals(ctx, approvalsText);
  const table = logTable(tasks.doc);
  const fold = foldTasksLog(table, approvals.actors);
  const decided = [];
  for (const a of approvals.approvals) {
    if (a.status !== "approved" || a.decidedAt === void 0 || !a.subject || !TASK_SUBJECT.test(a.subject)) continue;
    const byRule = a.fields.some((f) => f.key === "rule" && f.value.trim() !== "");
    const byAutomation = a.approver !== void 0 && approvals.actors.get(a.approver)?.automation === true;
    decided.push({ id: a.id, task: a.subject, decidedAt: a.decidedAt, automatic: byRule || byAutomation });
  }
  let leaseExpiries = 0;
  for (const k of fold.failureKind.view()) if (k === RECOVERED_LEASE) leaseExpiries++;
  return suggestPolicy({
    approvals: decided,
    labelsOf: new Map(tasks.tasks.map((t) => [t.id, t.labels])),
    tasksLog: table,
    runLengths: fold.spellLength[2].view(),
    leaseExpiries,
    policy: tasks.policy
  });
}
async function requestSuggestions(ctx, suggestions) {
  const ids = [];
  for (const s of suggestions) {
    const r = await requestApproval(ctx, {
      subject: s.change,
      title: `Suggested: ${s.change}`,
      evidence: [...s.evidence, `apply: ${s.apply.replace(/\n\s*/g, " ")}`]
    });
    ids.push(r.id);
  }
  return ids;
}
var init_policy_suggest2 = __esm({
  "src/app/policy-suggest.ts"() {
    "use strict";
    init_log_facts();
    init_log_fold();
    init_metrics();
    init_policy_suggest();
    init_subject();
    init_approvals2();
    init_ledgers();
  }
});

// src/rules/report-html.ts
var report_html_exports = {};
__export(report_html_exports, {
  countTop: () => countTop,
  reportHtml: () => reportHtml
});
function countTop(max) {
  return max <= 1 ? 1 : Math.ceil(max / 2) * 2;
}
function axes(yMax, yLabel, xLabels) {
  const plotH = H - PAD.top - PAD.bottom;
  const parts = [];
  const seen = /* @__PURE__ */ new Set();
  for (const frac of [0, 1, 0.5]) {
    const label2 = yLabel(yMax * frac);
    if (seen.has(label2)) continue;
    seen.add(label2);
    const y = PAD.top + plotH * (1 - frac);
    parts.push(
      `<line x1="${PAD.left}" x2="${W2 - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text class="ytick" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${esc(label2)}</text>`
    );
  }
  for (const [x, label2] of xLabels) {
    const anchor = x < PAD.left + 16 ? "start" : x > W2 - PAD.right - 16 ? "end" : "middle";
    const at = anchor === "start" ? Math.max(2, x - 8) : anchor === "end" ? Math.min(W2 - 2, x + 8) : x;
    parts.push(`<text class="xtick" x="${at.toFixed(1)}" y="${H - 8}" text-anchor="${anchor}">${esc(label2)}</text>`);
  }
  return parts.join("");
}
function chart(title, desc, body, legend = "") {
  return `<figure><figcaption>${esc(title)}${legend}</figcaption><svg viewBox="0 0 ${W2} ${H}" width="${W2}" height="${H}" role="img" aria-label="${esc(desc)}"><title>${esc(desc)}</title>${body}</svg></figure>`;
}
function every(xs, most) {
  const step = Math.max(1, Math.ceil(xs.length / most));
  return xs.filter((_, i) => i % step === 0);
}
function throughputChart(m) {
  const days = m.flow.daily;
  const max = countTop(Math.max(1, ...days.map((d) => d[1])));
  const plotW = W2 - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / Math.max(1, days.length);
  const bars = days.map(([, n], i) => {
    const h = n / max * plotH;
    return `<rect class="bar" x="${(PAD.left + i * bw + 1).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${m.days[i]?.date ?? ""}${m.days[i]?.partial ? " (part of the day)" : ""}: ${n} done</title></rect>`;
  }).join("");
  const labels = every(
    days.map((_, i) => [PAD.left + i * bw + bw / 2, seriesDay(m, i)]),
    8
  );
  return chart(
    "Throughput",
    `Tasks done per day, ${days.length} days`,
    axes(max, (v) => String(Math.round(v)), labels) + bars
  );
}
function waitChart(m) {
  const ds = m.approvalWait.decisions;
  const max = Math.max(6e4, ...ds.map((d) => d[1]));
  const plotW = W2 - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + (t - m.since) / (m.until - m.since) * plotW;
  const dots = ds.map(
    ([t, wait, auto]) => `<circle class="${auto ? "auto" : "manual"}" cx="${x(t).toFixed(1)}" cy="${(PAD.top + plotH * (1 - wait / max)).toFixed(1)}" r="4"><title>${formatTime(t)}: waited ${formatAge(wait)} (${auto ? "automatic" : "manual"})</title></circle>`
  ).join("");
  const labels = every(
    m.flow.daily.map((d, i) => [x(d[0]), seriesDay(m, i)]),
    8
  );
  const legend = ` <span class="legend"><span class="auto-t">\u25CF automatic</span> <span class="manual-t">\u25CF manual</span></span>`;
  return chart(
    "Approval wait",
    `Time from request to decision for ${ds.length} decisions`,
    axes(max, (v) => formatAge(v), labels) + dots,
    legend
  );
}
function automationChart(m) {
  const days = m.automation.daily;
  const plotW = W2 - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length - 1);
  const points = days.map(([, n, auto], i) => n ? [PAD.left + i * step, PAD.top + plotH * (1 - auto / n)] : void 0).filter((p) => p !== void 0);
  const line2 = points.length ? `<polyline class="line" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ")}"/>` + points.map(([px, py]) => `<circle class="auto" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3"/>`).join("") : `<text x="${W2 / 2}" y="${H / 2}" text-anchor="middle">no steps of work in this period</text>`;
  const labels = every(
    days.map((_, i) => [PAD.left + i * step, seriesDay(m, i)]),
    8
  );
  return chart(
    "Automation over time",
    `Share of each day's steps of work taken by automation (days in ${m.timeZone}; * part of a day)`,
    axes(1, (v) => `${Math.round(v * 100)}%`, labels) + line2
  );
}
function forecastChart(name, f, now) {
  const plotW = W2 - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const DAY6 = 864e5;
  const dueDay = f.due === void 0 ? void 0 : (f.due - now) / DAY6;
  const lastDay = Math.max(
    1,
    ...f.histogram.map((h) => h[0]),
    dueDay !== void 0 && dueDay > 0 ? Math.ceil(dueDay) : 0
  );
  const max = countTop(Math.max(1, ...f.histogram.map((h) => h[1])));
  const x = (d) => PAD.left + d / (lastDay + 1) * plotW;
  const bw = Math.max(1, plotW / (lastDay + 1) - 1);
  const bars = f.histogram.map(([d, n]) => {
    const h = n / max * plotH;
    return `<rect class="bar" x="${(x(d) - bw / 2).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"><title>${day(now + d * DAY6)}: ${n} of ${f.trials} trials</title></rect>`;
  }).join("");
  const mark = (t, cls, label2, side) => {
    const d = (t - now) / DAY6;
    if (d < 0 || d > lastDay + 1) return "";
    const lx = x(d) + (side === "left" ? -3 : 3);
    return `<line class="${cls}" x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${PAD.top}" y2="${PAD.top + plotH}"/><text x="${lx.toFixed(1)}" y="${PAD.top - 2}" text-anchor="${side === "left" ? "end" : "start"}" class="${cls}-t">${esc(label2)}</text>`;
  };
  const dueFirst = f.due !== void 0 && f.p85 !== null && f.due < f.p85;
  const labels = every(
    Array.from({ length: lastDay + 2 }, (_, d) => [x(d), day(now + d * DAY6)]),
    8
  );
  const due = f.due === void 0 ? "" : mark(f.due, "due", `due ${day(f.due - 1)}`, dueFirst ? "left" : "right");
  const p85 = f.p85 === null ? "" : mark(f.p85, "p85", "85%", dueFirst ? "right" : "left");
  const onTime = f.onTime === null ? "" : `; ${pct3(f.onTime)} of the trials finish by the due time`;
  return chart(
    `Forecast: ${name}`,
    `When ${name} will be done in ${f.trials} simulated futures: 50% by ${f.p50 === null ? "later" : day(f.p50)}, 85% by ${f.p85 === null ? "later" : day(f.p85)}, 95% by ${f.p95 === null ? "later" : day(f.p95)}${onTime}`,
    `${axes(max, (v) => String(Math.round(v)), labels)}${bars}${p85}${due}`
  );
}
function phasesSection(forecasts, now) {
  if (!forecasts.length) return "";
  const rows = forecasts.map(({ phase: p, forecast: f }) => {
    const name = p ? p.name : "whole board";
    const progress = p ? `${p.done} of ${p.total} done` : `${f.remaining} not done`;
    const blocks = p ? [
      ...p.blocked.map((b) => `${esc(b.id)} blocked: ${esc(b.reason)}`),
      ...p.waiting.map((w) => `${esc(w.id)} waits on ${esc(w.on.join(", "))}`)
    ].join("<br>") : "";
    const when = f.kind === "forecast" ? `50% ${f.p50 === null ? "later" : day(f.p50)} \xB7 85% ${f.p85 === null ? "later" : day(f.p85)} \xB7 95% ${f.p95 === null ? "later" : day(f.p95)}${f.onTime === null ? "" : ` \xB7 on time ${pct3(f.onTime)}`}` : f.kind === "done" ? "done" : esc(f.sentence);
    return `<tr><td>${esc(name)}</td><td>${p?.due === void 0 ? "\u2013" : esc(formatTime(p.due))}</td><td>${progress}</td><td>${blocks || "\u2013"}</td><td>${when}</td></tr>`;
  }).join("");
  const charts = forecasts.map(
    ({ phase, forecast: f }) => f.kind === "forecast" ? forecastChart(phase ? phase.name : "whole board", f, now) : ""
  ).join("");
  return `<h2>Phases and forecasts</h2>
<table><tr><th></th><th>due</th><th>progress</th><th>what blocks it</th><th>forecast</th></tr>${rows}</table>
${charts}`;
}
function spreadCells(s) {
  return `<td>${age2(s.median)}</td><td>${age2(s.p90)}</td><td>${s.count}</td>`;
}
function reportHtml(m, tasks, now, title, forecasts = [], hiddenDone = 0) {
  const goal = (name, g, fmt) => g ? `<tr><td>${esc(name)}</td><td>${fmt(g.target)}</td><td>${g.actual === null ? "\u2013" : fmt(g.actual)}</td><td class="${g.met === null ? "" : g.met ? "met" : "missed"}">${g.met === null ? "no data" : g.met ? "met" : "missed"}</td></tr>` : "";
  const signed = (x) => `${x > 0 ? "+" : ""}${Math.round(x * 1e3) / 10}%`;
  const goals = [
    goal("Automatable automated", m.goals.automation, pct3),
    goal("Auto-recovery rate", m.goals.recovery, pct3),
    goal("Approval wait change", m.goals.approvalWait, signed)
  ].join("");
  const board = STATES.map((state) => {
    const inState = tasks.filter((t) => t.state === state);
    const items = inState.slice(0, 200).map((t) => {
      const lease = t.lease ? `<small>${esc(holderWithSession(t.lease.holder.split("@")[0] ?? "", t.lease.session))} \xB7 ${t.lease.until > now ? `${formatAge(t.lease.until - now)} left` : "expired"}</small>` : "";
      const blocked = t.blocked !== void 0 ? `<small class="blocked">blocked: ${esc(t.blocked)}</small>` : "";
      return `<li${t.blocked !== void 0 ? ' class="is-blocked"' : ""}><b>${esc(t.id)}</b> ${esc(t.title)}${lease}${blocked}</li>`;
    }).join("");
    const hidden = state === "DONE" ? hiddenDone : 0;
    const more = inState.length > 200 ? `<li><small>and ${inState.length - 200} more</small></li>` : hidden ? `<li class="more"><small>and ${hidden} done earlier</small></li>` : "";
    return `<section class="col"><h3>${state} <span>${inState.length + hidden}</span></h3><ul>${items}${more}</ul></section>`;
  }).join("");
  const r = m.recovery;
  const w = m.approvalWait;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",YuGothic,"Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}p.period{color:#5b6472;margin:0}
table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 10px;border-bottom:1px solid #e3e6eb;text-align:left}
th{font-weight:600;color:#5b6472}.met{color:#137333;font-weight:600}.missed{color:#b3261e;font-weight:600}
.board{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px}.col{background:#f4f6f9;border-radius:6px;padding:8px;min-width:0}
.col h3{font-size:13px;margin:0 0 6px}.col h3 span{color:#5b6472;font-weight:400}.col ul{list-style:none;margin:0;padding:0}
.col li{background:#fff;border-radius:4px;padding:4px 6px;margin:0 0 6px;box-shadow:0 1px 1px #0001;overflow-wrap:anywhere;line-break:strict}
.col li small{display:block;color:#5b6472}.col li.is-blocked{border-left:3px solid #b3261e}.blocked{color:#b3261e!important}
figure{margin:8px 0 16px}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#5b6472}
.grid{stroke:#e3e6eb}.bar{fill:#3b6fd8}.line{fill:none;stroke:#137333;stroke-width:2}.auto{fill:#137333}.manual{fill:#d07a16}
.auto-t{fill:#137333;color:#137333}.manual-t{fill:#d07a16;color:#d07a16}.legend{font-weight:400;font-size:12px;margin-left:8px}
.due{stroke:#b3261e;stroke-width:2}.due-t{fill:#b3261e!important}.p85{stroke:#1d2330;stroke-dasharray:4 3}.p85-t{fill:#1d2330!important}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="period">${formatTime(m.since)} to ${formatTime(m.until)}</p>
<h2>Board</h2>
<div class="board">${board}</div>
<h2>Measures</h2>
<table>
<tr><th>Automation rate</th><td>${pct3(m.automation.rate)}</td><td colspan="2">${m.automation.automated} of ${m.automation.steps} steps of work taken by automation</td></tr>
<tr><th>Automatable automated</th><td>${pct3(m.automation.automatableRate)}</td><td colspan="2">${m.automation.automatableAutomated} of ${m.automation.automatable} steps automation may take</td></tr>
<tr><th>Auto-recovery rate</th><td>${pct3(r.rate)}</td><td colspan="2">${r.autoRecovered} of ${r.failures} failures (${r.leaseExpiries} expired leases, ${r.failedRuns} failed runs); per task ${pct3(r.tasksRate)}, ${r.tasksAutoRecovered} of ${r.tasks}; dead letters: ${r.deadLetters.length ? esc(r.deadLetters.join(", ")) : "none"}</td></tr>
<tr><th>Work done twice</th><td>${m.workDoneTwice.overlaps + m.workDoneTwice.lostClaims}</td><td colspan="2">${m.workDoneTwice.overlaps} overlapping runs, ${m.workDoneTwice.lostClaims} claims lost mid-run</td></tr>
<tr><th>Done</th><td>${m.flow.done}</td><td colspan="2">${Math.round(m.flow.throughputPerDay * 100) / 100} a day; blocked now: ${m.flow.blocked}</td></tr>
</table>
<table>
<tr><th></th><th>median</th><th>p90</th><th>count</th></tr>
<tr><th>Approval wait, all</th>${spreadCells(w.all)}</tr>
<tr><th>Approval wait, automatic</th>${spreadCells(w.automatic)}</tr>
<tr><th>Approval wait, manual</th>${spreadCells(w.manual)}</tr>
<tr><th>Approval wait, previous period</th>${spreadCells(w.previous)}</tr>
<tr><th>Time to recover</th>${spreadCells(r.timeToRecover)}</tr>
<tr><th>Lead time</th>${spreadCells(m.flow.leadTime)}</tr>
<tr><th>Cycle time</th>${spreadCells(m.flow.cycleTime)}</tr>
<tr><th>Open work age</th>${spreadCells(m.flow.openAge)}</tr>
</table>
${phasesSection(forecasts, now)}
${goals ? `<h2>Goals</h2><table><tr><th></th><th>goal</th><th>actual</th><th></th></tr>${goals}</table>` : ""}
<h2>Charts</h2>
${throughputChart(m)}
${waitChart(m)}
${automationChart(m)}
</body>
</html>
`;
}
var esc, pct3, age2, day, seriesDay, W2, H, PAD;
var init_report_html = __esm({
  "src/rules/report-html.ts"() {
    "use strict";
    init_task();
    init_time();
    init_lease();
    esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    pct3 = (x) => x === null ? "\u2013" : `${Math.round(x * 1e3) / 10}%`;
    age2 = (ms2) => ms2 === null ? "\u2013" : formatAge(ms2);
    day = (t) => formatTime(t).slice(5, 10);
    seriesDay = (m, i) => {
      const d = m.days[i];
      return d ? `${d.date.slice(5)}${d.partial ? "*" : ""}` : "";
    };
    W2 = 640;
    H = 180;
    PAD = { left: 56, right: 24, top: 16, bottom: 28 };
  }
});

// node_modules/isexe/windows.js
var require_windows = __commonJS({
  "node_modules/isexe/windows.js"(exports2, module2) {
    module2.exports = isexe;
    isexe.sync = sync;
    var fs = require("fs");
    function checkPathExt(path, options) {
      var pathext = options.pathExt !== void 0 ? options.pathExt : process.env.PATHEXT;
      if (!pathext) {
        return true;
      }
      pathext = pathext.split(";");
      if (pathext.indexOf("") !== -1) {
        return true;
      }
      for (var i = 0; i < pathext.length; i++) {
        var p = pathext[i].toLowerCase();
        if (p && path.substr(-p.length).toLowerCase() === p) {
          return true;
        }
      }
      return false;
    }
    function checkStat(stat, path, options) {
      if (!stat.isSymbolicLink() && !stat.isFile()) {
        return false;
      }
      return checkPathExt(path, options);
    }
    function isexe(path, options, cb) {
      fs.stat(path, function(er, stat) {
        cb(er, er ? false : checkStat(stat, path, options));
      });
    }
    function sync(path, options) {
      return checkStat(fs.statSync(path), path, options);
    }
  }
});

// node_modules/isexe/mode.js
var require_mode = __commonJS({
  "node_modules/isexe/mode.js"(exports2, module2) {
    module2.exports = isexe;
    isexe.sync = sync;
    var fs = require("fs");
    function isexe(path, options, cb) {
      fs.stat(path, function(er, stat) {
        cb(er, er ? false : checkStat(stat, options));
      });
    }
    function sync(path, options) {
      return checkStat(fs.statSync(path), options);
    }
    function checkStat(stat, options) {
      return stat.isFile() && checkMode(stat, options);
    }
    function checkMode(stat, options) {
      var mod = stat.mode;
      var uid = stat.uid;
      var gid = stat.gid;
      var myUid = options.uid !== void 0 ? options.uid : process.getuid && process.getuid();
      var myGid = options.gid !== void 0 ? options.gid : process.getgid && process.getgid();
      var u = parseInt("100", 8);
      var g = parseInt("010", 8);
      var o = parseInt("001", 8);
      var ug = u | g;
      var ret = mod & o || mod & g && gid === myGid || mod & u && uid === myUid || mod & ug && myUid === 0;
      return ret;
    }
  }
});

// node_modules/isexe/index.js
var require_isexe = __commonJS({
  "node_modules/isexe/index.js"(exports2, module2) {
    var fs = require("fs");
    var core;
    if (process.platform === "win32" || global.TESTING_WINDOWS) {
      core = require_windows();
    } else {
      core = require_mode();
    }
    module2.exports = isexe;
    isexe.sync = sync;
    function isexe(path, options, cb) {
      if (typeof options === "function") {
        cb = options;
        options = {};
      }
      if (!cb) {
        if (typeof Promise !== "function") {
          throw new TypeError("callback not provided");
        }
        return new Promise(function(resolve17, reject) {
          isexe(path, options || {}, function(er, is) {
            if (er) {
              reject(er);
            } else {
              resolve17(is);
            }
          });
        });
      }
      core(path, options || {}, function(er, is) {
        if (er) {
          if (er.code === "EACCES" || options && options.ignoreErrors) {
            er = null;
            is = false;
          }
        }
        cb(er, is);
      });
    }
    function sync(path, options) {
      try {
        return core.sync(path, options || {});
      } catch (er) {
        if (options && options.ignoreErrors || er.code === "EACCES") {
          return false;
        } else {
          throw er;
        }
      }
    }
  }
});

// node_modules/which/which.js
var require_which = __commonJS({
  "node_modules/which/which.js"(exports2, module2) {
    var isWindows = process.platform === "win32" || process.env.OSTYPE === "cygwin" || process.env.OSTYPE === "msys";
    var path = require("path");
    var COLON = isWindows ? ";" : ":";
    var isexe = require_isexe();
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, opt) => {
      const colon = opt.colon || COLON;
      const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(opt.path || process.env.PATH || /* istanbul ignore next: very unusual */
        "").split(colon)
      ];
      const pathExtExe = isWindows ? opt.pathExt || process.env.PATHEXT || ".EXE;.CMD;.BAT;.COM" : "";
      const pathExt = isWindows ? pathExtExe.split(colon) : [""];
      if (isWindows) {
        if (cmd.indexOf(".") !== -1 && pathExt[0] !== "")
          pathExt.unshift("");
      }
      return {
        pathEnv,
        pathExt,
        pathExtExe
      };
    };
    var which = (cmd, opt, cb) => {
      if (typeof opt === "function") {
        cb = opt;
        opt = {};
      }
      if (!opt)
        opt = {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      const step = (i) => new Promise((resolve17, reject) => {
        if (i === pathEnv.length)
          return opt.all && found.length ? resolve17(found) : reject(getNotFoundError(cmd));
        const ppRaw = pathEnv[i];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        resolve17(subStep(p, i, 0));
      });
      const subStep = (p, i, ii) => new Promise((resolve17, reject) => {
        if (ii === pathExt.length)
          return resolve17(step(i + 1));
        const ext = pathExt[ii];
        isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
          if (!er && is) {
            if (opt.all)
              found.push(p + ext);
            else
              return resolve17(p + ext);
          }
          return resolve17(subStep(p, i, ii + 1));
        });
      });
      return cb ? step(0).then((res) => cb(null, res), cb) : step(0);
    };
    var whichSync = (cmd, opt) => {
      opt = opt || {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (let i = 0; i < pathEnv.length; i++) {
        const ppRaw = pathEnv[i];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        for (let j = 0; j < pathExt.length; j++) {
          const cur = p + pathExt[j];
          try {
            const is = isexe.sync(cur, { pathExt: pathExtExe });
            if (is) {
              if (opt.all)
                found.push(cur);
              else
                return cur;
            }
          } catch (ex) {
          }
        }
      }
      if (opt.all && found.length)
        return found;
      if (opt.nothrow)
        return null;
      throw getNotFoundError(cmd);
    };
    module2.exports = which;
    which.sync = whichSync;
  }
});

// node_modules/path-key/index.js
var require_path_key = __commonJS({
  "node_modules/path-key/index.js"(exports2, module2) {
    "use strict";
    var pathKey = (options = {}) => {
      const environment = options.env || process.env;
      const platform = options.platform || process.platform;
      if (platform !== "win32") {
        return "PATH";
      }
      return Object.keys(environment).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
    };
    module2.exports = pathKey;
    module2.exports.default = pathKey;
  }
});

// node_modules/cross-spawn/lib/util/resolveCommand.js
var require_resolveCommand = __commonJS({
  "node_modules/cross-spawn/lib/util/resolveCommand.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    var which = require_which();
    var getPathKey = require_path_key();
    function getPathExt(env2) {
      const key = Object.keys(env2).find((name) => name.toUpperCase() === "PATHEXT");
      return key ? env2[key] : void 0;
    }
    function resolveCommandAttempt(parsed, withoutPathExt) {
      const env2 = parsed.options.env || process.env;
      const cwd = process.cwd();
      const hasCustomCwd = parsed.options.cwd != null;
      const shouldSwitchCwd = hasCustomCwd && process.chdir !== void 0 && !process.chdir.disabled;
      if (shouldSwitchCwd) {
        try {
          process.chdir(parsed.options.cwd);
        } catch (err) {
        }
      }
      let resolved;
      try {
        resolved = which.sync(parsed.command, {
          path: env2[getPathKey({ env: env2 })],
          pathExt: withoutPathExt ? path.delimiter : getPathExt(env2)
        });
      } catch (e) {
      } finally {
        if (shouldSwitchCwd) {
          process.chdir(cwd);
        }
      }
      if (resolved) {
        resolved = path.resolve(hasCustomCwd ? parsed.options.cwd : "", resolved);
      }
      return resolved;
    }
    function resolveCommand(parsed) {
      return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
    }
    module2.exports = resolveCommand;
  }
});

// node_modules/cross-spawn/lib/util/escape.js
var require_escape = __commonJS({
  "node_modules/cross-spawn/lib/util/escape.js"(exports2, module2) {
    "use strict";
    var metaCharsRegExp = /([()\][!^"`<>&|;, *?])/g;
    var lineBreakRegExp = /[\r\n]/;
    function assertNoLineBreaks(arg) {
      if (lineBreakRegExp.test(arg)) {
        throw new TypeError("The command and its arguments cannot contain line breaks when executed through cmd.exe");
      }
    }
    function escapePercent(arg) {
      return arg.replace(/%/g, "%%cd:~,%");
    }
    function quoteArgument(arg, escapedQuote) {
      let quoted = '"';
      let backslashes = 0;
      for (const char of arg) {
        if (char === "\\") {
          backslashes += 1;
          continue;
        }
        if (char === '"') {
          quoted += "\\".repeat(backslashes * 2) + escapedQuote;
        } else {
          quoted += "\\".repeat(backslashes) + char;
        }
        backslashes = 0;
      }
      return `${quoted}${"\\".repeat(backslashes * 2)}"`;
    }
    function escapeCommand(arg) {
      assertNoLineBreaks(arg);
      return `"${escapePercent(arg)}"`;
    }
    function escapeArgument(arg) {
      arg = `${arg}`;
      assertNoLineBreaks(arg);
      arg = quoteArgument(arg, '\\"');
      arg = escapePercent(arg.replace(metaCharsRegExp, "^$1"));
      return arg;
    }
    function escapeBatchCommand(arg) {
      assertNoLineBreaks(arg);
      return `"${escapePercent(arg)}"`;
    }
    function escapeBatchArgument(arg) {
      arg = `${arg}`;
      assertNoLineBreaks(arg);
      return escapePercent(quoteArgument(arg, '""'));
    }
    module2.exports.command = escapeCommand;
    module2.exports.argument = escapeArgument;
    module2.exports.batchCommand = escapeBatchCommand;
    module2.exports.batchArgument = escapeBatchArgument;
  }
});

// node_modules/shebang-regex/index.js
var require_shebang_regex = __commonJS({
  "node_modules/shebang-regex/index.js"(exports2, module2) {
    "use strict";
    module2.exports = /^#!(.*)/;
  }
});

// node_modules/shebang-command/index.js
var require_shebang_command = __commonJS({
  "node_modules/shebang-command/index.js"(exports2, module2) {
    "use strict";
    var shebangRegex = require_shebang_regex();
    module2.exports = (string = "") => {
      const match = string.match(shebangRegex);
      if (!match) {
        return null;
      }
      const [path, argument] = match[0].replace(/#! ?/, "").split(" ");
      const binary = path.split("/").pop();
      if (binary === "env") {
        return argument;
      }
      return argument ? `${binary} ${argument}` : binary;
    };
  }
});

// node_modules/cross-spawn/lib/util/readShebang.js
var require_readShebang = __commonJS({
  "node_modules/cross-spawn/lib/util/readShebang.js"(exports2, module2) {
    "use strict";
    var fs = require("fs");
    var shebangCommand = require_shebang_command();
    function readShebang(command) {
      const size = 150;
      const buffer = Buffer.alloc(size);
      let fd;
      try {
        fd = fs.openSync(command, "r");
        fs.readSync(fd, buffer, 0, size, 0);
      } catch (e) {
      } finally {
        if (fd !== void 0) {
          try {
            fs.closeSync(fd);
          } catch (e) {
          }
        }
      }
      return shebangCommand(buffer.toString());
    }
    module2.exports = readShebang;
  }
});

// node_modules/cross-spawn/lib/parse.js
var require_parse = __commonJS({
  "node_modules/cross-spawn/lib/parse.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    var resolveCommand = require_resolveCommand();
    var escape = require_escape();
    var readShebang = require_readShebang();
    var isWin = process.platform === "win32";
    var isExecutableRegExp = /\.(?:com|exe)$/i;
    var isBatchFileRegExp = /\.(?:bat|cmd)$/i;
    var trailingDotsAndSpacesRegExp = /[.\s]+$/;
    function detectShebang(parsed) {
      parsed.file = resolveCommand(parsed);
      const shebang = parsed.file && readShebang(parsed.file);
      if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;
        return resolveCommand(parsed);
      }
      return parsed.file;
    }
    function isBatchFile(parsed, commandFile) {
      if (commandFile) {
        return isBatchFileRegExp.test(commandFile.replace(trailingDotsAndSpacesRegExp, ""));
      }
      const command = parsed.command.replace(trailingDotsAndSpacesRegExp, "");
      const file = command !== parsed.command ? resolveCommand(Object.assign({}, parsed, { command })) : null;
      return isBatchFileRegExp.test(file || command);
    }
    function parseNonShell(parsed) {
      if (!isWin) {
        return parsed;
      }
      parsed.command = parsed.command.replace(/"/g, "");
      const commandFile = detectShebang(parsed);
      const needsShell = !isExecutableRegExp.test(commandFile);
      if (parsed.options.forceShell || needsShell) {
        parsed.command = path.normalize(parsed.command);
        if (isBatchFile(parsed, commandFile)) {
          parsed.command = escape.batchCommand(commandFile ? path.normalize(commandFile) : parsed.command);
          parsed.args = parsed.args.map((arg) => escape.batchArgument(arg));
        } else {
          parsed.command = escape.command(parsed.command);
          parsed.args = parsed.args.map((arg) => escape.argument(arg));
        }
        const shellCommand = [parsed.command].concat(parsed.args).join(" ");
        parsed.args = ["/d", "/e:on", "/v:off", "/s", "/c", `"${shellCommand}"`];
        parsed.command = process.env.comspec || "cmd.exe";
        parsed.options.windowsVerbatimArguments = true;
      }
      return parsed;
    }
    function parse(command, args, options) {
      if (args && !Array.isArray(args)) {
        options = args;
        args = null;
      }
      args = args ? args.slice(0) : [];
      options = Object.assign({}, options);
      const parsed = {
        command,
        args,
        options,
        file: void 0,
        original: {
          command,
          args
        }
      };
      return options.shell ? parsed : parseNonShell(parsed);
    }
    module2.exports = parse;
  }
});

// node_modules/cross-spawn/lib/enoent.js
var require_enoent = __commonJS({
  "node_modules/cross-spawn/lib/enoent.js"(exports2, module2) {
    "use strict";
    var isWin = process.platform === "win32";
    function notFoundError(original, syscall) {
      return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: "ENOENT",
        errno: "ENOENT",
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args
      });
    }
    function hookChildProcess(cp, parsed) {
      if (!isWin) {
        return;
      }
      const originalEmit = cp.emit;
      cp.emit = function(name, arg1) {
        if (name === "exit") {
          const err = verifyENOENT(arg1, parsed);
          if (err) {
            return originalEmit.call(cp, "error", err);
          }
        }
        return originalEmit.apply(cp, arguments);
      };
    }
    function verifyENOENT(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawn");
      }
      return null;
    }
    function verifyENOENTSync(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawnSync");
      }
      return null;
    }
    module2.exports = {
      hookChildProcess,
      verifyENOENT,
      verifyENOENTSync,
      notFoundError
    };
  }
});

// node_modules/cross-spawn/index.js
var require_cross_spawn = __commonJS({
  "node_modules/cross-spawn/index.js"(exports2, module2) {
    "use strict";
    var cp = require_node_child_process();
    var parse = require_parse();
    var enoent = require_enoent();
    function spawn6(command, args, options) {
      const parsed = parse(command, args, options);
      const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);
      enoent.hookChildProcess(spawned, parsed);
      return spawned;
    }
    function spawnSync4(command, args, options) {
      const parsed = parse(command, args, options);
      const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);
      result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);
      return result;
    }
    module2.exports = spawn6;
    module2.exports.spawn = spawn6;
    module2.exports.sync = spawnSync4;
    module2.exports._parse = parse;
    module2.exports._enoent = enoent;
  }
});

// src/io/program.ts
function startProgram(argv, options, platform = process.platform, impl = REAL) {
  const plan = programStart(platform);
  const opts = { ...options, shell: false, detached: plan.detached, windowsHide: plan.windowsHide };
  const start = plan.via === "cross-spawn" ? impl.crossSpawn : impl.spawn;
  return start(argv[0], argv.slice(1), opts);
}
function stopProgramTree(child, signal, platform = process.platform, impl = REAL) {
  if (!child.pid) return;
  const plan = stopTree(platform, child.pid, signal);
  if (plan.kind === "command") {
    const root = child.pid;
    impl.execFile(plan.file, plan.args, (error, stdout, stderr) => {
      if (!error) return;
      const said = `${stdout ? decodeConsole(stdout) : ""}
${stderr ? decodeConsole(stderr) : ""}`.replaceAll(
        "\0",
        ""
      );
      const ended = typeof child.exitCode === "number" || typeof child.signalCode === "string";
      if (ended) return;
      if (!taskkillLacksTree(said)) {
        child.kill();
        return;
      }
      impl.execFile("wmic", ["process", "get", "ParentProcessId,ProcessId"], (listError, out) => {
        const rows = listError || !out ? [] : parseProcessTable(decodeConsole(out));
        child.kill();
        for (const pid of descendants(rows, root)) {
          try {
            impl.kill(pid, "SIGKILL");
          } catch {
          }
        }
      });
    });
    return;
  }
  try {
    impl.kill(plan.pid, signal);
  } catch {
    child.kill(signal);
  }
}
function decodeConsole(out) {
  return out[0] === 255 && out[1] === 254 ? out.subarray(2).toString("utf16le") : out.toString("latin1");
}
var import_node_child_process6, import_cross_spawn, REAL;
var init_program = __esm({
  "src/io/program.ts"() {
    "use strict";
    import_node_child_process6 = __toESM(require_node_child_process(), 1);
    import_cross_spawn = __toESM(require_cross_spawn(), 1);
    init_windows();
    REAL = {
      spawn: (file, args, options) => (0, import_node_child_process6.spawn)(file, args, options),
      crossSpawn: (file, args, options) => (0, import_cross_spawn.default)(file, [...args], options),
      execFile: (file, args, done) => {
        (0, import_node_child_process6.execFile)(
          file,
          args,
          { windowsHide: true, encoding: "buffer" },
          (error, stdout, stderr) => done(error, stdout, stderr)
        );
      },
      kill: (pid, signal) => process.kill(pid, signal)
    };
  }
});

// src/app/run.ts
var run_exports = {};
__export(run_exports, {
  newSession: () => newSession,
  startRun: () => startRun
});
function newSession(via) {
  return `${via}-${(0, import_node_crypto5.randomBytes)(3).toString("hex")}`;
}
async function startRun(callerCtx, options, onEvent) {
  const callerSession = sessionOf(callerCtx());
  const session = options.session ?? newSession(options.via);
  const makeCtx = () => {
    const c = callerCtx();
    return { ...c, ports: { ...c.ports, session } };
  };
  const ctx = makeCtx();
  const emit = (event, target, why, problem = false, data) => onEvent({ time: callerCtx().now, event, target, why, problem, ...data ? { data } : {} });
  try {
    (0, import_node_fs22.mkdirSync)(options.logDir, { recursive: true });
    (0, import_node_fs22.accessSync)(options.logDir, import_node_fs22.constants.W_OK);
  } catch (e) {
    throw new UsageError(`Cannot keep run logs in ${options.logDir}: ${e.message}`);
  }
  const claimed = await claimTask(ctx, options, callerSession);
  const { id, title } = claimed;
  const lease = claimed.lease;
  emit(
    "claim",
    id,
    `lease token ${lease.token} until ${formatTime(lease.until)}${claimed.reused ? " (already held)" : ""}`,
    false,
    { token: lease.token, until: formatTime(lease.until), reused: Boolean(claimed.reused) }
  );
  let cwd;
  try {
    cwd = await taskFolder(makeCtx(), id, lease.token, options.worktree);
  } catch (e) {
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    if (e instanceof TaskgateError) throw new TaskgateError(`${e.message}; ${id}'s lease was released`, e.exitCode);
    throw e;
  }
  if (cwd) emit("claim", id, `in its worktree ${cwd}`);
  const stamp = formatTime(Date.now()).replace(/[-:]/g, "");
  const logPath = (0, import_node_path23.join)(options.logDir, `${id}-${stamp}-t${lease.token}.log`);
  let fd;
  try {
    fd = (0, import_node_fs22.openSync)(logPath, "w");
  } catch (e) {
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    throw new RefusedError(`Cannot write the run log ${logPath} (${e.message}); ${id}'s lease was released`);
  }
  const taskFile = logPath.replace(/\.log$/, ".md");
  try {
    (0, import_node_fs22.writeFileSync)(taskFile, `${showView(makeCtx(), id).text}
`);
  } catch (e) {
    (0, import_node_fs22.closeSync)(fd);
    await transition(makeCtx(), { action: "release", id, token: lease.token, via: options.via });
    throw new RefusedError(`Cannot write ${taskFile} (${e.message}); ${id}'s lease was released`);
  }
  const hash2 = (0, import_node_crypto5.createHash)("sha256");
  let tail = "";
  const record3 = (chunk, to) => {
    (0, import_node_fs22.writeSync)(fd, chunk);
    hash2.update(chunk);
    tail = (tail + chunk.toString("utf8")).slice(-TAIL_BYTES);
    if (to) to.write(chunk);
  };
  const argv = options.argv({ id, title, file: taskFile });
  const env2 = {
    ...process.env,
    TASKGATE_TASK_ID: id,
    TASKGATE_TASK_TITLE: title,
    TASKGATE_TASK_FILE: taskFile,
    TASKGATE_LEASE_TOKEN: String(lease.token),
    TASKGATE_SESSION: lease.session ?? session,
    // The program's own taskgate uses this board: the files' paths in-tree, and on a shared
    // board nothing (named paths would mean "sharing off" and the stale in-tree files).
    ...ctx.ports.board ? {} : { TASKGATE_TASKS: (0, import_node_path23.resolve)(ctx.paths.tasks), TASKGATE_APPROVALS: (0, import_node_path23.resolve)(ctx.paths.approvals) }
  };
  const startedAt = Date.now();
  let child;
  let spawnError;
  try {
    child = startProgram(argv, {
      env: env2,
      ...cwd ? { cwd } : {},
      stdio: [options.echo ? "inherit" : "ignore", "pipe", "pipe"]
    });
  } catch (e) {
    spawnError = e;
    child = void 0;
  }
  const guardian = child?.pid ? guard(child.pid, options.grace) : void 0;
  emit("start", id, argv.map((a) => JSON.stringify(a)).join(" "), false, { argv });
  let until = lease.until;
  let lost;
  let lostWrite;
  let interrupted = false;
  let lastOk = Date.now();
  let renewTimer;
  let killTimer;
  const period = Math.max(200, Math.floor(lease.ttl / 3));
  const signalGroup = (signal) => {
    if (child) stopProgramTree(child, signal);
  };
  const stopChild = () => {
    if (!child || exited) return;
    signalGroup("SIGTERM");
    killTimer = setTimeout(() => signalGroup("SIGKILL"), options.grace);
  };
  const loseLease = (why) => {
    if (lost) return;
    lost = why;
    clearTimeout(renewTimer);
    emit("lost", id, `${why}; stopping the program`, true);
    stopChild();
    lostWrite = logOnly(makeCtx(), id, "lost", { token: lease.token, reason: why, via: options.via }).catch(
      () => void 0
    );
  };
  let renewing;
  const renew = async () => {
    if (lost || exited) return;
    let settled = () => void 0;
    renewing = new Promise((r) => {
      settled = r;
    });
    try {
      const r = await transition(makeCtx(), { action: "renew", id, token: lease.token, via: options.via });
      if (r.lease) until = r.lease.until;
      lastOk = Date.now();
      if (!exited) renewTimer = setTimeout(() => void renew(), period);
    } catch (e) {
      if (exited) return;
      if (e instanceof RefusedError) {
        loseLease(e.message);
        return;
      }
      const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
      if (Date.now() - lastOk >= 2 * lease.ttl / 3) {
        loseLease(`renewing failed until 2/3 of the TTL had passed (${why})`);
        return;
      }
      emit("renew-failed", id, `${why}; trying again`, true);
      renewTimer = setTimeout(() => void renew(), Math.min(period, 1e3));
    } finally {
      settled();
    }
  };
  let exited = false;
  const done = new Promise((resolveDone) => {
    let finished = false;
    const finish = async (exit, ok3) => {
      if (finished) return;
      finished = true;
      exited = true;
      clearTimeout(renewTimer);
      clearTimeout(killTimer);
      guardian?.release();
      await renewing;
      (0, import_node_fs22.closeSync)(fd);
      const sha2562 = hash2.digest("hex");
      const evidence = `run log ${(0, import_node_path23.relative)(options.root, logPath).split("\\").join("/")} sha256:${sha2562}`;
      const base = { id, exit, log: logPath, sha256: sha2562, deadLetter: false };
      const [how, what] = exit.split(" ");
      const ended2 = {
        exitCode: how === "exit" ? Number(what) : null,
        signal: how === "signal" ? what ?? null : null,
        log: (0, import_node_path23.relative)(options.root, logPath).split("\\").join("/"),
        sha256: sha2562
      };
      const settle = async (result, act) => {
        try {
          await act();
          resolveDone({ ...base, result: typeof result === "function" ? result() : result });
        } catch (e) {
          if (!(e instanceof TaskgateError)) throw e;
          emit("lost", id, e.message.split("\n")[0], true);
          resolveDone({ ...base, result: "lost" });
        }
      };
      const c = makeCtx();
      const token = lease.token;
      if (lost) {
        await lostWrite;
        resolveDone({ ...base, result: "lost" });
        return;
      }
      if (interrupted) {
        await settle("interrupted", async () => {
          const r = await transition(c, { action: "release", id, token, evidence, via: options.via });
          emit("interrupted", id, `${exit}; lease released`, false, ended2);
          return r;
        });
        return;
      }
      if (ok3) {
        if (options.onSuccess === "release") {
          await settle("released", async () => {
            const r = await transition(c, { action: "release", id, token, evidence, via: options.via });
            emit("release", id, `${exit}; lease released (--on-success release)`, false, ended2);
            return r;
          });
          return;
        }
        let result = "review";
        await settle(
          () => result,
          async () => {
            const r = await transition(c, { action: "submit", id, token, evidence, via: options.via });
            emit("review", id, `${exit}; submitted for review, evidence ${evidence}`, false, ended2);
            if (options.onSuccess === "done") {
              const accepted = await acceptByAutomation(makeCtx(), id, options.via);
              if (accepted.ok) {
                result = "done";
                emit("done", id, `accepted by ${accepted.actor}`, false, { acceptedBy: accepted.actor });
              } else emit("review", id, `left in REVIEW: ${accepted.why}`, true);
            }
            return r;
          }
        );
        return;
      }
      const output2 = tail.trimEnd().split("\n").slice(-TAIL_LINES).join("\n");
      await settle("failed", async () => {
        const r = await transition(c, {
          action: "fail",
          id,
          token,
          evidence,
          via: options.via,
          failure: { exit, output: output2 }
        });
        const after2 = loadTasks(makeCtx()).byId.get(id)?.task;
        const dead = after2?.blocked?.startsWith("dead letter") ?? false;
        base.deadLetter = dead;
        emit(
          "fail",
          id,
          dead ? `${exit}; blocked as a dead letter after ${after2?.attempts} attempts` : `${exit}; back to READY, attempt ${after2?.attempts}, not before ${after2?.notBefore ? formatTime(after2.notBefore) : "now"}`,
          true,
          {
            ...ended2,
            attempts: after2?.attempts ?? null,
            notBefore: !dead && after2?.notBefore ? formatTime(after2.notBefore) : null,
            deadLetter: dead
          }
        );
        return r;
      });
    };
    if (spawnError || !child) {
      record3(Buffer.from(`taskgate: could not start ${argv[0]}: ${spawnError?.message}
`), void 0);
      void finish("exit 127", false);
      return;
    }
    child.stdout?.on("data", (d) => record3(d, options.echo?.out));
    child.stderr?.on("data", (d) => record3(d, options.echo?.err));
    let notStarted = false;
    child.on("error", (e) => {
      notStarted = true;
      record3(Buffer.from(`taskgate: could not start ${argv[0]}: ${e.message}
`), options.echo?.err);
    });
    const ended = (code, signal) => {
      if (notStarted) void finish("exit 127", false);
      else void finish(signal ? `signal ${signal}` : `exit ${code ?? 127}`, code === 0 && !signal);
    };
    child.on("close", ended);
    child.on("exit", (code, signal) => {
      setTimeout(
        () => {
          if (finished) return;
          signalGroup("SIGKILL");
          child.stdout?.destroy();
          child.stderr?.destroy();
          ended(code, signal);
        },
        Math.min(options.grace, 2e3)
      ).unref();
    });
  });
  renewTimer = setTimeout(() => void renew(), period);
  return {
    task: { id, title, token: lease.token, ttl: lease.ttl },
    leaseUntil: () => until,
    startedAt,
    done,
    interrupt(signal) {
      if (interrupted) {
        signalGroup("SIGKILL");
        return;
      }
      interrupted = true;
      signalGroup(signal);
    }
  };
}
async function taskFolder(ctx, id, token, worktree) {
  const wt = await Promise.resolve().then(() => (init_worktree(), worktree_exports));
  if (worktree) return (await wt.ensureTaskWorktree(ctx, id, token, worktree.base, process.env)).folder;
  const task = loadTasks(ctx).byId.get(id)?.task;
  const recorded = task && worktreeOf(task.fields);
  if (!recorded) return void 0;
  const folder = wt.folderOf(wt.boardTop(ctx), recorded);
  return (0, import_node_fs22.existsSync)(folder) ? folder : void 0;
}
async function claimTask(ctx, options, callerSession) {
  if (options.id === void 0) {
    const r2 = await next(ctx, { labels: options.labels ?? [], claim: true, ttl: options.ttl, via: options.via });
    const claimed = r2.claimed;
    return { id: claimed.id, title: r2.pick.task?.title ?? "", lease: claimed.lease, reused: false };
  }
  const id = options.id;
  const task = loadTasks(ctx).byId.get(id)?.task;
  if (!task) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const who = whoActs(ctx, "WORK");
  const lease = task.lease;
  if (task.state === "DOING" && lease?.holder === holderOf(who) && (lease.session === void 0 || lease.session === callerSession || options.token === lease.token)) {
    return { id, title: task.title, lease, reused: true };
  }
  const r = await transition(ctx, { action: "claim", id, ttl: options.ttl, via: options.via });
  return { id, title: task.title, lease: r.lease, reused: false };
}
async function logOnly(ctx, id, action, details) {
  const who = whoActs(ctx, "WORK");
  await ctx.ports.update([ctx.paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    const line2 = formatLogLine(ctx.ports.hasher, lastHash(ledger.doc, ledger.log), {
      time: now,
      actor: who.actor,
      role: "WORK",
      action,
      target: id,
      details: {
        ...details,
        ...who.session ? { session: who.session } : {},
        ...who.automation ? { auto: "true" } : {}
      }
    });
    const next2 = applyChecked("tasks", ctx.paths.tasksDisplay, text, [
      appendLog(ledger.doc, ledger.log, [line2])
    ]);
    return { writes: [{ path: ctx.paths.tasks, text: next2 }], result: void 0 };
  });
}
async function acceptByAutomation(ctx, id, via) {
  const { loadApprovals: loadApprovals2 } = await Promise.resolve().then(() => (init_ledgers(), ledgers_exports));
  const approvals = loadApprovals2(ctx);
  const auto = [...approvals?.actors.values() ?? []].find((a) => a.automation && a.roles.includes("AUDIT"));
  if (!auto) return { ok: false, why: "no automation actor with the AUDIT role to accept it" };
  const as = { ...ctx, ports: { ...ctx.ports, actorName: () => auto.name } };
  try {
    await transition(as, { action: "accept", id, via });
    return { ok: true, actor: auto.name };
  } catch (e) {
    if (e instanceof TaskgateError) return { ok: false, why: e.message.split("\n")[0] };
    throw e;
  }
}
function guard(pgid, grace) {
  if (process.platform === "win32") return void 0;
  let g;
  try {
    g = (0, import_node_child_process7.spawn)("/bin/sh", ["-c", GUARDIAN, "taskgate-guardian", String(pgid), String(Math.ceil(grace / 100))], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true,
      shell: false
    });
  } catch {
    return void 0;
  }
  g.on("error", () => void 0);
  g.stdin?.on("error", () => void 0);
  g.unref();
  return {
    release() {
      g.stdin?.end("done\n");
    }
  };
}
var import_node_child_process7, import_node_crypto5, import_node_fs22, import_node_path23, TAIL_BYTES, TAIL_LINES, GUARDIAN;
var init_run = __esm({
  "src/app/run.ts"() {
    "use strict";
    import_node_child_process7 = __toESM(require_node_child_process(), 1);
    import_node_crypto5 = __toESM(require_node_crypto(), 1);
    import_node_fs22 = require("node:fs");
    import_node_path23 = require("node:path");
    init_program();
    init_edit();
    init_log();
    init_time();
    init_task_worktree();
    init_workflow();
    init_errors();
    init_ledgers();
    init_transition();
    init_views();
    TAIL_BYTES = 4096;
    TAIL_LINES = 5;
    GUARDIAN = `trap '' HUP INT
if read line; then exit 0; fi
kill -s TERM -- -"$1" 2>/dev/null || exit 0
i=0
while [ "$i" -lt "$2" ] && kill -s 0 -- -"$1" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
kill -s KILL -- -"$1" 2>/dev/null
exit 0`;
  }
});

// src/app/work.ts
var work_exports = {};
__export(work_exports, {
  startWork: () => startWork
});
function startWork(makeCtx, options, onEvent) {
  const running = /* @__PURE__ */ new Map();
  const session = options.session ?? newSession("work");
  const totals = { done: 0, failed: 0, retried: 0, lost: 0, interrupted: 0 };
  let stopping = 0;
  let started = 0;
  let wake;
  const sleep = (ms2) => new Promise((r) => {
    const t = setTimeout(r, ms2);
    wake = () => {
      clearTimeout(t);
      r();
    };
  });
  const count = (o) => {
    if (o.result === "review" || o.result === "done" || o.result === "released") totals.done++;
    else if (o.result === "failed") {
      totals.failed++;
      if (!o.deadLetter) totals.retried++;
    } else if (o.result === "lost") totals.lost++;
    else totals.interrupted++;
  };
  const loop = async () => {
    for (; ; ) {
      if (stopping || options.maxTasks !== void 0 && started >= options.maxTasks) break;
      if (running.size >= options.parallel) {
        await Promise.race([...running.values()].map((h) => h.done));
        continue;
      }
      let handle;
      try {
        handle = await startRun(makeCtx, { ...options, id: void 0, session, token: void 0 }, onEvent);
      } catch (e) {
        if (!(e instanceof TaskgateError)) throw e;
        if (e.exitCode !== EXIT.nothingToDo && e.exitCode !== EXIT.busy) throw e;
        if (options.exitWhenIdle && running.size === 0) break;
        onEvent({ time: Date.now(), event: "idle", target: "-", why: e.message, problem: false });
        await Promise.race([sleep(options.idleWait), ...[...running.values()].map((h) => h.done)]);
        continue;
      }
      started++;
      running.set(handle.task.id, handle);
      void handle.done.then((o) => {
        running.delete(handle.task.id);
        count(o);
        wake?.();
      });
    }
    await Promise.all([...running.values()].map((h) => h.done));
    return totals;
  };
  return {
    running,
    totals,
    done: loop(),
    stop(signal) {
      stopping++;
      wake?.();
      onEvent({
        time: Date.now(),
        event: "stop",
        target: "-",
        why: stopping === 1 ? `${signal}: taking no more tasks; waiting for ${running.size} running (send it again to stop them)` : `${signal}: stopping ${running.size} running task${running.size === 1 ? "" : "s"}; their leases are released`,
        problem: false
      });
      if (stopping >= 2) for (const h of running.values()) h.interrupt("SIGTERM");
    }
  };
}
var init_work = __esm({
  "src/app/work.ts"() {
    "use strict";
    init_errors();
    init_run();
  }
});

// src/serve/guard.ts
function answerHeaders(type, nonce) {
  return {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": [
      "default-src 'none'",
      nonce ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
      nonce ? `style-src 'nonce-${nonce}'` : "style-src 'none'",
      "connect-src 'self'",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'"
    ].join("; ")
  };
}
var import_node_crypto6, Guard;
var init_guard = __esm({
  "src/serve/guard.ts"() {
    "use strict";
    import_node_crypto6 = __toESM(require_node_crypto(), 1);
    Guard = class {
      token = (0, import_node_crypto6.randomBytes)(24).toString("base64url");
      #tokenBytes = Buffer.from(this.token);
      /** Set once the server listens. */
      port = 0;
      /** Per port: two servers on 127.0.0.1 share a cookie jar, not a token. */
      get cookieName() {
        return `taskgate-${this.port}`;
      }
      get origins() {
        return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
      }
      hostIsOurs(req) {
        return [`127.0.0.1:${this.port}`, `localhost:${this.port}`].includes(req.headers.host ?? "");
      }
      originIsOurs(req) {
        return req.headers.origin !== void 0 && this.origins.includes(req.headers.origin);
      }
      #same(given) {
        if (!given) return false;
        const b = Buffer.from(given);
        return b.length === this.#tokenBytes.length && (0, import_node_crypto6.timingSafeEqual)(b, this.#tokenBytes);
      }
      /** Whether the request carries the token, and whether in the URL (to be moved to the cookie). */
      tokenOf(req, url) {
        if (this.#same(url.searchParams.get("token") ?? void 0)) return { ok: true, fromQuery: true };
        const auth = req.headers.authorization;
        if (auth?.startsWith("Bearer ") && this.#same(auth.slice(7))) return { ok: true, fromQuery: false };
        for (const part of (req.headers.cookie ?? "").split(";")) {
          const eq = part.indexOf("=");
          if (eq > 0 && part.slice(0, eq).trim() === this.cookieName && this.#same(part.slice(eq + 1).trim()))
            return { ok: true, fromQuery: false };
        }
        return { ok: false, fromQuery: false };
      }
      get setCookie() {
        return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
      }
    };
  }
});

// src/serve/page.ts
function esc2(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
function button(act, id, label2, reason) {
  return `<button type="button" data-act="${esc2(act)}" data-id="${esc2(id)}" data-reason="${reason}">${esc2(label2)}</button>`;
}
function actions(buttons, withReason, tr2) {
  const reason = esc2(tr2("reason"));
  const box = withReason ? `<input type="text" name="reason" placeholder="${reason}" aria-label="${reason}" maxlength="500">` : "";
  return `<div class="acts">${box}${buttons.join("")}</div>`;
}
function leaseText(t, now, tr2) {
  if (!t.lease) return "";
  const left = t.lease.until - now;
  const when = left >= 0 ? tr2(`${formatAge(left)} left`) : tr2(`expired ${formatAge(-left)} ago`);
  return `<div class="lease${left < 0 ? " late" : ""}">${esc2(t.lease.holder)} \xB7 ${esc2(when)}</div>`;
}
function card(t, d) {
  const tr2 = d.tr ?? asIs2;
  const acts = [];
  if (!d.readOnly) {
    if (t.state === "PLAN") acts.push(button("ready", t.id, tr2("Ready"), "none"));
    if (t.state === "REVIEW")
      acts.push(button("accept", t.id, tr2("Accept"), "none"), button("rework", t.id, tr2("Rework"), "required"));
  }
  const labels = t.labels.length ? `<div class="labels">${t.labels.map((l) => `<span>${esc2(l)}</span>`).join("")}</div>` : "";
  const blocked = t.blocked === void 0 ? "" : `<div class="blocked">${esc2(tr2(`Blocked: ${t.blocked}`))}</div>`;
  return `<li class="card${t.blocked === void 0 ? "" : " is-blocked"}" data-task="${esc2(t.id)}"><div><b>${esc2(t.id)}</b> <span class="prio">${esc2(t.priority)}</span> <span class="title">${esc2(t.title)}</span></div>${labels}${leaseText(t, d.now, tr2)}${blocked}${acts.length ? actions(acts, t.state === "REVIEW", tr2) : ""}</li>`;
}
function approvalsSection(d) {
  const tr2 = d.tr ?? asIs2;
  if (d.pending.length === 0)
    return `<section id="approvals"><h2>${esc2(tr2("Approvals"))}</h2><p class="muted">${esc2(tr2("None pending."))}</p></section>`;
  const rows = d.pending.map((r) => {
    const a = r.approval;
    const over = r.age > d.approvalSla;
    const acts = d.readOnly ? "" : actions(
      [button("approve", a.id, tr2("Approve"), "optional"), button("reject", a.id, tr2("Reject"), "required")],
      true,
      tr2
    );
    const sla = formatDuration(d.approvalSla);
    return `<li class="card" data-approval="${esc2(a.id)}"><div><b>${esc2(a.id)}</b> <span class="title">${esc2(a.title)}</span></div><div class="muted">${esc2(tr2(`by ${a.requestedBy ?? "?"}`))}${a.subject ? ` \xB7 ${esc2(tr2(`about ${a.subject}`))}` : ""} \xB7 ${esc2(tr2(`waiting ${formatAge(r.age)}`))} <span class="${over ? "late" : ""}">${esc2(over ? tr2(`(SLA ${sla}, over)`) : tr2(`(SLA ${sla})`))}</span>${r.stale ? ` \xB7 ${esc2(tr2("stale"))}` : ""}</div>${acts}</li>`;
  });
  return `<section id="approvals"><h2>${esc2(tr2(`Approvals pending (${d.pending.length})`))}</h2><ul>${rows.join("")}</ul></section>`;
}
function phasesSection2(d) {
  const tr2 = d.tr ?? asIs2;
  const phases = d.status.phases;
  if (phases.length === 0) return "";
  const rows = phases.map((p) => {
    const due = p.due === void 0 ? "" : ` \xB7 ${esc2(tr2(`due ${formatTime(p.due)}`))}${p.due < d.now && p.done < p.total ? ` <span class="late">${esc2(tr2("(past)"))}</span>` : ""}`;
    const blocked = p.blocked.length ? ` \xB7 ${esc2(tr2(`blocked: ${p.blocked.map((b) => b.id).join(", ")}`))}` : "";
    const waiting = p.waiting.length ? ` \xB7 ${esc2(tr2(`waiting: ${p.waiting.map((w) => w.id).join(", ")}`))}` : "";
    return `<li><span>${esc2(p.name)}</span> <progress max="${p.total}" value="${p.done}"></progress> ${p.done}/${p.total}<span class="muted">${due}${blocked}${waiting}</span></li>`;
  });
  return `<section id="phases"><h2>${esc2(tr2("Phases"))}</h2><ul>${rows.join("")}</ul></section>`;
}
function metricsSection(m, tr2) {
  if (!m) return "";
  const x = m.metrics;
  const items = [
    [tr2("Automation rate"), tr2(`${pct4(x.automation.rate)} of ${x.automation.steps} steps of work`)],
    [tr2("Approval wait (median)"), ms(x.approvalWait.all.median)],
    [
      tr2("Auto-recovery"),
      x.recovery.failures ? tr2(`${pct4(x.recovery.rate)} of ${x.recovery.failures} failures`) : tr2("no failures")
    ],
    [tr2("Done in period"), String(x.flow.done)]
  ];
  return `<section id="metrics"><h2>${esc2(tr2("Metrics"))} <span class="muted">${esc2(tr2("(last 30 days)"))}</span></h2><dl>${items.map(([k, v]) => `<div><dt>${esc2(k)}</dt><dd>${esc2(v)}</dd></div>`).join("")}</dl></section>`;
}
function boardFragment(d) {
  const tr2 = d.tr ?? asIs2;
  const s = d.status.summary;
  const byState = new Map(STATES.map((st) => [st, []]));
  for (const t of d.tasks) byState.get(t.state)?.push(t);
  const roles = typeof d.roles === "string" ? `<span class="late">${esc2(tr2(d.roles))}</span>` : esc2(d.roles.join(", ") || tr2("no role"));
  const actor = esc2(d.actor);
  const acting = esc2(tr2(`Acting as ${d.actor}`)).replace(actor, () => `<b>${actor}</b>`);
  const who = `<p class="who">${acting} (${roles})${d.readOnly ? ` \xB7 ${esc2(tr2("read-only"))}` : ""}${d.board ? ` \xB7 ${esc2(d.board)}` : ""}</p>`;
  const expired = s.leases.expired.length ? ` ${esc2(tr2(`(${s.leases.expired.length} expired)`))}` : "";
  const errors = d.status.errors ? ` \xB7 <span class="late">${esc2(tr2(`${d.status.errors} ledger error(s): run taskgate check`))}</span>` : "";
  const counts = `<p class="counts">${STATES.map((st) => `${esc2(st)} ${s.byState[st]}`).join(" \xB7 ")} \xB7 ${esc2(tr2(`leases ${s.leases.held}`))}${expired} \xB7 ${esc2(tr2(`blocked ${s.blocked.length}`))}${errors}</p>`;
  const columns2 = STATES.map((st) => {
    const list = byState.get(st) ?? [];
    return `<section class="col" data-state="${esc2(st)}"><h2>${esc2(st)} <span class="muted">${list.length}</span></h2><ul>${list.map((t) => card(t, d)).join("")}</ul></section>`;
  }).join("");
  return `${who}${counts}${approvalsSection(d)}${phasesSection2(d)}<div class="board">${columns2}</div>${metricsSection(d.metrics, tr2)}`;
}
function problemFragment(message, tr2 = asIs2) {
  return `<p class="problem">${esc2(tr2(message))}</p>`;
}
function scriptWords(tr2) {
  return {
    live: tr2("live"),
    reconnecting: tr2("reconnecting"),
    reason: tr2("Write a reason to {act} {id}."),
    done: tr2("{act} {id}: done"),
    refused: tr2("Refused ({status})"),
    noAnswer: tr2("The server did not answer: {error}")
  };
}
function pageHtml(nonce, fragment, lang = "en", tr2 = asIs2) {
  const words = JSON.stringify(scriptWords(tr2)).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${esc2(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc2(tr2("taskgate board"))}</title><link rel="icon" href="data:,"><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>taskgate</h1><span id="live">${esc2(tr2("connecting"))}</span></header>
<main><div id="notice" role="status" aria-live="polite"></div><div id="board">${fragment}</div></main>
<script type="application/json" id="words">${words}</script>
<script nonce="${nonce}">${SCRIPT}</script></body></html>
`;
}
var asIs2, ESCAPES, pct4, ms, STYLE, SCRIPT;
var init_page = __esm({
  "src/serve/page.ts"() {
    "use strict";
    init_task();
    init_time();
    asIs2 = (text) => text;
    ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    pct4 = (r) => r === null ? "\u2013" : `${Math.round(r * 100)}%`;
    ms = (v) => v === null || v === void 0 ? "\u2013" : formatDuration(v);
    STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--fg:#1b1b1b;--card:#fff;--line:#ddd;--muted:#666;--late:#b00020;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#e8e8e8;--card:#1e1e1e;--line:#333;--muted:#9a9a9a;--late:#ff6b6b;--accent:#8ab4f8}}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",YuGothic,"Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;gap:.5em;align-items:center;padding:.5em 1em;border-bottom:1px solid var(--line)}
header h1{font-size:1.1em;margin:0}#live{font-size:.85em;color:var(--muted)}#live.on::before{content:"\u25CF ";color:#2e7d32}
main{padding:0 1em 2em}h2{font-size:1em;margin:.8em 0 .4em}ul{list-style:none;margin:0;padding:0}
.board{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:.8em}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4em .6em;margin:0 0 .4em;overflow-wrap:anywhere}
.is-blocked{border-color:var(--late)}.blocked,.late{color:var(--late)}.muted,.lease,.prio{color:var(--muted)}
.labels span{display:inline-block;font-size:.8em;border:1px solid var(--line);border-radius:3px;padding:0 .3em;margin:.2em .2em 0 0}
.acts{margin-top:.3em;display:flex;gap:.4em;flex-wrap:wrap}.acts input{flex:1 1 8em;min-width:0;font:inherit;padding:.15em .4em;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}button{font:inherit;padding:.2em .7em;border-radius:4px;border:1px solid var(--accent);background:transparent;color:var(--accent);cursor:pointer}
#notice{margin:.5em 0;padding:.4em .6em;border-radius:4px;display:none}#notice.show{display:block;border:1px solid var(--line)}#notice.bad{border-color:var(--late);color:var(--late)}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.5em;margin:0}dl div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4em .6em}dt{color:var(--muted);font-size:.85em}dd{margin:0;font-size:1.2em}
.problem{color:var(--late);font-weight:bold}progress{vertical-align:middle}
@media (max-width:600px){.board{grid-template-columns:1fr}header{flex-wrap:wrap}}
`;
    SCRIPT = `
"use strict";
const L = JSON.parse(document.getElementById("words").textContent);
const fill = (text, v) => text.replace(/\\{(\\w+)\\}/g, (w, k) => (k in v ? String(v[k]) : w));
const board = document.getElementById("board");
const notice = document.getElementById("notice");
const live = document.getElementById("live");
let seq = 0;
async function refresh() {
  const mine = ++seq;
  const r = await fetch("/fragment", { cache: "no-store" });
  if (r.ok && mine === seq) board.innerHTML = await r.text();
}
function say(text, bad) { notice.textContent = text; notice.className = "show" + (bad ? " bad" : ""); }
const events = new EventSource("/events");
let connected = false;
// After a reconnect, changes may have been missed: look again.
events.addEventListener("hello", () => { if (connected) refresh().catch(() => {}); connected = true; });
events.addEventListener("change", () => { refresh().catch(() => {}); });
// Time left and ages move without any change to the ledgers.
setInterval(() => { refresh().catch(() => {}); }, 30000);
events.onopen = () => { live.className = "on"; live.textContent = L.live; };
events.onerror = () => { live.className = ""; live.textContent = L.reconnecting; };
board.addEventListener("click", async (ev) => {
  const b = ev.target instanceof Element ? ev.target.closest("button[data-act]") : null;
  if (!b) return;
  const act = b.dataset.act, id = b.dataset.id;
  const box = b.parentElement ? b.parentElement.querySelector("input[name=reason]") : null;
  const reason = b.dataset.reason !== "none" && box ? box.value.trim() : "";
  if (b.dataset.reason === "required" && !reason) { say(fill(L.reason, { act, id }), true); if (box) box.focus(); return; }
  b.disabled = true;
  try {
    const r = await fetch("/api/" + act, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(reason ? { id, reason } : { id }) });
    const j = await r.json();
    if (r.ok) say(j.message || fill(L.done, { act, id }), false);
    else say(j.error ? j.error.message : fill(L.refused, { status: r.status }), true);
  } catch (e) { say(fill(L.noAnswer, { error: e }), true); }
  finally { b.disabled = false; refresh().catch(() => {}); }
});
`;
  }
});

// src/serve/watch.ts
var import_node_crypto7, ChangeWatch;
var init_watch = __esm({
  "src/serve/watch.ts"() {
    "use strict";
    import_node_crypto7 = __toESM(require_node_crypto(), 1);
    ChangeWatch = class {
      constructor(makeCtx, pollMs) {
        this.makeCtx = makeCtx;
        this.pollMs = pollMs;
      }
      makeCtx;
      pollMs;
      #digest = "";
      #version = 0;
      #timer;
      #listeners = [];
      get version() {
        return this.#version;
      }
      onChange(listener) {
        this.#listeners.push(listener);
      }
      /** The digest of both ledgers now; a read that fails (a file mid-rename, a ref mid-update) counts as its own state. */
      digest() {
        const ctx = this.makeCtx();
        const h = (0, import_node_crypto7.createHash)("sha256");
        for (const path of [ctx.paths.tasks, ctx.paths.approvals]) {
          try {
            const s = ctx.ports.readSnapshot(path);
            h.update(s ? `${s.bytes.length}:` : "none:");
            if (s) h.update(s.bytes);
          } catch (e) {
            h.update(`error:${e instanceof Error ? e.message : String(e)}`);
          }
          h.update("\0");
        }
        return h.digest("hex");
      }
      /** Looks once; tells the listeners when the bytes differ from the last look. */
      tick() {
        const d = this.digest();
        if (d === this.#digest) return;
        this.#digest = d;
        this.#version++;
        for (const l of this.#listeners) l(this.#version);
      }
      start() {
        this.#digest = this.digest();
        this.#timer = setInterval(() => this.tick(), this.pollMs);
      }
      stop() {
        if (this.#timer) clearInterval(this.#timer);
        this.#timer = void 0;
      }
    };
  }
});

// src/serve/server.ts
var server_exports2 = {};
__export(server_exports2, {
  serveHttp: () => serveHttp
});
async function serveHttp(opts) {
  const { makeCtx, readOnly, log } = opts;
  const guard2 = new Guard();
  const headers = answerHeaders;
  const sendJson = (res, status, body) => {
    res.writeHead(status, headers("application/json; charset=utf-8"));
    res.end(docText(body));
  };
  const refuse = (res, status, r) => sendJson(res, status, { error: r });
  const boardData = (ctx) => {
    let roles;
    let actor = ctx.ports.actorName() ?? "(nobody)";
    try {
      const who = whoActs(ctx, "AUDIT");
      actor = who.actor;
      roles = who.roles;
    } catch (e) {
      roles = e instanceof Error ? e.message : String(e);
    }
    const status = statusView(ctx);
    const tasks = listView(ctx, { states: [], labels: [] }).tasks;
    const pending = status.approvalsFound ? listApprovals(ctx, { status: ["pending"] }) : [];
    return {
      now: ctx.now,
      actor,
      roles,
      readOnly,
      board: ctx.ports.board?.describe(),
      status,
      tasks,
      pending,
      approvalSla: loadTasks(ctx).policy.approvalSla,
      metrics: void 0
    };
  };
  const fragment = async () => {
    const ctx = makeCtx();
    try {
      const d = boardData(ctx);
      let metrics;
      try {
        metrics = await metricsView(ctx, {});
      } catch {
        metrics = void 0;
      }
      return boardFragment({ ...d, metrics, ...opts.tr ? { tr: opts.tr } : {} });
    } catch (e) {
      if (e instanceof TaskgateError) return problemFragment(e.message, opts.tr);
      throw e;
    }
  };
  const api = async (req, res, path, url) => {
    const ctx = makeCtx();
    try {
      if (path === "/api/status") return sendJson(res, 200, statusDoc(ctx, statusView(ctx)));
      if (path === "/api/list") {
        const states = url.searchParams.getAll("state").flatMap((s) => s.toUpperCase().split(","));
        const wrong = states.find((s) => !isState(s));
        if (wrong)
          return refuse(res, 400, {
            code: "INVALID_ARGUMENT",
            message: `Unknown state "${wrong}"; expected PLAN|READY|DOING|REVIEW|DONE`,
            next: "Correct the argument and call again."
          });
        const labels = url.searchParams.getAll("label").flatMap((s) => s.split(","));
        const assignee = url.searchParams.get("assignee");
        const v = listView(ctx, { states, labels, ...assignee ? { assignee } : {} });
        return sendJson(res, 200, listDoc(ctx, v.tasks));
      }
      const show = /^\/api\/show\/([^/]+)$/.exec(path);
      if (show) {
        const id = normalizeTaskId(decodeURIComponent(show[1]));
        try {
          const v = showView(ctx, id);
          return sendJson(res, 200, showDoc(v.task, v.body));
        } catch (e) {
          const r = explainRefusal(ctx, e, { id });
          if (!r) throw e;
          return refuse(res, STATUS_OF[r.code] ?? 409, r);
        }
      }
      if (path === "/api/approvals") {
        const status = url.searchParams.getAll("status").flatMap((s) => s.split(","));
        const subject = url.searchParams.get("subject");
        const rows = listApprovals(ctx, {
          ...status.length ? { status } : {},
          ...subject ? { subject: normalizeTaskId(subject) } : {}
        });
        return sendJson(res, 200, approvalsDoc(rows));
      }
      if (path === "/api/metrics") {
        const since = url.searchParams.get("since") ?? void 0;
        const until = url.searchParams.get("until") ?? void 0;
        return sendJson(res, 200, metricsDoc(await metricsView(ctx, { since, until })));
      }
      const act = /^\/api\/([a-z]+)$/.exec(path)?.[1];
      if (act && isDecision(act)) return await decide2(req, res, ctx, act);
      return refuse(res, 404, {
        code: "NOT_FOUND",
        message: `There is no ${path}; see docs/serve.md`,
        next: "Use one of the documented paths."
      });
    } catch (e) {
      const r = explainRefusal(ctx, e, {});
      if (!r) throw e;
      return refuse(res, STATUS_OF[r.code] ?? 409, r);
    }
  };
  const decide2 = async (req, res, ctx, act) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return refuse(res, 405, { code: "REFUSED", message: `${act} needs POST`, next: "Send it as a POST." });
    }
    if (readOnly)
      return refuse(res, 403, {
        code: "REFUSED",
        message: "This server is read-only (started with --read-only): no decision can be made here",
        next: "Use the CLI, or start taskgate serve without --read-only."
      });
    const origin = req.headers.origin;
    if (!guard2.originIsOurs(req))
      return refuse(res, 403, {
        code: "REFUSED",
        message: `A decision must come from this board's page (Origin ${guard2.origins[0]}), not from ${origin ?? "a request without an Origin"}`,
        next: "Make the decision on the board's page."
      });
    const body = await readBody(req);
    if (body === void 0 || typeof body.id !== "string" || body.reason !== void 0 && typeof body.reason !== "string")
      return refuse(res, 400, {
        code: "INVALID_ARGUMENT",
        message: 'Expected a JSON body like {"id": "A-3", "reason": "why"}',
        next: "Correct the request and send it again."
      });
    const id = body.id.trim();
    const reason = body.reason?.trim() || void 0;
    const attempt = act === "approve" || act === "reject" ? { decision: { id: normalizeApprovalId(id), decision: act, reasonGiven: reason !== void 0 } } : { action: act, id: normalizeTaskId(id) };
    try {
      if (act === "approve" || act === "reject") {
        const r2 = await decideApproval(ctx, { id: normalizeApprovalId(id), decision: act, reason });
        return sendJson(res, 200, {
          ...doc("approval-decision", { id: r2.id, decision: r2.decision }),
          message: `${r2.id} ${act === "approve" ? "approved" : "rejected"}`
        });
      }
      const input = { action: act, id: normalizeTaskId(id), reason };
      const { result: r, worktree } = act === "accept" ? await (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).transitionEndingWorktree(ctx, input, { keep: false }) : { result: await transition(ctx, input), worktree: void 0 };
      return sendJson(res, 200, {
        ...doc("transition", { id: r.id, action: r.action, from: r.from, to: r.to }),
        message: `${r.id} ${r.from} -> ${r.to}${worktree ? `; ${worktree}` : ""}`
      });
    } catch (e) {
      const r = explainRefusal(makeCtx(), e, attempt);
      if (!r) throw e;
      return refuse(res, STATUS_OF[r.code] ?? 409, r);
    }
  };
  const watch2 = new ChangeWatch(makeCtx, opts.pollMs);
  const streams = /* @__PURE__ */ new Set();
  const events = (req, res) => {
    res.writeHead(200, { ...headers("text/event-stream; charset=utf-8"), connection: "keep-alive" });
    res.write(`retry: 1000
event: hello
data: ${watch2.version}

`);
    streams.add(res);
    req.on("close", () => streams.delete(res));
  };
  watch2.onChange((version) => {
    for (const s of streams) s.write(`event: change
data: ${version}

`);
  });
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(": keep-alive\n\n");
  }, 15e3);
  const handle = async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (!guard2.hostIsOurs(req))
      return refuse(res, 421, { code: "REFUSED", message: "Unknown Host", next: `Open ${guard2.origins[0]}/.` });
    const t = guard2.tokenOf(req, url);
    if (!t.ok)
      return refuse(res, 401, {
        code: "REFUSED",
        message: "The token is missing or wrong: open the URL taskgate serve printed (it carries ?token=)",
        next: "Open the printed URL."
      });
    if (t.fromQuery) {
      res.setHeader("set-cookie", guard2.setCookie);
      if (req.method === "GET" && path === "/") {
        res.writeHead(303, { location: "/", "cache-control": "no-store" });
        return res.end();
      }
    }
    if (path.startsWith("/api/")) return api(req, res, path, url);
    if (req.method !== "GET")
      return refuse(res, 405, { code: "REFUSED", message: `${path} is read with GET`, next: "Use GET." });
    if (path === "/") {
      const nonce = (0, import_node_crypto8.randomBytes)(16).toString("base64");
      res.writeHead(200, headers("text/html; charset=utf-8", nonce));
      return res.end(pageHtml(nonce, await fragment(), opts.lang, opts.tr));
    }
    if (path === "/fragment") {
      res.writeHead(200, headers("text/html; charset=utf-8"));
      return res.end(await fragment());
    }
    if (path === "/events") return events(req, res);
    if (path === "/favicon.ico") {
      res.writeHead(204, headers("image/x-icon"));
      return res.end();
    }
    return refuse(res, 404, { code: "NOT_FOUND", message: `There is no ${path}`, next: "Open /." });
  };
  const server = (0, import_node_http.createServer)((req, res) => {
    handle(req, res).catch((e) => {
      log(`taskgate serve: internal error (please report it): ${e instanceof Error ? e.stack ?? e.message : e}`);
      if (!res.headersSent)
        refuse(res, 500, { code: "REFUSED", message: "Internal error", next: "See the server's log." });
      else res.end();
    });
  });
  await new Promise((resolve17, reject) => {
    server.once(
      "error",
      (e) => reject(
        e.code === "EADDRINUSE" || e.code === "EACCES" ? new UsageError(
          `Port ${opts.port} on 127.0.0.1 is ${e.code === "EADDRINUSE" ? "in use" : "not allowed"}; choose another with --port N, or --port 0 for any free one`
        ) : e
      )
    );
    server.listen(opts.port, "127.0.0.1", () => resolve17());
  });
  guard2.port = server.address().port;
  watch2.start();
  opts.onListening(`http://127.0.0.1:${guard2.port}/?token=${guard2.token}`);
  log(`taskgate serve: listening on 127.0.0.1:${guard2.port}${readOnly ? " (read-only)" : ""}; Ctrl-C ends it`);
  await new Promise((resolve17) => {
    let stopping = false;
    const stop = (why) => {
      if (stopping) return;
      stopping = true;
      log(`taskgate serve: ${why}; closing`);
      watch2.stop();
      clearInterval(keepAlive);
      for (const s of streams) s.end();
      server.close(() => resolve17());
      server.closeAllConnections();
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  });
  return 0;
}
async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const c of req) {
    size += c.length;
    if (size > BODY_LIMIT2) return void 0;
    chunks.push(c);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
  } catch {
    return void 0;
  }
}
var import_node_crypto8, import_node_http, BODY_LIMIT2, DECISIONS, isDecision, STATUS_OF;
var init_server2 = __esm({
  "src/serve/server.ts"() {
    "use strict";
    import_node_crypto8 = __toESM(require_node_crypto(), 1);
    import_node_http = require("node:http");
    init_approvals2();
    init_documents();
    init_errors();
    init_ledgers();
    init_metrics2();
    init_refusal();
    init_transition();
    init_views();
    init_approval();
    init_task();
    init_guard();
    init_page();
    init_watch();
    BODY_LIMIT2 = 16 * 1024;
    DECISIONS = ["approve", "reject", "accept", "rework", "ready"];
    isDecision = (s) => DECISIONS.includes(s);
    STATUS_OF = {
      ROLE_DENIED: 403,
      FOUR_EYES: 403,
      NOT_FOUND: 404,
      INVALID_ARGUMENT: 400,
      BUSY: 503,
      INVALID_LEDGER: 409
    };
  }
});

// src/app/share.ts
var share_exports = {};
__export(share_exports, {
  shareBoard: () => shareBoard
});
async function shareBoard(inTree, o) {
  const gitDir = findGitDir(o.cwd);
  if (!gitDir) throw new UsageError(`${o.cwd} is not in a git repository; taskgate share shares a board through git`);
  const commonDir = commonDirOf(gitDir);
  if (runGit(o.cwd, ["check-ref-format", "--branch", o.branch]).status !== 0)
    throw new UsageError(`"${o.branch}" is not a valid branch name`);
  if (o.remote && runGit(o.cwd, ["remote", "get-url", o.remote]).status !== 0)
    throw new UsageError(`This clone has no remote named "${o.remote}" (see git remote -v)`);
  const setting = { branch: o.branch, remote: o.remote, gitDir, commonDir };
  const store = new GitBoardStore({ share: setting, cwd: o.cwd, names: /* @__PURE__ */ new Map(), author: () => gitIdentity(o.cwd) });
  const where2 = o.remote ? `branch ${o.branch} of remote ${o.remote}` : `branch ${o.branch}`;
  const ref = `refs/heads/${o.branch}`;
  const author = gitIdentity(o.cwd);
  if (o.remote) {
    const f = store.fetch();
    if (f !== "ok") throw new UnreachableError(`remote "${o.remote}" cannot be reached (${f}); nothing was changed`);
    const tip = readRef(commonDir, store.readRefName);
    if (tip) return record(setting, o.cwd, "joined", tip, `Joined the shared board on ${where2} (${tip.slice(0, 10)}).`);
  }
  const local = readRef(commonDir, ref);
  const already = readShare(o.cwd);
  if (local && already?.branch === o.branch && already.remote === o.remote)
    return {
      action: "already",
      commit: local,
      message: `This clone already shares its board on ${where2}; nothing to do.`
    };
  let commit = local;
  let action = "joined";
  let moved = "";
  let movedBytes;
  if (!commit) {
    const m = await moveInTreeBoard(inTree, o.cwd, author);
    commit = m.commit;
    movedBytes = m;
    const swap = runGit(o.cwd, ["update-ref", "-m", "taskgate share", ref, commit, ""]);
    if (swap.status !== 0)
      throw new BusyError(
        `branch ${o.branch} was created by someone else meanwhile; run taskgate share again to join it`
      );
    action = "moved";
    moved = `Moved ${inTree.paths.tasksDisplay} and ${inTree.paths.approvalsDisplay} byte for byte (log and hash chain checked: ok) to branch ${o.branch} as commit ${commit.slice(0, 10)}. `;
  }
  if (o.remote) {
    const r = runGit(o.cwd, [
      "push",
      "--porcelain",
      "--no-verify",
      `--force-with-lease=${ref}:`,
      o.remote,
      `${commit}:${ref}`
    ]);
    if (r.status !== 0) {
      const f = store.fetch();
      if (f !== "ok")
        throw new UnreachableError(`remote "${o.remote}" cannot be reached (${f}); sharing was not turned on`);
      if (readRef(commonDir, store.readRefName))
        throw new BusyError(`another clone shared a board on ${where2} meanwhile; run taskgate share again to join it`);
      throw new RefusedError(`remote "${o.remote}" refused branch ${o.branch}: ${r.stderr.replace(/\s+/g, " ")}`);
    }
    runGit(o.cwd, ["update-ref", store.readRefName, commit]);
    if (action === "joined") action = "published";
    moved += `Published it to remote ${o.remote}. `;
  }
  const result = record(
    setting,
    o.cwd,
    action,
    commit,
    `${moved}${action === "joined" ? `Joined the shared board on ${where2}. ` : ""}`.trim()
  );
  if (movedBytes) await confirmMoved(inTree, movedBytes, setting, commit, o.cwd);
  return result;
}
async function confirmMoved(inTree, moved, setting, commit, cwd) {
  const { paths } = inTree;
  const same3 = await inTree.ports.update([paths.tasks, paths.approvals], (texts) => ({
    writes: [],
    result: texts[0] === decodeUtf8(paths.tasksDisplay, moved.tasks) && texts[1] === decodeUtf8(paths.approvalsDisplay, moved.approvals)
  }));
  if (same3) return;
  runGit(cwd, ["config", "--unset", "taskgate.share.branch"]);
  runGit(cwd, ["config", "--unset", "taskgate.share.remote"]);
  const ref = `refs/heads/${setting.branch}`;
  if (setting.remote) {
    runGit(cwd, [
      "push",
      "--porcelain",
      "--no-verify",
      `--force-with-lease=${ref}:${commit}`,
      setting.remote,
      `:${ref}`
    ]);
    runGit(cwd, ["update-ref", "-d", `refs/remotes/${setting.remote}/${setting.branch}`, commit]);
  }
  runGit(cwd, ["update-ref", "-d", ref, commit]);
  throw new BusyError(
    `${paths.tasksDisplay} or ${paths.approvalsDisplay} was written while the board was being moved; sharing was not turned on and the in-tree files are as they are: run taskgate share again`
  );
}
async function moveInTreeBoard(inTree, cwd, author) {
  const { paths } = inTree;
  if (!(0, import_node_fs23.existsSync)(paths.tasks) || !(0, import_node_fs23.existsSync)(paths.approvals)) {
    throw new RefusedError(
      `There is no board here to share and no shared board to join (${paths.tasksDisplay} or ${paths.approvalsDisplay} is missing): run "taskgate init" first`
    );
  }
  const tasks = (0, import_node_fs23.readFileSync)(paths.tasks);
  const approvals = (0, import_node_fs23.readFileSync)(paths.approvals);
  const checked = {
    ...inTree,
    ports: {
      ...inTree.ports,
      readText: (p) => (p === paths.tasks ? tasks : p === paths.approvals ? approvals : void 0)?.toString("utf8")
    }
  };
  const { diagnostics } = await checkLedgers(checked);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) {
    throw new InvalidLedgerError(
      `The in-tree board has ${errors.length} error${errors.length === 1 ? "" : "s"}, so it was not moved; fix ${errors.length === 1 ? "it" : "them"} first:
${errors.slice(0, 10).map(formatDiagnostic).join("\n")}`,
      errors
    );
  }
  const commit = commitFiles(cwd, commonDirOf(findGitDir(cwd)), tasks, approvals, author, inTree.now);
  return { commit, tasks, approvals };
}
function commitFiles(cwd, commonDir, tasks, approvals, author, now) {
  const empty = readBoard(cwd, void 0, []);
  return writeBoardCommit(
    cwd,
    commonDir,
    empty,
    /* @__PURE__ */ new Map([
      ["TASKS.md", tasks],
      ["APPROVALS.md", approvals]
    ]),
    "taskgate share: the board moved here from the working tree",
    author,
    now
  );
}
function readShare(cwd) {
  const branch = runGit(cwd, ["config", "--get", "taskgate.share.branch"]).stdout.toString().trim();
  if (!branch) return void 0;
  const remote = runGit(cwd, ["config", "--get", "taskgate.share.remote"]).stdout.toString().trim();
  return { branch, remote: remote || void 0 };
}
function record(setting, cwd, action, commit, said) {
  gitOk(cwd, ["config", "taskgate.share.branch", setting.branch]);
  if (setting.remote) gitOk(cwd, ["config", "taskgate.share.remote", setting.remote]);
  else runGit(cwd, ["config", "--unset", "taskgate.share.remote"]);
  return {
    action,
    commit,
    message: `${said} Every command in every worktree of this clone now uses it (git config taskgate.share.branch=${setting.branch}${setting.remote ? `, taskgate.share.remote=${setting.remote}` : ""}); the in-tree files are no longer read (remove them with git rm when you are ready; TASKGATE_SHARE=off reads them again).`
  };
}
var import_node_fs23;
var init_share = __esm({
  "src/app/share.ts"() {
    "use strict";
    import_node_fs23 = require("node:fs");
    init_git();
    init_git_ref();
    init_git_store();
    init_text();
    init_diagnostic();
    init_check();
    init_errors();
  }
});

// src/rules/stuck.ts
var stuck_exports = {};
__export(stuck_exports, {
  findStuck: () => findStuck
});
function findStuck(tasks, log, now) {
  const entered = /* @__PURE__ */ new Map();
  const spells = new Map(WATCHED.map((s) => [s, []]));
  for (const e of log) {
    const { from, to } = e.details;
    if (!to || to === from) continue;
    const open = entered.get(e.target);
    if (open && open.state === from) spells.get(open.state)?.push(e.time - open.time);
    entered.set(e.target, { state: to, time: e.time });
  }
  const usual = /* @__PURE__ */ new Map();
  for (const [state, xs] of spells) {
    if (xs.length < MIN_SAMPLES) continue;
    const sorted = [...xs].sort((a, b) => a - b);
    usual.set(state, sorted[Math.floor(sorted.length / 2)]);
  }
  const out = [];
  for (const t of tasks) {
    const median2 = usual.get(t.state);
    const open = entered.get(t.id);
    if (median2 === void 0 || !open || open.state !== t.state) continue;
    if (now - open.time > Math.max(FLOOR, FACTOR * median2)) {
      out.push({ id: t.id, state: t.state, since: open.time, usual: median2 });
    }
  }
  return out;
}
var WATCHED, MIN_SAMPLES, FACTOR, FLOOR;
var init_stuck = __esm({
  "src/rules/stuck.ts"() {
    "use strict";
    WATCHED = ["DOING", "REVIEW"];
    MIN_SAMPLES = 5;
    FACTOR = 3;
    FLOOR = 15 * 6e4;
  }
});

// src/app/watch.ts
var watch_exports = {};
__export(watch_exports, {
  tick: () => tick
});
async function tick(ctx, options) {
  const events = [];
  let exitCode = EXIT.ok;
  const emit = (event, target, why, problem, code = EXIT_PROBLEM, data) => {
    events.push({ time: ctx.now, event, target, why, problem, ...data ? { data } : {} });
    if (problem && (exitCode === EXIT.ok || code === EXIT.invalid)) exitCode = code;
  };
  const step = async (target, run) => {
    try {
      await run();
    } catch (e) {
      if (!(e instanceof TaskgateError)) throw e;
      const kind = e.exitCode === EXIT.busy ? "busy" : e.exitCode === EXIT.invalid ? "invalid" : "refused";
      emit(kind, target, e.message.split("\n")[0], true, e.exitCode);
    }
  };
  const { paths, ports } = ctx;
  await loadWriteChecks();
  const tasksText2 = ports.readText(paths.tasks);
  if (tasksText2 === void 0) throw missingLedger(ctx, "tasks");
  const tasks = parseTasks(ctx, tasksText2);
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const invalid = [];
  for (const [file, ds] of [
    [paths.tasksDisplay, tasks.diagnostics],
    [paths.approvalsDisplay, approvals.diagnostics]
  ]) {
    try {
      requireValid(file, ds);
    } catch (e) {
      if (!(e instanceof InvalidLedgerError)) throw e;
      invalid.push(...e.diagnostics);
    }
  }
  if (invalid.length) {
    const first = invalid[0];
    emit(
      "invalid",
      first.file,
      `${invalid.length} error${invalid.length === 1 ? "" : "s"}, nothing recovered or scheduled until fixed; first: ${formatDiagnostic(first)}`,
      true,
      EXIT.invalid
    );
  } else {
    if (tasks.tasks.some((t) => t.lease !== void 0 && isLeaseExpired(t.lease, ctx.now, tasks.policy.clockSkew))) {
      await step(paths.tasksDisplay, () => recover(ctx, approvals, options, emit));
    }
    await step(paths.tasksDisplay, () => runSchedules(ctx, approvals, emit));
    await step(paths.approvalsDisplay, async () => {
      await decidePending(ctx, approvals, emit);
    });
    reportStaleApprovals(ctx, emit);
    reportDeadLetters(ctx, tasksText2, tasks, events, emit);
  }
  reportStaleLocks(options, emit);
  let hookRetry;
  if (HOOKS_HEADING.test(tasksText2)) {
    await step("hooks", async () => {
      const { deliverHooks: deliverHooks2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
      for (const r of await deliverHooks2(ctx, { due: true, env: options.env ?? process.env })) {
        const what = `${paths.tasksDisplay}:${r.hook.line} ${r.hook.text}`;
        if (r.failure) {
          hookRetry = Math.min(hookRetry ?? Number.POSITIVE_INFINITY, r.failure.nextTry);
          emit(
            "hook-failed",
            what,
            `${r.delivered} delivered, then ${r.failure.failures} failed ${r.failure.failures === 1 ? "try" : "tries"} of event ${r.failure.event} (${r.pending} waiting): ${r.failure.error}`,
            true
          );
        } else if (r.delivered > 0)
          emit("hook", what, `${r.delivered} event${r.delivered === 1 ? "" : "s"} delivered`, false);
      }
    });
  }
  const scheduled = invalid.length ? void 0 : await nextScheduled(tasks, ctx.now);
  const nextDue = hookRetry === void 0 ? scheduled : Math.min(scheduled ?? hookRetry, hookRetry);
  return { events, exitCode, nextDue };
}
function automationWho(ctx, approvals, role) {
  const named = ctx.ports.actorName();
  const candidates = [...approvals.actors.values()].filter((a) => a.automation && a.roles.includes(role));
  const chosen = candidates.find((a) => a.name === named) ?? candidates[0];
  return chosen && { actor: chosen.name, roles: chosen.roles, automation: true, host: ctx.ports.host };
}
function noAutomation(ctx, role, what) {
  return new RefusedError(
    `${what}, but no automation actor in ${ctx.paths.approvalsDisplay} has the ${role} role; add a line like "- taskgate-watch: CMD, AUDIT (automation)" under "## Roles"`
  );
}
async function recover(ctx, approvals, options, emit) {
  const { paths, ports } = ctx;
  const recovered = await ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const who = automationWho(ctx, approvals, "CMD") ?? { actor: "-", roles: [], automation: true, host: ports.host };
    const plan = planRecovery(ledger, who, { now, hasher: ports.hasher, random: options.random });
    if (!plan.ok) throw noAutomation(ctx, "CMD", "Leases expired");
    if (plan.result.length === 0) return { writes: [], result: [] };
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
    return { writes: [{ path: paths.tasks, text: next2 }], result: plan.result };
  });
  for (const r of recovered) {
    const lease = `${r.holder}'s lease ended ${formatTime(r.expiredAt)}`;
    if (r.deadLetter !== void 0) {
      emit(
        "escalate",
        r.id,
        `blocked as a ${r.deadLetter}; unblock it once the cause is fixed (taskgate unblock ${r.id}), or cancel it`,
        true,
        void 0,
        { holder: r.holder, expiredAt: formatTime(r.expiredAt), attempts: r.attempts, deadLetter: true }
      );
    } else {
      emit(
        "recover",
        r.id,
        `back to READY: ${lease}; attempt ${r.attempts}, not before ${formatTime(r.notBefore)}`,
        false,
        void 0,
        {
          holder: r.holder,
          expiredAt: formatTime(r.expiredAt),
          attempts: r.attempts,
          notBefore: formatTime(r.notBefore)
        }
      );
    }
  }
}
async function loadSchedules(ledger, emit) {
  if (ledger.schedules.length === 0) return void 0;
  const mod = await Promise.resolve().then(() => (init_schedules(), schedules_exports));
  const schedules = [];
  for (const entry of ledger.schedules) {
    const parsed = mod.parseSchedule(entry);
    if (parsed.ok) schedules.push(parsed.schedule);
    else emit?.("invalid", entry.name, `${ledger.doc.file}:${parsed.line}: ${parsed.message}`, true, EXIT.invalid);
  }
  return { schedules, mod };
}
async function nextScheduled(ledger, now) {
  const loaded = await loadSchedules(ledger, void 0);
  if (!loaded) return void 0;
  const times = loaded.schedules.map((s) => loaded.mod.nextRunAfter(s, now)).filter((t) => t !== void 0);
  return times.length ? Math.min(...times) : void 0;
}
function recordedRuns(ledger, mod) {
  return mod.lastRecorded(readLog(ledger.doc, ledger.log, void 0).entries);
}
async function runSchedules(ctx, approvals, emit) {
  const { paths, ports } = ctx;
  const first = parseTasks(ctx, ports.readText(paths.tasks));
  const loaded = await loadSchedules(first, emit);
  if (!loaded || loaded.schedules.length === 0) return;
  const { schedules, mod } = loaded;
  const who = automationWho(ctx, approvals, "CMD");
  if (!who) throw noAutomation(ctx, "CMD", "TASKS.md has schedules");
  const recorded = recordedRuns(first, mod);
  for (const schedule of schedules) {
    const since = recorded.get(schedule.name);
    if (since === void 0) {
      const next2 = mod.nextRunAfter(schedule, ctx.now);
      const wrote2 = await record2(ctx, who, schedule, mod, void 0, {
        armed: "true",
        next: next2 === void 0 ? void 0 : formatTime(next2)
      });
      if (wrote2) {
        emit(
          "armed",
          schedule.name,
          `first seen; runs ${next2 === void 0 ? "never (the expression names no future time)" : `first at ${formatTime(next2)}`}`,
          false,
          void 0,
          { next: next2 === void 0 ? null : formatTime(next2) }
        );
      }
      continue;
    }
    const due = mod.dueRun(schedule, since, ctx.now);
    if (!due) continue;
    const missed = due.missed ? `, ${due.missed} earlier time${due.missed === 1 ? "" : "s"} missed` : "";
    const base = { due: formatTime(due.at), action: schedule.action.kind, missed: due.missed || void 0 };
    const action = schedule.action;
    if (action.kind === "add") {
      const added = await ports.update([paths.tasks], ([text], now) => {
        const ledger = parseTasks(ctx, text);
        requireValid(paths.tasksDisplay, ledger.diagnostics);
        if ((recordedRuns(ledger, mod).get(schedule.name) ?? Number.NEGATIVE_INFINITY) >= due.at) {
          return { writes: [], result: void 0 };
        }
        const plan = planAddTask(
          ledger,
          { title: action.title, priority: action.priority, labels: action.labels, state: action.state },
          { now, actor: who.actor, role: "CMD", hasher: ports.hasher, automation: true }
        );
        if (!plan.ok) throw new RefusedError(`Schedule "${schedule.name}" could not add its task: ${plan.message}`);
        const withTask = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
        const after2 = parseTasks(ctx, withTask);
        const line2 = recordLine(ctx, now, who, schedule, after2, { ...base, task: plan.result.id });
        const next2 = applyChecked("tasks", paths.tasksDisplay, withTask, [appendLog(after2.doc, after2.log, [line2])]);
        return { writes: [{ path: paths.tasks, text: next2 }], result: plan.result.id };
      });
      if (added)
        emit(
          "schedule",
          schedule.name,
          `added ${added} "${action.title}" (due ${base.due}${missed})`,
          false,
          void 0,
          {
            action: "add",
            due: base.due,
            missed: due.missed,
            task: added
          }
        );
      continue;
    }
    let problems = 0;
    if (action.kind === "check") {
      const found = await scheduledCheck(ctx);
      problems = found.length;
      for (const p of found) emit("check", p.target, p.why, true);
    } else {
      const decided = await decidePending(ctx, approvals, emit, true);
      problems = decided.problems;
    }
    const wrote = await record2(ctx, who, schedule, mod, due.at, { ...base, problems });
    if (wrote) {
      emit(
        "schedule",
        schedule.name,
        `ran ${action.kind} (due ${base.due}${missed}): ${problems === 0 ? "no problems" : `${problems} problem${problems === 1 ? "" : "s"}`}`,
        false,
        void 0,
        { action: action.kind, due: base.due, missed: due.missed, problems }
      );
    }
  }
}
function recordLine(ctx, now, who, schedule, ledger, details) {
  return formatLogLine(ctx.ports.hasher, lastHash(ledger.doc, ledger.log), {
    time: now,
    actor: who.actor,
    role: "CMD",
    action: "schedule",
    target: schedule.name,
    details: { ...details, auto: "true" }
  });
}
async function record2(ctx, who, schedule, mod, dueAt, details) {
  const { paths, ports } = ctx;
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const last = recordedRuns(ledger, mod).get(schedule.name);
    if (last !== void 0 && (dueAt === void 0 || last >= dueAt)) return { writes: [], result: false };
    const line2 = recordLine(ctx, now, who, schedule, ledger, details);
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, [appendLog(ledger.doc, ledger.log, [line2])]);
    return { writes: [{ path: paths.tasks, text: next2 }], result: true };
  });
}
async function scheduledCheck(ctx) {
  const { checkLedgers: checkLedgers2 } = await Promise.resolve().then(() => (init_check(), check_exports));
  const { findStuck: findStuck2 } = await Promise.resolve().then(() => (init_stuck(), stuck_exports));
  const { lintLedger: lintLedger2 } = await Promise.resolve().then(() => (init_lint(), lint_exports));
  const r = await checkLedgers2(ctx, { sla: true });
  const out = r.diagnostics.filter((d) => d.severity === "error").map((d) => ({ target: `${d.file}:${d.line}`, why: d.message }));
  const tasksText2 = ctx.ports.readText(ctx.paths.tasks);
  const linted = lintLedger2("tasks", ctx.paths.tasksDisplay, tasksText2, ctx.ports.hasher);
  for (const s of findStuck2(linted.ledger.tasks, linted.log, ctx.now)) {
    out.push({
      target: s.id,
      why: `in ${s.state} for ${formatAge(ctx.now - s.since)}, far longer than usual (median ${formatAge(s.usual)})`
    });
  }
  return out;
}
async function decidePending(ctx, approvals, emit, scheduled = false) {
  const pending = approvals.approvals.some((a) => a.status === "pending");
  if (!pending || !approvals.rules) return { problems: 0 };
  if (!automationWho(ctx, approvals, "AUDIT")) {
    if (!scheduled) return { problems: 0 };
    throw noAutomation(ctx, "AUDIT", "A schedule runs auto-approve");
  }
  loadRules(ctx, approvals);
  const r = await autoApprove(ctx);
  for (const o of r.outcomes) {
    if (o.skipped !== void 0) continue;
    if (o.verdict.decision === "approve")
      emit("approve", o.id, `approved by ${r.actor} (rule ${o.verdict.rule.id})`, false);
    if (o.verdict.decision === "reject")
      emit("reject", o.id, `rejected by ${r.actor} (rule ${o.verdict.rule.id}, hard deny)`, false);
  }
  return { problems: 0 };
}
function reportDeadLetters(ctx, readText, read2, events, emit) {
  const text = ctx.ports.readText(ctx.paths.tasks);
  const tasks = text === readText ? read2 : parseTasks(ctx, text);
  const found = deadLetters(tasks.tasks);
  const escalated = new Set(events.filter((e) => e.event === "escalate").map((e) => e.target));
  for (const id of found.deadLetters) {
    if (escalated.has(id)) continue;
    const t = tasks.byId.get(id)?.task;
    emit(
      "dead-letter",
      id,
      `${t?.blocked ?? "blocked as a dead letter"}; unblock it once the cause is fixed (taskgate unblock ${id}), or cancel it`,
      true
    );
  }
  for (const b of found.behind) {
    const which = b.deadLetters.join(", ");
    emit(
      "behind-dead-letter",
      b.id,
      `waits for the dead letter${b.deadLetters.length === 1 ? "" : "s"} ${which}: it cannot start until ${b.deadLetters.length === 1 ? "it is" : "they are"} unblocked and done, or cancelled`,
      true
    );
  }
}
function reportStaleApprovals(ctx, emit) {
  const tasks = parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  for (const a of approvals.approvals) {
    if (a.subject === void 0 || !isStale(tasks, a, ctx.ports.hasher)) continue;
    if (tasks.byId.get(a.subject)?.task.state === "DONE") continue;
    emit(
      "stale-approval",
      a.id,
      `approved, but ${a.subject} changed since, so it no longer counts; request again`,
      true
    );
  }
}
function reportStaleLocks(options, emit) {
  let names;
  try {
    names = (0, import_node_fs24.readdirSync)(options.lockDir);
  } catch {
    return;
  }
  for (const n of names) {
    const isLock = n.endsWith(".lock");
    if (!isLock && !n.endsWith(".tmp")) continue;
    let age3;
    try {
      age3 = Date.now() - (0, import_node_fs24.statSync)((0, import_node_path25.join)(options.lockDir, n)).mtimeMs;
    } catch {
      continue;
    }
    if (isLock) {
      const path = (0, import_node_path25.join)(options.lockDir, n);
      const owner = readOwner(path);
      const judged = owner ? judgeOwner(owner) : void 0;
      if (judged?.kind === "alive") continue;
      if (judged?.kind === "gone") {
        emit("stale-lock", path, `a lock held by ${judged.why}: the next write takes it over`, true);
      } else if (age3 > options.lockStale) {
        emit(
          "stale-lock",
          path,
          `a lock not refreshed for ${formatAge(age3)}: its holder${judged ? ` (${judged.why})` : ""} stopped while writing; the next write takes it over`,
          true
        );
      }
    } else if (!isLock && age3 > 6e4) {
      emit("stale-lock", (0, import_node_path25.join)(options.lockDir, n), `a temp file left ${formatAge(age3)} ago by a killed write`, true);
    }
  }
}
var import_node_fs24, import_node_path25, EXIT_PROBLEM;
var init_watch2 = __esm({
  "src/app/watch.ts"() {
    "use strict";
    import_node_fs24 = require("node:fs");
    import_node_path25 = require("node:path");
    init_lock();
    init_edit();
    init_log();
    init_diagnostic();
    init_time();
    init_gate();
    init_lease();
    init_plan_add();
    init_recover();
    init_summary();
    init_approvals2();
    init_errors();
    init_ledgers();
    init_status_memo();
    EXIT_PROBLEM = EXIT.problem;
  }
});

// src/app/watch-loop.ts
var watch_loop_exports = {};
__export(watch_loop_exports, {
  startLoop: () => startLoop
});
function startLoop(options) {
  let stopping = false;
  let running = false;
  let again;
  let settleTimer;
  let nextTimer;
  let pollTimer;
  const watchers = [];
  let finish = () => void 0;
  let fail = () => void 0;
  const done = new Promise((resolve17, reject) => {
    finish = resolve17;
    fail = reject;
  });
  const cleanup = () => {
    for (const w of watchers) w.close();
    clearTimeout(settleTimer);
    clearTimeout(nextTimer);
    clearInterval(pollTimer);
    finish();
  };
  const run = async (reason) => {
    if (stopping) return;
    if (running) {
      again = reason;
      return;
    }
    running = true;
    clearTimeout(nextTimer);
    let nextDue;
    try {
      nextDue = await options.tick(reason);
    } catch (e) {
      stopping = true;
      cleanup();
      fail(e);
      return;
    } finally {
      running = false;
    }
    if (stopping) {
      cleanup();
      return;
    }
    if (again !== void 0) {
      const r = again;
      again = void 0;
      void run(r);
      return;
    }
    const wait = Math.min(options.interval, nextDue === void 0 ? options.interval : nextDue - Date.now() + 50);
    nextTimer = setTimeout(
      () => void run(wait < options.interval ? "schedule" : "interval"),
      Math.max(0, Math.min(wait, MAX_TIMER))
    );
  };
  const changed = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void run("change"), options.settle);
  };
  const startPolling = () => {
    const stamp = (f) => {
      try {
        const s = (0, import_node_fs25.statSync)(f);
        return `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return "missing";
      }
    };
    let last = options.files.map(stamp).join("|");
    pollTimer = setInterval(() => {
      const now = options.files.map(stamp).join("|");
      if (now !== last) {
        last = now;
        changed();
      }
    }, POLL_MS);
  };
  if (options.poll) startPolling();
  else {
    try {
      const names = new Set(options.files.map((f) => (0, import_node_path26.basename)(f)));
      for (const dir of new Set(options.files.map((f) => (0, import_node_path26.dirname)(f)))) {
        const w = (0, import_node_fs25.watch)(dir, (_event, name) => {
          if (name === null || names.has((0, import_node_path26.basename)(name.toString()))) changed();
        });
        w.on("error", () => {
          w.close();
          if (!pollTimer) startPolling();
        });
        watchers.push(w);
      }
    } catch {
      for (const w of watchers) w.close();
      watchers.length = 0;
      startPolling();
    }
  }
  void run("start");
  return {
    done,
    stop() {
      if (stopping) return;
      stopping = true;
      if (!running) cleanup();
    }
  };
}
var import_node_fs25, import_node_path26, POLL_MS, MAX_TIMER;
var init_watch_loop = __esm({
  "src/app/watch-loop.ts"() {
    "use strict";
    import_node_fs25 = require("node:fs");
    import_node_path26 = require("node:path");
    POLL_MS = 1e3;
    MAX_TIMER = 2 ** 31 - 1;
  }
});

// src/app/schedule-install.ts
var schedule_install_exports = {};
__export(schedule_install_exports, {
  installSchedule: () => installSchedule,
  unitInput: () => unitInput
});
function unitInput(ctx, every2, bin) {
  const period = everyToCron(every2);
  if ("error" in period) throw new UsageError(period.error);
  const dir = (0, import_node_path27.dirname)((0, import_node_path27.resolve)(ctx.paths.tasks));
  let binPath = (0, import_node_path27.resolve)(bin);
  try {
    binPath = (0, import_node_fs26.realpathSync)(binPath);
  } catch {
  }
  return {
    dir,
    node: process.execPath,
    bin: binPath,
    minutes: period.minutes,
    cron: period.cron,
    name: `taskgate-watch-${shortHash(dir)}`
  };
}
function installSchedule(ctx, input) {
  const u = unitInput(ctx, input.every, input.bin);
  const problem = unitPathProblem(u, input.scheduler);
  if (problem) throw new RefusedError(problem);
  if (input.scheduler === "cron") {
    const line2 = cronLine(u);
    return { files: [{ name: "crontab", text: `${line2}
` }], done: input.write ? [writeCrontab(u.name, line2)] : [] };
  }
  if (input.scheduler === "systemd") {
    const { service, timer } = systemdUnits(u);
    const files2 = [
      { name: `${u.name}.service`, text: service },
      { name: `${u.name}.timer`, text: timer }
    ];
    return { files: files2, done: input.write ? writeSystemd(u.name, files2, input.env) : [] };
  }
  const command = schtasksCommand(u);
  const files = [{ name: "schtasks", text: `${command}
` }];
  if (!input.write) return { files, done: [] };
  if (process.platform !== "win32") {
    throw new RefusedError("schtasks exists only on Windows; run the printed command there (without --write)");
  }
  const r = (0, import_node_child_process9.spawnSync)("schtasks", schtasksArgs(u), { encoding: "utf8" });
  if (r.status !== 0) throw new RefusedError(`schtasks failed: ${(r.stderr || r.stdout).trim()}`);
  return { files, done: [`Created the scheduled task "${u.name}"`] };
}
function writeCrontab(name, line2) {
  let current = "";
  const list = (0, import_node_child_process9.spawnSync)("crontab", ["-l"], { encoding: "utf8" });
  if (list.error) {
    throw new RefusedError("crontab is not installed here; add the printed line with your scheduler instead");
  }
  if (list.status === 0) current = list.stdout;
  const kept = current.split("\n").filter((l) => l !== "" && !l.endsWith(`# ${name}`));
  const replaced = kept.length < current.split("\n").filter((l) => l !== "").length;
  const next2 = `${[...kept, line2].join("\n")}
`;
  (0, import_node_child_process9.execFileSync)("crontab", ["-"], { input: next2, stdio: ["pipe", "ignore", "pipe"] });
  return replaced ? "Replaced this repository's line in your crontab" : "Added the line to your crontab";
}
function writeSystemd(name, files, env2) {
  const dir = (0, import_node_path27.join)(env2.XDG_CONFIG_HOME || (0, import_node_path27.join)((0, import_node_os7.homedir)(), ".config"), "systemd", "user");
  (0, import_node_fs26.mkdirSync)(dir, { recursive: true });
  for (const f of files) writeFileAtomic((0, import_node_path27.join)(dir, f.name), Buffer.from(f.text, "utf8"), dir);
  const done = [`Wrote ${(0, import_node_path27.join)(dir, `${name}.service`)} and ${name}.timer`];
  const reload = (0, import_node_child_process9.spawnSync)("systemctl", ["--user", "daemon-reload"], { encoding: "utf8" });
  const enable = reload.status === 0 ? (0, import_node_child_process9.spawnSync)("systemctl", ["--user", "enable", "--now", `${name}.timer`], { encoding: "utf8" }) : reload;
  if (enable.status === 0) done.push(`Enabled and started ${name}.timer (systemctl --user list-timers shows it)`);
  else {
    done.push(
      `systemctl --user could not enable it here (${(enable.error?.message ?? enable.stderr ?? "").trim() || "no user session"}); run: systemctl --user daemon-reload && systemctl --user enable --now ${name}.timer`
    );
  }
  return done;
}
var import_node_child_process9, import_node_fs26, import_node_os7, import_node_path27;
var init_schedule_install = __esm({
  "src/app/schedule-install.ts"() {
    "use strict";
    import_node_child_process9 = __toESM(require_node_child_process(), 1);
    import_node_fs26 = require("node:fs");
    import_node_os7 = require("node:os");
    import_node_path27 = require("node:path");
    init_atomic_write();
    init_places();
    init_scheduler_units();
    init_schedules();
    init_errors();
  }
});

// src/app/init.ts
var init_exports = {};
__export(init_exports, {
  approvalsTemplate: () => approvalsTemplate,
  initLedgers: () => initLedgers,
  tasksTemplate: () => tasksTemplate
});
function tasksTemplate() {
  return `# Tasks

The team's task board. Edit it by hand or with \`taskgate\`; \`taskgate check\` validates it.
The format is described in taskgate's docs/ledger-format.md.

## Policy
- lease: 30m
- max-attempts: 3
- backoff: 1m..1h
- clock-skew: 30s
- approval-sla: 24h
- approval-required: prod, security
- wip-limit: DOING=5, REVIEW=3

## Schedules
`;
}
function approvalsTemplate(actor) {
  return `# Approvals

Requests for approval and their decisions. The approver is never the requester.

## Roles
- ${actor}: CMD, WORK, AUDIT
- taskgate-watch: CMD, AUDIT (automation)

## Rules
`;
}
async function initLedgers(ctx) {
  const { paths, ports } = ctx;
  const actor = ports.actorName();
  if (!actor) {
    throw new UsageError("Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email");
  }
  if (!ACTOR.test(actor))
    throw new UsageError(`"${actor}" cannot be an actor name: use one word, like an email address`);
  return ports.update([paths.tasks, paths.approvals], ([tasks, approvals], now) => {
    if (tasks !== void 0 && approvals !== void 0) {
      throw new RefusedError(
        `${paths.tasksDisplay} and ${paths.approvalsDisplay} already exist; init never overwrites a ledger`
      );
    }
    const [kind, text, display] = tasks !== void 0 ? ["tasks", tasks, paths.tasksDisplay] : approvals !== void 0 ? ["approvals", approvals, paths.approvalsDisplay] : [void 0, void 0, void 0];
    if (kind !== void 0) {
      const sections = kind === "tasks" ? /^## (?:Log|Policy|Schedules|T-\d+)\b/m : /^## (?:Log|Roles|A-\d+)\b/m;
      if (!sections.test(text)) throw notOurs(ctx, display, kind, void 0, 0);
      const errors = lintLedger(kind, display, text, ports.hasher).diagnostics.filter((d) => d.severity === "error");
      if (errors.length) throw notOurs(ctx, display, kind, errors[0], errors.length);
    }
    const log = (target) => formatLogLine(ports.hasher, "", { time: now, actor, role: "CMD", action: "init", target });
    const writes = [
      ...tasks === void 0 ? [{ path: paths.tasks, text: `${tasksTemplate()}
## Log
${log("TASKS.md")}
` }] : [],
      ...approvals === void 0 ? [{ path: paths.approvals, text: `${approvalsTemplate(actor)}
## Log
${log("APPROVALS.md")}
` }] : []
    ];
    return {
      writes,
      result: {
        created: [
          ...tasks === void 0 ? [paths.tasksDisplay] : [],
          ...approvals === void 0 ? [paths.approvalsDisplay] : []
        ]
      }
    };
  });
}
function notOurs(ctx, display, kind, first, n) {
  const option = kind === "tasks" ? "--tasks" : "--approvals";
  const variable = kind === "tasks" ? "TASKGATE_TASKS" : "TASKGATE_APPROVALS";
  const other = kind === "tasks" ? "BOARD.md" : "GATE.md";
  return new RefusedError(
    `${display} is already there and is not a taskgate ledger (${first ? `${n} error${n === 1 ? "" : "s"}; first: ${formatDiagnostic(first)}` : `none of taskgate's sections: ${kind === "tasks" ? "## Policy, ## T-1 ..., ## Log" : "## Roles, ## A-1 ..., ## Log"}`}); init never overwrites it. To keep taskgate's board beside it, use another file: taskgate ${option} ${other} init, then ${option} ${other} (or ${variable}=${other}) with every command.` + (first ? ` If it is a taskgate ledger with a mistake, taskgate ${option} ${ctx.paths[kind === "tasks" ? "tasksDisplay" : "approvalsDisplay"]} check lists what to fix.` : "")
  );
}
var init_init = __esm({
  "src/app/init.ts"() {
    "use strict";
    init_fields();
    init_lint();
    init_log();
    init_diagnostic();
    init_errors();
  }
});

// src/app/add.ts
var add_exports = {};
__export(add_exports, {
  addTask: () => addTask
});
async function addTask(ctx, input) {
  const { paths, ports } = ctx;
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const by = actingAs(ctx, approvals, "add");
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const plan = planAddTask(ledger, input, { now, actor: by.actor, role: by.role, hasher: ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
    return { writes: [{ path: paths.tasks, text: next2 }], result: plan.result };
  });
}
var init_add = __esm({
  "src/app/add.ts"() {
    "use strict";
    init_plan_add();
    init_errors();
    init_ledgers();
  }
});

// src/app/set.ts
var set_exports = {};
__export(set_exports, {
  setFields: () => setFields
});
async function setFields(ctx, id, assignments) {
  const { paths, ports } = ctx;
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const by = actingAs(ctx, approvals, "set");
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const plan = planSetFields(ledger, id, assignments, {
      now,
      actor: by.actor,
      role: by.role,
      hasher: ports.hasher
    });
    if (!plan.ok) throw new RefusedError(plan.message);
    if (plan.splices.length === 0) return { writes: [], result: plan.result };
    const next2 = applyChecked("tasks", paths.tasksDisplay, text, plan.splices);
    return { writes: [{ path: paths.tasks, text: next2 }], result: plan.result };
  });
}
var init_set = __esm({
  "src/app/set.ts"() {
    "use strict";
    init_plan_set();
    init_errors();
    init_ledgers();
  }
});

// src/app/error-facts.ts
var error_facts_exports = {};
__export(error_facts_exports, {
  errorFacts: () => errorFacts
});
function errorFacts(e, ctx, attempted) {
  const base = { message: e.message, exitCode: e.exitCode };
  if (e instanceof InvalidLedgerError) {
    const first = e.diagnostics.find((d) => d.severity === "error") ?? e.diagnostics[0];
    return {
      ...base,
      code: "INVALID_LEDGER",
      file: first?.file,
      line: first?.line,
      diagnostics: e.diagnostics.map(diagnosticJson)
    };
  }
  if (e instanceof MissingLedgerError) return { ...base, code: "NO_BOARD", file: e.file };
  if (e instanceof MachineFaultError) return { ...base, code: "MACHINE", file: e.path };
  if (e instanceof UnreachableError) return { ...base, code: "UNREACHABLE" };
  if (e instanceof BusyError) return { ...base, code: "BUSY" };
  if (e instanceof UsageError) return { ...base, code: "INVALID_ARGUMENT" };
  if (!(e instanceof RefusedError) || !ctx) return { ...base, code: e.exitCode === EXIT.refused ? "REFUSED" : "ERROR" };
  const command = attempted.command === "next" ? "claim" : attempted.command;
  const action = command && command in MATRIX ? command : void 0;
  if ((command === "approve" || command === "reject") && attempted.approval !== void 0) {
    const decision = {
      id: attempted.approval,
      decision: command,
      reasonGiven: Boolean(attempted.reasonGiven)
    };
    const r2 = explainRefusal(ctx, e, { decision });
    return {
      ...base,
      code: r2?.code ?? "REFUSED",
      next: r2?.next,
      ...r2?.code === "NOT_FOUND" ? { file: ctx.paths.approvalsDisplay } : {}
    };
  }
  if (!action) {
    if (attempted.id !== void 0 && !taskExists(ctx, attempted.id))
      return { ...base, code: "NOT_FOUND", file: ctx.paths.tasksDisplay };
    return { ...base, code: "REFUSED" };
  }
  const r = explainRefusal(ctx, e, { action, id: attempted.id });
  return {
    ...base,
    code: r?.code ?? "REFUSED",
    next: r?.next,
    holder: r?.holder,
    retryAfter: r?.retryAfter,
    ...r?.code === "NOT_FOUND" ? { file: ctx.paths.tasksDisplay } : {}
  };
}
function taskExists(ctx, id) {
  try {
    return parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks)).byId.has(id);
  } catch {
    return true;
  }
}
var init_error_facts = __esm({
  "src/app/error-facts.ts"() {
    "use strict";
    init_diagnostic();
    init_matrix();
    init_errors();
    init_ledgers();
    init_refusal();
  }
});

// src/cli/entry.ts
var entry_exports = {};
__export(entry_exports, {
  main: () => main,
  outputPending: () => outputPending
});
module.exports = __toCommonJS(entry_exports);

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/main.ts
init_errors();
init_faults();
init_git();

// src/io/locate.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
init_git();
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
var import_node_path5 = require("node:path");
init_git();
init_git_ref();
function locateBoard(opts, env2, cwd) {
  const explicit = opts.dir ?? opts.tasks ?? opts.approvals ?? env2.TASKGATE_DIR ?? env2.TASKGATE_TASKS ?? env2.TASKGATE_APPROVALS;
  const followsShare = !explicit && env2.TASKGATE_SHARE !== "off";
  const share = followsShare ? readShareSetting(cwd) : void 0;
  if (!share) return { paths: locateLedgers(opts, env2, cwd), share: void 0, followsShare };
  return { paths: sharedPaths(share, findWorkTree(cwd) ?? cwd), share, followsShare };
}
function sharedPaths(share, top) {
  return {
    tasks: (0, import_node_path5.join)(top, "TASKS.md"),
    approvals: (0, import_node_path5.join)(top, "APPROVALS.md"),
    tasksDisplay: `${share.branch}:TASKS.md`,
    approvalsDisplay: `${share.branch}:APPROVALS.md`
  };
}

// src/io/ports.ts
var import_node_os4 = require("node:os");
var import_node_path12 = require("node:path");
init_errors();
init_status_memo();
init_git();
init_git_ref();
init_git_store();
init_hash();
init_memo();
init_text();
function nodePorts(opts) {
  let store;
  let actor;
  const findActor = () => {
    const cwd = (0, import_node_path12.dirname)(opts.tasksPath);
    if (opts.as !== void 0) return { name: opts.as, source: "--as" };
    if (opts.env.TASKGATE_ACTOR) return { name: opts.env.TASKGATE_ACTOR, source: "TASKGATE_ACTOR" };
    const email = gitConfig(cwd, "user.email");
    if (email) return { name: email, source: "git user.email" };
    const name = gitConfig(cwd, "user.name");
    return { name, source: name ? "git user.name" : void 0 };
  };
  const ms2 = (v) => v && /^\d+$/.test(v) ? Number(v) : void 0;
  const fixed = opts.env.TASKGATE_NOW ? Date.parse(opts.env.TASKGATE_NOW) : Number.NaN;
  const clock = Number.isNaN(fixed) ? Date.now : () => fixed;
  const ports = {
    readText: readLedgerFile,
    readSnapshot: readLedgerSnapshot,
    memo: fileMemo(opts.tasksPath, opts.env),
    // Its own file: a write's memo of its log must not replace status's memo, nor the reverse.
    logCheckMemo: fileMemo(opts.tasksPath, opts.env, "log-"),
    parserCheckMemo: (ledger) => fileMemo(opts.tasksPath, opts.env, `checks-${ledger}-`),
    // Loaded only by metrics and report: other commands never pay for it.
    logMemo: async () => (await Promise.resolve().then(() => (init_log_memo(), log_memo_exports))).fileLogMemo(opts.env),
    update: afterWrites(opts, async (paths2, decide2) => {
      const { LedgerStore: LedgerStore2 } = await Promise.resolve().then(() => (init_store(), store_exports));
      store ??= new LedgerStore2({
        lockTimeout: ms2(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
        lockStale: ms2(opts.env.TASKGATE_LOCK_STALE_MS),
        clock,
        hooks: testHooks(opts.env),
        underLock: opts.refuseOnceShared ? () => refuseIfShared((0, import_node_path12.dirname)(opts.tasksPath)) : void 0
      });
      return store.update(paths2, decide2);
    }),
    hasher: sha256Hex,
    actorName: () => {
      actor ??= findActor();
      return actor.name;
    },
    actorSource: () => {
      actor ??= findActor();
      return actor.source;
    },
    host: (0, import_node_os4.hostname)(),
    session: opts.env.TASKGATE_SESSION || void 0
  };
  if (!opts.share) return ports;
  const { setting, paths } = opts.share;
  const board = new GitBoardStore({
    share: setting,
    cwd: (0, import_node_path12.dirname)(paths.tasks),
    names: /* @__PURE__ */ new Map([
      [paths.tasks, "TASKS.md"],
      [paths.approvals, "APPROVALS.md"]
    ]),
    author: () => gitIdentity((0, import_node_path12.dirname)(paths.tasks)),
    timeout: ms2(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
    clock,
    debug: opts.env.TASKGATE_SHARE_DEBUG ? (line2) => process.stderr.write(`${line2}
`) : void 0
  });
  return {
    ...ports,
    readText: (p) => board.readText(p),
    readSnapshot: (p) => board.readSnapshot(p),
    update: afterWrites(opts, (p, decide2) => board.update(p, decide2), board),
    board
  };
}
function afterWrites(opts, update, shared) {
  const hooks = opts.hooks;
  if (!hooks || opts.env.TASKGATE_TEST_NO_HOOK_START === "1") return update;
  return async (paths, decide2) => {
    let last;
    const result = await update(paths, (texts, now) => {
      const u = decide2(texts, now);
      last = { before: texts, writes: u.writes };
      return u;
    });
    const done = last;
    if (done && done.writes.length > 0) {
      const tasksText2 = done.writes.find((w) => w.path === opts.tasksPath)?.text ?? readLedgerFile(opts.tasksPath);
      if (tasksText2 !== void 0 && HOOKS_HEADING.test(tasksText2)) {
        const { addsEventLine: addsEventLine2, startDeliverer: startDeliverer2 } = await Promise.resolve().then(() => (init_hook_outbox(), hook_outbox_exports));
        if (done.writes.some((w) => addsEventLine2(done.before[paths.indexOf(w.path)], w.text))) {
          startDeliverer2(
            hooks.bin,
            shared ? void 0 : { tasks: opts.tasksPath, approvals: hooks.approvals },
            shared ? process.cwd() : (0, import_node_path12.dirname)(opts.tasksPath),
            opts.env
          );
        }
      }
    }
    return result;
  };
}
function refuseIfShared(cwd) {
  const now = readShareSetting(cwd);
  if (!now) return;
  throw new RefusedError(
    `This clone shares its board on branch ${now.branch} since this process started (taskgate share): nothing was written to the in-tree files; start it again to use the shared board`
  );
}
function testHooks(env2) {
  const fault = /^(write|rename2):(E[A-Z]+)$/.exec(env2.TASKGATE_TEST_FAULT ?? "");
  return {
    stopBefore: ["check", "rename"].find((s) => s === env2.TASKGATE_TEST_STOP_BEFORE),
    resumeWhenGone: env2.TASKGATE_TEST_RESUME_FILE || void 0,
    fault: fault ? { step: fault[1], code: fault[2] } : void 0
  };
}

// src/cli/main.ts
init_write_checks();
init_approval();
init_task();
init_values();

// src/cli/approval-commands.ts
var import_node_fs13 = require("node:fs");
init_documents();
init_errors();
init_approval();
init_time();
init_values();

// src/cli/options.ts
init_fields();
var collectList = (value, previous = []) => [...previous, ...splitList(value)];

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
var import_node_os5 = __toESM(require("node:os"), 1);
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
    const osRelease = import_node_os5.default.release().split(".");
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
var getModelAnsi = (model2, level, type, ...arguments_) => {
  if (model2 === "rgb") {
    if (level === "ansi16m") {
      return ansi_styles_default[type].ansi16m(...arguments_);
    }
    if (level === "ansi256") {
      return ansi_styles_default[type].ansi256(ansi_styles_default.rgbToAnsi256(...arguments_));
    }
    return ansi_styles_default[type].ansi(ansi_styles_default.rgbToAnsi(...arguments_));
  }
  if (model2 === "hex") {
    return getModelAnsi("rgb", level, type, ...ansi_styles_default.hexToRgb(...arguments_));
  }
  return ansi_styles_default[type][model2](...arguments_);
};
var usedModels = ["rgb", "hex", "ansi256"];
for (const model2 of usedModels) {
  styles2[model2] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model2, levelMapping[level], "color", ...arguments_), ansi_styles_default.color.close, this[STYLER]);
        return createBuilder(this, styler, this[IS_EMPTY]);
      };
    }
  };
  const bgModel = "bg" + model2[0].toUpperCase() + model2.slice(1);
  styles2[bgModel] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model2, levelMapping[level], "bgColor", ...arguments_), ansi_styles_default.bgColor.close, this[STYLER]);
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
var createBuilder = (self2, _styler, _isEmpty) => {
  const builder = (...arguments_) => applyStyle(builder, arguments_.length === 1 ? "" + arguments_[0] : arguments_.join(" "));
  Object.setPrototypeOf(builder, proto);
  builder[GENERATOR] = self2;
  builder[STYLER] = _styler;
  builder[IS_EMPTY] = _isEmpty;
  return builder;
};
var applyStyle = (self2, string) => {
  if (self2.level <= 0 || !string) {
    return self2[IS_EMPTY] ? "" : string;
  }
  let styler = self2[STYLER];
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

// src/cli/render.ts
init_documents();
init_fields();
init_list_rows();
init_diagnostic();
init_task();
init_time();
init_lease();
init_values();
init_i18n();

// src/cli/local-time.ts
var utc = false;
function showUtc(on) {
  utc = on;
}
var two = (n) => String(n).padStart(2, "0");
function humanTime(ms2) {
  const d = new Date(ms2);
  if (utc)
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} +00:00`;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())} ${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}
var ISO_UTC = /(?<=\buntil[ =]|\bnot before )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z\b/g;
function localizeTimes(text) {
  return text.replace(ISO_UTC, (m) => {
    const t = Date.parse(m);
    return Number.isNaN(t) ? m : humanTime(t);
  });
}

// src/cli/render.ts
init_width();
init_documents();
init_diagnostic();
var JSON_SCHEMA_VERSION = 1;
function makeChalk(stream, env2, noColor) {
  const force = env2.FORCE_COLOR !== void 0 && env2.FORCE_COLOR !== "0" && env2.FORCE_COLOR !== "false";
  const off = noColor || env2.NO_COLOR !== void 0 && env2.NO_COLOR !== "" || !stream.isTTY && !force || env2.TERM === "dumb";
  return new Chalk({ level: off ? 0 : 1 });
}
function jsonDoc(kind, body) {
  return `${JSON.stringify({ schema: `taskgate.${kind}`, version: JSON_SCHEMA_VERSION, ...body }, null, 2)}
`;
}
function writeJsonDocText(write, kind, body, arrayKey, count, items, toText) {
  const head = jsonDoc(kind, { ...body, [arrayKey]: [] });
  if (count === 0) {
    write(head);
    return;
  }
  let chunk = `${head.slice(0, head.length - "[]\n}\n".length)}[
`;
  let i = 0;
  items((item) => {
    chunk += `    ${toText(item, "    ")}${++i < count ? ",\n" : "\n"}`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = "";
    }
  });
  if (i !== count) throw new Error(`${arrayKey}: ${i} items written where ${count} were counted`);
  write(`${chunk}  ]
}
`);
}
var STATE_COLOR = {
  PLAN: (c, s) => c.gray(s),
  READY: (c, s) => c.cyan(s),
  DOING: (c, s) => c.yellow(s),
  REVIEW: (c, s) => c.magenta(s),
  DONE: (c, s) => c.green(s)
};
function renderDiagnostics(c, ds) {
  return ds.map((d) => {
    const line2 = terminalText(tr(formatDiagnostic(d)), true);
    return d.severity === "error" ? c.red(line2) : c.yellow(line2);
  }).join("\n");
}
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
var pad = padEnd;
function writeTaskTable(write, c, rows, width) {
  if (rows.count === 0) {
    write(`${tr("No tasks match.")}
`);
    return;
  }
  let idW = 2;
  for (const id of rows.ids) {
    const w = displayWidth(id);
    if (w > idW) idW = w;
  }
  const fixed = idW + 2 + 6 + 2 + 2 + 2;
  const states = /* @__PURE__ */ new Map();
  const cell = (state) => {
    let out = states.get(state);
    if (out === void 0) {
      out = STATE_COLOR[state](c, pad(state, 6));
      states.set(state, out);
    }
    return out;
  };
  let chunk = "";
  const line2 = (id, state, priority, title, meta, blocked) => {
    const room = Math.max(10, width - fixed - (meta ? columns(meta) + 2 : 0));
    const shown = PRINTABLE.test(title) ? title.length <= room ? title : truncate(title, room) : truncate(terminalText(title), room);
    const metaOut = meta ? `  ${blocked ? c.red(meta) : c.dim(meta)}` : "";
    const idOut = PRINTABLE.test(id) && id.length < idW ? id + " ".repeat(idW - id.length) : pad(id, idW);
    chunk += `${idOut}  ${cell(state)}  ${priority}  ${shown}${metaOut}
`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = "";
    }
  };
  rows.forEach((row3) => {
    const m = row3.plain;
    if (m) {
      const assignee = m[GROUP.assignee];
      const labels = m[GROUP.labels];
      const blocked = m[GROUP.blocked] !== void 0;
      const items = labels === void 0 || JOINED_ITEMS.test(labels) ? void 0 : listItems(labels);
      const shownLabels = items === void 0 ? labels : items.length ? items.join(", ") : void 0;
      line2(
        `T-${m[PLAIN_GROUPS.idNumber]}`,
        m[GROUP.state] ?? "PLAN",
        m[GROUP.priority] ?? "P2",
        m[PLAIN_GROUPS.title],
        tableMeta(assignee, shownLabels, blocked),
        blocked
      );
    } else {
      const t = row3.task();
      const blocked = t.blocked !== void 0;
      line2(
        t.id,
        t.state,
        t.priority,
        t.title,
        tableMeta(t.assignee, t.labels.length ? t.labels.join(", ") : void 0, blocked),
        blocked
      );
    }
  });
  write(chunk);
}
var PRINTABLE = /^[ -~]*$/;
var columns = (text) => PRINTABLE.test(text) ? text.length : displayWidth(text);
var GROUP = {
  state: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("state"),
  priority: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("priority"),
  labels: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("labels"),
  assignee: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("assignee"),
  blocked: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("blocked")
};
function tableMeta(assignee, labels, blocked) {
  let meta = assignee ? `@${terminalText(assignee)}` : "";
  if (labels !== void 0) meta += `${meta ? " " : ""}[${terminalText(labels)}]`;
  if (blocked) meta += meta ? " blocked" : "blocked";
  return meta;
}
function writeTaskListJson(write, body, rows) {
  writeJsonDocText(
    write,
    "list",
    body,
    "tasks",
    rows.count,
    (each) => rows.forEach(each),
    (row3, p) => {
      const plain = row3.plain && plainRowDocText(row3.plain, row3.line, p);
      return plain ?? taskDocText(row3.task(), p);
    }
  );
}
function renderTask(c, t, body, now, clockSkew) {
  const s = (v) => terminalText(v);
  const lines = [`${c.bold(t.id)} ${s(t.title)}`];
  lines.push(`  state:    ${STATE_COLOR[t.state](c, t.state)}${t.resolution ? ` (${t.resolution})` : ""}`);
  lines.push(`  priority: ${t.priority}`);
  if (t.labels.length) lines.push(`  labels:   ${s(t.labels.join(", "))}`);
  if (t.depends.length) lines.push(`  depends:  ${t.depends.join(", ")}`);
  if (t.assignee) lines.push(`  assignee: ${s(t.assignee)}`);
  if (t.lease) {
    const left = t.lease.until - now;
    const status = left + clockSkew < 0 ? c.red(tr(`expired ${formatAge(-left)} ago`)) : tr(`${formatAge(left)} left`);
    lines.push(`  lease:    ${localizeTimes(s(encodeLease(t.lease)))} (${status})`);
  }
  if (t.attempts) lines.push(`  attempts: ${t.attempts}`);
  if (t.blocked !== void 0) lines.push(`  blocked:  ${c.red(s(t.blocked))}`);
  if (t.notBefore !== void 0) lines.push(`  not before: ${humanTime(t.notBefore)}`);
  if (t.created !== void 0)
    lines.push(`  created:  ${humanTime(t.created)} ${tr(`(${formatAge(now - t.created)} ago)`)}`);
  const workers = t.fields.find((f) => f.key === "workers")?.value;
  if (workers) lines.push(`  workers:  ${s(workers)}`);
  const rework = t.fields.find((f) => f.key === "rework")?.value;
  if (rework) lines.push(`  rework:   ${c.yellow(s(rework))}`);
  const shown = /* @__PURE__ */ new Set([
    "state",
    "priority",
    "labels",
    "depends",
    "assignee",
    "lease",
    "attempts",
    "blocked",
    "resolution",
    "not-before",
    "created",
    "fence",
    "workers",
    "rework"
  ]);
  for (const f of t.fields) {
    if (!shown.has(f.key)) {
      lines.push(`  ${s(f.key)}: ${s(f.value)}`);
    }
  }
  if (body.trim()) lines.push("", terminalText(body, true));
  return `${lines.join("\n")}
`;
}

// src/cli/approval-commands.ts
function verdictText(v) {
  switch (v.decision) {
    case "approve":
      return `approve by rule ${v.rule.id}`;
    case "reject":
      return `reject: rule ${v.rule.id} is a hard deny, which nobody can override`;
    case "hold":
      return `a person decides: rule ${v.rule.id} denies automatic approval`;
    case "none":
      return "a person decides: no rule approves it (deny by default)";
  }
}
function registerApprovalCommands(program2, kit) {
  const approval = program2.command("approval").description("request, show and explain approvals");
  approval.command("request").description("ask for approval of a task (its ID) or of anything (free text)").argument("<subject...>", "a task ID like T-12, or a sentence").option("--title <text>", "the request's title (default: from the subject)").option(
    "--evidence <text>",
    "what supports it (a CI run, a report hash); repeat for several",
    (v, p = []) => [...p, v]
  ).option("--json", "print one JSON document").action(async (words, o) => {
    const { ctx } = kit.context();
    const { requestApproval: requestApproval2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const subject = words.length === 1 ? kit.normalizeId(words[0]) : words.join(" ");
    const r = await requestApproval2(ctx, { subject, title: o.title, evidence: o.evidence });
    if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
    else kit.out.write(`${r.id}${r.superseded.length ? ` (supersedes ${r.superseded.join(", ")})` : ""}
`);
  });
  for (const name of ["show", "explain"]) {
    approval.command(name).description(
      name === "show" ? "one approval with its fields" : "rule by rule, why a request is (or would be) approved or denied"
    ).argument("<id>", "approval ID, like A-3").option("--json", "print one JSON document").action(async (id, o) => {
      const { ctx } = kit.context();
      const { showApproval: showApproval2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
      const e = showApproval2(ctx, normalizeApprovalId(id));
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc(name === "show" ? "approval" : "approval-explain", {
            approval: approvalDoc(e.approval, { stale: e.stale }),
            rules: e.trace.map((t) => ({
              id: t.rule.id,
              effect: t.rule.effect,
              level: t.rule.level,
              line: t.rule.line,
              matched: t.matched,
              conditions: t.conditions
            })),
            verdict: e.verdict.decision,
            rule: "rule" in e.verdict ? e.verdict.rule.id : null,
            blocked: e.blocked ?? null,
            rulesHash: e.rulesHash
          })
        );
        return;
      }
      const a = e.approval;
      const lines = [
        `${a.id} ${a.title}`,
        `  status: ${a.status}${e.stale ? " (stale: the subject changed after approval)" : ""}`
      ];
      for (const f of a.fields) if (f.key !== "status") lines.push(`  ${f.key}: ${f.value}`);
      if (name === "explain") {
        lines.push("", `Rules (${e.rulesHash}):`);
        if (e.trace.length === 0) lines.push("  (none)");
        for (const t of e.trace) {
          const kind = `${t.rule.effect}${t.rule.level === "hard" ? ", hard" : ""}, line ${t.rule.line}`;
          lines.push(`  ${t.rule.id} (${kind}): ${t.matched ? "matches" : "does not match"}`);
          for (const c of t.conditions)
            lines.push(`    ${c.held ? "held    " : "not held"}  ${c.condition}: ${c.why}`);
        }
        lines.push("", `${a.status === "pending" ? "Verdict" : "The rules would say"}: ${verdictText(e.verdict)}`);
        if (e.blocked) lines.push(`But the automation actor may not decide it: ${e.blocked}`);
      }
      kit.out.write(`${terminalText(lines.join("\n"), true)}
`);
    });
  }
  for (const decision of ["approve", "reject"]) {
    const cmd = program2.command(decision).description(
      decision === "approve" ? "approve a pending request, as AUDIT (never your own)" : "reject a pending request, as AUDIT, with a reason"
    ).argument("<id>", "approval ID, like A-3");
    if (decision === "reject") cmd.requiredOption("--reason <text>", "why");
    else cmd.option("--reason <text>", "why");
    cmd.option("--json", "print one JSON document").action(async (id, o) => {
      const { ctx } = kit.context();
      const { decideApproval: decideApproval2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
      const r = await decideApproval2(ctx, { id: normalizeApprovalId(id), decision, reason: o.reason });
      if (kit.json(o)) kit.out.write(jsonDoc("approval-decision", { id: r.id, decision: r.decision }));
      else kit.out.write(`${r.id} ${decision === "approve" ? "approved" : "rejected"}
`);
    });
  }
  const approvals = program2.command("approvals").description("list approvals, pending first with their age; `approvals auto` decides by the rules").option("--status <status>", "only these statuses (pending|approved|rejected|superseded)", collectList).option("--subject <subject>", "only requests about this subject").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { listApprovals: listApprovals2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const rows = listApprovals2(ctx, {
      ...o.status ? { status: o.status } : {},
      ...o.subject ? { subject: kit.normalizeId(o.subject) } : {}
    });
    if (kit.json(o)) {
      const list = rows.map((r) => approvalDoc(r.approval, { stale: r.stale, ageSeconds: Math.floor(r.age / 1e3) }));
      kit.out.write(jsonDoc("approvals", { count: rows.length, approvals: list }));
      return;
    }
    if (rows.length === 0) kit.out.write("No approvals match.\n");
    for (const r of rows) {
      const a = r.approval;
      const age3 = a.status === "pending" ? ` waiting ${formatAge(r.age)}` : a.approver ? ` by ${a.approver}` : "";
      kit.out.write(
        `${terminalText(`${a.id}  ${a.status.padEnd(10)} ${a.title}${age3}${r.stale ? "  (stale)" : ""}`)}
`
      );
    }
  });
  approvals.command("auto").description("decide every pending request the rules decide, as the automation actor").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { autoApprove: autoApprove2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const r = await autoApprove2(ctx);
    if (kit.json(o)) {
      const outcomes = r.outcomes.map((x) => ({
        id: x.id,
        verdict: x.verdict.decision,
        rule: "rule" in x.verdict ? x.verdict.rule.id : null,
        skipped: x.skipped ?? null
      }));
      kit.out.write(jsonDoc("approvals-auto", { actor: r.actor, outcomes }));
      return;
    }
    if (r.outcomes.length === 0) kit.out.write("No pending requests.\n");
    for (const x of r.outcomes) {
      const v = x.verdict;
      const what = x.skipped !== void 0 ? `left pending: ${x.skipped}` : v.decision === "approve" ? `approved by ${r.actor} (rule ${v.rule.id})` : v.decision === "reject" ? `rejected by ${r.actor} (rule ${v.rule.id}, hard deny)` : v.decision === "hold" ? `left for a person (rule ${v.rule.id} denies automatic approval)` : "left for a person (no rule approves it)";
      kit.out.write(`${x.id} ${what}
`);
    }
  });
  const roles = program2.command("roles").description("change who holds which role; changes go through an approval");
  for (const verb of ["grant", "revoke"]) {
    roles.command(verb).description(`request to ${verb} a role; it takes effect when another AUDIT actor approves`).argument("<name>", "the actor").argument("<role>", "CMD, WORK or AUDIT").option("--json", "print one JSON document").action(async (name, role, o) => {
      const { ctx } = kit.context();
      const { requestRoleChange: requestRoleChange2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
      const r = await requestRoleChange2(ctx, verb, name, role.toUpperCase());
      if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
      else {
        const dir = verb === "grant" ? "to" : "from";
        kit.out.write(
          `${r.id}: ${verb} ${role.toUpperCase()} ${dir} ${name} waits for another AUDIT actor: taskgate approve ${r.id}
`
        );
      }
    });
  }
  program2.command("rules").description("the approval rules: changes go through an approval").command("request").description(
    'request to make the Rules exactly the YAML in FILE; once another AUDIT person approves, put it in the fenced block under "## Rules" and commit'
  ).argument("<file>", "a file holding the new rules (the YAML that goes inside the fenced block)").option("--json", "print one JSON document").action(async (file, o) => {
    const { ctx } = kit.context();
    let text;
    try {
      text = (0, import_node_fs13.readFileSync)(file, "utf8");
    } catch (e) {
      throw new UsageError(`Cannot read the rules file ${file}: ${e.code ?? String(e)}`);
    }
    const { requestRulesChange: requestRulesChange2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const r = await requestRulesChange2(ctx, text);
    if (kit.json(o))
      kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded, change: r.change }));
    else
      kit.out.write(
        `${r.id}: ${r.change} waits for another AUDIT person: taskgate approve ${r.id}; then put ${file}'s text in the block under "## Rules" and commit
`
      );
  });
  roles.command("identify").description("request to change an actor's git identities, delegation or keys; once approved, edit the line").argument("<name>", "the actor").option("--json", "print one JSON document").action(async (name, o) => {
    const { ctx } = kit.context();
    const { requestIdentityChange: requestIdentityChange2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const r = await requestIdentityChange2(ctx, name);
    if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
    else
      kit.out.write(
        `${r.id}: a change to ${name}'s git identities, delegation or keys waits for another AUDIT actor: taskgate approve ${r.id}; then edit ${name}'s line under "## Roles" and commit
`
      );
  });
}

// src/cli/git-commands.ts
init_errors();
init_i18n();

// src/cli/output.ts
var import_node_fs14 = require("node:fs");
var handed = [];
function output(fd) {
  const stream = () => fd === 1 ? process.stdout : process.stderr;
  if (!writesDirectly(fd)) {
    const real = quietOnClose(stream());
    handed.push({ pending: () => real.writableLength > 0 });
    return real;
  }
  const d = new Direct(fd, import_node_fs14.writeSync, stream);
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
    const st = (0, import_node_fs14.fstatSync)(fd);
    if (st.isFIFO() || st.isFile() || st.isSocket()) return true;
    if (!st.isCharacterDevice()) return false;
    const devNull = (0, import_node_fs14.statSync)("/dev/null");
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

// src/cli/git-commands.ts
var violationLine = (v) => `${v.file}:${v.line}: ${tr(v.message)}`;
async function checkStagedCommand(ctx, json2, out) {
  const { checkStaged: checkStaged2 } = await Promise.resolve().then(() => (init_git_checks(), git_checks_exports));
  const r = checkStaged2(ctx);
  const n = r.violations.length;
  const { stagedPathWarnings: stagedPathWarnings2 } = await Promise.resolve().then(() => (init_staged_paths(), staged_paths_exports));
  const warnings = stagedPathWarnings2(ctx, process.cwd());
  if (json2) {
    out.write(
      jsonDoc("check-staged", {
        ok: n === 0,
        violations: r.violations.map((v) => ({ file: v.file, line: v.line, message: v.message })),
        warnings: warnings.map((w) => ({
          task: w.id,
          holder: w.holder,
          paths: w.globs,
          files: w.files,
          message: w.message
        }))
      })
    );
  } else {
    for (const w of warnings) out.write(`warning: ${w.message}
`);
    for (const v of r.violations) out.write(`${violationLine(v)}
`);
    if (n) out.write(`${n} problem${n === 1 ? "" : "s"} in the staged ledgers; the commit is refused
`);
  }
  return n === 0 ? EXIT.ok : r.invalid ? EXIT.invalid : EXIT.refused;
}
function registerGitCommands(program2, kit) {
  program2.command("verify").description("check every commit in a range as the pre-commit hook would, with its author as the actor (for CI)").requiredOption("--range <range>", "commits to check, as git log takes them (origin/main..HEAD)").option(
    "--signed",
    "also require every commit changing the ledgers to be signed by a key Roles lists for its author (the policy's signed-commits: required does this always)"
  ).option("--json", "print one JSON document").addHelpText(
    "after",
    "\nExit codes: 0 every commit keeps the rules; 1 a commit breaks them (forged log line, illegal\nstate change, self-approval, ...; with --signed, a commit changing the ledgers unsigned, or signed by\na key not listed for its author); 3 a commit has an invalid ledger; 2 git cannot read the range."
  ).action(async (o) => {
    const { ctx } = kit.context();
    const { verifyRange: verifyRange2 } = await Promise.resolve().then(() => (init_git_checks(), git_checks_exports));
    const r = verifyRange2(ctx, o.range, { signed: o.signed === true });
    if (kit.json(o)) {
      kit.out.write(
        jsonDoc("verify", {
          range: o.range,
          commits: r.commits,
          signaturesChecked: r.signed,
          ok: r.violations.length === 0,
          violations: r.violations.map((v) => ({ commit: v.commit, file: v.file, line: v.line, message: v.message }))
        })
      );
    } else {
      for (const v of r.violations) kit.out.write(`${v.commit.slice(0, 10)} ${violationLine(v)}
`);
      kit.out.write(
        r.violations.length ? `${r.violations.length} problem${r.violations.length === 1 ? "" : "s"} in ${r.commits} commit${r.commits === 1 ? "" : "s"}
` : `${r.commits} commit${r.commits === 1 ? "" : "s"} checked: ok
`
      );
    }
    if (r.violations.length) kit.setExit(r.invalid ? EXIT.invalid : EXIT.refused);
  });
  const hook = program2.command("hook").description("git hooks");
  hook.command("uninstall").description("take `taskgate check --staged` out of the pre-commit hook (the hook's own commands are kept)").action(async () => {
    const { ctx } = kit.context();
    const { uninstallHook: uninstallHook2 } = await Promise.resolve().then(() => (init_uninstall(), uninstall_exports));
    kit.out.write(`${uninstallHook2(ctx)}
`);
  });
  hook.command("install").description(
    "add `taskgate check --staged` to the pre-commit hook (core.hooksPath honoured; an existing hook is kept)"
  ).action(async () => {
    const { ctx } = kit.context();
    const { installHook: installHook2 } = await Promise.resolve().then(() => (init_hooks2(), hooks_exports2));
    const r = installHook2(ctx, process.argv[1] ?? "taskgate");
    kit.out.write(
      !r.changed ? `${r.path} already runs taskgate check --staged
` : r.added ? `Added taskgate check --staged to ${r.path} (its own commands are kept)
` : `Installed ${r.path}
`
    );
  });
  const driver = program2.command("merge-driver").description("git's merge driver for the ledgers");
  driver.command("uninstall").description("remove the merge=taskgate lines from .gitattributes and merge.taskgate from this clone's git config").action(async () => {
    const { ctx } = kit.context();
    const { uninstallMergeDriver: uninstallMergeDriver2 } = await Promise.resolve().then(() => (init_uninstall(), uninstall_exports));
    for (const line2 of uninstallMergeDriver2(ctx)) kit.out.write(`${line2}
`);
  });
  driver.command("install").description("register the three-way ledger merge in .gitattributes and this clone's git config").action(async () => {
    const { ctx } = kit.context();
    const { installMergeDriver: installMergeDriver2 } = await Promise.resolve().then(() => (init_merge_driver(), merge_driver_exports));
    const r = installMergeDriver2(ctx, process.argv[1] ?? "taskgate");
    kit.out.write(
      `${r.added.length ? `Added to ${r.attributes}: ${r.added.join(", ")}` : `${r.attributes} already names the driver`}
Set merge.taskgate.driver in this clone's git config (each clone runs merge-driver install once)
`
    );
  });
  program2.command("merge-file").description("merge one ledger three-way (git runs this as the merge driver: %O %A %B %P)").argument("<base>").argument("<ours>", "merged in place").argument("<theirs>").argument("[path]", "the ledger's path in the repository").action(async (base, ours, theirs, path) => {
    const { mergeFiles: mergeFiles2 } = await Promise.resolve().then(() => (init_merge_driver(), merge_driver_exports));
    const conflicts = mergeFiles2(base, ours, theirs, path);
    if (conflicts) {
      output(2).write(
        `taskgate: ${path ?? ours}: ${conflicts} conflict${conflicts === 1 ? "" : "s"} left between markers; resolve, then taskgate check
`
      );
      kit.setExit(EXIT.refused);
    }
  });
}

// src/cli/health-command.ts
init_values();
function registerHealthCommand(program2, kit) {
  program2.command("health").description("every standing problem of the board, one a line; exit 0 only when there is none").option("--json", "print one JSON document").addHelpText(
    "after",
    `
Problems: ledger errors (a broken hash chain among them), leases expired and not recovered, dead
letters, approvals past the policy's approval-sla or stale, the pre-commit hook or the merge
driver configured but missing, a schedule's run overdue by more than 15 minutes.

Exit codes of health: 0 no problem; 6 a problem stands; 3 a ledger has errors (with or
without others); 1 no board here; 2 usage.`
  ).action(async (o) => {
    const { ctx } = kit.context();
    const { healthFindings: healthFindings2, healthExitCode: healthExitCode2 } = await Promise.resolve().then(() => (init_health(), health_exports));
    const findings = await healthFindings2(ctx);
    const exitCode = healthExitCode2(findings);
    if (kit.json(o)) {
      const { doc: doc2, docText: docText2 } = await Promise.resolve().then(() => (init_documents(), documents_exports));
      kit.out.write(
        docText2(
          doc2("health", {
            ok: findings.length === 0,
            exitCode,
            problems: findings.map((f) => ({
              kind: f.kind,
              target: f.target,
              message: f.message,
              file: f.file ?? null,
              line: f.line ?? null
            }))
          })
        )
      );
    } else if (findings.length === 0) kit.out.write("ok: no standing problem\n");
    else
      for (const f of findings)
        kit.out.write(
          `${terminalText(`${f.kind} ${f.target}${f.file && f.line ? ` (${f.file}:${f.line})` : ""}: ${f.message}`, true)}
`
        );
    kit.setExit(exitCode);
  });
}

// src/cli/hooks-commands.ts
init_errors();
init_values();
function registerHooksCommands(program2, kit) {
  const hooks = program2.command("hooks").description("event hooks from TASKS.md's ## Hooks: list them, trust them on this machine, deliver now");
  hooks.command("list").description("each hook, whether it runs on this machine, its failure and how many events wait").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { hookStates: hookStates2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
    const { hookProblems: hookProblems2 } = await Promise.resolve().then(() => (init_hooks(), hooks_exports));
    const { states, bad: bad2 } = hookStates2(ctx);
    if (kit.json(o)) {
      kit.out.write(
        jsonDoc("hooks", {
          hooks: states.map((s) => ({
            line: s.hook.line,
            event: s.hook.event,
            kind: s.hook.kind,
            argv: s.hook.kind === "run" ? s.hook.argv : null,
            url: s.hook.kind === "post" ? s.hook.url : null,
            trusted: s.trusted,
            changed: s.changed !== void 0,
            pending: s.pending,
            failure: s.failure ?? null
          })),
          problems: hookProblems2(ctx.paths.tasksDisplay, bad2, states, ctx.now)
        })
      );
      return;
    }
    if (states.length === 0 && bad2.length === 0) {
      kit.out.write(`${ctx.paths.tasksDisplay} has no hooks (see docs/hooks.md)
`);
      return;
    }
    for (const s of states) {
      const how = s.changed ? "not trusted here: its program file changed since it was trusted" : !s.trusted ? "not trusted here" : s.failure ? `failing, ${s.pending} waiting` : `ok, ${s.pending} waiting`;
      kit.out.write(terminalText(`${ctx.paths.tasksDisplay}:${s.hook.line} ${s.hook.text}: ${how}
`, true));
    }
    for (const p of hookProblems2(ctx.paths.tasksDisplay, bad2, states, ctx.now))
      kit.out.write(terminalText(`problem: ${p}
`, true));
  });
  hooks.command("trust").description("run the board's hooks on this machine (each new one hears the events from now on)").action(async () => {
    const { ctx } = kit.context();
    const { trustHooks: trustHooks2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
    const r = trustHooks2(ctx);
    for (const h of r.trusted)
      kit.out.write(terminalText(`trusted ${ctx.paths.tasksDisplay}:${h.line} ${h.text}
`, true));
    if (r.trusted.length === 0)
      kit.out.write(
        r.already.length ? "Every hook is trusted already.\n" : `${ctx.paths.tasksDisplay} has no hooks to trust.
`
      );
  });
  hooks.command("deliver").description("deliver the events the trusted hooks have not had yet, now (watch does it with backoff)").option("--due", "only hooks whose next try is due (a failing hook waits out its backoff)").option("--quiet", "print only failures").action(async (o) => {
    const { ctx } = kit.context();
    const { deliverHooks: deliverHooks2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
    const runs = await deliverHooks2(ctx, { due: Boolean(o.due), env: kit.env, wait: 3e3 });
    let failed = false;
    for (const r of runs) {
      const where2 = `${ctx.paths.tasksDisplay}:${r.hook.line} ${r.hook.text}`;
      if (r.failure) {
        failed = true;
        kit.out.write(
          terminalText(
            `${where2}: ${r.delivered} delivered, failing on ${r.failure.event} (${r.failure.failures} ${r.failure.failures === 1 ? "try" : "tries"}): ${r.failure.error}
`,
            true
          )
        );
      } else if (!o.quiet) {
        kit.out.write(
          terminalText(`${where2}: ${r.busy ? "another process is delivering" : `${r.delivered} delivered`}
`, true)
        );
      }
    }
    kit.setExit(failed ? EXIT.problem : EXIT.ok);
  });
}
async function hooksStatus(ctx, hasHooks) {
  if (!hasHooks) return void 0;
  const { hookProblemLines: hookProblemLines2 } = await Promise.resolve().then(() => (init_hook_delivery(), hook_delivery_exports));
  try {
    return { problems: hookProblemLines2(ctx) };
  } catch (e) {
    return { problems: [`the hooks' delivery state could not be read: ${e.message}`] };
  }
}
function hooksStatusText(h) {
  if (!h) return "";
  const { problems } = h;
  if (problems.length === 0) return "Hooks: ok\n";
  return terminalText(
    `Hooks: ${problems.length} problem${problems.length === 1 ? "" : "s"}
${problems.map((p) => `  ${p}
`).join("")}`,
    true
  );
}

// src/cli/main.ts
init_i18n();

// src/cli/identity-commands.ts
init_values();
function registerIdentityCommands(program2, kit) {
  program2.command("whoami").description(
    "who taskgate takes you for: actor, roles, how the name was found, whom you act for, where the board is"
  ).option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { whoami: whoami2 } = await Promise.resolve().then(() => (init_whoami(), whoami_exports));
    const w = whoami2(ctx);
    if (kit.json(o)) {
      kit.out.write(
        jsonDoc("whoami", {
          actor: w.actor,
          given: w.given,
          source: w.source ?? null,
          matched: w.matched,
          roles: w.roles,
          automation: w.automation,
          actsFor: w.actsFor ?? null,
          agents: w.agents,
          party: w.party,
          emails: w.emails,
          gitNames: w.gitNames,
          signingKeys: w.signingKeys,
          session: w.session ?? null,
          board: { tasks: w.board.tasks, approvals: w.board.approvals, shared: w.board.shared ?? null }
        })
      );
      return;
    }
    const how = w.matched === "name" ? "" : ` (a git identity of ${w.actor})`;
    const lines = [
      `${w.actor}${w.automation ? " (automation)" : ""}: ${w.roles.join(", ") || "no roles"}`,
      `found by ${w.source ?? "?"}: ${w.given}${how}`
    ];
    if (w.actsFor) lines.push(`acts for ${w.actsFor}: ${w.actsFor} may commit ${w.actor}'s log lines`);
    if (w.agents.length) lines.push(`agents acting for ${w.actor}: ${w.agents.join(", ")}`);
    if (w.party.length > 1) lines.push(`one party for four eyes: ${w.party.join(", ")}`);
    const ids = [...w.emails.map((e) => `<${e}>`), ...w.gitNames.map((n) => `"${n}"`)];
    if (ids.length) lines.push(`git identities: ${ids.join(" ")}`);
    lines.push(`signing keys in Roles: ${w.signingKeys}`);
    if (w.session) lines.push(`session: ${w.session}`);
    lines.push(`board: ${w.board.tasks} and ${w.board.approvals}${w.board.shared ? `, ${w.board.shared}` : ""}`);
    kit.out.write(`${terminalText(lines.join("\n"), true)}
`);
  });
}

// src/cli/mcp-commands.ts
var import_node_crypto4 = __toESM(require_node_crypto(), 1);
var import_node_path21 = require("node:path");
init_git();

// src/io/reread.ts
init_text();
function withRereads(ports) {
  if (ports.board) return ports;
  const last = /* @__PURE__ */ new Map();
  const readText = (path) => {
    const bytes = readBytes(path);
    if (bytes === void 0) {
      last.delete(path);
      return void 0;
    }
    const kept = last.get(path);
    if (kept?.bytes.equals(bytes)) return kept.text;
    const text = decodeUtf8(path, bytes);
    last.set(path, { bytes, text });
    return text;
  };
  return { ...ports, readText };
}

// src/cli/mcp-commands.ts
function registerMcpCommands(program2, kit) {
  program2.command("mcp").description("serve the Model Context Protocol over stdio: tools for agents, leases held while connected").action(async () => {
    if (!process.env.TASKGATE_SESSION) process.env.TASKGATE_SESSION = `mcp-${(0, import_node_crypto4.randomBytes)(6).toString("hex")}`;
    if (!kit.env.TASKGATE_SESSION) kit.env.TASKGATE_SESSION = process.env.TASKGATE_SESSION;
    const base = kit.context().ctx;
    base.ports.actorName();
    const fixedNow = kit.env.TASKGATE_NOW ? base.now : void 0;
    const ports = withRereads(base.ports);
    const makeCtx = () => {
      ports.board?.refresh(0);
      return { paths: base.paths, ports, now: fixedNow ?? Date.now() };
    };
    const { serveMcp: serveMcp2 } = await Promise.resolve().then(() => (init_server(), server_exports));
    kit.setExit(await serveMcp2({ makeCtx, version: "0.1.0", log: (line2) => process.stderr.write(`${line2}
`) }));
  });
  program2.command("agents").description("teach agents this board: `agents install` writes AGENTS.md, CLAUDE.md and .mcp.json").argument("<action>", "install").option("--json", "print one JSON document").action(async (action, o) => {
    const { UsageError: UsageError2 } = await Promise.resolve().then(() => (init_errors(), errors_exports));
    if (action !== "install") throw new UsageError2(`Expected "agents install", found "agents ${action}"`);
    const { ctx } = kit.context();
    const { installAgentGuides: installAgentGuides2 } = await Promise.resolve().then(() => (init_agents_install(), agents_install_exports));
    const root = findWorkTree(ctx.paths.tasks) ?? (0, import_node_path21.dirname)((0, import_node_path21.resolve)(ctx.paths.tasks));
    const r = installAgentGuides2(root);
    if (kit.json(o)) kit.out.write(`${JSON.stringify({ kind: "agents-install", files: r })}
`);
    else for (const f of r) kit.out.write(`${f.file}: ${f.change}
`);
  });
}

// src/cli/metrics-commands.ts
var import_node_path22 = require("node:path");
init_errors();
init_atomic_write();
init_diagnostic();
init_values();
init_i18n();
var periodHelp = (c) => c.option(
  "--since <when>",
  "start of the period: a date (2026-11-01: its midnight in the policy's time-zone, else UTC), a UTC time, or an age (30d); default 30d before --until"
).option("--until <when>", "end of the period (default: now)");
function warnIfInvalid(errors) {
  const first = errors[0];
  if (!first) return;
  const line2 = terminalText(formatDiagnostic(first), true);
  output(2).write(
    `taskgate: ${errors.length === 1 ? tr(`1 error in the ledgers, so what is shown may be wrong (first: ${line2}); run taskgate check`) : tr(
      `${errors.length} errors in the ledgers, so what is shown may be wrong (first: ${line2}); run taskgate check`
    )}
`
  );
}
async function doneCut(ledger, limit) {
  const { recentDone: recentDone2 } = await Promise.resolve().then(() => (init_recent_done(), recent_done_exports));
  const { readLog: readLog2 } = await Promise.resolve().then(() => (init_log(), log_exports));
  return recentDone2(ledger.tasks, readLog2(ledger.doc, ledger.log, void 0).entries, limit);
}
function registerMetricsCommands(program2, kit) {
  periodHelp(
    program2.command("metrics").description(
      "automation by steps of work (who took them), approval wait, recovery, work done twice and flow, per day in the policy's time zone, from the logs"
    ).option("--json", "print one JSON document").option(
      "--prom <file>",
      "write the Prometheus text format (node_exporter's textfile collector) atomically, and print nothing (with --json, the document too)"
    )
  ).action(async (o) => {
    const { ctx } = kit.context();
    const { metricsView: metricsView2 } = await Promise.resolve().then(() => (init_metrics2(), metrics_exports));
    const v = await metricsView2(ctx, o);
    warnIfInvalid(v.errors);
    if (o.prom) {
      const { toPrometheus: toPrometheus2 } = await Promise.resolve().then(() => (init_prometheus(), prometheus_exports));
      const { forecastView: forecastView2 } = await Promise.resolve().then(() => (init_forecast2(), forecast_exports));
      const f = await forecastView2(ctx);
      const { statusView: statusView2 } = await Promise.resolve().then(() => (init_views(), views_exports));
      const s = statusView2(ctx).summary;
      const board = {
        pendingApprovals: s.approvals.pending,
        approvalsOverSla: s.approvals.overSla.length,
        expiredLeases: s.leases.expired.length,
        deadLetters: s.deadLetters.length
      };
      const target = (0, import_node_path22.resolve)(o.prom);
      writeFileAtomic(target, Buffer.from(toPrometheus2(v.metrics, f.scopes, board), "utf8"), (0, import_node_path22.dirname)(target));
      if (!kit.json(o)) return;
    }
    if (kit.json(o)) {
      const { docText: docText2, metricsDoc: metricsDoc2 } = await Promise.resolve().then(() => (init_documents(), documents_exports));
      kit.out.write(docText2(metricsDoc2(v)));
      return;
    }
    const { renderMetrics: renderMetrics2 } = await Promise.resolve().then(() => (init_dashboard_render(), dashboard_render_exports));
    writeAsIs(kit.out, renderMetrics2(v.metrics));
  });
  program2.command("forecast").description(
    "when the remaining work (of the board, or a phase) will be done: dates at 50/85/95% from the board's own throughput"
  ).option("--phase <name>", "only this phase").option("--seed <n>", "the simulation's seed (default 1: the same board gives the same answer)").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    if (o.seed !== void 0 && !/^\d{1,9}$/.test(o.seed))
      throw new UsageError(`Expected --seed as a whole number like 7, found "${o.seed}"`);
    const { forecastView: forecastView2 } = await Promise.resolve().then(() => (init_forecast2(), forecast_exports));
    const v = await forecastView2(ctx, { phase: o.phase, seed: o.seed === void 0 ? void 0 : Number(o.seed) });
    warnIfInvalid(v.errors);
    const { renderForecast: renderForecast2, forecastJson: forecastJson2, phaseJson: phaseJson2 } = await Promise.resolve().then(() => (init_forecast_render(), forecast_render_exports));
    if (kit.json(o)) {
      kit.out.write(
        jsonDoc("forecast", {
          seed: v.seed,
          scopes: v.scopes.map((s) => ({
            phase: s.phase ? phaseJson2(s.phase) : null,
            forecast: forecastJson2(s.forecast)
          }))
        })
      );
      return;
    }
    kit.out.write(renderForecast2(v.scopes, v.seed));
  });
  const policy = program2.command("policy").description("the policy: `policy suggest` proposes changes from the history");
  policy.command("request").description(
    "request to set a Policy key that guards the gate (approval-required, signed-commits, clock-skew); once another AUDIT person approves, edit TASKS.md and commit"
  ).argument("<assignment>", 'KEY=VALUE, like "approval-required=prod, security" (an empty VALUE removes the key)').option("--json", "print one JSON document").action(async (assignment, o) => {
    const { ctx } = kit.context();
    const { requestPolicyChange: requestPolicyChange2 } = await Promise.resolve().then(() => (init_approvals2(), approvals_exports));
    const r = await requestPolicyChange2(ctx, assignment);
    if (kit.json(o))
      kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded, change: r.change }));
    else
      kit.out.write(
        `${r.id}: ${r.change} waits for another AUDIT person: taskgate approve ${r.id}; then edit "## Policy" in TASKS.md and commit
`
      );
  });
  policy.command("suggest").description("changes to the policy and the approval rules that the history argues for, with the evidence").option("--request", "file each suggestion as an approval request for another AUDIT (nothing is applied)").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { policySuggestions: policySuggestions2, requestSuggestions: requestSuggestions2 } = await Promise.resolve().then(() => (init_policy_suggest2(), policy_suggest_exports));
    const suggestions = policySuggestions2(ctx);
    const requests = o.request ? await requestSuggestions2(ctx, suggestions) : [];
    if (kit.json(o)) {
      kit.out.write(
        jsonDoc("policy-suggestions", {
          suggestions: suggestions.map((s, i) => ({ ...s, request: requests[i] ?? null }))
        })
      );
      return;
    }
    if (!suggestions.length) {
      kit.out.write("No change suggested: no evidence crosses a threshold (see docs/forecast.md)\n");
      return;
    }
    for (const [i, s] of suggestions.entries()) {
      kit.out.write(`${s.change}${requests[i] ? `  (requested as ${requests[i]})` : ""}
`);
      for (const e of s.evidence) kit.out.write(`  evidence: ${e}
`);
      kit.out.write(`  apply: ${s.apply.replace(/\n/g, "\n         ")}
`);
    }
  });
  program2.command("board").description("the board as columns by state, with leases (holder, time left) and blocked marks").option("--width <n>", "columns to fit (default: the terminal's, else 120)").option("--done <n>", "DONE tasks shown: the most recent, the rest counted (default 10)").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    const { loadTasks: loadTasks2 } = await Promise.resolve().then(() => (init_ledgers(), ledgers_exports));
    const ledger = loadTasks2(ctx);
    warnIfInvalid(ledger.diagnostics.filter((d) => d.severity === "error"));
    const { phasesOf: phasesOf2 } = await Promise.resolve().then(() => (init_forecast2(), forecast_exports));
    const { progress } = phasesOf2(ledger);
    const { phaseJson: phaseJson2, renderPhases: renderPhases2 } = await Promise.resolve().then(() => (init_forecast_render(), forecast_render_exports));
    if (kit.json(o)) {
      kit.out.write(jsonDoc("board", { tasks: ledger.tasks.map(taskDoc), phases: progress.map(phaseJson2) }));
      return;
    }
    const width = o.width === void 0 ? process.stdout.columns ?? 120 : Number(o.width);
    if (!Number.isInteger(width) || width < 40)
      throw new UsageError(`Expected --width as a whole number of at least 40, found "${o.width}"`);
    const limit = o.done === void 0 ? void 0 : Number(o.done);
    if (limit !== void 0 && (!Number.isInteger(limit) || limit < 0))
      throw new UsageError(`Expected --done as a whole number, found "${o.done}"`);
    const { renderBoard: renderBoard2 } = await Promise.resolve().then(() => (init_dashboard_render(), dashboard_render_exports));
    const cut2 = await doneCut(ledger, limit);
    writeAsIs(kit.out, renderBoard2(cut2.tasks, ctx.now, ledger.policy.clockSkew, width, cut2.hidden));
    if (progress.length) kit.out.write(`Phases:
${renderPhases2(progress)}`);
  });
  periodHelp(
    program2.command("report").description("one self-contained HTML page: the board, the measures and charts").requiredOption("--html <file>", "where to write it").option("--title <text>", "the page's title", "taskgate report")
  ).action(async (o) => {
    const { ctx } = kit.context();
    const { metricsView: metricsView2 } = await Promise.resolve().then(() => (init_metrics2(), metrics_exports));
    const { reportHtml: reportHtml2 } = await Promise.resolve().then(() => (init_report_html(), report_html_exports));
    const v = await metricsView2(ctx, o);
    warnIfInvalid(v.errors);
    const { forecastView: forecastView2 } = await Promise.resolve().then(() => (init_forecast2(), forecast_exports));
    const f = await forecastView2(ctx);
    const { loadTasks: loadTasks2 } = await Promise.resolve().then(() => (init_ledgers(), ledgers_exports));
    const cut2 = await doneCut(loadTasks2(ctx), 20);
    const target = (0, import_node_path22.resolve)(o.html);
    writeFileAtomic(
      target,
      Buffer.from(translateHtml(reportHtml2(v.metrics, cut2.tasks, ctx.now, o.title, f.scopes, cut2.hidden)), "utf8"),
      (0, import_node_path22.dirname)(target)
    );
    kit.out.write(`Wrote ${o.html}
`);
  });
}

// src/cli/one-command.ts
var VALUE_OPTIONS = ["--dir", "--tasks", "--approvals", "--as"];
function commandNamed(argv) {
  if (argv.includes("--help") || argv.includes("-h")) return void 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_OPTIONS.includes(a)) {
      i++;
      continue;
    }
    if (a === "--no-color" || a === "--utc" || VALUE_OPTIONS.includes(a.slice(0, a.indexOf("=")))) continue;
    if (a.startsWith("-") || a === "help") return void 0;
    return a;
  }
  return void 0;
}
var inert = new Proxy(() => void 0, {
  get: () => () => inert,
  apply: () => inert
});
var OneCommandProgram = class extends Command {
  constructor(wanted) {
    super();
    this.wanted = wanted;
  }
  wanted;
  /** Whether the named command was registered; if not, build the whole program. */
  found = false;
  // biome-ignore lint/suspicious/noExplicitAny: commander's overloads of command()
  command(nameAndArgs, ...rest) {
    const name = nameAndArgs.trim().split(/ +/)[0];
    if (name !== this.wanted) return inert;
    this.found = true;
    return super.command(nameAndArgs, ...rest);
  }
};

// src/cli/run-commands.ts
var import_node_path24 = require("node:path");
init_documents();
init_errors();
init_git();
init_places();
init_time();
init_command_template();
init_width();
var duration = (name, text) => {
  if (text === void 0) return void 0;
  const d = parseDuration(text);
  if (d === void 0 || d <= 0)
    throw new UsageError(`Expected a duration like 90s, 30m or 2h for ${name}, found "${text}"`);
  return d;
};
var onSuccessOf = (text) => {
  if (text === "review" || text === "done" || text === "release") return text;
  throw new UsageError(`Expected --on-success review, done or release, found "${text}"`);
};
var line = (e) => `${formatTime(e.time)} ${e.event} ${e.target} ${e.why}
`;
var json = (e) => `${JSON.stringify(eventDoc(e))}
`;
function runExitCode(result) {
  if (result === "lost") return EXIT.refused;
  if (result === "failed" || result === "interrupted") return EXIT.problem;
  return EXIT.ok;
}
function registerRunCommands(program2, kit) {
  const common = (c) => c.option("--ttl <duration>", "lease length (default: the policy's lease); renewed every TTL/3 while it runs").option(
    "--on-success <what>",
    "after exit 0: review (submit), done (submit, then the automation actor accepts), release",
    "review"
  ).option("--log-dir <dir>", "where each run's output is kept (default: .git/taskgate/runs)").option("--grace <duration>", "time between SIGTERM and SIGKILL when the program must stop", "10s").option("--worktree", "run in the task's own git worktree (branch task/<ID>-<title>), made if it has none").option("--base <commit>", "with --worktree: the commit a new task branch starts from (default: HEAD)").option("--json", "one versioned taskgate.event document per event and line");
  const logDirOf = (o, tasksPath) => o.logDir ? (0, import_node_path24.resolve)(o.logDir) : privateDirFor(tasksPath, "runs");
  common(
    program2.command("run").description("run a program for a task under a lease: exit 0 submits it, a failure retries it later").argument("<id>", "task ID, like T-12").argument("<command...>", "after --: the program and its arguments (started directly, not by a shell)")
  ).addHelpText(
    "after",
    "\nThe program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS.\n\nExit codes of run (taskgate's, never the program's; the program's own is in the last line and\nin --json's exitCode): 0 the program exited 0 and the task was submitted (or released, or\naccepted with --on-success); 6 the program failed, was killed or could not be started, or run\nwas interrupted (the task went back to READY, or was blocked as a dead letter); 1 the lease was\nlost and the program stopped, or the task could not be claimed; 2, 3, 4, 74 as every command."
  ).action(async (id, command, o) => {
    const { ctx } = kit.context();
    const { startRun: startRun2 } = await Promise.resolve().then(() => (init_run(), run_exports));
    const out = output(1);
    const err = output(2);
    const print = (e) => err.write(o.json ? json(e) : line(e));
    const handle = await startRun2(
      () => kit.context().ctx,
      {
        id: kit.normalizeId(id),
        argv: () => command,
        ttl: duration("--ttl", o.ttl),
        onSuccess: onSuccessOf(o.onSuccess),
        logDir: logDirOf(o, ctx.paths.tasks),
        grace: duration("--grace", o.grace),
        via: "run",
        echo: { out, err },
        root: findWorkTree(ctx.paths.tasks) ?? process.cwd(),
        token: /^[1-9]\d*$/.test(kit.env.TASKGATE_LEASE_TOKEN ?? "") ? Number(kit.env.TASKGATE_LEASE_TOKEN) : void 0,
        worktree: o.worktree ? { base: (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).worktreeBase(o.base) } : void 0
      },
      print
    );
    const onSignal = (signal) => handle.interrupt(signal);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const outcome = await handle.done;
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    kit.setExit(runExitCode(outcome.result));
  });
  common(
    program2.command("work").description("a worker loop: take the best task, run a command for it under a lease, repeat (N at once)").requiredOption(
      "--exec <command>",
      "the command for each task; {id}, {title} and {file} (the task's Markdown) become arguments (no shell)"
    ).option("--parallel <n>", "tasks run at once", "1").option("--label <label>", "only tasks with this label; repeat for all of several", collectList).option("--max-tasks <k>", "start at most this many tasks, then finish").option("--exit-when-idle", "end when no task is left to start (instead of waiting for new ones)")
  ).action(
    async (o) => {
      const template = parseTemplate(o.exec);
      if (!template.ok) throw new UsageError(template.message);
      const parallel = Number(o.parallel);
      if (!Number.isInteger(parallel) || parallel < 1)
        throw new UsageError(`Expected --parallel as a whole number of at least 1, found "${o.parallel}"`);
      const maxTasks = o.maxTasks === void 0 ? void 0 : Number(o.maxTasks);
      if (maxTasks !== void 0 && (!Number.isInteger(maxTasks) || maxTasks < 1)) {
        throw new UsageError(`Expected --max-tasks as a whole number of at least 1, found "${o.maxTasks}"`);
      }
      const { ctx } = kit.context();
      const { startWork: startWork2 } = await Promise.resolve().then(() => (init_work(), work_exports));
      const tty2 = Boolean(process.stdout.isTTY) && !o.json;
      let board = 0;
      const worker = startWork2(
        () => kit.context().ctx,
        {
          labels: o.label ?? [],
          argv: (task) => instantiate(template.words, task),
          ttl: duration("--ttl", o.ttl),
          onSuccess: onSuccessOf(o.onSuccess),
          logDir: logDirOf(o, ctx.paths.tasks),
          grace: duration("--grace", o.grace),
          via: "work",
          echo: void 0,
          root: findWorkTree(ctx.paths.tasks) ?? process.cwd(),
          parallel,
          maxTasks,
          exitWhenIdle: Boolean(o.exitWhenIdle),
          idleWait: 2e3,
          worktree: o.worktree ? { base: (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).worktreeBase(o.base) } : void 0
        },
        (e) => {
          if (tty2) {
            if (e.event === "idle" || e.event === "start" || e.event === "claim") return;
            clear();
            process.stdout.write(line(e));
            draw();
          } else if (e.event !== "idle") kit.out.write(o.json ? json(e) : line(e));
        }
      );
      const clear = () => {
        if (board) process.stdout.write(`\x1B[${board}A\x1B[0J`);
        board = 0;
      };
      const draw = () => {
        if (!tty2) return;
        const now = Date.now();
        const room = Math.max(20, (process.stdout.columns ?? 80) - 1);
        const rows = [...worker.running.values()].map(
          (h) => truncate(
            `  ${h.task.id.padEnd(7)} ${formatAge(now - h.startedAt).padStart(4)} running, lease ${formatAge(Math.max(0, h.leaseUntil() - now))} left  ${h.task.title}`,
            room
          )
        );
        const t = worker.totals;
        rows.push(
          `  done ${t.done}  failed ${t.failed} (retried ${t.retried})  lost ${t.lost}  running ${worker.running.size}`
        );
        process.stdout.write(`${rows.join("\n")}
`);
        board = rows.length;
      };
      const timer = tty2 ? setInterval(() => {
        clear();
        draw();
      }, 1e3) : void 0;
      const onSignal = (signal) => worker.stop(signal);
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const totals = await worker.done;
      clearInterval(timer);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      if (tty2) clear();
      const summary = `done ${totals.done}, failed ${totals.failed} (retried ${totals.retried}), lost ${totals.lost}, interrupted ${totals.interrupted}`;
      kit.out.write(
        o.json ? `${JSON.stringify(eventDoc({ time: Date.now(), event: "summary", target: "-", why: summary, problem: false, data: { ...totals } }))}
` : `${summary}
`
      );
      kit.setExit(EXIT.ok);
    }
  );
}

// src/cli/serve-command.ts
var import_node_child_process8 = __toESM(require_node_child_process(), 1);
init_errors();
init_i18n();
var REMOTE_REFRESH_MS = 2e3;
var REMOTE_FETCH_TIMEOUT_MS = 2e4;
function registerServeCommand(program2, kit) {
  program2.command("serve").description("a live board in the browser on 127.0.0.1: the URL (with its token) is the first line printed").option("--port <n>", "the port (0: any free port)", "0").option("--open", "open the page in the default browser").option("--read-only", "show the board only: no decisions from the page").action(async (o) => {
    const port = Number(o.port);
    if (!/^\d+$/.test(o.port) || port > 65535)
      throw new UsageError(`Expected a port from 0 to 65535, found "${o.port}"`);
    const base = kit.context().ctx;
    base.ports.actorName();
    const fixedNow = kit.env.TASKGATE_NOW ? base.now : void 0;
    const ports = withRereads(base.ports);
    const makeCtx = () => ({ paths: base.paths, ports, now: fixedNow ?? Date.now() });
    const board = ports.board;
    let fetching = false;
    const refetch = board ? setInterval(() => {
      if (fetching) return;
      fetching = true;
      void board.fetchInBackground(REMOTE_FETCH_TIMEOUT_MS).finally(() => {
        fetching = false;
      });
    }, REMOTE_REFRESH_MS) : void 0;
    refetch?.unref();
    const pollMs = Number(kit.env.TASKGATE_SERVE_POLL_MS) || 200;
    const { serveHttp: serveHttp2 } = await Promise.resolve().then(() => (init_server2(), server_exports2));
    kit.setExit(
      await serveHttp2({
        makeCtx,
        port,
        readOnly: Boolean(o.readOnly),
        pollMs,
        // The page in the reader's language, as the CLI chose it (TASKGATE_LANG, LC_ALL, ...).
        lang: translating() ? "ja" : "en",
        tr,
        log: (line2) => process.stderr.write(`${line2}
`),
        onListening: (url) => {
          process.stdout.write(`${url}
`);
          if (o.open) openBrowser(url);
        }
      })
    );
  });
}
function openBrowser(url) {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = (0, import_node_child_process8.spawn)(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => process.stderr.write(`taskgate serve: could not open a browser; open ${url}
`));
    child.unref();
  } catch {
    process.stderr.write(`taskgate serve: could not open a browser; open ${url}
`);
  }
}

// src/cli/share-command.ts
function registerShareCommand(program2, kit) {
  program2.command("share").description("share the board through git: every worktree of this clone, and with --remote every clone").option("--remote <name>", "the git remote whose branch is the board (a push decides every write)").option("--branch <name>", "the branch the board lives on", "taskgate").option("--json", "print one JSON document").addHelpText(
    "after",
    `
Joins the shared board when the branch exists (on the remote, or in this clone), else moves
this folder's TASKS.md and APPROVALS.md to it byte for byte (checked first: a board with
errors is not moved). The setting is kept in the clone's git config (taskgate.share.*).
Exit codes: 0 shared; 1 refused (nothing to share, the remote refused); 2 usage (no git, no
such remote, bad branch name); 3 the in-tree board has errors; 4 someone else shared first
(or a write landed in the in-tree files during the move),
run it again; 7 the remote cannot be reached.`
  ).action(async (o) => {
    const { ctx } = kit.context();
    const g = program2.opts();
    const paths = locateLedgers(g, kit.env, process.cwd());
    const inTree = { ...ctx, paths, ports: nodePorts({ as: g.as, env: kit.env, tasksPath: paths.tasks }) };
    const { shareBoard: shareBoard2 } = await Promise.resolve().then(() => (init_share(), share_exports));
    const r = await shareBoard2(inTree, { branch: o.branch, remote: o.remote, cwd: process.cwd() });
    if (kit.json(o))
      kit.out.write(
        jsonDoc("share", { action: r.action, branch: o.branch, remote: o.remote ?? null, commit: r.commit })
      );
    else kit.out.write(`${r.message}
`);
  });
}

// src/cli/watch-commands.ts
init_documents();
init_errors();
init_places();
init_time();
init_values();
var durationOption = (name, text) => {
  const d = parseDuration(text);
  if (d === void 0 || d <= 0)
    throw new UsageError(`Expected a duration like 30s or 5m for ${name}, found "${text}"`);
  return d;
};
function eventLine(e) {
  return `${terminalText(`${formatTime(e.time)} ${e.event} ${e.target} ${e.why}`, true)}
`;
}
function eventJson(e) {
  return `${JSON.stringify(eventDoc(e))}
`;
}
function registerWatchCommands(program2, kit) {
  program2.command("watch").description("recover expired leases, run due schedules, auto-approve, report health: once, or on every change").option("--once", "run one tick and exit (for cron, systemd timers, Task Scheduler)").option("--interval <duration>", "time between ticks when nothing changes", "30s").option("--settle <duration>", "quiet time after a ledger change before the tick", "300ms").option("--poll", "poll the ledgers' stat every second instead of using file system events").option("--json", "one versioned taskgate.event document per event and line").option("--quiet", "print only problems (cron then mails only when something is wrong)").addHelpText(
    "after",
    `
Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);
3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task
blocked as a dead letter, a scheduled check failed, a stale lock, a failing hook, or any standing problem
taskgate health finds after the tick: an approval past its SLA or stale, an expired lease not
recovered, a hook or merge driver missing, a schedule overdue); 1 a step was refused (for
example no automation actor with the role it needs). A long-running watch ends
with 0 on SIGINT or SIGTERM, after the tick in progress.`
  ).action(
    async (o) => {
      const interval = durationOption("--interval", o.interval);
      const settle = durationOption("--settle", o.settle);
      const lockStale = Number(kit.env.TASKGATE_LOCK_STALE_MS) || 5e3;
      const { tick: tick2 } = await Promise.resolve().then(() => (init_watch2(), watch_exports));
      const print = (e) => {
        if (o.quiet && !e.problem) return;
        kit.out.write(o.json ? eventJson(e) : eventLine(e));
      };
      let standing = /* @__PURE__ */ new Set();
      let lastEvents = [];
      const runTick = async () => {
        const { ctx: ctx2 } = kit.context();
        try {
          const r = await tick2(ctx2, {
            random: Math.random,
            lockStale,
            lockDir: lockDirFor(ctx2.paths.tasks),
            env: kit.env
          });
          lastEvents = r.events;
          const now = /* @__PURE__ */ new Set();
          for (const e of r.events) {
            const key = e.event === "dead-letter" || e.event === "behind-dead-letter" ? `${e.event} ${e.target} ${e.why}` : "";
            if (key) now.add(key);
            if (!key || o.once || !standing.has(key)) print(e);
          }
          standing = now;
          return r;
        } catch (e) {
          if (o.once || !(e instanceof TaskgateError)) throw e;
          print({ time: ctx2.now, event: "refused", target: ctx2.paths.tasksDisplay, why: e.message, problem: true });
          return { exitCode: e.exitCode, nextDue: void 0 };
        }
      };
      if (o.once) {
        const r = await runTick();
        const { ctx: ctx2 } = kit.context();
        const { healthFindings: healthFindings2, healthExitCode: healthExitCode2 } = await Promise.resolve().then(() => (init_health(), health_exports));
        const findings = await healthFindings2(ctx2);
        const reported = new Set(
          lastEvents.map((e) => `${e.event === "escalate" ? "dead-letter" : e.event} ${e.target}`)
        );
        const invalidReported = lastEvents.some((e) => e.event === "invalid");
        for (const f of findings) {
          if (reported.has(`${f.kind} ${f.target}`)) continue;
          if (f.kind === "hook-failed" && lastEvents.some((e) => e.event === "hook-failed")) continue;
          if (lastEvents.some((e) => e.event === "check" && e.why.startsWith(`${f.target} `))) continue;
          if (f.kind === "invalid-ledger") {
            if (invalidReported) continue;
            print({
              time: ctx2.now,
              event: "invalid",
              target: f.target,
              why: `${f.file}:${f.line}: ${f.message}`,
              problem: true
            });
          } else print({ time: ctx2.now, event: f.kind, target: f.target, why: f.message, problem: true });
        }
        const found = healthExitCode2(findings);
        kit.setExit(r.exitCode === EXIT.invalid || found === EXIT.invalid ? EXIT.invalid : r.exitCode || found);
        return;
      }
      const { startLoop: startLoop2 } = await Promise.resolve().then(() => (init_watch_loop(), watch_loop_exports));
      const { ctx } = kit.context();
      const loop = startLoop2({
        files: [ctx.paths.tasks, ctx.paths.approvals],
        interval,
        settle,
        poll: Boolean(o.poll),
        tick: async () => (await runTick()).nextDue
      });
      const stop = () => loop.stop();
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await loop.done;
      process.removeListener("SIGINT", stop);
      process.removeListener("SIGTERM", stop);
      kit.setExit(EXIT.ok);
    }
  );
  const schedule = program2.command("schedule").description("run watch --once from the OS scheduler");
  schedule.command("uninstall").description(
    "remove what schedule install --write installed: this repository's crontab line or systemd user units (prints the schtasks command on Windows)"
  ).option("--cron", "the line in the user's crontab").option("--systemd", "the systemd user service and timer").option("--windows", "print the schtasks /Delete command").action(async (o) => {
    const chosen = ["cron", "systemd", "windows"].filter((k) => o[k]);
    if (chosen.length !== 1) throw new UsageError("Choose one scheduler: --cron, --systemd or --windows");
    const { ctx } = kit.context();
    const { uninstallSchedule: uninstallSchedule2 } = await Promise.resolve().then(() => (init_uninstall(), uninstall_exports));
    for (const line2 of uninstallSchedule2(ctx, chosen[0], kit.env))
      kit.out.write(`${line2}
`);
  });
  schedule.command("install").description("print (or with --write, install) a crontab line, systemd user units or a schtasks command").option("--cron", "a line for the user's crontab").option("--systemd", "a systemd user service and timer").option("--windows", "a Windows Task Scheduler (schtasks) command").option("--every <duration>", "how often: minutes or hours that divide an hour or a day", "5m").option("--print", "print what to install (the default)").option("--write", "install it: the user's crontab, or ~/.config/systemd/user (and enable the timer)").action(
    async (o) => {
      const chosen = ["cron", "systemd", "windows"].filter((k) => o[k]);
      if (chosen.length !== 1) throw new UsageError("Choose one scheduler: --cron, --systemd or --windows");
      if (o.print && o.write) throw new UsageError("--print and --write exclude each other");
      const { ctx } = kit.context();
      const { installSchedule: installSchedule2 } = await Promise.resolve().then(() => (init_schedule_install(), schedule_install_exports));
      const r = installSchedule2(ctx, {
        scheduler: chosen[0],
        every: o.every,
        write: Boolean(o.write),
        bin: process.argv[1] ?? "taskgate",
        env: kit.env
      });
      for (const f of r.files) {
        if (r.files.length > 1) kit.out.write(`# ${f.name}
`);
        kit.out.write(f.text);
        if (r.files.length > 1) kit.out.write("\n");
      }
      for (const d of r.done) kit.out.write(`${d}
`);
    }
  );
}

// src/cli/workflow-commands.ts
init_errors();
init_fields();
init_time();
init_values();
var ttlOf = (text) => {
  if (text === void 0) return void 0;
  const d = parseDuration(text);
  if (d === void 0 || d <= 0)
    throw new UsageError(`Expected a duration like 90s, 30m or 2h for --ttl, found "${text}"`);
  return d;
};
var tokenOf = (text, env2) => {
  const raw = text ?? (env2.TASKGATE_LEASE_TOKEN || void 0);
  if (raw === void 0) return void 0;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`Expected a lease token (a whole number), found "${raw}"`);
  return Number(raw);
};
function resultJson(r) {
  return {
    id: r.id,
    action: r.action,
    from: r.from,
    to: r.to,
    lease: r.lease ? { holder: r.lease.holder, token: r.lease.token, until: formatTime(r.lease.until), text: encodeLease(r.lease) } : null
  };
}
function describe(r) {
  const move2 = r.from === r.to ? r.to : `${r.from} -> ${r.to}`;
  const lease = r.lease ? `; lease token ${r.lease.token} for ${r.lease.holder} until ${humanTime(r.lease.until)}` : "";
  return `${r.id} ${r.action}: ${move2}${lease}
`;
}
var ACTIONS = [
  { name: "claim", description: "take a READY task (or an expired lease) as WORK; prints the lease token", ttl: true },
  { name: "renew", description: "extend your lease", ttl: true, token: true },
  { name: "release", description: "give your lease back (DOING -> READY)", token: true },
  { name: "submit", description: "hand your work in for review (DOING -> REVIEW)", token: true },
  { name: "ready", description: "make a planned task available (PLAN -> READY), as CMD" },
  { name: "plan", description: "take a task back for replanning (READY -> PLAN), as CMD" },
  { name: "cancel", description: "end a task without doing it (-> DONE, cancelled), as CMD", reason: "optional" },
  { name: "block", description: "mark a task blocked, keeping its state, as WORK", reason: "required", token: true },
  { name: "unblock", description: "clear a block, as CMD" },
  { name: "accept", description: "accept reviewed work (REVIEW -> DONE), as AUDIT; not by who did it" },
  { name: "rework", description: "send work back (REVIEW -> DOING), as AUDIT", reason: "required" }
];
async function worktreeOrRelease(ctx, id, r, base, env2) {
  const { ensureTaskWorktree: ensureTaskWorktree2 } = await Promise.resolve().then(() => (init_worktree(), worktree_exports));
  const token = r.lease?.token;
  try {
    return await ensureTaskWorktree2(ctx, id, token, base, env2);
  } catch (e) {
    const { transition: transition2 } = await Promise.resolve().then(() => (init_transition(), transition_exports));
    await transition2(ctx, { action: "release", id, token });
    if (e instanceof TaskgateError) throw new TaskgateError(`${e.message}; ${id}'s claim was released`, e.exitCode);
    throw e;
  }
}
function skippedJson(skipped) {
  return skipped.map((k) => ({
    id: k.id,
    why: "its paths overlap a DOING task's",
    blockedBy: k.clashes.map((c) => ({ id: c.id, holder: c.holder ?? null, overlaps: c.pairs }))
  }));
}
function registerWorkflowCommands(program2, kit) {
  for (const a of ACTIONS) {
    const cmd = program2.command(a.name).description(a.description).argument("<id>", "task ID, like T-12");
    if (a.ttl) cmd.option("--ttl <duration>", "lease length, like 30m (default: the policy's lease)");
    if (a.token) cmd.option("--token <n>", "your lease token (default: TASKGATE_LEASE_TOKEN)");
    if (a.reason === "required") cmd.requiredOption("--reason <text>", "why");
    if (a.reason === "optional") cmd.option("--reason <text>", "why");
    if (a.name === "claim") {
      cmd.option("--overlap", "claim it though its paths overlap a DOING task's (logged)");
      cmd.option("--worktree", "make a git worktree on branch task/<ID>-<title> for it and print its path");
      cmd.option("--base <commit>", "with --worktree: the commit the task's branch starts from (default: HEAD)");
    }
    if (a.name === "release")
      cmd.option("--clean", "also remove the task's worktree (only when it has no uncommitted work)");
    if (a.name === "accept" || a.name === "cancel") {
      cmd.option("--keep-worktree", "keep the task's worktree (by default a clean one is removed)");
    }
    cmd.option("--json", "print one JSON document");
    cmd.action(async (id, o) => {
      const { ctx } = kit.context();
      const { transition: transition2 } = await Promise.resolve().then(() => (init_transition(), transition_exports));
      const base = a.name === "claim" && o.worktree ? (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).worktreeBase(o.base) : o.base;
      const taskId = kit.normalizeId(id);
      const input = {
        action: a.name,
        id: taskId,
        ttl: ttlOf(o.ttl),
        token: a.token ? tokenOf(o.token, kit.env) : void 0,
        reason: o.reason,
        overlap: o.overlap
      };
      const ends = a.name === "accept" || a.name === "cancel" || a.name === "release" && o.clean === true;
      let r;
      let removed;
      if (ends) {
        const { transitionEndingWorktree: transitionEndingWorktree2 } = await Promise.resolve().then(() => (init_worktree(), worktree_exports));
        ({ result: r, worktree: removed } = await transitionEndingWorktree2(ctx, input, {
          keep: o.keepWorktree === true
        }));
      } else r = await transition2(ctx, input);
      let made;
      if (a.name === "claim" && o.worktree) {
        made = await worktreeOrRelease(ctx, taskId, r, base, kit.env);
      }
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("transition", {
            ...resultJson(r),
            ...made ? { worktree: { branch: made.branch, path: made.folder, reused: made.reused } } : {},
            ...removed ? { worktreeRemoved: removed } : {}
          })
        );
      } else {
        kit.out.write(describe(r));
        if (made)
          kit.out.write(`${made.reused ? "Worktree" : "Made worktree"} ${made.folder} (branch ${made.branch})
`);
        if (removed) kit.out.write(`${removed}
`);
      }
    });
  }
  program2.command("next").description("the best task for you now; --claim takes it (exit 5 when there is nothing to do)").option("--label <label>", "only tasks with this label; repeat for several", collectList).option("--claim", "claim it, under the same lock as the choice").option("--ttl <duration>", "lease length with --claim").option("--json", "print one JSON document").action(async (o) => {
    const { ctx } = kit.context();
    kit.json(o);
    const { next: next2 } = await Promise.resolve().then(() => (init_transition(), transition_exports));
    const r = await next2(ctx, { labels: o.label ?? [], claim: Boolean(o.claim), ttl: ttlOf(o.ttl) });
    const task = r.pick.task;
    if (!task) return;
    if (o.json) {
      kit.out.write(
        jsonDoc("next", {
          task: taskDoc(task),
          claimed: r.claimed ? resultJson(r.claimed) : null,
          skipped: skippedJson(r.pick.skipped)
        })
      );
    } else if (r.claimed) kit.out.write(describe(r.claimed));
    else kit.out.write(`${task.id} ${task.priority} ${terminalText(task.title)}
`);
  });
}

// src/cli/main.ts
var EXIT_HELP = `
Exit codes:
  0   ok
  1   refused: a rule said no (role, state, unknown task, bad value); nothing was written;
      also check --sla when the only errors are approvals past their SLA
  2   usage: unknown command or option, missing argument
  3   invalid ledger: check found errors, or a write was refused because a ledger has errors
  4   busy: the ledger is locked or was changed by another process; run the command again
  5   nothing to do: \`next\` found no task for you (not an error)
  6   a problem stands: health or watch --once found one (a dead letter, an expired lease not
      recovered, an approval past its SLA or stale, a failed scheduled check, a stale lock, a
      hook or merge driver missing, a schedule overdue); run's program failed
  7   unreachable: the shared board's remote could not be reached; nothing was written or held
  70  internal error (a bug: please report it)
  74  the machine said no: no space, no permission, a read-only file system, too many open files,
      .git/taskgate not a folder; the message names the path and what to do (nothing was changed
      unless it says so)

Environment:
  TASKGATE_DIR, TASKGATE_TASKS, TASKGATE_APPROVALS   where the ledgers are (like --dir, --tasks, --approvals)
  TASKGATE_ACTOR                                     who acts (like --as); else git's user.email
  TASKGATE_SESSION                                   the agent session acting: its leases are its own (docs/run.md)
  TASKGATE_NOW                                       the current time (ISO 8601), for tests and replays
  TASKGATE_LANG                                      the language of messages: ja for Japanese, en for English; else
                                                     LC_ALL, LC_MESSAGES, LANG (ja_JP.UTF-8 is Japanese); JSON is English
  TASKGATE_NO_MEMO=1                                 no memos: status and metrics read the ledgers whole every time
  TASKGATE_LOCK_TIMEOUT_MS, TASKGATE_LOCK_STALE_MS   how long to wait for a lock (30000); when a lock of another host that
                                                     is not refreshed is taken over (5000; one of a process gone from this
                                                     host is taken over at once, one of a live one never)
  TASKGATE_SHARE=off                                 use the in-tree files even where this clone shares its board
  NO_COLOR                                           no colour in the output
  TZ                                                 the zone times are shown in (with their offset, like
                                                     2026-12-06 00:37 +09:00); --utc shows UTC. Ledgers, log
                                                     lines and --json keep UTC (\u2026Z). A time you type is UTC:
                                                     not-before=2026-11-24T10:30:00Z, and a date given to
                                                     --since/--until (2026-11-01) starts at midnight UTC
`;
async function main(argv, env2 = process.env, whole = false) {
  const lang = langOf(env2);
  useLang(lang);
  const out = lang === "en" ? output(1) : translatedStream(output(1), () => wantsJson);
  const err = lang === "en" ? output(2) : translatedStream(output(2), () => false);
  let exitCode = EXIT.ok;
  const beforeProgram = argv.indexOf("--") === -1 ? argv : argv.slice(0, argv.indexOf("--"));
  let wantsJson = beforeProgram.includes("--json");
  let lastCtx;
  const wanted = whole ? void 0 : commandNamed(argv);
  const program2 = wanted ? new OneCommandProgram(wanted) : new Command();
  program2.name("taskgate").description("A task board (TASKS.md) and approval gate (APPROVALS.md) for teams of people and AI agents.").version("0.1.0", "-V, --version").option(
    "--dir <dir>",
    "folder holding TASKS.md and APPROVALS.md (default: this folder or the nearest parent that has them)"
  ).option("--tasks <file>", "path of TASKS.md").option("--approvals <file>", "path of APPROVALS.md").option("--as <name>", "act as this actor (default: TASKGATE_ACTOR, then git user.email)").option("--no-color", "no colour in the output").option("--utc", "show times in UTC rather than the local zone (TZ)").addHelpText("after", EXIT_HELP).showHelpAfterError("(run taskgate --help for the commands)").exitOverride().configureHelp(helpInLanguage()).configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });
  const context = () => {
    const g = program2.opts();
    showUtc(Boolean(g.utc));
    const folderProblem = namedFolderProblem(g, env2);
    if (folderProblem !== void 0) throw new UsageError(folderProblem);
    const { paths, share, followsShare } = locateBoard(g, env2, process.cwd());
    const ports = nodePorts({
      as: g.as,
      env: env2,
      tasksPath: paths.tasks,
      share: share && { setting: share, paths },
      refuseOnceShared: followsShare && !share,
      hooks: process.argv[1] ? { bin: process.argv[1], approvals: paths.approvals } : void 0
    });
    const now = env2.TASKGATE_NOW ? Date.parse(env2.TASKGATE_NOW) : Date.now();
    if (Number.isNaN(now)) throw new UsageError(`TASKGATE_NOW is not a time: "${env2.TASKGATE_NOW}"`);
    lastCtx = { paths, ports, now };
    return { ctx: lastCtx, c: makeChalk(out, env2, !g.color), g };
  };
  const json2 = (o) => {
    wantsJson = Boolean(o.json);
    return wantsJson;
  };
  const reasonAt = beforeProgram.indexOf("--reason");
  const reason = reasonAt >= 0 ? beforeProgram[reasonAt + 1] : beforeProgram.find((a) => a.startsWith("--reason="))?.slice(9);
  const idArg = beforeProgram.find((a) => /^t-?\d+$/i.test(a));
  const approvalArg = beforeProgram.find((a) => /^a-?\d+$/i.test(a));
  const attempted = {
    command: wanted,
    id: idArg === void 0 ? void 0 : normalizeTaskId(idArg),
    approval: approvalArg === void 0 ? void 0 : normalizeApprovalId(approvalArg),
    reasonGiven: reason !== void 0 && reason.trim() !== ""
  };
  program2.command("init").description("create TASKS.md and APPROVALS.md here (never overwrites)").action(async () => {
    const { ctx } = context();
    const { initLedgers: initLedgers2 } = await Promise.resolve().then(() => (init_init(), init_exports));
    const r = await initLedgers2(ctx);
    out.write(`Created ${r.created.join(" and ")}.
`);
  });
  program2.command("check").description("validate both ledgers: every problem at once, as FILE:LINE:COL").option("--json", "print one JSON document").option("--strict", "also compare the line reader with a full Markdown parser (slow on big files)").option("--sla", "fail (exit 1) when a pending approval is past the policy's approval-sla").option("--staged", "judge the staged ledgers against HEAD as the committer's change (the pre-commit hook)").addHelpText(
    "after",
    "\nColumns count UTF-16 code units from 1, as editors and LSP count them: a Japanese character is 1, most emoji 2."
  ).action(async (o) => {
    const { ctx, c } = context();
    if (o.staged) {
      exitCode = await checkStagedCommand(ctx, json2(o), out);
      return;
    }
    const { checkLedgers: checkLedgers2 } = await Promise.resolve().then(() => (init_check(), check_exports));
    const r = await checkLedgers2(ctx, { strict: Boolean(o.strict), sla: Boolean(o.sla) });
    const errorList = r.diagnostics.filter((d) => d.severity === "error");
    const slaOnly = errorList.every((d) => d.code === "approval-sla");
    const errors = errorList.length;
    const warnings = r.diagnostics.length - errors;
    if (json2(o)) {
      out.write(
        jsonDoc("check", {
          ok: errors === 0,
          errors,
          warnings,
          files: r.files,
          diagnostics: r.diagnostics.map(diagnosticJson)
        })
      );
    } else {
      if (r.diagnostics.length) writeAsIs(out, `${renderDiagnostics(c, r.diagnostics)}
`);
      out.write(
        errors ? c.red(
          `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${r.files.join(", ")}
`
        ) : c.green(
          `${r.files.join(" and ")}: ok${warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}
`
        )
      );
    }
    if (errors) exitCode = slaOnly ? EXIT.refused : EXIT.invalid;
  });
  program2.command("status").description("counts by state, leases held and expired, approvals pending").option("--json", "print one JSON document").action(async (o) => {
    const { ctx, c } = context();
    const { statusView: statusView2 } = await Promise.resolve().then(() => (init_views(), views_exports));
    const v = statusView2(ctx);
    const { errors, warnings } = v;
    const phaseText = v.phases.length ? await Promise.resolve().then(() => (init_forecast_render(), forecast_render_exports)) : void 0;
    const linked = mainWorkTree(process.cwd());
    const owner = linked && linked.main !== linked.top ? (await Promise.resolve().then(() => (init_worktree(), worktree_exports))).taskOfWorktree(ctx, process.cwd()) : void 0;
    if (json2(o)) {
      const { docText: docText2, statusDoc: statusDoc2 } = await Promise.resolve().then(() => (init_documents(), documents_exports));
      const hooks = await hooksStatus(ctx, v.hasHooks);
      out.write(
        docText2({
          ...statusDoc2(ctx, v),
          ...hooks ? { hooks } : {},
          ...owner ? { worktreeOf: owner } : {}
        })
      );
    } else {
      const board = ctx.ports.board;
      if (board)
        out.write(
          `Board: ${board.describe()}${board.offline ? ` (remote unreachable: as of the last fetch; ${board.offline})` : ""}
`
        );
      out.write(
        renderStatus(
          c,
          { tasks: ctx.paths.tasksDisplay, approvals: ctx.paths.approvalsDisplay },
          v.summary,
          v.approvalsFound,
          ctx.now,
          errors,
          warnings
        )
      );
      if (phaseText) out.write(`Phases:
${phaseText.renderPhases(v.phases)}`);
      out.write(hooksStatusText(await hooksStatus(ctx, v.hasHooks)));
      if (owner) out.write(`This worktree is ${owner.id}'s (branch ${owner.branch}).
`);
    }
  });
  program2.command("list").description("list tasks, filtered").option("--state <state>", `only tasks in this state (${STATES.join("|")}); repeat or comma-separate`, collectList).option("--label <label>", "only tasks with this label; repeat for all of several", collectList).option("--assignee <name>", "only tasks assigned to this actor").option("--phase <name>", "only tasks of this phase (their phase field)").option("--json", "print one JSON document").action(async (o) => {
    const { ctx, c } = context();
    const states = (o.state ?? []).map((s) => s.toUpperCase());
    const wrong = states.find((s) => !isState(s));
    if (wrong) throw new UsageError(`Unknown state "${wrong}"; expected ${STATES.join("|")}`);
    const { listRows: listRows2 } = await Promise.resolve().then(() => (init_views(), views_exports));
    const rows = listRows2(ctx, {
      states,
      labels: o.label ?? [],
      ...o.assignee ? { assignee: o.assignee } : {},
      ...o.phase !== void 0 ? { phase: o.phase } : {}
    });
    if (json2(o)) {
      const body = { file: ctx.paths.tasksDisplay, count: rows.count };
      writeTaskListJson((chunk) => out.write(chunk), body, rows);
    } else writeTaskTable((chunk) => writeAsIs(out, chunk), c, rows, out.columns || 100);
    warnIfInvalid(rows.diagnostics.filter((d) => d.severity === "error"));
  });
  program2.command("show").description("one task with its fields and text").argument("<id>", "task ID, like T-12").option("--json", "print one JSON document").action(async (id, o) => {
    const { ctx, c } = context();
    const { showView: showView2 } = await Promise.resolve().then(() => (init_views(), views_exports));
    const v = showView2(ctx, normalizeTaskId(id));
    if (json2(o)) out.write(jsonDoc("task", { task: taskDoc(v.task), body: v.body }));
    else writeAsIs(out, renderTask(c, v.task, v.body, ctx.now, v.clockSkew));
    warnIfInvalid(v.errors);
  });
  program2.command("add").description("add a task (state PLAN, or READY with --ready)").argument("<title...>", "the task's title").option("--priority <p>", "P0|P1|P2|P3 (default P2)").option("--labels <list>", "comma-separated labels").option("--depends <ids>", "comma-separated task IDs this task waits for").option("--ready", "add it as READY rather than PLAN").option("--json", "print one JSON document").action(
    async (words, o) => {
      const { ctx } = context();
      const { addTask: addTask2 } = await Promise.resolve().then(() => (init_add(), add_exports));
      const r = await addTask2(ctx, {
        title: words.join(" "),
        priority: o.priority?.toUpperCase(),
        labels: o.labels,
        depends: o.depends,
        state: o.ready ? "READY" : "PLAN"
      });
      if (json2(o)) out.write(jsonDoc("add", { id: r.id }));
      else out.write(`${r.id}
`);
    }
  );
  program2.command("set").description("change fields of a task: key=value (empty value removes the field)").argument("<id>", "task ID, like T-12").argument("<assignments...>", "key=value pairs: title, priority, labels, depends, assignee, not-before").option("--json", "print one JSON document").action(async (id, pairs, o) => {
    const { ctx } = context();
    const assignments = pairs.map((p) => {
      const eq = p.indexOf("=");
      if (eq <= 0) throw new UsageError(`Expected key=value, found "${p}"`);
      return [p.slice(0, eq).trim(), p.slice(eq + 1)];
    });
    const { setFields: setFields2 } = await Promise.resolve().then(() => (init_set(), set_exports));
    const r = await setFields2(ctx, normalizeTaskId(id), assignments);
    if (json2(o))
      out.write(
        jsonDoc("set", {
          id: normalizeTaskId(id),
          changes: r.changes.map((ch) => ({ key: ch.key, from: ch.from ?? null, to: ch.to ?? null }))
        })
      );
    else if (r.changes.length === 0) out.write(`${normalizeTaskId(id)}: nothing to change
`);
    else
      for (const ch of r.changes)
        out.write(`${normalizeTaskId(id)} ${ch.key}: ${ch.from ?? "(none)"} -> ${ch.to ?? "(removed)"}
`);
  });
  registerWorkflowCommands(program2, { context, json: json2, out, env: env2, normalizeId: normalizeTaskId });
  registerApprovalCommands(program2, { context, json: json2, out, env: env2, normalizeId: normalizeTaskId });
  const kit = {
    context,
    json: json2,
    out,
    env: env2,
    normalizeId: normalizeTaskId,
    setExit: (code) => {
      exitCode = code;
    }
  };
  registerWatchCommands(program2, kit);
  registerGitCommands(program2, kit);
  registerRunCommands(program2, kit);
  registerMetricsCommands(program2, kit);
  registerMcpCommands(program2, kit);
  registerShareCommand(program2, kit);
  registerServeCommand(program2, kit);
  registerIdentityCommands(program2, kit);
  registerHooksCommands(program2, kit);
  registerHealthCommand(program2, kit);
  if (program2 instanceof OneCommandProgram && !program2.found) return main(argv, env2, true);
  if (wanted && LONG_RUNNING.has(wanted)) await (await Promise.resolve().then(() => (init_ledgers(), ledgers_exports))).loadWriteChecks();
  try {
    await program2.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof ChecksNotLoaded && !checksLoaded) {
      checksLoaded = true;
      await (await Promise.resolve().then(() => (init_ledgers(), ledgers_exports))).loadWriteChecks();
      return main(argv, env2, whole);
    }
    exitCode = await reportError(e, wantsJson, out, err, lastCtx, attempted);
  }
  return exitCode;
}
var LONG_RUNNING = /* @__PURE__ */ new Set(["watch", "run", "work", "mcp", "serve"]);
var checksLoaded = false;
async function reportError(e, wantsJson, out, err, ctx, attempted) {
  if (!(e instanceof TaskgateError) && isMachineFault(e)) e = machineFault(e);
  const errorJson = async (facts) => {
    if (!wantsJson) return;
    const { docText: docText2, errorDoc: errorDoc2 } = await Promise.resolve().then(() => (init_documents(), documents_exports));
    if (attempted.command === "run") err.write(`${JSON.stringify(errorDoc2(facts))}
`);
    else out.write(docText2(errorDoc2(facts)));
  };
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return EXIT.ok;
    await errorJson({
      code: COMMANDER_CODES[e.code] ?? "USAGE",
      message: e.message.replace(/^error: /, ""),
      exitCode: EXIT.usage
    });
    return EXIT.usage;
  }
  if (e instanceof TaskgateError && e.exitCode === EXIT.nothingToDo) {
    out.write(
      wantsJson ? jsonDoc("next", {
        task: null,
        claimed: null,
        reason: e.message,
        ..."skipped" in e && Array.isArray(e.skipped) && e.skipped.length ? { skipped: skippedJson(e.skipped) } : {}
      }) : `${localizeTimes(terminalText(e.message, true))}
`
    );
    return e.exitCode;
  }
  if (e instanceof TaskgateError) {
    if (wantsJson) {
      const { errorFacts: errorFacts2 } = await Promise.resolve().then(() => (init_error_facts(), error_facts_exports));
      await errorJson(errorFacts2(e, ctx, attempted));
    }
    err.write(`taskgate: ${localizeTimes(terminalText(e.message, true))}
`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.stack ?? e.message : String(e);
  await errorJson({
    code: "INTERNAL",
    message: `internal error (please report it): ${e instanceof Error ? e.message : String(e)}`,
    exitCode: EXIT.internal
  });
  err.write(`taskgate: internal error (please report it): ${msg}
`);
  return EXIT.internal;
}
var COMMANDER_CODES = {
  "commander.unknownCommand": "UNKNOWN_COMMAND",
  "commander.unknownOption": "UNKNOWN_OPTION",
  "commander.missingArgument": "MISSING_ARGUMENT",
  "commander.optionMissingArgument": "MISSING_OPTION_VALUE",
  "commander.missingMandatoryOptionValue": "MISSING_OPTION",
  "commander.conflictingOption": "CONFLICTING_OPTIONS",
  "commander.excessArguments": "EXCESS_ARGUMENTS",
  "commander.invalidArgument": "INVALID_ARGUMENT"
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main,
  outputPending
});
//# sourceMappingURL=taskgate.cjs.map
