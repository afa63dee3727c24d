#include <stdio.h>
#include <string.h>
int main(void) {
  static char block[1 << 20];
  memset(block, 'x', sizeof block);
  FILE *f = fopen("/tmp/fill", "w");
  if (!f) return 3;
  for (;;) fwrite(block, 1, sizeof block, f);
}
