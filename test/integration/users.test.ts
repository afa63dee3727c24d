/**
 * Users over real HTTP on a cluster-style node (api, auth, users; PostgreSQL, Redis, NATS):
 * /users/me and the profile created from `user.registered`, access-token checks at the gateway
 * (forged, expired, alg none, garbage), PATCH's whitelist, tenant isolation through the API, and
 * row-level security inside PostgreSQL.
 *
 * A user of another tenant comes from a second node on the same NATS namespace and database that
 * runs api + auth with DEFAULT_TENANT=other: its gateway calls its local auth (preferLocal), so the
 * account lands in tenant "other", and the user.registered event reaches the users service of the
 * first node, which writes the profile — the way a second tenant's traffic flows in a cluster.
 */
import crypto from "node:crypto";
import { calculateJwkThumbprint, exportJWK, SignJWT } from "jose";
import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, testSigningKey, uniqueNamespace, type TestNode } from "../support/node";
import { b64urlJson, expectErrorShape, request, type HttpResponse } from "../support/http";
import { bearer, register, uniqueEmail, type Session } from "../fixtures/accounts";

let db: TestDatabase;
let node: TestNode;
let otherTenant: TestNode;
let base: string;
let alice: Session;
let bob: Session;
let carol: Session; // tenant "other"

interface Me {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  tier: string;
  tenantId: string;
  emailVerified: boolean;
  createdAt: string;
  preferences: Record<string, unknown>;
}

beforeAll(async () => {
  db = await createTestDatabase("users");
  const namespace = uniqueNamespace("users");
  node = await startTestNode({ services: ["api", "auth", "users"], namespace, databaseUrl: db.url, nodeId: `${namespace}-main`, env: { AUTH_RATE_LIMIT_PER_MINUTE: "100000" } });
  otherTenant = await startTestNode({
    services: ["api", "auth"],
    namespace,
    databaseUrl: db.url,
    nodeId: `${namespace}-other`,
    env: { DEFAULT_TENANT: "other", AUTH_RATE_LIMIT_PER_MINUTE: "100000" },
  });
  base = node.baseUrl;
  [alice, bob] = await Promise.all([register(base, { fullName: "Alice" }), register(base, { fullName: "Bob" })]).then((r) => r.map((x) => x.session));
  carol = (await register(otherTenant.baseUrl, { fullName: "Carol" })).session;
});

afterAll(async () => {
  await otherTenant?.stop();
  await node?.stop();
  await db?.drop();
});

const me = (token: string) => request(`${base}/api/users/me`, { headers: bearer(token) });
const patchMe = (token: string, body: unknown) => request(`${base}/api/users/me`, { method: "PATCH", body, headers: bearer(token) });

function expectError(res: HttpResponse, status: number, type?: string) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const body = expectErrorShape(res.json, res.text);
  if (type) expect(body.error.type).toBe(type);
  return body;
}

async function signingKid(): Promise<string> {
  const pub = crypto.createPublicKey(crypto.createPrivateKey(testSigningKey()));
  return calculateJwkThumbprint(await exportJWK(pub));
}

/** A token like auth's, signed with `key`, with `claims` overriding the defaults. */
async function handMadeToken(key: crypto.KeyObject, kid: string, user: Session["user"], claims: { exp?: number; iss?: string; aud?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: user.email, roles: user.roles, tier: user.tier, tenantId: user.tenantId })
    .setProtectedHeader({ alg: "EdDSA", kid, typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(claims.iss ?? "avantika")
    .setAudience(claims.aud ?? "avantika")
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(key);
}

describe("GET /api/users/me", () => {
  it("answers the user plus createdAt and preferences, from the profile that user.registered created", async () => {
    const res = await me(alice.accessToken);
    expect(res.status).toBe(200);
    const body = res.json as Me;
    expect(Object.keys(body).sort()).toEqual(["createdAt", "email", "emailVerified", "fullName", "id", "preferences", "roles", "tenantId", "tier"]);
    expect(body).toMatchObject({ ...alice.user, preferences: {} });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    expect(Math.abs(Date.now() - Date.parse(body.createdAt))).toBeLessThan(120_000);

    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const rows = await pg.query<{ tenant_id: string }>("SELECT tenant_id FROM users.profiles WHERE id = $1", [alice.user.id]);
      expect(rows.rows).toEqual([{ tenant_id: "public" }]);
    } finally {
      await pg.end();
    }
  });

  it("answers 401 UNAUTHORIZED without a token", async () => {
    expectError(await request(`${base}/api/users/me`), 401, "UNAUTHORIZED");
  });

  it("accepts a well-formed token signed with the cluster key (control for the refusals below)", async () => {
    const token = await handMadeToken(crypto.createPrivateKey(testSigningKey()), await signingKid(), alice.user);
    expect((await me(token)).status).toBe(200);
  });

  it("refuses a token signed by another key, even under the right kid", async () => {
    const { privateKey } = crypto.generateKeyPairSync("ed25519");
    expectError(await me(await handMadeToken(privateKey, await signingKid(), alice.user)), 401);
    const other = await calculateJwkThumbprint(await exportJWK(crypto.createPublicKey(privateKey)));
    expectError(await me(await handMadeToken(privateKey, other, alice.user)), 401);
  });

  it("refuses an expired token signed with the right key", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const res = await me(await handMadeToken(crypto.createPrivateKey(testSigningKey()), await signingKid(), alice.user, { exp: past }));
    expectError(res, 401, "INVALID_TOKEN");
  });

  it("refuses a token of another issuer or audience", async () => {
    const key = crypto.createPrivateKey(testSigningKey());
    const kid = await signingKid();
    expectError(await me(await handMadeToken(key, kid, alice.user, { iss: "someone-else" })), 401, "INVALID_TOKEN");
    expectError(await me(await handMadeToken(key, kid, alice.user, { aud: "another-app" })), 401, "INVALID_TOKEN");
  });

  it("refuses alg none and HMAC-with-the-public-key tokens", async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { sub: alice.user.id, email: alice.user.email, roles: ["admin"], tier: "free", tenantId: "public", iss: "avantika", aud: "avantika", iat: now, exp: now + 600 };
    const kid = await signingKid();
    for (const header of [{ alg: "none", typ: "JWT" }, { alg: "none", kid }, { alg: "None" }]) {
      const unsigned = `${b64urlJson(header)}.${b64urlJson(payload)}.`;
      expectError(await me(unsigned), 401, "INVALID_TOKEN");
    }
    const jwks = (await request(`${base}/api/auth/jwks.json`)).json as { keys: Array<{ x: string }> };
    const hmacInput = `${b64urlJson({ alg: "HS256", kid, typ: "JWT" })}.${b64urlJson(payload)}`;
    for (const secret of [JSON.stringify(jwks.keys[0]), jwks.keys[0]!.x]) {
      const sig = crypto.createHmac("sha256", secret).update(hmacInput).digest("base64url");
      expectError(await me(`${hmacInput}.${sig}`), 401, "INVALID_TOKEN");
    }
  });

  it("refuses garbage in the Authorization header with 401", async () => {
    for (const header of ["Bearer garbage", "Bearer a.b.c", "Bearer " + "x".repeat(5000), "Basic dXNlcjpwYXNz", "Bearer", alice.accessToken]) {
      const res = await request(`${base}/api/users/me`, { headers: { Authorization: header } });
      expectError(res, 401);
    }
  });
});

describe("PATCH /api/users/me", () => {
  it("changes fullName and merges preferences", async () => {
    const res = await patchMe(bob.accessToken, { fullName: "  Robert  ", preferences: { theme: "dark", language: "go" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: bob.user.id, fullName: "Robert", preferences: { theme: "dark", language: "go" } });
    const again = await patchMe(bob.accessToken, { preferences: { editorKeymap: "vim" } });
    expect(again.status).toBe(200);
    expect((again.json as Me).preferences).toEqual({ theme: "dark", language: "go", editorKeymap: "vim" });
    const read = (await me(bob.accessToken)).json as Me;
    expect(read).toMatchObject({ fullName: "Robert", preferences: { theme: "dark", language: "go", editorKeymap: "vim" } });
  });

  it("refuses roles, email, tier and unknown preferences with 422, changing nothing", async () => {
    const before = (await me(alice.accessToken)).json as Me;
    for (const body of [
      { roles: ["admin"] },
      { email: "takeover@example.test" },
      { tier: "enterprise" },
      { fullName: "Mallory", roles: ["admin"] },
      { tenantId: "other" },
      { preferences: { theme: "dark", isAdmin: true } },
      { preferences: { theme: "neon" } },
      { fullName: "" },
      { fullName: 7 },
    ]) {
      const res = await patchMe(alice.accessToken, body);
      expectError(res, 422, "VALIDATION_ERROR");
    }
    const after = (await me(alice.accessToken)).json as Me;
    expect(after).toEqual(before);
    expect(after.roles).toEqual(["user"]);
    expect(after.tier).toBe("free");
  });

  it("requires a token", async () => {
    expectError(await request(`${base}/api/users/me`, { method: "PATCH", body: { fullName: "Nobody" } }), 401, "UNAUTHORIZED");
  });
});

describe("tenants", () => {
  it("registers the second node's user in tenant 'other'", async () => {
    expect(carol.user.tenantId).toBe("other");
    const res = await request(`${otherTenant.baseUrl}/api/users/me`, { headers: bearer(carol.accessToken) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: carol.user.id, tenantId: "other" });
  });

  it("shows a same-tenant user's public profile, and answers 404 for another tenant's user", async () => {
    const same = await request(`${base}/api/users/${bob.user.id}`, { headers: bearer(alice.accessToken) });
    expect(same.status).toBe(200);
    expect(Object.keys(same.json as object).sort()).toEqual(["createdAt", "fullName", "id"]);
    expect((same.json as { id: string }).id).toBe(bob.user.id);

    expectError(await request(`${base}/api/users/${carol.user.id}`, { headers: bearer(alice.accessToken) }), 404, "NOT_FOUND");
    expectError(await request(`${otherTenant.baseUrl}/api/users/${alice.user.id}`, { headers: bearer(carol.accessToken) }), 404, "NOT_FOUND");
    expectError(await request(`${base}/api/users/${crypto.randomUUID()}`, { headers: bearer(alice.accessToken) }), 404, "NOT_FOUND");
    expectError(await request(`${base}/api/users/${bob.user.id}`), 401, "UNAUTHORIZED");
  });

  it("enforces row-level security in PostgreSQL: under avantika_tenant a query sees only app.tenant_id's rows", async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const all = await pg.query<{ tenant_id: string; n: string }>("SELECT tenant_id, count(*) AS n FROM users.profiles GROUP BY tenant_id ORDER BY tenant_id");
      expect(all.rows.map((r) => r.tenant_id)).toEqual(["other", "public"]);

      await pg.query("BEGIN");
      await pg.query("SET LOCAL ROLE avantika_tenant");
      await pg.query("SELECT set_config('app.tenant_id', 'public', true)");
      const publicRows = await pg.query<{ id: string; tenant_id: string }>("SELECT * FROM users.profiles");
      expect(publicRows.rows.length).toBeGreaterThanOrEqual(2);
      expect(new Set(publicRows.rows.map((r) => r.tenant_id))).toEqual(new Set(["public"]));
      expect(publicRows.rows.map((r) => r.id)).toEqual(expect.arrayContaining([alice.user.id, bob.user.id]));
      // A WHERE clause naming the other tenant's row finds nothing.
      expect((await pg.query("SELECT * FROM users.profiles WHERE id = $1", [carol.user.id])).rowCount).toBe(0);
      // Updating it is a no-op, and writing a row into another tenant is refused.
      expect((await pg.query("UPDATE users.profiles SET full_name = 'pwned' WHERE id = $1", [carol.user.id])).rowCount).toBe(0);
      await pg.query("SAVEPOINT s");
      await expect(
        pg.query("INSERT INTO users.profiles (id, tenant_id, email, full_name) VALUES ($1, 'other', 'x@example.test', 'X')", [crypto.randomUUID()]),
      ).rejects.toThrow(/row-level security/);
      await pg.query("ROLLBACK TO SAVEPOINT s");

      await pg.query("SELECT set_config('app.tenant_id', 'other', true)");
      const otherRows = await pg.query<{ id: string; tenant_id: string }>("SELECT * FROM users.profiles");
      expect(otherRows.rows.map((r) => r.id)).toEqual([carol.user.id]);

      await pg.query("SELECT set_config('app.tenant_id', '', true)");
      expect((await pg.query("SELECT * FROM users.profiles")).rowCount).toBe(0);
      await pg.query("ROLLBACK");

      const carolRow = await pg.query<{ full_name: string }>("SELECT full_name FROM users.profiles WHERE id = $1", [carol.user.id]);
      expect(carolRow.rows[0]?.full_name).toBe("Carol");
    } finally {
      await pg.end();
    }
  });

  it("refuses a signed-out session's access token at every gateway of the cluster (shared revocation list)", async () => {
    const { session, refreshCookie } = await register(base, { fullName: "Dave" });
    const viaOther = () => request(`${otherTenant.baseUrl}/api/users/me`, { headers: bearer(session.accessToken) });
    expect((await viaOther()).status).toBe(200);
    const out = await request(`${base}/api/auth/logout`, { method: "POST", headers: { Cookie: `avantika_refresh=${refreshCookie!}` } });
    expect(out.status).toBe(204);
    expectError(await viaOther(), 401, "INVALID_TOKEN");
    expectError(await me(session.accessToken), 401, "INVALID_TOKEN");
  });

  it("does not let an email registered in one tenant be taken in another", async () => {
    const email = uniqueEmail("both");
    await register(base, { email });
    expectError(await request(`${otherTenant.baseUrl}/api/auth/register`, { body: { email, password: "another-password-1", fullName: "X" } }), 409, "EMAIL_TAKEN");
  });
});
