/**
 * A problem as the practice service stores it (one document in the content store), its public
 * view, and the loader for problem packages on disk (ARCHITECTURE.md §5, Kattis-like):
 *   problem.yaml  statement.md  data/sample/*.in|.ans  data/secret/*.in|.ans  solutions/<verdict>/*
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { fromContractChecker, type CheckerSpec } from "../../sandbox/checkers";
import type { LanguageId } from "../../sandbox/languages";
import type { ProblemData } from "../../sandbox/problem-data";
import { parseSignature, type FunctionSignature } from "../../sandbox/function/signature";
import { starterCodeAll } from "../../sandbox/function/starter";

export type Difficulty = "easy" | "medium" | "hard";
/** The checker as the public contract spells it. */
export type ContractChecker = "exact" | "tokens" | { float: number } | { custom: { language: LanguageId; source: string } };

export interface TestCase {
  input: string;
  output: string;
  sample: boolean;
}

export interface Problem {
  slug: string;
  title: string;
  statement: string;
  difficulty: Difficulty;
  tags: string[];
  /** stdio: read stdin, write stdout. function: implement `signature`; tests are JSON (args array → value). */
  kind: "stdio" | "function";
  signature?: FunctionSignature;
  limits: { timeMs: number; memoryMb: number };
  checker: ContractChecker;
  tests: TestCase[];
  /** Where it came from: a package on disk (with its content hash) or the authoring API. */
  source: { kind: "package"; hash: string } | { kind: "api"; authorId: string };
  createdAt: string;
  updatedAt: string;
}

export function toCheckerSpec(checker: ContractChecker): CheckerSpec {
  return fromContractChecker(checker);
}

/** What a sandbox worker judges with (problem-data.ts). */
export function judgingData(problem: Problem): ProblemData {
  return {
    version: problem.updatedAt,
    kind: problem.kind,
    ...(problem.signature ? { signature: problem.signature } : {}),
    tests: problem.tests.map((t) => ({ input: t.input, output: t.output })),
    limits: { timeMs: problem.limits.timeMs, memoryMb: problem.limits.memoryMb },
    checker: toCheckerSpec(problem.checker),
  };
}

/** A checker program's source is the problem's business: learners see only that there is one. */
function publicChecker(checker: ContractChecker) {
  return typeof checker === "object" && "custom" in checker ? { custom: { language: checker.custom.language } } : checker;
}

export function publicProblem(problem: Problem) {
  return {
    slug: problem.slug,
    title: problem.title,
    statement: problem.statement,
    difficulty: problem.difficulty,
    tags: problem.tags,
    kind: problem.kind,
    limits: problem.limits,
    checker: publicChecker(problem.checker),
    samples: problem.tests.filter((t) => t.sample).map((t) => ({ input: t.input, output: t.output })),
    ...(problem.kind === "function" && problem.signature ? { signature: problem.signature, starterCode: starterCodeAll(problem.signature) } : {}),
  };
}

/** Problems with a function test must be JSON: an arguments array in, a value out. */
export function functionTestProblems(tests: Array<{ input: string; output: string }>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  tests.forEach((t, i) => {
    try {
      if (!Array.isArray(JSON.parse(t.input))) problems.push({ field: `tests.${i}.input`, message: "must be a JSON array of the arguments" });
    } catch {
      problems.push({ field: `tests.${i}.input`, message: "must be JSON" });
    }
    try {
      JSON.parse(t.output);
    } catch {
      problems.push({ field: `tests.${i}.output`, message: "must be JSON" });
    }
  });
  return problems;
}

function readTests(dir: string, sample: boolean): TestCase[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".in"))
    .sort()
    .map((f) => {
      const answer = path.join(dir, f.replace(/\.in$/, ".ans"));
      if (!fs.existsSync(answer)) throw new Error(`${path.join(dir, f)} has no .ans`);
      return { input: fs.readFileSync(path.join(dir, f), "utf8"), output: fs.readFileSync(answer, "utf8"), sample };
    });
}

const CHECKER_LANGUAGE_BY_EXTENSION: Record<string, LanguageId> = { ".py": "python", ".cpp": "cpp", ".c": "c", ".java": "java", ".go": "go", ".js": "javascript", ".ts": "typescript" };

/** `checker: custom` takes the one program in the package's `checker/` folder (Kattis' output validator). */
function parseChecker(value: unknown, dir: string): ContractChecker {
  if (value === "custom") {
    const folder = path.join(dir, "checker");
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => CHECKER_LANGUAGE_BY_EXTENSION[path.extname(f)]) : [];
    if (files.length !== 1) throw new Error(`checker: custom needs exactly one program in checker/ (found ${files.length})`);
    const file = files[0] as string;
    value = { custom: { language: CHECKER_LANGUAGE_BY_EXTENSION[path.extname(file)], source: fs.readFileSync(path.join(folder, file), "utf8") } };
  }
  fromContractChecker(value); // throws on anything the judge would not understand
  return value === undefined ? "tokens" : (value as ContractChecker);
}

/** Reads one package directory into a Problem; throws with the package's path on any defect. */
export function loadPackage(dir: string, now = new Date()): Problem {
  const slug = path.basename(dir);
  try {
    const meta = YAML.parse(fs.readFileSync(path.join(dir, "problem.yaml"), "utf8")) as Record<string, unknown>;
    const statement = fs.readFileSync(path.join(dir, "statement.md"), "utf8");
    const tests = [...readTests(path.join(dir, "data", "sample"), true), ...readTests(path.join(dir, "data", "secret"), false)];
    if (!tests.some((t) => t.sample)) throw new Error("no sample tests");
    const limits = (meta.limits ?? {}) as { timeMs?: number; memoryMb?: number };
    const kind = meta.kind ?? "stdio";
    if (kind !== "stdio" && kind !== "function") throw new Error(`kind must be stdio or function, not '${String(kind)}'`);
    const signature = kind === "function" ? parseSignature(meta.signature) : undefined;
    if (kind === "function") {
      const bad = functionTestProblems(tests);
      if (bad.length) throw new Error(bad.map((b) => `${b.field} ${b.message}`).join("; "));
    }
    const checker = parseChecker(meta.checker, dir);
    if (kind === "function" && typeof checker === "object" && "custom" in checker) throw new Error("function problems compare values: no custom checker");
    const hash = crypto.createHash("sha256").update(JSON.stringify({ meta, statement, tests, checker })).digest("hex");
    const difficulty = meta.difficulty;
    if (difficulty !== "easy" && difficulty !== "medium" && difficulty !== "hard") throw new Error("difficulty must be easy, medium or hard");
    return {
      slug,
      title: String(meta.title ?? slug),
      statement,
      difficulty,
      tags: Array.isArray(meta.tags) ? meta.tags.map(String) : [],
      kind,
      ...(signature ? { signature } : {}),
      limits: { timeMs: Number(limits.timeMs ?? 1000), memoryMb: Number(limits.memoryMb ?? 256) },
      checker,
      tests,
      source: { kind: "package", hash },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  } catch (err) {
    throw new Error(`problem package ${dir}: ${(err as Error).message}`);
  }
}

/** Every package under `root` (directories holding a problem.yaml). */
export function packageDirs(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "problem.yaml")))
    .map((e) => path.join(root, e.name))
    .sort();
}

/** A package's problem as another process sends it (`npm run problems:import`): checked like a package. */
export function checkImported(value: unknown): Problem {
  const problem = value as Problem;
  const fail = (message: string): never => {
    throw new Error(`imported problem ${JSON.stringify(problem?.slug ?? null)}: ${message}`);
  };
  if (typeof problem !== "object" || problem === null) return fail("not an object");
  if (typeof problem.slug !== "string" || !/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/.test(problem.slug)) fail("bad slug");
  if (typeof problem.title !== "string" || typeof problem.statement !== "string") fail("title and statement must be strings");
  if (!["easy", "medium", "hard"].includes(problem.difficulty)) fail("bad difficulty");
  if (!Array.isArray(problem.tags) || !problem.tags.every((t) => typeof t === "string")) fail("tags must be strings");
  if (problem.kind !== "stdio" && problem.kind !== "function") fail("kind must be stdio or function");
  if (problem.kind === "function") parseSignature(problem.signature);
  if (!Number.isInteger(problem.limits?.timeMs) || !Number.isInteger(problem.limits?.memoryMb)) fail("limits must be integers");
  fromContractChecker(problem.checker);
  if (!Array.isArray(problem.tests) || !problem.tests.some((t) => t.sample)) fail("no sample tests");
  if (!problem.tests.every((t) => typeof t.input === "string" && typeof t.output === "string")) fail("tests must be text");
  if (problem.kind === "function" && functionTestProblems(problem.tests).length) fail("function tests must be JSON");
  if (problem.source?.kind !== "package" || typeof problem.source.hash !== "string") fail("not from a package");
  return problem;
}
