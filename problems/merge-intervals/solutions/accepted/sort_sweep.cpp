#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<pair<long long, long long>> iv(n);
    for (auto& [l, r] : iv) scanf("%lld %lld", &l, &r);
    sort(iv.begin(), iv.end());
    long long blocks = 0, total = 0;
    long long cl = iv[0].first, cr = iv[0].second;
    for (int i = 1; i < n; i++) {
        if (iv[i].first <= cr) {
            cr = max(cr, iv[i].second);
        } else {
            blocks++;
            total += cr - cl;
            cl = iv[i].first;
            cr = iv[i].second;
        }
    }
    blocks++;
    total += cr - cl;
    printf("%lld %lld\n", blocks, total);
}
