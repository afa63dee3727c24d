/**
 * The realtime bridge across nodes over real NATS: two gateway nodes (SERVICES=realtime) and an
 * auth node on a fresh database. A client holds a socket on gateway A with a token minted by the
 * real auth service; messages published from other nodes reach it with no sticky routing.
 */
import type { Context, ServiceBroker } from "moleculer";
import WebSocket from "ws";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";

type Frame = Record<string, unknown>;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    }),
  ]);
}

class Client {
  private readonly inbox: Frame[] = [];
  private readonly waiters: Array<(frame: Frame) => void> = [];
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      const frame = JSON.parse(data.toString("utf8")) as Frame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.inbox.push(frame);
    });
    this.closed = new Promise((resolve) => socket.on("close", (code: number) => resolve(code)));
  }

  static async connect(url: string): Promise<Client> {
    const client = new Client(new WebSocket(url));
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        client.socket.once("open", () => resolve());
        client.socket.once("error", reject);
      }),
      10_000,
      "connect",
    );
    return client;
  }

  next(timeoutMs = 10_000): Promise<Frame> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return withTimeout(new Promise<Frame>((resolve) => this.waiters.push(resolve)), timeoutMs, "message");
  }

  async request(value: unknown): Promise<Frame> {
    this.socket.send(JSON.stringify(value));
    return this.next();
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    else this.socket.terminate();
    await this.closed;
  }
}

/** Waits (bounded) until `broker` sees the realtime service on `count` nodes: broadcasts reach only known nodes. */
async function waitForRealtimeNodes(broker: ServiceBroker, count: number): Promise<void> {
  const seen = () =>
    new Set(
      broker.registry
        .getServiceList({ onlyAvailable: true })
        .filter((service) => service.name === "realtime")
        .map((service) => String(service.nodeID)),
    ).size;
  const deadline = Date.now() + 15_000;
  while (seen() < count) {
    if (Date.now() > deadline) throw new Error(`only ${seen()} of ${count} realtime nodes discovered`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("realtime across gateway nodes (NATS)", () => {
  const namespace = uniqueNamespace("realtime");
  let db: TestDatabase;
  const nodes: TestNode[] = [];
  let gatewayA: TestNode;
  let gatewayB: TestNode;
  let authNode: TestNode;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("realtime");
    authNode = await startTestNode({ services: ["auth"], namespace, databaseUrl: db.url, nodeId: `${namespace}-auth` });
    nodes.push(authNode);
    gatewayA = await startTestNode({ services: ["realtime"], namespace, nodeId: `${namespace}-gw-a` });
    nodes.push(gatewayA);
    gatewayB = await startTestNode({ services: ["realtime"], namespace, nodeId: `${namespace}-gw-b` });
    nodes.push(gatewayB);
    await Promise.all([
      gatewayA.broker.waitForServices(["auth"], 15_000),
      gatewayB.broker.waitForServices(["auth"], 15_000),
      waitForRealtimeNodes(authNode.broker, 2),
      waitForRealtimeNodes(gatewayA.broker, 2),
      waitForRealtimeNodes(gatewayB.broker, 2),
    ]);
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  afterAll(async () => {
    for (const node of nodes.reverse()) await node.stop().catch(() => undefined);
    await db?.drop();
  }, 60_000);

  async function registerUser(): Promise<{ id: string; accessToken: string }> {
    const email = `rt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const body = await authNode.broker.call<{ user: { id: string }; accessToken: string }, Record<string, unknown>>("auth.register", {
      email,
      password: "correct horse battery staple",
      fullName: "Realtime Tester",
      cookie: false,
    });
    return { id: body.user.id, accessToken: body.accessToken };
  }

  async function wsUrl(node: TestNode, token: string): Promise<string> {
    const { port } = await node.broker.call<{ port: number }, Record<string, never>>("realtime.info", {});
    return `ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`;
  }

  it("accepts a token from the real auth service and delivers broadcasts from any node", async () => {
    const user = await registerUser();
    const client = await Client.connect(await wsUrl(gatewayA, user.accessToken));
    clients.push(client);
    const topic = `user:${user.id}`;
    expect(await client.request({ type: "subscribe", topic })).toEqual({ type: "subscribed", topic });
    expect(await client.request({ type: "subscribe", topic: "user:someone-else" })).toMatchObject({ type: "error", error: { type: "TOPIC_FORBIDDEN" } });

    // From a third node (neither gateway), as a domain service would.
    await authNode.broker.broadcast("realtime.publish", { topic, message: { type: "notification", text: "from the auth node" } });
    expect(await client.next()).toEqual({ type: "notification", text: "from the auth node" });

    // Through the action on the other gateway: it broadcasts, gateway A delivers.
    await gatewayB.broker.call("realtime.publish", { topic, message: { type: "notification", text: "via gateway B" } });
    expect(await client.next()).toEqual({ type: "notification", text: "via gateway B" });
  });

  it("counts the user once in realtime.online across both gateways", async () => {
    const user = await registerUser();
    const onA = await Client.connect(await wsUrl(gatewayA, user.accessToken));
    clients.push(onA);
    const onB = await Client.connect(await wsUrl(gatewayB, user.accessToken));
    clients.push(onB);
    // Asked from a node without a gateway, as the REPL does: the union over both gateways.
    expect(await authNode.broker.call("realtime.online", {})).toBe(1);
    expect(await gatewayA.broker.call<{ connections: number }, Record<string, never>>("realtime.info", {})).toMatchObject({ connections: 1 });
  });

  it("relays room signaling between members on different gateways, once each", async () => {
    const [ann, ben] = [await registerUser(), await registerUser()];
    // A stand-in for the interview service (it comes later): these two users are members of room r1.
    const members = new Set([ann.id, ben.id]);
    const interview = authNode.broker.createService({
      name: "interview",
      actions: { canJoinRoom: (ctx: Context<{ roomId: string; userId: string }>) => ctx.params.roomId === "r1" && members.has(ctx.params.userId) },
    });
    try {
      await Promise.all([gatewayA.broker.waitForServices(["interview"], 15_000), gatewayB.broker.waitForServices(["interview"], 15_000)]);
      const onA = await Client.connect(await wsUrl(gatewayA, ann.accessToken));
      clients.push(onA);
      const onB = await Client.connect(await wsUrl(gatewayB, ben.accessToken));
      clients.push(onB);
      expect(await onA.request({ type: "room.join", room: "r1" })).toEqual({ type: "subscribed", topic: "room:r1" });
      expect(await onB.request({ type: "room.join", room: "r1" })).toEqual({ type: "subscribed", topic: "room:r1" });
      expect(await onA.next()).toEqual({ type: "room.join", room: "r1", from: ben.id });

      onA.socket.send(JSON.stringify({ type: "rtc.offer", room: "r1", sdp: { type: "offer", sdp: "v=0" } }));
      expect(await onB.next()).toEqual({ type: "rtc.offer", room: "r1", sdp: { type: "offer", sdp: "v=0" }, from: ann.id });
      // Ann's gateway delivered locally and skipped its own broadcast: her next frame is Ben's answer, not an echo.
      onB.socket.send(JSON.stringify({ type: "rtc.answer", room: "r1", sdp: { type: "answer", sdp: "v=0" } }));
      expect(await onA.next()).toEqual({ type: "rtc.answer", room: "r1", sdp: { type: "answer", sdp: "v=0" }, from: ben.id });
    } finally {
      await authNode.broker.destroyService(interview);
    }
  });
});
