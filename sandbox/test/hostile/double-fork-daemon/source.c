#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  char mode[16] = "";
  if (scanf("%15s", mode) != 1) return 2;
  if (strcmp(mode, "spawn") == 0) {
    if (fork() == 0) {
      setsid();
      if (fork() == 0) {
        for (;;) {
          sleep(1);
          puts("daemon still here");
          fflush(stdout);
        }
      }
      _exit(0);
    }
    puts("parent done");
    return 0;
  }
  /* count processes other than PID 1 and ourselves */
  int others = 0;
  DIR *d = opendir("/proc");
  struct dirent *e;
  while (d && (e = readdir(d))) {
    int pid = atoi(e->d_name);
    if (pid > 1 && pid != getpid()) others++;
  }
  printf("%d\n", others);
  return 0;
}
