// Bug: the capacity is computed in int, which 10^5 * 10^6 overflows.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<int> h(n);
    for (auto& v : h) scanf("%d", &v);
    int lo = 0, hi = n - 1;
    int best = 0;
    while (lo < hi) {
        int area = (int)((unsigned)(hi - lo) * (unsigned)min(h[lo], h[hi]));  // wraps like an int would
        best = max(best, area);
        if (h[lo] < h[hi]) lo++;
        else hi--;
    }
    printf("%d\n", best);
}
