/*
 * The init process (PID 1) of every judge sandbox.
 *
 * It runs as root INSIDE gVisor with a handful of capabilities (setuid/setgid to drop to the
 * judge user, kill to clean up, chown/fowner/dac_override to wipe and seal the work dir). Every
 * step of a submission (compile, each test) is a child it forks as uid 65534 with no capabilities,
 * no_new_privs and its own rlimits. Because it is PID 1 it reaps every orphan, and because it is
 * root the submission can neither signal it, ptrace it nor read its /proc entries.
 *
 * Protocol on its stdin/stdout (the pipes of `runsc run`, owned by the driver):
 *   driver -> box   u32le length + payload. A command payload is NUL-separated fields:
 *                   op, key=value..., "--", argv... ; "put" and "run" are followed by one more
 *                   message carrying the file content / the step's stdin.
 *   box -> driver   frames: 1 type byte + u32le length + data.
 *                   'R' ready, 'S' staged, 'O' step stdout, 'E' step stderr,
 *                   'M' result ("key=value\n" lines).
 * A run is staged first: once its stdin is in place the box sends 'S' and waits for "go", so the
 * driver can read the cgroup's counters and set the step's memory limit at the exact start. While
 * a step runs the driver may send "kill" (it measures CPU time on the host, see cgroup.ts).
 * The step's stdout/stderr are pipes read here, so what reaches the driver never passes through
 * a file the submission could replace, and output caps are enforced at the source.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_MESSAGE (80u << 20)
#define MAX_FIELDS 256
#define WORK_DIR "/work"
#define BOX_DIR "/work/box"
#define RUN_DIR "/work/run"

struct step {
  const char *op;
  const char *name;
  const char *cwd;
  long uid, gid;
  long cpu_ms, wall_ms, fsize_kb, nproc, nofile, stack_kb, as_kb;
  long out_cap, err_cap, out_keep, err_keep;
  char *env[MAX_FIELDS + 1];
  int nenv;
  char *argv[MAX_FIELDS + 1];
  int argc;
};

static volatile sig_atomic_t child_event;

static void on_sigchld(int sig) {
  (void)sig;
  child_event = 1;
}

static void fail(const char *what) {
  dprintf(2, "supervisor: %s: %s\n", what, strerror(errno));
  _exit(70);
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int read_full(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

static void write_full(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) fail("write to driver");
    p += w;
    n -= (size_t)w;
  }
}

static void send_frame(char type, const void *data, uint32_t n) {
  unsigned char head[5] = {(unsigned char)type, n & 255, (n >> 8) & 255, (n >> 16) & 255, n >> 24};
  write_full(1, head, sizeof head);
  if (n > 0) write_full(1, data, n);
}

/* Reads one length-prefixed message; NULL on EOF (the driver went away). */
static char *read_message(uint32_t *len) {
  unsigned char head[4];
  if (read_full(0, head, 4) < 0) return NULL;
  *len = (uint32_t)head[0] | (uint32_t)head[1] << 8 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 24;
  if (*len > MAX_MESSAGE) {
    errno = EMSGSIZE;
    fail("message too large");
  }
  char *buf = malloc(*len + 1);
  if (!buf) fail("malloc");
  if (*len > 0 && read_full(0, buf, *len) < 0) fail("short message");
  buf[*len] = 0;
  return buf;
}

static long number(const char *s) {
  char *end;
  long v = strtol(s, &end, 10);
  return *end ? -1 : v;
}

static int parse_step(char *msg, uint32_t len, struct step *st) {
  memset(st, 0, sizeof *st);
  st->uid = st->gid = 65534;
  st->cwd = RUN_DIR;
  int in_argv = 0;
  char *next;
  for (char *p = msg; p < msg + len; p = next) {
    next = p + strlen(p) + 1; /* before '=' is cut below */
    if (!st->op) {
      st->op = p;
    } else if (in_argv) {
      if (st->argc >= MAX_FIELDS) return -1;
      st->argv[st->argc++] = p;
    } else if (strcmp(p, "--") == 0) {
      in_argv = 1;
    } else if (strncmp(p, "env=", 4) == 0) {
      if (st->nenv >= MAX_FIELDS) return -1;
      st->env[st->nenv++] = p + 4;
    } else {
      char *eq = strchr(p, '=');
      if (!eq) return -1;
      *eq = 0;
      const char *k = p, *v = eq + 1;
      if (strcmp(k, "name") == 0) st->name = v;
      else if (strcmp(k, "cwd") == 0) st->cwd = strcmp(v, "box") == 0 ? BOX_DIR : RUN_DIR;
      else if (strcmp(k, "cpu_ms") == 0) st->cpu_ms = number(v);
      else if (strcmp(k, "wall_ms") == 0) st->wall_ms = number(v);
      else if (strcmp(k, "fsize_kb") == 0) st->fsize_kb = number(v);
      else if (strcmp(k, "nproc") == 0) st->nproc = number(v);
      else if (strcmp(k, "nofile") == 0) st->nofile = number(v);
      else if (strcmp(k, "stack_kb") == 0) st->stack_kb = number(v);
      else if (strcmp(k, "as_kb") == 0) st->as_kb = number(v);
      else if (strcmp(k, "out_cap") == 0) st->out_cap = number(v);
      else if (strcmp(k, "err_cap") == 0) st->err_cap = number(v);
      else if (strcmp(k, "out_keep") == 0) st->out_keep = number(v);
      else if (strcmp(k, "err_keep") == 0) st->err_keep = number(v);
      else return -1;
    }
  }
  return st->op ? 0 : -1;
}

/* ---- cleaning: never follows a symlink the submission planted (FTW_PHYS, lchown, unlink). ---- */

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)sb;
  (void)flag;
  if (ftw->level == 0) return 0; /* keep the top directory (a mount point or recreated below) */
  if (remove(path) < 0 && errno != ENOENT) dprintf(2, "supervisor: remove %s: %s\n", path, strerror(errno));
  return 0;
}

static void empty_dir(const char *dir) {
  nftw(dir, remove_entry, 32, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

static int seal_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)ftw;
  if (lchown(path, 0, 0) < 0) dprintf(2, "supervisor: lchown %s: %s\n", path, strerror(errno));
  if (flag != FTW_SL && flag != FTW_SLN) chmod(path, sb->st_mode & 0555);
  if (flag == FTW_D || flag == FTW_DP) chmod(path, 0755);
  return 0;
}

static void fresh_run_dir(long uid, long gid) {
  empty_dir(RUN_DIR);
  empty_dir("/tmp");
  empty_dir("/dev/shm");
  if (mkdir(RUN_DIR, 0755) < 0 && errno != EEXIST) fail("mkdir run");
  if (chown(RUN_DIR, (uid_t)uid, (gid_t)gid) < 0) fail("chown run");
}

/* ---- processes ---- */

struct child_state {
  pid_t pid;
  int done;
  int status;
  struct rusage ru;
  long long end_ms;
};

static void reap(struct child_state *main, int block) {
  for (;;) {
    int status;
    struct rusage ru;
    pid_t p = wait4(-1, &status, block ? 0 : WNOHANG, &ru);
    if (p <= 0) return;
    if (p == main->pid && !main->done) {
      main->done = 1;
      main->status = status;
      main->ru = ru;
      main->end_ms = now_ms();
    }
  }
}

/* SIGKILLs every process but this one (kill(-1) from PID 1) and reaps them all. */
static void kill_all(struct child_state *main) {
  for (int round = 0; round < 2000; round++) {
    int r = kill(-1, SIGKILL);
    int e = errno;
    reap(main, 0);
    if (r < 0 && e == ESRCH) return;
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
  }
  dprintf(2, "supervisor: processes survive kill(-1)\n");
}

/* In the child: a step that cannot be set up is reported like a failed exec (the driver's IE). */
static int report_fd = -1;
static void setup_failed(void) {
  int e = errno ? errno : EINVAL;
  write_full(report_fd, &e, sizeof e);
  _exit(127);
}

static void set_limit(int resource, rlim_t soft, rlim_t hard) {
  struct rlimit rl = {soft, hard};
  if (setrlimit(resource, &rl) < 0) setup_failed();
}

static void exec_child(const struct step *st, int in_fd, int out_w, int err_w, int report_w) {
  report_fd = report_w;
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  signal(SIGPIPE, SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
  setsid();
  if (dup2(in_fd, 0) < 0 || dup2(out_w, 1) < 0 || dup2(err_w, 2) < 0) setup_failed();
  if (chdir(st->cwd) < 0) setup_failed();
  if (st->cpu_ms > 0) {
    rlim_t s = (rlim_t)((st->cpu_ms + 999) / 1000);
    set_limit(RLIMIT_CPU, s, s + 1);
  }
  if (st->fsize_kb > 0) set_limit(RLIMIT_FSIZE, (rlim_t)st->fsize_kb << 10, (rlim_t)st->fsize_kb << 10);
  if (st->nproc > 0) set_limit(RLIMIT_NPROC, (rlim_t)st->nproc, (rlim_t)st->nproc);
  if (st->nofile > 0) set_limit(RLIMIT_NOFILE, (rlim_t)st->nofile, (rlim_t)st->nofile);
  if (st->stack_kb > 0) set_limit(RLIMIT_STACK, (rlim_t)st->stack_kb << 10, (rlim_t)st->stack_kb << 10);
  if (st->as_kb > 0) set_limit(RLIMIT_AS, (rlim_t)st->as_kb << 10, (rlim_t)st->as_kb << 10);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_MEMLOCK, 0, 0);
  if (setgroups(0, NULL) < 0) setup_failed();
  if (setresgid((gid_t)st->gid, (gid_t)st->gid, (gid_t)st->gid) < 0) setup_failed();
  if (setresuid((uid_t)st->uid, (uid_t)st->uid, (uid_t)st->uid) < 0) setup_failed();
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) setup_failed();
  char *const *env = st->env;
  execve(st->argv[0], st->argv, env);
  setup_failed();
}

static void meta(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char meta_buf[4096];
static size_t meta_len;
static void meta(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(meta_buf + meta_len, sizeof meta_buf - meta_len, fmt, ap);
  va_end(ap);
  if (n > 0 && meta_len + (size_t)n < sizeof meta_buf) meta_len += (size_t)n;
}

static void flush_meta(void) {
  send_frame('M', meta_buf, (uint32_t)meta_len);
  meta_len = 0;
}

static void run_step(const struct step *st, const char *input, uint32_t input_len) {
  if (st->argc == 0 || st->wall_ms <= 0) {
    meta("error=bad run step\n");
    flush_meta();
    return;
  }
  if (strcmp(st->cwd, RUN_DIR) == 0) fresh_run_dir(st->uid, st->gid);
  else {
    empty_dir("/tmp");
    empty_dir("/dev/shm");
  }

  /* stdin is a sealed memfd: a regular file the program can read, seek or mmap but not change. */
  int in_fd = memfd_create("stdin", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (in_fd < 0) fail("memfd_create");
  write_full(in_fd, input, input_len);
  fcntl(in_fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
  lseek(in_fd, 0, SEEK_SET);

  send_frame('S', NULL, 0);
  uint32_t go_len;
  char *go = read_message(&go_len);
  if (!go) _exit(0);
  free(go);

  int out[2], err[2], report[2];
  if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0 || pipe2(report, O_CLOEXEC) < 0) fail("pipe");

  struct child_state main = {0};
  long long start = now_ms();
  child_event = 0;
  main.pid = fork();
  if (main.pid < 0) fail("fork");
  if (main.pid == 0) exec_child(st, in_fd, out[1], err[1], report[1]);
  close(in_fd);
  close(out[1]);
  close(err[1]);
  close(report[1]);

  int exec_errno = 0;
  if (read_full(report[0], &exec_errno, sizeof exec_errno) < 0) exec_errno = 0;
  close(report[0]);

  sigset_t wait_mask;
  sigprocmask(SIG_SETMASK, NULL, &wait_mask);
  sigdelset(&wait_mask, SIGCHLD);

  long caps[2] = {st->out_cap, st->err_cap};
  long keep[2] = {st->out_keep > 0 ? st->out_keep : st->out_cap, st->err_keep > 0 ? st->err_keep : st->err_cap};
  long seen[2] = {0, 0};
  int fds[2] = {out[0], err[0]};
  const char types[2] = {'O', 'E'};
  const char *ole = NULL;
  int timed_out = 0, killed = 0, driver_kill = 0, driver_open = 1;
  long long deadline = start + st->wall_ms, drain_deadline = 0;
  static char chunk[65536];

  for (;;) {
    reap(&main, 0);
    if (main.done && !killed) {
      kill_all(&main); /* leftovers: daemons, threads of a double fork, stopped processes */
      killed = 1;
    }
    if (fds[0] < 0 && fds[1] < 0 && main.done) break;
    long long t = now_ms();
    if (!main.done && t >= deadline) {
      timed_out = 1;
      kill_all(&main);
      killed = 1;
      if (!main.done) reap(&main, 1);
      continue;
    }
    if (killed) {
      if (!drain_deadline) drain_deadline = t + 2000;
      if (t >= drain_deadline) break; /* a pipe still held open: should not happen after kill(-1) */
    }
    struct pollfd pfd[3];
    int n = 0, idx[3];
    for (int i = 0; i < 2; i++)
      if (fds[i] >= 0) {
        pfd[n].fd = fds[i];
        pfd[n].events = POLLIN;
        idx[n++] = i;
      }
    if (driver_open && !killed) {
      pfd[n].fd = 0;
      pfd[n].events = POLLIN;
      idx[n++] = 2;
    }
    long long until = killed ? drain_deadline : deadline;
    long long wait = until - t;
    if (wait > 50 || main.done) wait = wait > 50 ? 50 : wait; /* SIGCHLD wakes us early; 50 ms is a backstop */
    struct timespec ts = {(time_t)(wait / 1000), (long)(wait % 1000) * 1000000};
    int r = ppoll(pfd, (nfds_t)n, &ts, &wait_mask);
    if (r < 0 && errno != EINTR) fail("ppoll");
    for (int j = 0; r > 0 && j < n; j++) {
      if (!(pfd[j].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      int i = idx[j];
      if (i == 2) {
        uint32_t klen;
        char *msg = read_message(&klen);
        if (!msg) driver_open = 0; /* the driver is gone: finish this step, then exit */
        free(msg);
        driver_kill = 1;
        kill_all(&main);
        killed = 1;
        continue;
      }
      ssize_t got = read(fds[i], chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        close(fds[i]);
        fds[i] = -1;
        continue;
      }
      long room = keep[i] - seen[i];
      if (room > 0) send_frame(types[i], chunk, (uint32_t)(got < room ? got : room));
      seen[i] += got;
      if (seen[i] > caps[i] && !ole && !killed) {
        ole = i == 0 ? "stdout" : "stderr";
        kill_all(&main);
        killed = 1;
      }
    }
  }
  for (int i = 0; i < 2; i++)
    if (fds[i] >= 0) close(fds[i]);
  if (!main.done) reap(&main, 1);

  long long end = main.done ? main.end_ms : now_ms();
  long cpu = main.ru.ru_utime.tv_sec * 1000 + main.ru.ru_utime.tv_usec / 1000 + main.ru.ru_stime.tv_sec * 1000 +
             main.ru.ru_stime.tv_usec / 1000;
  meta("cpu_ms=%ld\nwall_ms=%lld\nmaxrss_kb=%ld\n", cpu, end - start, main.ru.ru_maxrss);
  if (WIFEXITED(main.status)) meta("exit=%d\n", WEXITSTATUS(main.status));
  if (WIFSIGNALED(main.status)) meta("signal=%d\n", WTERMSIG(main.status));
  if (timed_out) meta("timeout=1\n");
  if (driver_kill) meta("driver_kill=1\n");
  if (ole) meta("ole=%s\n", ole);
  if (exec_errno) meta("exec_errno=%d\n", exec_errno);
  meta("stdout_bytes=%ld\nstderr_bytes=%ld\n", seen[0], seen[1]);
  flush_meta();
}

static void put_file(const struct step *st, const char *data, uint32_t len) {
  const char *name = st->name;
  if (!name || !*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
    meta("error=bad file name\n");
    flush_meta();
    return;
  }
  int dir = open(BOX_DIR, O_DIRECTORY | O_NOFOLLOW | O_RDONLY | O_CLOEXEC);
  int fd = dir < 0 ? -1 : openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    meta("error=open %s: %s\n", name, strerror(errno));
  } else {
    write_full(fd, data, len);
    close(fd);
    meta("ok=1\n");
  }
  if (dir >= 0) close(dir);
  flush_meta();
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGCHLD);
  sigprocmask(SIG_BLOCK, &block, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigchld;
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  umask(022);

  if (mkdir(BOX_DIR, 0755) < 0 && errno != EEXIST) fail("mkdir box");
  if (chown(BOX_DIR, 65534, 65534) < 0) fail("chown box");
  fresh_run_dir(65534, 65534);
  send_frame('R', "ready", 5);

  for (;;) {
    uint32_t len;
    char *msg = read_message(&len);
    if (!msg) break;
    struct step st;
    if (parse_step(msg, len, &st) < 0) {
      errno = EINVAL;
      fail("bad command"); /* the stream cannot be trusted to be in step any more */
    }
    st.argv[st.argc] = NULL;
    st.env[st.nenv] = NULL;
    if (strcmp(st.op, "run") == 0 || strcmp(st.op, "put") == 0) {
      uint32_t dlen;
      char *data = read_message(&dlen);
      if (!data) break;
      if (st.op[0] == 'r') run_step(&st, data, dlen);
      else put_file(&st, data, dlen);
      free(data);
    } else if (strcmp(st.op, "seal") == 0) {
      struct child_state none = {0};
      kill_all(&none);
      nftw(BOX_DIR, seal_entry, 32, FTW_PHYS | FTW_MOUNT);
      meta("ok=1\n");
      flush_meta();
    } else if (strcmp(st.op, "kill") == 0) {
      /* a kill that crossed the end of its step: nothing is running */
    } else if (strcmp(st.op, "exit") == 0) {
      free(msg);
      break;
    } else {
      meta("error=unknown op\n");
      flush_meta();
    }
    free(msg);
  }
  struct child_state none = {0};
  kill_all(&none);
  return 0;
}
