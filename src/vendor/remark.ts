// remark (the reference Markdown parser), loaded only by `check --strict` and the tests.
export { default as remarkParse } from "remark-parse";
export { unified } from "unified";
