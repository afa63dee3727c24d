/**
 * The REST gateway over real HTTP: health, readiness, client config, the OpenAPI document, the
 * whitelist (no `$node.*` or internal action is reachable), CORS, security headers and the rate
 * limit of the auth routes.
 */
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { expectErrorShape, request, type HttpResponse } from "../support/http";
import { ROUTES } from "../../gateway/routes";

const ALLOWED_ORIGIN = "https://app.avantika.test";
const RATE_LIMIT = 5;

let db: TestDatabase;
let node: TestNode;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase("gateway");
  node = await startTestNode({
    services: ["api", "auth", "users"],
    namespace: uniqueNamespace("gw"),
    databaseUrl: db.url,
    env: { CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173`, AUTH_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
  });
  base = node.baseUrl;
});

afterAll(async () => {
  await node?.stop();
  await db?.drop();
});

function expectError(res: HttpResponse, status: number, type?: string) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const body = expectErrorShape(res.json, res.text);
  if (type) expect(body.error.type).toBe(type);
  return body;
}

describe("health and config", () => {
  it("GET /api/health answers {status: ok, nodes, services}", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; nodes: number; services: string[] };
    expect(Object.keys(body).sort()).toEqual(["nodes", "services", "status"]);
    expect(body.status).toBe("ok");
    expect(body.nodes).toBeGreaterThanOrEqual(1);
    expect(body.services).toEqual(expect.arrayContaining(["api", "auth", "users"]));
    expect(body.services.some((s) => s.startsWith("$"))).toBe(false);
  });

  it("GET /api/health/ready answers 200 once auth and users are up", async () => {
    const res = await fetch(`${base}/api/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("GET /api/config answers {wsUrl, features: {ai, oauth, ...}}", async () => {
    const res = await fetch(`${base}/api/config`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { wsUrl: string; features: { ai: boolean; oauth: string[] } };
    expect(body.wsUrl).toMatch(/^wss?:\/\/[^/]+\/ws$/);
    expect(typeof body.features.ai).toBe("boolean");
    expect(body.features.oauth).toEqual([]);
  });

  it("GET /api/auth/jwks.json publishes the Ed25519 public key only", async () => {
    const res = await fetch(`${base}/api/auth/jwks.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { keys: Array<Record<string, string>> };
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    expect(body.keys[0]).not.toHaveProperty("d");
  });
});

describe("readiness of a lone gateway", () => {
  it("answers 503 with Retry-After until auth and users join the cluster, then 200", async () => {
    const namespace = uniqueNamespace("gwready");
    const lone = await startTestNode({ services: ["api"], namespace, nodeId: `${namespace}-api` });
    let backend: TestNode | undefined;
    const fresh = await createTestDatabase("gateway_ready");
    try {
      const t0 = performance.now();
      const waiting = await request(`${lone.baseUrl}/api/health/ready`);
      expectError(waiting, 503, "SERVICE_UNAVAILABLE");
      expect(Number(waiting.headers["retry-after"])).toBeGreaterThan(0);
      // A probe is answered at once (Kubernetes' default probe timeout is 1 s).
      expect(performance.now() - t0).toBeLessThan(800);
      expect((await request(`${lone.baseUrl}/api/health`)).status).toBe(200);
      // A route whose service is not up is a 503 too, in the CONTRACT shape.
      const noUsers = await request(`${lone.baseUrl}/api/users/me`);
      expectError(noUsers, 503, "SERVICE_UNAVAILABLE");
      expect(Number(noUsers.headers["retry-after"])).toBeGreaterThan(0);
      expectError(await request(`${lone.baseUrl}/api/auth/login`, { body: { email: "a@b.c", password: "x" } }), 503, "SERVICE_UNAVAILABLE");

      backend = await startTestNode({ services: ["auth", "users"], namespace, nodeId: `${namespace}-backend`, databaseUrl: fresh.url });
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < deadline && status !== 200) {
        status = (await request(`${lone.baseUrl}/api/health/ready`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      const health = (await request(`${lone.baseUrl}/api/health`)).json as { nodes: number; services: string[] };
      expect(health.nodes).toBe(2);
      expect(health.services).toEqual(expect.arrayContaining(["api", "auth", "users"]));
    } finally {
      await backend?.stop();
      await lone.stop();
      await fresh.drop();
    }
  });
});

describe("OpenAPI", () => {
  it("GET /api/openapi.json is OpenAPI 3 and lists every route of the route table", async () => {
    const res = await fetch(`${base}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.values(ROUTES).flatMap((table) => Object.entries(table));
    expect(routes.length).toBeGreaterThan(0);
    for (const [route, spec] of routes) {
      const [method = "", path = ""] = route.split(" ");
      const oaPath = "/api" + path.replace(/:([A-Za-z]+)/g, "{$1}");
      const operation = doc.paths[oaPath]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${route} is missing from openapi.json`);
      expect(operation.operationId).toBe(spec.action);
    }
    const listed = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(listed).toBe(routes.length);
    // Request bodies come from the actions' JSON Schemas.
    const register = doc.paths["/api/auth/register"]?.post?.requestBody as { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
    expect(Object.keys(register.content["application/json"].schema.properties)).toEqual(expect.arrayContaining(["email", "password", "fullName"]));
  });
});

describe("whitelist", () => {
  it("does not expose $node actions, internal actions or actions by their names", async () => {
    const probes: Array<[string, string]> = [
      ["GET", "/api/$node/list"],
      ["GET", "/api/$node/services"],
      ["GET", "/api/$node.list"],
      ["GET", "/api/$node.actions"],
      ["GET", "/api/~node/list"],
      ["GET", "/api/node/list"],
      ["POST", "/api/$node/health"],
      ["GET", "/api/auth/resolveToken"],
      ["POST", "/api/auth/resolveToken"],
      ["GET", "/api/auth/providers"],
      ["GET", "/api/auth.providers"],
      ["POST", "/api/auth/register/../providers"],
      ["GET", "/api/auth/jwks"],
      ["POST", "/api/users/setTier"],
      ["POST", "/api/users/update"],
      ["GET", "/api/api/health"],
      ["GET", "/api/api.openapi"],
      ["GET", "/api/users/me/../../$node/list"],
      ["DELETE", "/api/users/me"],
      ["GET", "/$node/list"],
      ["GET", "/api/"],
    ];
    for (const [method, path] of probes) {
      const res = await request(`${base}${path}`, { method, headers: { Connection: "close" }, body: method === "POST" ? {} : undefined, localAddress: "127.0.50.1" });
      if (res.status !== 404) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
      expectErrorShape(res.json, res.text);
    }
  });
});

describe("CORS and security headers", () => {
  it("answers an allowed origin with Access-Control-Allow-Origin, a foreign one without", async () => {
    const allowed = await fetch(`${base}/api/health`, { headers: { Origin: ALLOWED_ORIGIN } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");

    // Errors too, so that the browser app can read them.
    const unauthorized = await fetch(`${base}/api/users/me`, { headers: { Origin: ALLOWED_ORIGIN } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);

    const foreign = await fetch(`${base}/api/health`, { headers: { Origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(`${base}/api/auth/login`, {
      method: "OPTIONS",
      headers: { Origin: ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get("access-control-allow-methods") ?? "").toMatch(/POST/);

    const foreignPreflight = await fetch(`${base}/api/auth/login`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(foreignPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sets the security headers on answers and on errors", async () => {
    for (const path of ["/api/health", "/api/users/me", "/api/no-such-route"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("content-security-policy") ?? "").toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });
});

describe("rate limit of the auth routes", () => {
  it("answers 429 with Retry-After past AUTH_RATE_LIMIT_PER_MINUTE per client IP, leaving other routes and IPs alone", async () => {
    const ip = "127.0.60.1";
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      const res = await request(`${base}/api/auth/login`, { body: { email: "nobody@example.test", password: "x" }, localAddress: ip });
      expect(res.status).not.toBe(429);
    }
    const limited = await request(`${base}/api/auth/token/refresh`, { method: "POST", localAddress: ip });
    expectError(limited, 429, "RATE_LIMITED");
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await request(`${base}/api/auth/jwks.json`, { localAddress: ip })).status).toBe(429);

    expect((await request(`${base}/api/health`, { localAddress: ip })).status).toBe(200);
    expect((await request(`${base}/api/auth/jwks.json`, { localAddress: "127.0.60.2" })).status).toBe(200);
  });
});
