/**
 * Output checkers: does a program's stdout answer the test?
 *
 * - exact:  byte-equal after CRLF -> LF and ignoring trailing whitespace at line ends and trailing
 *           empty lines (what every judge forgives).
 * - tokens: whitespace-insensitive token comparison (Kattis' default); optional case folding.
 * - float:  tokens, where two numeric tokens match when |a - b| <= abs or |a - b| <= rel * |expected|.
 * - program: the problem's own checker program, judged like a submission in a sandbox of its own
 *           (the Kattis output-validator convention): `checker <input file> <answer file>` with the
 *           program's output on stdin; exit 42 = accepted, 43 = wrong answer (the first line of its
 *           stdout is the message), anything else = the checker failed (IE). The judge runs it
 *           (judge.ts); `check()` handles the built-in kinds only.
 */
import { LANGUAGE_IDS, type LanguageId } from "./languages";

export type CheckerSpec =
  | { kind: "exact" }
  | { kind: "tokens"; caseSensitive?: boolean }
  | { kind: "float"; abs?: number; rel?: number }
  | CheckerProgram;

export interface CheckerProgram {
  kind: "program";
  language: LanguageId;
  source: string;
}

/** Exit codes of a checker program (Kattis output validators). */
export const CHECKER_ACCEPT = 42;
export const CHECKER_REJECT = 43;
/** A checker program's source, at most (as a submission's). */
export const CHECKER_MAX_SOURCE_BYTES = 64 * 1024;

export type BuiltInChecker = Exclude<CheckerSpec, CheckerProgram>;

export interface CheckResult {
  ok: boolean;
  /** Where the first difference is, for the submitter (never the hidden expected output). */
  message?: string;
}

export const DEFAULT_CHECKER: CheckerSpec = { kind: "tokens" };

export function check(spec: BuiltInChecker, expected: string, actual: string): CheckResult {
  switch (spec.kind) {
    case "exact":
      return checkExact(expected, actual);
    case "tokens":
      return checkTokens(expected, actual, (e, a) => (spec.caseSensitive === false ? e.toLowerCase() === a.toLowerCase() : e === a));
    case "float": {
      const abs = spec.abs ?? 1e-6;
      const rel = spec.rel ?? 1e-6;
      return checkTokens(expected, actual, (e, a) => floatTokenEqual(e, a, abs, rel));
    }
  }
}

function normalizedLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/[ \t]+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function checkExact(expected: string, actual: string): CheckResult {
  const want = normalizedLines(expected);
  const got = normalizedLines(actual);
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (want[i] !== got[i]) {
      if (got[i] === undefined) return { ok: false, message: `output ends after line ${got.length}` };
      if (want[i] === undefined) return { ok: false, message: `extra output from line ${i + 1}` };
      return { ok: false, message: `line ${i + 1} differs` };
    }
  }
  return { ok: true };
}

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => t.length > 0);
}

function checkTokens(expected: string, actual: string, equal: (expected: string, actual: string) => boolean): CheckResult {
  const want = tokens(expected);
  const got = tokens(actual);
  for (let i = 0; i < want.length; i++) {
    const a = got[i];
    if (a === undefined) return { ok: false, message: `output ends after ${got.length} tokens, ${want.length} expected` };
    if (!equal(want[i] as string, a)) return { ok: false, message: `token ${i + 1} differs` };
  }
  if (got.length > want.length) return { ok: false, message: `${got.length - want.length} extra tokens` };
  return { ok: true };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function floatTokenEqual(expected: string, actual: string, abs: number, rel: number): boolean {
  if (expected === actual) return true;
  if (!NUMBER.test(expected) || !NUMBER.test(actual)) return false;
  const e = Number(expected);
  const a = Number(actual);
  const diff = Math.abs(a - e);
  return diff <= abs || diff <= rel * Math.abs(e);
}

/** Validates a checker spec from the outside world. */
export function parseChecker(value: unknown): CheckerSpec {
  if (value === undefined) return DEFAULT_CHECKER;
  if (typeof value !== "object" || value === null) throw new Error("checker must be an object");
  const spec = value as { kind?: unknown; abs?: unknown; rel?: unknown; caseSensitive?: unknown };
  const tolerance = (x: unknown, name: string): number | undefined => {
    if (x === undefined) return undefined;
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw new Error(`checker.${name} must be a non-negative number`);
    return x;
  };
  switch (spec.kind) {
    case "exact":
      return { kind: "exact" };
    case "tokens":
      if (spec.caseSensitive !== undefined && typeof spec.caseSensitive !== "boolean") throw new Error("checker.caseSensitive must be a boolean");
      return spec.caseSensitive === undefined ? { kind: "tokens" } : { kind: "tokens", caseSensitive: spec.caseSensitive };
    case "float": {
      const abs = tolerance(spec.abs, "abs");
      const rel = tolerance(spec.rel, "rel");
      return { kind: "float", ...(abs === undefined ? {} : { abs }), ...(rel === undefined ? {} : { rel }) };
    }
    case "program":
      return checkerProgram(value);
    default:
      throw new Error("checker.kind must be exact, tokens, float or program");
  }
}

function checkerProgram(value: unknown): CheckerProgram {
  const { language, source } = (typeof value === "object" && value !== null ? value : {}) as { language?: unknown; source?: unknown };
  if (typeof language !== "string" || !(LANGUAGE_IDS as readonly string[]).includes(language)) {
    throw new Error(`the checker program's language must be one of ${LANGUAGE_IDS.join(", ")}`);
  }
  if (typeof source !== "string" || source.trim() === "") throw new Error("the checker program's source must be a non-empty string");
  if (Buffer.byteLength(source, "utf8") > CHECKER_MAX_SOURCE_BYTES) throw new Error(`the checker program's source is over ${CHECKER_MAX_SOURCE_BYTES} bytes`);
  return { kind: "program", language: language as LanguageId, source };
}

/**
 * The checker as the public contract and problem.yaml spell it — "exact", "tokens" (the default),
 * {float: tolerance} (a tolerance applied absolutely or relatively) or {custom: {language, source}}
 * (a checker program) — as a CheckerSpec.
 */
export function fromContractChecker(value: unknown): CheckerSpec {
  if (value === undefined || value === "tokens") return { kind: "tokens" };
  if (value === "exact") return { kind: "exact" };
  if (typeof value === "object" && value !== null && "float" in value) {
    const tolerance = (value as { float: unknown }).float;
    if (typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance > 0) return { kind: "float", abs: tolerance, rel: tolerance };
  }
  if (typeof value === "object" && value !== null && "custom" in value) return checkerProgram((value as { custom: unknown }).custom);
  throw new Error(`checker must be exact, tokens, {float: <tolerance>} or {custom: {language, source}}, not ${JSON.stringify(value)}`);
}
