// dp over values: best[v] = longest strictly increasing subsequence ending in value rank v,
// read as a prefix maximum over smaller ranks (Fenwick tree).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    vector<int> a(n);
    for (auto& v : a) scanf("%d", &v);
    vector<int> values(a);
    sort(values.begin(), values.end());
    values.erase(unique(values.begin(), values.end()), values.end());
    int m = values.size();
    vector<int> tree(m + 1, 0);
    int answer = 0;
    for (int v : a) {
        int rank = lower_bound(values.begin(), values.end(), v) - values.begin();  // count of smaller values
        int best = 0;
        for (int i = rank; i > 0; i -= i & -i) best = max(best, tree[i]);
        best++;
        answer = max(answer, best);
        for (int i = rank + 1; i <= m; i += i & -i) tree[i] = max(tree[i], best);
    }
    printf("%d\n", answer);
}
