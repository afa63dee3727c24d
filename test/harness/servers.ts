/**
 * Real servers for integration tests: nats-server (JetStream), PostgreSQL and Redis, each on a free
 * loopback port with its own temporary directory.
 *
 * Every server is a direct child of this process (PostgreSQL too: as root the postmaster is spawned
 * with the postgres user's uid/gid instead of going through pg_ctl, which would daemonize it), so
 * `stop()` and `kill()` act on the server's own pid. Nothing outlives the test process:
 *  - a process 'exit' handler SIGKILLs every server still running (note: inside a jest test file
 *    `process` is jest's sandboxed copy, whose 'exit' listeners never fire; the watchdog covers it);
 *  - a tiny watchdog shell per server holds a pipe from this process; when this process dies in any
 *    way (SIGKILL included) the pipe closes, and the watchdog SIGKILLs the server and removes its
 *    temporary directory about a second later.
 * The children are unref'd, so a forgotten server never keeps the process alive; stop() it in
 * afterAll anyway, or it runs until the jest worker (or, in band, jest itself) exits.
 *
 * A missing binary fails with an Error naming the apt-get line that installs it.
 */
import { spawn, execFileSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client as PgClient } from "pg";
import { connect as natsConnect } from "nats";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningServer {
  /** Binary name, e.g. "nats-server". */
  readonly name: string;
  /** The temporary directory this harness created for the server; `stop()` removes it. */
  readonly dir: string;
  /** Pid of the current server process; undefined when it is not running. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Stops the process (its graceful signal, SIGKILL after `timeoutMs`) and removes `dir`. Final. */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
  /** Sends a signal to the current process (chaos tests). Returns false when it is not running. */
  kill(signal?: NodeJS.Signals): boolean;
  /** Resolves when the current process exits (at once if it is not running). */
  exited(): Promise<ExitInfo>;
  /** Stops the process if it runs, then starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** The tail of the server's stdout and stderr. */
  logs(): string;
}

export interface NatsServer extends RunningServer {
  readonly url: string;
  readonly port: number;
  /** JetStream store directory (`-sd`); kept across `restart()`. */
  readonly storeDir: string;
  readonly jetstream: boolean;
}

export interface PostgresServer extends RunningServer {
  /** Admin URL: postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
}

export interface RedisServer extends RunningServer {
  readonly url: string;
  readonly port: number;
}

// ---------------------------------------------------------------------------------------------
// Ports and binaries

const handedOutPorts = new Set<number>();

/** A port that was free on 127.0.0.1 a moment ago (bound to :0, then released). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.once("error", reject);
      srv.listen({ host: "127.0.0.1", port: 0, exclusive: true }, () => {
        const address = srv.address();
        if (address === null || typeof address === "string") {
          srv.close();
          reject(new Error("freePort: no TCP address"));
          return;
        }
        srv.close(() => resolve(address.port));
      });
    });
    // The kernel may hand the same port out again right after it is released: never give the same
    // one twice from this process.
    if (!handedOutPorts.has(port)) {
      handedOutPorts.add(port);
      return port;
    }
  }
  throw new Error("freePort: could not find an unused port");
}

const EXTRA_BIN_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of an executable on PATH (or a usual bin dir); throws naming the apt package. */
export function findBinary(name: string, aptPackage: string): string {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const dir of [...dirs, ...EXTRA_BIN_DIRS]) {
    const file = path.join(dir, name);
    if (isExecutableFile(file)) return file;
  }
  throw new Error(`${name} not found: apt-get install -y ${aptPackage}`);
}

function compareVersionsDesc(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The bin dir of the highest PostgreSQL under /usr/lib/postgresql, else the one on PATH. */
export function findPostgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)*$/.test(v));
  } catch {
    // not installed the Debian way
  }
  for (const v of versions.sort(compareVersionsDesc)) {
    const bin = path.join(root, v, "bin");
    if (isExecutableFile(path.join(bin, "postgres")) && isExecutableFile(path.join(bin, "initdb"))) return bin;
  }
  try {
    const bin = path.dirname(fs.realpathSync(findBinary("postgres", "postgresql")));
    if (isExecutableFile(path.join(bin, "initdb"))) return bin;
  } catch {
    // fall through to the error below
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, postgres) not found under ${root}/*/bin: apt-get install -y postgresql`,
  );
}

// ---------------------------------------------------------------------------------------------
// Process bookkeeping shared by every copy of this module in the process

interface Registry {
  servers: Set<ManagedServer>;
}

const REGISTRY_KEY: unique symbol = Symbol.for("avantika.test-harness.servers");
type RegistryHolder = { [REGISTRY_KEY]?: Registry };

/** One registry per real process object, so that jest loading this module once per test file
 * does not pile up 'exit' handlers. */
function registry(): Registry {
  const holder = process as NodeJS.Process & RegistryHolder;
  let reg = holder[REGISTRY_KEY];
  if (reg === undefined) {
    const created: Registry = { servers: new Set() };
    reg = created;
    holder[REGISTRY_KEY] = created;
    process.on("exit", () => {
      for (const server of created.servers) server.killNow();
    });
  }
  return reg;
}

/** Runs when this process dies: SIGKILL the server, then remove its owned directories. */
const WATCHDOG_SCRIPT =
  'trap "" INT TERM HUP; read -r _; kill -KILL "$1" 2>/dev/null; shift; ' +
  '[ "$#" -gt 0 ] && sleep 1 && rm -rf -- "$@"; exit 0';

function unrefStream(stream: unknown): void {
  if (stream instanceof net.Socket) stream.unref();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const LOG_LIMIT = 64 * 1024;
const ADDRESS_IN_USE = /address already in use/i;

interface ServerSpec {
  name: string;
  dir: string;
  /** Directories removed by stop() (and by the watchdog if this process dies). */
  ownedDirs: string[];
  port: number;
  /** True when the caller chose the port: never move it. */
  portFixed: boolean;
  command: string;
  args: (port: number) => string[];
  spawnOptions?: SpawnOptions;
  /** Graceful stop signal (PostgreSQL: SIGINT = fast shutdown; SIGTERM would wait for clients). */
  stopSignal: NodeJS.Signals;
  /** Resolves once the server serves requests; rejects (quickly) while it does not yet. */
  probe: (port: number) => Promise<void>;
  startTimeoutMs: number;
}

class ManagedServer implements RunningServer {
  readonly name: string;
  readonly dir: string;
  private portValue: number;
  private portFixed: boolean;
  private child: ChildProcess | undefined;
  private watchdog: ChildProcess | undefined;
  private exitPromise: Promise<ExitInfo> = Promise.resolve({ code: null, signal: null });
  private exitInfo: ExitInfo | undefined;
  private spawnError: Error | undefined;
  private logBuffer = "";
  private stopping: Promise<void> | undefined;
  private stopped = false;
  private waiters = 0;

  constructor(private readonly spec: ServerSpec) {
    this.name = spec.name;
    this.dir = spec.dir;
    this.portValue = spec.port;
    this.portFixed = spec.portFixed;
  }

  get port(): number {
    return this.portValue;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.exitInfo === undefined && this.spawnError === undefined;
  }

  logs(): string {
    return this.logBuffer;
  }

  exited(): Promise<ExitInfo> {
    return this.holdingLoop(() => this.exitPromise);
  }

  /** The child is unref'd (a forgotten server must not keep the process alive; the 'exit' handler
   * kills it), so whoever waits on it keeps the event loop alive meanwhile. */
  private async holdingLoop<T>(wait: () => Promise<T>): Promise<T> {
    const child = this.child;
    if (this.waiters++ === 0) child?.ref();
    try {
      return await wait();
    } finally {
      if (--this.waiters === 0 && child === this.child) child?.unref();
    }
  }

  kill(signal: NodeJS.Signals = "SIGTERM"): boolean {
    if (!this.running || this.child === undefined) return false;
    return this.child.kill(signal);
  }

  /** Synchronous last resort from the process 'exit' handler. */
  killNow(): void {
    if (this.running) this.child?.kill("SIGKILL");
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`${this.name}: already stopped`);
    for (let attempt = 1; ; attempt++) {
      this.launch();
      try {
        await this.holdingLoop(() => this.waitReady());
        this.portFixed = true; // restarts reuse it
        return;
      } catch (err) {
        await this.stopProcess(2000);
        const moved = !this.portFixed && attempt < 5 && ADDRESS_IN_USE.test(this.logBuffer);
        if (!moved) throw err;
        this.portValue = await freePort();
      }
    }
  }

  async restart(): Promise<void> {
    if (this.stopped) throw new Error(`${this.name}: already stopped`);
    await this.stopProcess(10_000);
    await this.start();
  }

  stop(opts: { timeoutMs?: number } = {}): Promise<void> {
    if (this.stopping === undefined) {
      this.stopped = true;
      this.stopping = (async () => {
        try {
          await this.stopProcess(opts.timeoutMs ?? 10_000);
        } finally {
          registry().servers.delete(this);
          for (const dir of this.spec.ownedDirs) {
            await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 3 });
          }
        }
      })();
    }
    return this.stopping;
  }

  private launch(): void {
    this.exitInfo = undefined;
    this.spawnError = undefined;
    this.logBuffer = "";
    const child = spawn(this.spec.command, this.spec.args(this.portValue), {
      cwd: this.dir,
      ...this.spec.spawnOptions,
      stdio: ["ignore", "pipe", "pipe"],
      detached: false,
    });
    this.child = child;
    this.exitPromise = new Promise<ExitInfo>((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        this.stopWatchdog();
        resolve(this.exitInfo);
      });
      child.once("error", (err) => {
        // spawn failure: 'exit' is not emitted
        if (child.pid === undefined) {
          this.spawnError = err;
          this.exitInfo = { code: null, signal: null };
          this.stopWatchdog();
          resolve(this.exitInfo);
        }
      });
    });
    const echo = process.env.TEST_SERVER_LOGS === "1";
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      this.logBuffer = (this.logBuffer + text).slice(-LOG_LIMIT);
      if (echo) process.stderr.write(`[${this.name}] ${text}`);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    if (this.waiters === 0) child.unref();
    unrefStream(child.stdout);
    unrefStream(child.stderr);
    registry().servers.add(this);
    if (child.pid !== undefined) this.startWatchdog(child.pid);
  }

  private startWatchdog(pid: number): void {
    const watchdog = spawn("/bin/sh", ["-c", WATCHDOG_SCRIPT, "test-server-watchdog", String(pid), ...this.spec.ownedDirs], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: false,
    });
    watchdog.on("error", () => {
      // best effort: the 'exit' handler still covers normal exits
    });
    watchdog.unref();
    unrefStream(watchdog.stdin);
    this.watchdog = watchdog;
  }

  private stopWatchdog(): void {
    const watchdog = this.watchdog;
    this.watchdog = undefined;
    // SIGKILL: closing its stdin would make it kill the pid, which may have been reused by then.
    if (watchdog !== undefined && watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill("SIGKILL");
  }

  private failure(message: string): Error {
    const tail = this.logBuffer.trim().split("\n").slice(-20).join("\n");
    return new Error(`${this.name} (port ${this.portValue}): ${message}${tail ? `\n--- ${this.name} output ---\n${tail}` : ""}`);
  }

  private describeExit(): string {
    if (this.spawnError !== undefined) return `could not be started: ${this.spawnError.message}`;
    const info = this.exitInfo;
    return `exited during start-up (code ${info?.code ?? "none"}, signal ${info?.signal ?? "none"})`;
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + this.spec.startTimeoutMs;
    let lastError: unknown;
    const exited = this.exitPromise.then(() => "exited" as const);
    for (;;) {
      if (!this.running) throw this.failure(this.describeExit());
      if (Date.now() > deadline) {
        const why = lastError instanceof Error ? ` (last probe: ${lastError.message})` : "";
        throw this.failure(`not ready after ${this.spec.startTimeoutMs} ms${why}`);
      }
      try {
        const outcome = await Promise.race([this.spec.probe(this.portValue).then(() => "ready" as const), exited]);
        if (outcome === "ready" && this.running) return;
      } catch (err) {
        lastError = err;
      }
      await sleep(25);
    }
  }

  /** Stops the current process; keeps the directories. */
  private async stopProcess(timeoutMs: number): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return;
    this.stopWatchdog();
    await this.holdingLoop(async () => {
      child.kill(this.spec.stopSignal);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      const outcome = await Promise.race([this.exitPromise, timedOut]);
      clearTimeout(timer);
      if (outcome === "timeout") {
        child.kill("SIGKILL");
        await this.exitPromise;
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Probes

function tcpProbe(port: number, send?: string, expect?: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let received = "";
    const done = (err?: Error): void => {
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.setTimeout(1000, () => done(new Error("timeout")));
    socket.once("error", done);
    socket.once("connect", () => {
      if (send === undefined) done();
      else socket.write(send);
    });
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (expect !== undefined && received.includes(expect)) done();
      else if (received.includes("\n")) done(new Error(`unexpected reply ${JSON.stringify(received.trim())}`));
    });
  });
}

async function natsProbe(port: number, jetstream: boolean): Promise<void> {
  await tcpProbe(port);
  if (!jetstream) return;
  const nc = await natsConnect({ servers: `127.0.0.1:${port}`, reconnect: false, timeout: 1000 });
  try {
    const jsm = await nc.jetstreamManager({ timeout: 1000 });
    await jsm.getAccountInfo();
  } finally {
    await nc.close();
  }
}

async function pgProbe(port: number): Promise<void> {
  const client = new PgClient({
    host: "127.0.0.1",
    port,
    user: "postgres",
    database: "postgres",
    connectionTimeoutMillis: 1000,
  });
  client.on("error", () => {
    // reported through connect()/query()
  });
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `avantika-${prefix}-`));
}

async function startOrCleanUp<T extends ManagedServer>(server: T): Promise<T> {
  try {
    await server.start();
    return server;
  } catch (err) {
    await server.stop({ timeoutMs: 2000 }).catch(() => undefined);
    throw err;
  }
}

class NatsManagedServer extends ManagedServer implements NatsServer {
  constructor(
    spec: ServerSpec,
    readonly storeDir: string,
    readonly jetstream: boolean,
  ) {
    super(spec);
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }
}

export interface NatsOptions {
  /** Enable JetStream (`-js`); default true. */
  jetstream?: boolean;
  /** Port to listen on; default a free one. */
  port?: number;
  /** JetStream store dir; default inside the server's temp dir. A caller-given dir is never
   * removed, so `stop()` + `startNats({ port, storeDir })` restarts on the same data too. */
  storeDir?: string;
  startTimeoutMs?: number;
}

/** `nats-server -a 127.0.0.1 -p PORT [-js -sd STOREDIR]`, ready once JetStream answers. */
export async function startNats(opts: NatsOptions = {}): Promise<NatsServer> {
  const command = findBinary("nats-server", "nats-server");
  const jetstream = opts.jetstream ?? true;
  const dir = makeTempDir("nats");
  const storeDir = opts.storeDir ?? path.join(dir, "store");
  fs.mkdirSync(storeDir, { recursive: true });
  const server = new NatsManagedServer(
    {
      name: "nats-server",
      dir,
      ownedDirs: [dir],
      port: opts.port ?? (await freePort()),
      portFixed: opts.port !== undefined,
      command,
      args: (port) => ["-a", "127.0.0.1", "-p", String(port), ...(jetstream ? ["-js", "-sd", storeDir] : [])],
      stopSignal: "SIGTERM",
      probe: (port) => natsProbe(port, jetstream),
      startTimeoutMs: opts.startTimeoutMs ?? 20_000,
    },
    storeDir,
    jetstream,
  );
  return startOrCleanUp(server);
}

class PostgresManagedServer extends ManagedServer implements PostgresServer {
  constructor(
    spec: ServerSpec,
    readonly dataDir: string,
  ) {
    super(spec);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
}

interface UserIds {
  uid: number;
  gid: number;
}

function lookupUser(name: string): UserIds | undefined {
  try {
    for (const line of fs.readFileSync("/etc/passwd", "utf8").split("\n")) {
      const [user, , uid, gid] = line.split(":");
      if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // fall back to NSS
  }
  try {
    const entry = execFileSync("getent", ["passwd", name], { encoding: "utf8" }).trim();
    const [, , uid, gid] = entry.split(":");
    if (uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
  } catch {
    // not found
  }
  return undefined;
}

/** Throws when `user` cannot traverse every ancestor of `dir` (PostgreSQL must reach its data dir). */
function assertTraversable(dir: string, user: UserIds): void {
  let current = path.dirname(fs.realpathSync(dir));
  for (;;) {
    const st = fs.statSync(current);
    const ok =
      (st.mode & 0o001) !== 0 ||
      (st.uid === user.uid && (st.mode & 0o100) !== 0) ||
      (st.gid === user.gid && (st.mode & 0o010) !== 0);
    if (!ok) {
      throw new Error(
        `PostgreSQL runs as user postgres, which cannot traverse ${current} (mode ${(st.mode & 0o777).toString(8)}); ` +
          `point TMPDIR at a directory like /tmp`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function runToCompletion(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-LOG_LIMIT);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} failed (code ${code ?? "none"}, signal ${signal ?? "none"}):\n${output.trim()}`));
    });
  });
}

export interface PostgresOptions {
  port?: number;
  startTimeoutMs?: number;
}

/** A throwaway PostgreSQL cluster (initdb, trust auth, fsync off) on 127.0.0.1. */
export async function startPostgres(opts: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const asRoot = process.getuid?.() === 0;
  let user: UserIds | undefined;
  if (asRoot) {
    user = lookupUser("postgres");
    if (user === undefined) {
      throw new Error("user postgres not found (PostgreSQL refuses to run as root): apt-get install -y postgresql");
    }
  }
  const dir = makeTempDir("pg");
  const dataDir = path.join(dir, "data");
  const ids: SpawnOptions = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  try {
    if (user !== undefined) {
      assertTraversable(dir, user);
      fs.chownSync(dir, user.uid, user.gid);
      fs.chmodSync(dir, 0o700);
    }
    await runToCompletion(
      path.join(bin, "initdb"),
      ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
      { cwd: dir, ...ids },
    );
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const server = new PostgresManagedServer(
    {
      name: "postgres",
      dir,
      ownedDirs: [dir],
      port: opts.port ?? (await freePort()),
      portFixed: opts.port !== undefined,
      command: path.join(bin, "postgres"),
      args: (port) => [
        "-D", dataDir,
        "-p", String(port),
        "-k", dataDir,
        "-c", "listen_addresses=127.0.0.1",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "max_connections=200",
      ],
      spawnOptions: ids,
      stopSignal: "SIGINT",
      probe: pgProbe,
      startTimeoutMs: opts.startTimeoutMs ?? 30_000,
    },
    dataDir,
  );
  return startOrCleanUp(server);
}

class RedisManagedServer extends ManagedServer implements RedisServer {
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

export interface RedisOptions {
  port?: number;
  startTimeoutMs?: number;
}

/** `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no --dir D`. */
export async function startRedis(opts: RedisOptions = {}): Promise<RedisServer> {
  const command = findBinary("redis-server", "redis-server");
  const dir = makeTempDir("redis");
  const server = new RedisManagedServer({
    name: "redis-server",
    dir,
    ownedDirs: [dir],
    port: opts.port ?? (await freePort()),
    portFixed: opts.port !== undefined,
    command,
    args: (port) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    stopSignal: "SIGTERM",
    probe: (port) => tcpProbe(port, "PING\r\n", "+PONG"),
    startTimeoutMs: opts.startTimeoutMs ?? 20_000,
  });
  return startOrCleanUp(server);
}
