// The YAML parser for approval rules, loaded only by the commands that read rules.

export type { Node, YAMLMap } from "yaml";
export { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
