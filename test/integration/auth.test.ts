/**
 * Auth over real HTTP against a cluster-style node (api, auth, users; PostgreSQL, Redis, NATS):
 * registration and its validation, login and throttling, refresh-token rotation and reuse
 * detection, logout, and the CONTRACT's error shape.
 */
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { expectErrorShape, findCookie, request, type HttpResponse } from "../support/http";
import { bearer, login, PASSWORD, REFRESH_COOKIE, register, uniqueEmail, type Session } from "../fixtures/accounts";

const MAX_PER_ACCOUNT = 3;
const MAX_PER_IP = 6;

let db: TestDatabase;
let node: TestNode;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase("auth");
  node = await startTestNode({
    services: ["api", "auth", "users"],
    namespace: uniqueNamespace("auth"),
    databaseUrl: db.url,
    env: {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_PER_ACCOUNT),
      LOGIN_MAX_FAILURES_PER_IP: String(MAX_PER_IP),
      LOGIN_WINDOW_S: "120",
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    },
  });
  base = node.baseUrl;
});

afterAll(async () => {
  await node?.stop();
  await db?.drop();
});

function expectError(res: HttpResponse, status: number, type?: string) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const body = expectErrorShape(res.json, res.text);
  if (type) expect(body.error.type).toBe(type);
  return body;
}

function fieldsOf(res: HttpResponse): string[] {
  const data = (res.json as { error: { data?: { fields?: Array<{ field: string }> } } }).error.data;
  return (data?.fields ?? []).map((f) => f.field);
}

const me = (token: string) => request(`${base}/api/users/me`, { headers: bearer(token) });

describe("register", () => {
  it("answers 201 {user, accessToken, expiresIn} with an HttpOnly, SameSite=Strict refresh cookie on /api/auth", async () => {
    const email = uniqueEmail("reg");
    const { res, session } = await register(base, { email, fullName: "  Ada Lovelace " });
    expect(Object.keys(session).sort()).toEqual(["accessToken", "expiresIn", "user"]);
    expect(Object.keys(session.user).sort()).toEqual(["email", "emailVerified", "fullName", "id", "roles", "tenantId", "tier"]);
    expect(session.user).toMatchObject({ email, fullName: "Ada Lovelace", roles: ["user"], tier: "free", tenantId: "public", emailVerified: false });
    expect(typeof session.user.id).toBe("string");
    expect(session.accessToken.split(".")).toHaveLength(3);
    expect(session.expiresIn).toBeGreaterThan(0);

    const cookie = findCookie(res.setCookies, REFRESH_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie!.value.length).toBeGreaterThanOrEqual(20);
    expect(cookie!.attributes).toHaveProperty("httponly");
    expect(cookie!.attributes.samesite?.toLowerCase()).toBe("strict");
    expect(cookie!.attributes.path).toBe("/api/auth");
  });

  it("returns the refresh token in the body, and sets no cookie, with {cookie: false}", async () => {
    const { res, session } = await register(base, { cookie: false });
    expect(typeof session.refreshToken).toBe("string");
    expect(session.refreshToken!.length).toBeGreaterThanOrEqual(20);
    expect(findCookie(res.setCookies, REFRESH_COOKIE)).toBeUndefined();
  });

  it("refuses a duplicate email, whatever its case, with 409 EMAIL_TAKEN", async () => {
    const email = uniqueEmail("dup");
    await register(base, { email });
    const res = await request(`${base}/api/auth/register`, { body: { email: email.toUpperCase(), password: PASSWORD, fullName: "Again" } });
    expectError(res, 409, "EMAIL_TAKEN");
  });

  it("refuses a password shorter than 10 characters with 422 naming the field", async () => {
    const res = await request(`${base}/api/auth/register`, { body: { email: uniqueEmail(), password: "short-pw1", fullName: "X" } });
    expectError(res, 422, "VALIDATION_ERROR");
    expect(fieldsOf(res)).toContain("password");
  });

  it("refuses unknown fields with 422 naming them", async () => {
    const res = await request(`${base}/api/auth/register`, {
      body: { email: uniqueEmail(), password: PASSWORD, fullName: "X", roles: ["admin"], tier: "enterprise" },
    });
    expectError(res, 422, "VALIDATION_ERROR");
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(["roles", "tier"]));
  });

  it("refuses wrong types and missing fields with 422", async () => {
    const res = await request(`${base}/api/auth/register`, { body: { email: 42, password: true, fullName: ["x"] } });
    expectError(res, 422, "VALIDATION_ERROR");
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(["email", "password", "fullName"]));

    const missing = await request(`${base}/api/auth/register`, { body: { email: uniqueEmail() } });
    expectError(missing, 422, "VALIDATION_ERROR");
    expect(fieldsOf(missing)).toEqual(expect.arrayContaining(["password", "fullName"]));

    const notAnEmail = await request(`${base}/api/auth/register`, { body: { email: "not-an-email", password: PASSWORD, fullName: "X" } });
    expectError(notAnEmail, 422, "VALIDATION_ERROR");
    expect(fieldsOf(notAnEmail)).toContain("email");
  });

  it("refuses a body over 100kb with 413", async () => {
    const res = await request(`${base}/api/auth/register`, { body: { email: uniqueEmail(), password: PASSWORD, fullName: "x".repeat(110 * 1024) } });
    expectError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses deeply nested JSON with 422", async () => {
    for (const depth of [40, 5000]) {
      const nested = "[".repeat(depth) + "]".repeat(depth);
      const res = await request(`${base}/api/auth/register`, {
        body: `{"email":"${uniqueEmail()}","password":"${PASSWORD}","fullName":"X","junk":${nested}}`,
      });
      expectError(res, 422, "VALIDATION_ERROR");
    }
  });

  it("answers malformed JSON with a 4xx in the CONTRACT error shape", async () => {
    for (const body of ['{"email": "a@b.c", "password": ', "not json at all", "[1, 2,", "\"just a string\""]) {
      const res = await request(`${base}/api/auth/register`, { body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res.json, res.text);
    }
  });
});

describe("login", () => {
  let email: string;

  beforeAll(async () => {
    email = (await register(base, { fullName: "Login User" })).email;
  });

  it("signs in with the right password: 200 with the register shape and a refresh cookie", async () => {
    const res = await login(base, email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    const session = res.json as Session;
    expect(Object.keys(session).sort()).toEqual(["accessToken", "expiresIn", "user"]);
    expect(session.user.email).toBe(email);
    const cookie = findCookie(res.setCookies, REFRESH_COOKIE);
    expect(cookie?.attributes).toHaveProperty("httponly");
    expect(cookie?.attributes.samesite?.toLowerCase()).toBe("strict");
    expect(cookie?.attributes.path).toBe("/api/auth");

    const body = await login(base, email, PASSWORD, undefined, { cookie: false });
    expect(body.status).toBe(200);
    expect(typeof (body.json as Session).refreshToken).toBe("string");
  });

  it("answers a wrong password and an unknown email with the same 401 body, in comparable time", async () => {
    const wrong = await login(base, email, "wrong-password-123", "127.0.10.1");
    const unknown = await login(base, uniqueEmail("ghost"), "wrong-password-123", "127.0.10.1");
    expectError(wrong, 401, "INVALID_CREDENTIALS");
    expectError(unknown, 401, "INVALID_CREDENTIALS");
    expect(unknown.json).toEqual(wrong.json);

    // Alternate the two paths, each try from its own address so that throttling stays out of it.
    // Compare the fastest try of each: the floor is the work the server does (an argon2
    // verification or not), while load on the machine only ever adds to single tries.
    const wrongMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const ip = `127.0.11.${i + 1}`;
      let t = performance.now();
      expect((await login(base, email, `wrong-password-${i}`, ip)).status).toBe(401);
      wrongMs.push(performance.now() - t);
      t = performance.now();
      expect((await login(base, uniqueEmail("ghost"), `wrong-password-${i}`, ip)).status).toBe(401);
      unknownMs.push(performance.now() - t);
    }
    expect(Math.min(...unknownMs) / Math.min(...wrongMs)).toBeGreaterThan(0.5);
  });

  it("throttles one (account, IP) after the allowed failures with 429 + Retry-After, but not the owner on another IP", async () => {
    const victim = (await register(base, { fullName: "Victim" })).email;
    const attacker = "127.0.20.1";
    for (let i = 0; i < MAX_PER_ACCOUNT; i += 1) {
      expectError(await login(base, victim, `guess-number-${i}`, attacker), 401, "INVALID_CREDENTIALS");
    }
    const blocked = await login(base, victim, `guess-number-x`, attacker);
    expectError(blocked, 429, "RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    // Even the right password is refused from the throttled address...
    expectError(await login(base, victim, PASSWORD, attacker), 429, "RATE_LIMITED");
    // ...while the owner signs in from another address.
    const owner = await login(base, victim, PASSWORD, "127.0.0.2");
    expect(owner.status).toBe(200);
    expect((owner.json as Session).user.email).toBe(victim);
  });

  it("throttles one IP after the allowed failures across accounts", async () => {
    const spray = "127.0.30.1";
    const target = (await register(base, { fullName: "Sprayed" })).email;
    for (let i = 0; i < MAX_PER_IP; i += 1) {
      expectError(await login(base, uniqueEmail("spray"), "wrong-password-1", spray), 401, "INVALID_CREDENTIALS");
    }
    const blocked = await login(base, target, PASSWORD, spray);
    expectError(blocked, 429, "RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login(base, target, PASSWORD, "127.0.30.2")).status).toBe(200);
  });

  it("validates the login body", async () => {
    expectError(await request(`${base}/api/auth/login`, { body: { email: "a@b.c" } }), 422, "VALIDATION_ERROR");
    expectError(await request(`${base}/api/auth/login`, { body: { email: "a@b.c", password: "x", admin: true } }), 422, "VALIDATION_ERROR");
  });
});

describe("refresh and logout", () => {
  const refreshWithCookie = (token: string) =>
    request(`${base}/api/auth/token/refresh`, { method: "POST", headers: { Cookie: `${REFRESH_COOKIE}=${token}` } });
  const refreshWithBody = (token: string) => request(`${base}/api/auth/token/refresh`, { body: { refreshToken: token } });

  it("rotates the cookie and mints a new access token", async () => {
    const { refreshCookie, session } = await register(base);
    expect(refreshCookie).toBeDefined();
    const res = await refreshWithCookie(refreshCookie!);
    expect(res.status).toBe(200);
    const body = res.json as { accessToken: string; expiresIn: number };
    expect(Object.keys(body).sort()).toEqual(["accessToken", "expiresIn"]);
    expect(body.accessToken).not.toBe(session.accessToken);
    const rotated = findCookie(res.setCookies, REFRESH_COOKIE);
    expect(rotated?.value).toBeTruthy();
    expect(rotated!.value).not.toBe(refreshCookie);
    expect(rotated!.attributes).toHaveProperty("httponly");
    expect(rotated!.attributes.samesite?.toLowerCase()).toBe("strict");
    expect(rotated!.attributes.path).toBe("/api/auth");
    const profile = await me(body.accessToken);
    expect(profile.status).toBe(200);
    expect((profile.json as { id: string }).id).toBe(session.user.id);
  });

  it("rotates a body refresh token and answers the successor in the body", async () => {
    const { session } = await register(base, { cookie: false });
    const res = await refreshWithBody(session.refreshToken!);
    expect(res.status).toBe(200);
    const body = res.json as { accessToken: string; refreshToken: string };
    expect(typeof body.accessToken).toBe("string");
    expect(typeof body.refreshToken).toBe("string");
    expect(body.refreshToken).not.toBe(session.refreshToken);
    expect(findCookie(res.setCookies, REFRESH_COOKIE)?.value ?? "").toBe("");
    expect((await refreshWithBody(body.refreshToken)).status).toBe(200);
  });

  it("treats reuse of a used refresh token as theft: 401 and the whole family is revoked", async () => {
    const { session } = await register(base, { cookie: false });
    const first = await refreshWithBody(session.refreshToken!);
    expect(first.status).toBe(200);
    const successor = first.json as { accessToken: string; refreshToken: string };
    expect((await me(successor.accessToken)).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(200);

    expectError(await refreshWithBody(session.refreshToken!), 401, "INVALID_TOKEN");
    // The rotated successor is dead too...
    expectError(await refreshWithBody(successor.refreshToken), 401, "INVALID_TOKEN");
    // ...and so is every access token minted from the family (the gateway's revocation fast path).
    expectError(await me(successor.accessToken), 401, "INVALID_TOKEN");
    expectError(await me(session.accessToken), 401, "INVALID_TOKEN");

    // Another session of the same account is untouched.
    const other = await login(base, session.user.email, PASSWORD);
    expect(other.status).toBe(200);
    expect((await me((other.json as Session).accessToken)).status).toBe(200);
  });

  it("refuses a missing or unknown refresh token with 401", async () => {
    expectError(await request(`${base}/api/auth/token/refresh`, { method: "POST" }), 401, "INVALID_TOKEN");
    expectError(await refreshWithBody("x".repeat(43)), 401, "INVALID_TOKEN");
    expectError(await refreshWithCookie("y".repeat(43)), 401, "INVALID_TOKEN");
  });

  it("logs out with 204: the refresh token fails afterwards and the session's access token is refused", async () => {
    const { refreshCookie, session } = await register(base);
    const res = await request(`${base}/api/auth/logout`, { method: "POST", headers: { Cookie: `${REFRESH_COOKIE}=${refreshCookie!}` } });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const cleared = findCookie(res.setCookies, REFRESH_COOKIE);
    expect(cleared?.value).toBe("");
    expect(cleared?.attributes["max-age"]).toBe("0");
    expectError(await refreshWithCookie(refreshCookie!), 401, "INVALID_TOKEN");
    expectError(await me(session.accessToken), 401, "INVALID_TOKEN");
  });

  it("logs out with a body refresh token and a bearer token alike", async () => {
    const { session } = await register(base, { cookie: false });
    const res = await request(`${base}/api/auth/logout`, { body: { refreshToken: session.refreshToken }, headers: bearer(session.accessToken) });
    expect(res.status).toBe(204);
    expectError(await refreshWithBody(session.refreshToken!), 401, "INVALID_TOKEN");
    expectError(await me(session.accessToken), 401, "INVALID_TOKEN");
  });
});
