/**
 * `npm run problems:import [-- <dir> [<slug> ...]]`: imports problem packages (problems/README.md)
 * into the content store, where the practice service serves them from.
 *
 * Every package is read and checked here first; a defective one is reported and nothing of it is
 * sent. Then:
 * - with NATS_URL (the cluster shape) this joins the running cluster as a node without services
 *   and streams each package to `practice.importPackage` (packages are bigger than one NATS
 *   message); the practice nodes serve the new version at once, and sandbox workers fetch the
 *   new tests on their next submission (their cache is keyed by version).
 * - without NATS_URL (the embedded shape) the platform's own process owns the data dir, so this
 *   refuses while it runs (it imports the packages itself at start: restart it); when it is
 *   stopped, this starts the practice service on the data dir in-process, sends them the same way,
 *   and stops.
 * Unchanged packages (same content hash) are left alone. Exit code 1 when any package failed.
 */
import path from "node:path";
import type { Readable } from "node:stream";
import type { ServiceBroker } from "moleculer";
import { createBroker } from "../lib/broker";
import { toJsonStream } from "../lib/json-stream";
import { loadConfigOrExit, withEmbeddedDatabase } from "../lib/boot";
import type { Config } from "../lib/config";
import { loadPackage, packageDirs, type Problem } from "../services/practice/problem";

function readPackages(dir: string, slugs: string[]): { problems: Problem[]; failed: string[] } {
  const problems: Problem[] = [];
  const failed: string[] = [];
  const dirs = packageDirs(dir).filter((d) => slugs.length === 0 || slugs.includes(path.basename(d)));
  for (const missing of slugs.filter((slug) => !dirs.some((d) => path.basename(d) === slug))) failed.push(`${missing}: no such package in ${dir}`);
  for (const packageDir of dirs) {
    try {
      problems.push(loadPackage(packageDir));
    } catch (err) {
      failed.push((err as Error).message);
    }
  }
  return { problems, failed };
}

/** Streams each problem to `practice.importPackage`, wherever that service runs. */
async function send(broker: ServiceBroker, problems: Problem[]): Promise<string[]> {
  const failed: string[] = [];
  await broker.waitForServices(["practice"], 30_000);
  for (const problem of problems) {
    try {
      const answer = await broker.call<{ slug: string; status: string }, Readable>("practice.importPackage", toJsonStream(problem), { timeout: 120_000 });
      console.log(`${answer.status.padEnd(9)} ${answer.slug}`);
    } catch (err) {
      failed.push(`${problem.slug}: ${(err as Error).message}`);
    }
  }
  return failed;
}

async function importIntoCluster(config: Config, problems: Problem[]): Promise<string[]> {
  const broker = createBroker({ ...config, services: [] }, { nodeID: `problems-import-${process.pid}` });
  await broker.start();
  try {
    return await send(broker, problems);
  } finally {
    await broker.stop();
  }
}

async function platformAnswers(config: Config): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${config.http.port}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

async function importEmbedded(config: Config, dir: string, problems: Problem[]): Promise<string[]> {
  if (await platformAnswers(config)) {
    return [`the embedded platform is running on port ${config.http.port} and owns ${config.dataDir}: it imports ${dir} when it starts, so restart it (or stop it and run this again)`];
  }
  // The practice service on the data dir, in this process, without its own start-up import.
  const { config: withDb, embedded } = await withEmbeddedDatabase({ ...config, services: ["practice"], practice: { ...config.practice, problemsDir: path.join(dir, ".none") } });
  const broker = createBroker(withDb, { nodeID: `problems-import-${process.pid}` });
  try {
    await broker.start();
    return await send(broker, problems);
  } finally {
    await broker.stop();
    await embedded?.stop();
  }
}

async function main() {
  const loaded = loadConfigOrExit();
  const config: Config = { ...loaded, log: { ...loaded.log, level: process.env.LOG_LEVEL ? loaded.log.level : "warn" } };
  const [dirArg, ...slugs] = process.argv.slice(2);
  const dir = path.resolve(dirArg ?? config.practice.problemsDir);
  const { problems, failed } = readPackages(dir, slugs);
  console.log(`${problems.length} package(s) read from ${dir}${failed.length ? `, ${failed.length} defective` : ""}`);
  if (problems.length > 0) {
    failed.push(...(config.transport.natsUrl ? await importIntoCluster(config, problems) : await importEmbedded(config, dir, problems)));
  }
  for (const failure of failed) console.error(`FAILED ${failure}`);
  process.exit(failed.length ? 1 : 0);
}

void main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
