/**
 * `npm run problems:import` against a running cluster (real NATS, PostgreSQL, Redis): the CLI
 * joins as a node without services and streams packages to the practice service, which serves
 * them at once; unchanged packages are left alone, a changed one is replaced, a defective one is
 * refused with a message and exit code 1. And in the embedded shape: refused while the
 * platform's process owns the data dir.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../harness/db";
import { request } from "../support/http";
import { startTestNode, testSigningKey, uniqueNamespace, type TestNode } from "../support/node";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "problems-import.ts");

let db: TestDatabase;
let node: TestNode;
let namespace: string;
let dir: string;

beforeAll(async () => {
  namespace = uniqueNamespace("import");
  db = await createTestDatabase("problems_import");
  node = await startTestNode({ services: ["api", "auth", "users", "practice"], namespace, databaseUrl: db.url, env: { PROBLEMS_DIR: "/nonexistent" } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-import-"));
  for (const slug of ["pair-sum-count", "merge-intervals"]) fs.cpSync(path.join(ROOT, "problems", slug), path.join(dir, slug), { recursive: true });
});

afterAll(async () => {
  await node?.stop();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), NODE_ENV: "test", LOG_LEVEL: "warn", ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const clusterEnv = () => ({ NATS_URL: process.env.TEST_NATS_URL ?? "", NAMESPACE: namespace, SERVICES: "none", JWT_PRIVATE_KEY: testSigningKey() });
const problem = async (slug: string) => request(`${node.baseUrl}/api/problems/${slug}`);

it("imports packages into a running cluster, then leaves unchanged ones alone", async () => {
  expect((await problem("pair-sum-count")).status).toBe(404);
  const first = await runCli(clusterEnv(), [dir]);
  expect(first).toMatchObject({ code: 0 });
  expect(first.output).toMatch(/imported\s+merge-intervals/);
  expect(first.output).toMatch(/imported\s+pair-sum-count/);
  const served = await problem("pair-sum-count");
  expect(served.status).toBe(200);
  expect((served.json as { samples: unknown[] }).samples.length).toBeGreaterThan(0);

  const again = await runCli(clusterEnv(), [dir]);
  expect(again.code).toBe(0);
  expect(again.output).toMatch(/unchanged\s+pair-sum-count/);
});

it("replaces a changed package and imports only the slugs named", async () => {
  const statement = path.join(dir, "pair-sum-count", "statement.md");
  fs.writeFileSync(statement, fs.readFileSync(statement, "utf8").replace(/^# (.*)$/m, "# $1 (revised)"));
  const res = await runCli(clusterEnv(), [dir, "pair-sum-count"]);
  expect(res.code).toBe(0);
  expect(res.output).toMatch(/imported\s+pair-sum-count/);
  expect(res.output).not.toMatch(/merge-intervals/);
  expect((await problem("pair-sum-count")).json).toMatchObject({ statement: expect.stringContaining("(revised)") });
});

it("refuses a defective package with its reason and exit code 1, importing the rest", async () => {
  fs.rmSync(path.join(dir, "merge-intervals", "data", "sample"), { recursive: true });
  const res = await runCli(clusterEnv(), [dir]);
  expect(res.code).toBe(1);
  expect(res.output).toMatch(/FAILED .*merge-intervals: no sample tests/);
  expect(res.output).toMatch(/unchanged\s+pair-sum-count/);
  const missing = await runCli(clusterEnv(), [dir, "no-such-problem"]);
  expect(missing.code).toBe(1);
  expect(missing.output).toMatch(/no-such-problem: no such package/);
});

it("in the embedded shape, refuses while the platform's process answers on its port", async () => {
  const port = new URL(node.baseUrl).port; // something answering /api/health there, as the platform would
  const res = await runCli({ SERVICES: "none", PORT: port, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "avantika-import-data-")) }, [dir, "pair-sum-count"]);
  expect(res.code).toBe(1);
  expect(res.output).toMatch(/embedded platform is running .* restart it/);
});

it("in the embedded shape with the platform stopped, imports into its data dir in-process", async () => {
  const env = { SERVICES: "none", PORT: "1", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "avantika-import-data-")) };
  const first = await runCli(env, [dir, "pair-sum-count"]);
  expect(first).toMatchObject({ code: 0 });
  expect(first.output).toMatch(/imported\s+pair-sum-count/);
  expect((await runCli(env, [dir, "pair-sum-count"])).output).toMatch(/unchanged\s+pair-sum-count/);
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
});
