/**
 * The host cgroup of one sandbox, created by the driver before `runsc run` and named in the OCI
 * bundle's linux.cgroupsPath: runsc joins a cgroup that exists and leaves its limits alone.
 *
 * It is the judge's ruler as well as its fence: gVisor's in-box rusage counts CPU as time spent
 * runnable (it doubles when the host is busy) and its RSS counts whole fault-around chunks (a JVM
 * "uses" 200 MB there and 32 MB here), so per-step CPU and peak memory are read from this cgroup.
 *
 * cgroup v1 (this build machine): memory, cpuacct and cpuset hierarchies; cpuset.cpus/mems are
 * copied from the parent or nothing can join. cgroup v2 (production): one directory; the memory
 * and cpu controllers must be enabled in the parent's cgroup.subtree_control. No pids limit is
 * ever set: this gVisor release crashes instead of refusing the fork (RLIMIT_NPROC is used).
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = "/sys/fs/cgroup";

export type CgroupVersion = 1 | 2;

export function cgroupVersion(): CgroupVersion {
  return fs.existsSync(path.join(ROOT, "cgroup.controllers")) ? 2 : 1;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function readNumber(file: string): number | null {
  const text = readText(file);
  if (text === null) return null;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : null;
}

/** "key value" lines (memory.events, cpu.stat, memory.oom_control). */
function readKeyed(file: string, key: string): number | null {
  const text = readText(file);
  if (text === null) return null;
  for (const line of text.split("\n")) {
    const [k, v] = line.trim().split(/\s+/);
    if (k === key && v !== undefined) return Number(v);
  }
  return null;
}

function tryWrite(file: string, value: string): boolean {
  try {
    fs.writeFileSync(file, value);
    return true;
  } catch {
    return false;
  }
}

async function rmdirWithRetry(dir: string, attempts = 40): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      fs.rmdirSync(dir);
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return true;
      if (code !== "EBUSY") return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return false;
}

/** Cumulative counters read before and after a step. */
export interface CgroupSample {
  cpuUs: number;
  memoryBytes: number;
}

export class SandboxCgroup {
  readonly version: CgroupVersion;
  /** As named in linux.cgroupsPath: "/<parent>/<id>". */
  readonly relativePath: string;
  private peakHandle: number | null = null;
  private limitBytes = 0;

  private constructor(
    readonly parent: string,
    readonly id: string,
  ) {
    this.version = cgroupVersion();
    this.relativePath = `/${parent}/${id}`;
  }

  static create(parent: string, id: string, limitBytes: number): SandboxCgroup {
    const cgroup = new SandboxCgroup(parent, id);
    if (cgroup.version === 1) cgroup.createV1();
    else cgroup.createV2();
    cgroup.setMemoryLimit(limitBytes);
    return cgroup;
  }

  /** Every v1 hierarchy this sandbox may appear in (runsc adds the ones we did not create). */
  private v1Dirs(): string[] {
    let controllers: string[] = [];
    try {
      controllers = fs.readdirSync(ROOT);
    } catch {
      return [];
    }
    return controllers.map((c) => path.join(ROOT, c, this.parent, this.id));
  }

  private v1(controller: string, ...rest: string[]): string {
    return path.join(ROOT, controller, this.parent, this.id, ...rest);
  }

  private createV1(): void {
    for (const controller of ["memory", "cpuacct", "cpuset"]) {
      fs.mkdirSync(this.v1(controller), { recursive: true });
    }
    // An empty cpuset admits no task; a new cpuset cgroup starts empty at every level.
    for (const dir of [path.join(ROOT, "cpuset", this.parent), this.v1("cpuset")]) {
      for (const file of ["cpuset.cpus", "cpuset.mems"]) {
        const own = readText(path.join(dir, file));
        if (own !== null && own.trim() === "") {
          const inherited = readText(path.join(path.dirname(dir), file)) ?? "";
          fs.writeFileSync(path.join(dir, file), inherited.trim());
        }
      }
    }
  }

  private v2(...rest: string[]): string {
    return path.join(ROOT, this.parent, this.id, ...rest);
  }

  private createV2(): void {
    const parentDir = path.join(ROOT, this.parent);
    fs.mkdirSync(parentDir, { recursive: true });
    for (const dir of [ROOT, parentDir]) {
      const control = path.join(dir, "cgroup.subtree_control");
      const enabled = (readText(control) ?? "").split(/\s+/);
      for (const controller of ["memory", "cpu"]) {
        if (!enabled.includes(controller)) tryWrite(control, `+${controller}`);
      }
    }
    fs.mkdirSync(this.v2());
    tryWrite(this.v2("memory.swap.max"), "0");
  }

  /** Raises or lowers the hard limit; swap (v1 memsw) is held to the same figure. */
  setMemoryLimit(bytes: number): void {
    const value = String(Math.floor(bytes));
    if (this.version === 2) {
      fs.writeFileSync(this.v2("memory.max"), value);
    } else {
      const limit = this.v1("memory", "memory.limit_in_bytes");
      const memsw = this.v1("memory", "memory.memsw.limit_in_bytes");
      const hasMemsw = fs.existsSync(memsw);
      // memsw may never be below the memory limit: order the two writes by direction.
      if (hasMemsw && bytes > this.limitBytes) tryWrite(memsw, value);
      fs.writeFileSync(limit, value);
      if (hasMemsw && bytes <= this.limitBytes) tryWrite(memsw, value);
    }
    this.limitBytes = bytes;
  }

  /** Starts a step's peak-memory window; false when the kernel cannot reset the peak (v2 < 6.12). */
  resetPeak(): boolean {
    if (this.version === 1) return tryWrite(this.v1("memory", "memory.max_usage_in_bytes"), "0");
    // v2 (Linux >= 6.12): a write resets the peak as seen through that open file only.
    try {
      if (this.peakHandle === null) this.peakHandle = fs.openSync(this.v2("memory.peak"), "r+");
      fs.writeSync(this.peakHandle, "reset");
      return true;
    } catch {
      return false;
    }
  }

  peakBytes(): number | null {
    if (this.version === 1) return readNumber(this.v1("memory", "memory.max_usage_in_bytes"));
    if (this.peakHandle === null) return null;
    const buffer = Buffer.alloc(64);
    try {
      const n = fs.readSync(this.peakHandle, buffer, 0, buffer.length, 0);
      const value = Number(buffer.subarray(0, n).toString().trim());
      return Number.isFinite(value) ? value : null;
    } catch {
      return null;
    }
  }

  sample(): CgroupSample {
    if (this.version === 2) {
      return {
        cpuUs: readKeyed(this.v2("cpu.stat"), "usage_usec") ?? 0,
        memoryBytes: readNumber(this.v2("memory.current")) ?? 0,
      };
    }
    return {
      cpuUs: Math.floor((readNumber(this.v1("cpuacct", "cpuacct.usage")) ?? 0) / 1000),
      memoryBytes: readNumber(this.v1("memory", "memory.usage_in_bytes")) ?? 0,
    };
  }

  /** How many times the kernel's OOM killer fired in this cgroup. */
  oomKills(): number {
    if (this.version === 2) return readKeyed(this.v2("memory.events"), "oom_kill") ?? 0;
    return readKeyed(this.v1("memory", "memory.oom_control"), "oom_kill") ?? 0;
  }

  /** Removes the directories (ours and any runsc added); true when none is left. */
  async remove(): Promise<boolean> {
    if (this.peakHandle !== null) {
      try {
        fs.closeSync(this.peakHandle);
      } catch {
        // already closed
      }
      this.peakHandle = null;
    }
    const dirs = this.version === 2 ? [this.v2()] : this.v1Dirs();
    const results = await Promise.all(dirs.filter((d) => fs.existsSync(d)).map((d) => rmdirWithRetry(d)));
    return results.every(Boolean);
  }
}

/** Cgroup directories under `parent` (any version): used by tests and the stale sweep. */
export function listSandboxCgroups(parent: string): string[] {
  const found = new Set<string>();
  const bases = cgroupVersion() === 2 ? [path.join(ROOT, parent)] : safeReaddir(ROOT).map((c) => path.join(ROOT, c, parent));
  for (const base of bases) {
    for (const name of safeReaddir(base)) {
      if (fs.statSync(path.join(base, name), { throwIfNoEntry: false })?.isDirectory()) found.add(name);
    }
  }
  return [...found];
}

/** Removes the empty cgroups of sandboxes whose owning process is gone (ids carry the pid). */
export async function sweepStaleCgroups(parent: string, ownerPidOf: (id: string) => number | null): Promise<void> {
  for (const id of listSandboxCgroups(parent)) {
    const pid = ownerPidOf(id);
    if (pid === null || pid === process.pid || processAlive(pid)) continue;
    const dirs = cgroupVersion() === 2 ? [path.join(ROOT, parent, id)] : safeReaddir(ROOT).map((c) => path.join(ROOT, c, parent, id));
    for (const dir of dirs) {
      if (fs.existsSync(dir)) await rmdirWithRetry(dir, 1);
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
