/**
 * bench/gateway: authenticated GET /api/users/me in the cluster shape — a gateway node (api) and
 * a users/auth node, separate processes over a real nats-server, with real PostgreSQL and Redis —
 * at 100 concurrent connections, side by side in the same run with a bare Node `http` hello-world
 * server (the physical limit of this machine). Prints req/s, p50/p99 and the ratio.
 * Goal (foundation issue): >= 40% of the bare server's req/s, p99 < 200 ms.
 */
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { Client } from "pg";
import { freePort, startNats, startPostgres, startRedis, type RunningServer } from "../test/harness/servers";
import { startChildNode, type ChildNode } from "../test/support/child-node";

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function bareServer(port: number): Promise<() => void> {
  const child = spawn(process.execPath, ["-e", `require("http").createServer((q, s) => s.end("hello")).listen(${port}, "127.0.0.1", () => console.log("READY"))`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()));
  return () => child.kill("SIGKILL");
}

export async function benchGateway(): Promise<void> {
  const servers: RunningServer[] = [];
  const nodes: ChildNode[] = [];
  let stopBare: (() => void) | undefined;
  try {
    const [nats, pg, redis] = await Promise.all([startNats(), startPostgres(), startRedis()]);
    servers.push(nats, pg, redis);
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const port = await freePort();
    const common = {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NAMESPACE: "bench",
      NATS_URL: nats.url,
      REDIS_URL: redis.url,
      DATABASE_URL: pg.url.replace(/\/postgres$/, "/bench"),
      JWT_PRIVATE_KEY: crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    };
    nodes.push(await startChildNode({ ...common, SERVICES: "auth,users", NODE_ID: "bench-core" }));
    // BENCH_PROFILE=<dir>: write a V8 CPU profile of the gateway node there (open it in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    nodes.push(await startChildNode({ ...common, SERVICES: "api", NODE_ID: "bench-gateway", PORT: String(port), HOST: "127.0.0.1" }, [], profile));
    const base = `http://127.0.0.1:${port}`;
    let token = "";
    for (let attempt = 0; attempt < 50 && !token; attempt += 1) {
      const res = await fetch(`${base}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "bench@example.com", password: "bench-password-123", fullName: "Bench", cookie: false }),
      });
      if (res.status === 201) token = ((await res.json()) as { accessToken: string }).accessToken;
      else await new Promise((r) => setTimeout(r, 200));
    }
    if (!token) throw new Error("could not register the bench user");
    const me = await fetch(`${base}/api/users/me`, { headers: { authorization: `Bearer ${token}` } });
    if (me.status !== 200) throw new Error(`GET /api/users/me answered ${me.status}`);

    const barePort = await freePort();
    stopBare = await bareServer(barePort);
    const bare = await load("bare node:http hello", `http://127.0.0.1:${barePort}/`);
    const gateway = await load("GET /api/users/me (cluster)", `${base}/api/users/me`, { authorization: `Bearer ${token}` });

    console.log(`\nbench/gateway — ${CONNECTIONS} connections, ${DURATION_S} s each, ${process.platform} ${require("node:os").cpus().length} cores`);
    for (const r of [bare, gateway]) {
      console.log(`  ${r.name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}  non-2xx ${r.non2xx}`);
    }
    const ratio = gateway.rps / bare.rps;
    console.log(`  ratio gateway/bare req/s: ${(ratio * 100).toFixed(1)}%  (goal >= 40%)   gateway p99 ${gateway.p99} ms (goal < 200 ms)`);
  } finally {
    stopBare?.();
    await Promise.all(nodes.map((n) => n.stop()));
    await Promise.all(servers.map((s) => s.stop()));
  }
}
