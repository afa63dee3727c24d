/**
 * The judging core the sandbox service calls: compile once, run every test in the same sandbox,
 * check, and name one verdict. A submission gets its own sandbox from the warm pool and the
 * sandbox is destroyed afterwards, whatever happened.
 */
import { execFile } from "node:child_process";
import { check, CHECKER_ACCEPT, CHECKER_REJECT, DEFAULT_CHECKER, type CheckerProgram, type CheckerSpec, type CheckResult } from "./checkers";
import { prepareHost, type SandboxHost, type SandboxHostOptions } from "./host";
import { expandArgv, LANGUAGE_IDS, LANGUAGES, resolveLimits, stackMbFor, type Language, type LanguageId, type Limits } from "./languages";
import { SandboxPool } from "./pool";
import { Sandbox, sweepStale, type StepResult, type StepSpec } from "./runsc";
import { classifyRun, overallVerdict, type TestResult, type Verdict } from "./verdict";

/** What run() returns of each stream, and what a compile error shows. */
export const RETURNED_OUTPUT_BYTES = 64 * 1024;
/** Largest file a test's program may write (RLIMIT_FSIZE). */
const RUN_FSIZE_KB = 16 * 1024;

export interface TestCase {
  input: string;
  output: string;
}

export interface JudgeRequest {
  language: LanguageId;
  source: string;
  tests: TestCase[];
  limits?: Partial<Limits>;
  /** Below the language's compile limits only (tests use it to keep compile bombs short). */
  compileLimits?: Partial<Limits>;
  checker?: CheckerSpec;
  /** Default true: the first test that is not AC ends judging. */
  stopOnFirstFailure?: boolean;
  /** Attach each test's stdout/stderr (cut at 64 KiB): for sample tests, never for secret ones. */
  returnOutput?: boolean;
}

/** Decides whether a test's output answers it: a built-in checker, or a checker program in its own sandbox. */
interface OutputChecker {
  verify(index: number, test: TestCase, stdout: Buffer): Promise<CheckResult & { internal?: boolean }>;
  close(): Promise<void>;
}

export interface CompileReport {
  ok: boolean;
  /** Compiler output (stdout then stderr), cut at 64 KiB. */
  output: string;
  timeMs: number;
  memoryKb: number;
  message?: string;
}

export interface JudgeResult {
  verdict: Verdict;
  tests: TestResult[];
  compile: CompileReport | null;
  /** Largest per-test CPU time and memory. */
  timeMs: number;
  memoryKb: number;
  message?: string;
}

export interface RunRequest {
  language: LanguageId;
  source: string;
  stdin?: string;
  limits?: Partial<Limits>;
  compileLimits?: Partial<Limits>;
  /** How much of stdout to return (default 64 KiB; never more than the output limit lets through). */
  stdoutBytes?: number;
}

export interface RunResult {
  verdict: Verdict;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  timeMs: number;
  wallMs: number;
  memoryKb: number;
  compile: CompileReport | null;
  message?: string;
}

export interface SelfTestResult {
  language: LanguageId;
  ok: boolean;
  verdict: Verdict;
  timeMs: number;
  wallMs: number;
  message?: string;
}

export interface LanguageInfo {
  id: LanguageId;
  name: string;
  version: string;
  available: boolean;
  limits: { default: Limits; maximum: Limits };
}

export interface JudgeLogger {
  info(message: string, data?: object): void;
  warn(message: string, data?: object): void;
}

export interface JudgeOptions extends SandboxHostOptions {
  /** Warm sandboxes kept started (default 2). */
  poolSize?: number;
  /** Run every language's self-test at start-up (default true). */
  selfTest?: boolean;
  /** Throw from startJudge when a self-test fails (default false: the language is disabled). */
  requireAllLanguages?: boolean;
  logger?: JudgeLogger;
}

export class LanguageUnavailable extends Error {
  constructor(readonly language: string) {
    super(`language ${language} is not available on this judge`);
    this.name = "LanguageUnavailable";
  }
}

const BASE_ENV = { PATH: "/usr/bin:/bin", HOME: "/work", LANG: "C.UTF-8" };

const silent: JudgeLogger = { info: () => undefined, warn: () => undefined };

function cut(buffer: Buffer, bytes = RETURNED_OUTPUT_BYTES): string {
  return buffer.subarray(0, bytes).toString("utf8");
}

/** Wall clock of a run: sleeping or stopped programs end here, CPU-bound ones at the CPU limit. */
export function wallMsFor(timeMs: number): number {
  return timeMs * 2 + 1000;
}

export class Judge {
  private readonly unavailable = new Set<LanguageId>();
  private readonly versions = new Map<LanguageId, string>();
  selfTestResults: SelfTestResult[] = [];

  constructor(
    readonly host: SandboxHost,
    readonly pool: SandboxPool,
    private readonly logger: JudgeLogger = silent,
  ) {}

  languages(): LanguageInfo[] {
    return LANGUAGE_IDS.map((id) => {
      const language = LANGUAGES[id];
      return {
        id,
        name: language.name,
        version: this.versions.get(id) ?? language.version,
        available: !this.unavailable.has(id),
        limits: language.limits,
      };
    });
  }

  private language(id: LanguageId): Language {
    const language = LANGUAGES[id];
    if (!language || this.unavailable.has(id)) throw new LanguageUnavailable(id);
    return language;
  }

  /** Compiles once, runs the tests in order in one sandbox, reporting each as it finishes. */
  async judge(request: JudgeRequest, onTest?: (result: TestResult) => void): Promise<JudgeResult> {
    const language = this.language(request.language);
    const limits = resolveLimits(language, request.limits);
    const compileLimits = resolveLimits(language, request.compileLimits, language.compileLimits, language.compileLimits);
    const checker = request.checker ?? DEFAULT_CHECKER;
    const stopOnFirstFailure = request.stopOnFirstFailure ?? true;

    return this.withSandbox(async (sandbox): Promise<JudgeResult> => {
      const compile = await this.compile(sandbox, language, request.source, compileLimits);
      if (!compile.ok) return { verdict: compile.internal ? "IE" : "CE", tests: [], compile: compile.report, timeMs: 0, memoryKb: 0, message: compile.report.message };

      const tests: TestResult[] = [];
      const outputChecker = await this.outputChecker(checker);
      try {
        for (const [index, testCase] of request.tests.entries()) {
          const step = await sandbox.step(this.runSpec(language, limits, testCase.input));
          const result = await this.testResult(index, step, limits, language, outputChecker, testCase);
          if (request.returnOutput) Object.assign(result, { stdout: cut(step.stdout), stderr: cut(step.stderr) });
          tests.push(result);
          onTest?.(result);
          if (step.sandboxDied || !sandbox.isAlive) break; // nothing more can run in it (OOM kills the whole box)
          if (stopOnFirstFailure && result.verdict !== "AC") break;
        }
      } finally {
        await outputChecker.close();
      }
      const verdict = overallVerdict(false, tests);
      const failed = tests.find((t) => t.verdict === verdict && verdict !== "AC");
      return {
        verdict,
        tests,
        compile: compile.report,
        timeMs: Math.max(0, ...tests.map((t) => t.timeMs)),
        memoryKb: Math.max(0, ...tests.map((t) => t.memoryKb)),
        ...(failed?.message ? { message: `test ${failed.index + 1}: ${failed.message}` } : {}),
      };
    }, (message) => ({ verdict: "IE", tests: [], compile: null, timeMs: 0, memoryKb: 0, message }));
  }

  /** Compiles and runs once with the given stdin ("run code" in the editor). */
  async run(request: RunRequest): Promise<RunResult> {
    const language = this.language(request.language);
    const limits = resolveLimits(language, request.limits);
    const compileLimits = resolveLimits(language, request.compileLimits, language.compileLimits, language.compileLimits);
    return this.withSandbox(async (sandbox): Promise<RunResult> => {
      const compile = await this.compile(sandbox, language, request.source, compileLimits);
      if (!compile.ok) {
        return {
          verdict: compile.internal ? "IE" : "CE",
          stdout: "",
          stderr: "",
          exitCode: null,
          signal: null,
          timeMs: 0,
          wallMs: 0,
          memoryKb: 0,
          compile: compile.report,
          ...(compile.report.message ? { message: compile.report.message } : {}),
        };
      }
      const step = await sandbox.step(this.runSpec(language, limits, request.stdin ?? ""));
      const failure = classifyRun(step, limits, language);
      return {
        verdict: failure?.verdict ?? "AC",
        stdout: cut(step.stdout, request.stdoutBytes ?? RETURNED_OUTPUT_BYTES),
        stderr: cut(step.stderr),
        exitCode: step.exitCode,
        signal: step.signal,
        timeMs: step.cpuMs,
        wallMs: step.wallMs,
        memoryKb: step.memoryKb,
        compile: compile.report,
        ...(failure ? { message: failure.message } : {}),
      };
    }, (message) => ({ verdict: "IE", stdout: "", stderr: "", exitCode: null, signal: null, timeMs: 0, wallMs: 0, memoryKb: 0, compile: null, message }));
  }

  /** Every language's echo program through the real sandbox; a failing language is disabled. */
  async runSelfTests(concurrency = 2): Promise<SelfTestResult[]> {
    const queue = [...LANGUAGE_IDS];
    const results: SelfTestResult[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const language = LANGUAGES[id];
        const started = Date.now();
        let result: SelfTestResult;
        try {
          this.unavailable.delete(id);
          const run = await this.run({ language: id, source: language.selfTest.source, stdin: language.selfTest.stdin });
          const ok = run.verdict === "AC" && run.stdout === language.selfTest.expectedStdout;
          result = {
            language: id,
            ok,
            verdict: run.verdict,
            timeMs: run.timeMs,
            wallMs: Date.now() - started,
            ...(ok ? {} : { message: run.message ?? run.compile?.output ?? `unexpected output: ${JSON.stringify(run.stdout.slice(0, 200))}` }),
          };
        } catch (err) {
          result = { language: id, ok: false, verdict: "IE", timeMs: 0, wallMs: Date.now() - started, message: (err as Error).message };
        }
        if (!result.ok) {
          this.unavailable.add(id);
          this.logger.warn("judge self-test failed: language disabled", { language: id, message: result.message });
        }
        results.push(result);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    this.selfTestResults = LANGUAGE_IDS.map((id) => results.find((r) => r.language === id)).filter((r): r is SelfTestResult => !!r);
    return this.selfTestResults;
  }

  /** Reads each toolchain's version once, on the host (the same files the box mounts). */
  async probeVersions(): Promise<void> {
    this.versions.set("typescript", this.host.typescriptVersion);
    await Promise.all(
      LANGUAGE_IDS.map(async (id) => {
        const probe = LANGUAGES[id].versionProbe;
        if (!probe) return;
        const [file, ...args] = probe.argv;
        if (!file) return;
        const text = await new Promise<string>((resolve) => {
          execFile(file, args, { timeout: 10_000, env: BASE_ENV }, (_error, stdout, stderr) => resolve(`${stdout}\n${stderr}`));
        });
        const version = probe.pattern.exec(text.trim())?.[1];
        if (version) this.versions.set(id, version);
      }),
    );
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** One sandbox for one submission, destroyed afterwards; a failing sandbox is the judge's IE. */
  private async withSandbox<T>(use: (sandbox: Sandbox) => Promise<T>, internalError: (message: string) => T): Promise<T> {
    let sandbox: Sandbox | undefined;
    try {
      sandbox = await this.pool.acquire();
      return await use(sandbox);
    } catch (err) {
      this.logger.warn("judge: sandbox failure", { error: (err as Error).message });
      return internalError((err as Error).message);
    } finally {
      await sandbox?.destroy();
    }
  }

  private env(language: Language): Record<string, string> {
    return { ...BASE_ENV, ...(language.env ?? {}) };
  }

  private runSpec(language: Language, limits: Limits, stdin: Buffer | string): StepSpec {
    return {
      argv: expandArgv(language.run, limits),
      env: this.env(language),
      cwd: "run",
      stdin,
      cpuMs: limits.timeMs,
      wallMs: wallMsFor(limits.timeMs),
      memoryMb: limits.memoryMb,
      fsizeKb: RUN_FSIZE_KB,
      nproc: language.nproc,
      nofile: language.nofile,
      stackKb: stackMbFor(limits) * 1024,
      stdoutMaxBytes: limits.outputKb * 1024,
      stderrMaxBytes: limits.outputKb * 1024,
      stderrKeepBytes: RETURNED_OUTPUT_BYTES,
    };
  }

  private async compile(
    sandbox: Sandbox,
    language: Language,
    source: string,
    limits: Limits,
  ): Promise<{ ok: boolean; internal: boolean; report: CompileReport }> {
    await sandbox.putFile(language.sourceFile, source);
    const report: CompileReport = { ok: true, output: "", timeMs: 0, memoryKb: 0 };
    for (const argv of language.compile) {
      const step = await sandbox.step({
        argv,
        env: this.env(language),
        cwd: "box",
        stdin: "",
        cpuMs: limits.timeMs,
        wallMs: wallMsFor(limits.timeMs),
        memoryMb: limits.memoryMb,
        fsizeKb: this.host.workDirMb * 1024,
        nproc: Math.max(language.nproc, 64),
        nofile: 256,
        stackKb: 64 * 1024,
        stdoutMaxBytes: limits.outputKb * 1024,
        stderrMaxBytes: limits.outputKb * 1024,
        stderrKeepBytes: RETURNED_OUTPUT_BYTES,
      });
      report.timeMs += step.cpuMs;
      report.memoryKb = Math.max(report.memoryKb, step.memoryKb);
      report.output = cut(Buffer.concat([step.stdout, step.stderr]));
      const failure = compileFailure(step, limits);
      if (failure) {
        report.ok = false;
        report.message = failure.message;
        return { ok: false, internal: failure.internal, report };
      }
    }
    await sandbox.seal();
    return { ok: true, internal: false, report };
  }

  private async testResult(index: number, step: StepResult, limits: Limits, language: Language, checker: OutputChecker, test: TestCase): Promise<TestResult> {
    const base = { index, timeMs: step.cpuMs, wallMs: step.wallMs, memoryKb: step.memoryKb, exitCode: step.exitCode, signal: step.signal };
    const failure = classifyRun(step, limits, language);
    if (failure) return { ...base, verdict: failure.verdict, message: failure.message };
    const verdict = await checker.verify(index, test, step.stdout);
    if (verdict.ok) return { ...base, verdict: "AC" };
    return { ...base, verdict: verdict.internal ? "IE" : "WA", ...(verdict.message ? { message: verdict.message } : {}) };
  }

  /** A built-in checker, or the problem's checker program compiled once in a sandbox of its own. */
  private async outputChecker(spec: CheckerSpec): Promise<OutputChecker> {
    if (spec.kind !== "program") {
      return { verify: async (_index, test, stdout) => check(spec, test.output, stdout.toString("utf8")), close: async () => undefined };
    }
    const language = this.language(spec.language);
    const limits = resolveLimits(language);
    const sandbox = await this.pool.acquire();
    try {
      const compile = await this.compile(sandbox, language, spec.source, resolveLimits(language, undefined, language.compileLimits, language.compileLimits));
      if (!compile.ok) throw new Error(`the checker program does not compile: ${compile.report.message ?? ""}\n${compile.report.output.slice(0, 2000)}`);
    } catch (err) {
      await sandbox.destroy();
      throw err;
    }
    return {
      verify: (index, test, stdout) => this.runChecker(sandbox, spec, language, limits, index, test, stdout),
      close: () => sandbox.destroy(),
    };
  }

  /** Kattis convention: `checker <input> <answer>` with the output on stdin; 42 accepts, 43 rejects. */
  private async runChecker(sandbox: Sandbox, spec: CheckerProgram, language: Language, limits: Limits, index: number, test: TestCase, stdout: Buffer) {
    // Written by the box's root into the sealed source dir: the checker reads them, nothing else runs there.
    await sandbox.putFile(`test${index}.in`, test.input);
    await sandbox.putFile(`test${index}.ans`, test.output);
    const argv = [...expandArgv(language.run, limits), `/work/box/test${index}.in`, `/work/box/test${index}.ans`];
    const step = await sandbox.step({ ...this.runSpec(language, limits, stdout), argv });
    const said = step.stdout.toString("utf8").split("\n")[0]?.trim().slice(0, 200) ?? "";
    const failure = classifyRun(step, limits, language);
    // Its answer is a non-zero exit code, which classifyRun calls RE; any other failure is the checker's.
    const answered = step.signal === null && (!failure || failure.verdict === "RE");
    if (answered && step.exitCode === CHECKER_ACCEPT) return { ok: true };
    if (answered && step.exitCode === CHECKER_REJECT) return { ok: false, message: said || "the checker rejected the output" };
    const how = failure && !answered ? `${failure.verdict}: ${failure.message}` : `exit code ${step.exitCode ?? step.signal}, not ${CHECKER_ACCEPT} or ${CHECKER_REJECT}`;
    return { ok: false, internal: true, message: `the checker program failed on test ${index + 1} (${how}) [${spec.language}]` };
  }
}

/** Any way a compiler step can fail is the submission's CE, except a toolchain that cannot start. */
function compileFailure(step: StepResult, limits: Limits): { internal: boolean; message: string } | null {
  if (step.execError) return { internal: true, message: `the compiler could not start: ${step.execError}` };
  if (step.oomKilled) return { internal: false, message: `the compiler ran out of memory (${limits.memoryMb} MB)` };
  if (step.sandboxDied) return { internal: true, message: "the sandbox stopped during compilation" };
  if (step.outputLimit) return { internal: false, message: "the compiler's output is too large" };
  if (step.cpuExceeded || step.timedOut || step.cpuMs > limits.timeMs) return { internal: false, message: `compilation took longer than ${limits.timeMs} ms` };
  if (step.signal) return { internal: false, message: `the compiler was killed by ${step.signal}` };
  if (step.exitCode !== 0) return { internal: false, message: "compilation failed" };
  return null;
}

/** Prepares the host, sweeps what a crashed predecessor left, fills the pool and self-tests every language. */
export async function startJudge(options: JudgeOptions = {}): Promise<Judge> {
  const host = await prepareHost(options);
  await sweepStale(host);
  const pool = new SandboxPool(() => Sandbox.start(host), options.poolSize ?? 2);
  await pool.start();
  const judge = new Judge(host, pool, options.logger);
  try {
    await judge.probeVersions();
    if (options.selfTest ?? true) {
      const results = await judge.runSelfTests();
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0 && options.requireAllLanguages) {
        throw new Error(`judge self-test failed: ${failed.map((f) => `${f.language}: ${f.message ?? f.verdict}`).join("; ")}`);
      }
      (options.logger ?? silent).info("judge self-test", { results: results.map((r) => ({ language: r.language, ok: r.ok, wallMs: r.wallMs })) });
    }
  } catch (err) {
    await judge.close();
    throw err;
  }
  return judge;
}
