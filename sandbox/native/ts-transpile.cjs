"use strict";
// Runs INSIDE the sandbox as the TypeScript "compiler": syntax errors are a compile error, types
// are not checked (the submission is transpiled, like ts-node --transpile-only or esbuild).
const fs = require("fs");
const ts = require("/judge/ts/typescript.js");

const [input, output] = process.argv.slice(2);
const source = fs.readFileSync(input, "utf8");
const result = ts.transpileModule(source, {
  fileName: input,
  reportDiagnostics: true,
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
});
const errors = (result.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => "", getNewLine: () => "\n" };
  process.stderr.write(ts.formatDiagnostics(errors, host));
  process.exit(1);
}
fs.writeFileSync(output, result.outputText);
