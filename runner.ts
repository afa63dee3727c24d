/**
 * Starts one Avantika node. With no servers configured (the embedded default) it is the whole
 * platform in one process on PGlite; with NATS_URL / DATABASE_URL / ... it is one node of a
 * cluster running the services named by SERVICES.
 */
import { ConfigError, loadConfig, type Config } from "./lib/config";
import { createBroker, DATA_SERVICES } from "./lib/broker";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  let embedded: EmbeddedPostgres | undefined;
  if (!config.db.url && config.services.some((s) => DATA_SERVICES.has(s))) {
    const t0 = Date.now();
    embedded = await startEmbeddedPostgres(config.db.embeddedDir);
    config = { ...config, db: { ...config.db, url: embedded.url } };
    console.log(`Embedded PostgreSQL (PGlite) ready in ${Date.now() - t0} ms, data in ${config.db.embeddedDir}`);
  }

  const broker = createBroker(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    broker.logger.info(`${signal}: stopping`);
    try {
      await broker.stop();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    await broker.start();
  } catch (err) {
    broker.logger.fatal(`Could not start: ${(err as Error).message}`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
  if (config.services.includes("api")) {
    broker.logger.info(`Avantika is up on ${config.http.publicUrl} (${config.shape} shape, services: ${config.services.join(", ")})`);
  }
}

void main();
