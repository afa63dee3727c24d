/**
 * practice: problems (documents in the content store) and submissions (PostgreSQL).
 *
 * A submission and its `judge.requested` event commit together (outbox). Sandbox workers judge
 * it and answer with `judge.completed`; the first final result of a submission is recorded and
 * every later one (a redelivery, a second worker after a crash) is ignored, so each submission
 * ends with exactly one verdict. Then `practice.submission.completed` and `accepted` or
 * `attempted` go out through the outbox, and the learner's socket gets the final update.
 */
import crypto from "node:crypto";
import path from "node:path";
import type { Context, ServiceSchema } from "moleculer";
import type { PoolClient } from "pg";
import { configOf, type Config } from "../../lib/config";
import { Conflict, NotFound, ServiceUnavailable, TooManyRequests } from "../../lib/errors";
import { fromJsonStream, toJsonStream } from "../../lib/json-stream";
import { acquireKv, releaseKv, type Kv } from "../../lib/kv";
import { lifecycle } from "../../lib/service";
import { currentUser, isStaff, type AuthMeta } from "../../mixins/auth.middleware";
import { ContentMixin } from "../../mixins/content.mixin";
import { consume, OutboxMixin, type OutboxService } from "../../mixins/outbox.mixin";
import { LANGUAGE_IDS } from "../../sandbox/languages";
import type { JudgeBundle } from "../../sandbox/sandbox.service";
import { signatureProblems } from "../../sandbox/function/signature";
import { ValidationFailed } from "../../lib/errors";
import { fromContractChecker } from "../../sandbox/checkers";
import { DRY_RUN_SOLUTION, MAX_DRY_RUN_SOLUTIONS, type DryRunResult, type DryRunSolution } from "../../sandbox/sandbox.service";
import { checkImported, functionTestProblems, judgingData, loadPackage, packageDirs, publicProblem, SLUG_PATTERN, type ContractChecker, type Problem } from "./problem";

interface ProblemAdapter {
  findById(id: string): Promise<(Problem & { _id: string }) | null>;
  find(filter: { query?: Record<string, unknown> }): Promise<Array<Problem & { _id: string }>>;
  insert(doc: Problem & { _id: string }): Promise<unknown>;
  updateById(id: string, update: { $set: Partial<Problem> }): Promise<unknown>;
}

interface SubmissionRow {
  id: string;
  user_id: string;
  tenant_id: string;
  problem: string;
  language: string;
  source: string;
  status: "queued" | "running" | "done";
  verdict: string | null;
  tests: Array<{ index: number; verdict: string; timeMs?: number; memoryKb?: number }>;
  time_ms: number | null;
  memory_kb: number | null;
  compile_output: string | null;
  created_at: Date;
  judged_at: Date | null;
}

interface PracticeService extends OutboxService {
  config: Config;
  kv: Kv;
  adapter: ProblemAdapter;
  problem(slug: string): Promise<Problem>;
  importPackages(dir: string): Promise<{ imported: string[]; unchanged: number }>;
  importProblem(problem: Problem): Promise<"imported" | "unchanged">;
  saveProblem(problem: Problem): Promise<void>;
  drafts: Map<string, Problem>;
  dryRun(problem: Problem, solutions: Array<Partial<DryRunSolution> & Pick<DryRunSolution, "language" | "source">>): Promise<{ ok: boolean; results: DryRunResult[] }>;
  publishChecked(input: ProblemInput, problem: Problem): Promise<void>;
  submissionView(row: SubmissionRow, withSource: boolean): Record<string, unknown>;
  pushUpdate(row: SubmissionRow): void;
}

/** 422: a reference solution did not get the verdict it expects; the problem was not saved. */
class DryRunFailed extends ValidationFailed {
  constructor(results: DryRunResult[]) {
    super(
      "A reference solution did not get its expected verdict; the problem was not published",
      results.filter((r) => r.verdict !== r.expected).map((r) => ({ field: "solutions", message: `${r.language}: expected ${r.expected}, got ${r.verdict}${r.message ? ` (${r.message})` : ""}` })),
    );
    this.type = "DRY_RUN_FAILED";
    this.data = { ...(this.data as object), results };
  }
}

const XP = { easy: 10, medium: 20, hard: 40 } as const;
const MAX_PENDING = 2000;

const slug = { type: "string", pattern: SLUG_PATTERN.source };
const checker = {
  oneOf: [
    { enum: ["exact", "tokens"] },
    { type: "object", properties: { float: { type: "number", exclusiveMinimum: 0, maximum: 1 } }, required: ["float"], additionalProperties: false },
    {
      type: "object",
      properties: {
        custom: {
          type: "object",
          properties: { language: { enum: [...LANGUAGE_IDS] }, source: { type: "string", minLength: 1, maxLength: 64 * 1024 } },
          required: ["language", "source"],
          additionalProperties: false,
        },
      },
      required: ["custom"],
      additionalProperties: false,
    },
  ],
};
/** Reference solutions for a dry run, each with the verdict it should get (AC by default). */
const solutions = { type: "array", minItems: 1, maxItems: MAX_DRY_RUN_SOLUTIONS, items: { ...DRY_RUN_SOLUTION, required: ["language", "source"] } };
/** A dry run's draft stays fetchable this long (the judge's own limits end it well before). */
const DRAFT_TTL_MS = 15 * 60 * 1000;
const problemBody = {
  type: "object",
  properties: {
    slug,
    title: { type: "string", minLength: 1, maxLength: 200 },
    statement: { type: "string", minLength: 1, maxLength: 100_000 },
    difficulty: { enum: ["easy", "medium", "hard"] },
    tags: { type: "array", items: { type: "string", pattern: "^[a-z0-9-]{1,40}$" }, maxItems: 20 },
    kind: { enum: ["stdio", "function"] },
    signature: { type: "object" },
    limits: {
      type: "object",
      properties: { timeMs: { type: "integer", minimum: 100, maximum: 10_000 }, memoryMb: { type: "integer", minimum: 16, maximum: 1024 } },
      required: ["timeMs", "memoryMb"],
      additionalProperties: false,
    },
    checker,
    solutions,
    tests: {
      type: "array",
      minItems: 1,
      maxItems: 200,
      items: {
        type: "object",
        properties: { input: { type: "string", maxLength: 4 * 1024 * 1024 }, output: { type: "string", maxLength: 4 * 1024 * 1024 }, sample: { type: "boolean" } },
        required: ["input", "output"],
        additionalProperties: false,
      },
    },
  },
  required: ["slug", "title", "statement", "difficulty", "limits", "tests"],
  additionalProperties: false,
};

type ProblemInput = {
  slug: string;
  title: string;
  statement: string;
  difficulty: Problem["difficulty"];
  tags?: string[];
  kind?: "stdio" | "function";
  signature?: Problem["signature"];
  limits: Problem["limits"];
  checker?: ContractChecker;
  tests: Array<{ input: string; output: string; sample?: boolean }>;
  solutions?: Array<Pick<DryRunSolution, "language" | "source"> & { expected?: DryRunSolution["expected"] }>;
};

function fromInput(input: ProblemInput, authorId: string, now: Date): Problem {
  const kind = input.kind ?? "stdio";
  if (kind === "function") {
    const problems = [
      ...(input.signature ? signatureProblems(input.signature).map((p) => ({ field: `signature.${p.path}`, message: p.message })) : [{ field: "signature", message: "is required for a function problem" }]),
      ...functionTestProblems(input.tests),
    ];
    if (problems.length) throw new ValidationFailed("The function problem is invalid", problems);
  } else if (input.signature) {
    throw new ValidationFailed("Only function problems have a signature", [{ field: "signature", message: "is only allowed with kind 'function'" }]);
  }
  if (typeof input.checker === "object" && "custom" in input.checker) {
    if (kind === "function") throw new ValidationFailed("Function problems compare returned values", [{ field: "checker", message: "a custom checker program is for stdio problems" }]);
    try {
      fromContractChecker(input.checker);
    } catch (err) {
      throw new ValidationFailed("The checker program is invalid", [{ field: "checker.custom", message: (err as Error).message }]);
    }
  }
  return {
    slug: input.slug,
    title: input.title.trim(),
    statement: input.statement,
    difficulty: input.difficulty,
    tags: input.tags ?? [],
    kind,
    ...(kind === "function" && input.signature ? { signature: input.signature } : {}),
    limits: input.limits,
    checker: input.checker ?? "tokens",
    tests: input.tests.map((t) => ({ input: t.input, output: t.output, sample: t.sample === true })),
    source: { kind: "api", authorId },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

const PracticeServiceSchema: ServiceSchema = {
  name: "practice",
  mixins: [OutboxMixin({ schema: "practice", migrations: path.join(__dirname, "migrations") }), ContentMixin({ collection: "problems" })],

  actions: {
    // moleculer-db's generic actions stay off: problems go through the actions below only.
    find: false,
    count: false,
    list: false,
    create: false,
    insert: false,
    get: false,
    update: false,
    remove: false,

    listProblems: {
      auth: "optional",
      params: {
        type: "object",
        "x-coerce": true,
        properties: {
          difficulty: { enum: ["easy", "medium", "hard"] },
          tag: { type: "string", maxLength: 40 },
          q: { type: "string", maxLength: 100 },
          page: { type: "integer", minimum: 1, default: 1 },
          pageSize: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        },
        additionalProperties: false,
      },
      async handler(this: PracticeService, ctx: Context<{ difficulty?: string; tag?: string; q?: string; page: number; pageSize: number }, AuthMeta>) {
        const { difficulty, tag, q, page, pageSize } = ctx.params;
        const needle = q?.trim().toLowerCase();
        const all = (await this.adapter.find({})).filter(
          (p) => (!difficulty || p.difficulty === difficulty) && (!tag || p.tags.includes(tag)) && (!needle || p.title.toLowerCase().includes(needle) || p.slug.includes(needle)),
        );
        const order = { easy: 0, medium: 1, hard: 2 };
        all.sort((a, b) => order[a.difficulty] - order[b.difficulty] || a.title.localeCompare(b.title));
        const solved = new Set<string>();
        if (ctx.meta.user) {
          const rows = await this.db.query<{ problem: string }>("SELECT problem FROM practice.solved WHERE user_id = $1", [ctx.meta.user.id]);
          for (const row of rows.rows) solved.add(row.problem);
        }
        const items = all.slice((page - 1) * pageSize, page * pageSize).map((p) => ({ slug: p.slug, title: p.title, difficulty: p.difficulty, tags: p.tags, solvedByMe: solved.has(p.slug) }));
        return { items, total: all.length };
      },
    },

    getProblem: {
      auth: "optional",
      params: { type: "object", properties: { slug }, required: ["slug"], additionalProperties: false },
      async handler(this: PracticeService, ctx: Context<{ slug: string }>) {
        return publicProblem(await this.problem(ctx.params.slug));
      },
    },

    createProblem: {
      roles: ["instructor", "admin"],
      params: problemBody,
      async handler(this: PracticeService, ctx: Context<ProblemInput, AuthMeta & { $statusCode?: number }>) {
        const user = currentUser(ctx);
        if (await this.adapter.findById(ctx.params.slug)) throw new Conflict(`A problem with the slug '${ctx.params.slug}' exists`, "SLUG_TAKEN");
        await this.publishChecked(ctx.params, fromInput(ctx.params, user.id, new Date()));
        ctx.meta.$statusCode = 201;
        return { slug: ctx.params.slug };
      },
    },

    replaceProblem: {
      roles: ["instructor", "admin"],
      params: problemBody,
      async handler(this: PracticeService, ctx: Context<ProblemInput, AuthMeta>) {
        const user = currentUser(ctx);
        const existing = await this.adapter.findById(ctx.params.slug);
        if (!existing) throw new NotFound("Problem");
        await this.publishChecked(ctx.params, { ...fromInput(ctx.params, user.id, new Date()), createdAt: existing.createdAt });
        return { slug: ctx.params.slug };
      },
    },

    /**
     * Judges reference solutions against a problem before it is published (nothing is stored):
     * `ok` when every solution gets the verdict it expects (AC unless it says otherwise).
     */
    dryRun: {
      roles: ["instructor", "admin"],
      params: { ...problemBody, required: [...problemBody.required, "solutions"] },
      timeout: 600_000,
      async handler(this: PracticeService, ctx: Context<ProblemInput, AuthMeta>) {
        const user = currentUser(ctx);
        return this.dryRun(fromInput(ctx.params, user.id, new Date()), ctx.params.solutions ?? []);
      },
    },

    submit: {
      auth: "required",
      params: {
        type: "object",
        properties: { problem: slug, language: { enum: [...LANGUAGE_IDS] }, source: { type: "string", minLength: 1, maxLength: 64 * 1024 } },
        required: ["problem", "language", "source"],
        additionalProperties: false,
      },
      async handler(this: PracticeService, ctx: Context<{ problem: string; language: string; source: string }, AuthMeta & { $statusCode?: number }>) {
        const user = currentUser(ctx);
        await this.problem(ctx.params.problem);
        const { count, ttlS } = await this.kv.incr(`ratelimit:submit:${user.id}`, 60);
        if (count > this.config.practice.submissionsPerMinute) throw new TooManyRequests(ttlS, "Too many submissions, try again in a minute");
        const pending = await this.db.query<{ n: string }>("SELECT count(*) AS n FROM practice.submissions WHERE status <> 'done'");
        // A full queue says so (503 + Retry-After) instead of dropping the submission.
        if (Number(pending.rows[0]?.n ?? 0) >= MAX_PENDING) throw new ServiceUnavailable("The judge queue is full, try again shortly", 30);
        const id = crypto.randomUUID();
        await this.db.tx(async (client) => {
          await client.query("INSERT INTO practice.submissions (id, user_id, tenant_id, problem, language, source) VALUES ($1, $2, $3, $4, $5, $6)", [
            id,
            user.id,
            user.tenantId,
            ctx.params.problem,
            ctx.params.language,
            ctx.params.source,
          ]);
          await this.outbox.add(client, "judge.requested", { submissionId: id, userId: user.id, problem: ctx.params.problem, language: ctx.params.language, attempt: 0, tenantId: user.tenantId });
        });
        this.outbox.kick();
        ctx.meta.$statusCode = 202;
        return { id, status: "queued" };
      },
    },

    getSubmission: {
      auth: "required",
      params: { type: "object", properties: { id: { type: "string", format: "uuid" } }, required: ["id"], additionalProperties: false },
      async handler(this: PracticeService, ctx: Context<{ id: string }, AuthMeta>) {
        const user = currentUser(ctx);
        const row = (await this.db.query<SubmissionRow>("SELECT * FROM practice.submissions WHERE id = $1", [ctx.params.id])).rows[0];
        // Another learner's submission is 404, not 403: its existence is private too.
        if (!row || (row.user_id !== user.id && !(isStaff(user) && row.tenant_id === user.tenantId))) throw new NotFound("Submission");
        return this.submissionView(row, true);
      },
    },

    listSubmissions: {
      auth: "required",
      params: {
        type: "object",
        "x-coerce": true,
        properties: { problem: slug, page: { type: "integer", minimum: 1, default: 1 } },
        additionalProperties: false,
      },
      async handler(this: PracticeService, ctx: Context<{ problem?: string; page: number }, AuthMeta>) {
        const user = currentUser(ctx);
        const pageSize = 20;
        const rows = await this.db.query<SubmissionRow>(
          `SELECT * FROM practice.submissions WHERE user_id = $1 AND ($2::text IS NULL OR problem = $2)
            ORDER BY created_at DESC LIMIT $3 OFFSET $4`,
          [user.id, ctx.params.problem ?? null, pageSize, (ctx.params.page - 1) * pageSize],
        );
        return { items: rows.rows.map((r) => this.submissionView(r, false)) };
      },
    },

    /** For sandbox workers: everything needed to judge, secret tests included. Marks it running. */
    judgeBundle: {
      visibility: "public",
      params: { type: "object", properties: { submissionId: { type: "string", format: "uuid" } }, required: ["submissionId"], additionalProperties: false },
      async handler(this: PracticeService, ctx: Context<{ submissionId: string }>): Promise<JudgeBundle | null> {
        const updated = await this.db.query<SubmissionRow>(
          "UPDATE practice.submissions SET status = CASE WHEN status = 'queued' THEN 'running' ELSE status END WHERE id = $1 RETURNING *",
          [ctx.params.submissionId],
        );
        const row = updated.rows[0];
        if (!row) return null;
        const problem = await this.problem(row.problem);
        return {
          submissionId: row.id,
          userId: row.user_id,
          status: row.status,
          language: row.language as JudgeBundle["language"],
          source: row.source,
          problem: { key: problem.slug, version: problem.updatedAt },
        };
      },
    },

    /**
     * `npm run problems:import` on a running cluster: one package, read and checked by the CLI,
     * arrives as a stream (packages are larger than one transporter message) and is checked again.
     */
    importPackage: {
      visibility: "public",
      timeout: 120_000,
      async handler(this: PracticeService, ctx: Context<AsyncIterable<Buffer>>) {
        const problem = checkImported(await fromJsonStream(ctx.params));
        return { slug: problem.slug, status: await this.importProblem(problem) };
      },
    },

    /** For sandbox workers: a problem's judging data (secret tests included), streamed in chunks. */
    problemData: {
      visibility: "public",
      params: { type: "object", properties: { key: { type: "string", maxLength: 200 } }, required: ["key"], additionalProperties: false },
      async handler(this: PracticeService, ctx: Context<{ key: string }>) {
        const draft = this.drafts.get(ctx.params.key);
        return toJsonStream(judgingData(draft ?? (await this.problem(ctx.params.key))));
      },
    },

    /** The realtime gateway asks before letting a socket follow `submission:<id>`. */
    canSubscribe: {
      visibility: "public",
      params: { type: "object", properties: { submissionId: { type: "string" }, userId: { type: "string" } }, required: ["submissionId", "userId"], additionalProperties: false },
      async handler(this: PracticeService, ctx: Context<{ submissionId: string; userId: string }>) {
        if (!/^[0-9a-f-]{36}$/.test(ctx.params.submissionId)) return false;
        const row = await this.db.query<{ user_id: string }>("SELECT user_id FROM practice.submissions WHERE id = $1", [ctx.params.submissionId]);
        return row.rows[0]?.user_id === ctx.params.userId;
      },
    },
  },

  channels: {
    "judge.completed": consume(
      "judge.completed",
      async function (this: OutboxService, event, client: PoolClient) {
        const self = this as PracticeService;
        const done = await client.query<SubmissionRow>(
          `UPDATE practice.submissions
              SET status = 'done', verdict = $2, tests = $3, time_ms = $4, memory_kb = $5, compile_output = $6, judged_by = $7, judged_at = now()
            WHERE id = $1 AND status <> 'done' RETURNING *`,
          [event.submissionId, event.verdict, JSON.stringify(event.tests), event.timeMs ?? null, event.memoryKb ?? null, event.compileOutput ?? null, event.judgedBy ?? null],
        );
        const row = done.rows[0];
        if (!row) return; // already has its final verdict
        const problem = await self.problem(row.problem).catch(() => undefined);
        let firstSolve = false;
        if (row.verdict === "AC") {
          const solved = await client.query("INSERT INTO practice.solved (user_id, problem, first_submission) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [row.user_id, row.problem, row.id]);
          firstSolve = solved.rowCount === 1;
        }
        const common = { submissionId: row.id, userId: row.user_id, problemId: row.problem, language: row.language, tenantId: row.tenant_id };
        await self.outbox.add(client, "practice.submission.completed", {
          ...common,
          status: "done",
          verdict: row.verdict,
          runtimeMs: row.time_ms,
          xpEarned: firstSolve && problem ? XP[problem.difficulty] : 0,
        });
        if (row.verdict === "AC") await self.outbox.add(client, "practice.submission.accepted", { ...common, difficulty: problem?.difficulty ?? "unknown", firstSolve });
        else await self.outbox.add(client, "practice.submission.attempted", { ...common, verdict: row.verdict });
        return () => {
          self.outbox.kick();
          self.pushUpdate(row);
        };
      },
      { group: "practice", maxInFlight: 8 },
    ),
  },

  methods: {
    async problem(this: PracticeService, slugValue: string): Promise<Problem> {
      const doc = await this.adapter.findById(slugValue);
      if (!doc) throw new NotFound("Problem");
      return doc;
    },

    async dryRun(this: PracticeService, problem: Problem, given: NonNullable<ProblemInput["solutions"]>) {
      const key = `draft:${crypto.randomUUID()}`;
      this.drafts.set(key, problem);
      const expire = setTimeout(() => this.drafts.delete(key), DRAFT_TTL_MS);
      expire.unref();
      try {
        const results = await this.broker.call<DryRunResult[], unknown>(
          "sandbox.judgeDraft",
          { problem: { key, version: problem.updatedAt }, solutions: given.map((s) => ({ language: s.language, source: s.source, expected: s.expected ?? "AC" })) },
          { timeout: 600_000 },
        );
        return { ok: results.every((r) => r.verdict === r.expected), results };
      } finally {
        clearTimeout(expire);
        this.drafts.delete(key);
      }
    },

    /** Saves an authored problem; when it comes with reference solutions they must pass a dry run first. */
    async publishChecked(this: PracticeService, input: ProblemInput, problem: Problem) {
      if (input.solutions?.length) {
        const run = await this.dryRun(problem, input.solutions);
        if (!run.ok) throw new DryRunFailed(run.results);
      }
      await this.saveProblem(problem);
    },

    async saveProblem(this: PracticeService, problem: Problem) {
      const existing = await this.adapter.findById(problem.slug);
      if (existing) await this.adapter.updateById(problem.slug, { $set: problem });
      else await this.adapter.insert({ _id: problem.slug, ...problem });
    },

    async importPackages(this: PracticeService, dir: string) {
      const imported: string[] = [];
      let unchanged = 0;
      for (const packageDir of packageDirs(dir)) {
        let problem: Problem;
        try {
          problem = loadPackage(packageDir);
        } catch (err) {
          // One broken package must not keep the platform from starting; it is reported and skipped.
          this.logger.error(`Skipped a problem package: ${(err as Error).message}`);
          continue;
        }
        if ((await this.importProblem(problem)) === "imported") imported.push(problem.slug);
        else unchanged += 1;
      }
      return { imported, unchanged };
    },

    /** Saves a package's problem unless the store already has this content (same hash). */
    async importProblem(this: PracticeService, problem: Problem): Promise<"imported" | "unchanged"> {
      const existing = await this.adapter.findById(problem.slug);
      if (existing && existing.source.kind === "package" && problem.source.kind === "package" && existing.source.hash === problem.source.hash) return "unchanged";
      await this.saveProblem(existing ? { ...problem, createdAt: existing.createdAt } : problem);
      return "imported";
    },

    submissionView(this: PracticeService, row: SubmissionRow, withSource: boolean) {
      return {
        id: row.id,
        problem: row.problem,
        language: row.language,
        status: row.status,
        ...(row.verdict ? { verdict: row.verdict } : {}),
        tests: row.tests,
        timeMs: row.time_ms,
        memoryKb: row.memory_kb,
        ...(row.compile_output ? { compileOutput: row.compile_output } : {}),
        ...(withSource ? { source: row.source } : {}),
        createdAt: row.created_at.toISOString(),
        ...(row.judged_at ? { judgedAt: row.judged_at.toISOString() } : {}),
      };
    },

    pushUpdate(this: PracticeService, row: SubmissionRow) {
      const message = { type: "submission.update", id: row.id, status: row.status, verdict: row.verdict ?? undefined, tests: row.tests };
      for (const topic of [`submission:${row.id}`, `user:${row.user_id}`]) this.broker.broadcast("realtime.publish", { topic, message });
    },
  },

  ...lifecycle<PracticeService>({
    created() {
      this.config = configOf(this.broker);
      this.drafts = new Map();
    },
    async started() {
      this.kv = acquireKv(this.config.redis.url, this.config.namespace);
      const { imported, unchanged } = await this.importPackages(this.config.practice.problemsDir);
      if (imported.length) this.logger.info(`Imported ${imported.length} problem package(s) (${unchanged} unchanged) from ${this.config.practice.problemsDir}`);
    },
    async stopped() {
      await releaseKv(this.config.redis.url);
    },
  }),
};

export default PracticeServiceSchema;
