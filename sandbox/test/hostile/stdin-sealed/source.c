#include <stdio.h>
#include <unistd.h>
int main(void) {
  int w = (int)write(0, "changed", 7);
  int t = ftruncate(0, 0);
  char buf[64] = {0};
  lseek(0, 0, SEEK_SET);
  ssize_t n = read(0, buf, sizeof buf - 1);
  printf("write: %s\ntruncate: %s\ninput: %.*s\n", w < 0 ? "denied" : "DONE", t < 0 ? "denied" : "DONE", (int)(n > 0 ? n : 0), buf);
  return 0;
}
