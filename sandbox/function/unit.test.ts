/**
 * The host side of function problems, without a sandbox: signature validation, the JSON values
 * (exact longs, tolerant doubles, strict problem data), the starter code's shape per language,
 * the harness protocol's parsing (forged and interleaved lines), and test validation.
 */
import type { Judge } from "../judge";
import { buildProgram, countLines } from "./harness";
import { blankGoPackageClause } from "./harness-go";
import { FunctionTestInvalid, judgeFunction, parseHarnessOutput, relabelCompileOutput, safeErrorName, splitCapturedOutput } from "./judgeFunction";
import { parseSignature, SignatureInvalid, signatureProblems, type FunctionSignature } from "./signature";
import { cDeclaration, starterCode, starterCodeAll } from "./starter";
import { compareValues, encodeValue, parseJson, toJsonText, toValue, ValueMismatch } from "./values";

const TWO_SUM: FunctionSignature = { name: "twoSum", params: [{ name: "nums", type: "int[]" }, { name: "target", type: "int" }], returns: "int[]" };

describe("signature validation", () => {
  test("a valid signature passes and is copied", () => {
    expect(parseSignature(TWO_SUM)).toEqual(TWO_SUM);
    expect(parseSignature({ name: "f", params: [], returns: "string[][]" })).toEqual({ name: "f", params: [], returns: "string[][]" });
  });

  test.each([
    [{ name: "2sum", params: [], returns: "int" }, "name", /ASCII identifier/],
    [{ name: "two-sum", params: [], returns: "int" }, "name", /ASCII identifier/],
    [{ name: "_private", params: [], returns: "int" }, "name", /ASCII identifier/],
    [{ name: "class", params: [], returns: "int" }, "name", /keyword or reserved/],
    [{ name: "func", params: [], returns: "int" }, "name", /keyword or reserved/],
    [{ name: "lambda", params: [], returns: "int" }, "name", /keyword or reserved/],
    [{ name: "require", params: [], returns: "int" }, "name", /keyword or reserved/],
    [{ name: "strlen", params: [], returns: "int" }, "name", /library or harness name/],
    [{ name: "Solution", params: [], returns: "int" }, "name", /library or harness name/],
    [{ name: "avjMain", params: [], returns: "int" }, "name", /reserved for the harness/],
    [{ name: "f", params: [], returns: "float" }, "returns", /must be one of/],
    [{ name: "f", params: [], returns: "int[][][]" }, "returns", /must be one of/],
    [{ name: "f", params: [{ name: "self", type: "int" }], returns: "int" }, "params[0].name", /keyword or reserved/],
    [{ name: "f", params: [{ name: "len", type: "int" }], returns: "int" }, "params[0].name", /keyword or reserved/],
    [{ name: "f", params: [{ name: "a", type: "bool[]" }], returns: "int" }, "params[0].type", /must be one of/],
    [{ name: "f", params: [{ name: "returnSize", type: "int" }], returns: "int" }, "params[0].name", /out-parameter/],
    [{ name: "f", params: [{ name: "a", type: "int" }, { name: "a", type: "long" }], returns: "int" }, "params[1].name", /used twice/],
    [{ name: "f", params: [{ name: "a", type: "int[]" }, { name: "aSize", type: "int" }], returns: "int" }, "params[1].name", /collides with the C length parameter aSize/],
    [{ name: "f", params: [{ name: "g", type: "int[][]" }, { name: "gColSizes", type: "int" }], returns: "int" }, "params[1].name", /row-lengths/],
    [{ name: "f", params: "a", returns: "int" }, "params", /array/],
    [{ name: "f", params: [], returns: "int", extra: 1 }, "extra", /unknown field/],
  ])("%j is refused at %s", (value, path, message) => {
    const problems = signatureProblems(value);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
    expect(() => parseSignature(value)).toThrow(SignatureInvalid);
  });

  test("not an object", () => {
    expect(signatureProblems(null)).toEqual([{ path: "", message: expect.stringMatching(/object/) }]);
    expect(signatureProblems([])).toHaveLength(1);
  });
});

describe("values", () => {
  test("numbers keep their text: a long past 2^53 is exact", () => {
    const json = parseJson("[9007199254740993,-9223372036854775808]");
    expect(toValue(json, "long[]")).toEqual([9007199254740993n, -9223372036854775808n]);
    expect(encodeValue(toValue(json, "long[]"), "long[]")).toBe("[9007199254740993,-9223372036854775808]");
    expect(encodeValue(toValue(json, "long[]"), "long[]", { longAsString: true })).toBe('["9007199254740993","-9223372036854775808"]');
  });

  test("problem data must fit the type", () => {
    expect(() => toValue(parseJson("2147483648"), "int")).toThrow(/out of range for int/);
    expect(() => toValue(parseJson("9223372036854775808"), "long")).toThrow(/out of range for long/);
    expect(() => toValue(parseJson("1.5"), "int")).toThrow(/expected an int/);
    expect(() => toValue(parseJson("[[1],2]"), "int[][]")).toThrow(ValueMismatch);
    expect(() => toValue(parseJson('"\\ud800"'), "string")).toThrow(/lone UTF-16 surrogate/);
    expect(() => toValue(parseJson("NaN", { allowNonFinite: true }), "double")).toThrow(/not a finite double/);
    expect(toValue(parseJson("NaN", { allowNonFinite: true }), "double", "", false)).toBeNaN();
  });

  test("strict JSON", () => {
    for (const bad of ["", "[1,]", "01", "'a'", '"\\x"', "[1] 2", '"a\nb"', "NaN", "1.", ".5", "+1"]) expect(() => parseJson(bad)).toThrow();
    expect(parseJson(' { "a" : [ true , null , "\\u00e9\\ud83d\\ude00" ] } ')).toEqual({
      kind: "object",
      entries: new Map([["a", { kind: "array", items: [{ kind: "bool", value: true }, { kind: "null" }, { kind: "string", value: "é😀" }] }]]),
    });
  });

  test("canonical strings escape only what they must and round-trip", () => {
    const s = 'q"b\\n\n\t\u0001\u007f é 😀 \u2028';
    const text = encodeValue(s, "string");
    expect(text).toBe('"q\\"b\\\\n\\n\\t\\u0001\\u007f é 😀 \u2028"');
    expect(toValue(parseJson(text), "string")).toBe(s);
    expect(text).not.toContain("\n");
  });

  test("comparison: integers exact, doubles within the tolerance, messages say where", () => {
    expect(compareValues("long", 2n ** 62n + 1n, 2n ** 62n)).toEqual({ ok: false, message: "the value differs" });
    expect(compareValues("double", 1 / 3, 0.333333333)).toEqual({ ok: true });
    expect(compareValues("double", 1e12, 1e12 + 1)).toEqual({ ok: true }); // relative
    expect(compareValues("double", 1, 1.001)).toEqual({ ok: false, message: "the value differs" });
    expect(compareValues("double", 1, 1.001, { abs: 0.01, rel: 0 })).toEqual({ ok: true });
    expect(compareValues("double", 1, NaN)).toEqual({ ok: false, message: "the value differs" });
    expect(compareValues("int[][]", [[1n], [2n, 3n]], [[1n], [2n, 4n]])).toEqual({ ok: false, message: "element [1][1] differs" });
    expect(compareValues("string[]", ["a"], ["a", "b"])).toEqual({ ok: false, message: "the result has 2 elements, 1 expected" });
  });

  test("toJsonText writes bigint exactly and refuses what JSON cannot hold", () => {
    expect(toJsonText([1n, 2.5, "x", true, [[]]])).toBe('[1,2.5,"x",true,[[]]]');
    expect(() => toJsonText(NaN)).toThrow();
    expect(() => toJsonText({})).toThrow();
  });
});

describe("starter code", () => {
  test("idiomatic in every language", () => {
    const all = starterCodeAll(TWO_SUM);
    expect(all.python).toContain("class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        pass\n");
    expect(all.python).toMatch(/^from typing import List\n/);
    expect(all.cpp).toContain("class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n");
    expect(all.java).toContain("class Solution {\n    public int[] twoSum(int[] nums, int target) {\n");
    expect(all.go).toContain("func twoSum(nums []int, target int) []int {\n");
    expect(all.javascript).toContain(" * @param {number[]} nums\n * @param {number} target\n * @return {number[]}\n */\nfunction twoSum(nums, target) {\n");
    expect(all.typescript).toContain("function twoSum(nums: number[], target: number): number[] {\n");
    expect(all.c).toContain("int* twoSum(const int* nums, int numsSize, int target, int* returnSize) {\n");
    expect(all.c).toContain("set *returnSize to its length");
  });

  test("the C conventions", () => {
    const c = (params: FunctionSignature["params"], returns: FunctionSignature["returns"]) => cDeclaration({ name: "f", params, returns });
    expect(c([], "int")).toBe("int f(void)");
    expect(c([{ name: "s", type: "string" }], "string")).toBe("char* f(const char* s)");
    expect(c([{ name: "n", type: "long" }, { name: "x", type: "double" }, { name: "b", type: "bool" }], "long")).toBe("long long f(long long n, double x, bool b)");
    expect(c([{ name: "w", type: "string[]" }], "string[]")).toBe("char** f(const char* const* w, int wSize, int* returnSize)");
    expect(c([{ name: "g", type: "int[][]" }], "int[][]")).toBe("int** f(const int* const* g, int gSize, const int* gColSizes, int* returnSize, int** returnColumnSizes)");
    expect(c([{ name: "g", type: "string[][]" }], "string[][]")).toBe(
      "char*** f(const char* const* const* g, int gSize, const int* gColSizes, int* returnSize, int** returnColumnSizes)",
    );
    expect(c([{ name: "v", type: "long[]" }, { name: "d", type: "double[]" }], "double[]")).toBe("double* f(const long long* v, int vSize, const double* d, int dSize, int* returnSize)");
  });

  test("long is BigInt in JS/TS, int64 in Go, long long in C++", () => {
    const big: FunctionSignature = { name: "bigSum", params: [{ name: "nums", type: "long[]" }], returns: "long" };
    expect(starterCode(big, "typescript")).toContain("function bigSum(nums: bigint[]): bigint {");
    expect(starterCode(big, "javascript")).toContain("@return {bigint}");
    expect(starterCode(big, "go")).toContain("func bigSum(nums []int64) int64 {");
    expect(starterCode(big, "cpp")).toContain("long long bigSum(vector<long long>& nums) {");
    expect(starterCode(big, "java")).toContain("public long bigSum(long[] nums) {");
  });
});

describe("the harness program", () => {
  test("learner lines keep their numbers in every language", () => {
    const source = "line one\nline two\n";
    expect(buildProgram(TWO_SUM, "c", source)).toContain('#line 1 "solution.c"\nline one\nline two\n#line 1 "harness.c"\n');
    expect(buildProgram(TWO_SUM, "cpp", source)).toMatch(/^#include <bits\/stdc\+\+\.h>\n/);
    expect(buildProgram(TWO_SUM, "go", source)).toContain("//line solution.go:1:1\nline one\nline two\n//line harness.go:1:1\n");
    expect(buildProgram(TWO_SUM, "java", source).split("\n")[1]).toBe("line two");
    expect(buildProgram(TWO_SUM, "javascript", source)).toMatch(/^line one\nline two\n/);
    expect(buildProgram(TWO_SUM, "typescript", source)).toMatch(/^line one\nline two\n/);
    expect(buildProgram(TWO_SUM, "python", source)).toContain(Buffer.from(source).toString("base64"));
    expect(countLines(source)).toBe(2);
    expect(countLines("a\nb")).toBe(2);
  });

  test("Go: the learner's package clause is blanked in place; Java: `public class Solution` loses `public`", () => {
    expect(blankGoPackageClause("// c\n/* d */ package main;\nfunc f() {}\n")).toBe("// c\n/* d */              \nfunc f() {}\n");
    expect(blankGoPackageClause("func f() {}\n")).toBe("func f() {}\n");
    expect(buildProgram(TWO_SUM, "java", "public class Solution {}\n")).toContain("       class Solution {}");
  });

  test("harness lines are found by prefix and nonce anywhere in a line; forged, duplicate and out-of-order lines are ignored", () => {
    const stdout = [
      "learner noise",
      '@avj:forged {"i":0,"ms":1,"out":999}',
      'partial@avj:n1 {"i":0,"ms":0.5,"out":[1,2]}',
      '@avj:n1 {"i":0,"ms":0.5,"out":[7]}',
      '@avj:n1 {"i":2,"ms":0.5,"out":[7]}',
      '@avj:n1 {"i":1,"ms":2,"error":"ValueError","where":"line 3 in f","detail":"ValueError: x"}',
      '@avj:n1 {"i":2,"ms":0,"out":NaN}',
      "@avj:n1 not json",
      '@avj:n1 {"done":3}',
    ].join("\n");
    const report = parseHarnessOutput(stdout, "n1", 3);
    expect(report.done).toBe(true);
    expect([...report.tests.entries()]).toEqual([
      [0, { kind: "out", ms: 0.5, value: { kind: "array", items: [{ kind: "number", raw: "1" }, { kind: "number", raw: "2" }] } }],
      [1, { kind: "error", ms: 2, name: "ValueError", where: "line 3 in f", detail: "ValueError: x" }],
      [2, { kind: "out", ms: 0, value: { kind: "number", raw: "NaN" } }],
    ]);
  });

  test("captured prints are cut per test; what came before test 0 goes with it", () => {
    const m = (i: number) => `\x1eavj:n1:${i}\x1e`;
    expect([...splitCapturedOutput(`top\n${m(0)}a\n${m(1)}${m(2)}c`, "n1").entries()]).toEqual([
      [0, "top\na\n"],
      [1, ""],
      [2, "c"],
    ]);
    expect([...splitCapturedOutput("crash before any test", "n1").entries()]).toEqual([[0, "crash before any test"]]);
  });

  test("compiler messages name solution.<ext> for the learner's lines and harness.<ext> for the rest", () => {
    expect(relabelCompileOutput("java", "Main.java:3: error: x\nMain.java:12: error: y", 10)).toBe("solution.java:3: error: x\nharness.java:2: error: y");
    expect(relabelCompileOutput("javascript", "/work/box/main.js:4\n  bad", 10)).toBe("solution.js:4\n  bad");
    expect(relabelCompileOutput("typescript", "main.ts(3,17): error TS1109", 10)).toBe("solution.ts(3,17): error TS1109");
  });
});

test("only standard-library exception names reach the message (it is shown for secret tests too)", () => {
  expect(safeErrorName("python", "KeyError")).toBe("KeyError");
  expect(safeErrorName("python", "Secret1234")).toBe("an exception of the solution's own type");
  expect(safeErrorName("javascript", "RangeError")).toBe("RangeError");
  expect(safeErrorName("javascript", "leak: 1,2,3")).toBe("an exception of the solution's own type");
  expect(safeErrorName("java", "java.lang.ArithmeticException")).toBe("java.lang.ArithmeticException");
  expect(safeErrorName("java", "Solution$Leak")).toBe("an exception of the solution's own type");
  expect(safeErrorName("cpp", "std::out_of_range")).toBe("std::out_of_range");
  expect(safeErrorName("go", "panic: runtime.boundsError")).toBe("panic: runtime.boundsError");
  expect(safeErrorName("go", "panic: main.myErr")).toBe("panic");
});

describe("tests are validated before anything runs", () => {
  const neverRun = {
    run: () => {
      throw new Error("must not run");
    },
  } as unknown as Judge;
  test.each([
    [{ input: "[[1,2]]", output: "[0,1]" }, /tests\[0\]\.input: twoSum takes 2 arguments, the test has 1/],
    [{ input: "[[1,2],2147483648]", output: "[0,1]" }, /tests\[0\]\.input\[1\]: target: 2147483648 is out of range for int/],
    [{ input: "[[1,\"x\"],3]", output: "[0,1]" }, /tests\[0\]\.input\[0\]\[1\]: nums: expected an int/],
    [{ input: "{}", output: "[0,1]" }, /must be a JSON array/],
    [{ input: "[[1,2],3]", output: "[0,1.5]" }, /tests\[0\]\.output\[1\]: expected an int/],
    [{ input: "[[1,2],3", output: "[0,1]" }, /not JSON/],
  ])("%j", async (test, message) => {
    const attempt = judgeFunction(neverRun, { signature: TWO_SUM, language: "python", source: "", tests: [test] });
    await expect(attempt).rejects.toThrow(FunctionTestInvalid);
    await expect(attempt).rejects.toThrow(message);
  });
});
