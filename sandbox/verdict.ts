/**
 * Verdicts, with stable codes, and the one precedence order that turns what a run did into one.
 *
 * Per test (the first rule that holds wins):
 *   IE   the sandbox failed us: it died without an OOM kill, or the program could not be started
 *   MLE  the kernel's OOM killer fired in the sandbox's cgroup (it ended everything else)
 *   OLE  stdout or stderr passed the output limit (the program was killed for it)
 *   TLE  CPU time (host-measured) passed the limit, or the wall clock did (sleeping, stopped)
 *   MLE  peak memory passed the limit, or a failed run's stderr shows its runtime's heap cap
 *   RE   killed by a signal, or a non-zero exit code
 *   WA / AC  what the checker says about stdout
 *
 * Overall: CE when compilation failed (no test runs); else IE when any test is IE (the result says
 * nothing about the program); else the verdict of the first test, in test order, that is not AC;
 * else AC. By default judging stops at that first failing test (ICPC / Codeforces style), so the
 * overall verdict is the last result's; with `stopOnFirstFailure: false` the rule is the same.
 */
import type { Language, Limits } from "./languages";
import type { StepResult } from "./runsc";

export const VERDICTS = ["AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_NAMES: Record<Verdict, string> = {
  AC: "Accepted",
  WA: "Wrong Answer",
  TLE: "Time Limit Exceeded",
  MLE: "Memory Limit Exceeded",
  RE: "Runtime Error",
  OLE: "Output Limit Exceeded",
  CE: "Compilation Error",
  IE: "Internal Error",
};

export interface TestResult {
  index: number;
  verdict: Verdict;
  /** CPU time, ms (host cgroup). */
  timeMs: number;
  wallMs: number;
  memoryKb: number;
  exitCode: number | null;
  signal: string | null;
  message?: string;
  /** Only when the request asked for it (sample tests). */
  stdout?: string;
  stderr?: string;
}

/** A run's verdict before the checker; null when it exited cleanly and the checker decides. */
export function classifyRun(
  step: StepResult,
  limits: Limits,
  language: Pick<Language, "memoryErrorPattern">,
): { verdict: Exclude<Verdict, "AC" | "WA" | "CE">; message: string } | null {
  if (step.execError) return { verdict: "IE", message: `could not start the program: ${step.execError}` };
  if (step.oomKilled) return { verdict: "MLE", message: `killed by the OOM killer (limit ${limits.memoryMb} MB)` };
  if (step.sandboxDied) return { verdict: "IE", message: "the sandbox stopped unexpectedly" };
  if (step.outputLimit) return { verdict: "OLE", message: `${step.outputLimit} passed ${limits.outputKb} KB` };
  if (step.cpuExceeded || step.cpuMs > limits.timeMs || step.signal === "SIGXCPU") {
    return { verdict: "TLE", message: `CPU time over ${limits.timeMs} ms` };
  }
  if (step.timedOut) return { verdict: "TLE", message: "wall-clock limit reached" };
  const failed = step.signal !== null || step.exitCode !== 0;
  const heapError = failed && language.memoryErrorPattern?.test(step.stderr.toString("utf8"));
  if (step.memoryKb > limits.memoryMb * 1024 || heapError) {
    return { verdict: "MLE", message: `memory over ${limits.memoryMb} MB` };
  }
  if (step.signal === "SIGXFSZ") return { verdict: "RE", message: "file size limit exceeded (SIGXFSZ)" };
  if (step.signal !== null) return { verdict: "RE", message: `killed by ${step.signal}` };
  if (step.exitCode !== 0) return { verdict: "RE", message: `exit code ${step.exitCode}` };
  return null;
}

export function overallVerdict(compileFailed: boolean, tests: readonly TestResult[]): Verdict {
  if (compileFailed) return "CE";
  if (tests.some((t) => t.verdict === "IE")) return "IE";
  return tests.find((t) => t.verdict !== "AC")?.verdict ?? "AC";
}
