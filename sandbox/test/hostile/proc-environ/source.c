#include <stdio.h>
static void dump(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("%s: unreadable\n", path);
    return;
  }
  int c, n = 0;
  printf("%s:", path);
  while ((c = fgetc(f)) != EOF) {
    putchar(c == 0 ? ' ' : c);
    n++;
  }
  printf("%s\n", n ? "" : " (empty)");
  fclose(f);
}
int main(void) {
  dump("/proc/self/environ");
  dump("/proc/1/environ");
  dump("/proc/1/cmdline");
  return 0;
}
