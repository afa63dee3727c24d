#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s, t;
    cin >> s >> t;
    int need[128] = {0};
    for (unsigned char c : t) need[c]++;
    long long missing = t.size();
    int n = s.size(), bestLen = n + 1, bestStart = -1, left = 0;
    for (int right = 0; right < n; right++) {
        if (need[(unsigned char)s[right]]-- > 0) missing--;
        if (missing == 0) {
            while (need[(unsigned char)s[left]] < 0) need[(unsigned char)s[left++]]++;
            if (right - left + 1 < bestLen) bestLen = right - left + 1, bestStart = left;
            need[(unsigned char)s[left++]]++;
            missing++;
        }
    }
    if (bestStart < 0) cout << -1 << '\n';
    else cout << bestLen << ' ' << bestStart + 1 << '\n';
}
