#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    unordered_map<string, int> groups;
    groups.reserve(2 * n);
    string w;
    int largest = 0;
    for (int i = 0; i < n; i++) {
        cin >> w;
        sort(w.begin(), w.end());
        largest = max(largest, ++groups[w]);
    }
    cout << groups.size() << ' ' << largest << '\n';
}
