/**
 * The @moleculer/channels middleware with the adapter chosen by config: NATS JetStream (tests,
 * dev clusters), Kafka (production), Redis Streams, or in-process ("Fake", over the local broker)
 * for the embedded shape.
 *
 * Two traps of the 0.1.8 adapters are handled here:
 * - NATS: nodes starting together race to create the same durable consumer, each with its own
 *   deliver subject, and lose with "consumer name already in use". Before the adapter connects we
 *   create every catalogue stream and this node's durable consumers with a node-independent
 *   deliver subject; the adapter then binds to them (nats.js attaches to an existing durable).
 * - Kafka: with no reachable broker `broker.start()` never resolves. The connect step is bounded
 *   and fails with a clear error.
 */
import type { Middleware, ServiceBroker } from "moleculer";
import { connect, RetentionPolicy, StorageType, AckPolicy, DeliverPolicy, type JetStreamManager } from "nats";
import type { Config } from "../lib/config";
import { DEAD_LETTER_CHANNEL, EVENT_TOPICS } from "../lib/events";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChannelsMiddleware = require("@moleculer/channels").Middleware as (opts: Record<string, unknown>) => Middleware & {
  started?: (this: ServiceBroker) => Promise<void>;
};

const MAX_RETRIES = 5;
const natsName = (s: string) => s.split(".").join("_");

interface ChannelDef {
  service: string;
  name: string;
  group: string;
  maxInFlight: number;
  ackWaitS?: number;
}

/** The channels this broker's services consume, with the group each one consumes in. */
export function localChannels(broker: ServiceBroker): ChannelDef[] {
  const out: ChannelDef[] = [];
  for (const svc of broker.services) {
    const channels = (svc.schema as { channels?: Record<string, { group?: string; maxInFlight?: number; ackWaitS?: number }> }).channels ?? {};
    for (const [name, def] of Object.entries(channels)) {
      out.push({ service: svc.fullName, name, group: def.group ?? svc.fullName, maxInFlight: def.maxInFlight ?? 1, ackWaitS: def.ackWaitS });
    }
  }
  return out;
}

/**
 * Creates the catalogue's streams and the given durable consumers; safe to run on every node at
 * once. Names carry the namespace prefix (as the adapter adds it), so namespaces sharing one NATS
 * never share a stream.
 */
export async function ensureNatsChannels(url: string, prefix: string, channels: ChannelDef[]): Promise<void> {
  const p = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const nc = await connect({ servers: url.split(",").map((u) => new URL(u).host), timeout: 5000 });
  try {
    const jsm = await nc.jetstreamManager();
    for (const topic of [...EVENT_TOPICS, DEAD_LETTER_CHANNEL]) await ensureStream(jsm, p(topic));
    for (const chan of channels) {
      const subject = p(chan.name);
      await ensureStream(jsm, subject);
      const durable = natsName(chan.group);
      const config = {
        durable_name: durable,
        deliver_subject: `_avantika.deliver.${natsName(subject)}.${durable}`,
        deliver_group: natsName(subject),
        deliver_policy: DeliverPolicy.All,
        ack_policy: AckPolicy.Explicit,
        max_ack_pending: chan.maxInFlight,
        filter_subject: subject,
        ack_wait: (chan.ackWaitS ?? 30) * 1_000_000_000,
      };
      await retryOnRace(async () => {
        try {
          await jsm.consumers.info(natsName(subject), durable);
        } catch {
          await jsm.consumers.add(natsName(subject), config);
        }
      });
    }
  } finally {
    await nc.close();
  }
}

/** Our stream settings; the adapter is given the same, so its own "create" finds them identical. */
const STREAM_CONFIG = { retention: RetentionPolicy.Limits, storage: StorageType.File, max_age: 7 * 24 * 3600 * 1_000_000_000 };

async function ensureStream(jsm: JetStreamManager, subject: string): Promise<void> {
  const name = natsName(subject);
  await retryOnRace(async () => {
    try {
      await jsm.streams.info(name);
    } catch {
      await jsm.streams.add({ name, subjects: [subject], ...STREAM_CONFIG });
    }
  });
}

async function retryOnRace(step: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

function adapterFor(config: Config): Record<string, unknown> {
  const common = { prefix: config.namespace, maxRetries: MAX_RETRIES, deadLettering: { enabled: false, queueName: DEAD_LETTER_CHANNEL } };
  switch (config.channels.adapter) {
    case "nats":
      return {
        type: "NATS",
        options: {
          ...common,
          nats: {
            url: config.channels.natsUrl,
            connectionOptions: { maxReconnectAttempts: -1, reconnectTimeWait: 250, timeout: 5000 },
            streamConfig: STREAM_CONFIG,
            consumerOptions: { config: { deliver_policy: "all" } },
          },
        },
      };
    case "kafka":
      return {
        type: "Kafka",
        options: {
          ...common,
          kafka: {
            brokers: config.channels.kafkaBrokers,
            clientId: config.namespace,
            connectionTimeout: Math.min(config.channels.connectTimeoutMs, 10_000),
            retry: { retries: 2 },
          },
        },
      };
    case "redis":
      return { type: "Redis", options: { ...common, redis: config.channels.redisUrl } };
    case "local":
      return { type: "Fake", options: common };
  }
}

/** Local event broadcast once the channel adapter is connected and every channel subscribed. */
export const CHANNELS_READY_EVENT = "$channels.ready";
const readyBrokers = new WeakSet<ServiceBroker>();

export function channelsReady(broker: ServiceBroker): boolean {
  return readyBrokers.has(broker);
}

const stoppingHooks = new WeakMap<ServiceBroker, Array<() => Promise<void>>>();

/**
 * Runs `hook` when the broker begins to stop, before any service stops and any channel is
 * unsubscribed: the outbox relay finishes its batch there, so it never hands an event to a
 * consumer that is already gone.
 */
export function beforeChannelsStop(broker: ServiceBroker, hook: () => Promise<void>): void {
  const hooks = stoppingHooks.get(broker) ?? [];
  hooks.push(hook);
  stoppingHooks.set(broker, hooks);
}

export function createChannelsMiddleware(config: Config): Middleware {
  const middleware = ChannelsMiddleware({ adapter: adapterFor(config), context: false });
  const originalStarted = middleware.started;
  const originalCreated = middleware.created as ((broker: ServiceBroker) => void) | undefined;
  let broker: ServiceBroker | undefined;
  middleware.created = function (this: unknown, b: ServiceBroker) {
    broker = b;
    originalCreated?.call(this, b);
  };
  const originalStopping = (middleware as { stopping?: (this: ServiceBroker) => Promise<void> }).stopping;
  (middleware as { stopping?: (this: ServiceBroker) => Promise<void> }).stopping = async function (this: ServiceBroker) {
    if (broker) {
      readyBrokers.delete(broker);
      await Promise.all((stoppingHooks.get(broker) ?? []).map((hook) => hook().catch(() => undefined)));
    }
    await originalStopping?.call(this);
  };
  middleware.started = async function (this: ServiceBroker) {
    if (!broker) throw new Error("channels middleware started before created");
    if (config.channels.adapter === "nats" && config.channels.natsUrl) {
      await ensureNatsChannels(config.channels.natsUrl, config.namespace, localChannels(broker));
    }
    if (!originalStarted) return;
    const what = config.channels.adapter === "kafka" ? `Kafka brokers ${config.channels.kafkaBrokers.join(",")}` : `the ${config.channels.adapter} channel adapter`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Cannot connect to ${what} within ${config.channels.connectTimeoutMs} ms: is it running and reachable?`)),
        config.channels.connectTimeoutMs,
      );
      timer.unref();
    });
    try {
      await Promise.race([originalStarted.call(broker), timeout]);
    } finally {
      clearTimeout(timer);
    }
    if (config.channels.adapter === "local") {
      // The in-process adapter subscribes by creating one service per channel, which starts a
      // moment later; an event emitted before it runs would reach nobody.
      const names = localChannels(broker).map((c) => `$channel:${c.service}:${config.namespace}.${c.name}:${c.group}`);
      await broker.waitForServices(names, config.channels.connectTimeoutMs);
    }
    readyBrokers.add(broker);
    broker.broadcastLocal(CHANNELS_READY_EVENT);
  };
  return middleware;
}
