/**
 * The problem bank (`problems/<slug>/`): every package is well-formed, and every shipped solution
 * gets the verdict its folder names when judged through the real sandbox, on the sample tests and
 * then the secret tests, with the package's limits and checker — accepted → AC,
 * wrong_answer → WA, time_limit_exceeded → TLE. A verdict that differs is a broken package (or a
 * limit chosen too tight or too loose), never something to retry.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { fromContractChecker, type CheckerSpec } from "./checkers";
import { judgeFunction } from "./function/judgeFunction";
import { parseSignature, type FunctionSignature } from "./function/signature";
import { startJudge, type Judge, type JudgeResult, type TestCase } from "./judge";
import { readCheckerProgram } from "../services/practice/problem";
import { LANGUAGE_IDS, LANGUAGES, languageOfFile, type LanguageId } from "./languages";
import type { Verdict } from "./verdict";
import { assertRunscInstalled, leftovers, NOTHING_LEFT } from "./test/support";

const PROBLEMS_DIR = path.resolve(__dirname, "..", "problems");
const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const MIN_SECRET_TESTS = 10;
const MAX_TEST_BYTES = 2 * 1024 * 1024;
/** An accepted solution's slowest test may use at most this share of the time limit. */
const ACCEPTED_SHARE_OF_LIMIT = 0.5;
/** Two submissions at a time, as on a 2-core judge node. */
const CONCURRENCY = 2;

const FOLDER_VERDICTS = { accepted: "AC", wrong_answer: "WA", time_limit_exceeded: "TLE" } as const satisfies Record<string, Verdict>;
type SolutionFolder = keyof typeof FOLDER_VERDICTS;

interface Solution {
  /** Relative to the package, e.g. `solutions/accepted/heap.py`. */
  file: string;
  language: LanguageId;
  expected: Verdict;
  source: string;
}

interface ProblemPackage {
  slug: string;
  kind: "stdio" | "function";
  signature?: FunctionSignature;
  title: string;
  difficulty: (typeof DIFFICULTIES)[number];
  tags: string[];
  limits: { timeMs: number; memoryMb: number };
  checker: CheckerSpec;
  statement: string;
  samples: TestCase[];
  secret: TestCase[];
  solutions: Solution[];
}


/** `data/<kind>/NN.in` + `NN.ans`, in name order; a missing .ans is an error. */
function readTests(dir: string, errors: string[]): TestCase[] {
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir).sort();
  for (const name of names) {
    if (!name.endsWith(".in") && !name.endsWith(".ans")) errors.push(`${dir}: unexpected file ${name}`);
    if (name.endsWith(".ans") && !names.includes(name.replace(/\.ans$/, ".in"))) errors.push(`${dir}/${name} has no .in`);
  }
  return names
    .filter((name) => name.endsWith(".in"))
    .flatMap((name) => {
      const base = path.join(dir, name.replace(/\.in$/, ""));
      if (!fs.existsSync(`${base}.ans`)) {
        errors.push(`${base}.in has no .ans`);
        return [];
      }
      for (const file of [`${base}.in`, `${base}.ans`]) {
        if (fs.statSync(file).size > MAX_TEST_BYTES) errors.push(`${file} is over ${MAX_TEST_BYTES} bytes`);
      }
      return [{ input: fs.readFileSync(`${base}.in`, "utf8"), output: fs.readFileSync(`${base}.ans`, "utf8") }];
    });
}

function readSolutions(dir: string, errors: string[]): Solution[] {
  return (Object.keys(FOLDER_VERDICTS) as SolutionFolder[]).flatMap((folder) => {
    const folderDir = path.join(dir, "solutions", folder);
    if (!fs.existsSync(folderDir)) return [];
    return fs
      .readdirSync(folderDir)
      .sort()
      .flatMap((name) => {
        const language = languageOfFile(name);
        if (!language) {
          errors.push(`solutions/${folder}/${name}: no language for this extension`);
          return [];
        }
        const source = fs.readFileSync(path.join(folderDir, name), "utf8");
        return [{ file: `solutions/${folder}/${name}`, language, expected: FOLDER_VERDICTS[folder], source }];
      });
  });
}

/** Everything wrong with a package's layout, or the package; never throws. */
function loadPackage(slug: string): { problem?: ProblemPackage; errors: string[] } {
  const dir = path.join(PROBLEMS_DIR, slug);
  const errors: string[] = [];
  let meta: Record<string, unknown>;
  try {
    meta = YAML.parse(fs.readFileSync(path.join(dir, "problem.yaml"), "utf8")) as Record<string, unknown>;
  } catch (err) {
    return { errors: [`problem.yaml: ${(err as Error).message}`] };
  }
  if (typeof meta.title !== "string" || meta.title.trim() === "") errors.push("title must be a non-empty string");
  const kind = meta.kind;
  if (kind !== "stdio" && kind !== "function") errors.push(`kind must be stdio or function, not ${JSON.stringify(kind)}`);
  let signature: FunctionSignature | undefined;
  if (kind === "function") {
    try {
      signature = parseSignature(meta.signature);
    } catch (err) {
      errors.push(`signature: ${(err as Error).message}`);
    }
  }
  if (!DIFFICULTIES.includes(meta.difficulty as ProblemPackage["difficulty"])) errors.push(`difficulty must be one of ${DIFFICULTIES.join(", ")}`);
  const tags = meta.tags;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === "string" && /^[a-z0-9-]+$/.test(t))) {
    errors.push("tags must be a non-empty list of lowercase-hyphenated words");
  }
  const limits = meta.limits as { timeMs?: unknown; memoryMb?: unknown } | undefined;
  const cpp = LANGUAGES.cpp.limits.maximum;
  if (!limits || !Number.isInteger(limits.timeMs) || !Number.isInteger(limits.memoryMb)) {
    errors.push("limits must be {timeMs, memoryMb} integers");
  } else if ((limits.timeMs as number) <= 0 || (limits.timeMs as number) > cpp.timeMs || (limits.memoryMb as number) <= 0 || (limits.memoryMb as number) > cpp.memoryMb) {
    errors.push(`limits must be within the judge's maximum (${cpp.timeMs} ms, ${cpp.memoryMb} MB)`);
  }
  let checker: CheckerSpec = { kind: "tokens" };
  try {
    checker = fromContractChecker(meta.checker === "custom" ? { custom: readCheckerProgram(dir) } : meta.checker);
  } catch (err) {
    errors.push((err as Error).message);
  }

  const statementFile = path.join(dir, "statement.md");
  const statement = fs.existsSync(statementFile) ? fs.readFileSync(statementFile, "utf8") : "";
  if (!/^# \S/m.test(statement)) errors.push("statement.md is missing or has no title");
  const sections = kind === "function" ? ["## Example", "## Constraints"] : ["## Input", "## Output", "## Constraints"];
  for (const section of sections) {
    if (!statement.includes(section)) errors.push(`statement.md has no "${section}" section`);
  }

  const samples = readTests(path.join(dir, "data", "sample"), errors);
  const secret = readTests(path.join(dir, "data", "secret"), errors);
  if (samples.length < 1 || samples.length > 3) errors.push(`1 to 3 sample tests expected, found ${samples.length}`);
  if (secret.length < MIN_SECRET_TESTS) errors.push(`at least ${MIN_SECRET_TESTS} secret tests expected, found ${secret.length}`);
  const squash = (text: string) => text.replace(/\s+/g, " ").trim();
  for (const [index, sample] of kind === "function" ? [] : samples.entries()) {
    if (!squash(statement).includes(squash(sample.input)) || !squash(statement).includes(squash(sample.output))) {
      errors.push(`sample ${index + 1} is not shown in statement.md`);
    }
  }
  if (!fs.existsSync(path.join(dir, "generator.py"))) errors.push("generator.py is missing");
  if (kind === "function") {
    for (const [index, test] of [...samples, ...secret].entries()) {
      try {
        if (!Array.isArray(JSON.parse(test.input))) errors.push(`test ${index + 1}: the input must be the JSON array of the arguments`);
        JSON.parse(test.output);
      } catch (err) {
        errors.push(`test ${index + 1}: ${(err as Error).message}`);
      }
    }
  }

  const solutions = readSolutions(dir, errors);
  const has = (expected: Verdict, language?: LanguageId) => solutions.some((s) => s.expected === expected && (!language || s.language === language));
  // Function problems promise starter code in every language, so each has an accepted solution.
  for (const language of kind === "function" ? LANGUAGE_IDS : (["python", "cpp"] as const)) {
    if (!has("AC", language)) errors.push(`no accepted ${LANGUAGES[language].name} solution`);
  }
  if (!has("WA")) errors.push("no wrong_answer solution");
  if (!has("TLE")) errors.push("no time_limit_exceeded solution");

  if (errors.length > 0) return { errors };
  return {
    errors,
    problem: {
      slug,
      kind: kind as ProblemPackage["kind"],
      ...(signature ? { signature } : {}),
      title: meta.title as string,
      difficulty: meta.difficulty as ProblemPackage["difficulty"],
      tags: tags as string[],
      limits: { timeMs: limits?.timeMs as number, memoryMb: limits?.memoryMb as number },
      checker,
      statement,
      samples,
      secret,
      solutions,
    },
  };
}

const allSlugs = fs
  .readdirSync(PROBLEMS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PROBLEMS_DIR, entry.name, "problem.yaml")))
  .map((entry) => entry.name)
  .sort();
/** `PROBLEMS=slug,slug npx jest sandbox/problems.test.ts`: judge only these (while writing a package). */
const only = process.env.PROBLEMS?.split(",").filter(Boolean);
if (only?.length) console.log(`PROBLEMS is set: judging only ${only.join(", ")}; the bank-wide checks are skipped`);
const slugs = only?.length ? allSlugs.filter((slug) => only.includes(slug)) : allSlugs;
const loaded = new Map(slugs.map((slug) => [slug, loadPackage(slug)]));
const problems = [...loaded.values()].flatMap((entry) => (entry.problem ? [entry.problem] : []));

describe("problem packages", () => {
  (only?.length ? test.skip : test)("the bank has at least 30 problems, of every difficulty and both kinds", () => {
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(problems.map((p) => p.difficulty))).toEqual(new Set(DIFFICULTIES));
    expect(new Set(problems.map((p) => p.kind))).toEqual(new Set(["stdio", "function"]));
  });

  test.each(slugs)("%s is well-formed", (slug) => {
    expect(loaded.get(slug)?.errors).toEqual([]);
  });

  test("titles are unique", () => {
    const titles = problems.map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

interface Job {
  problem: ProblemPackage;
  solution: Solution;
}

interface Outcome {
  result?: JudgeResult;
  error?: string;
  wallMs: number;
}

const jobs: Job[] = problems.flatMap((problem) => problem.solutions.map((solution) => ({ problem, solution })));
const outcomes = new Map<Job, Promise<Outcome>>();

async function judgeOne(judge: Judge, { problem, solution }: Job): Promise<Outcome> {
  const started = Date.now();
  try {
    const request = {
      language: solution.language,
      source: solution.source,
      tests: [...problem.samples, ...problem.secret],
      limits: problem.limits,
      checker: problem.checker,
      stopOnFirstFailure: true,
    };
    const result = problem.signature ? await judgeFunction(judge, { ...request, signature: problem.signature }) : await judge.judge(request);
    return { result, wallMs: Date.now() - started };
  } catch (err) {
    return { error: (err as Error).message, wallMs: Date.now() - started };
  }
}

/** Starts every job now, CONCURRENCY at a time in list order; each test awaits its own. */
function startAll(judge: Judge): void {
  const settle = new Map<Job, (outcome: Outcome) => void>();
  for (const job of jobs) outcomes.set(job, new Promise((resolve) => settle.set(job, resolve)));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as Job;
      settle.get(job)?.(await judgeOne(judge, job));
    }
  };
  for (let i = 0; i < CONCURRENCY; i++) void worker();
}

describe("every shipped solution gets its folder's verdict in the sandbox", () => {
  let judge: Judge | undefined;
  let startedAt = Date.now();
  const lines: string[] = [];

  beforeAll(async () => {
    assertRunscInstalled();
    startedAt = Date.now();
    // A broken toolchain shows as CE/IE on its solutions.
    judge = await startJudge({ poolSize: CONCURRENCY, selfTest: false });
    startAll(judge);
  }, 120_000);

  afterAll(async () => {
    await judge?.close();
    console.log(`problem bank: ${jobs.length} solutions judged in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n${lines.join("\n")}`);
  }, 60_000);

  test.each(jobs.map((job) => [`${job.problem.slug} ${job.solution.file}`, job] as const))(
    "%s",
    async (_name, job) => {
      const outcome = await outcomes.get(job);
      const result = outcome?.result;
      const tests = result?.tests ?? [];
      const last = tests[tests.length - 1];
      const slowest = tests.reduce((a, b) => (b.timeMs > a.timeMs ? b : a), { index: -1, timeMs: 0 });
      lines.push(
        `${job.problem.slug.padEnd(30)} ${job.solution.file.padEnd(52)} ${String(result?.verdict ?? "ERR").padEnd(3)} ` +
          `limit ${job.problem.limits.timeMs} ms, slowest test ${slowest.timeMs} ms (#${slowest.index + 1}), ` +
          `${tests.length} tests run, ${outcome?.wallMs ?? 0} ms wall`,
      );
      expect(outcome?.error).toBeUndefined();
      expect({ verdict: result?.verdict, failedAt: last && last.verdict !== "AC" ? last.index + 1 : null, message: result?.message }).toEqual(
        expect.objectContaining({ verdict: job.solution.expected }),
      );
      if (job.solution.expected === "AC") {
        expect(tests).toHaveLength(job.problem.samples.length + job.problem.secret.length);
        // Headroom, so that a busier machine cannot turn AC into TLE: a limit this close is a bug.
        expect(slowest.timeMs).toBeLessThanOrEqual(job.problem.limits.timeMs * ACCEPTED_SHARE_OF_LIMIT);
      }
    },
    240_000,
  );

  test("judging left no container, process, cgroup or bundle behind", async () => {
    const running = judge;
    if (!running) throw new Error("the judge did not start");
    await running.close();
    expect(await leftovers(running.host)).toEqual(NOTHING_LEFT);
  }, 60_000);
});
