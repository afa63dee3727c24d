// Bug: the prefix sums are 32-bit, so any range whose sum leaves the int range comes out wrong.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 1;
    vector<int> prefix(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        int a;
        scanf("%d", &a);
        prefix[i] = (int)((unsigned)prefix[i - 1] + (unsigned)a);
    }
    while (q--) {
        int l, r;
        scanf("%d %d", &l, &r);
        printf("%d\n", (int)((unsigned)prefix[r] - (unsigned)prefix[l - 1]));
    }
}
