/**
 * sandbox: judges untrusted code. Nothing persistent.
 *
 * - `sandbox.run` — one program on custom input, called directly through Moleculer (load
 *   balanced over the sandbox nodes, bulkhead = this node's cores).
 * - the `judge.requested` channel — sandbox workers share one consumer group with at most
 *   `cores` submissions in flight per worker. A worker that dies mid-judge never acks, so the
 *   message is redelivered and another worker judges it; the practice service records only the
 *   first final verdict of a submission, so every submission ends with exactly one.
 *
 * Without runsc (or root) the judge cannot start: the service still runs and answers with a
 * clear FEATURE_DISABLED error, so the rest of the platform works on a newcomer's machine.
 */
import os from "node:os";
import type { Context, ServiceSchema } from "moleculer";
import { configOf, type Config } from "../lib/config";
import { FeatureDisabled, TooManyRequests } from "../lib/errors";
import { acquireKv, releaseKv, type Kv } from "../lib/kv";
import { currentUser, type AuthMeta } from "../mixins/auth.middleware";
import { makeEvent, type EventEnvelope } from "../lib/events";
import { fromJsonStream } from "../lib/json-stream";
import { lifecycle } from "../lib/service";
import { validOrDeadLettered } from "../mixins/outbox.mixin";
import { judgeFunction } from "./function/judgeFunction";
import { startJudge, type Judge, type JudgeResult, type LanguageInfo } from "./judge";
import { LANGUAGE_IDS, LANGUAGES, type LanguageId } from "./languages";
import { ProblemDataCache, type ProblemData, type ProblemRef } from "./problem-data";
import { VERDICTS, type TestResult, type Verdict } from "./verdict";

/** What the practice service hands a worker for one submission; the problem's tests come apart. */
export interface JudgeBundle {
  submissionId: string;
  userId: string;
  status: "queued" | "running" | "done";
  language: LanguageId;
  source: string;
  problem: ProblemRef;
}

/** One reference solution of an instructor's dry run, and what it got. */
export interface DryRunSolution {
  language: LanguageId;
  source: string;
  expected: Verdict;
}

export interface DryRunResult {
  language: LanguageId;
  expected: Verdict;
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
  tests: Array<{ index: number; verdict: Verdict; timeMs: number; memoryKb: number }>;
  message?: string;
  compileOutput?: string;
}

interface ChannelSender {
  sendToChannel(name: string, payload: unknown): Promise<void>;
}

interface SandboxService {
  broker: Context["broker"];
  logger: Context["broker"]["logger"];
  config: Config;
  kv: Kv;
  judge?: Judge;
  disabledReason?: string;
  problems: ProblemDataCache;
  requireJudge(): Judge;
  judgeSubmission(request: EventEnvelope & { submissionId: string }): Promise<void>;
  problemData(ref: ProblemRef, nodeID?: string): Promise<ProblemData>;
  judgeWith(data: ProblemData, language: LanguageId, source: string, stopOnFirstFailure: boolean, onTest?: (test: TestResult) => void): Promise<JudgeResult>;
  publishProgress(bundle: JudgeBundle, tests: TestResult[], total: number): void;
}

const MAX_SOURCE = 64 * 1024;
/**
 * A judge.requested message not acked within this is handed to another worker: how fast a
 * worker's death is noticed. A live worker says "still working" every third of it.
 */
const ACK_WAIT_S = 15;
const MAX_STDIN = 1024 * 1024;
const WORKERS = Math.max(1, os.cpus().length);
/** Problems' tests a worker keeps between submissions. */
const PROBLEM_CACHE_BYTES = 256 * 1024 * 1024;
export const MAX_DRY_RUN_SOLUTIONS = 10;
/** One reference solution of a dry run, as JSON Schema (practice's API makes `expected` optional). */
export const DRY_RUN_SOLUTION = {
  type: "object",
  properties: { language: { enum: [...LANGUAGE_IDS] }, source: { type: "string", minLength: 1, maxLength: MAX_SOURCE }, expected: { enum: [...VERDICTS] } },
  additionalProperties: false,
};

/** Whole milliseconds and KiB: function harnesses time calls in fractions of a millisecond. */
function publicTest(t: TestResult) {
  return { index: t.index, verdict: t.verdict, timeMs: Math.round(t.timeMs), memoryKb: Math.round(t.memoryKb) };
}

const SandboxServiceSchema: ServiceSchema = {
  name: "sandbox",

  actions: {
    languages: {
      handler(this: SandboxService): LanguageInfo[] {
        if (this.judge) return this.judge.languages();
        return LANGUAGE_IDS.map((id) => ({ id, name: LANGUAGES[id].name, version: LANGUAGES[id].version, available: false, limits: LANGUAGES[id].limits }));
      },
    },

    run: {
      auth: "required",
      params: {
        type: "object",
        properties: {
          language: { enum: [...LANGUAGE_IDS] },
          source: { type: "string", minLength: 1, maxLength: MAX_SOURCE },
          stdin: { type: "string", maxLength: MAX_STDIN },
        },
        required: ["language", "source"],
        additionalProperties: false,
      },
      bulkhead: { enabled: true, concurrency: WORKERS, maxQueueSize: WORKERS * 8 },
      timeout: 60_000,
      async handler(this: SandboxService, ctx: Context<{ language: LanguageId; source: string; stdin?: string }, AuthMeta>) {
        const user = currentUser(ctx);
        const { count, ttlS } = await this.kv.incr(`ratelimit:run:${user.id}`, 60);
        if (count > this.config.sandbox.runsPerMinute) throw new TooManyRequests(ttlS, "Too many runs, try again in a minute");
        const result = await this.requireJudge().run({ language: ctx.params.language, source: ctx.params.source, stdin: ctx.params.stdin ?? "" });
        return {
          verdict: result.verdict,
          stdout: result.stdout,
          stderr: result.stderr,
          exitCode: result.exitCode,
          timeMs: Math.round(result.timeMs),
          memoryKb: Math.round(result.memoryKb),
          ...(result.compile && !result.compile.ok ? { compileOutput: result.compile.output } : {}),
        };
      },
    },

    /**
     * An instructor's dry run: each reference solution judged on a problem not yet published
     * (its data fetched from the practice node that asks), stopping at a solution's first failing
     * test. Called by `practice.dryRun`, never from outside.
     */
    judgeDraft: {
      visibility: "public",
      params: {
        type: "object",
        properties: {
          problem: { type: "object", properties: { key: { type: "string" }, version: { type: "string" } }, required: ["key", "version"], additionalProperties: false },
          solutions: {
            type: "array",
            minItems: 1,
            maxItems: MAX_DRY_RUN_SOLUTIONS,
            items: { ...DRY_RUN_SOLUTION, required: ["language", "source", "expected"] },
          },
        },
        required: ["problem", "solutions"],
        additionalProperties: false,
      },
      bulkhead: { enabled: true, concurrency: WORKERS, maxQueueSize: WORKERS * 4 },
      timeout: 600_000,
      async handler(this: SandboxService, ctx: Context<{ problem: ProblemRef; solutions: DryRunSolution[] }>): Promise<DryRunResult[]> {
        const data = await this.problemData(ctx.params.problem, ctx.nodeID ?? undefined);
        const results: DryRunResult[] = [];
        for (const solution of ctx.params.solutions) {
          const result = await this.judgeWith(data, solution.language, solution.source, true);
          results.push({
            language: solution.language,
            expected: solution.expected,
            verdict: result.verdict,
            timeMs: Math.round(result.timeMs),
            memoryKb: Math.round(result.memoryKb),
            tests: result.tests.map(publicTest),
            ...(result.message ? { message: result.message } : {}),
            ...(result.compile && !result.compile.ok ? { compileOutput: result.compile.output.slice(0, 65536) } : {}),
          });
        }
        return results;
      },
    },
  },

  channels: {
    "judge.requested": {
      group: "sandbox",
      maxInFlight: WORKERS,
      maxRetries: 5,
      ackWaitS: ACK_WAIT_S,
      async handler(this: SandboxService, payload: unknown, raw?: { working?: () => void }) {
        if (!(await validOrDeadLettered(this, "judge.requested", payload))) return;
        const heartbeat = typeof raw?.working === "function" ? setInterval(() => raw.working?.(), (ACK_WAIT_S * 1000) / 3) : undefined;
        try {
          await this.judgeSubmission(payload as EventEnvelope & { submissionId: string });
        } finally {
          if (heartbeat) clearInterval(heartbeat);
        }
      },
    },
  },

  methods: {
    async judgeSubmission(this: SandboxService, request: EventEnvelope & { submissionId: string }) {
      const judge = this.requireJudge();
      const bundle = await this.broker.call<JudgeBundle | null, { submissionId: string }>("practice.judgeBundle", { submissionId: request.submissionId });
      if (!bundle || bundle.status === "done") return; // gone, or a redelivery of one already judged
      const data = await this.problemData(bundle.problem);
      const finished: TestResult[] = [];
      this.publishProgress(bundle, finished, data.tests.length);
      const onTest = (test: TestResult) => {
        finished.push(test);
        this.publishProgress(bundle, finished, data.tests.length);
      };
      const result = await this.judgeWith(data, bundle.language, bundle.source, false, onTest);
      let completed;
      try {
        completed = makeEvent("judge.completed", {
          submissionId: bundle.submissionId,
          verdict: result.verdict,
          tests: result.tests.map(publicTest),
          timeMs: Math.round(result.timeMs),
          memoryKb: Math.round(result.memoryKb),
          ...(result.compile && !result.compile.ok ? { compileOutput: result.compile.output.slice(0, 65536) } : {}),
          judgedBy: this.broker.nodeID,
        });
      } catch (err) {
        // A result we cannot describe is our bug, not the learner's: it ends as IE instead of
        // being redelivered and re-judged until the channel gives up on it.
        this.logger.error(`Judge result of ${bundle.submissionId} does not fit judge.completed: ${(err as Error).message}`);
        completed = makeEvent("judge.completed", { submissionId: bundle.submissionId, verdict: "IE", tests: [], judgedBy: this.broker.nodeID });
      }
      await (this.broker as unknown as ChannelSender).sendToChannel("judge.completed", completed);
    },

    async problemData(this: SandboxService, ref: ProblemRef, nodeID?: string): Promise<ProblemData> {
      return this.problems.get(ref, async () => {
        const stream = await this.broker.call<AsyncIterable<Buffer>, { key: string }>("practice.problemData", { key: ref.key }, nodeID ? { nodeID } : {});
        return fromJsonStream<ProblemData>(stream);
      });
    },

    judgeWith(this: SandboxService, data: ProblemData, language: LanguageId, source: string, stopOnFirstFailure: boolean, onTest?: (test: TestResult) => void) {
      const judge = this.requireJudge();
      const work = { language, source, tests: data.tests, limits: data.limits, checker: data.checker, stopOnFirstFailure };
      return data.kind === "function" && data.signature ? judgeFunction(judge, { ...work, signature: data.signature }, onTest) : judge.judge(work, onTest);
    },

    requireJudge(this: SandboxService): Judge {
      if (!this.judge) throw new FeatureDisabled("Running code", this.disabledReason ?? "the judge is starting");
      return this.judge;
    },

    publishProgress(this: SandboxService, bundle: JudgeBundle, tests: TestResult[], total: number) {
      const message = { type: "submission.update", id: bundle.submissionId, status: "running", tests: tests.map(publicTest), total };
      for (const topic of [`submission:${bundle.submissionId}`, `user:${bundle.userId}`]) {
        this.broker.broadcast("realtime.publish", { topic, message });
      }
    },
  },

  ...lifecycle<SandboxService>({
    created() {
      this.config = configOf(this.broker);
      this.problems = new ProblemDataCache(PROBLEM_CACHE_BYTES);
    },
    async started() {
      this.kv = acquireKv(this.config.redis.url, this.config.namespace);
      try {
        this.judge = await startJudge({
          poolSize: this.config.sandbox.poolSize,
          logger: { info: (m, d) => this.logger.info(m, d ?? ""), warn: (m, d) => this.logger.warn(m, d ?? "") },
        });
        const available = this.judge.languages().filter((l) => l.available).map((l) => l.id);
        this.logger.info(`Judge ready: ${available.join(", ")}`);
      } catch (err) {
        this.disabledReason = `the code sandbox could not start (${(err as Error).message}); it needs root and gVisor: apt-get install -y runsc`;
        this.logger.warn(this.disabledReason);
      }
    },
    async stopped() {
      await this.judge?.close();
      await releaseKv(this.config.redis.url);
    },
  }),
};

export default SandboxServiceSchema;
