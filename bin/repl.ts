/**
 * `npm run repl`: a broker that joins the cluster (NATS_URL) with no services of its own, and
 * opens moleculer-repl with Avantika's commands. Without NATS_URL there is no cluster to join, so
 * it starts the embedded platform inside the REPL process instead.
 */
import { createBroker } from "../lib/broker";
import { loadConfigOrExit, withEmbeddedDatabase } from "../lib/boot";
import { replCommands } from "./repl-commands";

async function main() {
  let config = loadConfigOrExit();
  if (config.transport.natsUrl) {
    config = { ...config, services: [] };
  } else {
    console.log("No NATS_URL: starting the embedded platform inside this REPL (set NATS_URL to join a cluster instead).");
    ({ config } = await withEmbeddedDatabase(config));
  }
  const broker = createBroker(config, { replCommands, nodeID: config.nodeId ?? `repl-${process.pid}` });
  await broker.start();
  await broker.repl();
}

void main();
