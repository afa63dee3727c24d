/**
 * fetch for the REST API (CONTRACT.md): JSON in and out, the access token as a Bearer header, and
 * one transparent refresh-and-retry when a request with a token answers 401 (the token expired in
 * a background tab, or the refresh timer was throttled).
 */

export const API_BASE = "/api";

export interface FieldProblem {
  field: string;
  message: string;
}

/** Every non-2xx answer, and a request that never reached the server (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly data?: unknown,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** 422 bodies list the failing fields in `error.data.fields`. */
  get fields(): FieldProblem[] {
    const fields = (this.data as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.flatMap((f: { field?: unknown; message?: unknown }) =>
      typeof f.field === "string" ? [{ field: f.field, message: humanize(typeof f.message === "string" ? f.message : "is invalid") }] : [],
    );
  }

  /** The first problem per field, keyed by the field's dotted path (`email`, `tests.2.input`). */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.fields) byField[field] ??= message;
    return byField;
  }
}

/** ajv's wording, made readable for a person filling a form. */
export function humanize(message: string): string {
  return message
    .replace(/^must NOT have fewer than (\d+) characters$/, "must be at least $1 characters")
    .replace(/^must NOT have more than (\d+) characters$/, "must be at most $1 characters")
    .replace(/^must NOT have fewer than (\d+) items$/, "needs at least $1")
    .replace(/^must match format "email"$/, "must be a valid email address")
    .replace(/^must match pattern .*$/, "has characters that are not allowed")
    .replace(/^must be >= (\S+)$/, "must be at least $1")
    .replace(/^must be <= (\S+)$/, "must be at most $1");
}

export interface AuthHooks {
  /** The current access token, if signed in. */
  token(): string | undefined;
  /** Gets a new access token through the refresh cookie; undefined when the session is over. */
  refresh(): Promise<string | undefined>;
}

let hooks: AuthHooks = { token: () => undefined, refresh: async () => undefined };

export function configureAuth(next: AuthHooks): void {
  hooks = next;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** false: never send the access token (sign-in, refresh). */
  auth?: boolean;
  signal?: AbortSignal;
}

function retryAfterOf(response: Response, data: unknown): number | undefined {
  const header = Number(response.headers.get("Retry-After"));
  if (Number.isFinite(header) && header > 0) return header;
  const fromBody = (data as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof fromBody === "number" ? fromBody : undefined;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { type?: unknown; message?: unknown; data?: unknown } } | undefined)?.error;
  const type = typeof error?.type === "string" ? error.type : `HTTP_${response.status}`;
  const message = typeof error?.message === "string" ? error.message : response.statusText || `Request failed (${response.status})`;
  return new ApiError(response.status, type, message, error?.data, retryAfterOf(response, error?.data));
}

async function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (err) {
    if ((err as { name?: string }).name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK_ERROR", "Cannot reach Avantika. Check your connection and try again.");
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = options.auth === false ? undefined : hooks.token();
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const fresh = await hooks.refresh();
    if (fresh) response = await send(path, options, fresh);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
