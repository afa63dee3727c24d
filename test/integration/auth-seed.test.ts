/**
 * The first administrator and the demo learner (CONTRACT "First administrator"): created on first
 * start from AVANTIKA_ADMIN_EMAIL/PASSWORD (roles admin + instructor) and AVANTIKA_DEMO=1, never
 * duplicated by a restart or by two nodes starting at once on the same database.
 */
import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { request } from "../support/http";
import { bearer, eventually, login, type Session } from "../fixtures/accounts";

const ADMIN_EMAIL = "root@avantika.test";
const ADMIN_PASSWORD = "admin-password-0123";
const DEMO_EMAIL = "demo@avantika.local";
const DEMO_PASSWORD = "demo-password-123";

let db: TestDatabase;
const namespace = uniqueNamespace("seed");
const nodes: TestNode[] = [];

async function start(nodeId: string, env: Record<string, string>): Promise<TestNode> {
  const node = await startTestNode({ services: ["api", "auth", "users"], namespace, nodeId: `${namespace}-${nodeId}`, databaseUrl: db.url, env });
  nodes.push(node);
  return node;
}

async function stop(node: TestNode): Promise<void> {
  await node.stop();
  nodes.splice(nodes.indexOf(node), 1);
}

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    return Number((await pg.query<{ n: string }>(sql, params)).rows[0]?.n ?? -1);
  } finally {
    await pg.end();
  }
}

const accounts = (email: string) => countRows("SELECT count(*) AS n FROM auth.accounts WHERE lower(email) = lower($1)", [email]);
const profiles = (email: string) => countRows("SELECT count(*) AS n FROM users.profiles WHERE lower(email) = lower($1)", [email]);

beforeAll(async () => {
  db = await createTestDatabase("auth_seed");
});

afterAll(async () => {
  for (const node of [...nodes].reverse()) await node.stop().catch(() => undefined);
  await db?.drop();
});

it("creates the administrator (admin + instructor) and the demo learner once, when two nodes start at once", async () => {
  // The schemas are created first by a node that seeds nothing: two nodes creating the outbox
  // tables of a fresh database at the same moment can collide inside PostgreSQL (a known issue of
  // OutboxMixin's CREATE TABLE IF NOT EXISTS, outside the scope of this suite). The race under test
  // here is the seeding: both nodes find no administrator and both try to create it.
  await stop(await start("schema", { AVANTIKA_DEMO: "0" }));
  expect(await accounts(ADMIN_EMAIL)).toBe(0);

  const env = { AVANTIKA_ADMIN_EMAIL: ADMIN_EMAIL, AVANTIKA_ADMIN_PASSWORD: ADMIN_PASSWORD, AVANTIKA_DEMO: "1" };
  const [node, twin] = await Promise.all([start("first-a", env), start("first-b", env)]);
  expect(await accounts(ADMIN_EMAIL)).toBe(1);
  expect(await accounts(DEMO_EMAIL)).toBe(1);

  const admin = await login(node.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  expect(admin.status).toBe(200);
  const session = admin.json as Session;
  expect(session.user.roles).toEqual(expect.arrayContaining(["admin", "instructor"]));
  expect(session.user.emailVerified).toBe(true);

  const me = await request(`${node.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) });
  expect(me.status).toBe(200);
  expect((me.json as { roles: string[] }).roles).toEqual(expect.arrayContaining(["admin", "instructor"]));

  const demo = await login(node.baseUrl, DEMO_EMAIL, DEMO_PASSWORD);
  expect(demo.status).toBe(200);
  const demoUser = (demo.json as Session).user;
  expect(demoUser.roles).not.toContain("admin");
  expect(demoUser.roles).not.toContain("instructor");
  await eventually(async () => ((await profiles(ADMIN_EMAIL)) === 1 ? true : undefined), 5_000, "the admin profile");
  expect(await profiles(DEMO_EMAIL)).toBe(1);

  await Promise.all([stop(node), stop(twin)]);
});

it("does not duplicate them on a restart (email in another case, another password)", async () => {
  const env = { AVANTIKA_ADMIN_EMAIL: ADMIN_EMAIL.toUpperCase(), AVANTIKA_ADMIN_PASSWORD: "a-different-password-9", AVANTIKA_DEMO: "1" };
  const a = await start("second", env);
  expect(await accounts(ADMIN_EMAIL)).toBe(1);
  expect(await accounts(DEMO_EMAIL)).toBe(1);
  // The existing administrator keeps the password it was created with.
  expect((await login(a.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  expect((await login(a.baseUrl, ADMIN_EMAIL, "a-different-password-9")).status).toBe(401);
  // One profile each: the user.registered events were not re-emitted.
  await new Promise((r) => setTimeout(r, 500));
  await eventually(async () => ((await profiles(ADMIN_EMAIL)) === 1 ? true : undefined), 5_000, "the admin profile");
  expect(await profiles(DEMO_EMAIL)).toBe(1);
  await stop(a);
});

it("creates no demo learner with AVANTIKA_DEMO=0 and no administrator without the variables", async () => {
  const fresh = await createTestDatabase("auth_seed_none");
  const node = await startTestNode({ services: ["api", "auth", "users"], namespace: uniqueNamespace("seed0"), databaseUrl: fresh.url });
  try {
    expect((await login(node.baseUrl, DEMO_EMAIL, DEMO_PASSWORD)).status).toBe(401);
    const pg = new Client({ connectionString: fresh.url });
    await pg.connect();
    try {
      expect((await pg.query("SELECT 1 FROM auth.accounts")).rowCount).toBe(0);
    } finally {
      await pg.end();
    }
  } finally {
    await node.stop();
    await fresh.drop();
  }
});
