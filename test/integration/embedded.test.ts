/**
 * The embedded default, as a newcomer runs it: `npm start` with no servers configured, on a fresh
 * data dir. It answers /api/health, signs the demo learner in, and keeps data across a restart.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../harness/servers";

jest.setTimeout(180_000);

const root = path.join(__dirname, "..", "..");

interface Platform {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Platform> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "runner.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function waitForHealth(base: string, platform: Platform, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (platform.child.exitCode !== null) throw new Error(`the platform exited:\n${platform.output()}`);
    // Liveness answers as soon as the gateway listens; readiness once auth and users have started.
    const ok = await fetch(`${base}/api/health/ready`).then((r) => r.status === 200, () => false);
    if (ok) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${platform.output()}`);
}

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the embedded default (npm start)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-embedded-"));
  let platform: Platform | undefined;

  afterAll(async () => {
    await platform?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts with no servers, serves the contract, and keeps data across a restart", async () => {
    const port = await freePort();
    const wsPort = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), WS_PORT: String(wsPort), HOST: "127.0.0.1", AVANTIKA_ADMIN_EMAIL: "root@avantika.test", AVANTIKA_ADMIN_PASSWORD: "root-password-123" };
    const base = `http://127.0.0.1:${port}`;

    platform = await start(env);
    const coldMs = await waitForHealth(base, platform, 150_000);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { status: string; nodes: number; services: string[] };
    expect(health).toMatchObject({ status: "ok", nodes: 1 });
    expect(health.services).toEqual(expect.arrayContaining(["api", "auth", "realtime", "users"]));
    const config = (await (await fetch(`${base}/api/config`)).json()) as { wsUrl: string };
    expect(config.wsUrl).toBe(`ws://127.0.0.1:${wsPort}/ws`);

    const demo = await fetch(`${base}/api/auth/login`, json({ email: "demo@avantika.local", password: "demo-password-123" }));
    expect(demo.status).toBe(200);
    const admin = (await (await fetch(`${base}/api/auth/login`, json({ email: "root@avantika.test", password: "root-password-123" }))).json()) as { user: { roles: string[] } };
    expect(admin.user.roles).toEqual(expect.arrayContaining(["admin", "instructor"]));

    const registered = await fetch(`${base}/api/auth/register`, json({ email: "Newcomer@Example.com", password: "newcomer-password", fullName: "New Comer" }));
    expect(registered.status).toBe(201);
    expect(fs.readdirSync(path.join(dataDir, "mail")).some((f) => f.endsWith(".eml"))).toBe(true);

    expect(await platform.stop()).toBe(0);
    platform = await start(env);
    const warmMs = await waitForHealth(base, platform, 60_000);
    const again = await fetch(`${base}/api/auth/login`, json({ email: "newcomer@example.com", password: "newcomer-password" }));
    expect(again.status).toBe(200);
    const { accessToken } = (await again.json()) as { accessToken: string };
    // The profile is written by the users service from the user.registered event: on a loaded
    // machine the event may still be in the outbox when the platform stops, and is delivered after
    // the restart. It must arrive, once.
    const t0 = Date.now();
    let me: { fullName?: string } = {};
    while (Date.now() - t0 < 20_000 && me.fullName === undefined) {
      me = (await (await fetch(`${base}/api/users/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { fullName?: string };
    }
    if (me.fullName !== "New Comer") throw new Error(`GET /api/users/me after the restart: ${JSON.stringify(me)}\n${platform.output().slice(-3000)}`);
    const duplicate = await fetch(`${base}/api/auth/register`, json({ email: "newcomer@EXAMPLE.com", password: "another-password", fullName: "Twin" }));
    expect(duplicate.status).toBe(409);
    process.stdout.write(`embedded start: /api/health after ${coldMs} ms on a fresh data dir, ${warmMs} ms on restart\n`);
  });
});
