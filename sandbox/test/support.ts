/**
 * Shared by the sandbox suites: they need the real runsc and fail (never skip) without it, and
 * they check that a run left nothing behind. Only this process's sandboxes are looked at (their
 * ids carry its pid), so suites in parallel workers do not see each other's.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { listSandboxCgroups } from "../cgroup";
import { RUNSC_MISSING, runscInstalled, type SandboxHost } from "../host";
import { listContainers } from "../runsc";

export function assertRunscInstalled(): void {
  if (!runscInstalled()) throw new Error(`${RUNSC_MISSING} (the sandbox suites need the real runsc)`);
}

export interface Leftovers {
  containers: string[];
  processes: string[];
  cgroups: string[];
  bundles: string[];
}

export async function leftovers(host: SandboxHost): Promise<Leftovers> {
  const mine = `avj-${process.pid}-`;
  const processes = execFileSync("ps", ["-eo", "pid,args", "--no-headers"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(mine));
  return {
    containers: (await listContainers(host)).filter((id) => id.startsWith(mine)),
    processes,
    cgroups: listSandboxCgroups(host.cgroupParent).filter((id) => id.startsWith(mine)),
    bundles: fs.readdirSync(host.bundlesDir).filter((name) => name.startsWith(mine)),
  };
}

export const NOTHING_LEFT: Leftovers = { containers: [], processes: [], cgroups: [], bundles: [] };

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
