/**
 * Every domain event of CONTRACT.md with its JSON Schema. Fields follow the design documents'
 * Avro records: an envelope of eventId (uuid) and occurredAt (epoch millis), plus the payload.
 * Producers validate before the outbox row is written; consumers validate again on receipt.
 */
import type { JsonSchema } from "../validator";

const id = { type: "string", minLength: 1, maxLength: 128 };
const str = { type: "string", maxLength: 1000 };
const int = { type: "integer" };
const nonNegative = { type: "integer", minimum: 0 };
const verdict = { enum: ["AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE"] };
const tier = { enum: ["free", "pro", "enterprise"] };

function event(payload: Record<string, JsonSchema>, required: string[], extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: "object",
    properties: {
      eventId: { type: "string", format: "uuid" },
      occurredAt: { type: "integer", minimum: 0 },
      tenantId: id,
      ...payload,
      ...extra,
    },
    required: ["eventId", "occurredAt", ...required],
    additionalProperties: false,
  };
}

const judgeTest = {
  type: "object",
  properties: { index: nonNegative, verdict, timeMs: nonNegative, memoryKb: nonNegative },
  required: ["index", "verdict"],
  additionalProperties: true,
};

export const EVENT_SCHEMAS = {
  "user.registered": event(
    { userId: id, email: { type: "string", format: "email" }, fullName: str, tier, provider: { enum: ["password", "google", "github"] }, roles: { type: "array", items: id }, emailVerified: { type: "boolean" } },
    ["userId", "email", "fullName", "tier", "provider", "tenantId"],
  ),
  "user.login": event({ userId: id, provider: { enum: ["password", "google", "github", "refresh"] }, ip: str }, ["userId", "provider"]),
  "user.email.verified": event({ userId: id }, ["userId", "tenantId"]),
  "user.profile.updated": event({ userId: id, fullName: str }, ["userId"]),
  "user.subscription.upgraded": event({ userId: id, tier, previousTier: tier }, ["userId", "tier"]),
  "user.streak.updated": event({ userId: id, streakDays: nonNegative }, ["userId", "streakDays"]),
  "practice.submission.completed": event(
    { submissionId: id, userId: id, problemId: id, status: str, verdict, language: id, runtimeMs: { type: ["integer", "null"] }, xpEarned: nonNegative },
    ["submissionId", "userId", "problemId", "status", "language"],
  ),
  "practice.submission.accepted": event({ submissionId: id, userId: id, problemId: id, language: id, difficulty: str, firstSolve: { type: "boolean" } }, ["submissionId", "userId", "problemId"]),
  "practice.submission.attempted": event({ submissionId: id, userId: id, problemId: id, language: id, verdict }, ["submissionId", "userId", "problemId"]),
  "practice.mcq.completed": event({ userId: id, quizId: id, score: { type: "number" }, total: nonNegative }, ["userId", "quizId", "score"]),
  "learning.module.completed": event({ userId: id, pathId: id, moduleId: id }, ["userId", "moduleId"]),
  "interview.session.scheduled": event({ sessionId: id, hostId: id, guestId: id, startsAt: int }, ["sessionId", "startsAt"]),
  "interview.session.completed": event({ sessionId: id, participants: { type: "array", items: id }, durationS: nonNegative }, ["sessionId"]),
  "interview.ai.session.start": event({ sessionId: id, userId: id, topic: str }, ["sessionId", "userId"]),
  "interview.ai.completed": event({ sessionId: id, userId: id, score: { type: "number" } }, ["sessionId", "userId"]),
  "ai.tokens.consumed": event({ userId: id, feature: str, inputTokens: nonNegative, outputTokens: nonNegative }, ["userId", "inputTokens", "outputTokens"]),
  "resume.analyzed": event({ resumeId: id, userId: id, score: { type: "number" } }, ["resumeId", "userId"]),
  "certification.earned": event({ certificateId: id, userId: id, pathId: id }, ["certificateId", "userId"]),
  "daily.challenge.reset": event({ date: { type: "string", format: "date" }, problemId: id }, ["date"]),
  "judge.requested": event(
    { submissionId: id, userId: id, problem: id, language: id, attempt: nonNegative },
    ["submissionId", "problem", "language"],
  ),
  "judge.completed": event(
    { submissionId: id, verdict, tests: { type: "array", items: judgeTest }, timeMs: nonNegative, memoryKb: nonNegative, compileOutput: { type: "string", maxLength: 65536 }, judgedBy: str },
    ["submissionId", "verdict", "tests"],
  ),
} as const satisfies Record<string, JsonSchema>;

export type EventTopic = keyof typeof EVENT_SCHEMAS;
export const EVENT_TOPICS = Object.keys(EVENT_SCHEMAS) as EventTopic[];
