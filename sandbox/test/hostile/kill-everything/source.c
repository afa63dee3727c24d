#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  int to_init = kill(1, SIGKILL) == 0 ? 0 : errno;
  int to_all = kill(-1, SIGKILL) == 0 ? 0 : errno;
  printf("init: %s\nall: %s\nalive\n", to_init ? strerror(to_init) : "killed", to_all ? strerror(to_all) : "signalled");
  return 0;
}
