// Option parsers shared by the commands.

import { splitList } from "../ledger/fields.js";

/** For repeatable, comma-separated options: --label a --label b,c gives [a, b, c]. */
export const collectList = (value: string, previous: string[] = []): string[] => [...previous, ...splitList(value)];
