// Preloaded with node -r: at exit, writes to TASKGATE_TEST_MODULES the names of the Node
// modules the process loaded (process.moduleLoadList), one per line.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  writeFileSync(process.env.TASKGATE_TEST_MODULES, process.moduleLoadList.join("\n"));
});
