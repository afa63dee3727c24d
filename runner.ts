/**
 * Starts one Avantika node. With no servers configured (the embedded default) it is the whole
 * platform in one process on PGlite; with NATS_URL / DATABASE_URL / ... it is one node of a
 * cluster running the services named by SERVICES.
 */
import { createBroker } from "./lib/broker";
import { loadConfigOrExit, withEmbeddedDatabase } from "./lib/boot";

async function main(): Promise<void> {
  const { config, embedded } = await withEmbeddedDatabase(loadConfigOrExit());
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
