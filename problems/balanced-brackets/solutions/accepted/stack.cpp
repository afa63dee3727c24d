#include <bits/stdc++.h>
using namespace std;

static bool balanced(const string& s) {
    string stack;
    for (char c : s) {
        if (c == '(') stack.push_back(')');
        else if (c == '[') stack.push_back(']');
        else if (c == '{') stack.push_back('}');
        else if (stack.empty() || stack.back() != c) return false;
        else stack.pop_back();
    }
    return stack.empty();
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string s, out;
    while (t--) {
        cin >> s;
        out += balanced(s) ? "YES\n" : "NO\n";
    }
    cout << out;
}
