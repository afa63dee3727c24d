/**
 * The harness: the learner's code plus a `main` that reads every test from stdin, calls the
 * learner's function once per test in ONE process, and reports each result on its own line.
 *
 * Wire format (see README.md):
 *   stdin   line 1   `avj1 <nonce> <count> <stackMb> <capture 0|1>`
 *           then one line per test: `<entry> <JSON array of the arguments>` (canonical, one line;
 *           `entry` picks the function when a program holds several, 0 otherwise; the JS/TS
 *           harness gets longs as JSON strings, everything else gets plain JSON numbers)
 *   stdout  `@avj:<nonce> ` + one JSON object per line:
 *             {"i":n,"ms":t,"out":<value>}      the function returned
 *             {"i":n,"ms":t,"error":"…","where":"…","detail":"…"}   it threw / panicked (RE for that test)
 *             {"i":n,"ms":t,"bad":"…"}          it returned something the type cannot hold (WA)
 *             {"ce":"…"}                        Python syntax error / function missing in Python, JS, TS
 *             {"init":"…","detail":"…"}          the solution's top-level code failed (Python)
 *             {"fatal":"…"}                     the harness could not read its input (IE)
 *             {"done":count}                    every test ran
 *   stderr  the learner's own prints (stdout is redirected there before any learner code runs
 *           where the language allows); with capture=1 the harness writes `\x1eavj:<nonce>:<i>\x1e`
 *           before test i so the host can cut them per test.
 * Lines without the prefix are ignored, so a learner writing to the real stdout anyway cannot
 * break the protocol, and cannot forge a line without the nonce, which is never in the source.
 */
import type { LanguageId } from "../languages";
import { cHarness } from "./harness-c";
import { cppHarness } from "./harness-cpp";
import { goHarness } from "./harness-go";
import { javaHarness } from "./harness-java";
import { jsHarness } from "./harness-js";
import { pythonHarness } from "./harness-python";
import type { FunctionSignature } from "./signature";

export const WIRE_VERSION = "avj1";
export const LINE_PREFIX = "@avj:";

export interface HarnessHeader {
  nonce: string;
  count: number;
  stackMb: number;
  capture: boolean;
}

/** What a language generator gets. */
export interface HarnessInput {
  signatures: readonly FunctionSignature[];
  learnerSource: string;
  /** Lines of the learner's source (the harness uses it to tell the learner's stack frames from its own). */
  learnerLines: number;
}

export function headerLine(header: HarnessHeader): string {
  return `${WIRE_VERSION} ${header.nonce} ${header.count} ${header.stackMb} ${header.capture ? 1 : 0}`;
}

/** The stderr marker written before test `index` when capture is on. */
export function captureMarker(nonce: string, index: number): string {
  return `\x1eavj:${nonce}:${index}\x1e`;
}

export function countLines(source: string): number {
  if (source.length === 0) return 0;
  return source.split("\n").length - (source.endsWith("\n") ? 1 : 0);
}

/**
 * The full program for `language`: learner code and harness in the language's one source file.
 * Line numbers of the learner's code are kept in compiler messages and stack traces in every
 * language (C/C++ `#line`, Go `//line`, Java/JS/TS learner code first, Python compiled from an
 * embedded copy named solution.py).
 */
export function buildProgram(signature: FunctionSignature | readonly FunctionSignature[], language: LanguageId, learnerSource: string): string {
  const signatures = Array.isArray(signature) ? (signature as readonly FunctionSignature[]) : [signature as FunctionSignature];
  if (signatures.length === 0) throw new Error("buildProgram needs at least one signature");
  const names = new Set(signatures.map((s) => s.name));
  if (names.size !== signatures.length) throw new Error("buildProgram: function names must differ");
  const source = learnerSource.replace(/\r\n?/g, "\n");
  const input: HarnessInput = { signatures, learnerSource: source, learnerLines: countLines(source) };
  switch (language) {
    case "python":
      return pythonHarness(input);
    case "c":
      return cHarness(input);
    case "cpp":
      return cppHarness(input);
    case "java":
      return javaHarness(input);
    case "go":
      return goHarness(input);
    case "javascript":
      return jsHarness(input, "javascript");
    case "typescript":
      return jsHarness(input, "typescript");
  }
}
