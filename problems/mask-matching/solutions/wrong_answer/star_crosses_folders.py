class Solution:
    def maskMatches(self, mask: str, name: str) -> bool:
        # bug: treats every star as '**' (the classic wildcard match, blind to '/')
        m, n = len(mask), len(name)
        dp = [[False] * (n + 1) for _ in range(m + 1)]
        dp[m][n] = True
        for i in range(m - 1, -1, -1):
            for j in range(n, -1, -1):
                c = mask[i]
                if c == "*":
                    dp[i][j] = dp[i + 1][j] or (j < n and dp[i][j + 1])
                elif c == "?":
                    dp[i][j] = j < n and name[j] != "/" and dp[i + 1][j + 1]
                else:
                    dp[i][j] = j < n and name[j] == c and dp[i + 1][j + 1]
        return dp[0][0]
