/**
 * Jest globalSetup of the "integration" project: starts nats-server (JetStream), PostgreSQL and
 * Redis once per run and publishes them to the test workers through process.env:
 *   TEST_NATS_URL, TEST_NATS_STORE_DIR, TEST_PG_URL (admin URL, database "postgres"), TEST_REDIS_URL.
 * The handles stay on globalThis for global-teardown.ts (same process).
 */
import { startNats, startPostgres, startRedis, type RunningServer } from "./servers";

export const HANDLES_KEY = "__avantikaTestServers";

type HandleHolder = { [HANDLES_KEY]?: RunningServer[] };

export function takeServerHandles(): RunningServer[] {
  const holder = globalThis as typeof globalThis & HandleHolder;
  const servers = holder[HANDLES_KEY] ?? [];
  delete holder[HANDLES_KEY];
  return servers;
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  const started = await Promise.allSettled([startNats({ jetstream: true }), startPostgres(), startRedis()]);
  const [nats, pg, redis] = started;
  if (nats.status !== "fulfilled" || pg.status !== "fulfilled" || redis.status !== "fulfilled") {
    const failures: string[] = [];
    for (const result of started) {
      if (result.status === "fulfilled") await result.value.stop().catch(() => undefined);
      else failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    }
    throw new Error(`integration test servers failed to start:\n${failures.join("\n")}`);
  }
  (globalThis as typeof globalThis & HandleHolder)[HANDLES_KEY] = [nats.value, pg.value, redis.value];
  process.env.TEST_NATS_URL = nats.value.url;
  process.env.TEST_NATS_STORE_DIR = nats.value.storeDir;
  process.env.TEST_PG_URL = pg.value.url;
  process.env.TEST_REDIS_URL = redis.value.url;
  // Jest prints globalSetup output right after its own progress line: start on a fresh line.
  process.stdout.write(
    `\ntest servers: nats=${nats.value.url} pg=${pg.value.url} redis=${redis.value.url} (started in ${Date.now() - t0} ms)\n`,
  );
}
