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
import { languageOfFile, type LanguageId } from "../../sandbox/languages";
import type { ProblemData } from "../../sandbox/problem-data";
import { parseSignature, type FunctionSignature } from "../../sandbox/function/signature";
import { starterCodeAll } from "../../sandbox/function/starter";

export type Difficulty = "easy" | "medium" | "hard";
const DIFFICULTIES: readonly Difficulty[] = ["easy", "medium", "hard"];
/** Problem slugs, in URLs and package folder names. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
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

/** `checker: custom` in a package: the one program in its `checker/` folder (Kattis' output validator). */
export function readCheckerProgram(dir: string): { language: LanguageId; source: string } {
  const folder = path.join(dir, "checker");
  const programs = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => languageOfFile(name)) : [];
  const file = programs[0];
  const language = file ? languageOfFile(file) : undefined;
  if (programs.length !== 1 || !file || !language) throw new Error(`checker: custom needs exactly one program in checker/ (found ${programs.length})`);
  return { language, source: fs.readFileSync(path.join(folder, file), "utf8") };
}

function parseChecker(value: unknown, dir: string): ContractChecker {
  const checker = value === "custom" ? { custom: readCheckerProgram(dir) } : value;
  fromContractChecker(checker); // throws on anything the judge would not understand
  return checker === undefined ? "tokens" : (checker as ContractChecker);
}

/** Reads one package directory into a Problem; throws with the package's path on any defect. */
export function loadPackage(dir: string, now = new Date()): Problem {
  try {
    const meta = YAML.parse(fs.readFileSync(path.join(dir, "problem.yaml"), "utf8")) as Record<string, unknown>;
    const statement = fs.readFileSync(path.join(dir, "statement.md"), "utf8");
    const tests = [...readTests(path.join(dir, "data", "sample"), true), ...readTests(path.join(dir, "data", "secret"), false)];
    const limits = (meta.limits ?? {}) as { timeMs?: number; memoryMb?: number };
    const kind = meta.kind ?? "stdio";
    const checker = parseChecker(meta.checker, dir);
    const hash = crypto.createHash("sha256").update(JSON.stringify({ meta, statement, tests, checker })).digest("hex");
    const slug = path.basename(dir);
    const problem: Problem = {
      slug,
      title: String(meta.title ?? slug),
      statement,
      difficulty: meta.difficulty as Difficulty,
      tags: Array.isArray(meta.tags) ? meta.tags.map(String) : [],
      kind: kind as Problem["kind"],
      ...(kind === "function" ? { signature: parseSignature(meta.signature) } : {}),
      limits: { timeMs: Number(limits.timeMs ?? 1000), memoryMb: Number(limits.memoryMb ?? 256) },
      checker,
      tests,
      source: { kind: "package", hash },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const defect = problemDefect(problem);
    if (defect) throw new Error(defect);
    return problem;
  } catch (err) {
    throw new Error(`problem package ${dir}: ${(err as Error).message}`);
  }
}

/** What is wrong with a problem from a package (read here, or sent by another process), if anything. */
function problemDefect(problem: Problem): string | undefined {
  if (typeof problem !== "object" || problem === null) return "not an object";
  if (typeof problem.slug !== "string" || !SLUG_PATTERN.test(problem.slug)) return "the slug must be 3 to 64 lowercase letters, digits and hyphens";
  if (typeof problem.title !== "string" || typeof problem.statement !== "string") return "title and statement must be text";
  if (!DIFFICULTIES.includes(problem.difficulty)) return "difficulty must be easy, medium or hard";
  if (!Array.isArray(problem.tags) || !problem.tags.every((t) => typeof t === "string")) return "tags must be text";
  if (problem.kind !== "stdio" && problem.kind !== "function") return `kind must be stdio or function, not '${String(problem.kind)}'`;
  if (!Number.isInteger(problem.limits?.timeMs) || !Number.isInteger(problem.limits?.memoryMb)) return "limits must be integers";
  if (!Array.isArray(problem.tests) || !problem.tests.every((t) => typeof t.input === "string" && typeof t.output === "string")) return "tests must be text";
  if (!problem.tests.some((t) => t.sample)) return "no sample tests";
  try {
    fromContractChecker(problem.checker);
    if (problem.kind === "function") parseSignature(problem.signature);
  } catch (err) {
    return (err as Error).message;
  }
  if (problem.kind === "function") {
    if (typeof problem.checker === "object" && "custom" in problem.checker) return "function problems compare values: no custom checker";
    const bad = functionTestProblems(problem.tests);
    if (bad.length) return bad.map((b) => `${b.field} ${b.message}`).join("; ");
  }
  return undefined;
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
  const defect = problemDefect(problem) ?? (problem.source?.kind === "package" && typeof problem.source.hash === "string" ? undefined : "not from a package");
  if (defect) throw new Error(`imported problem ${JSON.stringify(problem?.slug ?? null)}: ${defect}`);
  return problem;
}
