/**
 * Judging a function problem: the learner's code and the language's harness are compiled once
 * and run as ONE process over every test (start-up paid once), through the judging core's
 * `run()` (same sandbox, limits, compile step and verdict classification as stdio problems).
 * The harness's lines become per-test verdicts:
 *
 *   returned a value   AC / WA (integers exact, doubles within the tolerance, strings exact), or
 *                      TLE when that call alone took longer than the per-test time limit
 *   threw / panicked   RE for that test; the following tests still run (not after a C/C++ signal)
 *   returned nonsense  WA (None for an int, a NULL array, *returnSize not set, …)
 *   never reported     the process ended while this test ran: the process's verdict (TLE, MLE,
 *                      OLE, RE by the core's precedence), the tests after it did not run
 *
 * Overall: CE when compilation failed (or Python's syntax check / the function is missing), IE
 * when the sandbox or harness failed us, else the first failing test's verdict in test order, else
 * AC — the core's rule (verdict.ts). Limits: `timeMs` is per test (a call's own time, measured by
 * the harness); the process as a whole gets `timeMs × tests + 1 s` of CPU (start-up), capped at
 * the language maximum, or `totalTimeMs`. Memory and output limits apply to the whole process.
 */
import crypto from "node:crypto";
import type { CheckerSpec } from "../checkers";
import type { CompileReport, Judge, JudgeResult } from "../judge";
import { LANGUAGES, resolveLimits, stackMbFor, LimitsRejected, type LanguageId, type Limits } from "../languages";
import { overallVerdict, type TestResult, type Verdict } from "../verdict";
import { buildProgram, captureMarker, countLines, headerLine, LINE_PREFIX } from "./harness";
import { parseSignature, type FunctionSignature } from "./signature";
import { compareValues, DEFAULT_TOLERANCE, encodeValue, parseJson, toValue, ValueMismatch, type Json, type Tolerance, type Value } from "./values";

/** `input`: JSON text of the arguments array; `output`: JSON text of the expected value. */
export interface FunctionTestCase {
  input: string;
  output: string;
}

export interface FunctionJudgeRequest {
  signature: FunctionSignature;
  language: LanguageId;
  source: string;
  tests: FunctionTestCase[];
  /** Per test: `timeMs` for one call; memory and output for the whole process. */
  limits?: Partial<Limits>;
  compileLimits?: Partial<Limits>;
  /** CPU for the whole process (default timeMs × tests + 1000, capped at the language maximum). */
  totalTimeMs?: number;
  /** `{kind: "float", abs, rel}` sets the tolerance for doubles (default 1e-6 both); other kinds keep it. */
  checker?: CheckerSpec;
  /** Default true (as the core): the list of results ends at the first test that is not AC. */
  stopOnFirstFailure?: boolean;
  /** Attach each test's returned value (`output`), the learner's prints (`stdout`) and exception text (`detail`): sample tests only. */
  returnOutput?: boolean;
}

/** Several functions in one program, each test naming its function: how the suites compile a language once. */
export interface FunctionSetJudgeRequest extends Omit<FunctionJudgeRequest, "signature" | "tests"> {
  signatures: FunctionSignature[];
  tests: Array<FunctionTestCase & { entry: number }>;
}

export interface FunctionTestResult extends TestResult {
  /** JSON of what the function returned (returnOutput only). */
  output?: string;
  /** The exception's own text (returnOutput only: it can carry anything the solution put in it). */
  detail?: string;
}

export interface FunctionJudgeResult extends Omit<JudgeResult, "tests"> {
  tests: FunctionTestResult[];
  /** The one process that ran every test (null when it did not run). */
  process: { verdict: Verdict; timeMs: number; wallMs: number; memoryKb: number; exitCode: number | null; signal: string | null; message?: string } | null;
}

export class FunctionTestInvalid extends Error {
  constructor(
    readonly index: number,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`tests[${index}].${path}: ${problem}`);
    this.name = "FunctionTestInvalid";
  }
}

/** CPU the process gets on top of its tests' time (runtime start-up: JVM, Node, the Python prelude). */
export const STARTUP_ALLOWANCE_MS = 1000;

interface PreparedTest {
  entry: number;
  line: string;
  expected: Value;
  expectedBytes: number;
}

function prepareTests(signatures: readonly FunctionSignature[], tests: ReadonlyArray<FunctionTestCase & { entry: number }>, longAsString: boolean): PreparedTest[] {
  return tests.map((test, index) => {
    const signature = signatures[test.entry];
    if (!signature) throw new FunctionTestInvalid(index, "entry", `no function #${test.entry}`);
    const parse = (text: string, path: string): Json => {
      if (typeof text !== "string") throw new FunctionTestInvalid(index, path, "must be a string of JSON");
      try {
        return parseJson(text);
      } catch (err) {
        throw new FunctionTestInvalid(index, path, `not JSON: ${(err as Error).message}`);
      }
    };
    const input = parse(test.input, "input");
    if (input.kind !== "array") throw new FunctionTestInvalid(index, "input", "must be a JSON array of the arguments");
    if (input.items.length !== signature.params.length) {
      throw new FunctionTestInvalid(index, "input", `${signature.name} takes ${signature.params.length} arguments, the test has ${input.items.length}`);
    }
    const args = signature.params.map((param, k) => {
      try {
        return encodeValue(toValue(input.items[k] as Json, param.type), param.type, { longAsString });
      } catch (err) {
        if (err instanceof ValueMismatch) throw new FunctionTestInvalid(index, `input[${k}]${err.path}`, `${param.name}: ${err.problem}`);
        throw err;
      }
    });
    let expected: Value;
    try {
      expected = toValue(parse(test.output, "output"), signature.returns);
    } catch (err) {
      if (err instanceof ValueMismatch) throw new FunctionTestInvalid(index, `output${err.path}`, err.problem);
      throw err;
    }
    return { entry: test.entry, line: `${test.entry} [${args.join(",")}]`, expected, expectedBytes: Buffer.byteLength(test.output) };
  });
}

type Report =
  | { kind: "out"; ms: number; value: Json }
  | { kind: "error"; ms: number; name: string; where: string; detail: string }
  | { kind: "bad"; ms: number; message: string };

interface HarnessReport {
  tests: Map<number, Report>;
  ce?: string;
  init?: { name: string; where: string; detail: string };
  fatal?: string;
  done: boolean;
}

function field(entries: Map<string, Json>, key: string): Json | undefined {
  return entries.get(key);
}
function text(json: Json | undefined): string {
  return json?.kind === "string" ? json.value : "";
}
function number(json: Json | undefined): number {
  return json?.kind === "number" ? Number(json.raw) : 0;
}

/** Reads the harness's lines out of stdout; anything without `@avj:<nonce> ` is the learner's and ignored. */
export function parseHarnessOutput(stdout: string, nonce: string, count: number): HarnessReport {
  const prefix = `${LINE_PREFIX}${nonce} `;
  const report: HarnessReport = { tests: new Map(), done: false };
  for (const line of stdout.split("\n")) {
    const at = line.indexOf(prefix);
    if (at < 0) continue;
    let json: Json;
    try {
      json = parseJson(line.slice(at + prefix.length), { allowNonFinite: true });
    } catch {
      continue;
    }
    if (json.kind !== "object") continue;
    const e = json.entries;
    const index = field(e, "i");
    if (index?.kind === "number") {
      const i = Number(index.raw);
      // in order and once each: the harness writes them that way
      if (!Number.isInteger(i) || i !== report.tests.size || i >= count) continue;
      const ms = number(field(e, "ms"));
      const out = field(e, "out");
      if (out) report.tests.set(i, { kind: "out", ms, value: out });
      else if (field(e, "error")) report.tests.set(i, { kind: "error", ms, name: text(field(e, "error")), where: text(field(e, "where")), detail: text(field(e, "detail")) });
      else if (field(e, "bad")) report.tests.set(i, { kind: "bad", ms, message: text(field(e, "bad")) });
      continue;
    }
    if (field(e, "done")) report.done = true;
    else if (field(e, "ce") && report.ce === undefined) report.ce = text(field(e, "ce"));
    else if (field(e, "init") && !report.init) report.init = { name: text(field(e, "init")), where: text(field(e, "where")), detail: text(field(e, "detail")) };
    else if (field(e, "fatal") && report.fatal === undefined) report.fatal = text(field(e, "fatal"));
  }
  return report;
}

/** The learner's prints per test, cut at the harness's stderr markers (what came before test 0 goes with it). */
export function splitCapturedOutput(stderr: string, nonce: string): Map<number, string> {
  const parts = new Map<number, string>();
  const marker = new RegExp(`\\x1eavj:${nonce}:(\\d+)\\x1e`, "g");
  let last = 0;
  let current = 0;
  let preamble = "";
  let first = true;
  for (let m = marker.exec(stderr); m; m = marker.exec(stderr)) {
    const chunk = stderr.slice(last, m.index);
    if (first) preamble = chunk;
    else parts.set(current, (parts.get(current) ?? "") + chunk);
    first = false;
    current = Number(m[1]);
    last = m.index + m[0].length;
  }
  const tail = stderr.slice(last);
  if (first) preamble = tail;
  else parts.set(current, (parts.get(current) ?? "") + tail);
  if (preamble) parts.set(0, preamble + (parts.get(0) ?? ""));
  return parts;
}

/** Compiler output with the learner's file named solution.<ext> and harness lines named as such. */
export function relabelCompileOutput(language: LanguageId, output: string, learnerLines: number): string {
  const label = (file: string, ext: string, line: number) => (line <= learnerLines ? `solution.${ext}:${line}` : `harness.${ext}:${line - learnerLines}`);
  switch (language) {
    case "java":
      return output.replace(/\bMain\.java:(\d+)/g, (_m, n: string) => label("Main.java", "java", Number(n)));
    case "javascript":
      return output.replace(/(?:\/work\/box\/)?\bmain\.js:(\d+)/g, (_m, n: string) => label("main.js", "js", Number(n)));
    case "typescript":
      return output.replace(/\bmain\.ts\((\d+),(\d+)\)/g, (_m, n: string, c: string) => {
        const line = Number(n);
        return line <= learnerLines ? `solution.ts(${line},${c})` : `harness.ts(${line - learnerLines},${c})`;
      });
    default:
      return output;
  }
}

const PYTHON_EXCEPTIONS = new Set(
  (
    "ArithmeticError AssertionError AttributeError BufferError EOFError Exception FloatingPointError ImportError IndexError KeyError " +
    "LookupError ModuleNotFoundError NameError NotImplementedError OSError OverflowError RecursionError ReferenceError RuntimeError " +
    "StopIteration StopAsyncIteration SystemError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError " +
    "ValueError ZeroDivisionError FileNotFoundError PermissionError TimeoutError SyntaxError IndentationError"
  ).split(" "),
);
const JS_EXCEPTIONS = new Set(["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"]);

/**
 * The exception's name as shown in `message`, which secret tests show too: only names from the
 * language's own library pass, because a solution can build a class name (Python, JS) out of
 * the hidden input. Everything the solution controls goes to `detail` (sample tests only).
 */
export function safeErrorName(language: LanguageId, name: string): string {
  switch (language) {
    case "python":
      return PYTHON_EXCEPTIONS.has(name) ? name : "an exception of the solution's own type";
    case "javascript":
    case "typescript":
      return JS_EXCEPTIONS.has(name) || /^uncaught (string|number|bigint|boolean|symbol|undefined|object|null|function)$/.test(name) ? name : "an exception of the solution's own type";
    case "java":
      return /^java\.[a-z.]+\.[A-Z][A-Za-z]*$/.test(name) ? name : "an exception of the solution's own type";
    case "cpp":
      return /^std::[a-z_]+$/.test(name) || name === "unknown exception" ? name : "an exception of the solution's own type";
    case "go":
      return /^panic(: \*?runtime\.[A-Za-z]+)?$/.test(name) ? name : "panic";
    case "c":
      return "error";
  }
}

function errorMessage(language: LanguageId, name: string, where: string): string {
  const line = /^line (\d+)\b/.exec(where)?.[1];
  return `${safeErrorName(language, name)}${line ? ` at line ${line}` : ""}`;
}

function errorDetail(detail: string, where: string): string {
  return where ? `${detail} (${where})` : detail;
}

function tolerance(checker: CheckerSpec | undefined): Tolerance {
  if (checker?.kind !== "float") return DEFAULT_TOLERANCE;
  return { abs: checker.abs ?? DEFAULT_TOLERANCE.abs, rel: checker.rel ?? DEFAULT_TOLERANCE.rel };
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

/** Judges a function problem (one signature). */
export function judgeFunction(judge: Judge, request: FunctionJudgeRequest, onTest?: (result: FunctionTestResult) => void): Promise<FunctionJudgeResult> {
  const { signature, tests, ...rest } = request;
  return judgeFunctionSet(judge, { ...rest, signatures: [signature], tests: tests.map((t) => ({ ...t, entry: 0 })) }, onTest);
}

/** Judges a program holding several functions; each test names its function by index. */
export async function judgeFunctionSet(judge: Judge, request: FunctionSetJudgeRequest, onTest?: (result: FunctionTestResult) => void): Promise<FunctionJudgeResult> {
  const signatures = request.signatures.map((s) => parseSignature(s));
  const language = LANGUAGES[request.language];
  const perTest = resolveLimits(language, request.limits);
  const prepared = prepareTests(signatures, request.tests, request.language === "javascript" || request.language === "typescript");
  const count = prepared.length;
  const maximum = language.limits.maximum;
  if (request.totalTimeMs !== undefined && (!Number.isInteger(request.totalTimeMs) || request.totalTimeMs <= 0 || request.totalTimeMs > maximum.timeMs)) {
    throw new LimitsRejected([`totalTimeMs must be a positive integer up to ${maximum.timeMs}`]);
  }
  const expectedBytes = prepared.reduce((sum, t) => sum + 2 * t.expectedBytes + 128, 0);
  const processLimits: Limits = {
    timeMs: request.totalTimeMs ?? Math.min(maximum.timeMs, perTest.timeMs * Math.max(1, count) + STARTUP_ALLOWANCE_MS),
    memoryMb: perTest.memoryMb,
    outputKb: Math.min(maximum.outputKb, Math.max(perTest.outputKb, Math.ceil(expectedBytes / 1024))),
  };
  const nonce = crypto.randomBytes(12).toString("hex");
  const capture = request.returnOutput ?? false;
  const stdin = `${headerLine({ nonce, count, stackMb: stackMbFor(perTest), capture })}\n${prepared.map((t) => `${t.line}\n`).join("")}`;
  const source = request.source.replace(/\r\n?/g, "\n");
  const program = buildProgram(signatures, request.language, source);
  const learnerLines = countLines(source);

  const run = await judge.run({
    language: request.language,
    source: program,
    stdin,
    limits: processLimits,
    ...(request.compileLimits ? { compileLimits: request.compileLimits } : {}),
    stdoutBytes: processLimits.outputKb * 1024,
  });

  const compile: CompileReport | null = run.compile ? { ...run.compile, output: relabelCompileOutput(request.language, run.compile.output, learnerLines) } : null;
  const processInfo: FunctionJudgeResult["process"] = {
    verdict: run.verdict,
    timeMs: run.timeMs,
    wallMs: run.wallMs,
    memoryKb: run.memoryKb,
    exitCode: run.exitCode,
    signal: run.signal,
    ...(run.message ? { message: run.message } : {}),
  };
  const empty = (verdict: Verdict, message?: string, report: CompileReport | null = compile): FunctionJudgeResult => ({
    verdict,
    tests: [],
    compile: report,
    timeMs: 0,
    memoryKb: 0,
    process: compile?.ok ? processInfo : null,
    ...(message ? { message } : {}),
  });
  if (!compile || !compile.ok) return empty(run.verdict, run.message);

  const report = parseHarnessOutput(run.stdout, nonce, count);
  if (report.fatal !== undefined) return empty("IE", `the harness could not read its input: ${report.fatal}`);
  if (report.ce !== undefined) {
    return empty("CE", "compilation failed", { ...compile, ok: false, output: report.ce, message: "compilation failed" });
  }

  const limits = perTest;
  const tol = tolerance(request.checker);
  const prints = capture ? splitCapturedOutput(run.stderr, nonce) : new Map<number, string>();
  const processFailure = run.verdict === "AC" ? null : { verdict: run.verdict, message: run.message ?? run.verdict };
  const results: FunctionTestResult[] = [];
  for (let i = 0; i < count; i++) {
    const test = prepared[i] as PreparedTest;
    const signature = signatures[test.entry] as FunctionSignature;
    const reported = report.tests.get(i);
    const base = { index: i, timeMs: 0, wallMs: 0, memoryKb: run.memoryKb, exitCode: null, signal: null };
    const extras = (r: FunctionTestResult): FunctionTestResult => {
      if (!capture) return r;
      const printed = prints.get(i);
      return printed !== undefined ? { ...r, stdout: printed } : r;
    };
    if (!reported) {
      // the process ended (or was ended) while this test ran; nothing after it ran
      let verdict: Verdict = processFailure?.verdict ?? "RE";
      let message = processFailure?.message ?? "the program ended before this test finished";
      if (report.init && i === 0 && !processFailure) {
        verdict = "RE";
        message = `the solution's top-level code raised ${errorMessage(request.language, report.init.name, report.init.where)}`;
      }
      const result: FunctionTestResult = { ...base, timeMs: run.timeMs, wallMs: run.wallMs, exitCode: run.exitCode, signal: run.signal, verdict, message };
      if (capture && report.init && i === 0) result.detail = errorDetail(report.init.detail, report.init.where);
      results.push(extras(result));
      break;
    }
    const timing = { timeMs: round3(reported.ms), wallMs: round3(reported.ms) };
    let result: FunctionTestResult;
    if (reported.kind === "error") {
      result = { ...base, ...timing, verdict: "RE", message: errorMessage(request.language, reported.name, reported.where) };
      if (capture) result.detail = errorDetail(reported.detail, reported.where);
    } else if (reported.kind === "bad") {
      result = { ...base, ...timing, verdict: "WA", message: reported.message };
    } else {
      let actual: Value | null = null;
      let mismatch = "";
      try {
        actual = toValue(reported.value, signature.returns, "", false);
      } catch (err) {
        if (!(err instanceof ValueMismatch)) throw err;
        mismatch = `the returned value is not a ${signature.returns}: ${err.message}`;
      }
      if (actual === null) result = { ...base, ...timing, verdict: "WA", message: mismatch };
      else {
        const comparison = compareValues(signature.returns, test.expected, actual, tol);
        result = comparison.ok ? { ...base, ...timing, verdict: "AC" } : { ...base, ...timing, verdict: "WA", message: comparison.message };
        if (capture) result.output = encodeValue(actual, signature.returns);
      }
      if (reported.ms > limits.timeMs) result = { ...result, verdict: "TLE", message: `the call took ${Math.round(reported.ms)} ms (limit ${limits.timeMs} ms)` };
    }
    results.push(extras(result));
  }
  // every test reported, yet the process failed afterwards (over its whole-process limits, a crash on exit)
  const last = results[results.length - 1];
  if (processFailure && results.length === count && report.tests.size === count && last && last.verdict === "AC") {
    results[results.length - 1] = { ...last, verdict: processFailure.verdict, message: processFailure.message, exitCode: run.exitCode, signal: run.signal };
  }
  if (processFailure?.verdict === "IE") return { ...empty("IE", processFailure.message), tests: results };

  const stopOnFirstFailure = request.stopOnFirstFailure ?? true;
  const firstFailure = results.findIndex((r) => r.verdict !== "AC");
  const shown = stopOnFirstFailure && firstFailure >= 0 ? results.slice(0, firstFailure + 1) : results;
  for (const r of shown) onTest?.(r);
  const verdict = overallVerdict(false, shown);
  const failed = shown.find((t) => t.verdict === verdict && verdict !== "AC");
  return {
    verdict,
    tests: shown,
    compile,
    timeMs: round3(Math.max(0, ...shown.map((t) => t.timeMs))),
    memoryKb: run.memoryKb,
    process: processInfo,
    ...(failed?.message ? { message: `test ${failed.index + 1}: ${failed.message}` } : {}),
  };
}
