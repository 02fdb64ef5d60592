// proper-lockfile, behind a module of our own so the build can load it only when a command
// writes (scripts/build.mjs bundles each src/vendor module on its own).
export { default as lockfile } from "proper-lockfile";
