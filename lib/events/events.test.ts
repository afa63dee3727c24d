import { assertValidEvent, EVENT_TOPICS, makeEvent } from ".";
import { InvalidEvent } from "../errors";

const CONTRACT_TOPICS = [
  "user.registered", "user.login", "user.subscription.upgraded", "practice.submission.accepted",
  "practice.submission.attempted", "practice.submission.completed", "practice.mcq.completed",
  "learning.module.completed", "interview.session.scheduled", "interview.session.completed",
  "interview.ai.session.start", "interview.ai.completed", "ai.tokens.consumed", "resume.analyzed",
  "certification.earned", "user.streak.updated", "daily.challenge.reset", "judge.requested", "judge.completed",
];

describe("event catalogue", () => {
  it("has a schema for every event of the contract", () => {
    for (const topic of CONTRACT_TOPICS) expect(EVENT_TOPICS).toContain(topic);
  });

  it("stamps eventId and occurredAt and validates the payload", () => {
    const event = makeEvent("user.registered", { userId: "u1", email: "a@b.co", fullName: "A", tier: "free", provider: "password", tenantId: "public" });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof event.occurredAt).toBe("number");
  });

  it("refuses an invalid event at the producer, naming the problems", () => {
    expect(() => makeEvent("user.registered", { userId: "u1", email: "not-an-email", tier: "platinum", tenantId: "t" })).toThrow(InvalidEvent);
    try {
      makeEvent("judge.completed", { submissionId: "s", verdict: "MAYBE", tests: [], extra: 1 });
    } catch (err) {
      const problems = ((err as InvalidEvent).data as { problems: string[] }).problems.join(" ");
      expect(problems).toMatch(/verdict/);
      expect(problems).toMatch(/extra/);
    }
  });

  it("refuses unknown topics", () => {
    expect(() => assertValidEvent("user.teleported", { eventId: "x", occurredAt: 1 })).toThrow(/not in the event catalogue/);
  });
});
