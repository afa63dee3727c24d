/**
 * The hostile suite (sandbox/test/hostile/<case>/): every case through the real runsc, two at a
 * time. Each must get its expected verdict and leak nothing: a marker variable is planted in this
 * process's environment, a marker file outside the box, and a marker greeting on a TCP server on
 * the host's loopback; none may appear in anything a case gets back. Afterwards no container,
 * process, cgroup or bundle of ours may be left, and the judge must still judge.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { startJudge, type Judge, type JudgeResult } from "./judge";
import { HOST_SECRET_FILE, hostileRequest, loadHostileCases } from "./test/hostile-cases";
import { assertRunscInstalled, leftovers, mapConcurrent, NOTHING_LEFT } from "./test/support";

const CONCURRENCY = 2;
const cases = loadHostileCases();
const markers = {
  env: `env-marker-${crypto.randomBytes(8).toString("hex")}`,
  file: `file-marker-${crypto.randomBytes(8).toString("hex")}`,
  net: `net-marker-${crypto.randomBytes(8).toString("hex")}`,
};

let judge: Judge | undefined;
let server: net.Server | undefined;
const results = new Map<string, JudgeResult | Error>();

beforeAll(async () => {
  assertRunscInstalled();
  process.env.AVANTIKA_HOSTILE_MARKER = markers.env;
  fs.mkdirSync(path.dirname(HOST_SECRET_FILE), { recursive: true });
  fs.writeFileSync(HOST_SECRET_FILE, `${markers.file}\n`);
  server = net.createServer((socket) => socket.end(`${markers.net}\n`));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const hostPort = String((server.address() as net.AddressInfo).port);

  judge = await startJudge({ poolSize: CONCURRENCY, selfTest: false });
  const running = judge;
  await mapConcurrent(cases, CONCURRENCY, async (hostile) => {
    try {
      results.set(hostile.name, await running.judge(hostileRequest(hostile, { hostPort })));
    } catch (err) {
      results.set(hostile.name, err as Error);
    }
  });
}, 240_000);

afterAll(async () => {
  await judge?.close(); // idempotent: the last test closes it already
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(path.dirname(HOST_SECRET_FILE), { recursive: true, force: true });
  delete process.env.AVANTIKA_HOSTILE_MARKER;
}, 60_000);

test("the suite has at least 30 cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, hostile) => {
  test(`is ${hostile.expect.verdict}`, () => {
    const result = results.get(hostile.name);
    if (result instanceof Error) throw result;
    expect({ verdict: result?.verdict, message: result?.message }).toEqual(expect.objectContaining({ verdict: hostile.expect.verdict }));
  });

  test("leaks no marker", () => {
    const everything = JSON.stringify(results.get(hostile.name) ?? null);
    for (const marker of Object.values(markers)) expect(everything).not.toContain(marker);
  });
});

test("still judges a normal program afterwards", async () => {
  if (!judge) throw new Error("the judge did not start");
  const result = await judge.judge({
    language: "c",
    source: '#include <stdio.h>\nint main(void) { long a, b; if (scanf("%ld %ld", &a, &b) != 2) return 1; printf("%ld\\n", a + b); return 0; }\n',
    tests: [
      { input: "1 2\n", output: "3\n" },
      { input: "-5 5\n", output: "0\n" },
    ],
  });
  expect(result.verdict).toBe("AC");
  expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC"]);
}, 60_000);

test("closing the judge leaves no container, process, cgroup or bundle behind", async () => {
  if (!judge) throw new Error("the judge did not start");
  await judge.close();
  expect(await leftovers(judge.host)).toEqual(NOTHING_LEFT);
}, 60_000);
