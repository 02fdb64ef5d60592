// In place of schtasks (test/windows/wine.test.ts): node.exe, linked as schtasks.exe, loads this
// through NODE_OPTIONS=--require and writes the arguments it was given to ARGS_OUT as JSON. In
// every other node.exe (taskgate itself) it does nothing.
if (/[\\/]schtasks\.exe$/i.test(process.execPath)) {
  const args = process.argv.slice(1);
  // Node took the first argument for a script and made it absolute ("/Create" -> "Z:\Create"):
  // the drive and the backslash it added are taken back.
  args[0] = String(args[0]).replace(/^[A-Za-z]:\\/, "/");
  require("node:fs").writeFileSync(process.env.ARGS_OUT, JSON.stringify(args));
  process.exit(0);
}
