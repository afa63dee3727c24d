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
import { lifecycle } from "../lib/service";
import { validOrDeadLettered } from "../mixins/outbox.mixin";
import type { CheckerSpec } from "./checkers";
import { judgeFunction } from "./function/judgeFunction";
import type { FunctionSignature } from "./function/signature";
import { startJudge, type Judge, type LanguageInfo } from "./judge";
import { LANGUAGE_IDS, LANGUAGES, type LanguageId, type Limits } from "./languages";
import type { TestResult } from "./verdict";

/** What the practice service hands a worker for one submission (secret tests included). */
export interface JudgeBundle {
  submissionId: string;
  userId: string;
  status: "queued" | "running" | "done";
  language: LanguageId;
  source: string;
  kind: "stdio" | "function";
  signature?: FunctionSignature;
  tests: Array<{ input: string; output: string }>;
  limits: Partial<Limits>;
  checker: CheckerSpec;
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
  requireJudge(): Judge;
  judgeSubmission(request: EventEnvelope & { submissionId: string }): Promise<void>;
  publishProgress(bundle: JudgeBundle, tests: TestResult[]): void;
}

const MAX_SOURCE = 64 * 1024;
/**
 * A judge.requested message not acked within this is handed to another worker: how fast a
 * worker's death is noticed. A live worker says "still working" every third of it.
 */
const ACK_WAIT_S = 15;
const MAX_STDIN = 1024 * 1024;
const WORKERS = Math.max(1, os.cpus().length);

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
      const finished: TestResult[] = [];
      this.publishProgress(bundle, finished);
      const onTest = (test: TestResult) => {
        finished.push(test);
        this.publishProgress(bundle, finished);
      };
      const work = { language: bundle.language, source: bundle.source, tests: bundle.tests, limits: bundle.limits, checker: bundle.checker, stopOnFirstFailure: false };
      const result =
        bundle.kind === "function" && bundle.signature
          ? await judgeFunction(judge, { ...work, signature: bundle.signature }, onTest)
          : await judge.judge(work, onTest);
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

    requireJudge(this: SandboxService): Judge {
      if (!this.judge) throw new FeatureDisabled("Running code", this.disabledReason ?? "the judge is starting");
      return this.judge;
    },

    publishProgress(this: SandboxService, bundle: JudgeBundle, tests: TestResult[]) {
      const message = { type: "submission.update", id: bundle.submissionId, status: "running", tests: tests.map(publicTest), total: bundle.tests.length };
      for (const topic of [`submission:${bundle.submissionId}`, `user:${bundle.userId}`]) {
        this.broker.broadcast("realtime.publish", { topic, message });
      }
    },
  },

  ...lifecycle<SandboxService>({
    created() {
      this.config = configOf(this.broker);
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
