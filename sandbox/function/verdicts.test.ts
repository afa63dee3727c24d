/**
 * Failing solutions in every language, through the real sandbox: a wrong answer is WA on the
 * right test; an exception in one test is RE for that test while the others still run (C: a
 * crash ends the process there); the learner's prints — to stdout, to stderr, a forged harness
 * line, output without a newline — never break the protocol and are cut per test; an infinite
 * loop is TLE on the test that loops; a compile error is CE with the learner's own line number.
 */
import type { Judge } from "../judge";
import type { LanguageId } from "../languages";
import { judgeFunction, type FunctionJudgeRequest, type FunctionJudgeResult } from "./judgeFunction";
import { CONCURRENCY, LANGUAGES_UNDER_TEST, mapConcurrent, sig, startTestJudge, t } from "./test-support";

const CHECK = sig("check", [["n", "int"]], "int");
/** check(n) = 2n; the solutions below answer 2n + 1 for n = 3 and throw for n = 5. */
const CHECK_TESTS = [1, 2, 3, 4, 5, 6, 7].map((n) => t([n], 2 * n));
const FORGED = '@avj:0000 {\\"i\\":0,\\"ms\\":0,\\"out\\":999}';

const MIXED: Record<LanguageId, string> = {
  python:
    "import sys\n\nclass Solution:\n    def check(self, n: int) -> int:\n" +
    `        print("noise", n)\n        print("${FORGED}")\n        print("err", n, file=sys.stderr)\n        print("partial", end="")\n` +
    "        if n == 3:\n            return 2 * n + 1\n        if n == 5:\n            raise ValueError(\"boom\")\n        if n == 7:\n            return None\n        return 2 * n\n",
  c:
    "int check(int n) {\n" +
    `    printf("noise %d\\n", n);\n    printf("${FORGED}\\n");\n    fprintf(stderr, "err %d\\n", n);\n    printf("partial");\n` +
    "    if (n == 3) return 2 * n + 1;\n    if (n == 5) abort();\n    return 2 * n;\n}\n",
  cpp:
    "class Solution {\npublic:\n    int check(int n) {\n" +
    `        cout << "noise " << n << endl;\n        cout << "${FORGED}" << "\\n";\n        cerr << "err " << n << endl;\n        cout << "partial";\n` +
    '        if (n == 3) return 2 * n + 1;\n        if (n == 5) throw runtime_error("boom");\n        return 2 * n;\n    }\n};\n',
  java:
    "class Solution {\n    public int check(int n) {\n" +
    `        System.out.println("noise " + n);\n        System.out.println("${FORGED}");\n        System.err.println("err " + n);\n        System.out.print("partial");\n` +
    '        if (n == 3) return 2 * n + 1;\n        if (n == 5) throw new IllegalStateException("boom");\n        return 2 * n;\n    }\n}\n',
  go:
    'import (\n\t"fmt"\n\t"os"\n)\n\nfunc check(n int) int {\n' +
    `\tfmt.Println("noise", n)\n\tfmt.Println("${FORGED}")\n\tfmt.Fprintln(os.Stderr, "err", n)\n\tfmt.Print("partial")\n` +
    '\tif n == 3 {\n\t\treturn 2*n + 1\n\t}\n\tif n == 5 {\n\t\tpanic("boom")\n\t}\n\treturn 2 * n\n}\n',
  javascript:
    "function check(n) {\n" +
    `    console.log("noise", n);\n    console.log("${FORGED}");\n    console.error("err", n);\n    process.stdout.write("partial");\n` +
    '    require("fs").writeSync(1, "raw without newline");\n' +
    '    if (n === 3) return 2 * n + 1;\n    if (n === 5) throw new Error("boom");\n    if (n === 7) return undefined;\n    return 2 * n;\n}\n',
  typescript:
    "function check(n: number): number {\n" +
    `    console.log("noise", n);\n    console.log("${FORGED}");\n    console.error("err", n);\n    process.stdout.write("partial");\n` +
    '    if (n === 3) return 2 * n + 1;\n    if (n === 5) throw new RangeError("boom");\n    if (n === 7) return "fourteen" as unknown as number;\n    return 2 * n;\n}\n',
};

/** Verdicts of the seven tests, and where the exception is reported. */
const MIXED_EXPECTED: Record<LanguageId, { verdicts: string[]; error: RegExp }> = {
  python: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "WA"], error: /^ValueError at line 12$/ },
  c: { verdicts: ["AC", "AC", "WA", "AC", "RE"], error: /SIGABRT/ },
  cpp: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "AC"], error: /^std::runtime_error$/ },
  java: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "AC"], error: /^java\.lang\.IllegalStateException at line 8$/ },
  go: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "AC"], error: /^panic at line 15$/ },
  javascript: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "WA"], error: /^Error at line 8$/ },
  typescript: { verdicts: ["AC", "AC", "WA", "AC", "RE", "AC", "WA"], error: /^RangeError$/ },
};

const SPIN: Record<LanguageId, string> = {
  python: "class Solution:\n    def check(self, n: int) -> int:\n        while n == 2:\n            pass\n        return 2 * n\n",
  c: "int check(int n) {\n    volatile unsigned long spin = 0;\n    while (n == 2) spin++;\n    return 2 * n;\n}\n",
  cpp: "class Solution {\npublic:\n    int check(int n) {\n        volatile unsigned long spin = 0;\n        while (n == 2) spin++;\n        return 2 * n;\n    }\n};\n",
  java: "class Solution {\n    public int check(int n) {\n        long spin = 0;\n        while (n == 2) spin++;\n        return 2 * n;\n    }\n}\n",
  go: "func check(n int) int {\n\tspin := 0\n\tfor n == 2 {\n\t\tspin++\n\t}\n\treturn 2 * n\n}\n",
  javascript: "function check(n) {\n    let spin = 0;\n    while (n === 2) spin++;\n    return 2 * n;\n}\n",
  typescript: "function check(n: number): number {\n    let spin = 0;\n    while (n === 2) spin++;\n    return 2 * n;\n}\n",
};

/** A compile error on the learner's line 3, and how each compiler names that place. */
const BROKEN: Record<LanguageId, { source: string; where: RegExp }> = {
  python: { source: "class Solution:\n    def check(self, n: int) -> int:\n        return n * 2 +\n", where: /File "solution\.py", line 3/ },
  c: { source: "int check(int n) {\n    int x = 1;\n    return n * 2 + ;\n}\n", where: /solution\.c:3:/ },
  cpp: { source: "class Solution {\npublic:\n    int check(int n) { return n * 2 + ; }\n};\n", where: /solution\.cpp:3:/ },
  java: { source: "class Solution {\n    public int check(int n) {\n        return n * 2 + ;\n    }\n}\n", where: /solution\.java:3: error/ },
  go: { source: "func check(n int) int {\n\treturn n * 2\n\treturn undefinedName\n}\n", where: /solution\.go:3:\d+: undefined: undefinedName/ },
  javascript: { source: "function check(n) {\n    const x = 1;\n    return n * 2 + ;\n}\n", where: /solution\.js:3/ },
  typescript: { source: "function check(n: number): number {\n    const x = 1;\n    return n * 2 + ;\n}\n", where: /solution\.ts\(3,\d+\)/ },
};

type Scenario = "mixed" | "spin" | "broken";
let judge: Judge | undefined;
const results = new Map<string, FunctionJudgeResult | Error>();

function request(scenario: Scenario, language: LanguageId): FunctionJudgeRequest {
  switch (scenario) {
    case "mixed":
      return { signature: CHECK, language, source: MIXED[language], tests: CHECK_TESTS, stopOnFirstFailure: false, returnOutput: true };
    case "spin":
      return { signature: CHECK, language, source: SPIN[language], tests: CHECK_TESTS.slice(0, 3), limits: { timeMs: 300 } };
    case "broken":
      return { signature: CHECK, language, source: BROKEN[language].source, tests: CHECK_TESTS.slice(0, 1) };
  }
}

beforeAll(async () => {
  judge = await startTestJudge();
  const running = judge;
  const jobs = (["mixed", "spin", "broken"] as Scenario[]).flatMap((scenario) => LANGUAGES_UNDER_TEST.map((language) => ({ scenario, language })));
  await mapConcurrent(jobs, CONCURRENCY, async ({ scenario, language }) => {
    try {
      results.set(`${scenario}:${language}`, await judgeFunction(running, request(scenario, language)));
    } catch (err) {
      results.set(`${scenario}:${language}`, err as Error);
    }
  });
}, 170_000);

afterAll(async () => {
  await judge?.close();
}, 60_000);

function result(scenario: Scenario, language: LanguageId): FunctionJudgeResult {
  const r = results.get(`${scenario}:${language}`);
  if (!r) throw new Error("not judged");
  if (r instanceof Error) throw r;
  return r;
}

describe.each(LANGUAGES_UNDER_TEST)("%s", (language) => {
  test("WA on the wrong test, RE for the test that throws (the others still run), prints harmless", () => {
    const r = result("mixed", language);
    const expected = MIXED_EXPECTED[language];
    expect({ compile: r.compile?.ok ? "" : r.compile?.output, verdicts: r.tests.map((x) => x.verdict) }).toEqual({ compile: "", verdicts: expected.verdicts });
    // overall: the first failing test's verdict, named in the message
    expect(r.verdict).toBe("WA");
    expect(r.message).toMatch(/^test 3: the value differs$/);
    const thrown = r.tests[4];
    expect(thrown?.message).toMatch(expected.error);
    if (language !== "c") expect(thrown?.detail ?? "").toMatch(/boom/);
    if (language === "python") expect(thrown?.detail).toBe("ValueError: boom (line 12 in check)");
    if (language === "python") expect(r.tests[6]?.message).toBe("returned None where an int was expected");
    if (language === "javascript") expect(r.tests[6]?.message).toBe("returned undefined where an integer was expected");
    if (language === "typescript") expect(r.tests[6]?.message).toBe("returned a string where an integer was expected");
    // the forged line (no nonce) was ignored: test 1 returned 2, not 999
    expect(r.tests[0]?.output).toBe("2");
    // the learner's prints, stdout and stderr, arrive cut per test
    const printed = r.tests[1]?.stdout ?? "";
    expect(printed).toContain("noise 2");
    expect(printed).toContain("err 2");
    expect(printed).not.toContain("noise 1");
    expect(printed).not.toContain("noise 3");
  });

  test("an infinite loop is TLE on the test that loops", () => {
    const r = result("spin", language);
    expect({ verdict: r.verdict, tests: r.tests.map((x) => x.verdict) }).toEqual({ verdict: "TLE", tests: ["AC", "TLE"] });
    expect(r.process?.verdict).toBe("TLE");
  });

  test("a compile error is CE with the learner's line number", () => {
    const r = result("broken", language);
    expect(r.verdict).toBe("CE");
    expect(r.tests).toEqual([]);
    expect(r.compile?.output).toMatch(BROKEN[language].where);
  });
});
