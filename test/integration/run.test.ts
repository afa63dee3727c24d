/**
 * POST /api/run and GET /api/languages through the gateway, judged by the sandbox service on
 * real runsc (gVisor).
 */
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { bearer, register } from "../fixtures/accounts";
import { request } from "../support/http";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";

jest.setTimeout(120_000);

let db: TestDatabase;
let node: TestNode;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase("run");
  node = await startTestNode({ services: ["api", "auth", "users", "sandbox"], namespace: uniqueNamespace("run"), databaseUrl: db.url, nats: false, redis: false, env: { SANDBOX_POOL_SIZE: "1", RUNS_PER_MINUTE: "8" } });
  token = (await register(node.baseUrl, { cookie: false })).session.accessToken;
});

afterAll(async () => {
  await node?.stop();
  await db?.drop();
});

const run = (body: unknown, auth = true) => request(`${node.baseUrl}/api/run`, { body, headers: auth ? bearer(token) : {}, timeoutMs: 60_000 });

describe("running code", () => {
  it("lists the seven judged languages, each available", async () => {
    const res = await request(`${node.baseUrl}/api/languages`);
    expect(res.status).toBe(200);
    const languages = res.json as Array<{ id: string; name: string; version: string; available: boolean }>;
    expect(languages.map((l) => l.id).sort()).toEqual(["c", "cpp", "go", "java", "javascript", "python", "typescript"]);
    for (const language of languages) {
      expect(language.available).toBe(true);
      expect(language.version).toMatch(/\d/);
    }
  });

  it("runs a program on custom input", async () => {
    const res = await run({ language: "python", source: "import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))\n", stdin: "2 3 4\n" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ verdict: "AC", stdout: "9\n", exitCode: 0 });
    expect((res.json as { timeMs: number }).timeMs).toBeGreaterThanOrEqual(0);
  });

  it("takes stdin up to the contract's 1 MiB", async () => {
    const res = await run({ language: "python", source: "import sys\nprint(len(sys.stdin.read()))\n", stdin: "x".repeat(1024 * 1024) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ verdict: "AC", stdout: `${1024 * 1024}\n` });
  });

  it("reports a compile error with the compiler's output", async () => {
    const res = await run({ language: "cpp", source: "int main() { return undefined_name; }\n", stdin: "" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ verdict: "CE" });
    expect((res.json as { compileOutput: string }).compileOutput).toMatch(/undefined_name/);
  });

  it("stops a program that never ends", async () => {
    const res = await run({ language: "javascript", source: "for (;;) {}\n", stdin: "" });
    expect(res.json).toMatchObject({ verdict: "TLE" });
  });

  it("refuses anonymous callers, unknown languages and oversized sources", async () => {
    expect((await run({ language: "python", source: "print(1)" }, false)).status).toBe(401);
    expect((await run({ language: "cobol", source: "DISPLAY 1" })).status).toBe(422);
    const big = await run({ language: "python", source: "#".repeat(64 * 1024 + 1) });
    expect([413, 422]).toContain(big.status);
    expect((await run({ language: "python", source: "print(1)", stdin: "x", extra: true })).status).toBe(422);
  });

  it("limits runs per learner (429 with Retry-After), not per server", async () => {
    let limited;
    for (let i = 0; i < 10 && !limited; i += 1) {
      const res = await run({ language: "python", source: "print(1)\n", stdin: "" });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.headers["retry-after"]).toMatch(/^\d+$/);
    const other = (await register(node.baseUrl, { cookie: false })).session.accessToken;
    const theirs = await request(`${node.baseUrl}/api/run`, { body: { language: "python", source: "print(2)\n" }, headers: bearer(other), timeoutMs: 60_000 });
    expect(theirs.status).toBe(200);
  });
});
