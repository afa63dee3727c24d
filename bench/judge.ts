/**
 * bench/judge: a submission judged end to end in the cluster shape — a node with
 * api,realtime,auth,users,practice and separate sandbox worker processes (SERVICES=sandbox, real
 * runsc), over a real nats-server, PostgreSQL and Redis — next to the same programs run bare on
 * the host. Needs root and runsc, like the judge itself. `npx tsx bench/run.ts judge`.
 *
 * (a) POST /api/submissions → `{type:"submission.update", status:"done"}` on `user:<id>` over the
 *     WebSocket, sequential, p50/p99: cold (a worker with SANDBOX_POOL_SIZE=0: every submission
 *     starts its sandbox) and warm (pool of 2, 300 ms between submissions so the pool has refilled),
 *     for a 10-test twoSum FUNCTION problem in Python and in JavaScript and the same tests as a
 *     STDIO problem in C++. The time is split with the `running` frames: dispatch (POST → the
 *     worker's first frame), judge (→ its last test frame), finalize (→ the final verdict).
 * (b) The same programs on the same tests, bare: the very harness program the judge builds
 *     (buildProgram) fed the very stdin, one process per submission; the C++ binary compiled by the
 *     host's g++ with the judge's flags and PCH, one process per test. CPU from wait4() rusage.
 * (c) BENCH_QUEUE (200) Python function submissions posted at once, with 1 and then 2 sandbox
 *     worker processes, against the bare harness run as many times with `cores` in parallel.
 *
 * "Platform CPU" is the CPU of every process this bench started (nodes, sandboxes, runsc, NATS,
 * PostgreSQL, Redis), from cgroup v1 cpuacct: the bench moves itself into a cgroup of its own
 * (removed at the end), and the sandboxes are in the judge's. Other load on the machine does not
 * count; the platform's idle rate is subtracted. Env: BENCH_RUNS (20), BENCH_COLD_RUNS (5),
 * BENCH_QUEUE (200). About 4 minutes on 2 cores.
 * Goals (judge issue): warm p50 <= 400 ms Python function, <= 40 ms JavaScript; throughput >= 70% of bare.
 */
import crypto from "node:crypto";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import WebSocket from "ws";
import { buildProgram, headerLine } from "../sandbox/function/harness";
import { parseHarnessOutput } from "../sandbox/function/judgeFunction";
import { parseSignature, type FunctionSignature } from "../sandbox/function/signature";
import { compareValues, encodeValue, parseJson, toValue, type Json } from "../sandbox/function/values";
import { expandArgv, LANGUAGES, resolveLimits, stackMbFor, type LanguageId } from "../sandbox/languages";
import { freePort, startNats, startPostgres, startRedis, type RunningServer } from "../test/harness/servers";
import { startChildNode, type ChildNode } from "../test/support/child-node";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20));
const COLD_RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 5));
const QUEUE = Math.max(1, Number(process.env.BENCH_QUEUE ?? 200));
const GAP_MS = 300;
const CORES = os.cpus().length;
const CPUACCT = "/sys/fs/cgroup/cpuacct";
const JUDGE_STATE_DIR = "/var/tmp/avantika-judge";
const ADMIN = { email: "bench-admin@avantika.test", password: "bench-admin-password-1" };

// ---------------------------------------------------------------------------------------------
// The problem: twoSum, ten tests from 2 to 5000 numbers (a POST body stays under BODY_LIMIT 100 kb)

const SIGNATURE: FunctionSignature = parseSignature({
  name: "twoSum",
  params: [
    { name: "nums", type: "int[]" },
    { name: "target", type: "int" },
  ],
  returns: "int[]",
});
const LIMITS = { timeMs: 1000, memoryMb: 256 };
const SIZES = [2, 3, 4, 10, 50, 100, 500, 1000, 2000, 5000];

interface Case {
  nums: number[];
  target: number;
  answer: [number, number];
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct odd numbers and one even one: the target (odd) has exactly one pair. */
function makeCases(): Case[] {
  const rand = mulberry32(20240601);
  return SIZES.map((n) => {
    const used = new Set<number>();
    const nums: number[] = [];
    while (nums.length < n) {
      const v = 2 * Math.floor(rand() * 500_000) + 1;
      if (!used.has(v)) {
        used.add(v);
        nums.push(v);
      }
    }
    const p = Math.floor(rand() * n);
    let q = Math.floor(rand() * (n - 1));
    if (q >= p) q += 1;
    const even = 2 * Math.floor(rand() * 500_000);
    nums[p] = even;
    return { nums, target: even + (nums[q] ?? 0), answer: [Math.min(p, q), Math.max(p, q)] };
  });
}

const CASES = makeCases();
const FUNCTION_TESTS = CASES.map((c, i) => ({ input: JSON.stringify([c.nums, c.target]), output: JSON.stringify(c.answer), sample: i === 0 }));
const STDIO_TESTS = CASES.map((c, i) => ({ input: `${c.nums.length} ${c.target}\n${c.nums.join(" ")}\n`, output: `${c.answer[0]} ${c.answer[1]}\n`, sample: i === 0 }));

const PYTHON_SOURCE = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            j = seen.get(target - x)
            if j is not None:
                return [j, i]
            seen[x] = i
        return []
`;
const JS_SOURCE = `function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return [];
}
`;
const CPP_SOURCE = `#include <bits/stdc++.h>
using namespace std;
int main() {
  ios::sync_with_stdio(false);
  cin.tie(nullptr);
  int n;
  long long target;
  cin >> n >> target;
  vector<long long> a(n);
  for (auto& x : a) cin >> x;
  unordered_map<long long, int> seen;
  seen.reserve(2 * n);
  for (int i = 0; i < n; i++) {
    auto it = seen.find(target - a[i]);
    if (it != seen.end()) { cout << it->second << " " << i << "\\n"; return 0; }
    seen[a[i]] = i;
  }
  cout << "-1 -1\\n";
}
`;

interface Variant {
  key: "python" | "cpp" | "javascript";
  label: string;
  problem: string;
  language: LanguageId;
  source: string;
}

const VARIANTS: Variant[] = [
  { key: "python", label: "python function", problem: "bench-two-sum", language: "python", source: PYTHON_SOURCE },
  { key: "cpp", label: "c++ stdio", problem: "bench-two-sum-stdio", language: "cpp", source: CPP_SOURCE },
  { key: "javascript", label: "javascript function", problem: "bench-two-sum", language: "javascript", source: JS_SOURCE },
];

// ---------------------------------------------------------------------------------------------
// Figures

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
const p50 = (values: number[]) => percentile(values, 0.5);
const p99 = (values: number[]) => percentile(values, 0.99);
const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : "-");
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : "-");
const sleep = (msValue: number) => new Promise<void>((resolve) => setTimeout(resolve, msValue));

/**
 * CPU of everything this bench started, from cgroup v1 cpuacct (counts survive process exits and
 * re-parenting): the bench's own cgroup, which its servers, nodes and their runsc commands inherit,
 * plus the judge's parent cgroup, which holds every sandbox (runsc run, the sentry, the gofer, the
 * program) — minus the bench process's own CPU. Another judge on the machine (another session's
 * tests) would count too: a watcher notices their sandboxes and the figures it spoilt get a "*".
 */
interface CpuReading {
  total: number;
  /** The judge's cgroup: `runsc run`, the sentry, the gofer and the program of every sandbox. */
  sandboxes: number;
  /** Watcher ticks that saw another judge's sandbox; a difference above 0 spoils the figure. */
  foreign: number;
}

/** (after - before - idle per ms × elapsed) / count, both parts. */
function cpuPer(after: CpuReading, before: CpuReading, count: number, idle?: CpuReading, elapsedMs = 0): CpuReading {
  return {
    total: (after.total - before.total - (idle?.total ?? 0) * elapsedMs) / count,
    sandboxes: (after.sandboxes - before.sandboxes - (idle?.sandboxes ?? 0) * elapsedMs) / count,
    foreign: after.foreign - before.foreign + (idle?.foreign ?? 0),
  };
}

/** A CPU figure, marked when another judge ran meanwhile. */
function cpuFigure(reading: CpuReading, value: number): string {
  return `${ms(value)}${reading.foreign > 0 ? "*" : ""}`;
}

class PlatformCpu {
  private readonly dir = path.join(CPUACCT, `avantika-bench-${process.pid}`);
  readonly available: boolean;
  /** Pids of other judges seen. */
  readonly foreign = new Set<number>();
  private foreignTicks = 0;
  private readonly watcher = setInterval(() => {
    const found = foreignJudges();
    if (found.size) this.foreignTicks += 1;
    for (const pid of found) this.foreign.add(pid);
  }, 250);

  constructor() {
    let available = false;
    try {
      fs.mkdirSync(this.dir);
      fs.writeFileSync(path.join(this.dir, "cgroup.procs"), String(process.pid));
      available = true;
    } catch {
      // no cgroup v1 cpuacct (or not root): the platform CPU is not shown
    }
    this.available = available;
  }

  /** Milliseconds so far (compare two readings): everything, and the sandboxes' part of it. */
  read(): CpuReading {
    if (!this.available) return { total: NaN, sandboxes: NaN, foreign: 0 };
    const usageMs = (dir: string) => Number(fs.readFileSync(path.join(dir, "cpuacct.usage"), "utf8").trim()) / 1e6;
    const self = process.cpuUsage();
    const judgeDir = path.join(CPUACCT, "avantika-judge");
    const sandboxes = fs.existsSync(judgeDir) ? usageMs(judgeDir) : 0;
    return { total: usageMs(this.dir) + sandboxes - (self.user + self.system) / 1000, sandboxes, foreign: this.foreignTicks };
  }

  /** Back to the root cgroup; the bench's cgroup is removed once everything in it has exited. */
  async close(): Promise<void> {
    clearInterval(this.watcher);
    if (!this.available) return;
    fs.writeFileSync(path.join(CPUACCT, "cgroup.procs"), String(process.pid));
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        fs.rmdirSync(this.dir);
        return;
      } catch {
        await sleep(100); // a server's watchdog shell still exiting
      }
    }
    console.error(`bench/judge: could not remove ${this.dir} (processes still in it)`);
  }
}

/** Live judges (by the pid in their sandboxes' names) that this bench did not start: their CPU would count too. */
function foreignJudges(): Set<number> {
  const found = new Set<number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(path.join(CPUACCT, "avantika-judge"));
  } catch {
    return found;
  }
  for (const entry of entries) {
    const pid = Number(/^avj-(\d+)-/.exec(entry)?.[1] ?? NaN);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone: a stale directory the next judge start sweeps
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid !== process.pid) found.add(pid); // the bench's workers are its own children
  }
  return found;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

// ---------------------------------------------------------------------------------------------
// The cluster's side: HTTP and the WebSocket

async function http(base: string, route: string, token: string | undefined, body?: unknown, method?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${route}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Timeline {
  submittedAt: number;
  firstRunningAt?: number;
  firstTestAt?: number;
  lastRunningAt?: number;
  doneAt?: number;
  verdict?: string;
  /** Sum of the per-test timeMs of the final verdict (what the judge reports). */
  testTimeMs?: number;
  testCount?: number;
}

/** One socket following `user:<id>`; timelines keyed by submission id (frames may beat the POST's answer). */
class VerdictStream {
  private readonly timelines = new Map<string, Timeline>();
  private readonly waiters = new Map<string, () => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => this.onFrame(data.toString("utf8")));
  }

  static async open(url: string, token: string, userId: string): Promise<VerdictStream> {
    const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    const subscribed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no 'subscribed' frame within 10 s")), 10_000);
      const onMessage = (data: Buffer) => {
        const frame: unknown = JSON.parse(data.toString("utf8"));
        if (isRecord(frame) && frame.type === "subscribed") {
          clearTimeout(timer);
          socket.off("message", onMessage);
          resolve();
        }
      };
      socket.on("message", onMessage);
    });
    socket.send(JSON.stringify({ type: "subscribe", topic: `user:${userId}` }));
    await subscribed;
    return new VerdictStream(socket);
  }

  private timeline(id: string): Timeline {
    let timeline = this.timelines.get(id);
    if (!timeline) {
      timeline = { submittedAt: NaN };
      this.timelines.set(id, timeline);
    }
    return timeline;
  }

  private onFrame(text: string): void {
    const now = performance.now();
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(frame) || frame.type !== "submission.update" || typeof frame.id !== "string") return;
    const timeline = this.timeline(frame.id);
    const tests = Array.isArray(frame.tests) ? frame.tests.filter(isRecord) : [];
    if (frame.status === "running") {
      timeline.firstRunningAt ??= now;
      if (tests.length > 0) timeline.firstTestAt ??= now;
      timeline.lastRunningAt = now;
    } else if (frame.status === "done" && timeline.doneAt === undefined) {
      timeline.doneAt = now;
      timeline.verdict = typeof frame.verdict === "string" ? frame.verdict : "?";
      timeline.testCount = tests.length;
      timeline.testTimeMs = tests.reduce((sum, t) => sum + (typeof t.timeMs === "number" ? t.timeMs : 0), 0);
      this.waiters.get(frame.id)?.();
    }
  }

  track(id: string, submittedAt: number): void {
    this.timeline(id).submittedAt = submittedAt;
  }

  /** The timeline once the final verdict arrived, or undefined after timeoutMs. */
  wait(id: string, timeoutMs: number): Promise<Timeline | undefined> {
    const timeline = this.timeline(id);
    if (timeline.doneAt !== undefined) return Promise.resolve(timeline);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(id, () => {
        clearTimeout(timer);
        this.waiters.delete(id);
        resolve(timeline);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

interface Cluster {
  base: string;
  token: string;
  stream: VerdictStream;
  cpu: PlatformCpu;
  databaseUrl: string;
}

async function submit(cluster: Cluster, variant: Variant): Promise<{ id: string; submittedAt: number }> {
  const submittedAt = performance.now();
  const res = await http(cluster.base, "/api/submissions", cluster.token, { problem: variant.problem, language: variant.language, source: variant.source });
  if (res.status !== 202 || !isRecord(res.json) || typeof res.json.id !== "string") throw new Error(`POST /api/submissions answered ${res.status}: ${JSON.stringify(res.json)}`);
  cluster.stream.track(res.json.id, submittedAt);
  return { id: res.json.id, submittedAt };
}

interface Series {
  wall: number[];
  dispatch: number[];
  judge: number[];
  /** Part of judge: the worker's first frame → the first test's frame (sandbox, compile; function problems: everything). */
  firstTest: number[];
  finalize: number[];
  /** Judge-reported: sum of the tests' timeMs. */
  reportedMs: number[];
  verdicts: Map<string, number>;
  /** Platform CPU per submission, idle rate subtracted. */
  platformCpu: CpuReading;
}

async function sequential(cluster: Cluster, variant: Variant, runs: number, idleCpuPerMs: CpuReading): Promise<Series> {
  const series: Series = { wall: [], dispatch: [], judge: [], firstTest: [], finalize: [], reportedMs: [], verdicts: new Map(), platformCpu: { total: NaN, sandboxes: NaN, foreign: 0 } };
  const cpuBefore = cluster.cpu.read();
  const startedAt = performance.now();
  for (let i = 0; i < runs; i++) {
    const { id, submittedAt } = await submit(cluster, variant);
    const t = await cluster.stream.wait(id, 120_000);
    if (!t || t.doneAt === undefined) {
      series.verdicts.set("no verdict in 120 s", (series.verdicts.get("no verdict in 120 s") ?? 0) + 1);
      continue;
    }
    series.wall.push(t.doneAt - submittedAt);
    if (t.firstRunningAt !== undefined && t.lastRunningAt !== undefined) {
      series.dispatch.push(t.firstRunningAt - submittedAt);
      series.judge.push(t.lastRunningAt - t.firstRunningAt);
      series.finalize.push(t.doneAt - t.lastRunningAt);
      if (t.firstTestAt !== undefined) series.firstTest.push(t.firstTestAt - t.firstRunningAt);
    }
    series.reportedMs.push(t.testTimeMs ?? NaN);
    const verdict = `${t.verdict ?? "?"}${t.testCount === CASES.length ? "" : ` (${t.testCount ?? 0} tests)`}`;
    series.verdicts.set(verdict, (series.verdicts.get(verdict) ?? 0) + 1);
    await sleep(GAP_MS);
  }
  const elapsed = performance.now() - startedAt;
  // what the platform burns doing nothing (heartbeats, polls) is taken off; the pool's refills stay in
  series.platformCpu = cpuPer(cluster.cpu.read(), cpuBefore, runs, idleCpuPerMs, elapsed);
  return series;
}

interface Throughput {
  done: number;
  lost: number;
  seconds: number;
  perSecond: number;
  /** Platform CPU per submission (idle included: it is small next to a busy judge). */
  cpu: CpuReading;
  /** Share of all cores the platform used. */
  busy: number;
  /** 1-minute load average at the end (other sessions' load shows here). */
  load: number;
  verdicts: Map<string, number>;
  /** Submissions per worker node (practice.submissions.judged_by). */
  judgedBy: string;
}

async function queued(cluster: Cluster, variant: Variant, count: number): Promise<Throughput> {
  const cpuBefore = cluster.cpu.read();
  const startedAt = performance.now();
  const posted = await Promise.all(Array.from({ length: count }, () => submit(cluster, variant)));
  const timelines = await Promise.all(posted.map((p) => cluster.stream.wait(p.id, 300_000)));
  let lastDone = startedAt;
  let lost = 0;
  const verdicts = new Map<string, number>();
  for (const [i, t] of timelines.entries()) {
    if (t?.doneAt !== undefined) {
      lastDone = Math.max(lastDone, t.doneAt);
      verdicts.set(t.verdict ?? "?", (verdicts.get(t.verdict ?? "?") ?? 0) + 1);
      continue;
    }
    const row = await http(cluster.base, `/api/submissions/${posted[i]?.id ?? ""}`, cluster.token);
    lost += 1;
    const status = isRecord(row.json) ? String(row.json.status) : "?";
    verdicts.set(`no frame (status ${status})`, (verdicts.get(`no frame (status ${status})`) ?? 0) + 1);
  }
  const seconds = (lastDone - startedAt) / 1000;
  const cpuAfter = cluster.cpu.read();
  const load = os.loadavg()[0] ?? NaN;
  const done = count - lost;
  const db = new Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  let judgedBy = "";
  try {
    // the final frame is pushed before practice's transaction commits: give the last rows a moment
    for (let attempt = 0; attempt < 50; attempt++) {
      const rows = await db.query<{ judged_by: string | null; n: string }>(
        "SELECT judged_by, count(*) AS n FROM practice.submissions WHERE id = ANY($1::uuid[]) AND status = 'done' GROUP BY judged_by ORDER BY judged_by",
        [posted.map((p) => p.id)],
      );
      judgedBy = rows.rows.map((r) => `${r.judged_by ?? "nobody"}×${r.n}`).join(" ");
      if (rows.rows.reduce((sum, r) => sum + Number(r.n), 0) >= done) break;
      await sleep(100);
    }
  } finally {
    await db.end();
  }
  const total = cpuPer(cpuAfter, cpuBefore, 1);
  return { done, lost, seconds, perSecond: done / seconds, cpu: cpuPer(cpuAfter, cpuBefore, Math.max(1, done)), busy: total.total / (seconds * 1000 * CORES), load, verdicts, judgedBy };
}

// ---------------------------------------------------------------------------------------------
// Bare: the same programs on the host, timed with wait4() rusage

/** Runs jobs one after another; wall from spawn to reap, CPU of the child and its reaped children. */
const RUSAGE_PY = `
import json, os, sys, time
results = []
for job in json.load(open(sys.argv[1])):
    fin = os.open(job["stdin"], os.O_RDONLY)
    fout = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    ferr = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.posix_spawn(job["argv"][0], job["argv"], dict(os.environ), file_actions=[(os.POSIX_SPAWN_DUP2, fin, 0), (os.POSIX_SPAWN_DUP2, fout, 1), (os.POSIX_SPAWN_DUP2, ferr, 2)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    for fd in (fin, fout, ferr):
        os.close(fd)
    results.append({"wallMs": wall * 1000, "cpuMs": (ru.ru_utime + ru.ru_stime) * 1000, "status": status})
json.dump(results, sys.stdout)
`;

interface Job {
  argv: string[];
  stdin: string;
  out: string;
}
interface Measured {
  wallMs: number;
  cpuMs: number;
  status: number;
}

function runJobs(dir: string, jobs: Job[]): Promise<Measured[]> {
  const helper = path.join(dir, "rusage.py");
  if (!fs.existsSync(helper)) fs.writeFileSync(helper, RUSAGE_PY);
  const spec = path.join(dir, `jobs-${crypto.randomBytes(4).toString("hex")}.json`);
  fs.writeFileSync(spec, JSON.stringify(jobs));
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/python3", [helper, spec], { maxBuffer: 64 << 20 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as Measured[]);
    });
  });
}

interface Bare {
  /** Per submission: wall and CPU (C++: the 10 test processes; compile separately). */
  wall: number[];
  cpu: number[];
  /** Function problems: the sum of the harness's per-call ms, rounded per test as the judge reports it. */
  reportedMs: number[];
  compileWall: number[];
  compileCpu: number[];
  correct: number;
  runs: number;
}

function functionStdin(language: LanguageId, nonce: string): string {
  const limits = resolveLimits(LANGUAGES[language], LIMITS);
  const lines = FUNCTION_TESTS.map((t) => {
    const input = parseJson(t.input);
    if (input.kind !== "array") throw new Error("a test input is not an array");
    const args = SIGNATURE.params.map((param, k) => encodeValue(toValue(input.items[k] as Json, param.type), param.type, { longAsString: language === "javascript" }));
    return `0 [${args.join(",")}]\n`;
  });
  return `${headerLine({ nonce, count: FUNCTION_TESTS.length, stackMb: stackMbFor(limits), capture: false })}\n${lines.join("")}`;
}

/** The judge's run argv with the in-box path of the program replaced by `file`. */
function hostArgv(language: LanguageId, file: string): string[] {
  return expandArgv(LANGUAGES[language].run, resolveLimits(LANGUAGES[language], LIMITS)).map((arg) => (arg.startsWith("/work/box/") ? file : arg));
}

async function bareFunction(dir: string, language: "python" | "javascript", source: string, runs: number): Promise<Bare> {
  const program = path.join(dir, language === "python" ? "main.py" : "main.js");
  fs.writeFileSync(program, buildProgram(SIGNATURE, language, source));
  const nonce = crypto.randomBytes(12).toString("hex");
  const stdin = path.join(dir, `${language}.in`);
  fs.writeFileSync(stdin, functionStdin(language, nonce));
  const jobs = Array.from({ length: runs }, (_, i) => ({ argv: hostArgv(language, program), stdin, out: path.join(dir, `${language}-${i}.out`) }));
  const measured = await runJobs(dir, jobs);
  const bare: Bare = { wall: [], cpu: [], reportedMs: [], compileWall: [], compileCpu: [], correct: 0, runs };
  for (const [i, m] of measured.entries()) {
    bare.wall.push(m.wallMs);
    bare.cpu.push(m.cpuMs);
    const report = parseHarnessOutput(fs.readFileSync(jobs[i]?.out ?? "", "utf8"), nonce, FUNCTION_TESTS.length);
    let ok = m.status === 0 && report.tests.size === FUNCTION_TESTS.length;
    let reported = 0;
    for (const [k, r] of report.tests) {
      reported += Math.round(r.ms);
      const expected = FUNCTION_TESTS[k]?.output ?? "null";
      if (r.kind !== "out" || !compareValues(SIGNATURE.returns, toValue(parseJson(expected), SIGNATURE.returns), toValue(r.value, SIGNATURE.returns, "", false)).ok) ok = false;
    }
    bare.reportedMs.push(reported);
    if (ok) bare.correct += 1;
  }
  return bare;
}

/** The judge's PCH for <bits/stdc++.h>, built by the sandbox worker under its state dir. */
function judgePchDir(): string | undefined {
  let best: { dir: string; mtime: number } | undefined;
  for (const entry of fs.existsSync(JUDGE_STATE_DIR) ? fs.readdirSync(JUDGE_STATE_DIR) : []) {
    const dir = path.join(JUDGE_STATE_DIR, entry, "pch");
    const gch = path.join(dir, "bits", "stdc++.h.gch");
    if (!entry.startsWith("assets-") || !fs.existsSync(gch)) continue;
    const mtime = fs.statSync(gch).mtimeMs;
    if (!best || mtime > best.mtime) best = { dir, mtime };
  }
  return best?.dir;
}

async function bareCpp(dir: string, runs: number, compiles: number): Promise<Bare & { pch: string | undefined }> {
  const source = path.join(dir, "main.cpp");
  const binary = path.join(dir, "main");
  fs.writeFileSync(source, CPP_SOURCE);
  const empty = path.join(dir, "empty.in");
  fs.writeFileSync(empty, "");
  const pch = judgePchDir();
  // LANGUAGES.cpp.compile with the host's paths: same flags, same PCH
  const compileArgv = (LANGUAGES.cpp.compile[0] ?? []).map((arg) => (arg === "-I/judge/pch" ? (pch ? `-I${pch}` : "-I/nonexistent") : arg === "main" ? binary : arg === "main.cpp" ? source : arg));
  const compiled = await runJobs(dir, Array.from({ length: compiles }, () => ({ argv: compileArgv, stdin: empty, out: path.join(dir, "compile.out") })));
  const bare: Bare & { pch: string | undefined } = { wall: [], cpu: [], reportedMs: [], compileWall: compiled.map((m) => m.wallMs), compileCpu: compiled.map((m) => m.cpuMs), correct: 0, runs, pch };
  if (compiled.some((m) => m.status !== 0)) throw new Error(`bare g++ failed: ${JSON.stringify(compiled)}`);
  const inputs = STDIO_TESTS.map((t, k) => {
    const file = path.join(dir, `cpp-${k}.in`);
    fs.writeFileSync(file, t.input);
    return file;
  });
  const jobs = Array.from({ length: runs }, (_, r) => inputs.map((stdin, k) => ({ argv: [binary], stdin, out: path.join(dir, `cpp-${r}-${k}.out`) }))).flat();
  const measured = await runJobs(dir, jobs);
  for (let r = 0; r < runs; r++) {
    const slice = measured.slice(r * inputs.length, (r + 1) * inputs.length);
    bare.wall.push(slice.reduce((s, m) => s + m.wallMs, 0));
    bare.cpu.push(slice.reduce((s, m) => s + m.cpuMs, 0));
    bare.reportedMs.push(slice.reduce((s, m) => s + m.cpuMs, 0));
    const ok = slice.every((m, k) => m.status === 0 && fs.readFileSync(jobs[r * inputs.length + k]?.out ?? "", "utf8").trim().split(/\s+/).join(" ") === (STDIO_TESTS[k]?.output ?? "").trim());
    if (ok) bare.correct += 1;
  }
  return bare;
}

/** `count` runs of the bare Python harness, `CORES` at a time: submissions per second. */
async function bareThroughput(dir: string, count: number): Promise<number> {
  const program = path.join(dir, "main.py");
  const stdinFile = path.join(dir, "python.in");
  const argv = hostArgv("python", program);
  let next = 0;
  const startedAt = performance.now();
  const worker = async () => {
    for (; next < count; ) {
      next += 1;
      await new Promise<void>((resolve, reject) => {
        const fd = fs.openSync(stdinFile, "r");
        const child = spawn(argv[0] ?? "/usr/bin/python3", argv.slice(1), { stdio: [fd, "ignore", "ignore"] });
        child.once("error", reject);
        child.once("exit", () => {
          fs.closeSync(fd);
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: CORES }, worker));
  return count / ((performance.now() - startedAt) / 1000);
}

// ---------------------------------------------------------------------------------------------

export async function benchJudge(): Promise<void> {
  const servers: RunningServer[] = [];
  const nodes: ChildNode[] = [];
  const workers: ChildNode[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-bench-judge-"));
  // before anything is spawned: every process the bench starts inherits the bench's cgroup
  const cpu = new PlatformCpu();
  let stream: VerdictStream | undefined;
  /** The first worker starts (and self-tests) while accounts and problems are made. */
  let coldWorker: Promise<ChildNode> | undefined;
  const loadAtStart = loadAverage();
  const benchStarted = performance.now();
  try {
    const [nats, pg, redis] = await Promise.all([startNats(), startPostgres(), startRedis()]);
    servers.push(nats, pg, redis);
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const [port, wsPort] = [await freePort(), await freePort()];
    const common = {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NAMESPACE: "benchjudge",
      NATS_URL: nats.url,
      REDIS_URL: redis.url,
      DATABASE_URL: pg.url.replace(/\/postgres$/, "/bench"),
      JWT_PRIVATE_KEY: crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      AVANTIKA_DEMO: "0",
      PROBLEMS_DIR: "/nonexistent",
      SUBMISSIONS_PER_MINUTE: "1000000",
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    };
    const dataDir = (name: string) => {
      const dir = path.join(tmp, name);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    };
    nodes.push(
      await startChildNode({
        ...common,
        DATA_DIR: dataDir("main"),
        SERVICES: "api,realtime,auth,users,practice",
        NODE_ID: "bench-main",
        PORT: String(port),
        WS_PORT: String(wsPort),
        HOST: "127.0.0.1",
        AVANTIKA_ADMIN_EMAIL: ADMIN.email,
        AVANTIKA_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    let workerSeq = 0;
    const startWorker = async (poolSize: number): Promise<ChildNode> => {
      workerSeq += 1;
      const worker = await startChildNode({ ...common, DATA_DIR: dataDir(`worker-${workerSeq}`), SERVICES: "sandbox", NODE_ID: `bench-sandbox-${workerSeq}`, SANDBOX_POOL_SIZE: String(poolSize) });
      workers.push(worker);
      return worker;
    };
    const stopWorker = async (worker: ChildNode) => {
      await worker.stop();
      workers.splice(workers.indexOf(worker), 1);
    };
    coldWorker = startWorker(0);
    coldWorker.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    const base = `http://127.0.0.1:${port}`;

    // Accounts and problems while the first worker self-tests.
    let adminToken = "";
    for (let attempt = 0; attempt < 50 && !adminToken; attempt += 1) {
      const res = await http(base, "/api/auth/login", undefined, { ...ADMIN, cookie: false });
      if (res.status === 200 && isRecord(res.json) && typeof res.json.accessToken === "string") adminToken = res.json.accessToken;
      else await sleep(200);
    }
    if (!adminToken) throw new Error("could not log the bench administrator in");
    for (const problem of [
      { slug: "bench-two-sum", kind: "function", signature: SIGNATURE, tests: FUNCTION_TESTS },
      { slug: "bench-two-sum-stdio", kind: "stdio", checker: "tokens", tests: STDIO_TESTS },
    ]) {
      const created = await http(base, "/api/problems", adminToken, { title: "Two sum", statement: "Find the two indices.", difficulty: "easy", limits: LIMITS, ...problem });
      if (created.status !== 201) throw new Error(`POST /api/problems (${problem.slug}) answered ${created.status}: ${JSON.stringify(created.json)}`);
    }
    const registered = await http(base, "/api/auth/register", undefined, { email: "bench-learner@avantika.test", password: "bench-learner-password-1", fullName: "Bench", cookie: false });
    if (registered.status !== 201 || !isRecord(registered.json) || typeof registered.json.accessToken !== "string" || !isRecord(registered.json.user) || typeof registered.json.user.id !== "string") {
      throw new Error(`register answered ${registered.status}`);
    }
    const token = registered.json.accessToken;
    const config = await http(base, "/api/config", undefined);
    if (!isRecord(config.json) || typeof config.json.wsUrl !== "string") throw new Error("GET /api/config has no wsUrl");
    stream = await VerdictStream.open(config.json.wsUrl, token, registered.json.user.id);
    const cluster: Cluster = { base, token, stream, cpu, databaseUrl: common.DATABASE_URL };

    /** Waits until the main node sees the worker (READY comes before the cluster has heard of it) and it judges our languages. */
    const checkLanguages = async (worker: ChildNode) => {
      let last: unknown;
      for (let attempt = 0; attempt < 75; attempt += 1) {
        const languages = await http(base, "/api/languages", token);
        last = languages.json;
        const list = Array.isArray(languages.json) ? languages.json.filter(isRecord) : [];
        if (VARIANTS.every((v) => list.some((l) => l.id === v.language && l.available === true))) return;
        await sleep(200);
      }
      throw new Error(`the sandbox worker cannot judge ${VARIANTS.map((v) => v.language).join(", ")}: GET /api/languages says ${JSON.stringify(last)}\n${worker.output().slice(-3000)}`);
    };
    const idleRate = async (): Promise<CpuReading> => {
      await sleep(1000); // the pool's first refills
      const before = cpu.read();
      await sleep(3000);
      return cpuPer(cpu.read(), before, 3000);
    };

    // (a) cold: every sandbox started for its submission
    const w0 = await coldWorker;
    await checkLanguages(w0);
    const idleCold = await idleRate();
    const cold = new Map<Variant["key"], Series>();
    for (const variant of VARIANTS) cold.set(variant.key, await sequential(cluster, variant, COLD_RUNS, idleCold));
    await stopWorker(w0);

    // (a) warm: a pool of 2, one discarded submission per language first
    const w1 = await startWorker(2);
    await checkLanguages(w1);
    const idle = await idleRate();
    const warm = new Map<Variant["key"], Series>();
    for (const variant of VARIANTS) {
      await sequential(cluster, variant, 1, idle);
      warm.set(variant.key, await sequential(cluster, variant, RUNS, idle));
    }

    // (c) throughput: QUEUE Python function submissions at once, 1 then 2 worker processes
    const python = VARIANTS[0] as Variant;
    const one = await queued(cluster, python, QUEUE);
    const w2 = await startWorker(2);
    await checkLanguages(w2);
    await sleep(1000);
    const two = await queued(cluster, python, QUEUE);
    await stopWorker(w2);
    await stopWorker(w1);

    // (b) bare, with the workers gone (the main node and servers idle)
    const bareDir = path.join(tmp, "bare");
    fs.mkdirSync(bareDir);
    const bare = new Map<Variant["key"], Bare>();
    bare.set("python", await bareFunction(bareDir, "python", PYTHON_SOURCE, RUNS));
    bare.set("javascript", await bareFunction(bareDir, "javascript", JS_SOURCE, RUNS));
    const cpp = await bareCpp(bareDir, RUNS, 3);
    bare.set("cpp", cpp);
    const bareRate = await bareThroughput(bareDir, QUEUE);
    const bareLoad = os.loadavg()[0] ?? NaN;

    // ------------------------------------------------------------------------------------------
    const out: string[] = [];
    const line = (s = "") => out.push(s);
    line();
    line(`bench/judge — ${CORES} cores, runsc; load average at start ${loadAtStart}, at end ${loadAverage()}; ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
    line(`twoSum, 10 tests (n = ${SIZES.join(", ")}); limits ${LIMITS.timeMs} ms / ${LIMITS.memoryMb} MB; sequential submissions ${GAP_MS} ms apart`);
    line();
    line("(a) POST /api/submissions → final verdict on the WebSocket (ms)");
    line("                       runs   p50    p99  | p50: dispatch  judge (to 1st test)  finalize | verdicts");
    for (const [mode, table, runs] of [["cold", cold, COLD_RUNS], ["warm", warm, RUNS]] as const) {
      for (const v of VARIANTS) {
        const s = table.get(v.key);
        if (!s) continue;
        const verdicts = [...s.verdicts].map(([k, n]) => `${k}×${n}`).join(" ");
        line(
          `  ${`${v.label} ${mode}`.padEnd(25)}${String(runs).padStart(3)} ${ms(p50(s.wall)).padStart(5)} ${ms(p99(s.wall)).padStart(6)}  |  ${ms(p50(s.dispatch)).padStart(12)} ${ms(p50(s.judge)).padStart(6)} ${`(${ms(p50(s.firstTest))})`.padStart(8)} ${ms(p50(s.finalize)).padStart(14)} | ${verdicts}`,
        );
      }
    }
    line("  cold = a worker with SANDBOX_POOL_SIZE=0 (each submission starts its gVisor sandbox); warm = pool of 2.");
    line("  dispatch = POST → the worker's first frame (outbox, JetStream, judgeBundle); judge = → its last test frame (sandbox from");
    line("  the pool, compile, tests; function problems report their tests after the process, so 1st test = all of it, and the");
    line("  sandbox's destroy is in judge); finalize = → the final verdict (stdio: destroy; judge.completed, PostgreSQL, broadcast).");
    line();
    line("(b) sandbox (warm) vs bare on the host, p50 per submission (ms)");
    line("                       wall: sandbox   bare  ratio | judge-reported: sandbox  bare  ratio | CPU: platform (sandboxes)  bare  ratio | bare ok");
    for (const v of VARIANTS) {
      const s = warm.get(v.key);
      const b = bare.get(v.key);
      if (!s || !b) continue;
      const bareWall = p50(b.wall) + (b.compileWall.length ? p50(b.compileWall) : 0);
      const bareCpu = p50(b.cpu) + (b.compileCpu.length ? p50(b.compileCpu) : 0);
      // sub-millisecond calls rounded per test: a ratio of those is noise
      const reportedRatio = p50(b.reportedMs) >= 10 ? ratio(p50(s.reportedMs), p50(b.reportedMs)) : "~";
      line(
        `  ${v.label.padEnd(22)}${ms(p50(s.wall)).padStart(13)} ${ms(bareWall).padStart(6)} ${ratio(p50(s.wall), bareWall).padStart(6)} |` +
          `${ms(p50(s.reportedMs)).padStart(24)} ${ms(p50(b.reportedMs)).padStart(5)} ${reportedRatio.padStart(6)} |` +
          `${cpuFigure(s.platformCpu, s.platformCpu.total).padStart(15)} ${`(${cpuFigure(s.platformCpu, s.platformCpu.sandboxes)})`.padStart(11)} ${ms(bareCpu).padStart(5)} ${ratio(s.platformCpu.total, bareCpu).padStart(6)} | ${b.correct}/${b.runs}`,
      );
    }
    line(`  bare c++: g++ ${ms(p50(cpp.compileWall))} ms wall / ${ms(p50(cpp.compileCpu))} ms CPU (p50 of 3, PCH ${cpp.pch ? "the judge's" : "none found"}) + 10 test processes ${ms(p50(cpp.wall))} ms wall / ${ms(p50(cpp.cpu))} ms CPU; bare wall and CPU above include the compile.`);
    line("  judge-reported = the sum of the tests' timeMs in the final frame: c++ stdio the sandbox cgroup's CPU per test (vs the bare");
    line("  processes' CPU); function problems the harness's own clock around each call, rounded per test (vs the same harness bare;");
    line("  \"~\": under 10 ms, no ratio). platform CPU = every process this bench started, per submission, idle rate subtracted");
    line(`  (${cpuFigure(idle, idle.total * 1000)} ms/s); (sandboxes) = its part in the judge's cgroup: runsc run, sentry, gofer, program. bare CPU = wait4() rusage.`);
    line();
    line(`(c) ${QUEUE} python function submissions posted at once`);
    for (const [label, t] of [["1 sandbox worker ", one], ["2 sandbox workers", two]] as const) {
      const verdicts = [...t.verdicts].map(([k, n]) => `${k}×${n}`).join(" ");
      line(
        `  ${label}  ${t.perSecond.toFixed(2).padStart(6)} submissions/s  (${t.done} in ${t.seconds.toFixed(1)} s; platform CPU ${cpuFigure(t.cpu, t.cpu.total)} ms/submission, sandboxes ${cpuFigure(t.cpu, t.cpu.sandboxes)}; ` +
          `busy ${(t.busy * 100).toFixed(0)}%${t.cpu.foreign > 0 ? "*" : ""} of ${CORES} cores; load ${t.load.toFixed(1)})  ${verdicts}; judged by ${t.judgedBy}`,
      );
    }
    line(`  bare harness, ${CORES} at a time ${bareRate.toFixed(2).padStart(6)} runs/s   (the same program and stdin, ${QUEUE} runs; load ${bareLoad.toFixed(1)})`);
    if (cpu.foreign.size) line(`  * another judge on this machine (pids ${[...cpu.foreign].join(", ")}) ran sandboxes meanwhile: its CPU is in the figures marked *.`);
    if (!cpu.available) line("  (no cgroup v1 cpuacct: platform CPU not measured)");
    line();
    const pyWarm = p50(warm.get("python")?.wall ?? []);
    const jsWarm = p50(warm.get("javascript")?.wall ?? []);
    const best = Math.max(one.perSecond, two.perSecond);
    const verdict = (met: boolean) => (met ? "met" : "NOT met");
    line("goals");
    line(`  python function warm p50  ${ms(pyWarm).padStart(6)} ms   goal <= 400 ms   ${verdict(pyWarm <= 400)}`);
    line(`  javascript warm p50       ${ms(jsWarm).padStart(6)} ms   goal <= 40 ms    ${verdict(jsWarm <= 40)}`);
    line(`  throughput vs bare        ${((one.perSecond / bareRate) * 100).toFixed(1).padStart(6)} %    (1 worker; ${((two.perSecond / bareRate) * 100).toFixed(1)} % with 2)   goal >= 70 %   ${verdict(best / bareRate >= 0.7)}`);
    console.log(out.join("\n"));
  } finally {
    stream?.close();
    await coldWorker?.catch(() => undefined); // started, so that it is stopped below
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(nodes.map((n) => n.stop()));
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
    await cpu.close();
  }
}
