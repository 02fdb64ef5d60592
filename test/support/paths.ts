// Paths the tests share: the repository root, fixtures, and the built CLI.

import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = `${ROOT}fixtures`;
export const CLI = `${ROOT}bin/taskgate.cjs`;
