/**
 * The realtime gateway (ARCHITECTURE.md §6, CONTRACT.md "Realtime"): a uWebSockets.js server on
 * config.ws.host:port, path /ws.
 *
 * - The access token is verified at the upgrade (from the JWKS, no call per connection); a missing
 *   or bad token is answered 401 and no socket is opened. A socket is closed (4401) when its token
 *   expires, so a client reconnects with a fresh one.
 * - Messages are JSON `{type, ...}` checked with ajv. Subscriptions are authorized per topic; the
 *   stateful ones (subscribe, unsubscribe, room signaling) run one after another per connection, so
 *   acks and relayed signaling keep the client's order.
 * - Moleculer's `realtime.publish` event (broadcast: every gateway node gets it) is bridged to uWS
 *   `publish` on every node, so any pod serves any client with no sticky sessions.
 * - Limits: a token bucket per connection (config.ws.messagesPerSecond; sustained abuse → 1008),
 *   uWS maxPayloadLength (config.ws.maxPayloadBytes; oversized → uWS drops the connection), a cap on
 *   topics and on requests in flight, and backpressure: direct sends are skipped (and counted) when
 *   the socket already buffers more than LIMITS.maxBackpressureBytes; uWS skips slow subscribers.
 */
import { decodeJwt } from "jose";
import type { Context, LoggerInstance, ServiceBroker, ServiceSchema } from "moleculer";
import { configOf, type Config } from "../lib/config";
import { toErrorBody } from "../lib/errors";
import { createTokenVerifier, type TokenVerifier } from "../lib/jwt";
import { acquireKv, releaseKv, type Kv } from "../lib/kv";
import { lifecycle } from "../lib/service";
import { compileSchema, type FieldProblem } from "../lib/validator";
import type { AuthUser } from "../mixins/auth.middleware";
import { startSocketServer, type PendingUpgrade, type Socket, type SocketServer, type UpgradeRequest } from "./uws";

export const LIMITS = {
  maxTopicsPerConnection: 100,
  /** Subscribe/unsubscribe/signaling messages queued behind a slow authorization check. */
  maxQueuedPerConnection: 16,
  maxBackpressureBytes: 1024 * 1024,
  /** uWS rounds to its 4 s granularity; it pings an idle socket before closing it. */
  idleTimeoutS: 60,
  /** Refused (rate-limited) messages tolerated per window, as a multiple of messagesPerSecond, before 1008. */
  abuseWindowMs: 10_000,
  abuseFactor: 3,
  authorizationTimeoutMs: 5_000,
  expirySweepMs: 5_000,
  /** Nesting allowed in a relayed signaling message (its shape is the interview service's business). */
  maxRelayDepth: 16,
};

/** Close codes: 1001 server going away, 1008 policy (abuse), 4401 token expired (reconnect with a fresh one). */
export const CLOSE = { goingAway: 1001, policy: 1008, tokenExpired: 4401 } as const;

export type RealtimeErrorType =
  | "INVALID_MESSAGE"
  | "TOPIC_FORBIDDEN"
  | "TOO_MANY_TOPICS"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE"
  | "MESSAGES_DROPPED"
  | "INTERNAL_ERROR";

const METRIC = {
  connections: "avantika_ws_connections",
  messagesIn: "avantika_ws_messages_in_total",
  messagesOut: "avantika_ws_messages_out_total",
  dropped: "avantika_ws_dropped_total",
} as const;

const ID_PATTERN = "^[A-Za-z0-9_-]{1,128}$";
const ID = new RegExp(ID_PATTERN);
/** A compact JWS: three base64url segments (the last may be empty: alg "none", refused by the verifier). */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export const SIGNALING_TYPES = ["room.join", "room.leave", "rtc.offer", "rtc.answer", "rtc.ice", "editor.update", "chat"] as const;
type SignalingType = (typeof SIGNALING_TYPES)[number];

interface SignalingMessage {
  type: SignalingType;
  room: string;
  [field: string]: unknown;
}

type ClientMessage = { type: "subscribe"; topic: string } | { type: "unsubscribe"; topic: string } | { type: "ping" } | SignalingMessage;

export interface PublishParams {
  topic: string;
  message: { type: string; [field: string]: unknown };
  /** Set when a gateway relays a client's message: that node has delivered it locally already. */
  origin?: string;
}

const topicField = { type: "string", minLength: 1, maxLength: 256 };

const MESSAGE_VALIDATORS = new Map<string, (value: unknown) => true | FieldProblem[]>([
  ["ping", compileSchema({ type: "object", properties: { type: { const: "ping" } }, required: ["type"], additionalProperties: false })],
  ...(["subscribe", "unsubscribe"] as const).map(
    (type) =>
      [
        type,
        compileSchema({
          type: "object",
          properties: { type: { const: type }, topic: topicField },
          required: ["type", "topic"],
          additionalProperties: false,
        }),
      ] as const,
  ),
  ...SIGNALING_TYPES.map(
    (type) =>
      [
        type,
        compileSchema({
          type: "object",
          properties: { type: { const: type }, room: { type: "string", pattern: ID_PATTERN }, to: { type: "string", pattern: ID_PATTERN } },
          required: ["type", "room"],
        }),
      ] as const,
  ),
]);

const publishedMessage = { type: "object", properties: { type: { type: "string", minLength: 1 } }, required: ["type"] };

const publishEventParams = {
  type: "object",
  properties: { topic: topicField, message: publishedMessage, origin: { type: "string" } },
  required: ["topic", "message"],
  additionalProperties: false,
};

const publishActionParams = {
  type: "object",
  properties: { topic: topicField, message: publishedMessage },
  required: ["topic", "message"],
  additionalProperties: false,
};

function isSignaling(message: ClientMessage): message is SignalingMessage {
  return (SIGNALING_TYPES as readonly string[]).includes(message.type);
}

function messageType(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "type" in value && typeof value.type === "string" ? value.type : undefined;
}

/** Nesting depth of a parsed JSON value, without recursion, stopping once past `limit`. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() ?? [null, 0];
    if (node === null || typeof node !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Where the client put its access token; a token sent as the subprotocol must be echoed back. */
export function tokenFrom(request: Pick<UpgradeRequest, "query" | "protocol">): { token: string; protocol?: string } | undefined {
  for (const offered of request.protocol.split(",")) {
    const protocol = offered.trim();
    if (JWT_SHAPE.test(protocol)) return { token: protocol, protocol };
  }
  const token = new URLSearchParams(request.query).get("token");
  return token ? { token } : undefined;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  take(now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.perSecond) / 1000);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface Connection {
  readonly user: AuthUser;
  /** ms since epoch; Infinity when the token carries no exp. */
  readonly expiresAt: number;
  socket?: Socket<SocketData>;
  /** Set in the close handler: after it, the socket must not be touched (checked after every await). */
  closed: boolean;
  readonly topics: Set<string>;
  /** Rooms whose membership interview.canJoinRoom confirmed on this connection. */
  readonly rooms: Set<string>;
  queue: Promise<void>;
  queued: number;
  readonly bucket: TokenBucket;
  refusedSince: number;
  refused: number;
  /** Direct sends skipped for backpressure since the last drain notice. */
  droppedSinceDrain: number;
}

/** uWS copies the user data's fields onto its socket object: keep our state in one object we own. */
interface SocketData {
  connection: Connection;
}

type Verdict = true | { type: RealtimeErrorType; message: string };

const forbidden = (message = "You may not subscribe to this topic"): Verdict => ({ type: "TOPIC_FORBIDDEN", message });

function errorJson(type: string, message: string): string {
  return JSON.stringify({ error: { type, message } });
}

class WsMetrics {
  private readonly enabled: boolean;

  constructor(private readonly registry: ServiceBroker["metrics"]) {
    this.enabled = registry.isEnabled();
    if (!this.enabled) return;
    registry.register({ type: "gauge", name: METRIC.connections, description: "Open WebSocket connections on this node" });
    registry.register({ type: "counter", name: METRIC.messagesIn, description: "WebSocket messages received" });
    registry.register({ type: "counter", name: METRIC.messagesOut, description: "WebSocket messages sent (direct and published)" });
    registry.register({ type: "counter", name: METRIC.dropped, description: "WebSocket messages not sent because of backpressure" });
  }

  add(name: (typeof METRIC)[Exclude<keyof typeof METRIC, "connections">], value = 1): void {
    if (this.enabled && value > 0) this.registry.increment(name, undefined, value);
  }

  connections(value: number): void {
    if (this.enabled) this.registry.set(METRIC.connections, value);
  }
}

/** The uWS server and everything per connection; the Moleculer schema below wires it to the broker. */
export class RealtimeGateway {
  private server?: SocketServer;
  private readonly connections = new Set<Connection>();
  private readonly usersOnline = new Map<string, number>();
  private readonly metrics: WsMetrics;
  private stopping = false;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly broker: ServiceBroker,
    private readonly logger: LoggerInstance,
    private readonly config: Config,
    private readonly verifier: TokenVerifier,
  ) {
    this.metrics = new WsMetrics(broker.metrics);
  }

  get port(): number {
    return this.server?.port ?? 0;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Distinct users connected to this node. */
  get users(): string[] {
    return [...this.usersOnline.keys()];
  }

  async start(): Promise<void> {
    this.server = await startSocketServer<SocketData>({
      host: this.config.ws.host,
      port: this.config.ws.port,
      path: "/ws",
      maxPayloadLength: this.config.ws.maxPayloadBytes,
      maxBackpressure: LIMITS.maxBackpressureBytes,
      closeOnBackpressureLimit: false,
      idleTimeout: LIMITS.idleTimeoutS,
      sendPingsAutomatically: true,
      upgrade: (request, pending) => this.onUpgrade(request, pending),
      open: (socket) => this.onOpen(socket),
      message: (socket, data, isBinary) => this.onMessage(socket, data, isBinary),
      drain: (socket) => this.onDrain(socket),
      close: (socket) => this.onClose(socket),
      dropped: () => this.metrics.add(METRIC.dropped),
    });
    this.sweeper = setInterval(() => this.closeExpired(), LIMITS.expirySweepMs).unref();
    this.logger.info(`WebSocket server listening on ${this.config.ws.host}:${this.server.port}/ws`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const connection of this.connections) this.close(connection, CLOSE.goingAway, "Server shutting down");
    this.server?.close();
    this.server = undefined;
  }

  /** Delivers a published message to this node's subscribers of `topic`. */
  publishLocal(params: PublishParams): void {
    if (!this.server || params.origin === this.broker.nodeID) return;
    const subscribers = this.server.subscribers(params.topic);
    if (subscribers === 0) return;
    this.server.publish(params.topic, JSON.stringify(params.message));
    this.metrics.add(METRIC.messagesOut, subscribers);
  }

  // ---- upgrade and connection lifecycle ----

  private onUpgrade(request: UpgradeRequest, pending: PendingUpgrade<SocketData>): void {
    if (this.stopping) {
      pending.refuse("503 Service Unavailable", errorJson("SERVICE_UNAVAILABLE", "The server is shutting down, reconnect"));
      return;
    }
    const credentials = tokenFrom(request);
    if (!credentials) {
      pending.refuse("401 Unauthorized", errorJson("UNAUTHORIZED", "An access token is required (?token= or Sec-WebSocket-Protocol)"));
      return;
    }
    this.verifier.verify(credentials.token).then(
      (user) => {
        if (this.stopping) {
          pending.refuse("503 Service Unavailable", errorJson("SERVICE_UNAVAILABLE", "The server is shutting down, reconnect"));
          return;
        }
        const exp = decodeJwt(credentials.token).exp;
        const connection: Connection = {
          user,
          expiresAt: typeof exp === "number" ? exp * 1000 : Infinity,
          closed: false,
          topics: new Set(),
          rooms: new Set(),
          queue: Promise.resolve(),
          queued: 0,
          bucket: new TokenBucket(this.config.ws.messagesPerSecond, this.config.ws.messagesPerSecond),
          refusedSince: 0,
          refused: 0,
          droppedSinceDrain: 0,
        };
        pending.accept({ connection }, credentials.protocol);
      },
      (err: unknown) => {
        const { status, body } = toErrorBody(err);
        if (status === 401) {
          pending.refuse("401 Unauthorized", JSON.stringify(body));
        } else if (body.error.type === "SERVICE_UNAVAILABLE") {
          pending.refuse("503 Service Unavailable", JSON.stringify(body));
        } else {
          this.logger.error("WebSocket upgrade failed", err);
          pending.refuse("500 Internal Server Error", JSON.stringify(body));
        }
      },
    );
  }

  private onOpen(socket: Socket<SocketData>): void {
    const { connection } = socket.getUserData();
    connection.socket = socket;
    this.connections.add(connection);
    this.usersOnline.set(connection.user.id, (this.usersOnline.get(connection.user.id) ?? 0) + 1);
    this.metrics.connections(this.connections.size);
  }

  private onClose(socket: Socket<SocketData>): void {
    const { connection } = socket.getUserData();
    connection.closed = true;
    connection.socket = undefined;
    if (!this.connections.delete(connection)) return;
    const left = (this.usersOnline.get(connection.user.id) ?? 1) - 1;
    if (left > 0) this.usersOnline.set(connection.user.id, left);
    else this.usersOnline.delete(connection.user.id);
    this.metrics.connections(this.connections.size);
  }

  private onDrain(socket: Socket<SocketData>): void {
    const { connection } = socket.getUserData();
    if (connection.closed || connection.droppedSinceDrain === 0) return;
    if (socket.getBufferedAmount() > LIMITS.maxBackpressureBytes / 2) return;
    const count = connection.droppedSinceDrain;
    connection.droppedSinceDrain = 0;
    this.sendError(connection, "MESSAGES_DROPPED", `${count} message(s) were dropped because the connection was too slow: refetch what you show`);
  }

  private close(connection: Connection, code: number, reason: string): void {
    if (connection.closed) return;
    // end() runs the close handler synchronously, which marks the connection closed.
    connection.socket?.end(code, reason);
  }

  private closeExpired(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      if (connection.expiresAt <= now) this.close(connection, CLOSE.tokenExpired, "Token expired");
    }
  }

  // ---- messages ----

  private onMessage(socket: Socket<SocketData>, data: ArrayBuffer, isBinary: boolean): void {
    const { connection } = socket.getUserData();
    if (connection.closed) return;
    this.metrics.add(METRIC.messagesIn);
    if (!connection.bucket.take()) {
      this.refuseForRate(connection);
      return;
    }
    if (isBinary) {
      this.sendError(connection, "INVALID_MESSAGE", "Messages are JSON text");
      return;
    }
    // The ArrayBuffer is neutered when this callback returns: decode it now.
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(data).toString("utf8"));
    } catch {
      this.sendError(connection, "INVALID_MESSAGE", "The message is not valid JSON");
      return;
    }
    const type = messageType(parsed);
    if (type === undefined) {
      this.sendError(connection, "INVALID_MESSAGE", 'A message is a JSON object with a string "type"');
      return;
    }
    const validate = MESSAGE_VALIDATORS.get(type);
    if (!validate) {
      this.sendError(connection, "INVALID_MESSAGE", `Unknown message type '${type.slice(0, 64)}'`);
      return;
    }
    const problems = validate(parsed);
    if (problems !== true) {
      const detail = problems.map((p) => `${p.field} ${p.message}`).join("; ");
      this.sendError(connection, "INVALID_MESSAGE", `Invalid '${type}' message: ${detail}`.slice(0, 512));
      return;
    }
    const message = parsed as ClientMessage;
    if (message.type === "ping") {
      this.send(connection, { type: "pong" });
      return;
    }
    if (isSignaling(message) && depthExceeds(message, LIMITS.maxRelayDepth)) {
      this.sendError(connection, "INVALID_MESSAGE", `A signaling message nests deeper than ${LIMITS.maxRelayDepth} levels`);
      return;
    }
    this.enqueue(connection, () => this.handle(connection, message));
  }

  private refuseForRate(connection: Connection): void {
    const now = performance.now();
    if (now - connection.refusedSince > LIMITS.abuseWindowMs) {
      connection.refusedSince = now;
      connection.refused = 0;
    }
    connection.refused += 1;
    if (connection.refused > Math.max(10, LIMITS.abuseFactor * this.config.ws.messagesPerSecond)) {
      this.close(connection, CLOSE.policy, "Message rate limit exceeded");
      return;
    }
    this.sendError(connection, "RATE_LIMITED", `Too many messages: at most ${this.config.ws.messagesPerSecond} per second`);
  }

  /** Runs stateful work one message at a time per connection, so replies keep the client's order. */
  private enqueue(connection: Connection, task: () => Promise<void>): void {
    if (connection.queued >= LIMITS.maxQueuedPerConnection) {
      this.sendError(connection, "RATE_LIMITED", "Too many requests in flight: wait for the replies");
      return;
    }
    connection.queued += 1;
    connection.queue = connection.queue
      .then(() => (connection.closed ? undefined : task()))
      .catch((err: unknown) => this.logger.error("WebSocket message handling failed", err))
      .finally(() => {
        connection.queued -= 1;
      });
  }

  private async handle(connection: Connection, message: ClientMessage): Promise<void> {
    if (message.type === "ping") return;
    if (message.type === "subscribe") {
      await this.subscribe(connection, message.topic);
    } else if (message.type === "unsubscribe") {
      this.unsubscribe(connection, message.topic);
    } else {
      await this.relay(connection, message);
    }
  }

  private async subscribe(connection: Connection, topic: string): Promise<boolean> {
    if (!connection.topics.has(topic)) {
      if (connection.topics.size >= LIMITS.maxTopicsPerConnection) {
        this.sendError(connection, "TOO_MANY_TOPICS", `At most ${LIMITS.maxTopicsPerConnection} topics per connection`, { topic });
        return false;
      }
      const verdict = await this.authorize(connection, topic);
      if (connection.closed || !connection.socket) return false;
      if (verdict !== true) {
        this.sendError(connection, verdict.type, verdict.message, { topic });
        return false;
      }
      connection.socket.subscribe(topic);
      connection.topics.add(topic);
    }
    this.send(connection, { type: "subscribed", topic });
    return true;
  }

  private unsubscribe(connection: Connection, topic: string): void {
    if (connection.topics.delete(topic)) connection.socket?.unsubscribe(topic);
    this.send(connection, { type: "unsubscribed", topic });
  }

  /** Interview signaling: relayed to the room's other members, on every node. The interview service owns the rest. */
  private async relay(connection: Connection, message: SignalingMessage): Promise<void> {
    const topic = `room:${message.room}`;
    if (message.type === "room.join") {
      if (!(await this.subscribe(connection, topic))) return;
    } else if (!connection.rooms.has(message.room)) {
      const verdict = await this.authorize(connection, topic);
      if (connection.closed) return;
      if (verdict !== true) {
        this.sendError(connection, verdict.type, verdict.message, { topic });
        return;
      }
    }
    const socket = connection.socket;
    if (connection.closed || !socket) return;
    const relayed = { ...message, from: connection.user.id };
    // uWS's socket.publish skips the sender; other nodes get it through the broadcast.
    const json = JSON.stringify(relayed);
    const others = this.server ? this.server.subscribers(topic) - (connection.topics.has(topic) ? 1 : 0) : 0;
    socket.publish(topic, json);
    this.metrics.add(METRIC.messagesOut, others);
    const params: PublishParams = { topic, message: relayed, origin: this.broker.nodeID };
    this.broker.broadcast("realtime.publish", params).catch((err: unknown) => this.logger.warn("Relaying a signaling message failed", err));
    if (message.type === "room.leave") this.unsubscribe(connection, topic);
  }

  private async authorize(connection: Connection, topic: string): Promise<Verdict> {
    const colon = topic.indexOf(":");
    const kind = topic.slice(0, Math.max(colon, 0));
    const id = topic.slice(colon + 1);
    if (colon <= 0 || !ID.test(id)) return forbidden("Unknown topic: topics are user:<id>, submission:<id> or room:<id>");
    const userId = connection.user.id;
    switch (kind) {
      case "user":
        return id === userId ? true : forbidden("You may only subscribe to your own user topic");
      case "submission":
        return this.ask("practice", "practice.canSubscribe", { submissionId: id, userId }, connection.user);
      case "room": {
        if (connection.rooms.has(id)) return true;
        const verdict = await this.ask("interview", "interview.canJoinRoom", { roomId: id, userId }, connection.user);
        if (verdict === true) connection.rooms.add(id);
        return verdict;
      }
      default:
        return forbidden("Unknown topic: topics are user:<id>, submission:<id> or room:<id>");
    }
  }

  /** Asks the owning service whether the user may hold a topic; only a literal `true` allows. */
  private async ask(service: string, action: string, params: Record<string, string>, user: AuthUser): Promise<Verdict> {
    const unavailable: Verdict = { type: "SERVICE_UNAVAILABLE", message: `Cannot check this topic now (${service} is unavailable), try again shortly` };
    // A missing service would otherwise be retried with backoff by the broker's retry policy.
    if (!this.serviceAvailable(service)) return unavailable;
    try {
      const allowed = await this.broker.call<unknown, Record<string, string>>(action, params, {
        meta: { user },
        timeout: LIMITS.authorizationTimeoutMs,
      });
      return allowed === true ? true : forbidden();
    } catch (err) {
      const { status, body } = toErrorBody(err);
      if (body.error.type === "SERVICE_UNAVAILABLE") return unavailable;
      if (status < 500) return forbidden();
      this.logger.error(`${action} failed`, err);
      return { type: "INTERNAL_ERROR", message: "Internal error" };
    }
  }

  private serviceAvailable(name: string): boolean {
    return this.broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true }).some((service) => service.name === name);
  }

  // ---- sending ----

  private send(connection: Connection, message: object): boolean {
    const socket = connection.socket;
    if (connection.closed || !socket) return false;
    if (socket.getBufferedAmount() > LIMITS.maxBackpressureBytes || socket.send(JSON.stringify(message)) === 2) {
      connection.droppedSinceDrain += 1;
      this.metrics.add(METRIC.dropped);
      return false;
    }
    this.metrics.add(METRIC.messagesOut);
    return true;
  }

  private sendError(connection: Connection, type: RealtimeErrorType, message: string, data?: Record<string, unknown>): void {
    this.send(connection, { type: "error", error: data ? { type, message, data } : { type, message } });
  }
}

/** Nodes that run a service, from the registry (its list items carry the node, its typings do not say so). */
function nodesRunning(broker: ServiceBroker, name: string): string[] {
  const nodes = new Set<string>();
  for (const service of broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true })) {
    const nodeID: unknown = service.nodeID;
    if (service.name === name && typeof nodeID === "string") nodes.add(nodeID);
  }
  return [...nodes];
}

interface RealtimeService {
  broker: ServiceBroker;
  logger: LoggerInstance;
  config: Config;
  kv: Kv;
  verifier: TokenVerifier;
  gateway?: RealtimeGateway;
}

const RealtimeServiceSchema: ServiceSchema = {
  name: "realtime",

  actions: {
    /** For callers that prefer an action: broadcast, so every gateway node delivers to its own subscribers. */
    publish: {
      visibility: "public",
      params: publishActionParams,
      async handler(this: RealtimeService, ctx: Context<PublishParams>) {
        const params: PublishParams = { topic: ctx.params.topic, message: ctx.params.message };
        await ctx.broadcast("realtime.publish", params);
        return true;
      },
    },

    /** This node's WebSocket server. */
    info: {
      visibility: "public",
      handler(this: RealtimeService) {
        return { port: this.gateway?.port ?? 0, connections: this.gateway?.connectionCount ?? 0 };
      },
    },

    /** Distinct users connected to the whole cluster (the union over every realtime node). */
    online: {
      visibility: "public",
      async handler(this: RealtimeService, ctx: Context) {
        const lists = await Promise.all(
          nodesRunning(this.broker, "realtime").map((nodeID) =>
            ctx.call<string[], Record<string, never>>("realtime.localUsers", {}, { nodeID, retries: 0 }).catch(() => [] as string[]),
          ),
        );
        return new Set(lists.flat()).size;
      },
    },

    localUsers: {
      visibility: "public",
      handler(this: RealtimeService) {
        return this.gateway?.users ?? [];
      },
    },
  },

  events: {
    "realtime.publish": {
      params: publishEventParams,
      handler(this: RealtimeService, ctx: Context<PublishParams>) {
        this.gateway?.publishLocal(ctx.params);
      },
    },
  },

  ...lifecycle<RealtimeService>({
    created() {
      this.config = configOf(this.broker);
    },

    async started() {
      this.kv = acquireKv(this.config.redis.url, this.config.namespace);
      this.verifier = createTokenVerifier(this.broker, this.kv);
      const gateway = new RealtimeGateway(this.broker, this.logger, this.config, this.verifier);
      try {
        await gateway.start();
      } catch (err) {
        await releaseKv(this.config.redis.url);
        throw err;
      }
      this.gateway = gateway;
    },

    async stopped() {
      const gateway = this.gateway;
      this.gateway = undefined;
      if (gateway) {
        await gateway.stop();
        await releaseKv(this.config.redis.url);
      }
    },
  }),
};

export default RealtimeServiceSchema;
