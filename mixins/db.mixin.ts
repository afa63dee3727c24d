/**
 * `DbMixin({ schema, migrations })`: the service owns one PostgreSQL schema; its SQL migrations
 * run at start under an advisory lock (several nodes may start at once), then `this.db` is ready.
 */
import type { Service, ServiceSchema } from "moleculer";
import { configOf } from "../lib/config";
import { acquirePool, Database, releasePool } from "../lib/db";
import { lifecycle } from "../lib/service";

export interface DbService extends Service {
  db: Database;
}

export function DbMixin(opts: { schema: string; migrations: string }): Partial<ServiceSchema> {
  return lifecycle<DbService>({
    async started() {
      const config = configOf(this.broker);
      if (!config.db.url) throw new Error("No database URL: the runner starts the embedded one or DATABASE_URL names one");
      this.db = new Database(acquirePool(config.db.url, config.db.poolMax), opts.schema);
      const applied = await this.db.migrate(opts.migrations);
      if (applied.length) this.logger.info(`Applied migrations to '${opts.schema}': ${applied.join(", ")}`);
    },
    async stopped() {
      const url = configOf(this.broker).db.url;
      if (url && this.db) await releasePool(url);
    },
  });
}
