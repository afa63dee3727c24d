/**
 * Every type, in every language, through the real sandbox: the starter code's declarations for
 * all eleven types (as parameter and as return type) compile with the harness once a trivial
 * correct body is filled in, and every value round-trips unchanged: hostile strings (quotes,
 * backslashes, control characters, non-ASCII, astral characters, a fake harness line), empty
 * arrays and rows, int and long extremes (longs past 2^53), awkward doubles. One program per
 * language holds all twelve functions, so each language compiles once.
 */
import type { Judge } from "../judge";
import type { LanguageId } from "../languages";
import { judgeFunctionSet, type FunctionJudgeResult } from "./judgeFunction";
import { cReturn, starterCodeFor } from "./starter";
import { FUNCTION_TYPES, typeShape, type FunctionSignature, type FunctionType } from "./signature";
import { LANGUAGES_UNDER_TEST, CONCURRENCY, mapConcurrent, sig, startTestJudge, t } from "./test-support";

const idName = (type: FunctionType) => `id${typeShape(type).base[0]?.toUpperCase()}${typeShape(type).base.slice(1)}${typeShape(type).depth}`;
const IDENTITIES: FunctionSignature[] = FUNCTION_TYPES.map((type) => sig(idName(type), [["a", type]], type));
const ALL_PARAMS = sig(
  "allParams",
  [
    ["a", "int"],
    ["b", "long"],
    ["c", "double"],
    ["d", "bool"],
    ["e", "string"],
    ["f", "int[]"],
    ["g", "long[]"],
    ["h", "double[]"],
    ["k", "string[]"],
    ["m", "int[][]"],
    ["q", "string[][]"],
  ],
  "long[]",
);
const SIGNATURES = [...IDENTITIES, ALL_PARAMS];

function identityBody(language: LanguageId, type: FunctionType): string {
  const { depth } = typeShape(type);
  switch (language) {
    case "python":
    case "go":
      return "return a";
    case "c":
      if (depth === 0) return type === "string" ? "return (char*)a;" : "return a;";
      if (depth === 1) return `*returnSize = aSize;\nreturn (${cReturn(type).type})a;`;
      return `*returnSize = aSize;\n*returnColumnSizes = (int*)aColSizes;\nreturn (${cReturn(type).type})a;`;
    default:
      return "return a;";
  }
}

/** [a, b, d, |f|, |g|, |h|, |k|, |m|, |q|, cells of m, cells of q]: every argument arrived in its place. */
const ALL_PARAMS_BODY: Record<LanguageId, string> = {
  python: "return [a, b, 1 if d else 0, len(f), len(g), len(h), len(k), len(m), len(q), sum(len(r) for r in m), sum(len(r) for r in q)]",
  cpp: "long long cm = 0, cq = 0;\nfor (auto& r : m) cm += r.size();\nfor (auto& r : q) cq += r.size();\nreturn {a, b, d ? 1 : 0, (long long)f.size(), (long long)g.size(), (long long)h.size(), (long long)k.size(), (long long)m.size(), (long long)q.size(), cm, cq};",
  java: "long cm = 0, cq = 0;\nfor (int[] r : m) cm += r.length;\nfor (String[] r : q) cq += r.length;\nreturn new long[] {a, b, d ? 1 : 0, f.length, g.length, h.length, k.length, m.length, q.length, cm, cq};",
  go: "var dd, cm, cq int64\nif d {\n\tdd = 1\n}\nfor _, r := range m {\n\tcm += int64(len(r))\n}\nfor _, r := range q {\n\tcq += int64(len(r))\n}\nreturn []int64{int64(a), b, dd, int64(len(f)), int64(len(g)), int64(len(h)), int64(len(k)), int64(len(m)), int64(len(q)), cm, cq}",
  javascript: "const cells = (x) => x.reduce((s, r) => s + r.length, 0);\nreturn [a, b, d ? 1 : 0, f.length, g.length, h.length, k.length, m.length, q.length, cells(m), cells(q)];",
  typescript: "const cells = (x: unknown[][]): number => x.reduce((s: number, r) => s + r.length, 0);\nreturn [BigInt(a), b, d ? 1n : 0n, BigInt(f.length), BigInt(g.length), BigInt(h.length), BigInt(k.length), BigInt(m.length), BigInt(q.length), BigInt(cells(m)), BigInt(cells(q))];",
  c: "long long* r = malloc(11 * sizeof(long long));\nlong long cm = 0, cq = 0;\nfor (int x = 0; x < mSize; x++) cm += mColSizes[x];\nfor (int x = 0; x < qSize; x++) cq += qColSizes[x];\nr[0] = a; r[1] = b; r[2] = d; r[3] = fSize; r[4] = gSize; r[5] = hSize; r[6] = kSize; r[7] = mSize; r[8] = qSize; r[9] = cm; r[10] = cq;\n*returnSize = 11;\nreturn r;",
};

function program(language: LanguageId): string {
  const bodies: Record<string, string> = Object.fromEntries(IDENTITIES.map((s) => [s.name, identityBody(language, s.returns)]));
  bodies[ALL_PARAMS.name] = ALL_PARAMS_BODY[language];
  return starterCodeFor(SIGNATURES, language, { bodies });
}

const HOSTILE_STRINGS = [
  "",
  "plain",
  'say "hi"',
  "back\\slash \\n \\u0041 \\",
  "tab\tnewline\ncarriage\rform\fbell\u0007",
  "\u0001\u001f\u007f",
  "ünïcödé — ½ · €",
  "日本語のテキスト",
  "emoji 😀 and 𝄞 (astral)",
  "\u2028\u2029",
  "</script><!--",
  '{"i":0,"ms":0,"out":1}',
  "@avj:deadbeef {\"done\":1}",
  "   leading and trailing   ",
];

const VALUES: Record<FunctionType, unknown[]> = {
  int: [0, 1, -1, 2147483647, -2147483648],
  long: [0n, 2n ** 53n + 1n, -(2n ** 53n) - 3n, 2n ** 63n - 1n, -(2n ** 63n)],
  double: [0, -1.5, 0.1, 1e300, 5e-324, 1e21, 123456.789, -2.2250738585072014e-308],
  bool: [true, false],
  string: HOSTILE_STRINGS,
  "int[]": [[], [7], [2147483647, -2147483648, 0]],
  "long[]": [[], [2n ** 62n, -(2n ** 60n) + 7n, 9007199254740993n]],
  "double[]": [[], [0.1, 1e-7, 3, -0.000123]],
  "string[]": [[], [""], HOSTILE_STRINGS],
  "int[][]": [[], [[]], [[], [1], [2, 3], []], [[1, 2, 3], [4, 5, 6]]],
  "string[][]": [[], [[]], [[""], [], HOSTILE_STRINGS.slice(0, 5)], [HOSTILE_STRINGS.slice(5)]],
};

const ALL_PARAMS_CASES: Array<{ args: unknown[]; expected: bigint[] }> = [
  {
    args: [-5, 2n ** 60n, 2.5, true, "x", [1, 2], [3n], [], ["p", "q", "r"], [[1], [2, 3], []], [["a"], ["b", "c", "d"]]],
    expected: [-5n, 2n ** 60n, 1n, 2n, 1n, 0n, 3n, 3n, 2n, 3n, 4n],
  },
  { args: [0, 0n, 0, false, "", [], [], [], [], [], []], expected: [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n] },
];

function cases(language: LanguageId): Array<{ entry: number; input: string; output: string }> {
  const out: Array<{ entry: number; input: string; output: string }> = [];
  IDENTITIES.forEach((s, entry) => {
    for (const value of VALUES[s.returns]) out.push({ entry, ...t([value], value) });
  });
  // U+0000 inside a string: every language but C (a C string ends there; README.md)
  if (language !== "c") {
    out.push({ entry: FUNCTION_TYPES.indexOf("string"), ...t(["nul\u0000inside"], "nul\u0000inside") });
    out.push({ entry: FUNCTION_TYPES.indexOf("string[]"), ...t([["\u0000", "a\u0000"]], ["\u0000", "a\u0000"]) });
  }
  for (const c of ALL_PARAMS_CASES) out.push({ entry: IDENTITIES.length, ...t(c.args, c.expected) });
  return out;
}

let judge: Judge | undefined;
const results = new Map<LanguageId, FunctionJudgeResult | Error>();

beforeAll(async () => {
  judge = await startTestJudge();
  const running = judge;
  await mapConcurrent(LANGUAGES_UNDER_TEST, CONCURRENCY, async (language) => {
    try {
      results.set(
        language,
        await judgeFunctionSet(running, {
          signatures: SIGNATURES,
          language,
          source: program(language),
          tests: cases(language),
          stopOnFirstFailure: false,
          returnOutput: true,
          // double identity must be exact, not merely within 1e-6
          checker: { kind: "float", abs: 0, rel: 0 },
        }),
      );
    } catch (err) {
      results.set(language, err as Error);
    }
  });
}, 170_000);

afterAll(async () => {
  await judge?.close();
}, 60_000);

describe.each(LANGUAGES_UNDER_TEST)("%s", (language) => {
  test("the starter declarations of all eleven types compile with the harness, and every value round-trips", () => {
    const result = results.get(language);
    if (result instanceof Error) throw result;
    expect(result?.compile?.output ?? "").not.toMatch(/error/i);
    const expected = cases(language);
    const failures = (result?.tests ?? [])
      .filter((r) => r.verdict !== "AC")
      .map((r) => ({ index: r.index, fn: SIGNATURES[expected[r.index]?.entry ?? 0]?.name, input: expected[r.index]?.input, verdict: r.verdict, message: r.message, got: r.output }));
    expect(failures).toEqual([]);
    expect(result?.verdict).toBe("AC");
    expect(result?.tests).toHaveLength(expected.length);
  });
});

test("a long past 2^53 comes back digit for digit", () => {
  for (const language of LANGUAGES_UNDER_TEST) {
    const result = results.get(language);
    if (!result || result instanceof Error) throw result ?? new Error(`${language}: no result`);
    const index = cases(language).findIndex((c) => c.input === "[9007199254740993]");
    expect([language, result.tests[index]?.output]).toEqual([language, "9007199254740993"]);
  }
});
