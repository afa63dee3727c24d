/**
 * The runsc driver: one gVisor sandbox per submission.
 *
 * `runsc --network=none --platform=ptrace --oci-seccomp run` starts a container whose init is the supervisor
 * (native/supervisor.c). Each step (a compile command, a test) is a message on the init's stdin:
 * the supervisor forks it as the judge user with its own rlimits and a wall clock, relays its
 * stdout/stderr as frames up to the caps, and reports exit code, signal and timings. The host
 * cgroup (cgroup.ts) gives the step its memory limit and is the ruler for CPU time and peak memory.
 * See README.md for why steps are not `runsc exec`.
 */
import { spawn, execFile, type ChildProcessWithoutNullStreams } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { constants as osConstants } from "node:os";
import { ociConfig } from "./bundle";
import { SandboxCgroup, sweepStaleCgroups } from "./cgroup";
import type { SandboxHost } from "./host";
import { encodeCommand, encodeMessage, FrameReader, parseMeta, type Frame } from "./protocol";

/** Memory the sandbox may use beyond a step's limit before the kernel OOM-kills it. */
const STEP_MEMORY_MARGIN_MB = 32;
/** Limit while no step runs (start-up, staging a large stdin). */
const IDLE_MEMORY_MB = 256;
const READY_TIMEOUT_MS = 20_000;
/** How long past its own wall limit a step may go silent before the sandbox is declared hung. */
const HANG_GRACE_MS = 10_000;
const CPU_POLL_MS = 20;
const STAGING_TIMEOUT_MS = 30_000;
const MIB = 1024 * 1024;
const GRACEFUL_STOP_MS = 2_000;

export interface StepLimits {
  /** CPU time, host-measured (cgroup), enforced by the driver; RLIMIT_CPU is a backstop. */
  cpuMs: number;
  wallMs: number;
  memoryMb: number;
  fsizeKb: number;
  nproc: number;
  nofile: number;
  stackKb: number;
  /** Kill thresholds (bytes): exceeding one ends the step with outputLimit set. */
  stdoutMaxBytes: number;
  stderrMaxBytes: number;
  /** How much of each stream is sent back (defaults to the threshold). */
  stderrKeepBytes?: number;
}

export interface StepSpec extends StepLimits {
  argv: string[];
  env: Record<string, string>;
  /** "box": the source dir (compile); "run": a fresh empty dir. */
  cwd: "box" | "run";
  stdin?: Buffer | string;
}

export interface StepResult {
  exitCode: number | null;
  signal: string | null;
  /** Host CPU time of the sandbox during the step (cgroup cpuacct / cpu.stat). */
  cpuMs: number;
  wallMs: number;
  /** Peak memory of the sandbox during the step above its idle level (cgroup). */
  memoryKb: number;
  /** gVisor's own max RSS for the step's process (coarse: whole fault-around chunks). */
  rssKb: number;
  timedOut: boolean;
  cpuExceeded: boolean;
  outputLimit: "stdout" | "stderr" | null;
  oomKilled: boolean;
  sandboxDied: boolean;
  execError: string | null;
  stdout: Buffer;
  stderr: Buffer;
}

let sequence = 0;

/** Container ids carry the owning pid, so a later process can sweep what a crashed one left. */
function newContainerId(): string {
  sequence += 1;
  return `avj-${process.pid}-${sequence}-${crypto.randomBytes(4).toString("hex")}`;
}

export function ownerPidOf(id: string): number | null {
  const match = /^avj-(\d+)-/.exec(id);
  return match ? Number(match[1]) : null;
}

function signalName(signal: number): string {
  for (const [name, value] of Object.entries(osConstants.signals)) {
    if (value === signal) return name;
  }
  return `SIG${signal}`;
}

function runscArgs(host: SandboxHost, ...args: string[]): string[] {
  return ["--root", host.runscRoot, ...args];
}

function runscCommand(host: SandboxHost, args: string[], timeoutMs = 15_000): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(host.runsc, runscArgs(host, ...args), { timeout: timeoutMs, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

interface PendingStep {
  onFrame(frame: Frame): void;
  onDeath(): void;
}

export class Sandbox {
  readonly id: string;
  readonly startedAt: number;
  private readonly bundleDir: string;
  private readonly cgroup: SandboxCgroup;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly reader = new FrameReader();
  private pending: PendingStep | null = null;
  private busy = false;
  private alive = true;
  private destroyPromise: Promise<void> | null = null;
  private readonly exited: Promise<void>;
  private runscStderr = "";

  private constructor(
    private readonly host: SandboxHost,
    id: string,
  ) {
    this.id = id;
    this.startedAt = Date.now();
    this.bundleDir = path.join(host.bundlesDir, id);
    fs.mkdirSync(this.bundleDir, { mode: 0o700 });
    try {
      this.cgroup = SandboxCgroup.create(host.cgroupParent, id, IDLE_MEMORY_MB * MIB);
    } catch (err) {
      fs.rmSync(this.bundleDir, { recursive: true, force: true });
      throw err;
    }
    fs.writeFileSync(path.join(this.bundleDir, "config.json"), JSON.stringify(ociConfig(host, this.cgroup.relativePath)));
    this.child = spawn(
      host.runsc,
      runscArgs(host, "--network=none", "--platform=ptrace", "--oci-seccomp", "run", "--bundle", this.bundleDir, id),
      { stdio: ["pipe", "pipe", "pipe"], env: {} },
    );
    this.exited = new Promise((resolve) => this.child.once("close", () => resolve()));
    this.child.once("error", (err) => {
      this.runscStderr += `\n${err.message}`;
      this.markDead();
    });
    this.child.once("close", () => this.markDead());
    this.child.stdin.on("error", () => this.markDead());
    this.child.stdout.on("data", (chunk: Buffer) => this.onStdout(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => {
      if (this.runscStderr.length < 16_384) this.runscStderr += chunk.toString("utf8");
    });
  }

  /** Starts a sandbox and resolves once its supervisor is ready for steps. */
  static async start(host: SandboxHost): Promise<Sandbox> {
    const sandbox = new Sandbox(host, newContainerId());
    try {
      await sandbox.waitReady();
      return sandbox;
    } catch (err) {
      await sandbox.destroy();
      throw err;
    }
  }

  get isAlive(): boolean {
    return this.alive;
  }

  private waitReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new Error(`sandbox ${this.id} not ready after ${READY_TIMEOUT_MS} ms: ${this.runscStderr.trim()}`));
      }, READY_TIMEOUT_MS);
      this.pending = {
        onFrame: (frame) => {
          clearTimeout(timer);
          this.pending = null;
          if (frame.type === "R") resolve();
          else reject(new Error(`sandbox ${this.id}: unexpected '${frame.type}' before ready`));
        },
        onDeath: () => {
          clearTimeout(timer);
          this.pending = null;
          reject(new Error(`sandbox ${this.id} exited during start: ${this.runscStderr.trim()}`));
        },
      };
    });
  }

  private onStdout(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch {
      this.markDead();
      void this.destroy();
      return;
    }
    for (const frame of frames) {
      if (this.pending) this.pending.onFrame(frame);
      // a frame nobody waits for is a protocol violation: the box cannot be trusted any more
      else {
        this.markDead();
        void this.destroy();
        return;
      }
    }
  }

  private markDead(): void {
    if (!this.alive) return;
    this.alive = false;
    const pending = this.pending;
    this.pending = null;
    pending?.onDeath();
  }

  private send(buffer: Buffer): void {
    if (this.alive) this.child.stdin.write(buffer);
  }

  /** Writes a file into the source dir, through the supervisor (O_EXCL|O_NOFOLLOW, before any step). */
  async putFile(name: string, content: Buffer | string): Promise<void> {
    const meta = await this.simpleCommand(encodeCommand({ op: "put", fields: { name } }), encodeMessage(content));
    if (meta.get("ok") !== "1") throw new Error(`sandbox ${this.id}: put ${name}: ${meta.get("error") ?? "failed"}`);
  }

  /** Makes the source dir root-owned and read-only: tests cannot change what the compiler built. */
  async seal(): Promise<void> {
    const meta = await this.simpleCommand(encodeCommand({ op: "seal" }));
    if (meta.get("ok") !== "1") throw new Error(`sandbox ${this.id}: seal failed`);
  }

  private simpleCommand(...messages: Buffer[]): Promise<Map<string, string>> {
    this.claim();
    return new Promise<Map<string, string>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new Error(`sandbox ${this.id}: no answer`));
        void this.destroy();
      }, 30_000);
      this.pending = {
        onFrame: (frame) => {
          if (frame.type !== "M") return;
          clearTimeout(timer);
          this.pending = null;
          resolve(parseMeta(frame.data));
        },
        onDeath: () => {
          clearTimeout(timer);
          reject(new Error(`sandbox ${this.id} died: ${this.runscStderr.trim()}`));
        },
      };
      for (const message of messages) this.send(message);
    }).finally(() => {
      this.busy = false;
    });
  }

  private claim(): void {
    if (!this.alive) throw new Error(`sandbox ${this.id} is not running`);
    if (this.busy) throw new Error(`sandbox ${this.id} is busy`);
    this.busy = true;
  }

  /** Runs one step to completion. Never throws for anything the program does. */
  async step(spec: StepSpec): Promise<StepResult> {
    this.claim();
    try {
      return await this.runStep(spec);
    } finally {
      this.busy = false;
    }
  }

  private runStep(spec: StepSpec): Promise<StepResult> {
    const command = encodeCommand({
      op: "run",
      fields: {
        cwd: spec.cwd,
        cpu_ms: spec.cpuMs * 2 + 1000,
        wall_ms: spec.wallMs,
        fsize_kb: spec.fsizeKb,
        nproc: spec.nproc,
        nofile: spec.nofile,
        stack_kb: spec.stackKb,
        out_cap: spec.stdoutMaxBytes,
        err_cap: spec.stderrMaxBytes,
        err_keep: spec.stderrKeepBytes ?? spec.stderrMaxBytes,
      },
      env: spec.env,
      argv: spec.argv,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    const oomBefore = this.cgroup.oomKills();
    let before = this.cgroup.sample();
    let peakReset = false;
    let cpuExceeded = false;
    let started = 0;
    let cpuTimer: NodeJS.Timeout | null = null;
    // Until the box says 'S', silence means it is wedged; then the step's own clock takes over.
    let hangTimer: NodeJS.Timeout | null = null;

    return new Promise<StepResult>((resolve) => {
      const finish = (meta: Map<string, string> | null) => {
        if (cpuTimer) clearInterval(cpuTimer);
        if (hangTimer) clearTimeout(hangTimer);
        this.pending = null;
        const after = this.cgroup.sample();
        const peak = peakReset ? this.cgroup.peakBytes() : null;
        const oomKilled = this.cgroup.oomKills() > oomBefore;
        const rssKb = Number(meta?.get("maxrss_kb") ?? 0);
        const exit = meta?.get("exit");
        const signal = meta?.get("signal");
        const execErrno = meta?.get("exec_errno");
        const ole = meta?.get("ole");
        resolve({
          exitCode: exit === undefined ? null : Number(exit),
          signal: signal === undefined ? null : signalName(Number(signal)),
          cpuMs: Math.round((after.cpuUs - before.cpuUs) / 1000),
          wallMs: meta ? Number(meta.get("wall_ms") ?? 0) : started ? Date.now() - started : 0,
          memoryKb: peak === null ? rssKb : Math.max(0, Math.round((peak - before.memoryBytes) / 1024)),
          rssKb,
          timedOut: meta?.get("timeout") === "1",
          cpuExceeded,
          outputLimit: ole === "stdout" || ole === "stderr" ? ole : null,
          oomKilled,
          sandboxDied: meta === null,
          execError: meta?.has("error")
            ? `supervisor: ${meta.get("error")}`
            : execErrno === undefined
              ? null
              : (osErrnoName(Number(execErrno)) ?? `errno ${execErrno}`),
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr),
        });
      };

      const wedged = (ms: number) =>
        setTimeout(() => {
          finish(null);
          void this.destroy();
        }, ms);
      hangTimer = wedged(STAGING_TIMEOUT_MS);

      const onStaged = () => {
        // The step's stdin is in place; nothing of the step has run yet.
        if (hangTimer) clearTimeout(hangTimer);
        before = this.cgroup.sample();
        this.cgroup.setMemoryLimit(before.memoryBytes + (spec.memoryMb + STEP_MEMORY_MARGIN_MB) * MIB);
        peakReset = this.cgroup.resetPeak();
        started = Date.now();
        this.send(encodeMessage("go"));
        const budgetUs = spec.cpuMs * 1000;
        cpuTimer = setInterval(() => {
          if (cpuExceeded) return;
          if (this.cgroup.sample().cpuUs - before.cpuUs > budgetUs) {
            cpuExceeded = true;
            this.send(encodeCommand({ op: "kill" }));
          }
        }, CPU_POLL_MS);
        // The supervisor never misses its own wall clock; silence past it means a wedged sandbox.
        hangTimer = wedged(spec.wallMs + HANG_GRACE_MS);
      };

      this.pending = {
        onFrame: (frame) => {
          switch (frame.type) {
            case "S":
              onStaged();
              break;
            case "O":
              outBytes += frame.data.length;
              if (outBytes <= spec.stdoutMaxBytes) stdout.push(frame.data);
              break;
            case "E":
              errBytes += frame.data.length;
              if (errBytes <= (spec.stderrKeepBytes ?? spec.stderrMaxBytes)) stderr.push(frame.data);
              break;
            case "M":
              finish(parseMeta(frame.data));
              break;
            default:
              finish(null);
              void this.destroy();
          }
        },
        onDeath: () => finish(null),
      };
      // Staging can hold a large stdin: give it room under the idle limit.
      this.cgroup.setMemoryLimit(Math.max(IDLE_MEMORY_MB * MIB, before.memoryBytes + 2 * Buffer.byteLength(spec.stdin ?? "") + 64 * MIB));
      this.send(command);
      this.send(encodeMessage(spec.stdin ?? ""));
    });
  }

  /** Stops the sandbox: `runsc delete --force`, the runsc process, the cgroup, the bundle. Idempotent. */
  destroy(): Promise<void> {
    if (!this.destroyPromise) this.destroyPromise = this.teardown();
    return this.destroyPromise;
  }

  private async teardown(): Promise<void> {
    this.markDead();
    // EOF makes the supervisor kill everything and exit, and `runsc run` then deletes the
    // container itself. A `runsc delete` racing that shutdown waits 5 s on the container's
    // lock, so it comes after (and is then a no-op) unless the graceful path stalls.
    try {
      this.child.stdin.end();
    } catch {
      // already closed
    }
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, GRACEFUL_STOP_MS).unref())]);
    await runscCommand(this.host, ["delete", "--force", this.id]);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    await this.cgroup.remove();
    fs.rmSync(this.bundleDir, { recursive: true, force: true });
  }
}

function osErrnoName(errno: number): string | null {
  for (const [name, value] of Object.entries(osConstants.errno)) {
    if (value === errno) return name;
  }
  return null;
}

/** Containers runsc still lists under our root. */
export async function listContainers(host: SandboxHost): Promise<string[]> {
  const result = await runscCommand(host, ["list", "--quiet"]);
  return result.stdout
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Removes what a crashed judge process left behind: its containers, cgroups and bundles. */
export async function sweepStale(host: SandboxHost): Promise<void> {
  const isStale = (id: string) => {
    const pid = ownerPidOf(id);
    if (pid === null || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code !== "EPERM";
    }
  };
  for (const id of await listContainers(host)) {
    if (isStale(id)) await runscCommand(host, ["delete", "--force", id]);
  }
  await sweepStaleCgroups(host.cgroupParent, ownerPidOf);
  for (const name of fs.readdirSync(host.bundlesDir)) {
    if (isStale(name)) fs.rmSync(path.join(host.bundlesDir, name), { recursive: true, force: true });
  }
}
