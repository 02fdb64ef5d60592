// string-width (display width of any text: emoji sequences, flags, combining marks), loaded
// on first use only (scripts/build.mjs makes this import lazy): its module builds an
// Intl.Segmenter and Unicode-set patterns when it loads, 20 ms on a cold start, which text of
// plain ASCII, kana and kanji never needs (src/cli/width.ts measures those itself).
export { default as stringWidth } from "string-width";
