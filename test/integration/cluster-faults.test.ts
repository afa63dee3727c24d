/**
 * Faults in a NATS cluster: a node serving an action is SIGKILLed under load, and a node whose
 * action fails is cut off by the circuit breaker. The brokers use the production options
 * (moleculer.config.ts): retries on retryable errors, heartbeats, circuit breaker, RoundRobin.
 */
import type { ServiceSchema } from "moleculer";
import { chaosService } from "../fixtures/chaos.service";
import { startChildNode, type ChildNode } from "../support/child-node";
import { startTestNode, uniqueNamespace, type TestNode } from "../support/node";

jest.setTimeout(120_000);

function natsUrl(): string {
  const url = process.env.TEST_NATS_URL;
  if (!url) throw new Error("TEST_NATS_URL is not set: run in the jest integration project");
  return url;
}

async function nodesServing(caller: TestNode, want: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const deadline = Date.now() + 20_000;
  while (seen.size < want) {
    if (Date.now() > deadline) throw new Error(`only ${seen.size} of ${want} nodes answered`);
    const reply = await caller.broker.call<{ node: string }, { seq: number }>("chaos.work", { seq: 0 }).catch(() => undefined);
    if (reply) seen.add(reply.node);
    else await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

describe("a node SIGKILLed under load", () => {
  const namespace = uniqueNamespace("sigkill");
  const env = { NAMESPACE: namespace, NATS_URL: natsUrl(), SERVICES: "none", LOG_LEVEL: "error", REQUEST_TIMEOUT_MS: "1000", NODE_ENV: "test" };
  let workers: ChildNode[] = [];
  let caller: TestNode;

  beforeAll(async () => {
    workers = await Promise.all([startChildNode({ ...env, NODE_ID: `${namespace}-w1` }, ["--chaos"]), startChildNode({ ...env, NODE_ID: `${namespace}-w2` }, ["--chaos"])]);
    caller = await startTestNode({ services: [], namespace, redis: false, env: { REQUEST_TIMEOUT_MS: "1000" } });
    await caller.broker.waitForServices("chaos", 20_000);
  });

  afterAll(async () => {
    await caller?.stop();
    await Promise.all(workers.map((w) => w.stop()));
  });

  it("fails at most 0.1% of 100 concurrent callers' calls", async () => {
    expect((await nodesServing(caller, 2)).size).toBe(2);
    const victim = workers[0]!;
    let calls = 0;
    let failures = 0;
    const servedBy = new Map<string, number>();
    const errors = new Map<string, number>();
    const runForMs = 9000;
    const start = Date.now();
    const killAt = start + 2500;
    let killed = false;
    const caller100 = async () => {
      while (Date.now() - start < runForMs) {
        if (!killed && Date.now() >= killAt) {
          killed = true;
          victim.kill("SIGKILL");
        }
        calls += 1;
        try {
          const reply = await caller.broker.call<{ node: string }, { seq: number }>("chaos.work", { seq: calls });
          servedBy.set(reply.node, (servedBy.get(reply.node) ?? 0) + 1);
        } catch (err) {
          failures += 1;
          const name = (err as Error).name;
          errors.set(name, (errors.get(name) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 100 }, caller100));
    const rate = failures / calls;
    process.stdout.write(
      `SIGKILL under load: ${calls} calls by 100 concurrent callers, ${failures} failed (${(rate * 100).toFixed(3)}%), served by ${JSON.stringify(Object.fromEntries(servedBy))}, errors ${JSON.stringify(Object.fromEntries(errors))}\n`,
    );
    expect(killed).toBe(true);
    expect(servedBy.get(workers[1]!.nodeId) ?? 0).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(0.001);
  });
});

describe("the circuit breaker", () => {
  const namespace = uniqueNamespace("breaker");
  let nodes: TestNode[] = [];

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  });

  it("opens on a failing node and moves traffic to the healthy one", async () => {
    const opened: string[] = [];
    const watcher: ServiceSchema = {
      name: "breaker-watch",
      events: {
        "$circuit-breaker.opened"(ctx: { params: { nodeID: string; action: string } }) {
          opened.push(`${ctx.params.nodeID}/${ctx.params.action}`);
        },
      },
    };
    const broken = await startTestNode({ services: [], namespace, redis: false, nodeId: `${namespace}-broken`, extraServices: [chaosService({ failing: true })] });
    const healthy = await startTestNode({ services: [], namespace, redis: false, nodeId: `${namespace}-healthy`, extraServices: [chaosService()] });
    const caller = await startTestNode({ services: [], namespace, redis: false, nodeId: `${namespace}-caller`, extraServices: [watcher] });
    nodes = [caller, broken, healthy];
    await caller.broker.waitForServices("chaos", 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // both chaos nodes known to the caller

    // A 500 is a MoleculerServerError, which is retryable: the caller's retry lands on the healthy
    // node, so callers see no failure while the breaker counts the broken node's errors.
    let callsBefore = 0;
    let failuresBefore = 0;
    for (let i = 0; i < 200 && opened.length === 0; i += 1) {
      callsBefore += 1;
      await caller.broker.call("chaos.work", { seq: i }).catch(() => {
        failuresBefore += 1;
      });
    }
    expect(opened).toContain(`${namespace}-broken/chaos.work`);

    const after = await Promise.all(Array.from({ length: 50 }, (_, i) => caller.broker.call<{ node: string }, { seq: number }>("chaos.work", { seq: 100 + i })));
    expect(new Set(after.map((r) => r.node))).toEqual(new Set([`${namespace}-healthy`]));
    process.stdout.write(`circuit breaker: opened after ${callsBefore} calls (${failuresBefore} failed for the caller); the next 50 calls all went to the healthy node\n`);
  });
});
