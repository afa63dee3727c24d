// The farthest node from any node is an end of a diameter; the farthest from it is the other end.
#include <bits/stdc++.h>
using namespace std;

int n;
vector<vector<pair<int, int>>> adj;

pair<long long, int> farthest(int from) {
    vector<long long> dist(n + 1, -1);
    vector<int> stack = {from};
    dist[from] = 0;
    pair<long long, int> best = {0, from};
    while (!stack.empty()) {
        int u = stack.back();
        stack.pop_back();
        best = max(best, {dist[u], u});
        for (auto [v, w] : adj[u])
            if (dist[v] < 0) {
                dist[v] = dist[u] + w;
                stack.push_back(v);
            }
    }
    return best;
}

int main() {
    if (scanf("%d", &n) != 1) return 1;
    vector<int> p(n + 1);
    adj.assign(n + 1, {});
    for (int i = 2; i <= n; i++) scanf("%d", &p[i]);
    for (int i = 2; i <= n; i++) {
        int w;
        scanf("%d", &w);
        adj[i].push_back({p[i], w});
        adj[p[i]].push_back({i, w});
    }
    int end = farthest(1).second;
    printf("%lld\n", farthest(end).first);
}
