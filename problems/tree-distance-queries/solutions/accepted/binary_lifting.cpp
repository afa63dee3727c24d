#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 1;
    const int LOG = 17;
    vector<array<int, LOG>> up(n + 1);
    vector<vector<int>> children(n + 1);
    up[1].fill(1);
    for (int i = 2; i <= n; i++) {
        scanf("%d", &up[i][0]);
        children[up[i][0]].push_back(i);
    }
    vector<int> depth(n + 1, 0), order = {1};
    for (size_t i = 0; i < order.size(); i++)  // breadth-first: ancestors are filled in first
        for (int c : children[order[i]]) {
            depth[c] = depth[order[i]] + 1;
            for (int k = 1; k < LOG; k++) up[c][k] = up[up[c][k - 1]][k - 1];
            order.push_back(c);
        }
    string out;
    while (q--) {
        int u, v;
        scanf("%d %d", &u, &v);
        int a = u, b = v;
        if (depth[a] < depth[b]) swap(a, b);
        for (int k = LOG - 1; k >= 0; k--)
            if (depth[a] - (1 << k) >= depth[b]) a = up[a][k];
        if (a != b) {
            for (int k = LOG - 1; k >= 0; k--)
                if (up[a][k] != up[b][k]) a = up[a][k], b = up[b][k];
            a = up[a][0];
        }
        out += to_string(depth[u] + depth[v] - 2 * depth[a]);
        out += '\n';
    }
    fputs(out.c_str(), stdout);
}
