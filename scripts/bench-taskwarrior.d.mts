// Types for bench-taskwarrior.mjs, which the tests import too.

/** `task --version`, or undefined when Taskwarrior is not on PATH. */
export function taskwarriorVersion(): string | undefined;

/**
 * Writes a generated TASKS.md as a Taskwarrior board under `dir`; the env to run `task` with
 * and the working-set IDs of the pending tasks taskgate has READY, in file order.
 */
export function taskwarriorBoard(
  tasksText: string,
  dir: string,
): { env: { TASKRC: string; TASKDATA: string }; readyIds: number[] };
