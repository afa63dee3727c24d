/** Jest globalTeardown of the "integration" project: stops what global-setup.ts started. */
import { takeServerHandles } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const servers = takeServerHandles();
  const results = await Promise.allSettled(servers.map((server) => server.stop()));
  for (const env of ["TEST_NATS_URL", "TEST_NATS_STORE_DIR", "TEST_PG_URL", "TEST_REDIS_URL"]) delete process.env[env];
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed.length > 0) {
    throw new Error(`stopping test servers failed: ${failed.map((r) => String(r.reason)).join("; ")}`);
  }
}
