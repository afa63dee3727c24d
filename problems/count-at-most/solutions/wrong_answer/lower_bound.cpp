// Bug: lower_bound counts the values strictly below x, missing those equal to it.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 1;
    vector<int> a(n);
    for (int& v : a) scanf("%d", &v);
    sort(a.begin(), a.end());
    while (q--) {
        int x;
        scanf("%d", &x);
        printf("%d\n", (int)(lower_bound(a.begin(), a.end(), x) - a.begin()));
    }
}
