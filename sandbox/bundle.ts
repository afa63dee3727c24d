/**
 * The OCI bundle of a judge sandbox (config.json), written by the driver outside anything the
 * submission controls. See README.md "The sandbox" for why each piece is there.
 */
import type { SandboxHost } from "./host";

/** What the box itself may do (never a step: steps drop every capability). */
const SUPERVISOR_CAPS = ["CAP_SETUID", "CAP_SETGID", "CAP_KILL", "CAP_CHOWN", "CAP_FOWNER", "CAP_DAC_OVERRIDE"];
/**
 * Refused with EPERM inside the box (gVisor applies OCI seccomp with --oci-seccomp). gVisor lets an
 * unprivileged process create user and mount namespaces; nothing a judged program does needs them.
 */
const DENIED_SYSCALLS = [
  "unshare",
  "setns",
  "mount",
  "umount2",
  "pivot_root",
  "chroot",
  "ptrace",
  "process_vm_readv",
  "process_vm_writev",
  "bpf",
  "perf_event_open",
  "userfaultfd",
  "keyctl",
  "add_key",
  "request_key",
];
/**
 * CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET: clone() may not create
 * namespaces either. clone3 (flags in memory, out of a filter's reach) is not implemented by this
 * gVisor release (ENOSYS); it cannot simply be denied here because this release ignores errnoRet
 * and answers EPERM, on which glibc does not fall back to clone and every pthread_create fails.
 */
const NAMESPACE_FLAGS = [0x20000, 0x2000000, 0x4000000, 0x8000000, 0x10000000, 0x20000000, 0x40000000];
export function ociConfig(host: SandboxHost, cgroupsPath: string): object {
  const bind = (source: string, destination: string) => ({ destination, type: "bind", source, options: ["rbind", "ro", "nosuid", "nodev"] });
  const tmpfs = (destination: string, options: string[]) => ({ destination, type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", ...options] });
  const mounts = [
    { destination: "/proc", type: "proc", source: "proc" },
    ...host.binds.filter(([, box]) => !box.startsWith("/etc")).map(([source, box]) => bind(source, box)),
    bind(host.etcDir, "/etc"),
    ...host.binds.filter(([, box]) => box.startsWith("/etc/")).map(([source, box]) => bind(source, box)),
    ...host.maskedDirs.map((dir) => tmpfs(dir, ["ro", "size=4k", "mode=0555"])),
    bind(host.assetsDir, "/judge"),
    tmpfs("/tmp", [`size=${host.tmpDirMb}m`, "mode=1777"]),
    tmpfs("/work", [`size=${host.workDirMb}m`, "mode=0755"]),
  ];
  return {
    ociVersion: "1.0.2",
    process: {
      terminal: false,
      user: { uid: 0, gid: 0 },
      args: ["/judge/supervisor"],
      env: [],
      cwd: "/",
      capabilities: { bounding: SUPERVISOR_CAPS, effective: SUPERVISOR_CAPS, permitted: SUPERVISOR_CAPS, inheritable: [], ambient: [] },
      rlimits: [
        { type: "RLIMIT_CORE", hard: 0, soft: 0 },
        { type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 },
      ],
      noNewPrivileges: true,
    },
    root: { path: host.rootfsDir, readonly: true },
    hostname: "judge",
    mounts,
    linux: {
      cgroupsPath,
      seccomp: {
        defaultAction: "SCMP_ACT_ALLOW",
        architectures: ["SCMP_ARCH_X86_64"],
        syscalls: [
          { names: DENIED_SYSCALLS, action: "SCMP_ACT_ERRNO", errnoRet: 1 },
          ...NAMESPACE_FLAGS.map((flag) => ({
            names: ["clone"],
            action: "SCMP_ACT_ERRNO",
            errnoRet: 1,
            args: [{ index: 0, value: flag, valueTwo: flag, op: "SCMP_CMP_MASKED_EQ" }],
          })),
        ],
      },
      namespaces: [{ type: "pid" }, { type: "network" }, { type: "ipc" }, { type: "uts" }, { type: "mount" }],
    },
  };
}
