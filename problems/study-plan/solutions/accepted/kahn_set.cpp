#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    vector<vector<int>> after(n + 1);
    vector<int> indegree(n + 1, 0);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        after[a].push_back(b);
        indegree[b]++;
    }
    set<int> ready;
    for (int v = 1; v <= n; v++)
        if (indegree[v] == 0) ready.insert(v);
    vector<int> order;
    while (!ready.empty()) {
        int v = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(v);
        for (int w : after[v])
            if (--indegree[w] == 0) ready.insert(w);
    }
    if ((int)order.size() != n) {
        puts("IMPOSSIBLE");
        return 0;
    }
    string out;
    for (int i = 0; i < n; i++) {
        if (i) out += ' ';
        out += to_string(order[i]);
    }
    puts(out.c_str());
}
