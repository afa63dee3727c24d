/**
 * Timings of the judging core on this machine: `npx tsx sandbox/bench.ts [runs]`.
 * Cold vs warm sandbox start-to-exit, a 10-test C++ and a 10-test Python stdio judge (p50), and
 * the verdict of every hostile case.
 */
import net from "node:net";
import { prepareHost } from "./host";
import { startJudge, type JudgeRequest } from "./judge";
import { Sandbox, type StepSpec } from "./runsc";
import { hostileRequest, loadHostileCases } from "./test/hostile-cases";
import { mapConcurrent } from "./test/support";

const TRUE_STEP: StepSpec = {
  argv: ["/usr/bin/true"],
  env: { PATH: "/usr/bin:/bin" },
  cwd: "run",
  cpuMs: 1000,
  wallMs: 3000,
  memoryMb: 64,
  fsizeKb: 1024,
  nproc: 8,
  nofile: 64,
  stackKb: 8192,
  stdoutMaxBytes: 65536,
  stderrMaxBytes: 65536,
};

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [Math.round(performance.now() - started), value];
}

function sumRequest(language: "cpp" | "python", source: string): JudgeRequest {
  return {
    language,
    source,
    tests: Array.from({ length: 10 }, (_, i) => ({ input: `${i} ${i * 7}\n`, output: `${i * 8}\n` })),
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const host = await prepareHost();

  const cold: number[] = [];
  const coldReady: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const sandbox = await Sandbox.start(host);
    coldReady.push(Math.round(performance.now() - started));
    await sandbox.step(TRUE_STEP);
    cold.push(Math.round(performance.now() - started));
    await sandbox.destroy();
  }
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sandbox = await Sandbox.start(host);
    const [ms] = await timed(() => sandbox.step(TRUE_STEP));
    warm.push(ms);
    await sandbox.destroy();
  }
  console.log(`sandbox start-to-exit of /usr/bin/true: cold p50 ${p50(cold)} ms (ready after ${p50(coldReady)} ms), warm p50 ${p50(warm)} ms`);

  const judge = await startJudge({ poolSize: 2, selfTest: false });
  const cpp = sumRequest("cpp", "#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n");
  const python = sumRequest("python", "a, b = map(int, input().split())\nprint(a + b)\n");
  for (const [name, request] of [["C++ (bits/stdc++.h)", cpp], ["Python", python]] as const) {
    const totals: number[] = [];
    const compiles: number[] = [];
    const perTest: number[] = [];
    for (let i = 0; i < runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the pool refill: measure warm judging
      const [ms, result] = await timed(() => judge.judge(request));
      if (result.verdict !== "AC") throw new Error(`${name}: ${result.verdict} ${result.message ?? ""}`);
      totals.push(ms);
      compiles.push(result.compile?.timeMs ?? 0);
      perTest.push(p50(result.tests.map((t) => t.wallMs)));
    }
    console.log(`10-test ${name} judge: p50 ${p50(totals)} ms end to end (compile CPU p50 ${p50(compiles)} ms, per-test wall p50 ${p50(perTest)} ms)`);
  }

  const server = net.createServer((socket) => socket.end("hello\n")).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const hostPort = String((server.address() as net.AddressInfo).port);
  const cases = loadHostileCases();
  const [suiteMs, rows] = await timed(() =>
    mapConcurrent(cases, 2, async (hostile) => {
      const [ms, result] = await timed(() => judge.judge(hostileRequest(hostile, { hostPort })));
      const test = result.tests[result.tests.length - 1];
      return { hostile, ms, result, test };
    }),
  );
  for (const { hostile, ms, result, test } of rows) {
    const ok = result.verdict === hostile.expect.verdict ? "ok  " : "FAIL";
    const detail = test ? `cpu ${test.timeMs} ms, wall ${test.wallMs} ms, mem ${test.memoryKb} KB` : (result.compile?.message ?? "");
    console.log(`${ok} ${hostile.name.padEnd(28)} ${result.verdict.padEnd(4)} (want ${hostile.expect.verdict}) ${String(ms).padStart(5)} ms  ${detail}`);
  }
  console.log(`hostile suite: ${cases.length} cases in ${suiteMs} ms at concurrency 2`);
  server.close();
  await judge.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
