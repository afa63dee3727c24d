/**
 * Six sample problems, a correct solution to each in every language, ten tests each, through
 * `judgeFunction` and the real sandbox: all AC. The solutions are written the way learners write
 * them (LeetCode habits included: Go imports and a `package main` line, a JS `var f = function`,
 * C sorting a copy, Java `public class Solution`). Logs compile + 10-test timings per language.
 */
import type { Judge } from "../judge";
import type { LanguageId } from "../languages";
import { judgeFunction, type FunctionJudgeResult } from "./judgeFunction";
import type { FunctionSignature } from "./signature";
import { CONCURRENCY, LANGUAGES_UNDER_TEST, mapConcurrent, sig, startTestJudge, t, timed } from "./test-support";

interface Problem {
  signature: FunctionSignature;
  tests: Array<{ input: string; output: string }>;
  solutions: Record<LanguageId, string>;
}

const PROBLEMS: Problem[] = [
  {
    signature: sig("twoSum", [["nums", "int[]"], ["target", "int"]], "int[]"),
    tests: [
      t([[2, 7, 11, 15], 9], [0, 1]),
      t([[3, 2, 4], 6], [1, 2]),
      t([[3, 3], 6], [0, 1]),
      t([[1, 5, 9, 13], 22], [2, 3]),
      t([[-1, -2, -3, -4, -5], -8], [2, 4]),
      t([[0, 4, 3, 0], 0], [0, 3]),
      t([[1000000000, 999999999, 1], 1999999999], [0, 1]),
      t([[5, 75, 25], 100], [1, 2]),
      t([[1, 2], 3], [0, 1]),
      t([[10, 20, 30, 40, 50, 60], 110], [4, 5]),
    ],
    solutions: {
      python:
        "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, x in enumerate(nums):\n" +
        "            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n        return []\n",
      c:
        "int* twoSum(const int* nums, int numsSize, int target, int* returnSize) {\n    int* r = malloc(2 * sizeof(int));\n    *returnSize = 0;\n" +
        "    for (int i = 0; i < numsSize; i++)\n        for (int j = i + 1; j < numsSize; j++)\n" +
        "            if ((long long)nums[i] + nums[j] == target) { r[0] = i; r[1] = j; *returnSize = 2; return r; }\n    return r;\n}\n",
      cpp:
        "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        unordered_map<int, int> seen;\n" +
        "        for (int i = 0; i < (int)nums.size(); i++) {\n            auto it = seen.find(target - nums[i]);\n" +
        "            if (it != seen.end()) return {it->second, i};\n            seen[nums[i]] = i;\n        }\n        return {};\n    }\n};\n",
      java:
        "import java.util.HashMap;\n\npublic class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        HashMap<Integer, Integer> seen = new HashMap<>();\n" +
        "        for (int i = 0; i < nums.length; i++) {\n            Integer j = seen.get(target - nums[i]);\n            if (j != null) return new int[] {j, i};\n" +
        "            seen.put(nums[i], i);\n        }\n        return new int[0];\n    }\n}\n",
      go:
        "func twoSum(nums []int, target int) []int {\n\tseen := map[int]int{}\n\tfor i, x := range nums {\n\t\tif j, ok := seen[target-x]; ok {\n" +
        "\t\t\treturn []int{j, i}\n\t\t}\n\t\tseen[x] = i\n\t}\n\treturn nil\n}\n",
      javascript:
        "/**\n * @param {number[]} nums\n * @param {number} target\n * @return {number[]}\n */\nvar twoSum = function(nums, target) {\n    const seen = new Map();\n" +
        "    for (let i = 0; i < nums.length; i++) {\n        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n        seen.set(nums[i], i);\n    }\n    return [];\n};\n",
      typescript:
        "function twoSum(nums: number[], target: number): number[] {\n    const seen = new Map<number, number>();\n    for (let i = 0; i < nums.length; i++) {\n" +
        "        const j = seen.get(target - nums[i]);\n        if (j !== undefined) return [j, i];\n        seen.set(nums[i], i);\n    }\n    return [];\n}\n",
    },
  },
  {
    signature: sig("isPalindrome", [["s", "string"]], "bool"),
    tests: [
      t(["A man, a plan, a canal: Panama"], true),
      t(["race a car"], false),
      t([" "], true),
      t([""], true),
      t(["0P"], false),
      t(["ab_a"], true),
      t(["Was it a car or a cat I saw?"], true),
      t(["No 'x' in Nixon"], true),
      t(['"quoted" \\ backslash'], false),
      t(["12321"], true),
    ],
    solutions: {
      python: "class Solution:\n    def isPalindrome(self, s: str) -> bool:\n        t = [c.lower() for c in s if c.isalnum()]\n        return t == t[::-1]\n",
      c:
        "bool isPalindrome(const char* s) {\n    int i = 0, j = (int)strlen(s) - 1;\n    while (i < j) {\n" +
        "        if (!isalnum((unsigned char)s[i])) { i++; continue; }\n        if (!isalnum((unsigned char)s[j])) { j--; continue; }\n" +
        "        if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j])) return false;\n        i++;\n        j--;\n    }\n    return true;\n}\n",
      cpp:
        "class Solution {\npublic:\n    bool isPalindrome(string s) {\n        string t;\n" +
        "        for (char c : s) if (isalnum((unsigned char)c)) t += (char)tolower((unsigned char)c);\n" +
        "        return equal(t.begin(), t.end(), t.rbegin());\n    }\n};\n",
      java:
        "class Solution {\n    public boolean isPalindrome(String s) {\n        int i = 0, j = s.length() - 1;\n        while (i < j) {\n" +
        "            char a = s.charAt(i), b = s.charAt(j);\n            if (!Character.isLetterOrDigit(a)) { i++; continue; }\n" +
        "            if (!Character.isLetterOrDigit(b)) { j--; continue; }\n            if (Character.toLowerCase(a) != Character.toLowerCase(b)) return false;\n" +
        "            i++;\n            j--;\n        }\n        return true;\n    }\n}\n",
      go:
        'import (\n\t"strings"\n\t"unicode"\n)\n\nfunc isPalindrome(s string) bool {\n\tvar t []rune\n\tfor _, c := range strings.ToLower(s) {\n' +
        "\t\tif unicode.IsLetter(c) || unicode.IsDigit(c) {\n\t\t\tt = append(t, c)\n\t\t}\n\t}\n" +
        "\tfor i, j := 0, len(t)-1; i < j; i, j = i+1, j-1 {\n\t\tif t[i] != t[j] {\n\t\t\treturn false\n\t\t}\n\t}\n\treturn true\n}\n",
      javascript: 'function isPalindrome(s) {\n    const t = s.toLowerCase().replace(/[^a-z0-9]/g, "");\n    return t === [...t].reverse().join("");\n}\n',
      typescript: 'function isPalindrome(s: string): boolean {\n    const t: string = s.toLowerCase().replace(/[^a-z0-9]/g, "");\n    return t === [...t].reverse().join("");\n}\n',
    },
  },
  {
    signature: sig("mergeIntervals", [["intervals", "int[][]"]], "int[][]"),
    tests: [
      t([[[1, 3], [2, 6], [8, 10], [15, 18]]], [[1, 6], [8, 10], [15, 18]]),
      t([[[1, 4], [4, 5]]], [[1, 5]]),
      t([[[1, 4], [0, 4]]], [[0, 4]]),
      t([[]], []),
      t([[[5, 5]]], [[5, 5]]),
      t([[[1, 10], [2, 3], [4, 5]]], [[1, 10]]),
      t([[[6, 8], [1, 9], [2, 4], [4, 7]]], [[1, 9]]),
      t([[[1, 2], [3, 4], [5, 6]]], [[1, 2], [3, 4], [5, 6]]),
      t([[[-5, -1], [-3, 2], [10, 20]]], [[-5, 2], [10, 20]]),
      t([[[2, 3], [4, 5], [6, 7], [8, 9], [1, 10]]], [[1, 10]]),
    ],
    solutions: {
      python:
        "class Solution:\n    def mergeIntervals(self, intervals: List[List[int]]) -> List[List[int]]:\n        out = []\n        for a, b in sorted(intervals):\n" +
        "            if out and a <= out[-1][1]:\n                out[-1][1] = max(out[-1][1], b)\n            else:\n                out.append([a, b])\n        return out\n",
      c:
        "static int byStart(const void* a, const void* b) {\n    const int* x = *(const int* const*)a;\n    const int* y = *(const int* const*)b;\n" +
        "    return (x[0] > y[0]) - (x[0] < y[0]);\n}\n\n" +
        "int** mergeIntervals(const int* const* intervals, int intervalsSize, const int* intervalsColSizes, int* returnSize, int** returnColumnSizes) {\n" +
        "    const int** sorted = malloc(sizeof(int*) * (intervalsSize + 1));\n    memcpy(sorted, intervals, sizeof(int*) * intervalsSize);\n" +
        "    qsort(sorted, intervalsSize, sizeof(int*), byStart);\n    int** out = malloc(sizeof(int*) * (intervalsSize + 1));\n    int n = 0;\n" +
        "    for (int i = 0; i < intervalsSize; i++) {\n        if (n > 0 && sorted[i][0] <= out[n - 1][1]) {\n" +
        "            if (sorted[i][1] > out[n - 1][1]) out[n - 1][1] = sorted[i][1];\n        } else {\n" +
        "            out[n] = malloc(2 * sizeof(int));\n            out[n][0] = sorted[i][0];\n            out[n][1] = sorted[i][1];\n            n++;\n        }\n    }\n" +
        "    *returnSize = n;\n    *returnColumnSizes = malloc(sizeof(int) * (n + 1));\n    for (int i = 0; i < n; i++) (*returnColumnSizes)[i] = 2;\n    return out;\n}\n",
      cpp:
        "class Solution {\npublic:\n    vector<vector<int>> mergeIntervals(vector<vector<int>>& intervals) {\n        sort(intervals.begin(), intervals.end());\n" +
        "        vector<vector<int>> out;\n        for (auto& iv : intervals) {\n" +
        "            if (!out.empty() && iv[0] <= out.back()[1]) out.back()[1] = max(out.back()[1], iv[1]);\n            else out.push_back(iv);\n        }\n" +
        "        return out;\n    }\n};\n",
      java:
        "class Solution {\n    public int[][] mergeIntervals(int[][] intervals) {\n        Arrays.sort(intervals, (a, b) -> Integer.compare(a[0], b[0]));\n" +
        "        List<int[]> out = new ArrayList<>();\n        for (int[] iv : intervals) {\n" +
        "            if (!out.isEmpty() && iv[0] <= out.get(out.size() - 1)[1]) out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], iv[1]);\n" +
        "            else out.add(new int[] {iv[0], iv[1]});\n        }\n        return out.toArray(new int[0][]);\n    }\n}\n",
      go:
        'import "sort"\n\nfunc mergeIntervals(intervals [][]int) [][]int {\n\tsort.Slice(intervals, func(a, b int) bool { return intervals[a][0] < intervals[b][0] })\n' +
        "\tout := [][]int{}\n\tfor _, iv := range intervals {\n\t\tif n := len(out); n > 0 && iv[0] <= out[n-1][1] {\n\t\t\tif iv[1] > out[n-1][1] {\n" +
        "\t\t\t\tout[n-1][1] = iv[1]\n\t\t\t}\n\t\t} else {\n\t\t\tout = append(out, []int{iv[0], iv[1]})\n\t\t}\n\t}\n\treturn out\n}\n",
      javascript:
        "function mergeIntervals(intervals) {\n    intervals.sort((a, b) => a[0] - b[0]);\n    const out = [];\n    for (const [a, b] of intervals) {\n" +
        "        const last = out[out.length - 1];\n        if (last && a <= last[1]) last[1] = Math.max(last[1], b);\n        else out.push([a, b]);\n    }\n    return out;\n}\n",
      typescript:
        "function mergeIntervals(intervals: number[][]): number[][] {\n    intervals.sort((a, b) => a[0] - b[0]);\n    const out: number[][] = [];\n" +
        "    for (const [a, b] of intervals) {\n        const last = out[out.length - 1];\n        if (last && a <= last[1]) last[1] = Math.max(last[1], b);\n" +
        "        else out.push([a, b]);\n    }\n    return out;\n}\n",
    },
  },
  {
    signature: sig("average", [["nums", "double[]"]], "double"),
    tests: [
      t([[1, 2, 3, 4]], 2.5),
      t([[1, 2]], 1.5),
      t([[1, 1, 1]], 1),
      t([[1, 2, 2]], 1.6666666666666667),
      t([[0.1, 0.2]], 0.15),
      t([[-5]], -5),
      t([[1e9, 1e9, 1e9]], 1e9),
      t([[1e-9, 3e-9]], 2e-9),
      t([[10, -10]], 0),
      t([[3.5, 2.25, 1.125]], 2.2916666666666665),
    ],
    solutions: {
      python: "class Solution:\n    def average(self, nums: List[float]) -> float:\n        return sum(nums) / len(nums)\n",
      c: "double average(const double* nums, int numsSize) {\n    double s = 0;\n    for (int i = 0; i < numsSize; i++) s += nums[i];\n    return s / numsSize;\n}\n",
      cpp: "class Solution {\npublic:\n    double average(vector<double>& nums) {\n        return accumulate(nums.begin(), nums.end(), 0.0) / nums.size();\n    }\n};\n",
      java: "class Solution {\n    public double average(double[] nums) {\n        double s = 0;\n        for (double x : nums) s += x;\n        return s / nums.length;\n    }\n}\n",
      go: "func average(nums []float64) float64 {\n\ts := 0.0\n\tfor _, x := range nums {\n\t\ts += x\n\t}\n\treturn s / float64(len(nums))\n}\n",
      javascript: "function average(nums) {\n    return nums.reduce((s, x) => s + x, 0) / nums.length;\n}\n",
      typescript: "function average(nums: number[]): number {\n    return nums.reduce((s, x) => s + x, 0) / nums.length;\n}\n",
    },
  },
  {
    signature: sig("wordLengths", [["words", "string[]"]], "int[]"),
    tests: [
      t([["hello", "world"]], [5, 5]),
      t([[]], []),
      t([[""]], [0]),
      t([["a", "bb", "ccc"]], [1, 2, 3]),
      t([["with space", "tab\t", 'quote"', "back\\"]], [10, 4, 6, 5]),
      t([["x"]], [1]),
      t([["interview", "preparation", "platform"]], [9, 11, 8]),
      t([["", "", "z"]], [0, 0, 1]),
      t([["new\nline"]], [8]),
      t([["{\"json\":1}", "[]"]], [10, 2]),
    ],
    solutions: {
      python: "class Solution:\n    def wordLengths(self, words: List[str]) -> List[int]:\n        return [len(w) for w in words]\n",
      c:
        "int* wordLengths(const char* const* words, int wordsSize, int* returnSize) {\n    int* r = malloc(sizeof(int) * (wordsSize + 1));\n" +
        "    for (int i = 0; i < wordsSize; i++) r[i] = (int)strlen(words[i]);\n    *returnSize = wordsSize;\n    return r;\n}\n",
      cpp:
        "class Solution {\npublic:\n    vector<int> wordLengths(vector<string>& words) {\n        vector<int> r;\n" +
        "        for (auto& w : words) r.push_back((int)w.size());\n        return r;\n    }\n};\n",
      java:
        "class Solution {\n    public int[] wordLengths(String[] words) {\n        int[] r = new int[words.length];\n" +
        "        for (int i = 0; i < words.length; i++) r[i] = words[i].length();\n        return r;\n    }\n}\n",
      go: "func wordLengths(words []string) []int {\n\tr := make([]int, len(words))\n\tfor i, w := range words {\n\t\tr[i] = len(w)\n\t}\n\treturn r\n}\n",
      javascript: "function wordLengths(words) {\n    return words.map((w) => w.length);\n}\n",
      typescript: "function wordLengths(words: string[]): number[] {\n    return words.map((w) => w.length);\n}\n",
    },
  },
  {
    signature: sig("bigSum", [["nums", "long[]"]], "long"),
    tests: [
      t([[9007199254740993n, 1n]], 9007199254740994n),
      t([[9223372036854775807n]], 9223372036854775807n),
      t([[-9223372036854775808n]], -9223372036854775808n),
      t([[]], 0n),
      t([[4611686018427387904n, 4611686018427387903n]], 9223372036854775807n),
      t([[1n, 2n, 3n]], 6n),
      t([[-9007199254740993n, -9007199254740993n]], -18014398509481986n),
      t([[1152921504606846976n, -1n]], 1152921504606846975n),
      t([[123456789012345678n, 876543210987654321n]], 999999999999999999n),
      t([[5n, -5n]], 0n),
    ],
    solutions: {
      python: "class Solution:\n    def bigSum(self, nums: List[int]) -> int:\n        return sum(nums)\n",
      c: "long long bigSum(const long long* nums, int numsSize) {\n    long long s = 0;\n    for (int i = 0; i < numsSize; i++) s += nums[i];\n    return s;\n}\n",
      cpp: "class Solution {\npublic:\n    long long bigSum(vector<long long>& nums) {\n        long long s = 0;\n        for (auto x : nums) s += x;\n        return s;\n    }\n};\n",
      java: "class Solution {\n    public long bigSum(long[] nums) {\n        long s = 0;\n        for (long x : nums) s += x;\n        return s;\n    }\n}\n",
      go: "package main\n\nfunc bigSum(nums []int64) int64 {\n\tvar s int64\n\tfor _, x := range nums {\n\t\ts += x\n\t}\n\treturn s\n}\n",
      javascript: "function bigSum(nums) {\n    return nums.reduce((s, x) => s + x, 0n);\n}\n",
      typescript: "function bigSum(nums: bigint[]): bigint {\n    return nums.reduce((s, x) => s + x, 0n);\n}\n",
    },
  },
];

interface Outcome {
  problem: string;
  language: LanguageId;
  result: FunctionJudgeResult | Error;
  wallMs: number;
}

let judge: Judge | undefined;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  judge = await startTestJudge();
  const running = judge;
  const jobs = PROBLEMS.flatMap((problem) => LANGUAGES_UNDER_TEST.map((language) => ({ problem, language })));
  const done = await mapConcurrent(jobs, CONCURRENCY, async ({ problem, language }) => {
    const { value, ms } = await timed(async () => {
      try {
        return await judgeFunction(running, { signature: problem.signature, language, source: problem.solutions[language], tests: problem.tests, stopOnFirstFailure: false });
      } catch (err) {
        return err as Error;
      }
    });
    return { problem: problem.signature.name, language, result: value, wallMs: ms };
  });
  outcomes.push(...done);
}, 170_000);

afterAll(async () => {
  await judge?.close();
  // compile + 10 tests, end to end (sandbox from the warm pool, compile, one run), per language
  const rows = LANGUAGES_UNDER_TEST.map((language) => {
    const mine = outcomes.filter((o) => o.language === language);
    const wall = mine.map((o) => o.wallMs).sort((a, b) => a - b);
    const compile = mine.map((o) => (o.result instanceof Error ? 0 : (o.result.compile?.timeMs ?? 0)));
    const run = mine.map((o) => (o.result instanceof Error ? 0 : (o.result.process?.timeMs ?? 0)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return `${language.padEnd(11)} wall p50 ${median(wall)} ms (max ${wall[wall.length - 1]}), compile CPU p50 ${median(compile)} ms, run CPU p50 ${median(run)} ms`;
  });
  process.stdout.write(`\nfunction problems, compile + 10 tests:\n${rows.join("\n")}\n`);
}, 60_000);

describe.each(PROBLEMS.map((p) => p.signature.name))("%s", (name) => {
  test.each(LANGUAGES_UNDER_TEST)("%s: the correct solution is AC on all ten tests", (language) => {
    const outcome = outcomes.find((o) => o.problem === name && o.language === language);
    if (!outcome) throw new Error("not judged");
    if (outcome.result instanceof Error) throw outcome.result;
    const r = outcome.result;
    expect({ verdict: r.verdict, message: r.message, compile: r.compile?.ok ? "" : r.compile?.output }).toEqual({ verdict: "AC", message: undefined, compile: "" });
    expect(r.tests.map((x) => x.verdict)).toEqual(Array(10).fill("AC"));
  });
});
