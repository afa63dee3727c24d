// Bug: the answer is kept in an int, too small for n(n-1)/2 pairs.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 1;
    unordered_map<long long, int> seen;
    unsigned pairs = 0;  // as if int: wraps past 2^32, and printed signed
    for (int i = 0; i < n; i++) {
        long long a;
        scanf("%lld", &a);
        auto it = seen.find(k - a);
        if (it != seen.end()) pairs += it->second;
        seen[a]++;
    }
    printf("%d\n", (int)pairs);
}
