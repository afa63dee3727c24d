/**
 * Edge cases through the real sandbox, each in the language where it matters (cheap ones first):
 * a slow call is TLE by its own time while the process is within budget; a solution that exits,
 * one whose top-level code fails, one that lacks the function, one that runs out of memory; a
 * result larger than 64 KiB; C's *returnSize not set and Java's null; exception text only for
 * sample tests; learner threads/timers that would keep the process alive.
 */
import type { Judge } from "../judge";
import { judgeFunction, type FunctionJudgeRequest, type FunctionJudgeResult } from "./judgeFunction";
import { CONCURRENCY, mapConcurrent, sig, startTestJudge, t } from "./test-support";

const CHECK = sig("check", [["n", "int"]], "int");
const CHECK_TESTS = [1, 2, 3].map((n) => t([n], 2 * n));
const RANGE = sig("countTo", [["n", "int"]], "int[]");
const NAMES = sig("names", [["n", "int"]], "string[]");
const SUM = sig("sumAll", [["nums", "int[]"]], "long");
/** 20 tests of 100 000 ints: 15 MB of input, read a line at a time (Python peaks near 20 MB; holding it all at once took about 50 MB). */
const BIG_INPUT = Array.from({ length: 20 }, (_, k) => {
  const nums = Array.from({ length: 100_000 }, (_, i) => ((i * 7919 + k) % 2_000_001) - 1_000_000);
  return t([nums], BigInt(nums.reduce((a, b) => a + b, 0)));
});

const CASES: Record<string, FunctionJudgeRequest> = {
  bigInputPython: {
    signature: SUM,
    language: "python",
    source: "class Solution:\n    def sumAll(self, nums: List[int]) -> int:\n        return sum(nums)\n",
    tests: BIG_INPUT,
    limits: { memoryMb: 40 },
  },
  bigInputC: {
    signature: SUM,
    language: "c",
    source: "long long sumAll(const int* nums, int numsSize) {\n    long long s = 0;\n    for (int i = 0; i < numsSize; i++) s += nums[i];\n    return s;\n}\n",
    tests: BIG_INPUT,
    limits: { memoryMb: 16 },
  },
  slowCall: {
    signature: CHECK,
    language: "python",
    source: "import time\n\nclass Solution:\n    def check(self, n: int) -> int:\n        if n == 2:\n            time.sleep(0.6)\n        return 2 * n\n",
    tests: CHECK_TESTS,
    limits: { timeMs: 300 },
    stopOnFirstFailure: false,
  },
  exits: {
    signature: CHECK,
    language: "python",
    source: "import sys\n\nclass Solution:\n    def check(self, n: int) -> int:\n        if n == 2:\n            sys.exit(0)\n        return 2 * n\n",
    tests: CHECK_TESTS,
    stopOnFirstFailure: false,
  },
  topLevelFails: {
    signature: CHECK,
    language: "python",
    source: "x = 1 // 0\n\nclass Solution:\n    def check(self, n: int) -> int:\n        return 2 * n\n",
    tests: CHECK_TESTS,
    returnOutput: true,
  },
  topLevelFunction: {
    signature: CHECK,
    language: "python",
    source: "def check(n):\n    return 2 * n\n",
    tests: CHECK_TESTS,
  },
  missingPython: { signature: CHECK, language: "python", source: "class Solution:\n    def other(self, n):\n        return n\n", tests: CHECK_TESTS },
  missingJs: { signature: CHECK, language: "javascript", source: "function other(n) { return n; }\n", tests: CHECK_TESTS },
  outOfMemory: {
    signature: CHECK,
    language: "python",
    source: "class Solution:\n    def check(self, n: int) -> int:\n        if n == 2:\n            hog = b'x' * (400 << 20)\n        return 2 * n\n",
    tests: CHECK_TESTS,
    limits: { memoryMb: 64 },
  },
  bigResult: {
    signature: RANGE,
    language: "javascript",
    source: "function countTo(n) {\n    return Array.from({ length: n }, (_, i) => i);\n}\n",
    tests: [30000, 30001].map((n) => t([n], Array.from({ length: n }, (_, i) => i))),
  },
  returnSizeNotSet: {
    signature: RANGE,
    language: "c",
    source: "int* countTo(int n, int* returnSize) {\n    static int r[1];\n    return r;\n}\n",
    tests: [t([1], [0])],
  },
  javaNull: {
    signature: NAMES,
    language: "java",
    source: "class Solution {\n    public String[] names(int n) {\n        return n == 1 ? null : new String[] {null};\n    }\n}\n",
    tests: [t([1], []), t([2], ["x"])],
    stopOnFirstFailure: false,
  },
  secretDetail: {
    signature: CHECK,
    language: "javascript",
    source: "function check(n) {\n    throw new Error('the input was ' + n);\n}\n",
    tests: CHECK_TESTS,
  },
  nameFromInput: {
    signature: CHECK,
    language: "python",
    source: "class Solution:\n    def check(self, n: int) -> int:\n        raise type('Secret' + str(n * 1111), (Exception,), {})('x')\n",
    tests: CHECK_TESTS,
  },
  lingeringTimer: {
    signature: CHECK,
    language: "javascript",
    source: "function check(n) {\n    setInterval(() => {}, 1000);\n    return 2 * n;\n}\n",
    tests: CHECK_TESTS,
  },
  lingeringThread: {
    signature: CHECK,
    language: "java",
    source: "class Solution {\n    public int check(int n) {\n        new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }).start();\n        return 2 * n;\n    }\n}\n",
    tests: CHECK_TESTS,
  },
};

let judge: Judge | undefined;
const results = new Map<string, FunctionJudgeResult | Error>();

beforeAll(async () => {
  judge = await startTestJudge();
  const running = judge;
  await mapConcurrent(Object.entries(CASES), CONCURRENCY, async ([name, request]) => {
    try {
      results.set(name, await judgeFunction(running, request));
    } catch (err) {
      results.set(name, err as Error);
    }
  });
}, 170_000);

afterAll(async () => {
  await judge?.close();
}, 60_000);

function result(name: keyof typeof CASES): FunctionJudgeResult {
  const r = results.get(name);
  if (!r) throw new Error("not judged");
  if (r instanceof Error) throw r;
  return r;
}
const verdicts = (r: FunctionJudgeResult) => r.tests.map((x) => x.verdict);

test("a large suite is read one test at a time: 15 MB of input within 40 MB (Python) and 16 MB (C)", () => {
  for (const name of ["bigInputPython", "bigInputC"]) {
    const r = result(name);
    expect([name, r.verdict, r.tests.length]).toEqual([name, "AC", 20]);
  }
});

test("a call slower than the per-test limit is TLE by its own time; the process and the other tests are fine", () => {
  const r = result("slowCall");
  expect(verdicts(r)).toEqual(["AC", "TLE", "AC"]);
  expect(r.tests[1]?.message).toMatch(/^the call took \d+ ms \(limit 300 ms\)$/);
  expect(r.process?.verdict).toBe("AC");
});

test("a solution that exits the process: RE on that test, the rest did not run", () => {
  const r = result("exits");
  expect(verdicts(r)).toEqual(["AC", "RE"]);
  expect(r.tests[1]?.message).toBe("the program ended before this test finished");
});

test("top-level code that fails: RE on the first test, named", () => {
  const r = result("topLevelFails");
  expect(verdicts(r)).toEqual(["RE"]);
  expect(r.tests[0]?.message).toBe("the solution's top-level code raised ZeroDivisionError at line 1");
  expect(r.tests[0]?.detail).toBe("ZeroDivisionError: integer division or modulo by zero (line 1 in <module>)");
});

test("Python also takes a top-level function", () => {
  expect(result("topLevelFunction").verdict).toBe("AC");
});

test("a missing function is CE (Python, JavaScript)", () => {
  for (const name of ["missingPython", "missingJs"]) {
    const r = result(name);
    expect(r.verdict).toBe("CE");
    expect(r.compile?.output).toMatch(/^no function check/);
  }
});

test("running out of memory is MLE on the test that did", () => {
  const r = result("outOfMemory");
  expect(verdicts(r)).toEqual(["AC", "MLE"]);
  expect(r.verdict).toBe("MLE");
});

test("results larger than 64 KiB arrive whole", () => {
  const r = result("bigResult");
  expect(verdicts(r)).toEqual(["AC", "AC"]);
});

test("C: *returnSize not set is WA with the reason", () => {
  const r = result("returnSizeNotSet");
  expect(verdicts(r)).toEqual(["WA"]);
  expect(r.tests[0]?.message).toBe("*returnSize was not set (or is negative)");
});

test("Java: a null array, or a null inside one, is WA with the reason", () => {
  const r = result("javaNull");
  expect(r.tests.map((x) => [x.verdict, x.message])).toEqual([
    ["WA", "returned null"],
    ["WA", "returned a null string"],
  ]);
});

test("an exception's own text is only attached for sample tests (returnOutput)", () => {
  const r = result("secretDetail");
  expect(verdicts(r)).toEqual(["RE"]);
  expect(r.tests[0]?.message).toBe("Error at line 2");
  expect(r.tests[0]?.detail).toBeUndefined();
  expect(JSON.stringify(r)).not.toContain("the input was");
});

test("an exception class named after the hidden input does not reach the message", () => {
  const r = result("nameFromInput");
  expect(r.tests.map((x) => [x.verdict, x.message])).toEqual([["RE", "an exception of the solution's own type at line 3"]]);
  expect(JSON.stringify(r)).not.toContain("Secret");
});

test("timers and threads the solution leaves behind do not keep the process alive", () => {
  for (const name of ["lingeringTimer", "lingeringThread"]) {
    const r = result(name);
    expect([name, r.verdict, r.process?.verdict]).toEqual([name, "AC", "AC"]);
  }
});
