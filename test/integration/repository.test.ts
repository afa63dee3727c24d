/**
 * One repository suite, run unchanged on both relational backends: PGlite (the embedded shape,
 * through pglite-socket and `pg`) and a real PostgreSQL server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { acquirePool, Database, releasePool } from "../../lib/db";
import { createTestDatabase } from "../harness/db";
import { startChild, type ChildNode } from "../support/child-node";

jest.setTimeout(60_000);

interface Backend {
  url: string;
  poolMax: number;
  /** Stops the server and starts it again on the same data (where the backend supports it here). */
  restart?: () => Promise<string>;
  close(): Promise<void>;
}

const migrations = path.join(__dirname, "..", "..", "services", "users", "migrations");

async function pglite(): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-pglite-"));
  const script = path.join(__dirname, "..", "fixtures", "pglite-process.ts");
  let server: ChildNode = await startChild(script, {}, [dir]);
  return {
    url: server.nodeId,
    poolMax: 1,
    async restart() {
      await server.stop();
      server = await startChild(script, {}, [dir]);
      return server.nodeId;
    },
    async close() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<Backend> {
  const db = await createTestDatabase("repository");
  return { url: db.url, poolMax: 5, close: () => db.drop() };
}

describe.each([
  ["PGlite", pglite],
  ["PostgreSQL", postgres],
])("repository on %s", (name, open) => {
  let backend: Backend;
  let db: Database;

  beforeAll(async () => {
    backend = await open();
    db = new Database(acquirePool(backend.url, backend.poolMax), "users");
  });

  afterAll(async () => {
    await releasePool(backend.url);
    await backend.close();
  });

  it("applies migrations once, even when two nodes migrate at the same time", async () => {
    const twin = new Database(db.pool, "users");
    const [a, b] = await Promise.all([db.migrate(migrations), twin.migrate(migrations)]);
    expect([...a, ...b]).toEqual(["001_profiles.sql"]);
    expect(await db.migrate(migrations)).toEqual([]);
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      db.tx(async (client) => {
        await client.query("INSERT INTO users.profiles (id, tenant_id, email, full_name) VALUES (gen_random_uuid(), 'acme', 'x@acme.test', 'X')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await db.query("SELECT count(*)::int AS n FROM users.profiles")).rows[0]).toEqual({ n: 0 });
  });

  it("scopes every query to the tenant with row-level security", async () => {
    await db.query(
      `INSERT INTO users.profiles (id, tenant_id, email, full_name) VALUES
         ('00000000-0000-4000-8000-00000000000a', 'acme', 'a@acme.test', 'A'),
         ('00000000-0000-4000-8000-00000000000b', 'globex', 'b@globex.test', 'B')`,
    );
    const seenByAcme = await db.withTenant("acme", async (client) => (await client.query<{ email: string }>("SELECT email FROM users.profiles")).rows);
    expect(seenByAcme.map((r) => r.email)).toEqual(["a@acme.test"]);
    const updated = await db.withTenant("acme", async (client) => (await client.query("UPDATE users.profiles SET full_name = 'hacked'")).rowCount);
    expect(updated).toBe(1);
    await expect(
      db.withTenant("acme", (client) =>
        client.query("INSERT INTO users.profiles (id, tenant_id, email, full_name) VALUES (gen_random_uuid(), 'globex', 'evil@globex.test', 'E')"),
      ),
    ).rejects.toThrow(/row-level security/);
    const globex = await db.query<{ full_name: string }>("SELECT full_name FROM users.profiles WHERE tenant_id = 'globex'");
    expect(globex.rows).toEqual([{ full_name: "B" }]);
  });

  // The shared PostgreSQL server outlives every suite; a restart is the embedded shape's concern.
  if (name !== "PGlite") return;
  it("keeps its data across a restart (embedded shape)", async () => {
    if (!backend.restart) throw new Error("the PGlite backend restarts");
    await releasePool(backend.url);
    const url = await backend.restart();
    backend.url = url;
    db = new Database(acquirePool(url, backend.poolMax), "users");
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users.profiles");
    expect(rows.rows[0]?.n).toBe(2);
  });
});
