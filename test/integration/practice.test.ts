/**
 * Practice end to end on the cluster shape in one process: real NATS JetStream channels, real
 * PostgreSQL and Redis, the real gVisor judge. An instructor authors a problem; a learner submits
 * a wrong and then a right solution and watches per-test verdicts arrive over the WebSocket.
 */
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { bearer, login, register } from "../fixtures/accounts";
import { request } from "../support/http";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";
import { WsClient } from "../support/ws";

jest.setTimeout(180_000);

const ADMIN = { email: "teacher@avantika.test", password: "teacher-password-1" };
const big = Array.from({ length: 30_000 }, (_, i) => i % 1000).join(" ");
const bigSum = String(Array.from({ length: 30_000 }, (_, i) => i % 1000).reduce((a, b) => a + b, 0));

const problem = {
  slug: "sum-of-numbers",
  title: "Sum of numbers",
  statement: "Read integers until the end of the input and print their sum.",
  difficulty: "easy",
  tags: ["arrays"],
  limits: { timeMs: 2000, memoryMb: 256 },
  checker: "tokens",
  tests: [
    { input: "1 2 3\n", output: "6\n", sample: true },
    { input: "-5 5\n", output: "0\n" },
    { input: "\n", output: "0\n" },
    { input: `${big}\n`, output: `${bigSum}\n` },
  ],
};

const WRONG = "import sys\nnums = list(map(int, sys.stdin.read().split()))\nprint(sum(nums[:3]))\n";
const RIGHT = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n";

let db: TestDatabase;
let node: TestNode;
let teacher: string;
let learner: { token: string; id: string };
let ws: WsClient;

beforeAll(async () => {
  db = await createTestDatabase("practice");
  node = await startTestNode({
    services: ["api", "realtime", "auth", "users", "practice", "sandbox"],
    namespace: uniqueNamespace("practice"),
    databaseUrl: db.url,
    env: { AVANTIKA_ADMIN_EMAIL: ADMIN.email, AVANTIKA_ADMIN_PASSWORD: ADMIN.password, SANDBOX_POOL_SIZE: "1", PROBLEMS_DIR: "/nonexistent" },
  });
  teacher = ((await login(node.baseUrl, ADMIN.email, ADMIN.password)).json as { accessToken: string }).accessToken;
  const session = (await register(node.baseUrl, { cookie: false })).session;
  learner = { token: session.accessToken, id: session.user.id };
  const config = (await request(`${node.baseUrl}/api/config`)).json as { wsUrl: string };
  ws = await WsClient.connect(config.wsUrl, learner.token);
  ws.send({ type: "subscribe", topic: `user:${learner.id}` });
  await ws.waitFor((f) => f.type === "subscribed");
});

afterAll(async () => {
  ws?.close();
  await node?.stop();
  await db?.drop();
});

const api = (path: string, token: string, body?: unknown, method?: string) => request(`${node.baseUrl}/api${path}`, { headers: bearer(token), body, method, timeoutMs: 60_000 });

describe("authoring", () => {
  it("lets an instructor create a problem (with a large test) and refuses learners and duplicates", async () => {
    expect((await api("/problems", learner.token, problem)).status).toBe(403);
    const created = await api("/problems", teacher, problem);
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ slug: problem.slug });
    const again = await api("/problems", teacher, problem);
    expect(again.status).toBe(409);
    expect((await api("/problems", teacher, { ...problem, slug: "x", tests: [] })).status).toBe(422);
  });

  it("shows learners the statement and samples, never the secret tests", async () => {
    const list = (await api("/problems?difficulty=easy", learner.token)).json as { items: Array<{ slug: string; solvedByMe: boolean }>; total: number };
    expect(list.items.find((p) => p.slug === problem.slug)).toMatchObject({ solvedByMe: false });
    const shown = (await api(`/problems/${problem.slug}`, learner.token)).json as Record<string, unknown>;
    expect(shown).toMatchObject({ slug: problem.slug, title: problem.title, limits: problem.limits, samples: [{ input: "1 2 3\n", output: "6\n" }] });
    expect(JSON.stringify(shown)).not.toContain(bigSum);
    expect(shown).not.toHaveProperty("tests");
    expect((await api("/problems/no-such-problem", learner.token)).status).toBe(404);
  });
});

describe("judging", () => {
  async function submitAndWait(source: string) {
    const res = await api("/submissions", learner.token, { problem: problem.slug, language: "python", source });
    expect(res.status).toBe(202);
    const { id, status } = res.json as { id: string; status: string };
    expect(status).toBe("queued");
    const final = await ws.waitFor((f) => f.type === "submission.update" && f.id === id && f.status === "done", 90_000, "the final verdict");
    return { id, final };
  }

  it("streams per-test verdicts and ends a wrong solution with WA", async () => {
    const { id, final } = await submitAndWait(WRONG);
    expect(final.verdict).toBe("WA");
    const running = ws.frames.filter((f) => f.type === "submission.update" && f.id === id && f.status === "running");
    expect(running.length).toBeGreaterThanOrEqual(2);
    const stored = (await api(`/submissions/${id}`, learner.token)).json as { verdict: string; tests: Array<{ index: number; verdict: string }>; source: string };
    expect(stored.verdict).toBe("WA");
    expect(stored.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "AC", "WA"]);
    expect(stored.source).toBe(WRONG);
  });

  it("accepts a right solution and marks the problem solved", async () => {
    const { id, final } = await submitAndWait(RIGHT);
    expect(final.verdict).toBe("AC");
    const list = (await api("/problems", learner.token)).json as { items: Array<{ slug: string; solvedByMe: boolean }> };
    expect(list.items.find((p) => p.slug === problem.slug)?.solvedByMe).toBe(true);
    const mine = (await api(`/submissions?problem=${problem.slug}`, learner.token)).json as { items: Array<{ id: string; verdict: string }> };
    expect(mine.items[0]).toMatchObject({ id, verdict: "AC" });
    expect(mine.items).toHaveLength(2);
  });

  it("keeps submissions private and refuses bad ones with typed errors", async () => {
    const other = (await register(node.baseUrl, { cookie: false })).session.accessToken;
    const mine = (await api(`/submissions?problem=${problem.slug}`, learner.token)).json as { items: Array<{ id: string }> };
    expect((await api(`/submissions/${mine.items[0]!.id}`, other)).status).toBe(404);
    expect((await api("/submissions", learner.token, { problem: "no-such-problem", language: "python", source: "print(1)" })).status).toBe(404);
    expect((await api("/submissions", learner.token, { problem: problem.slug, language: "brainfuck", source: "+" })).status).toBe(422);
    expect((await api("/submissions", learner.token, { problem: problem.slug, language: "python", source: "#".repeat(70_000) })).status).toBe(422);
    // 64 KiB of source is allowed however much JSON escaping grows the body.
    const quoted = await api("/submissions", learner.token, { problem: problem.slug, language: "python", source: `print(1)\n#${'"\\'.repeat(32 * 1024 - 8)}` });
    expect(quoted.status).toBe(202);
    const invalidUtf8 = Buffer.concat([Buffer.from(`{"problem":"${problem.slug}","language":"python","source":"print(1)`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const refused = await request(`${node.baseUrl}/api/submissions`, { headers: { ...bearer(learner.token), "content-type": "application/json" }, body: invalidUtf8 });
    expect(refused.status).toBe(422);
    expect((refused.json as { error: { type: string } }).error.type).toBe("VALIDATION_ERROR");
  });
});

describe("function problems", () => {
  const addTwo = {
    slug: "add-two",
    title: "Add two",
    statement: "Return a + b.",
    difficulty: "easy",
    kind: "function",
    signature: { name: "add", params: [{ name: "a", type: "long" }, { name: "b", type: "long" }], returns: "long" },
    limits: { timeMs: 1000, memoryMb: 256 },
    tests: [
      { input: "[1, 2]", output: "3", sample: true },
      { input: "[-5, 5]", output: "0" },
      { input: "[9007199254740993, 1]", output: "9007199254740994" },
    ],
  };

  it("refuses a function problem without a valid signature or JSON tests", async () => {
    expect((await api("/problems", teacher, { ...addTwo, slug: "no-sig", signature: undefined })).status).toBe(422);
    expect((await api("/problems", teacher, { ...addTwo, slug: "bad-sig", signature: { name: "class", params: [], returns: "int" } })).status).toBe(422);
    expect((await api("/problems", teacher, { ...addTwo, slug: "bad-json", tests: [{ input: "1 2", output: "3", sample: true }] })).status).toBe(422);
  });

  it("gives starter code in every language and judges the function with 64-bit values", async () => {
    expect((await api("/problems", teacher, addTwo)).status).toBe(201);
    const shown = (await api("/problems/add-two", learner.token)).json as { kind: string; starterCode: Record<string, string> };
    expect(shown.kind).toBe("function");
    expect(Object.keys(shown.starterCode).sort()).toEqual(["c", "cpp", "go", "java", "javascript", "python", "typescript"]);
    expect(shown.starterCode.python).toContain("def add(self, a: int, b: int) -> int:");

    const submit = async (language: string, source: string) => {
      const res = await api("/submissions", learner.token, { problem: "add-two", language, source });
      expect(res.status).toBe(202);
      const { id } = res.json as { id: string };
      return ws.waitFor((f) => f.type === "submission.update" && f.id === id && f.status === "done", 90_000, `the ${language} verdict`);
    };
    expect((await submit("python", "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n")).verdict).toBe("AC");
    expect((await submit("javascript", "function add(a, b) {\n  return a + b;\n}\n")).verdict).toBe("AC");
    const wrong = await submit("python", "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return float(a) + b\n");
    expect(wrong.verdict).toBe("WA");
  });
});

describe("custom checkers and the instructor's dry run", () => {
  // Many right answers: any two positive numbers that sum to n. The checker decides (Kattis style).
  const checkerSource = [
    "import sys",
    "n = int(open(sys.argv[1]).read())",
    "parts = sys.stdin.read().split()",
    "ok = len(parts) == 2 and all(p.isdigit() for p in parts) and int(parts[0]) >= 1 and int(parts[1]) >= 1 and int(parts[0]) + int(parts[1]) == n",
    "print('ok' if ok else 'not two positive numbers summing to n')",
    "sys.exit(42 if ok else 43)",
    "",
  ].join("\n");
  const split = {
    slug: "split-the-number",
    title: "Split the number",
    statement: "Print two positive integers whose sum is n.",
    difficulty: "easy",
    tags: ["math"],
    limits: { timeMs: 2000, memoryMb: 256 },
    checker: { custom: { language: "python", source: checkerSource } },
    tests: [
      { input: "10\n", output: "5 5\n", sample: true },
      { input: "2\n", output: "1 1\n" },
      { input: "999999\n", output: "1 999998\n" },
    ],
  };
  const HALVES = "n = int(input())\nprint(n // 2, n - n // 2)\n";
  const OFF = "n = int(input())\nprint(0, n)\n";
  const SLOW = "n = int(input())\nwhile True:\n    pass\n";

  it("judges reference solutions before publishing and reports each verdict", async () => {
    const run = await api("/problems/dry-run", teacher, {
      ...split,
      solutions: [
        { language: "python", source: HALVES },
        { language: "cpp", source: "#include <iostream>\nint main(){long long n;std::cin>>n;std::cout<<1<<' '<<n-1<<'\\n';}\n" },
        { language: "python", source: OFF, expected: "WA" },
        { language: "python", source: SLOW, expected: "TLE" },
      ],
    });
    expect(run.status).toBe(200);
    const body = run.json as { ok: boolean; results: Array<{ language: string; expected: string; verdict: string; tests: unknown[] }> };
    expect(body.results.map((r) => [r.language, r.expected, r.verdict])).toEqual([
      ["python", "AC", "AC"],
      ["cpp", "AC", "AC"],
      ["python", "WA", "WA"],
      ["python", "TLE", "TLE"],
    ]);
    expect(body.ok).toBe(true);
    // Nothing was stored by the dry run.
    expect((await api(`/problems/${split.slug}`, learner.token)).status).toBe(404);
    expect((await api("/problems/dry-run", learner.token, { ...split, solutions: [{ language: "python", source: HALVES }] })).status).toBe(403);
  });

  it("refuses to publish when a reference solution fails, and publishes when they pass", async () => {
    const refused = await api("/problems", teacher, { ...split, solutions: [{ language: "python", source: OFF }] });
    expect(refused.status).toBe(422);
    const error = (refused.json as { error: { type: string; data: { results: Array<{ verdict: string }> } } }).error;
    expect(error.type).toBe("DRY_RUN_FAILED");
    expect(error.data.results[0]?.verdict).toBe("WA");
    expect((await api(`/problems/${split.slug}`, learner.token)).status).toBe(404);

    expect((await api("/problems", teacher, { ...split, solutions: [{ language: "python", source: HALVES }] })).status).toBe(201);
    const shown = (await api(`/problems/${split.slug}`, learner.token)).json as { checker: unknown };
    expect(shown.checker).toEqual({ custom: { language: "python" } }); // the checker's source stays private
  });

  it("accepts a learner's answer that differs from the reference answer, through the checker", async () => {
    const res = await api("/submissions", learner.token, { problem: split.slug, language: "python", source: "n = int(input())\nprint(n - 1, 1)\n" });
    expect(res.status).toBe(202);
    const { id } = res.json as { id: string };
    const final = await ws.waitFor((f) => f.type === "submission.update" && f.id === id && f.status === "done", 90_000, "the final verdict");
    expect(final.verdict).toBe("AC");
  });

  it("refuses a custom checker on a function problem and a checker in an unknown language", async () => {
    const fn = { ...split, slug: "fn-with-checker", kind: "function", signature: { name: "f", params: [{ name: "n", type: "int" }], returns: "int" }, tests: [{ input: "[1]", output: "1", sample: true }] };
    expect((await api("/problems", teacher, fn)).status).toBe(422);
    expect((await api("/problems", teacher, { ...split, slug: "bad-checker", checker: { custom: { language: "cobol", source: "x" } } })).status).toBe(422);
  });
});
