// For each bar, the nearest strictly lower bar on each side bounds the widest rectangle of its height.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<long long> h(n);
    for (auto& x : h) scanf("%lld", &x);
    vector<int> left(n), right(n), stack;
    for (int i = 0; i < n; i++) {
        while (!stack.empty() && h[stack.back()] >= h[i]) stack.pop_back();
        left[i] = stack.empty() ? -1 : stack.back();
        stack.push_back(i);
    }
    stack.clear();
    for (int i = n - 1; i >= 0; i--) {
        while (!stack.empty() && h[stack.back()] >= h[i]) stack.pop_back();
        right[i] = stack.empty() ? n : stack.back();
        stack.push_back(i);
    }
    long long best = 0;
    for (int i = 0; i < n; i++) best = max(best, h[i] * (right[i] - left[i] - 1));
    printf("%lld\n", best);
}
