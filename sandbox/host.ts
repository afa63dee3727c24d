/**
 * Everything on the host that sandboxes are built from, prepared once per process and shared
 * read-only by every sandbox: the runsc state root, the supervisor binary (built here from
 * native/supervisor.c with the host's gcc), the TypeScript transpiler, an empty root file system
 * and a generated /etc. None of it lives in the repository or anywhere a submission can write.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PRECOMPILED_HEADERS } from "./languages";

const execFileAsync = promisify(execFile);

export const RUNSC_MISSING = "runsc (gVisor) is not installed: apt-get install -y runsc";

export interface SandboxHostOptions {
  /** The runsc binary. */
  runsc?: string;
  /** Private state: runsc --root, bundles, assets, the root file system. */
  stateDir?: string;
  /** cgroup directory holding one child per sandbox (a single path segment). */
  cgroupParent?: string;
  /** tmpfs sizes inside the box. */
  workDirMb?: number;
  tmpDirMb?: number;
  /** The unprivileged identity every step runs as. */
  uid?: number;
  gid?: number;
  /** Host directories bound read-only at the same path, besides /usr (always). */
  toolchainMounts?: string[];
  /** Directories under the bound ones hidden behind an empty read-only tmpfs. */
  maskedDirs?: string[];
  /** Host C compiler that builds the supervisor. */
  gcc?: string;
}

export interface SandboxHost {
  runsc: string;
  runscRoot: string;
  bundlesDir: string;
  rootfsDir: string;
  etcDir: string;
  assetsDir: string;
  cgroupParent: string;
  workDirMb: number;
  tmpDirMb: number;
  uid: number;
  gid: number;
  /** [host path, box path] pairs, read-only. */
  binds: Array<[string, string]>;
  maskedDirs: string[];
  typescriptVersion: string;
}

const DEFAULTS = {
  runsc: "/usr/bin/runsc",
  stateDir: "/var/tmp/avantika-judge",
  cgroupParent: "avantika-judge",
  workDirMb: 64,
  tmpDirMb: 32,
  uid: 65534,
  gid: 65534,
  toolchainMounts: ["/etc/alternatives", "/etc/java-17-openjdk"],
  maskedDirs: ["/usr/local"],
  gcc: "/usr/bin/gcc",
};

/** Top-level names that merged-/usr systems make symlinks into /usr. */
const ROOT_LINKS = ["bin", "sbin", "lib", "lib32", "lib64", "libx32"];

export function runscInstalled(runsc = DEFAULTS.runsc): boolean {
  try {
    fs.accessSync(runsc, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function prepareHost(options: SandboxHostOptions = {}): Promise<SandboxHost> {
  const o = { ...DEFAULTS, ...options };
  if (!runscInstalled(o.runsc)) throw new Error(RUNSC_MISSING);
  if (process.getuid?.() !== 0) throw new Error("the judge runs as root: runsc and the sandboxes' cgroups need it");
  if (!/^[A-Za-z0-9_.-]+$/.test(o.cgroupParent)) throw new Error("cgroupParent must be one path segment");
  fs.mkdirSync(o.stateDir, { recursive: true, mode: 0o700 });
  const runscRoot = path.join(o.stateDir, "runsc");
  const bundlesDir = path.join(o.stateDir, "bundles");
  fs.mkdirSync(runscRoot, { recursive: true, mode: 0o700 });
  fs.mkdirSync(bundlesDir, { recursive: true, mode: 0o700 });

  const binds: Array<[string, string]> = [["/usr", "/usr"]];
  const links: Array<[string, string]> = [];
  for (const name of ROOT_LINKS) {
    const hostPath = `/${name}`;
    const stat = fs.lstatSync(hostPath, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isSymbolicLink()) links.push([name, fs.readlinkSync(hostPath)]);
    else if (stat.isDirectory()) binds.push([hostPath, hostPath]);
  }
  for (const dir of o.toolchainMounts) {
    if (fs.existsSync(dir)) binds.push([dir, dir]);
  }

  const { assetsDir, typescriptVersion } = await buildAssets(o.stateDir, o.gcc);
  const etcDir = writeEtc(o.stateDir, o.uid, o.gid, binds);
  const rootfsDir = writeRootfs(o.stateDir, links, binds, o.maskedDirs);
  return {
    runsc: o.runsc,
    runscRoot,
    bundlesDir,
    rootfsDir,
    etcDir,
    assetsDir,
    cgroupParent: o.cgroupParent,
    workDirMb: o.workDirMb,
    tmpDirMb: o.tmpDirMb,
    uid: o.uid,
    gid: o.gid,
    binds,
    maskedDirs: o.maskedDirs,
    typescriptVersion,
  };
}

/** Writes `dir` through a temporary sibling and a rename, so a half-built one is never used. */
function publishDir(finalDir: string, build: (tmp: string) => void): void {
  if (fs.existsSync(finalDir)) return;
  const tmp = `${finalDir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  fs.mkdirSync(tmp, { recursive: true, mode: 0o755 });
  try {
    build(tmp);
    fs.renameSync(tmp, finalDir);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(finalDir)) throw err; // another process published it first: fine
  }
}

async function buildAssets(stateDir: string, gcc: string): Promise<{ assetsDir: string; typescriptVersion: string }> {
  const nativeDir = path.join(__dirname, "native");
  const supervisorSource = fs.readFileSync(path.join(nativeDir, "supervisor.c"));
  const transpiler = fs.readFileSync(path.join(nativeDir, "ts-transpile.cjs"));
  const typescriptJs = require.resolve("typescript");
  const typescriptPkg = JSON.parse(fs.readFileSync(path.join(path.dirname(typescriptJs), "..", "package.json"), "utf8")) as {
    version: string;
  };
  const compilerVersions = await Promise.all(PRECOMPILED_HEADERS.map((pch) => toolOutput(pch.compiler, ["-dumpfullversion"])));
  const hash = crypto
    .createHash("sha256")
    .update(supervisorSource)
    .update(transpiler)
    .update(typescriptPkg.version)
    .update(JSON.stringify([PRECOMPILED_HEADERS, compilerVersions]))
    .digest("hex")
    .slice(0, 16);
  const assetsDir = path.join(stateDir, `assets-${hash}`);
  if (!fs.existsSync(assetsDir)) {
    const build = path.join(stateDir, `build-${hash}-${process.pid}`);
    fs.mkdirSync(build, { recursive: true });
    try {
      await execFileAsync(gcc, ["-O2", "-static", "-Wall", "-o", path.join(build, "supervisor"), path.join(nativeDir, "supervisor.c")], { timeout: 60_000 });
      for (const pch of PRECOMPILED_HEADERS) await precompileHeader(pch, path.join(build, "pch"));
      publishDir(assetsDir, (tmp) => {
        fs.renameSync(path.join(build, "supervisor"), path.join(tmp, "supervisor"));
        fs.chmodSync(path.join(tmp, "supervisor"), 0o755);
        fs.mkdirSync(path.join(tmp, "ts"));
        fs.copyFileSync(typescriptJs, path.join(tmp, "ts", "typescript.js"));
        fs.writeFileSync(path.join(tmp, "ts", "transpile.cjs"), transpiler);
        if (fs.existsSync(path.join(build, "pch"))) fs.renameSync(path.join(build, "pch"), path.join(tmp, "pch"));
        else fs.mkdirSync(path.join(tmp, "pch"));
      });
    } finally {
      fs.rmSync(build, { recursive: true, force: true });
    }
  }
  return { assetsDir, typescriptVersion: typescriptPkg.version };
}

async function toolOutput(file: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, { timeout: 30_000 });
    return `${stdout}${stderr}`;
  } catch {
    return "";
  }
}

/** Builds <pchDir>/<header>.gch from the header the compiler itself would include; skipped on failure. */
async function precompileHeader(pch: { compiler: string; flags: string[]; header: string }, pchDir: string): Promise<void> {
  const probe = path.join(pchDir, "probe.cpp");
  fs.mkdirSync(path.dirname(path.join(pchDir, pch.header)), { recursive: true });
  fs.writeFileSync(probe, `#include <${pch.header}>\n`);
  try {
    // -H lists included files on stderr, the first one at depth 1 is our header
    const listing = await toolOutput(pch.compiler, [...pch.flags, "-H", "-E", "-o", "/dev/null", probe]);
    const headerPath = /^\. (\S+)$/m.exec(listing)?.[1];
    if (!headerPath) return;
    await execFileAsync(pch.compiler, [...pch.flags, "-x", "c++-header", headerPath, "-o", path.join(pchDir, `${pch.header}.gch`)], {
      timeout: 120_000,
    });
  } catch {
    fs.rmSync(path.join(pchDir, `${pch.header}.gch`), { force: true });
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/** A minimal /etc: an unprivileged user, no shadow, loopback-only hosts, nothing else of the host's. */
function writeEtc(stateDir: string, uid: number, gid: number, binds: Array<[string, string]>): string {
  const files: Record<string, string> = {
    passwd: `root:x:0:0:root:/work:/usr/sbin/nologin\njudge:x:${uid}:${gid}:judge:/work:/usr/sbin/nologin\n`,
    group: `root:x:0:\njudge:x:${gid}:\n`,
    hosts: "127.0.0.1\tlocalhost\n::1\tlocalhost\n",
    "nsswitch.conf": "passwd: files\ngroup: files\nhosts: files\n",
    hostname: "judge\n",
  };
  const mountPoints = binds.map(([, boxPath]) => boxPath).filter((p) => p.startsWith("/etc/"));
  const ldCache = fs.existsSync("/etc/ld.so.cache") ? fs.readFileSync("/etc/ld.so.cache") : null;
  const hash = crypto
    .createHash("sha256")
    .update(JSON.stringify([files, mountPoints]))
    .update(ldCache ?? "")
    .digest("hex")
    .slice(0, 16);
  const etcDir = path.join(stateDir, `etc-${hash}`);
  publishDir(etcDir, (tmp) => {
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(tmp, name), content, { mode: 0o644 });
    if (ldCache) fs.writeFileSync(path.join(tmp, "ld.so.cache"), ldCache, { mode: 0o644 });
    for (const mountPoint of mountPoints) fs.mkdirSync(path.join(tmp, mountPoint.slice("/etc/".length)), { recursive: true });
  });
  return etcDir;
}

/** An empty root: mount points, and the /bin -> usr/bin style links of a merged-/usr host. */
function writeRootfs(stateDir: string, links: Array<[string, string]>, binds: Array<[string, string]>, masked: string[]): string {
  const dirs = ["usr", "etc", "proc", "dev", "sys", "tmp", "work", "judge"];
  for (const [, boxPath] of binds) {
    if (!boxPath.startsWith("/usr/") && !boxPath.startsWith("/etc/")) dirs.push(boxPath.slice(1));
  }
  const hash = crypto.createHash("sha256").update(JSON.stringify([dirs, links, masked])).digest("hex").slice(0, 16);
  const rootfsDir = path.join(stateDir, `rootfs-${hash}`);
  publishDir(rootfsDir, (tmp) => {
    for (const dir of dirs) fs.mkdirSync(path.join(tmp, dir), { recursive: true, mode: 0o755 });
    for (const [name, target] of links) fs.symlinkSync(target, path.join(tmp, name));
  });
  return rootfsDir;
}
