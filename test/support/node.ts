/**
 * Starts an Avantika node in the test process, configured like a cluster node on the servers the
 * integration global setup started (NATS, PostgreSQL, Redis). Each suite uses its own namespace
 * so that suites sharing one NATS never see each other's nodes or streams.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServiceBroker, ServiceSchema } from "moleculer";
import { loadConfig, type Config } from "../../lib/config";
import { createBroker } from "../../lib/broker";

export interface TestNode {
  broker: ServiceBroker;
  config: Config;
  /** http://127.0.0.1:PORT when the node runs the api service. */
  baseUrl: string;
  stop(): Promise<void>;
}

let sharedKey: string | undefined;
/** One Ed25519 signing key per test process: every auth node of a suite must share it. */
export function testSigningKey(): string {
  sharedKey ??= crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return sharedKey;
}

export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite in the jest "integration" project (its global setup starts the servers)`);
  return value;
}

export interface NodeOptions {
  services: string[];
  namespace: string;
  databaseUrl?: string;
  /** Use the real NATS transporter and JetStream channels (default true). */
  nats?: boolean;
  redis?: boolean;
  env?: Record<string, string>;
  nodeId?: string;
  /** Test fixtures (probes, stand-ins) started on the same broker. */
  extraServices?: ServiceSchema[];
}

export async function startTestNode(opts: NodeOptions): Promise<TestNode> {
  // Its own data dir (NeDB content, mail, keys): nothing leaks between suites or runs.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `avantika-node-${opts.namespace}-`));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    NODE_ENV: "test",
    PORT: "0",
    WS_PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
    NAMESPACE: opts.namespace,
    SERVICES: opts.services.length ? opts.services.join(",") : "none",
    JWT_PRIVATE_KEY: testSigningKey(),
    AVANTIKA_DEMO: "0",
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.nats !== false ? { NATS_URL: required("TEST_NATS_URL") } : {}),
    ...(opts.redis !== false ? { REDIS_URL: required("TEST_REDIS_URL") } : {}),
    ...(opts.nodeId ? { NODE_ID: opts.nodeId } : {}),
    ...opts.env,
  };
  const config = loadConfig(env);
  const broker = createBroker(config);
  for (const schema of opts.extraServices ?? []) broker.createService(schema);
  try {
    await broker.start();
  } catch (err) {
    await broker.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  let baseUrl = "";
  if (opts.services.includes("api")) {
    const api = broker.getLocalService("api") as unknown as { server: Server };
    baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  }
  return {
    broker,
    config,
    baseUrl,
    async stop() {
      await broker.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
