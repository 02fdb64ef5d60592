// The bundle's entry point: the CLI's main, nothing else loaded up front.
export { main } from "./main.js";
export { outputPending } from "./output.js";
