/**
 * Avantika's own moleculer-repl commands, beside the built-in ones (nodes, services, call, ...):
 *   breakers   circuit-breaker state of every remote action endpoint
 *   online     connected WebSocket users per gateway node
 *   outbox     events waiting in each service's outbox
 */
import type { ServiceBroker } from "moleculer";

interface Endpoint {
  nodeID: string;
  state: boolean;
  available: boolean;
}

interface ActionListItem {
  name: string;
  endpoints?: Endpoint[];
}

interface Helpers {
  table?: (rows: string[][]) => string;
}

export interface ReplCommand {
  command: string;
  description: string;
  action(broker: ServiceBroker, args: Record<string, unknown>, helpers: Helpers): Promise<void>;
}

function print(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
}

export const replCommands: ReplCommand[] = [
  {
    command: "breakers",
    description: "Circuit-breaker state of every action endpoint (open = traffic routed away)",
    async action(broker) {
      const actions = (broker.registry.getActionList({ onlyLocal: false, skipInternal: true, withEndpoints: true }) as ActionListItem[]) ?? [];
      const rows = [["action", "node", "breaker", "available"]];
      for (const action of actions) {
        for (const endpoint of action.endpoints ?? []) {
          rows.push([action.name, endpoint.nodeID, endpoint.state ? "closed" : "OPEN", String(endpoint.available)]);
        }
      }
      print(rows);
    },
  },
  {
    command: "online",
    description: "WebSocket users connected to each realtime gateway node",
    async action(broker) {
      const nodes = (broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true }) as Array<{ name: string; nodeID: string }>).filter(
        (s) => s.name === "realtime",
      );
      const rows = [["node", "users online"]];
      for (const { nodeID } of nodes) {
        const count = await broker.call<number, Record<string, never>>("realtime.online", {}, { nodeID }).catch((err: Error) => `error: ${err.message}`);
        rows.push([nodeID, String(count)]);
      }
      print(rows);
    },
  },
  {
    command: "outbox",
    description: "Events waiting in each service's outbox (not yet published to the channels)",
    async action(broker) {
      const services = (broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true, withActions: true }) as Array<{ name: string; nodeID: string; actions?: Record<string, unknown> }>).filter(
        (s) => s.actions && `${s.name}.outboxPending` in s.actions,
      );
      const rows = [["service", "node", "pending events"]];
      for (const { name, nodeID } of services) {
        const pending = await broker.call<number, Record<string, never>>(`${name}.outboxPending`, {}, { nodeID }).catch((err: Error) => `error: ${err.message}`);
        rows.push([name, nodeID, String(pending)]);
      }
      print(rows);
    },
  },
];
