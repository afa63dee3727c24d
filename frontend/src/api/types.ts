/** The shapes of CONTRACT.md as the browser sees them. */

export type Role = "user" | "instructor" | "admin" | (string & {});
export type Tier = "free" | "pro" | "enterprise";
export type ThemePreference = "light" | "dark" | "system";

export const LANGUAGE_IDS = ["python", "cpp", "c", "java", "go", "javascript", "typescript"] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

export interface User {
  id: string;
  email: string;
  fullName: string;
  roles: Role[];
  tier: Tier;
  tenantId: string;
  emailVerified: boolean;
}

export interface Preferences {
  theme?: ThemePreference;
  language?: LanguageId;
  emailNotifications?: boolean;
  editorKeymap?: "default" | "vim" | "emacs";
}

export interface Me extends User {
  createdAt: string;
  preferences: Preferences;
}

export interface SessionAnswer {
  user: User;
  accessToken: string;
  expiresIn: number;
}

export interface RefreshAnswer {
  accessToken: string;
  expiresIn: number;
}

export interface ClientConfig {
  wsUrl: string;
  features: { ai?: boolean; oauth?: string[]; emailVerification?: boolean; [feature: string]: unknown };
}

export interface Language {
  id: LanguageId;
  name: string;
  version: string;
  available?: boolean;
}

export type Difficulty = "easy" | "medium" | "hard";
export const DIFFICULTIES: Difficulty[] = ["easy", "medium", "hard"];

export interface ProblemSummary {
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  solvedByMe: boolean;
}

export interface ProblemPage {
  items: ProblemSummary[];
  total: number;
}

export type ContractChecker = "exact" | "tokens" | { float: number } | { custom: { language: LanguageId; source: string } };

export const PARAM_TYPES = ["int", "long", "double", "bool", "string", "int[]", "long[]", "double[]", "string[]", "int[][]", "string[][]"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface FunctionSignature {
  name: string;
  params: Array<{ name: string; type: ParamType }>;
  returns: ParamType;
}

export interface Problem {
  slug: string;
  title: string;
  statement: string;
  difficulty: Difficulty;
  tags: string[];
  kind?: "stdio" | "function";
  limits: { timeMs: number; memoryMb: number };
  samples: Array<{ input: string; output: string }>;
  checker: ContractChecker;
  signature?: FunctionSignature;
  starterCode?: Partial<Record<LanguageId, string>>;
}

export const VERDICTS = ["AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE"] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface TestResult {
  index: number;
  verdict: Verdict;
  timeMs?: number;
  memoryKb?: number;
}

export type SubmissionStatus = "queued" | "running" | "done";

export interface Submission {
  id: string;
  problem: string;
  language: LanguageId;
  status: SubmissionStatus;
  verdict?: Verdict;
  tests: TestResult[];
  timeMs?: number | null;
  memoryKb?: number | null;
  compileOutput?: string;
  source?: string;
  createdAt: string;
  judgedAt?: string;
}

/** What the realtime gateway pushes on `submission:<id>` while judging (`total` rides on the progress updates). */
export interface SubmissionUpdate {
  type: "submission.update";
  id: string;
  status: SubmissionStatus;
  verdict?: Verdict;
  tests?: TestResult[];
  total?: number;
}

export interface RunResult {
  verdict: Verdict;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timeMs: number;
  memoryKb: number;
  compileOutput?: string;
}

export interface ProblemDraft {
  slug: string;
  title: string;
  statement: string;
  difficulty: Difficulty;
  tags: string[];
  kind: "stdio" | "function";
  signature?: FunctionSignature;
  limits: { timeMs: number; memoryMb: number };
  checker: ContractChecker;
  tests: Array<{ input: string; output: string; sample: boolean }>;
}

export interface ReferenceSolution {
  language: LanguageId;
  source: string;
  expected?: Verdict;
}

export interface DryRunResult {
  ok: boolean;
  results: Array<{
    language: LanguageId;
    expected: Verdict;
    verdict: Verdict;
    timeMs?: number;
    tests: TestResult[];
    message?: string;
    compileOutput?: string;
  }>;
}
