/**
 * A sandbox worker SIGKILLed while it judges: the message it never acked goes to another worker,
 * and the submission ends with exactly one final verdict.
 */
import { Client } from "pg";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { bearer, login, register } from "../fixtures/accounts";
import { startChildNode, type ChildNode } from "../support/child-node";
import { request } from "../support/http";
import { startTestNode, testSigningKey, uniqueNamespace, type TestNode } from "../support/node";
import { WsClient } from "../support/ws";

jest.setTimeout(240_000);

const ADMIN = { email: "chaos-admin@avantika.test", password: "chaos-admin-password" };
// Ten tests of ~0.4 s each: long enough to kill the worker in the middle.
const SLOW = "import sys, time\ntime.sleep(0.4)\nprint(sum(map(int, sys.stdin.read().split())))\n";

let db: TestDatabase;
let node: TestNode;
const workers: ChildNode[] = [];
let ws: WsClient | undefined;
let teacherToken = "";
let learnerSession: { accessToken: string; user: { id: string } } | undefined;

afterAll(async () => {
  ws?.close();
  await Promise.all(workers.map((w) => w.stop()));
  await node?.stop();
  await db?.drop();
});

it("judges a submission exactly once when its worker is killed mid-judge", async () => {
  const namespace = uniqueNamespace("judgechaos");
  db = await createTestDatabase("judge_chaos");
  node = await startTestNode({
    services: ["api", "realtime", "auth", "users", "practice"],
    namespace,
    databaseUrl: db.url,
    env: { AVANTIKA_ADMIN_EMAIL: ADMIN.email, AVANTIKA_ADMIN_PASSWORD: ADMIN.password, PROBLEMS_DIR: "/nonexistent" },
  });
  const workerEnv = (id: string) => ({
    NODE_ENV: "test",
    LOG_LEVEL: "error",
    NAMESPACE: namespace,
    NODE_ID: id,
    SERVICES: "sandbox",
    SANDBOX_POOL_SIZE: "1",
    NATS_URL: process.env.TEST_NATS_URL ?? "",
    REDIS_URL: process.env.TEST_REDIS_URL ?? "",
    JWT_PRIVATE_KEY: testSigningKey(),
  });
  const first = await startChildNode(workerEnv(`${namespace}-worker-1`));
  workers.push(first);

  const teacher = ((await login(node.baseUrl, ADMIN.email, ADMIN.password)).json as { accessToken: string }).accessToken;
  const tests = Array.from({ length: 10 }, (_, i) => ({ input: `${i} ${i}\n`, output: `${2 * i}\n`, sample: i === 0 }));
  const created = await request(`${node.baseUrl}/api/problems`, {
    headers: bearer(teacher),
    body: { slug: "slow-sum", title: "Slow sum", statement: "Print the sum.", difficulty: "easy", limits: { timeMs: 2000, memoryMb: 256 }, tests },
  });
  expect(created.status).toBe(201);

  teacherToken = teacher;
  const learner = (await register(node.baseUrl, { cookie: false })).session;
  learnerSession = learner;
  const config = (await request(`${node.baseUrl}/api/config`)).json as { wsUrl: string };
  ws = await WsClient.connect(config.wsUrl, learner.accessToken);
  ws.send({ type: "subscribe", topic: `user:${learner.user.id}` });
  await ws.waitFor((f) => f.type === "subscribed");

  const submitted = await request(`${node.baseUrl}/api/submissions`, { headers: bearer(learner.accessToken), body: { problem: "slow-sum", language: "python", source: SLOW } });
  expect(submitted.status).toBe(202);
  const { id } = submitted.json as { id: string };

  // Kill the worker once it has finished some tests (it is judging), then bring up another one.
  await ws.waitFor((f) => f.type === "submission.update" && f.id === id && Array.isArray(f.tests) && f.tests.length >= 2, 60_000, "tests judged by the first worker");
  first.kill("SIGKILL");
  const killedAt = Date.now();
  const second = await startChildNode(workerEnv(`${namespace}-worker-2`));
  workers.push(second);

  const final = await ws.waitFor((f) => f.type === "submission.update" && f.id === id && f.status === "done", 120_000, "the final verdict");
  expect(final.verdict).toBe("AC");

  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    const row = (await pg.query<{ verdict: string; judged_by: string; tests: unknown[] }>("SELECT verdict, judged_by, tests FROM practice.submissions WHERE id = $1", [id])).rows[0];
    expect(row).toMatchObject({ verdict: "AC", judged_by: `${namespace}-worker-2` });
    expect(row?.tests).toHaveLength(10);
    const completions = await pg.query("SELECT 1 FROM practice.outbox WHERE topic = 'practice.submission.completed' AND payload->>'submissionId' = $1", [id]);
    expect(completions.rowCount).toBe(1);
  } finally {
    await pg.end();
  }
  process.stdout.write(`judge chaos: worker SIGKILLed mid-judge; re-judged by another worker ${((Date.now() - killedAt) / 1000).toFixed(1)} s later; 1 final verdict\n`);
});

it("judges a problem whose tests are larger than one NATS message, and dry-runs across nodes", async () => {
  if (!learnerSession || !ws) throw new Error("the first test did not set up the cluster");
  // ~3 MB of tests: more than NATS' default 1 MB max payload; they reach the worker as a stream.
  const numbers = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 1000);
  const input = `${numbers.join(" ")}\n`;
  const output = `${numbers.reduce((a, b) => a + b, 0)}\n`;
  const tests = [{ input: "1 2\n", output: "3\n", sample: true }, { input, output }, { input: `${input} 1\n`, output: `${numbers.reduce((a, b) => a + b, 1)}\n` }];
  const body = { slug: "big-sum", title: "Big sum", statement: "Print the sum.", difficulty: "easy", limits: { timeMs: 2000, memoryMb: 256 }, tests };
  const RIGHT = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n";

  const dry = await request(`${node.baseUrl}/api/problems/dry-run`, { headers: bearer(teacherToken), body: { ...body, solutions: [{ language: "python", source: RIGHT }] }, timeoutMs: 120_000 });
  expect(dry.status).toBe(200);
  expect((dry.json as { ok: boolean; results: Array<{ verdict: string; tests: unknown[] }> }).results.map((r) => [r.verdict, r.tests.length])).toEqual([["AC", 3]]);
  expect((await request(`${node.baseUrl}/api/problems`, { headers: bearer(teacherToken), body, timeoutMs: 60_000 })).status).toBe(201);

  for (const round of [1, 2]) {
    // The second submission is judged from the worker's cache of the problem's tests.
    const submitted = await request(`${node.baseUrl}/api/submissions`, { headers: bearer(learnerSession.accessToken), body: { problem: "big-sum", language: "python", source: RIGHT } });
    expect(submitted.status).toBe(202);
    const { id } = submitted.json as { id: string };
    const final = await ws.waitFor((f) => f.type === "submission.update" && f.id === id && f.status === "done", 120_000, `the final verdict of round ${round}`);
    expect(final.verdict).toBe("AC");
  }
});
