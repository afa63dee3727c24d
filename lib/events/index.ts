import { randomUUID } from "node:crypto";
import { InvalidEvent } from "../errors";
import { compileSchema } from "../validator";
import { EVENT_SCHEMAS, EVENT_TOPICS, type EventTopic } from "./catalogue";

export { EVENT_SCHEMAS, EVENT_TOPICS, type EventTopic };

/** Where consumers put events they cannot apply. Prefixed with the namespace by the channel adapter, like every channel. */
export const DEAD_LETTER_CHANNEL = "dead-letter";

export interface EventEnvelope {
  eventId: string;
  occurredAt: number;
  tenantId?: string;
  [field: string]: unknown;
}

const validators = new Map(EVENT_TOPICS.map((topic) => [topic, compileSchema(EVENT_SCHEMAS[topic])]));

export function isEventTopic(topic: string): topic is EventTopic {
  return validators.has(topic as EventTopic);
}

/** Throws InvalidEvent unless `payload` matches the topic's schema. */
export function assertValidEvent(topic: string, payload: unknown): asserts payload is EventEnvelope {
  const check = validators.get(topic as EventTopic);
  if (!check) throw new InvalidEvent(topic, ["unknown topic: not in the event catalogue"]);
  const result = check(payload);
  if (result !== true) throw new InvalidEvent(topic, result.map((p) => `${p.field} ${p.message}`));
}

/** Builds an event with a fresh eventId and occurredAt, validated against the catalogue. */
export function makeEvent(topic: EventTopic, payload: Record<string, unknown>): EventEnvelope {
  const event = { eventId: randomUUID(), occurredAt: Date.now(), ...payload };
  assertValidEvent(topic, event);
  return event;
}
