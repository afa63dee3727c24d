/**
 * HTTP helpers for integration suites: a small client on node:http (so a request can come from
 * another loopback address via `localAddress`, which the global fetch cannot do without the undici
 * package), cookie parsing, and assertions on the CONTRACT's error shape.
 */
import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Raw body text. */
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** Set-Cookie header lines (possibly empty). */
  setCookies: string[];
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A JS value is sent as JSON; a string or Buffer is sent as is. */
  body?: unknown;
  /** Source address of the TCP connection, e.g. "127.0.0.2". */
  localAddress?: string;
  timeoutMs?: number;
}

/** One request over a fresh connection; never follows redirects. */
export function request(url: string, opts: RequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const headers: Record<string, string> = { ...opts.headers };
  let payload: Buffer | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === "string") payload = Buffer.from(opts.body);
    else if (Buffer.isBuffer(opts.body)) payload = opts.body;
    else payload = Buffer.from(JSON.stringify(opts.body));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
    headers["Content-Length"] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: opts.method ?? (payload ? "POST" : "GET"),
        headers,
        localAddress: opts.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text ? (JSON.parse(text) as unknown) : undefined;
          } catch {
            json = undefined;
          }
          const raw = res.headers["set-cookie"];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, setCookies: raw ?? [] });
        });
      },
    );
    req.setTimeout(opts.timeoutMs ?? 15_000, () => req.destroy(new Error(`request to ${url} timed out`)));
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export interface ParsedCookie {
  name: string;
  value: string;
  /** Attribute names in lower case → value ("" for flags such as HttpOnly). */
  attributes: Record<string, string>;
}

export function parseSetCookie(line: string): ParsedCookie {
  const [pair = "", ...attrs] = line.split(";");
  const eq = pair.indexOf("=");
  const attributes: Record<string, string> = {};
  for (const attr of attrs) {
    const i = attr.indexOf("=");
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    if (key) attributes[key] = i < 0 ? "" : attr.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

/** The named cookie among Set-Cookie lines (the last one wins), or undefined. */
export function findCookie(setCookies: string[], name: string): ParsedCookie | undefined {
  return setCookies.map(parseSetCookie).filter((c) => c.name === name).pop();
}

/** Set-Cookie lines of a fetch Response. */
export function fetchSetCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

/** A tiny cookie jar keyed by name only (tests talk to one host per jar). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const c = parseSetCookie(line);
      if (!c.name) continue;
      if (c.value === "" || c.attributes["max-age"] === "0") this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export interface ErrorShape {
  error: { type: string; message: string; data?: unknown };
}

/** Throws unless `body` is exactly {"error": {type, message, data?}} and leaks no stack or SQL. */
export function expectErrorShape(body: unknown, text?: string): ErrorShape {
  if (typeof body !== "object" || body === null) throw new Error(`error body is not a JSON object: ${text ?? String(body)}`);
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error") throw new Error(`error body must have exactly the key "error": ${JSON.stringify(body)}`);
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) throw new Error(`"error" is not an object: ${JSON.stringify(body)}`);
  const allowed = new Set(["type", "message", "data"]);
  for (const key of Object.keys(error)) if (!allowed.has(key)) throw new Error(`unexpected key "${key}" in error: ${JSON.stringify(body)}`);
  const { type, message } = error as { type?: unknown; message?: unknown };
  if (typeof type !== "string" || !/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`error.type is not a STABLE_CODE: ${JSON.stringify(body)}`);
  if (typeof message !== "string") throw new Error(`error.message is not a string: ${JSON.stringify(body)}`);
  const raw = text ?? JSON.stringify(body);
  for (const leak of [/\bat \S+ \(/, /\.ts:\d+/, /\.js:\d+/, /node_modules/, /\bSELECT\b/i, /\bINSERT INTO\b/i, /\brelation "/, /syntax error at/i, /duplicate key value/i]) {
    if (leak.test(raw)) throw new Error(`error body leaks internals (${String(leak)}): ${raw}`);
  }
  return body as ErrorShape;
}

/** A base64url-encoded JSON segment (for hand-made JWTs). */
export function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
