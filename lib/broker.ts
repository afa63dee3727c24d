/**
 * Builds a broker from a config and loads the services named by SERVICES. Used by the runner,
 * the REPL, tests (several brokers in one process) and benchmarks alike.
 */
import { ServiceBroker, type ServiceSchema } from "moleculer";
import { brokerOptions } from "../moleculer.config";
import { bindConfig, type Config } from "./config";

type SchemaModule = { default: ServiceSchema };

const SERVICE_MODULES: Record<string, () => SchemaModule> = {
  api: () => require("../gateway/api.service") as SchemaModule,
  realtime: () => require("../gateway/realtime.service") as SchemaModule,
  auth: () => require("../services/auth/auth.service") as SchemaModule,
  users: () => require("../services/users/users.service") as SchemaModule,
  practice: () => require("../services/practice/practice.service") as SchemaModule,
  sandbox: () => require("../sandbox/sandbox.service") as SchemaModule,
};

/** Services that keep data in PostgreSQL: a node running any of them needs a database. */
export const DATA_SERVICES = new Set(["auth", "users", "practice"]);

export function createBroker(config: Config, overrides: Partial<ConstructorParameters<typeof ServiceBroker>[0]> = {}): ServiceBroker {
  const broker = new ServiceBroker({ ...brokerOptions(config), ...overrides });
  bindConfig(broker, config);
  for (const name of config.services) {
    const load = SERVICE_MODULES[name];
    if (!load) throw new Error(`Unknown service '${name}'`);
    broker.createService(load().default);
  }
  return broker;
}
