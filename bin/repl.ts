/**
 * `npm run repl`: a broker that joins the cluster (NATS_URL) with no services of its own, and
 * opens moleculer-repl with Avantika's commands. Without NATS_URL there is no cluster to join, so
 * it starts the embedded platform inside the REPL process instead.
 */
import { ConfigError, loadConfig } from "../lib/config";
import { createBroker, DATA_SERVICES } from "../lib/broker";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { replCommands } from "./repl-commands";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (config.transport.natsUrl) {
    config = { ...config, services: [] };
  } else {
    console.log("No NATS_URL: starting the embedded platform inside this REPL (set NATS_URL to join a cluster instead).");
    if (!config.db.url && config.services.some((s) => DATA_SERVICES.has(s))) {
      const embedded = await startEmbeddedPostgres(config.db.embeddedDir);
      config = { ...config, db: { ...config.db, url: embedded.url } };
    }
  }
  const broker = createBroker(config, { replCommands, nodeID: config.nodeId ?? `repl-${process.pid}` });
  await broker.start();
  await broker.repl();
}

void main();
