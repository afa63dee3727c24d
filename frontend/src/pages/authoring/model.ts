/** The authoring form's state, and its translation to the API's problem body (CONTRACT "POST /api/problems"). */
import type { ContractChecker, Difficulty, FunctionSignature, LanguageId, ParamType, ProblemDraft, ReferenceSolution, Verdict } from "../../api/types";

export interface TestDraft {
  id: string;
  input: string;
  output: string;
  sample: boolean;
  /** The file it came from, when uploaded. */
  name?: string;
}

export interface SolutionDraft {
  id: string;
  language: LanguageId;
  expected: Verdict;
  source: string;
}

export type CheckerKind = "tokens" | "exact" | "float" | "custom";

export interface AuthoringState {
  title: string;
  slug: string;
  slugEdited: boolean;
  difficulty: Difficulty;
  tags: string;
  statement: string;
  timeMs: string;
  memoryMb: string;
  checker: CheckerKind;
  tolerance: string;
  customChecker: { language: LanguageId; source: string };
  kind: "stdio" | "function";
  signature: FunctionSignature;
  tests: TestDraft[];
  solutions: SolutionDraft[];
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export function initialState(): AuthoringState {
  return {
    title: "",
    slug: "",
    slugEdited: false,
    difficulty: "easy",
    tags: "",
    statement: "",
    timeMs: "1000",
    memoryMb: "256",
    checker: "tokens",
    tolerance: "1e-6",
    customChecker: { language: "python", source: "" },
    kind: "stdio",
    signature: { name: "solve", params: [{ name: "nums", type: "int[]" as ParamType }], returns: "int" },
    tests: [{ id: newId("test"), input: "", output: "", sample: true }],
    solutions: [],
  };
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function checkerOf(state: AuthoringState): ContractChecker {
  if (state.checker === "float") return { float: Number(state.tolerance) };
  if (state.checker === "custom") return { custom: { language: state.customChecker.language, source: state.customChecker.source } };
  return state.checker;
}

/**
 * Samples go first: the judge numbers tests in this order, and the problem page knows a failing
 * test is a sample when its index is below the sample count. `order[i]` is the form's test for
 * the body's test i (to put a server error back on the right card).
 */
export function orderedTests(tests: TestDraft[]): TestDraft[] {
  return [...tests.filter((t) => t.sample), ...tests.filter((t) => !t.sample)];
}

export function toBody(state: AuthoringState): ProblemDraft {
  const tests = orderedTests(state.tests);
  return {
    slug: state.slug.trim(),
    title: state.title.trim(),
    statement: state.statement,
    difficulty: state.difficulty,
    tags: parseTags(state.tags),
    kind: state.kind,
    ...(state.kind === "function" ? { signature: state.signature } : {}),
    limits: { timeMs: Number(state.timeMs), memoryMb: Number(state.memoryMb) },
    checker: checkerOf(state),
    tests: tests.map((t) => ({ input: t.input, output: t.output, sample: t.sample })),
  };
}

export function toSolutions(state: AuthoringState): ReferenceSolution[] {
  return state.solutions.filter((s) => s.source.trim()).map((s) => ({ language: s.language, source: s.source, expected: s.expected }));
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

/** What can be checked before asking the server; keys are the API's field paths. */
export function validate(state: AuthoringState): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!state.title.trim()) errors.title = "Give the problem a title.";
  if (!SLUG_PATTERN.test(state.slug)) errors.slug = "3–64 characters: lowercase letters, digits and dashes, not at either end.";
  if (!state.statement.trim()) errors.statement = "Write the statement.";
  const time = Number(state.timeMs);
  if (!Number.isInteger(time) || time < 100 || time > 10_000) errors["limits.timeMs"] = "A whole number of milliseconds from 100 to 10000.";
  const memory = Number(state.memoryMb);
  if (!Number.isInteger(memory) || memory < 16 || memory > 1024) errors["limits.memoryMb"] = "A whole number of megabytes from 16 to 1024.";
  if (state.checker === "float") {
    const tolerance = Number(state.tolerance);
    if (!(tolerance > 0 && tolerance <= 1)) errors.checker = "The tolerance is a number above 0 and at most 1 (e.g. 1e-6).";
  }
  if (state.checker === "custom" && !state.customChecker.source.trim()) errors.checker = "Write the checker program.";
  if (state.checker === "custom" && state.kind === "function") errors.checker = "Function problems compare returned values: choose another checker.";
  if (state.tests.length === 0) errors.tests = "Add at least one test.";
  else if (!state.tests.some((t) => t.sample)) errors.tests = "Mark at least one test as a sample: learners see the samples.";
  if (state.kind === "function") {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(state.signature.name)) errors["signature.name"] = "A function name: letters, digits and underscores.";
    state.signature.params.forEach((p, i) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) errors[`signature.params.${i}.name`] = "A parameter name: letters, digits and underscores.";
    });
    orderedTests(state.tests).forEach((t, i) => {
      try {
        if (!Array.isArray(JSON.parse(t.input))) errors[`tests.${i}.input`] = "Must be a JSON array of the arguments.";
      } catch {
        errors[`tests.${i}.input`] = "Must be JSON: the arguments array, e.g. [[1,2,3], 4].";
      }
      try {
        JSON.parse(t.output);
      } catch {
        errors[`tests.${i}.output`] = "Must be JSON: the expected return value.";
      }
    });
  }
  return errors;
}

function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Pairs uploaded files by name: `x.in` with `x.ans` (or `x.out`). A name or folder with "sample" marks a sample. */
export async function testsFromFiles(files: File[]): Promise<{ tests: TestDraft[]; unpaired: string[] }> {
  const groups = new Map<string, { input?: File; output?: File; path: string }>();
  for (const file of files) {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    const match = /^(.*)\.(in|ans|out)$/i.exec(path);
    if (!match) continue;
    const base = match[1]!;
    const group = groups.get(base) ?? { path: base };
    if (match[2]!.toLowerCase() === "in") group.input = file;
    else group.output = file;
    groups.set(base, group);
  }
  const tests: TestDraft[] = [];
  const unpaired: string[] = [];
  const bases = [...groups.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  for (const base of bases) {
    const group = groups.get(base)!;
    if (!group.input || !group.output) {
      unpaired.push(group.input?.name ?? group.output?.name ?? base);
      continue;
    }
    tests.push({
      id: newId("test"),
      input: await readText(group.input),
      output: await readText(group.output),
      sample: /sample/i.test(base),
      name: base.split("/").pop(),
    });
  }
  // Samples first, as learners will see them (and as the judge numbers them when published).
  return { tests: [...tests.filter((t) => t.sample), ...tests.filter((t) => !t.sample)], unpaired };
}
