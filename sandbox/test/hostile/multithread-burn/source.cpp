#include <thread>
#include <vector>
int main() {
  std::vector<std::thread> burners;
  for (int i = 0; i < 8; i++)
    burners.emplace_back([] {
      volatile unsigned long n = 0;
      for (;;) n++;
    });
  for (auto& t : burners) t.join();
}
