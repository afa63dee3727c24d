class Solution {
public:
    bool maskMatches(string mask, string name) {
        vector<string> tokens;
        for (size_t i = 0; i < mask.size(); i++) {
            if (mask[i] == '*' && i + 1 < mask.size() && mask[i + 1] == '*') {
                tokens.push_back("**");
                i++;
            } else {
                tokens.push_back(string(1, mask[i]));
            }
        }
        int m = tokens.size(), n = name.size();
        // forward DP: dp[j] = tokens[0..i) match name[0..j)
        vector<char> dp(n + 1, 0), next(n + 1);
        dp[0] = 1;
        for (int i = 0; i < m; i++) {
            const string& t = tokens[i];
            fill(next.begin(), next.end(), 0);
            if (t == "**") {
                next[0] = dp[0];
                for (int j = 1; j <= n; j++) next[j] = dp[j] || next[j - 1];
            } else if (t == "*") {
                next[0] = dp[0];
                for (int j = 1; j <= n; j++) next[j] = dp[j] || (name[j - 1] != '/' && next[j - 1]);
            } else {
                for (int j = 1; j <= n; j++) {
                    bool ok = t[0] == '?' ? name[j - 1] != '/' : name[j - 1] == t[0];
                    next[j] = ok && dp[j - 1];
                }
            }
            swap(dp, next);
        }
        return dp[n];
    }
};
