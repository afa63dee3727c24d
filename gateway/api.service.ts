/**
 * The REST gateway (moleculer-web): the routes of CONTRACT.md and nothing else. Every route is an
 * explicit alias (mappingPolicy "restrict" + a whitelist), so `$node.*` and internal actions are
 * unreachable. JWTs are verified here from the auth service's JWKS, without a call per request.
 */
import { isUtf8 } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context, ServiceSchema } from "moleculer";
import ApiGateway from "moleculer-web";
import { configOf, type Config } from "../lib/config";
import { InvalidToken, toErrorBody, TooManyRequests, ValidationFailed, PayloadTooLarge, ServiceUnavailable } from "../lib/errors";
import { lifecycle } from "../lib/service";
import { createTokenVerifier, type TokenVerifier } from "../lib/jwt";
import { acquireKv, releaseKv, type Kv } from "../lib/kv";
import type { AuthMeta } from "../mixins/auth.middleware";
import { buildOpenApi } from "./openapi";
import { ROUTES, type RouteTable } from "./routes";
import { createStaticHandler, type StaticHandler } from "./static";

/** The parts of Moleculer's registry that its typings leave out. */
interface Registry {
  getNodeList(opts: { onlyAvailable: boolean; withServices: boolean }): unknown[];
  hasService(name: string): boolean;
}

interface GatewayRequest extends IncomingMessage {
  $ctx?: Context<unknown, GatewayMeta>;
  body?: unknown;
}

interface GatewayMeta extends AuthMeta {
  cookies?: Record<string, string>;
  host?: string;
  $responseHeaders?: Record<string, string | string[]>;
}

interface ApiService {
  config: Config;
  kv: Kv;
  verifier: TokenVerifier;
  broker: Context["broker"];
  logger: Context["broker"]["logger"];
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(value);
      } catch {
        cookies[name] = value;
      }
    }
  }
  return cookies;
}

/** Depth of a parsed JSON value, without recursion (a hostile body must not blow the stack). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    max = Math.max(max, depth);
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return max;
}

function securityHeaders(publicUrl: string) {
  const hsts = publicUrl.startsWith("https");
  return function (_req: IncomingMessage, res: ServerResponse, next: () => void) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; media-src 'self' blob:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function bodyParserError(err: { type?: unknown; status?: unknown }) {
  if (err.type === "entity.too.large") return new PayloadTooLarge();
  if (err.type === "entity.parse.failed") return new ValidationFailed("The request body is not valid JSON", [{ field: "(body)", message: "is not valid JSON" }]);
  if (err.type === "encoding.unsupported" || err.type === "charset.unsupported" || err.type === "encoding.invalid") {
    return new ValidationFailed("Unsupported body encoding", [{ field: "(body)", message: "must be UTF-8 JSON" }]);
  }
  return undefined;
}

/** A body that is not valid UTF-8 is refused, not decoded with replacement characters into a source file. */
function verifyUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer) {
  if (!isUtf8(body)) throw Object.assign(new Error("The request body is not valid UTF-8"), { type: "encoding.invalid", status: 400 });
}

function routeAliases(table: RouteTable): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([route, spec]) => [route, spec.action]));
}

function makeRoutes(config: Config) {
  const common = {
    mappingPolicy: "restrict" as const,
    autoAliases: false,
    authentication: true,
    bodyParsers: { json: { limit: config.http.bodyLimit, strict: true, verify: verifyUtf8 }, urlencoded: false },
    callOptions: { timeout: config.transport.requestTimeoutMs },
  };
  return [
    {
      ...common,
      path: "/api",
      name: "auth",
      whitelist: Object.values(ROUTES.auth).map((r) => r.action),
      aliases: routeAliases(ROUTES.auth),
      rateLimited: true,
    },
    {
      ...common,
      path: "/api",
      name: "api",
      whitelist: Object.values(ROUTES.api).map((r) => r.action),
      aliases: routeAliases(ROUTES.api),
      rateLimited: false,
    },
    ...(["code", "authoring"] as const).map((name) => ({
      ...common,
      bodyParsers: {
        json: { limit: name === "code" ? config.practice.codeBodyLimit : config.practice.authoringBodyLimit, strict: true, verify: verifyUtf8 },
        urlencoded: false,
      },
      path: "/api",
      name,
      whitelist: Object.values(ROUTES[name]).map((r) => r.action),
      aliases: routeAliases(ROUTES[name]),
      rateLimited: false,
    })),
  ];
}

const ApiServiceSchema: ServiceSchema = {
  name: "api",
  mixins: [ApiGateway],

  settings: {
    port: 8080,
    ip: "0.0.0.0",
    routes: [],
    log4XXResponses: false,
    logRequest: "debug",
    logResponse: "debug",
    logRequestParams: null,
    logResponseData: null,
  },

  actions: {
    /**
     * moleculer-web's entry action (merged with the mixin's). Never retried: a retry replays a
     * half-handled request (URL already rewritten, body consumed) and answers 404. The calls it
     * makes to other actions keep their own retries.
     */
    rest: { retryPolicy: { enabled: false } },

    health: {
      handler(this: ApiService) {
        const nodes = (this.broker.registry as unknown as Registry).getNodeList({ onlyAvailable: true, withServices: false });
        const services = [
          ...new Set(
            this.broker.registry
              .getServiceList({ onlyAvailable: true, skipInternal: true })
              .map((s: { name: string }) => s.name),
          ),
        ].sort();
        return { status: "ok", nodes: nodes.length, services };
      },
    },

    ready: {
      // A probe answers at once: retrying "not ready" would only make it time out.
      retryPolicy: { enabled: false },
      handler(this: ApiService) {
        const needed = ["auth", "users"];
        const missing = needed.filter((name) => !(this.broker.registry as unknown as Registry).hasService(name));
        if (missing.length) throw new ServiceUnavailable(`Waiting for services: ${missing.join(", ")}`);
        return { status: "ready" };
      },
    },

    clientConfig: {
      async handler(this: ApiService, ctx: Context<unknown, GatewayMeta>) {
        const host = (ctx.meta.host ?? "localhost").replace(/:\d+$/, "");
        // Without WS_PUBLIC_URL, advertise the port the realtime server really bound (WS_PORT=0 in
        // tests); the balancer prefers this node's own realtime service when it runs one.
        const wsPort = this.config.ws.publicUrl
          ? this.config.ws.port
          : await ctx
              .call<{ port: number }, Record<string, never>>("realtime.info", {}, { retries: 0, timeout: 2000 })
              .then((info) => (info.port > 0 ? info.port : this.config.ws.port))
              .catch(() => this.config.ws.port);
        const oauth = await ctx.call<string[]>("auth.providers").catch(() => [] as string[]);
        return {
          wsUrl: this.config.ws.publicUrl ?? `ws://${host}:${wsPort}/ws`,
          features: {
            ai: Boolean(this.config.ai.anthropicApiKey),
            oauth,
            emailVerification: true,
          },
        };
      },
    },

    openapi: {
      handler(this: ApiService) {
        return buildOpenApi(this.broker, ROUTES);
      },
    },
  },

  methods: {
    /**
     * Browsers send Origin even to their own origin (module scripts, POSTs): such a request is
     * same-origin, not cross-origin, whatever host PUBLIC_URL names (localhost vs 127.0.0.1, a
     * second DNS name), so the CORS allow-list does not apply to it.
     */
    corsHandler(this: ApiService, settings: unknown, req: IncomingMessage, res: ServerResponse) {
      if (isSameOrigin(req)) return false;
      return ApiGateway.methods?.corsHandler?.call(this, settings, req, res);
    },

    async authenticate(this: ApiService, ctx: Context<unknown, GatewayMeta>, _route: unknown, req: GatewayRequest) {
      const header = req.headers.authorization;
      if (!header) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new InvalidToken("The Authorization header must be 'Bearer <token>'");
      return this.verifier.verify(match[1]);
    },
  },

  /** Settings come from the config bound to the broker, before moleculer-web builds its server. */
  merged(this: ApiService, schema: ServiceSchema) {
    const config = configOf(this.broker);
    const settings = schema.settings as Record<string, unknown>;
    this.config = config;
    const service = this;
    const routes = makeRoutes(config).map(({ rateLimited, ...route }) => ({
      ...route,
      async onBeforeCall(ctx: Context<unknown, GatewayMeta>, _route: unknown, req: GatewayRequest) {
        const ip = req.socket.remoteAddress ?? "unknown";
        ctx.meta.ip = ip;
        ctx.meta.host = req.headers.host;
        ctx.meta.userAgent = String(req.headers["user-agent"] ?? "").slice(0, 256);
        ctx.meta.cookies = parseCookies(req.headers.cookie);
        if (req.body !== undefined && jsonDepth(req.body) > config.http.maxJsonDepth) {
          throw new ValidationFailed("The request body nests too deeply", [{ field: "(body)", message: `nests deeper than ${config.http.maxJsonDepth} levels` }]);
        }
        if (rateLimited) {
          const { count, ttlS } = await service.kv.incr(`ratelimit:auth:${ip}`, 60);
          if (count > config.http.authRateLimitPerMinute) throw new TooManyRequests(ttlS);
        }
      },
      onError(this: ApiService, req: GatewayRequest, res: ServerResponse, err: unknown) {
        renderError(service, req, res, err);
      },
    }));
    settings.port = config.http.port;
    settings.ip = config.http.host;
    settings.routes = routes;
    settings.use = [securityHeaders(config.http.publicUrl)];
    settings.cors = {
      origin: config.http.corsOrigins,
      methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      allowedHeaders: ["Authorization", "Content-Type"],
      exposedHeaders: ["Retry-After"],
      credentials: true,
      maxAge: 600,
    };
    settings.onError = (req: GatewayRequest, res: ServerResponse, err: unknown) => renderError(service, req, res, err);
    // The browser app: moleculer-web hands every request that no route matched to `this.serve`
    // (what its `assets` setting would fill with serve-static); route middlewares do not run
    // there, so the security headers are applied here too.
    const app = createStaticHandler(config.http.frontendDir);
    const headers = securityHeaders(config.http.publicUrl);
    (this as unknown as { serve: StaticHandler }).serve = (req, res, next) => headers(req, res, () => app(req, res, next));
  },

  ...lifecycle<ApiService>({
  async started() {
    this.kv = acquireKv(this.config.redis.url, this.config.namespace);
    this.verifier = createTokenVerifier(this.broker, this.kv);
  },

  async stopped() {
    await releaseKv(this.config.redis.url);
  },
  }),
};

function renderError(service: ApiService, req: GatewayRequest, res: ServerResponse, err: unknown) {
  const mapped = bodyParserError((err ?? {}) as { type?: unknown }) ?? err;
  const { status, body } = toErrorBody(mapped);
  if (status >= 500 && body.error.type === "INTERNAL_ERROR") service.logger.error("Request failed", req.method, req.url, err);
  const extraHeaders = req.$ctx?.meta.$responseHeaders;
  if (extraHeaders) for (const [key, value] of Object.entries(extraHeaders)) res.setHeader(key, value);
  const retryAfter = (body.error.data as { retryAfter?: number } | undefined)?.retryAfter;
  if (retryAfter && (status === 429 || status === 503)) res.setHeader("Retry-After", String(retryAfter));
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.writeHead(status);
  res.end(JSON.stringify(body));
}

export default ApiServiceSchema;
