// The unit tests only, as StrykerJS runs them (stryker.config.mjs): mutation testing asks
// whether the fast tests of src/rules and src/ledger fail when one of their lines is wrong.
// Left out: the integration tests (they run the built bundle, which Stryker does not mutate)
// the unit tests of src/io and src/cli that start processes (store, output, git-ref), and the
// generated-case suites (differential, property): each mutant they reach runs them again,
// which on two shared cores made one file's run take an hour. A line of src/rules must be
// guarded by a unit test that names its case; npm test still runs everything.

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    exclude: [
      "test/unit/store.test.ts",
      "test/unit/output.test.ts",
      "test/unit/git-ref.test.ts",
      "test/unit/cli-judge-differential.test.ts",
      "test/unit/judge-differential.test.ts",
      "test/unit/differential.test.ts",
      "test/unit/reader-differential.test.ts",
      "test/unit/values-property.test.ts",
      "test/unit/edit-property.test.ts",
    ],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./test/support/global-setup.ts"],
  },
});
