#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    string s;
    cin >> k >> s;
    int count[26] = {0}, distinct = 0, left = 0, best = 0;
    for (int right = 0; right < (int)s.size(); right++) {
        if (count[s[right] - 'a']++ == 0) distinct++;
        while (distinct > k)
            if (--count[s[left++] - 'a'] == 0) distinct--;
        best = max(best, right - left + 1);
    }
    cout << best << '\n';
}
