/**
 * Shared by the function-problem suites: one judge per suite file (the real runsc, no start-up
 * self-test: judge.test.ts covers it), every language's work done up front two at a time, and
 * the tests then assert on the stored results.
 */
import { startJudge, type Judge } from "../judge";
import { LANGUAGE_IDS, type LanguageId } from "../languages";
import { assertRunscInstalled, mapConcurrent } from "../test/support";
import type { FunctionSignature } from "./signature";
import { toJsonText } from "./values";

export const LANGUAGES_UNDER_TEST: readonly LanguageId[] = LANGUAGE_IDS;
export const CONCURRENCY = 2;

export async function startTestJudge(): Promise<Judge> {
  assertRunscInstalled();
  return startJudge({ poolSize: CONCURRENCY, selfTest: false });
}

export { mapConcurrent };

/** A test from plain values (bigint for exact longs). */
export function t(args: unknown[], expected: unknown): { input: string; output: string } {
  return { input: toJsonText(args), output: toJsonText(expected) };
}

export function sig(name: string, params: Array<[string, FunctionSignature["returns"]]>, returns: FunctionSignature["returns"]): FunctionSignature {
  return { name, params: params.map(([n, type]) => ({ name: n, type })), returns };
}

/** Wall time of one async call. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}
