/**
 * The embedded platform for end-to-end tests: runner.ts as a child process on its own data dir and
 * free ports (as test/integration/embedded.test.ts starts it), ready once /api/health/ready answers
 * and the judge has its languages up.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../harness/servers";

export const root = path.join(__dirname, "..", "..");

export interface Platform {
  base: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Builds frontend/dist when it is missing or stale (what `npm start` does first). */
export function ensureFrontend(): void {
  execFileSync(process.execPath, [path.join(root, "scripts", "ensure-frontend.cjs")], { cwd: root, stdio: "inherit" });
}

export async function startPlatform(env: Record<string, string>): Promise<Platform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-e2e-"));
  const port = await freePort();
  const wsPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "runner.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      PORT: String(port),
      WS_PORT: String(wsPort),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const platform: Platform = {
    base,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntil(platform, 180_000, async () => (await fetch(`${base}/api/health/ready`)).status === 200);
    // The sandbox starts its warm gVisor pool and self-tests each language after the gateway is up.
    await waitUntil(platform, 180_000, async () => {
      const languages = (await (await fetch(`${base}/api/languages`)).json()) as Array<{ id: string; available?: boolean }>;
      return languages.some((l) => l.id === "python" && l.available === true);
    });
  } catch (err) {
    await platform.stop();
    throw err;
  }
  return platform;
}

async function waitUntil(platform: Platform, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (platform.child.exitCode !== null) throw new Error(`the platform exited:\n${platform.output().slice(-4000)}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the platform was not ready within ${timeoutMs} ms:\n${platform.output().slice(-4000)}`);
}
