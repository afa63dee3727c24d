/** Start-up steps shared by the runner and the REPL. */
import { ConfigError, loadConfig, type Config } from "./config";
import { DATA_SERVICES } from "./broker";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

/** Loads the config; on a bad one prints every problem and exits 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** In the embedded shape, starts PGlite when this node runs a data service and points the config at it. */
export async function withEmbeddedDatabase(config: Config): Promise<{ config: Config; embedded?: EmbeddedPostgres }> {
  if (config.db.url || !config.services.some((s) => DATA_SERVICES.has(s))) return { config };
  const t0 = Date.now();
  const embedded = await startEmbeddedPostgres(config.db.embeddedDir);
  console.log(`Embedded PostgreSQL (PGlite) ready in ${Date.now() - t0} ms, data in ${config.db.embeddedDir}`);
  return { config: { ...config, db: { ...config.db, url: embedded.url } }, embedded };
}
