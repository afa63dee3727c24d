import type { StepResult } from "./runsc";
import { classifyRun, overallVerdict, type TestResult, type Verdict } from "./verdict";

const limits = { timeMs: 1000, memoryMb: 64, outputKb: 64 };
const clean: StepResult = {
  exitCode: 0,
  signal: null,
  cpuMs: 10,
  wallMs: 12,
  memoryKb: 1024,
  rssKb: 2048,
  timedOut: false,
  cpuExceeded: false,
  outputLimit: null,
  oomKilled: false,
  sandboxDied: false,
  execError: null,
  stdout: Buffer.alloc(0),
  stderr: Buffer.alloc(0),
};
const verdictOf = (step: Partial<StepResult>, memoryErrorPattern?: RegExp) =>
  classifyRun({ ...clean, ...step }, limits, memoryErrorPattern ? { memoryErrorPattern } : {})?.verdict ?? null;

test("a clean exit leaves the verdict to the checker", () => {
  expect(verdictOf({})).toBeNull();
});

test("per-test precedence: IE, OOM, OLE, TLE, MLE, RE", () => {
  expect(verdictOf({ execError: "ENOENT", oomKilled: true })).toBe("IE");
  expect(verdictOf({ oomKilled: true, sandboxDied: true, outputLimit: "stdout" })).toBe("MLE");
  expect(verdictOf({ sandboxDied: true })).toBe("IE");
  expect(verdictOf({ outputLimit: "stderr", cpuExceeded: true, signal: "SIGKILL" })).toBe("OLE");
  expect(verdictOf({ cpuExceeded: true, memoryKb: 1 << 20, signal: "SIGKILL" })).toBe("TLE");
  expect(verdictOf({ cpuMs: 1001 })).toBe("TLE");
  expect(verdictOf({ timedOut: true, signal: "SIGKILL" })).toBe("TLE");
  expect(verdictOf({ signal: "SIGXCPU" })).toBe("TLE");
  expect(verdictOf({ memoryKb: 64 * 1024 + 1 })).toBe("MLE");
  expect(verdictOf({ exitCode: 1, stderr: Buffer.from("java.lang.OutOfMemoryError") }, /OutOfMemoryError/)).toBe("MLE");
  expect(verdictOf({ exitCode: 0, stderr: Buffer.from("java.lang.OutOfMemoryError") }, /OutOfMemoryError/)).toBeNull();
  expect(verdictOf({ exitCode: null, signal: "SIGSEGV" })).toBe("RE");
  expect(verdictOf({ exitCode: null, signal: "SIGXFSZ" })).toBe("RE");
  expect(verdictOf({ exitCode: 3 })).toBe("RE");
});

test("overall: CE, then IE, then the first failing test in order", () => {
  const tests = (...verdicts: Verdict[]): TestResult[] =>
    verdicts.map((verdict, index) => ({ index, verdict, timeMs: 0, wallMs: 0, memoryKb: 0, exitCode: 0, signal: null }));
  expect(overallVerdict(true, [])).toBe("CE");
  expect(overallVerdict(false, tests("AC", "TLE", "IE"))).toBe("IE");
  expect(overallVerdict(false, tests("AC", "WA", "TLE"))).toBe("WA");
  expect(overallVerdict(false, tests("AC", "AC"))).toBe("AC");
  expect(overallVerdict(false, [])).toBe("AC");
});
