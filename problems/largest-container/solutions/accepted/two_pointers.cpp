#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<long long> h(n);
    for (auto& v : h) scanf("%lld", &v);
    int lo = 0, hi = n - 1;
    long long best = 0;
    while (lo < hi) {
        // the lower wall can only form smaller containers with walls closer to it: drop it
        best = max(best, (hi - lo) * min(h[lo], h[hi]));
        if (h[lo] < h[hi]) lo++;
        else hi--;
    }
    printf("%lld\n", best);
}
