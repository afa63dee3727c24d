#include <cstdio>
volatile int sink;
int dive(int depth) {
  volatile char frame[256];
  frame[depth % 256] = (char)depth;
  sink = frame[(depth * 7) % 256];
  return dive(depth + 1) + sink;
}
int main() { std::printf("%d\n", dive(0)); }
