/**
 * Every error a client can see, with a stable SCREAMING_SNAKE `type`. Client errors (4xx) are
 * MoleculerClientError subclasses, so Moleculer never retries them; the gateway renders any
 * error as {"error": {type, message, data}} and hides everything about a 5xx but its type.
 */
import { Errors } from "moleculer";

const { MoleculerClientError, MoleculerRetryableError } = Errors;

export class ValidationFailed extends MoleculerClientError {
  constructor(message: string, fields: Array<{ field: string; message: string }>) {
    super(message, 422, "VALIDATION_ERROR", { fields });
  }
}

export class Unauthorized extends MoleculerClientError {
  constructor(message = "Authentication required", type = "UNAUTHORIZED") {
    super(message, 401, type);
  }
}

export class InvalidCredentials extends MoleculerClientError {
  constructor() {
    super("Email or password is incorrect", 401, "INVALID_CREDENTIALS");
  }
}

export class InvalidToken extends MoleculerClientError {
  constructor(message = "The token is invalid or has expired") {
    super(message, 401, "INVALID_TOKEN");
  }
}

export class Forbidden extends MoleculerClientError {
  constructor(message = "You are not allowed to do this") {
    super(message, 403, "FORBIDDEN");
  }
}

export class NotFound extends MoleculerClientError {
  constructor(what: string) {
    super(`${what} not found`, 404, "NOT_FOUND");
  }
}

export class Conflict extends MoleculerClientError {
  constructor(message: string, type = "CONFLICT") {
    super(message, 409, type);
  }
}

export class PayloadTooLarge extends MoleculerClientError {
  constructor(message = "The request body is too large") {
    super(message, 413, "PAYLOAD_TOO_LARGE");
  }
}

export class TooManyRequests extends MoleculerClientError {
  constructor(retryAfterS: number, message = "Too many requests, try again later") {
    super(message, 429, "RATE_LIMITED", { retryAfter: Math.max(1, Math.ceil(retryAfterS)) });
  }
}

export class ServiceUnavailable extends MoleculerRetryableError {
  constructor(message = "The service is unavailable, try again shortly", retryAfterS = 5) {
    super(message, 503, "SERVICE_UNAVAILABLE", { retryAfter: retryAfterS });
  }
}

export class FeatureDisabled extends MoleculerClientError {
  constructor(feature: string, how: string) {
    super(`${feature} is not enabled on this server: ${how}`, 501, "FEATURE_DISABLED");
  }
}

/** A domain event that does not match its schema: never retried. */
export class InvalidEvent extends Errors.MoleculerError {
  constructor(topic: string, problems: string[]) {
    super(`Event '${topic}' does not match its schema: ${problems.join("; ")}`, 500, "INVALID_EVENT", { topic, problems });
  }
}

export interface ErrorBody {
  error: { type: string; message: string; data?: unknown };
}

interface ErrorLike {
  code?: unknown;
  type?: unknown;
  message?: unknown;
  data?: unknown;
  name?: unknown;
}

/** Renders any thrown value as the CONTRACT's error body and HTTP status; 5xx details never leave. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  const e = (err ?? {}) as ErrorLike;
  let status = typeof e.code === "number" && e.code >= 400 && e.code < 600 ? e.code : 500;
  let type = typeof e.type === "string" && e.type ? e.type : "INTERNAL_ERROR";
  let message = typeof e.message === "string" ? e.message : "Internal error";
  let data: unknown = e.data;

  if (e.name === "ValidationError" && type === "VALIDATION_ERROR") {
    status = 422;
    const fields = Array.isArray(e.data) ? e.data : (e.data as { fields?: unknown } | undefined)?.fields;
    data = {
      fields: Array.isArray(fields)
        ? fields.map((f: { field?: unknown; message?: unknown; type?: unknown }) => ({ field: f.field, message: f.message, type: f.type }))
        : [],
    };
  }
  // ServiceUnavailableError: moleculer-web's answer when an alias's action has no live endpoint.
  if (e.name === "RequestTimeoutError" || e.name === "ServiceNotAvailableError" || e.name === "ServiceNotFoundError" || e.name === "ServiceUnavailableError") {
    status = 503;
    type = "SERVICE_UNAVAILABLE";
    message = "The service is unavailable, try again shortly";
    data = { retryAfter: 5 };
  }
  if (status >= 500 && type !== "SERVICE_UNAVAILABLE" && type !== "FEATURE_DISABLED") {
    return { status, body: { error: { type: type === "INTERNAL_ERROR" ? type : "INTERNAL_ERROR", message: "Internal error" } } };
  }
  return { status, body: { error: data === undefined || data === null ? { type, message } : { type, message, data } } };
}
