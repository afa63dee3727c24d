/**
 * `ContentMixin({ collection })`: documents (problems, courses, posts, AI conversations) through
 * moleculer-db — MongoDB (moleculer-db-adapter-mongo) when MONGO_URL is set, otherwise NeDB
 * persisted as `<data dir>/content/<collection>.db` (the embedded shape). The choice is config's.
 */
import path from "node:path";
import fs from "node:fs";
import type { ServiceSchema } from "moleculer";
import DbService from "moleculer-db";
import { configOf } from "../lib/config";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MongoAdapter = require("moleculer-db-adapter-mongo") as new (uri: string, opts?: Record<string, unknown>) => unknown;

export function ContentMixin(opts: { collection: string }): Partial<ServiceSchema> {
  return {
    mixins: [DbService],
    settings: { idField: "_id" },
    merged(this: { broker: Parameters<typeof configOf>[0] }, schema: ServiceSchema) {
      const config = configOf(this.broker);
      if (config.content.mongoUrl) {
        schema.adapter = new MongoAdapter(config.content.mongoUrl);
        schema.collection = opts.collection;
      } else {
        fs.mkdirSync(config.content.nedbDir, { recursive: true });
        schema.adapter = new DbService.MemoryAdapter({ filename: path.join(config.content.nedbDir, `${opts.collection}.db`) });
      }
    },
  };
}
