#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 1;
    vector<int> a(n);
    for (int& v : a) scanf("%d", &v);
    sort(a.begin(), a.end());
    string out;
    while (q--) {
        int x;
        scanf("%d", &x);
        out += to_string(upper_bound(a.begin(), a.end(), x) - a.begin());
        out += '\n';
    }
    fputs(out.c_str(), stdout);
}
