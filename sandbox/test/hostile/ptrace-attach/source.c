#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <unistd.h>
int main(void) {
  long r1 = ptrace(PTRACE_ATTACH, 1, 0, 0);
  int e1 = errno;
  long r2 = ptrace(PTRACE_ATTACH, getppid(), 0, 0);
  int e2 = errno;
  printf("attach init: %s\n", r1 == 0 ? "attached" : strerror(e1));
  printf("attach parent: %s\n", r2 == 0 ? "attached" : strerror(e2));
  return 0;
}
