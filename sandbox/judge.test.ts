/**
 * The judge through the real runsc: every verdict for a compiled and an interpreted language, the
 * start-up self-test of all seven languages, determinism (one submission judged 20 times), and
 * the API's contract (onTest, run(), limits validation, stopOnFirstFailure, warm pool).
 */
import { LANGUAGE_IDS, LimitsRejected, type LanguageId } from "./languages";
import { startJudge, type Judge, type TestCase } from "./judge";
import type { Verdict } from "./verdict";
import { assertRunscInstalled, leftovers, mapConcurrent, NOTHING_LEFT } from "./test/support";

let judge: Judge | undefined;

function running(): Judge {
  if (!judge) throw new Error("the judge did not start");
  return judge;
}

beforeAll(async () => {
  assertRunscInstalled();
  judge = await startJudge({ poolSize: 2 });
}, 120_000);

afterAll(async () => {
  await judge?.close(); // idempotent: the last test closes it already
}, 60_000);

const SUM_TESTS: TestCase[] = [
  { input: "1 2\n", output: "3\n" },
  { input: "40 2\n", output: "42\n" },
  { input: "-7 7\n", output: "0\n" },
];

/** One program per verdict and language; limits kept small so the suite stays quick. */
const PROGRAMS: Record<"cpp" | "python", Record<Exclude<Verdict, "IE">, string>> = {
  cpp: {
    AC: "#include <iostream>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n",
    WA: "#include <iostream>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a - b << '\\n'; }\n",
    TLE: "int main() { volatile unsigned long n = 0; for (;;) n++; }\n",
    MLE: "#include <cstdlib>\n#include <cstring>\nint main() { for (;;) { char* p = (char*)std::malloc(1 << 20); std::memset(p, 7, 1 << 20); } }\n",
    RE: "#include <cstdlib>\nint main() { std::abort(); }\n",
    OLE: "#include <cstdio>\nint main() { for (;;) std::puts(\"spam spam spam spam\"); }\n",
    CE: "int main() { return undefined_name; }\n",
  },
  python: {
    AC: "a, b = map(int, input().split())\nprint(a + b)\n",
    WA: "a, b = map(int, input().split())\nprint(a * b)\n",
    TLE: "while True:\n    pass\n",
    MLE: "hog = []\nwhile True:\n    hog.append(bytearray(1 << 20))\n",
    RE: "raise SystemExit(3)\n",
    OLE: "while True:\n    print('spam spam spam spam')\n",
    CE: "def broken(:\n    pass\n",
  },
};

describe.each(Object.keys(PROGRAMS) as Array<keyof typeof PROGRAMS>)("%s", (language) => {
  test.each(Object.entries(PROGRAMS[language]) as Array<[Verdict, string]>)("%s", async (verdict, source) => {
    const result = await running().judge({
      language,
      source,
      tests: SUM_TESTS,
      limits: { timeMs: 1000, memoryMb: 64, outputKb: 64 },
    });
    expect({ verdict: result.verdict, message: result.message }).toEqual(expect.objectContaining({ verdict }));
    if (verdict === "CE") {
      expect(result.tests).toEqual([]);
      expect(result.compile?.output.length).toBeGreaterThan(0);
    } else {
      const last = result.tests[result.tests.length - 1];
      expect(last?.verdict).toBe(verdict);
      expect(result.tests).toHaveLength(verdict === "AC" ? SUM_TESTS.length : 1);
    }
  }, 60_000);
});

test("every language passes its start-up self-test", () => {
  const results = running().selfTestResults;
  expect(results.map((r) => [r.language, r.ok, r.message ?? ""])).toEqual(LANGUAGE_IDS.map((id) => [id, true, ""]));
  for (const language of running().languages()) {
    expect(language.available).toBe(true);
    expect(language.version).toMatch(/\d/);
  }
});

test("the same submission judged 20 times gets the same verdict", async () => {
  const submission = {
    language: "c" as LanguageId,
    source:
      '#include <stdio.h>\nint main(void) {\n  long a, b;\n  if (scanf("%ld %ld", &a, &b) != 2) return 1;\n' +
      '  long s = 0;\n  for (long i = 0; i < 3000000; i++) s += i % 7;\n  printf("%ld\\n", a + b + s - s);\n  return 0;\n}\n',
    tests: SUM_TESTS,
  };
  const verdicts = await mapConcurrent(Array.from({ length: 20 }), 2, async () => {
    const result = await running().judge(submission);
    return `${result.verdict}:${result.tests.map((t) => t.verdict).join(",")}`;
  });
  expect(new Set(verdicts)).toEqual(new Set(["AC:AC,AC,AC"]));
}, 120_000);

test("onTest reports every finished test in order, and judging stops at the first failure", async () => {
  const seen: number[] = [];
  const result = await running().judge(
    {
      language: "python",
      source: "n = int(input())\nprint(n if n != 2 else -1)\n",
      tests: [1, 2, 3].map((n) => ({ input: `${n}\n`, output: `${n}\n` })),
    },
    (test) => seen.push(test.index),
  );
  expect(result.verdict).toBe("WA");
  expect(seen).toEqual([0, 1]);
  expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "WA"]);
  expect(result.message).toMatch(/^test 2:/);
}, 60_000);

test("stopOnFirstFailure: false runs every test; the first failure still names the verdict", async () => {
  const result = await running().judge({
    language: "python",
    source: "import sys\nn = int(input())\nif n == 2:\n    sys.exit(1)\nprint(n if n != 3 else 0)\n",
    tests: [1, 2, 3, 4].map((n) => ({ input: `${n}\n`, output: `${n}\n` })),
    stopOnFirstFailure: false,
  });
  expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "RE", "WA", "AC"]);
  expect(result.verdict).toBe("RE");
}, 60_000);

test("run() returns stdout, stderr, exit code and measurements", async () => {
  const result = await running().run({
    language: "python",
    source: "import sys\ndata = sys.stdin.read()\nprint(data.upper(), end='')\nprint('to stderr', file=sys.stderr)\nsys.exit(4)\n",
    stdin: "hello\n",
  });
  expect(result).toEqual(
    expect.objectContaining({ verdict: "RE", stdout: "HELLO\n", stderr: "to stderr\n", exitCode: 4, signal: null }),
  );
  expect(result.timeMs).toBeGreaterThan(0);
  expect(result.memoryKb).toBeGreaterThan(0);
}, 60_000);

test("run() cuts each stream at 64 KiB", async () => {
  const result = await running().run({
    language: "python",
    source: "import sys\nsys.stdout.write('o' * 200000)\nsys.stderr.write('e' * 200000)\n",
    limits: { outputKb: 1024 },
  });
  expect(result.verdict).toBe("AC");
  expect(result.stdout.length).toBe(64 * 1024);
  expect(result.stderr.length).toBe(64 * 1024);
}, 60_000);

test("limits above a language's maximum are rejected, not clamped", async () => {
  await expect(running().judge({ language: "cpp", source: "int main(){}", tests: [], limits: { timeMs: 60_000 } })).rejects.toThrow(LimitsRejected);
  await expect(running().judge({ language: "cpp", source: "int main(){}", tests: [], limits: { memoryMb: -1 } })).rejects.toThrow(LimitsRejected);
});

test("each submission takes its own sandbox from the warm pool and destroys it", async () => {
  const before = running().pool.stats().handedOut;
  await mapConcurrent([1, 2, 3], 2, () => running().run({ language: "c", source: "int main(void) { return 0; }\n" }));
  expect(running().pool.stats().handedOut).toBe(before + 3);
  // only warm sandboxes (never handed out) may still run
  expect((await leftovers(running().host)).containers.length).toBeLessThanOrEqual(running().pool.size);
}, 60_000);

test("closing the judge leaves no container, process, cgroup or bundle behind", async () => {
  await running().close();
  expect(await leftovers(running().host)).toEqual(NOTHING_LEFT);
}, 60_000);
