#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
static const char *result(long r) { return r == 0 ? "done" : "denied"; }
static int child(void *arg) {
  (void)arg;
  return 0;
}
static char stack[65536];
int main(void) {
  printf("mount: %s\n", result(mount("none", "/tmp", "tmpfs", 0, "")));
  printf("remount /usr rw: %s\n", result(mount("none", "/usr", NULL, MS_REMOUNT, "")));
  printf("chroot: %s\n", result(chroot("/tmp")));
  printf("unshare user ns: %s\n", result(unshare(CLONE_NEWUSER)));
  printf("unshare mount ns: %s\n", result(unshare(CLONE_NEWNS)));
  int pid = clone(child, stack + sizeof stack, CLONE_NEWUSER | CLONE_NEWNS | SIGCHLD, NULL);
  printf("clone into new namespaces: %s\n", pid > 0 ? "done" : "denied");
  if (pid > 0) waitpid(pid, NULL, 0);
  long c3 = syscall(SYS_clone3, NULL, 0);
  printf("clone3: %s\n", c3 == 0 ? "done" : "denied");
  pid = fork();
  if (pid == 0) _exit(0);
  printf("plain fork: %s\n", pid > 0 ? "works" : "broken");
  waitpid(pid, NULL, 0);
  return 0;
}
