/**
 * Broker options, all read from the validated config (12-factor). Cluster shape: NATS
 * transporter; embedded shape: the local transporter (one process).
 */
import type { BrokerOptions, Errors } from "moleculer";
import { loadConfig, type Config } from "./lib/config";
import { AjvValidator } from "./lib/validator";
import { AuthMiddleware } from "./mixins/auth.middleware";
import { createChannelsMiddleware } from "./mixins/channels";

function tracingExporter(config: Config) {
  switch (config.tracing.exporter) {
    case "none":
      return [];
    case "console":
      return [{ type: "Console" }];
    case "event":
      return [{ type: "Event", options: { eventName: "$tracing.spans" } }];
    case "zipkin":
      return [{ type: "Zipkin", options: { baseURL: config.tracing.endpoint ?? "http://127.0.0.1:9411" } }];
    case "jaeger":
      return [{ type: "Jaeger", options: { endpoint: config.tracing.endpoint ?? null } }];
  }
}

const isServerError = (err: Error) => {
  const code = (err as Errors.MoleculerError).code;
  return !code || code >= 500;
};

export function brokerOptions(config: Config): BrokerOptions {
  return {
    namespace: config.namespace,
    nodeID: config.nodeId,
    transporter: config.transport.natsUrl ? { type: "NATS", options: { url: config.transport.natsUrl, maxReconnectAttempts: -1 } } : null,
    serializer: "JSON",
    requestTimeout: config.transport.requestTimeoutMs,
    // Only MoleculerRetryableError (timeouts, a node gone, a queue full) is retried, with backoff,
    // and the balancer picks the endpoint again for each attempt, so a dead node is routed around.
    retryPolicy: {
      enabled: true,
      retries: 4,
      delay: 100,
      maxDelay: 1000,
      factor: 2,
      check: (err: Error) => Boolean((err as Errors.MoleculerRetryableError).retryable),
    },
    // A crashed node (SIGKILL: it never says goodbye) is dropped after 3 s without heartbeat.
    heartbeatInterval: 1,
    heartbeatTimeout: 3,
    contextParamsCloning: false,
    tracking: { enabled: true, shutdownTimeout: 10_000 },
    disableBalancer: false,
    registry: {
      // RoundRobin with preferLocal: our actions are short and alike, so even spreading beats
      // CpuUsage (which samples load once per heartbeat and lags a burst) and Latency (which
      // pings every node); preferLocal keeps a call in-process when this node hosts the action.
      strategy: "RoundRobin",
      preferLocal: true,
    },
    circuitBreaker: {
      enabled: true,
      threshold: 0.5,
      minRequestCount: 20,
      windowTime: 60,
      halfOpenTime: 10_000,
      check: isServerError,
    },
    bulkhead: { enabled: true, concurrency: 64, maxQueueSize: 1000 },
    validator: new AjvValidator(),
    cacher: config.redis.url ? { type: "Redis", options: { prefix: `${config.namespace}-cache`, ttl: 30, redis: config.redis.url } } : { type: "Memory", options: { ttl: 30 } },
    metrics: {
      enabled: config.metrics.port !== undefined,
      reporter: config.metrics.port !== undefined ? [{ type: "Prometheus", options: { port: config.metrics.port, path: "/metrics" } }] : [],
    },
    tracing: { enabled: config.tracing.exporter !== "none", exporter: tracingExporter(config) },
    logger: {
      type: "Pino",
      options: { level: config.log.level, pino: { options: { base: undefined, redact: ["password", "*.password", "token", "*.token", "refreshToken", "*.refreshToken"] } } },
    },
    logLevel: config.log.level,
    middlewares: [AuthMiddleware(), createChannelsMiddleware(config)],
  };
}

/** moleculer-runner compatibility: `moleculer-runner --config moleculer.config.ts services/**`. */
export default function (): BrokerOptions {
  return brokerOptions(loadConfig());
}
