/**
 * Proves the real-server harness: the servers that the integration global setup starts answer, and
 * a NATS server stopped and restarted on the same port keeps its file-stored streams.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { Client } from "pg";
import { AckPolicy, connect, Events, StorageType, type NatsConnection } from "nats";
import { createTestDatabase } from "../harness/db";
import { findBinary, startNats, type NatsServer } from "../harness/servers";

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set (global setup did not run?)`);
  return value;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
}

async function streamMessages(nc: NatsConnection, stream: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream);
  const consumer = await nc.jetstream().consumers.get(stream);
  const out: string[] = [];
  for (let i = 0; i < info.state.messages; i++) {
    const msg = await consumer.next({ expires: 5000 });
    if (msg === null) break;
    out.push(msg.string());
  }
  return out;
}

describe("PostgreSQL", () => {
  it("answers select 1 in a fresh database, which drop() removes", async () => {
    const db = await createTestDatabase("harness");
    expect(db.url).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:\\d+/${db.name}$`));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const res = await client.query<{ one: number; db: string }>("select 1 as one, current_database() as db");
      expect(res.rows).toEqual([{ one: 1, db: db.name }]);
    } finally {
      await client.end();
    }
    await db.drop();
    const admin = new Client({ connectionString: env("TEST_PG_URL") });
    await admin.connect();
    try {
      const left = await admin.query("select 1 from pg_database where datname = $1", [db.name]);
      expect(left.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});

describe("Redis", () => {
  it("answers PING through ioredis", async () => {
    const redis = new Redis(env("TEST_REDIS_URL"), { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.ping()).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });
});

describe("NATS JetStream (shared server)", () => {
  it("adds a stream, publishes one message and consumes it with a durable consumer", async () => {
    const nc = await connect({ servers: env("TEST_NATS_URL") });
    try {
      const jsm = await nc.jetstreamManager();
      const stream = uniqueName("HARNESS");
      await jsm.streams.add({ name: stream, subjects: [`${stream}.>`], storage: StorageType.File });
      const ack = await nc.jetstream().publish(`${stream}.hello`, "hello");
      expect(ack.stream).toBe(stream);
      expect(ack.seq).toBe(1);
      await jsm.consumers.add(stream, { durable_name: "worker", ack_policy: AckPolicy.Explicit });
      const consumer = await nc.jetstream().consumers.get(stream, "worker");
      const msg = await consumer.next({ expires: 5000 });
      expect(msg?.subject).toBe(`${stream}.hello`);
      expect(msg?.string()).toBe("hello");
      await msg?.ackAck();
      expect((await jsm.consumers.info(stream, "worker")).num_ack_pending).toBe(0);
      await jsm.streams.delete(stream);
      expect(fs.existsSync(env("TEST_NATS_STORE_DIR"))).toBe(true);
    } finally {
      await nc.close();
    }
  });
});

describe("NATS restart", () => {
  let server: NatsServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("restart() comes back on the same port with the file-stored stream, and clients reconnect", async () => {
    server = await startNats();
    const { port, storeDir } = server;
    const firstPid = server.pid;
    const nc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 50 });
    try {
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: "OUTBOX", subjects: ["outbox.>"], storage: StorageType.File });
      const js = nc.jetstream();
      for (const n of [1, 2, 3]) await js.publish(`outbox.${n}`, `m${n}`);

      const reconnected = (async () => {
        for await (const status of nc.status()) if (status.type === Events.Reconnect) return true;
        return false;
      })();
      await server.restart();
      expect(server.port).toBe(port);
      expect(server.storeDir).toBe(storeDir);
      expect(server.pid).not.toBe(firstPid);
      expect(await reconnected).toBe(true);

      await js.publish("outbox.4", "m4");
      expect(await streamMessages(nc, "OUTBOX")).toEqual(["m1", "m2", "m3", "m4"]);
    } finally {
      await nc.close();
    }
  });

  it("kill(SIGKILL) is seen by exited(), and restart() brings the server back", async () => {
    server = await startNats();
    const nc = await connect({ servers: server.url });
    await (await nc.jetstreamManager()).streams.add({ name: "CHAOS", subjects: ["chaos.>"], storage: StorageType.File });
    await nc.close();

    expect(server.kill("SIGKILL")).toBe(true);
    expect(await server.exited()).toEqual({ code: null, signal: "SIGKILL" });
    expect(server.running).toBe(false);
    await server.restart();
    expect(server.running).toBe(true);

    const again = await connect({ servers: server.url });
    try {
      const info = await (await again.jetstreamManager()).streams.info("CHAOS");
      expect(info.config.name).toBe("CHAOS");
    } finally {
      await again.close();
    }
  });

  it("stop() then startNats({ port, storeDir }) restarts on a caller-owned store dir", async () => {
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-nats-store-"));
    try {
      const first = await startNats({ storeDir });
      server = first;
      const nc = await connect({ servers: first.url });
      await (await nc.jetstreamManager()).streams.add({ name: "KEEP", subjects: ["keep"], storage: StorageType.File });
      await nc.jetstream().publish("keep", "kept");
      await nc.close();
      await first.stop();
      expect(fs.existsSync(first.dir)).toBe(false);
      expect(fs.existsSync(storeDir)).toBe(true);

      server = await startNats({ port: first.port, storeDir });
      const nc2 = await connect({ servers: server.url });
      try {
        expect(server.url).toBe(first.url);
        expect(await streamMessages(nc2, "KEEP")).toEqual(["kept"]);
      } finally {
        await nc2.close();
      }
    } finally {
      await server?.stop();
      server = undefined;
      fs.rmSync(storeDir, { recursive: true, force: true });
    }
  });
});

describe("missing binaries", () => {
  it("fail loudly with the apt-get line", () => {
    expect(() => findBinary("avantika-no-such-server", "avantika-no-such-package")).toThrow(
      "avantika-no-such-server not found: apt-get install -y avantika-no-such-package",
    );
  });
});
