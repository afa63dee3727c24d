class Solution:
    def maskMatches(self, mask: str, name: str) -> bool:
        # split the mask into tokens: '**', '*', '?' or a literal character
        tokens = []
        i = 0
        while i < len(mask):
            if mask.startswith("**", i):
                tokens.append("**")
                i += 2
            else:
                tokens.append(mask[i])
                i += 1
        m, n = len(tokens), len(name)
        # dp[i][j]: tokens[i:] match name[j:]
        dp = [[False] * (n + 1) for _ in range(m + 1)]
        dp[m][n] = True
        for i in range(m - 1, -1, -1):
            t = tokens[i]
            row, nxt = dp[i], dp[i + 1]
            if t == "**":
                row[n] = nxt[n]
                for j in range(n - 1, -1, -1):
                    row[j] = nxt[j] or row[j + 1]
            elif t == "*":
                row[n] = nxt[n]
                for j in range(n - 1, -1, -1):
                    row[j] = nxt[j] or (name[j] != "/" and row[j + 1])
            elif t == "?":
                for j in range(n):
                    row[j] = name[j] != "/" and nxt[j + 1]
            else:
                for j in range(n):
                    row[j] = name[j] == t and nxt[j + 1]
        return dp[0][0]
