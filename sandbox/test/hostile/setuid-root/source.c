#include <stdio.h>
#include <unistd.h>
int main(void) {
  int a = setuid(0);
  int b = setgid(0);
  printf("setuid: %s\nsetgid: %s\nuid=%d euid=%d\n", a == 0 ? "root" : "denied", b == 0 ? "root" : "denied", (int)getuid(), (int)geteuid());
  return 0;
}
