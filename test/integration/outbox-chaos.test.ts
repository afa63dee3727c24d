/**
 * The outbox keeps every event while NATS is down: users register while the nats-server is
 * killed; when it comes back, every user.registered event is delivered, and applied exactly once.
 */
import { connect, StringCodec } from "nats";
import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startNats, type NatsServer } from "../harness/servers";
import { eventually } from "../fixtures/accounts";
import { createProbe } from "../fixtures/probe.service";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";

jest.setTimeout(120_000);

describe("outbox across a NATS outage", () => {
  let nats: NatsServer;
  let db: TestDatabase;
  let node: TestNode;
  let pg: Client;
  const probe = createProbe();

  beforeAll(async () => {
    nats = await startNats({ jetstream: true });
    db = await createTestDatabase("outbox_chaos");
    node = await startTestNode({
      services: ["auth", "users"],
      namespace: uniqueNamespace("outbox"),
      databaseUrl: db.url,
      env: { NATS_URL: nats.url, CHANNELS_CONNECT_TIMEOUT_MS: "10000" },
      extraServices: [probe.schema],
    });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await node?.stop();
    await nats?.stop();
    await db?.drop();
  });

  const register = (i: number) =>
    node.broker.call("auth.register", { email: `chaos-${i}@example.com`, password: "correct horse battery", fullName: `Chaos ${i}`, cookie: false });

  const count = async (sql: string) => Number((await pg.query<{ n: string }>(sql)).rows[0]?.n ?? 0);

  it("loses no event and applies none twice", async () => {
    for (let i = 0; i < 15; i += 1) await register(i);
    await eventually(async () => ((await count("SELECT count(*) AS n FROM probe.applied")) === 15 ? true : undefined), 20_000, "the first events to be applied");

    nats.kill("SIGKILL");
    await nats.exited();
    // Sign-ups go on while the event backbone is down: the state changes commit with their events.
    for (let i = 15; i < 40; i += 1) await register(i);
    await new Promise((r) => setTimeout(r, 1500));
    const waiting = await count("SELECT count(*) AS n FROM auth.outbox WHERE sent_at IS NULL AND topic = 'user.registered'");
    expect(waiting).toBeGreaterThan(0);

    await nats.restart();
    await eventually(async () => ((await count("SELECT count(*) AS n FROM probe.applied")) === 40 ? true : undefined), 60_000, "every event to be applied");
    await eventually(async () => ((await count("SELECT count(*) AS n FROM auth.outbox WHERE sent_at IS NULL")) === 0 ? true : undefined), 30_000, "the outbox to drain");

    expect(await count("SELECT count(*) AS n FROM probe.applied WHERE times <> 1")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM users.profiles")).toBe(40);
    expect(new Set(probe.deliveries).size).toBe(40);
    process.stdout.write(`outbox chaos: 40 events, ${waiting} waited out the outage, ${probe.deliveries.length} deliveries, 0 lost, 0 applied twice\n`);
  });

  it("dead-letters an event that breaks its schema instead of applying it", async () => {
    const before = await count("SELECT count(*) AS n FROM probe.applied");
    const sender = node.broker as unknown as { sendToChannel(name: string, payload: unknown): Promise<void> };
    await sender.sendToChannel("user.registered", { eventId: "not-a-uuid", occurredAt: Date.now(), userId: 42, email: "nope" });
    const nc = await connect({ servers: new URL(nats.url).host });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = `${node.config.namespace}_dead-letter`;
      const letter = await eventually(
        async () => {
          const info = await jsm.streams.info(stream).catch(() => undefined);
          if (!info || info.state.messages === 0) return undefined;
          return jsm.streams.getMessage(stream, { last_by_subj: `${node.config.namespace}.dead-letter` });
        },
        20_000,
        "the dead letter",
      );
      const body = JSON.parse(StringCodec().decode(letter.data)) as { topic: string; reason: string; problems: string[] };
      expect(body.topic).toBe("user.registered");
      expect(body.reason).toBe("INVALID_EVENT");
      expect(body.problems.join(" ")).toMatch(/eventId/);
    } finally {
      await nc.close();
    }
    expect(await count("SELECT count(*) AS n FROM probe.applied")).toBe(before);
  });
});
