/**
 * The only reader of process.env. The environment is validated once, every problem is listed,
 * and the caller (runner) exits 1 on a bad configuration. Every backend choice of
 * ARCHITECTURE.md §2 is made here, so no service decides for itself.
 */
import path from "node:path";
import Ajv from "ajv";
import type { ServiceBroker } from "moleculer";

export type Shape = "embedded" | "cluster";
export type ChannelsAdapter = "local" | "nats" | "kafka" | "redis";
export type TracingExporter = "none" | "console" | "event" | "zipkin" | "jaeger";

export interface OAuthProviderConfig {
  clientId: string;
  clientSecret: string;
  /** OIDC issuer for discovery (Google, or any OIDC provider in tests). */
  issuer?: string;
  /** Plain OAuth 2 endpoints (GitHub). */
  authorizationUrl?: string;
  tokenUrl?: string;
  userinfoUrl?: string;
  emailsUrl?: string;
  scope: string;
}

export interface Config {
  env: "development" | "production" | "test";
  shape: Shape;
  namespace: string;
  nodeId?: string;
  services: string[];
  dataDir: string;
  log: { level: "fatal" | "error" | "warn" | "info" | "debug" | "trace" };
  http: {
    host: string;
    port: number;
    publicUrl: string;
    corsOrigins: string[];
    bodyLimit: string;
    maxJsonDepth: number;
    authRateLimitPerMinute: number;
    frontendDir: string;
  };
  ws: { host: string; port: number; publicUrl?: string; maxPayloadBytes: number; messagesPerSecond: number };
  metrics: { port?: number };
  tracing: { exporter: TracingExporter; endpoint?: string };
  transport: { natsUrl?: string; requestTimeoutMs: number };
  db: { url?: string; poolMax: number; embeddedDir: string };
  redis: { url?: string };
  content: { mongoUrl?: string; nedbDir: string };
  channels: {
    adapter: ChannelsAdapter;
    natsUrl?: string;
    kafkaBrokers: string[];
    redisUrl?: string;
    connectTimeoutMs: number;
  };
  auth: {
    jwtPrivateKeyPem?: string;
    jwtKeyFile: string;
    issuer: string;
    accessTokenTtlS: number;
    refreshTokenTtlS: number;
    loginMaxFailuresPerAccount: number;
    loginMaxFailuresPerIp: number;
    loginWindowS: number;
    defaultTenant: string;
  };
  mail: { smtpUrl?: string; dir: string; from: string };
  oauth: { google?: OAuthProviderConfig; github?: OAuthProviderConfig };
  seed: { adminEmail?: string; adminPassword?: string; demo: boolean };
  ai: { anthropicApiKey?: string; anthropicBaseUrl?: string };
  sandbox: { poolSize: number; runsPerMinute: number };
  practice: { problemsDir: string; authoringBodyLimit: string; codeBodyLimit: string; submissionsPerMinute: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

const ALL_SERVICES = ["api", "realtime", "auth", "users", "practice", "sandbox"];

const port = { type: "integer", minimum: 0, maximum: 65535 };
const url = { type: "string", pattern: "^[a-z][a-z0-9+.-]*://" };

/** The environment variables we read, as a JSON Schema (coercing strings to numbers). */
const envSchema = {
  type: "object",
  properties: {
    NODE_ENV: { enum: ["development", "production", "test"] },
    PORT: port,
    HOST: { type: "string" },
    WS_PORT: port,
    WS_PUBLIC_URL: { type: "string", pattern: "^wss?://" },
    WS_MAX_PAYLOAD_BYTES: { type: "integer", minimum: 256, maximum: 16777216 },
    WS_MESSAGES_PER_SECOND: { type: "integer", minimum: 1, maximum: 10000 },
    METRICS_PORT: port,
    TRACING_EXPORTER: { enum: ["none", "console", "event", "zipkin", "jaeger"] },
    TRACING_ENDPOINT: url,
    PUBLIC_URL: { type: "string", pattern: "^https?://" },
    CORS_ORIGINS: { type: "string" },
    BODY_LIMIT: { type: "string", pattern: "^[0-9]+(b|kb|mb)$" },
    MAX_JSON_DEPTH: { type: "integer", minimum: 2, maximum: 256 },
    AUTH_RATE_LIMIT_PER_MINUTE: { type: "integer", minimum: 1 },
    SERVICES: { type: "string", pattern: "^[a-z0-9,-]+$" },
    NODE_ID: { type: "string", minLength: 1 },
    NAMESPACE: { type: "string", pattern: "^[a-z0-9-]*$" },
    LOG_LEVEL: { enum: ["fatal", "error", "warn", "info", "debug", "trace"] },
    DATA_DIR: { type: "string", minLength: 1 },
    NATS_URL: url,
    REQUEST_TIMEOUT_MS: { type: "integer", minimum: 100 },
    DATABASE_URL: { type: "string", pattern: "^postgres(ql)?://" },
    PG_POOL_MAX: { type: "integer", minimum: 1, maximum: 200 },
    REDIS_URL: { type: "string", pattern: "^rediss?://" },
    MONGO_URL: { type: "string", pattern: "^mongodb(\\+srv)?://" },
    CHANNELS_ADAPTER: { enum: ["local", "nats", "kafka", "redis"] },
    KAFKA_BROKERS: { type: "string", pattern: "^[^,]+(,[^,]+)*$" },
    CHANNELS_CONNECT_TIMEOUT_MS: { type: "integer", minimum: 100 },
    JWT_PRIVATE_KEY: { type: "string", pattern: "BEGIN PRIVATE KEY" },
    JWT_ISSUER: { type: "string", minLength: 1 },
    ACCESS_TOKEN_TTL_S: { type: "integer", minimum: 10, maximum: 86400 },
    REFRESH_TOKEN_TTL_S: { type: "integer", minimum: 60 },
    LOGIN_MAX_FAILURES_PER_ACCOUNT: { type: "integer", minimum: 1 },
    LOGIN_MAX_FAILURES_PER_IP: { type: "integer", minimum: 1 },
    LOGIN_WINDOW_S: { type: "integer", minimum: 1 },
    DEFAULT_TENANT: { type: "string", pattern: "^[a-z0-9-]{1,64}$" },
    SMTP_URL: { type: "string", pattern: "^smtps?://" },
    MAIL_FROM: { type: "string", minLength: 3 },
    OAUTH_GOOGLE_CLIENT_ID: { type: "string", minLength: 1 },
    OAUTH_GOOGLE_CLIENT_SECRET: { type: "string", minLength: 1 },
    OAUTH_GOOGLE_ISSUER: url,
    OAUTH_GITHUB_CLIENT_ID: { type: "string", minLength: 1 },
    OAUTH_GITHUB_CLIENT_SECRET: { type: "string", minLength: 1 },
    OAUTH_GITHUB_AUTHORIZATION_URL: url,
    OAUTH_GITHUB_TOKEN_URL: url,
    OAUTH_GITHUB_USERINFO_URL: url,
    OAUTH_GITHUB_EMAILS_URL: url,
    AVANTIKA_ADMIN_EMAIL: { type: "string", pattern: "^[^@\\s]+@[^@\\s]+$" },
    AVANTIKA_ADMIN_PASSWORD: { type: "string", minLength: 10 },
    AVANTIKA_DEMO: { enum: ["0", "1"] },
    ANTHROPIC_API_KEY: { type: "string", minLength: 1 },
    ANTHROPIC_BASE_URL: url,
    SANDBOX_POOL_SIZE: { type: "integer", minimum: 0, maximum: 64 },
    PROBLEMS_DIR: { type: "string", minLength: 1 },
    RUNS_PER_MINUTE: { type: "integer", minimum: 1 },
    SUBMISSIONS_PER_MINUTE: { type: "integer", minimum: 1 },
    AUTHORING_BODY_LIMIT: { type: "string", pattern: "^[0-9]+(b|kb|mb)$" },
    CODE_BODY_LIMIT: { type: "string", pattern: "^[0-9]+(b|kb|mb)$" },
  },
} as const;

type Env = Record<string, string | undefined>;

const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false });
const validateEnv = ajv.compile(envSchema);

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** Reads and validates an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(source: Env = process.env): Config {
  const keys = Object.keys(envSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const problems: string[] = [];
  if (!validateEnv(raw)) {
    for (const err of validateEnv.errors ?? []) {
      problems.push(`${err.instancePath.slice(1) || "env"} ${err.message ?? "is invalid"}`);
    }
  }
  const e = raw as Record<string, string | number | undefined>;
  const str = (k: string) => (e[k] === undefined ? undefined : String(e[k]));
  const num = (k: string, d: number) => (typeof e[k] === "number" ? (e[k] as number) : d);

  const dataDir = path.resolve(str("DATA_DIR") ?? "data");
  const databaseUrl = str("DATABASE_URL");
  const natsUrl = str("NATS_URL");
  const redisUrl = str("REDIS_URL");
  const kafkaBrokers = list(str("KAFKA_BROKERS"));
  const shape: Shape = databaseUrl || natsUrl ? "cluster" : "embedded";
  const portNumber = num("PORT", 8080);
  // SERVICES=none: a node that only calls (the REPL, benchmarks, tests).
  const services = str("SERVICES") === "none" ? [] : str("SERVICES") ? list(str("SERVICES")) : ALL_SERVICES;

  const adapter: ChannelsAdapter =
    (str("CHANNELS_ADAPTER") as ChannelsAdapter | undefined) ??
    (kafkaBrokers.length ? "kafka" : natsUrl ? "nats" : "local");
  if (adapter === "nats" && !natsUrl) problems.push("CHANNELS_ADAPTER=nats needs NATS_URL");
  if (adapter === "kafka" && !kafkaBrokers.length) problems.push("CHANNELS_ADAPTER=kafka needs KAFKA_BROKERS");
  if (adapter === "redis" && !redisUrl) problems.push("CHANNELS_ADAPTER=redis needs REDIS_URL");
  if (natsUrl && !databaseUrl && services.some((s) => s === "auth" || s === "users" || s === "practice")) {
    problems.push("NATS_URL without DATABASE_URL: a cluster node with data services needs a real PostgreSQL");
  }
  if (shape === "cluster" && !str("JWT_PRIVATE_KEY") && services.includes("auth")) {
    problems.push("JWT_PRIVATE_KEY (PKCS#8 PEM) is required for the auth service in the cluster shape");
  }
  if (str("AVANTIKA_ADMIN_EMAIL") && !str("AVANTIKA_ADMIN_PASSWORD")) {
    problems.push("AVANTIKA_ADMIN_EMAIL is set but AVANTIKA_ADMIN_PASSWORD is not");
  }
  const unknownServices = services.filter((s) => !ALL_SERVICES.includes(s));
  if (unknownServices.length) problems.push(`SERVICES names unknown services: ${unknownServices.join(", ")}`);

  const oauthPair = (p: "GOOGLE" | "GITHUB") => {
    const id = str(`OAUTH_${p}_CLIENT_ID`);
    const secret = str(`OAUTH_${p}_CLIENT_SECRET`);
    if (Boolean(id) !== Boolean(secret)) problems.push(`OAUTH_${p}_CLIENT_ID and OAUTH_${p}_CLIENT_SECRET go together`);
    return id && secret ? { clientId: id, clientSecret: secret } : undefined;
  };
  const google = oauthPair("GOOGLE");
  const github = oauthPair("GITHUB");

  if (problems.length) throw new ConfigError(problems);

  const publicUrl = (str("PUBLIC_URL") ?? `http://localhost:${portNumber}`).replace(/\/$/, "");
  return {
    env: (str("NODE_ENV") as Config["env"] | undefined) ?? "development",
    shape,
    namespace: str("NAMESPACE") ?? "avantika",
    nodeId: str("NODE_ID"),
    services,
    dataDir,
    log: { level: (str("LOG_LEVEL") as Config["log"]["level"] | undefined) ?? "info" },
    http: {
      host: str("HOST") ?? "0.0.0.0",
      port: portNumber,
      publicUrl,
      corsOrigins: str("CORS_ORIGINS") ? list(str("CORS_ORIGINS")) : [publicUrl],
      bodyLimit: str("BODY_LIMIT") ?? "100kb",
      maxJsonDepth: num("MAX_JSON_DEPTH", 32),
      authRateLimitPerMinute: num("AUTH_RATE_LIMIT_PER_MINUTE", 60),
      frontendDir: path.resolve("frontend", "dist"),
    },
    ws: {
      host: str("HOST") ?? "0.0.0.0",
      port: num("WS_PORT", portNumber === 0 ? 0 : portNumber + 1),
      publicUrl: str("WS_PUBLIC_URL"),
      maxPayloadBytes: num("WS_MAX_PAYLOAD_BYTES", 64 * 1024),
      messagesPerSecond: num("WS_MESSAGES_PER_SECOND", 20),
    },
    metrics: { port: typeof e.METRICS_PORT === "number" ? e.METRICS_PORT : undefined },
    tracing: {
      exporter: (str("TRACING_EXPORTER") as TracingExporter | undefined) ?? "none",
      endpoint: str("TRACING_ENDPOINT"),
    },
    transport: { natsUrl, requestTimeoutMs: num("REQUEST_TIMEOUT_MS", 10_000) },
    db: {
      url: databaseUrl,
      poolMax: databaseUrl ? num("PG_POOL_MAX", 10) : 1,
      embeddedDir: path.join(dataDir, "pg"),
    },
    redis: { url: redisUrl },
    content: { mongoUrl: str("MONGO_URL"), nedbDir: path.join(dataDir, "content") },
    channels: {
      adapter,
      natsUrl,
      kafkaBrokers,
      redisUrl,
      connectTimeoutMs: num("CHANNELS_CONNECT_TIMEOUT_MS", 15_000),
    },
    auth: {
      jwtPrivateKeyPem: str("JWT_PRIVATE_KEY"),
      jwtKeyFile: path.join(dataDir, "keys", "jwt-signing-key.pem"),
      issuer: str("JWT_ISSUER") ?? "avantika",
      accessTokenTtlS: num("ACCESS_TOKEN_TTL_S", 3600),
      refreshTokenTtlS: num("REFRESH_TOKEN_TTL_S", 7 * 24 * 3600),
      loginMaxFailuresPerAccount: num("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
      loginMaxFailuresPerIp: num("LOGIN_MAX_FAILURES_PER_IP", 50),
      loginWindowS: num("LOGIN_WINDOW_S", 900),
      defaultTenant: str("DEFAULT_TENANT") ?? "public",
    },
    mail: {
      smtpUrl: str("SMTP_URL"),
      dir: path.join(dataDir, "mail"),
      from: str("MAIL_FROM") ?? "Avantika <no-reply@avantika.local>",
    },
    oauth: {
      google: google && {
        ...google,
        issuer: str("OAUTH_GOOGLE_ISSUER") ?? "https://accounts.google.com",
        scope: "openid email profile",
      },
      github: github && {
        ...github,
        authorizationUrl: str("OAUTH_GITHUB_AUTHORIZATION_URL") ?? "https://github.com/login/oauth/authorize",
        tokenUrl: str("OAUTH_GITHUB_TOKEN_URL") ?? "https://github.com/login/oauth/access_token",
        userinfoUrl: str("OAUTH_GITHUB_USERINFO_URL") ?? "https://api.github.com/user",
        emailsUrl: str("OAUTH_GITHUB_EMAILS_URL") ?? "https://api.github.com/user/emails",
        scope: "read:user user:email",
      },
    },
    seed: {
      adminEmail: str("AVANTIKA_ADMIN_EMAIL"),
      adminPassword: str("AVANTIKA_ADMIN_PASSWORD"),
      demo: str("AVANTIKA_DEMO") ? str("AVANTIKA_DEMO") === "1" : shape === "embedded",
    },
    ai: { anthropicApiKey: str("ANTHROPIC_API_KEY"), anthropicBaseUrl: str("ANTHROPIC_BASE_URL") },
    sandbox: { poolSize: num("SANDBOX_POOL_SIZE", 2), runsPerMinute: num("RUNS_PER_MINUTE", 30) },
    practice: {
      problemsDir: path.resolve(str("PROBLEMS_DIR") ?? "problems"),
      authoringBodyLimit: str("AUTHORING_BODY_LIMIT") ?? "16mb",
      codeBodyLimit: str("CODE_BODY_LIMIT") ?? "8mb",
      submissionsPerMinute: num("SUBMISSIONS_PER_MINUTE", 12),
    },
  };
}

const brokerConfigs = new WeakMap<ServiceBroker, Config>();

/** Binds a config to a broker, so services on that broker read it (several brokers may share a process in tests). */
export function bindConfig(broker: ServiceBroker, config: Config): void {
  brokerConfigs.set(broker, config);
}

export function configOf(broker: ServiceBroker): Config {
  const config = brokerConfigs.get(broker);
  if (!config) throw new Error("No config bound to this broker: create it with createBroker()");
  return config;
}

export const KNOWN_SERVICES: readonly string[] = ALL_SERVICES;
