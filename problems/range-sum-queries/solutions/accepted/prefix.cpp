#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 1;
    vector<long long> prefix(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        long long a;
        scanf("%lld", &a);
        prefix[i] = prefix[i - 1] + a;
    }
    string out;
    char buf[32];
    while (q--) {
        int l, r;
        scanf("%d %d", &l, &r);
        snprintf(buf, sizeof buf, "%lld\n", prefix[r] - prefix[l - 1]);
        out += buf;
    }
    fputs(out.c_str(), stdout);
}
