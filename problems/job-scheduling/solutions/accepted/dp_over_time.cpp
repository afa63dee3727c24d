// best[t] = most pay from jobs that end by time t; jobs grouped by end time.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    const int T = 1000000;
    vector<vector<pair<int, int>>> endingAt(T + 1);
    for (int i = 0; i < n; i++) {
        int s, e, p;
        scanf("%d %d %d", &s, &e, &p);
        endingAt[e].push_back({s, p});
    }
    vector<long long> best(T + 1, 0);
    for (int t = 1; t <= T; t++) {
        best[t] = best[t - 1];
        for (auto [s, p] : endingAt[t]) best[t] = max(best[t], best[s] + p);
    }
    printf("%lld\n", best[T]);
}
