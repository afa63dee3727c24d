#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 1;
    vector<long long> a(n);
    for (auto& v : a) scanf("%lld", &v);
    sort(a.begin(), a.end());
    // two pointers over runs of equal values
    long long pairs = 0;
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long sum = a[lo] + a[hi];
        if (sum < k) lo++;
        else if (sum > k) hi--;
        else if (a[lo] == a[hi]) {
            long long run = hi - lo + 1;
            pairs += run * (run - 1) / 2;
            break;
        } else {
            long long left = 1, right = 1;
            while (lo + 1 < hi && a[lo + 1] == a[lo]) lo++, left++;
            while (hi - 1 > lo && a[hi - 1] == a[hi]) hi--, right++;
            pairs += left * right;
            lo++, hi--;
        }
    }
    printf("%lld\n", pairs);
}
