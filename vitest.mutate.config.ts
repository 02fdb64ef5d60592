// The unit tests only, as StrykerJS runs them (stryker.config.mjs): mutation testing asks
// whether the fast tests of src/rules and src/ledger fail when one of their lines is wrong.
// Left out: the integration tests (they run the built bundle, which Stryker does not mutate)
// and the unit tests of src/io and src/cli that start processes (store, output, git-ref).
// The generated-case tests run fewer cases: each mutant they cover runs them again, and the
// promise lines have tests of their own (npm test runs the full counts).

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    exclude: ["test/unit/store.test.ts", "test/unit/output.test.ts", "test/unit/git-ref.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { TASKGATE_DIFF_CASES: "60", TASKGATE_PROPERTY_RUNS: "15" },
    globalSetup: ["./test/support/global-setup.ts"],
  },
});
