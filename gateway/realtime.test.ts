/**
 * The realtime gateway on an in-process broker (local transporter), with stand-in `auth` (JWKS of a
 * key made here), `practice` and `interview` services as fixtures of the authorization paths. The
 * client is the `ws` package, talking to the real uWS server on an ephemeral port.
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { exportJWK, SignJWT, type JWK } from "jose";
import type { Context, Service, ServiceBroker } from "moleculer";
import WebSocket from "ws";
import { createBroker } from "../lib/broker";
import { loadConfig } from "../lib/config";
import { NotFound } from "../lib/errors";
import type { AuthMeta } from "../mixins/auth.middleware";

type Frame = Record<string, unknown>;

const ISSUER = "avantika";
const RATE = 5;
const MAX_PAYLOAD = 1024;

class Client {
  private readonly inbox: Frame[] = [];
  private readonly waiters: Array<(frame: Frame) => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      const frame = JSON.parse(data.toString("utf8")) as Frame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.inbox.push(frame);
    });
    this.closed = new Promise((resolve) => socket.on("close", (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  }

  next(timeoutMs = 5000): Promise<Frame> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter = (frame: Frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  send(value: unknown): void {
    this.socket.send(typeof value === "string" || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  }

  async request(value: unknown): Promise<Frame> {
    this.send(value);
    return this.next();
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    await this.closed;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    }),
  ]);
}

/** Resolves with the HTTP status of a refused upgrade; rejects if the socket opens. */
function upgradeStatus(url: string, protocols?: string[]): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url, protocols);
      socket.on("unexpected-response", (req, res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      socket.on("open", () => {
        socket.terminate();
        reject(new Error("the upgrade was accepted"));
      });
      socket.on("error", () => undefined);
    }),
    5000,
    "upgrade",
  );
}

interface Signer {
  jwk: JWK;
  sign(userId: string, opts?: { expiresIn?: string | number; issuer?: string }): Promise<string>;
}

async function makeSigner(): Promise<Signer> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  const kid = crypto.randomBytes(8).toString("hex");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  return {
    jwk,
    sign(userId, opts = {}) {
      return new SignJWT({ email: `${userId}@example.test`, roles: ["user"], tier: "free", tenantId: "public" })
        .setProtectedHeader({ alg: "EdDSA", kid, typ: "JWT" })
        .setSubject(userId)
        .setIssuer(opts.issuer ?? ISSUER)
        .setAudience("avantika")
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? "1h")
        .sign(privateKey);
    },
  };
}

function unsignedToken(userId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: "none", typ: "JWT" })}.${part({ sub: userId, iss: ISSUER, aud: "avantika", iat: now, exp: now + 3600, roles: ["user"], tenantId: "public" })}.`;
}

function startBroker(services: string, signer: Signer): ServiceBroker {
  const config = loadConfig({
    NODE_ENV: "test",
    SERVICES: services,
    HOST: "127.0.0.1",
    PORT: "0",
    WS_PORT: "0",
    WS_MESSAGES_PER_SECOND: String(RATE),
    WS_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD),
    NAMESPACE: `rt-${crypto.randomBytes(4).toString("hex")}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "fatal",
    AVANTIKA_DEMO: "0",
    DATA_DIR: path.join(os.tmpdir(), "avantika-realtime-test"),
  });
  const broker = createBroker(config, { metrics: { enabled: true, reporter: [] } });
  broker.createService({
    name: "auth",
    actions: {
      jwks: () => ({ keys: [signer.jwk] }),
      providers: () => [],
    },
  });
  broker.createService({
    name: "practice",
    actions: {
      canSubscribe: {
        handler(ctx: Context<{ submissionId: string; userId: string }, AuthMeta>) {
          if (ctx.params.submissionId === "missing") throw new NotFound("Submission");
          return ctx.meta.user?.id === ctx.params.userId && ctx.params.submissionId === `sub-of-${ctx.params.userId}`;
        },
      },
    },
  });
  return broker;
}

describe("realtime gateway", () => {
  let signer: Signer;
  let broker: ServiceBroker;
  let url: string;
  const clients: Client[] = [];

  async function connect(userId: string, via: "query" | "protocol" = "query"): Promise<Client> {
    const token = await signer.sign(userId);
    const socket = via === "query" ? new WebSocket(`${url}?token=${encodeURIComponent(token)}`) : new WebSocket(url, [token]);
    const client = new Client(socket);
    clients.push(client);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once("open", () => resolve());
        socket.once("error", reject);
      }),
      5000,
      "connect",
    );
    return client;
  }

  async function subscribe(client: Client, topic: string): Promise<void> {
    expect(await client.request({ type: "subscribe", topic })).toEqual({ type: "subscribed", topic });
  }

  beforeAll(async () => {
    signer = await makeSigner();
    broker = startBroker("api,realtime", signer);
    await broker.start();
    const { port } = await broker.call<{ port: number }, Record<string, never>>("realtime.info", {});
    url = `ws://127.0.0.1:${port}/ws`;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  afterAll(async () => {
    await broker?.stop();
  });

  describe("upgrade", () => {
    it("binds a real port when WS_PORT=0 and api.clientConfig advertises it", async () => {
      const { port } = await broker.call<{ port: number; connections: number }, Record<string, never>>("realtime.info", {});
      expect(port).toBeGreaterThan(0);
      const clientConfig = await broker.call<{ wsUrl: string }, Record<string, never>>("api.clientConfig", {}, { meta: { host: "localhost:5173" } });
      expect(clientConfig.wsUrl).toBe(`ws://localhost:${port}/ws`);
    });

    it("refuses with 401 and opens no socket without a valid token", async () => {
      const other = await makeSigner();
      const refused = [
        url,
        `${url}?token=`,
        `${url}?token=not-a-jwt`,
        `${url}?token=${await other.sign("u1")}`,
        `${url}?token=${await signer.sign("u1", { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
        `${url}?token=${await signer.sign("u1", { issuer: "someone-else" })}`,
        `${url}?token=${unsignedToken("u1")}`,
      ];
      for (const target of refused) expect(await upgradeStatus(target)).toBe(401);
      expect(await upgradeStatus(url, [unsignedToken("u1")])).toBe(401);
      const info = await broker.call<{ connections: number }, Record<string, never>>("realtime.info", {});
      expect(info.connections).toBe(0);
    });

    it("answers 404 outside /ws", async () => {
      expect(await upgradeStatus(url.replace(/\/ws$/, "/other"))).toBe(404);
    });

    it("accepts the token as the subprotocol and echoes it back", async () => {
      const client = await connect("u1", "protocol");
      expect(client.socket.protocol).toMatch(/^eyJ/);
      expect(await client.request({ type: "ping" })).toEqual({ type: "pong" });
    });
  });

  describe("subscriptions", () => {
    it("allows the owner's user topic only", async () => {
      const client = await connect("u1");
      await subscribe(client, "user:u1");
      const refused = await client.request({ type: "subscribe", topic: "user:u2" });
      expect(refused).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });
      const unknown = await client.request({ type: "subscribe", topic: "admin:all" });
      expect(unknown).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });
      expect(await client.request({ type: "unsubscribe", topic: "user:u1" })).toEqual({ type: "unsubscribed", topic: "user:u1" });
    });

    it("asks practice.canSubscribe for submission topics", async () => {
      const client = await connect("u1");
      await subscribe(client, "submission:sub-of-u1");
      expect(await client.request({ type: "subscribe", topic: "submission:sub-of-u2" })).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });
      expect(await client.request({ type: "subscribe", topic: "submission:missing" })).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });
    });

    it("refuses room topics with SERVICE_UNAVAILABLE while no interview service runs", async () => {
      const client = await connect("u1");
      const refused = await client.request({ type: "subscribe", topic: "room:r1" });
      expect(refused).toMatchObject({ type: "error", error: { type: "SERVICE_UNAVAILABLE", data: { topic: "room:r1" } } });
    });
  });

  describe("messages", () => {
    it("refuses invalid JSON, unknown types, bad fields and binary frames with INVALID_MESSAGE", async () => {
      const client = await connect("u1");
      for (const bad of ["{nope", '["subscribe"]', { type: "dance" }, { type: "subscribe" }, { type: "ping", extra: 1 }]) {
        expect(await client.request(bad)).toMatchObject({ type: "error", error: { type: "INVALID_MESSAGE" } });
      }
      const other = await connect("u1");
      expect(await other.request(Buffer.from([1, 2, 3]))).toMatchObject({ type: "error", error: { type: "INVALID_MESSAGE" } });
    });

    it("drops a connection that sends more than maxPayloadBytes", async () => {
      const client = await connect("u1");
      client.send({ type: "ping", padding: "x".repeat(MAX_PAYLOAD * 2) });
      const { code } = await withTimeout(client.closed, 5000, "close");
      expect([1006, 1009]).toContain(code);
    });

    it("answers RATE_LIMITED past messagesPerSecond", async () => {
      const client = await connect("u1");
      for (let i = 0; i <= RATE; i++) client.send({ type: "ping" });
      for (let i = 0; i < RATE; i++) expect(await client.next()).toEqual({ type: "pong" });
      expect(await client.next()).toMatchObject({ type: "error", error: { type: "RATE_LIMITED" } });
    });

    it("closes with 1008 on sustained abuse", async () => {
      const client = await connect("u1");
      // One message per answer: a burst would still be writing when the server closes, and the
      // client would then see its own reset (1006) instead of the server's close frame.
      let closed = false;
      void client.closed.then(() => (closed = true));
      for (let i = 0; i < 200 && !closed; i++) {
        client.send({ type: "ping" });
        await Promise.race([client.next().catch(() => undefined), client.closed]);
      }
      const { code } = await withTimeout(client.closed, 5000, "close");
      expect(code).toBe(1008);
    });
  });

  describe("publishing", () => {
    it("delivers a realtime.publish event to the topic's subscribers only", async () => {
      const alice = await connect("alice");
      const bob = await connect("bob");
      await subscribe(alice, "user:alice");
      await subscribe(bob, "user:bob");

      await broker.broadcast("realtime.publish", { topic: "user:alice", message: { type: "notification", text: "for alice" } });
      expect(await alice.next()).toEqual({ type: "notification", text: "for alice" });
      // Published after the first one on the same node: had bob got alice's message, it would come first.
      await broker.call("realtime.publish", { topic: "user:bob", message: { type: "notification", text: "for bob" } });
      expect(await bob.next()).toEqual({ type: "notification", text: "for bob" });
    });

    it("counts connections and messages in Moleculer metrics, and online users", async () => {
      const first = await connect("carol");
      await connect("carol");
      await connect("dave");
      expect(await broker.call("realtime.online")).toBe(2);
      expect(broker.metrics.getMetric("avantika_ws_connections").get()?.value).toBe(3);
      const inBefore = Number(broker.metrics.getMetric("avantika_ws_messages_in_total").get()?.value ?? 0);
      const outBefore = Number(broker.metrics.getMetric("avantika_ws_messages_out_total").get()?.value ?? 0);
      expect(await first.request({ type: "ping" })).toEqual({ type: "pong" });
      expect(broker.metrics.getMetric("avantika_ws_messages_in_total").get()?.value).toBe(inBefore + 1);
      expect(broker.metrics.getMetric("avantika_ws_messages_out_total").get()?.value).toBe(outBefore + 1);
      expect(broker.metrics.hasMetric("avantika_ws_dropped_total")).toBe(true);
    });
  });

  describe("interview signaling", () => {
    let interview: Service;

    beforeAll(async () => {
      interview = broker.createService({
        name: "interview",
        actions: {
          canJoinRoom: (ctx: Context<{ roomId: string; userId: string }>) => ctx.params.roomId === "r1" && ["ann", "ben"].includes(ctx.params.userId),
        },
      });
      await broker.waitForServices(["interview"], 5000);
    });

    afterAll(async () => {
      await broker.destroyService(interview);
    });

    it("relays to the room's other members, stamped with the sender, and refuses non-members", async () => {
      const ann = await connect("ann");
      const ben = await connect("ben");
      const eve = await connect("eve");
      expect(await ann.request({ type: "room.join", room: "r1" })).toEqual({ type: "subscribed", topic: "room:r1" });
      expect(await ben.request({ type: "room.join", room: "r1" })).toEqual({ type: "subscribed", topic: "room:r1" });
      expect(await ann.next()).toEqual({ type: "room.join", room: "r1", from: "ben" });

      ann.send({ type: "rtc.offer", room: "r1", to: "ben", sdp: { type: "offer", sdp: "v=0" }, from: "forged" });
      expect(await ben.next()).toEqual({ type: "rtc.offer", room: "r1", to: "ben", sdp: { type: "offer", sdp: "v=0" }, from: "ann" });

      expect(await eve.request({ type: "chat", room: "r1", text: "hi" })).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });
      expect(await eve.request({ type: "room.join", room: "r1" })).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });

      // The sender does not get its own message back: ann's next frame is ben's reply.
      ben.send({ type: "chat", room: "r1", text: "hello" });
      expect(await ann.next()).toEqual({ type: "chat", room: "r1", text: "hello", from: "ben" });
      expect(await ben.request({ type: "room.leave", room: "r1" })).toEqual({ type: "unsubscribed", topic: "room:r1" });
      expect(await ann.next()).toEqual({ type: "room.leave", room: "r1", from: "ben" });
    });
  });
});

describe("realtime gateway lifecycle", () => {
  it("closes sockets with 1001 on stop and when the token expires with 4401", async () => {
    const signer = await makeSigner();
    const broker = startBroker("realtime", signer);
    await broker.start();
    const sockets: WebSocket[] = [];
    let stopped = false;
    try {
      const { port } = await broker.call<{ port: number }, Record<string, never>>("realtime.info", {});
      const open = async (token: string) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
        sockets.push(socket);
        const closed = new Promise<number>((resolve) => socket.on("close", (code: number) => resolve(code)));
        await withTimeout(new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject)), 5000, "open");
        return { closed };
      };
      const { closed: expiring } = await open(await signer.sign("u1", { expiresIn: Math.floor(Date.now() / 1000) + 2 }));
      const { closed: lasting } = await open(await signer.sign("u1"));
      expect(await withTimeout(expiring, 15_000, "expiry close")).toBe(4401);
      await broker.stop();
      stopped = true;
      expect(await withTimeout(lasting, 5000, "shutdown close")).toBe(1001);
    } finally {
      for (const socket of sockets) socket.terminate();
      if (!stopped) await broker.stop();
    }
  });
});
