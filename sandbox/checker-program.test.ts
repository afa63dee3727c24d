/**
 * Custom checker programs through the real runsc: a problem with many right answers ("print two
 * positive numbers that sum to n") judged by the problem's own checker, in Python and in C++, in
 * a sandbox of its own. A checker that crashes, hangs, answers with a wrong exit code or does
 * not compile makes the submission IE (the judge's fault, never the learner's WA), and nothing
 * is left behind.
 */
import { CHECKER_ACCEPT, CHECKER_REJECT, fromContractChecker, type CheckerSpec } from "./checkers";
import { startJudge, type Judge, type TestCase } from "./judge";
import { assertRunscInstalled, leftovers, NOTHING_LEFT } from "./test/support";

let judge: Judge | undefined;

function running(): Judge {
  if (!judge) throw new Error("the judge did not start");
  return judge;
}

beforeAll(async () => {
  assertRunscInstalled();
  judge = await startJudge({ poolSize: 2, selfTest: false });
}, 120_000);

afterAll(async () => {
  await judge?.close();
}, 60_000);

const TESTS: TestCase[] = [
  { input: "10\n", output: "3 7\n" },
  { input: "2\n", output: "1 1\n" },
  { input: "1000000\n", output: "1 999999\n" },
];

const PY_CHECKER = `import sys
n = int(open(sys.argv[1]).read())
open(sys.argv[2]).read()  # the reference answer: any valid pair will do
parts = sys.stdin.read().split()
if len(parts) != 2 or not all(p.isdigit() for p in parts):
    print("expected two positive integers")
    sys.exit(${CHECKER_REJECT})
a, b = map(int, parts)
if a < 1 or b < 1 or a + b != n:
    print(f"{a} + {b} is not {n}")
    sys.exit(${CHECKER_REJECT})
sys.exit(${CHECKER_ACCEPT})
`;

const CPP_CHECKER = `#include <fstream>
#include <iostream>
int main(int argc, char** argv) {
  if (argc < 3) return 1;
  std::ifstream in(argv[1]);
  long long n, a, b;
  in >> n;
  if (!(std::cin >> a >> b) || a < 1 || b < 1 || a + b != n) { std::cout << "not a pair summing to " << n << "\\n"; return ${CHECKER_REJECT}; }
  return ${CHECKER_ACCEPT};
}
`;

const HALVES = "n = int(input())\nprint(n // 2, n - n // 2)\n";
const ONE_AND_REST = "n = int(input())\nprint(1, n - 1)\n";
const OFF_BY_ONE = "n = int(input())\nprint(1, n)\n";

function custom(language: string, source: string): CheckerSpec {
  return fromContractChecker({ custom: { language, source } });
}

async function judgeWith(checker: CheckerSpec, source: string) {
  return running().judge({ language: "python", source, tests: TESTS, checker, limits: { timeMs: 2000 }, stopOnFirstFailure: false });
}

test("the contract's {custom: {language, source}} is validated", () => {
  expect(custom("python", PY_CHECKER)).toEqual({ kind: "program", language: "python", source: PY_CHECKER });
  expect(() => fromContractChecker({ custom: { language: "cobol", source: "x" } })).toThrow("language");
  expect(() => fromContractChecker({ custom: { language: "python", source: " " } })).toThrow("source");
  expect(() => fromContractChecker({ custom: { language: "python", source: "#".repeat(70_000) } })).toThrow("bytes");
});

test.each([
  ["python", PY_CHECKER],
  ["cpp", CPP_CHECKER],
])("a %s checker accepts different right answers and rejects a wrong one with its message", async (language, source) => {
  const checker = custom(language, source);
  expect((await judgeWith(checker, HALVES)).verdict).toBe("AC");
  expect((await judgeWith(checker, ONE_AND_REST)).verdict).toBe("AC");
  const wrong = await judgeWith(checker, OFF_BY_ONE);
  expect(wrong.verdict).toBe("WA");
  expect(wrong.tests.map((t) => t.verdict)).toEqual(["WA", "WA", "WA"]);
  expect(wrong.tests[0]?.message).toMatch(/not|pair/);
}, 120_000);

test.each([
  ["crashes", "raise SystemExit(1)\n", /exit code 1/],
  ["answers with exit code 0", "import sys\nsys.exit(0)\n", /exit code 0/],
  ["hangs", "while True:\n    pass\n", /TLE/],
  ["does not compile", "def broken(:\n", /does not compile/],
])("a checker that %s makes the submission IE, not WA", async (_what, source, message) => {
  const result = await judgeWith(custom("python", source), HALVES);
  expect(result.verdict).toBe("IE");
  expect(result.message ?? result.tests[0]?.message).toMatch(message);
}, 120_000);

test("the checker runs sandboxed: no host files, no network, no environment", async () => {
  const snoop = `import os, socket, sys
leaks = []
try:
    open("/etc/shadow").read(); leaks.append("/etc/shadow")
except Exception:
    pass
for path in ["/root", "/home", "${process.cwd()}"]:
    if os.path.isdir(path) and os.listdir(path): leaks.append(path)
if open("/proc/1/environ").read().replace("\\0", " ").split() not in ([], ["HOME=/work"]): leaks.append("/proc/1/environ")
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1); leaks.append("network")
except Exception:
    pass
if any(k not in ("PATH", "HOME", "LANG") for k in os.environ): leaks.append("env")
print(" ".join(leaks) or "clean")
sys.exit(${CHECKER_REJECT} if leaks else ${CHECKER_ACCEPT})
`;
  const result = await judgeWith(custom("python", snoop), HALVES);
  expect({ verdict: result.verdict, said: result.tests[0]?.message }).toEqual({ verdict: "AC", said: undefined });
}, 120_000);

test("judging with checker programs left no container, process, cgroup or bundle behind", async () => {
  const j = running();
  await j.close();
  expect(await leftovers(j.host)).toEqual(NOTHING_LEFT);
}, 60_000);
