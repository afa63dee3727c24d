/**
 * `npx tsx sandbox/function/bench.ts [runs]`: one function problem (twoSum, 10 tests) judged in
 * every language, one submission at a time, `runs` times each (default 5): end-to-end wall time
 * (sandbox from the warm pool, compile, one harness run over all tests, parse), compile CPU,
 * the harness process's CPU, and the sum of the calls' own times. Prints p50 and max.
 */
import { startJudge } from "../judge";
import { LANGUAGE_IDS, type LanguageId } from "../languages";
import { judgeFunction } from "./judgeFunction";
import type { FunctionSignature } from "./signature";
import { toJsonText } from "./values";

const SIGNATURE: FunctionSignature = { name: "twoSum", params: [{ name: "nums", type: "int[]" }, { name: "target", type: "int" }], returns: "int[]" };

const SOLUTIONS: Record<LanguageId, string> = {
  python:
    "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, x in enumerate(nums):\n" +
    "            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n        return []\n",
  c:
    "int* twoSum(const int* nums, int numsSize, int target, int* returnSize) {\n    int* r = malloc(2 * sizeof(int));\n    *returnSize = 0;\n" +
    "    for (int i = 0; i < numsSize; i++)\n        for (int j = i + 1; j < numsSize; j++)\n" +
    "            if (nums[i] + nums[j] == target) { r[0] = i; r[1] = j; *returnSize = 2; return r; }\n    return r;\n}\n",
  cpp:
    "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        unordered_map<int, int> seen;\n" +
    "        for (int i = 0; i < (int)nums.size(); i++) {\n            auto it = seen.find(target - nums[i]);\n" +
    "            if (it != seen.end()) return {it->second, i};\n            seen[nums[i]] = i;\n        }\n        return {};\n    }\n};\n",
  java:
    "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        Map<Integer, Integer> seen = new HashMap<>();\n" +
    "        for (int i = 0; i < nums.length; i++) {\n            Integer j = seen.get(target - nums[i]);\n            if (j != null) return new int[] {j, i};\n" +
    "            seen.put(nums[i], i);\n        }\n        return new int[0];\n    }\n}\n",
  go:
    "func twoSum(nums []int, target int) []int {\n\tseen := map[int]int{}\n\tfor i, x := range nums {\n\t\tif j, ok := seen[target-x]; ok {\n" +
    "\t\t\treturn []int{j, i}\n\t\t}\n\t\tseen[x] = i\n\t}\n\treturn nil\n}\n",
  javascript:
    "function twoSum(nums, target) {\n    const seen = new Map();\n    for (let i = 0; i < nums.length; i++) {\n" +
    "        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n        seen.set(nums[i], i);\n    }\n    return [];\n}\n",
  typescript:
    "function twoSum(nums: number[], target: number): number[] {\n    const seen = new Map<number, number>();\n    for (let i = 0; i < nums.length; i++) {\n" +
    "        const j = seen.get(target - nums[i]);\n        if (j !== undefined) return [j, i];\n        seen.set(nums[i], i);\n    }\n    return [];\n}\n",
};

/** Ten tests, 1 000 numbers each: the answer is the last two. */
const TESTS = Array.from({ length: 10 }, (_, k) => {
  const nums = Array.from({ length: 1000 }, (_, i) => i * 3 + k);
  const target = (nums[998] ?? 0) + (nums[999] ?? 0);
  return { input: toJsonText([nums, target]), output: toJsonText([998, 999]) };
});

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const judge = await startJudge({ poolSize: 1, selfTest: false });
  try {
    console.log(`function problem, twoSum, 10 tests x 1000 numbers, ${runs} runs each, one at a time (p50 / max)`);
    for (const language of LANGUAGE_IDS) {
      const wall: number[] = [];
      const compile: number[] = [];
      const cpu: number[] = [];
      const calls: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = Date.now();
        const result = await judgeFunction(judge, { signature: SIGNATURE, language, source: SOLUTIONS[language], tests: TESTS });
        wall.push(Date.now() - started);
        if (result.verdict !== "AC") throw new Error(`${language}: ${result.verdict} ${result.message ?? ""} ${result.compile?.output ?? ""}`);
        compile.push(result.compile?.timeMs ?? 0);
        cpu.push(result.process?.timeMs ?? 0);
        calls.push(Math.round(result.tests.reduce((sum, t) => sum + t.timeMs, 0) * 100) / 100);
      }
      console.log(
        `${language.padEnd(11)} end to end ${p50(wall)} / ${Math.max(...wall)} ms | compile CPU ${p50(compile)} ms | harness run CPU ${p50(cpu)} ms | 10 calls ${p50(calls)} ms`,
      );
    }
  } finally {
    await judge.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
