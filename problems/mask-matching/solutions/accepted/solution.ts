function maskMatches(mask: string, name: string): boolean {
    const m = mask.length, n = name.length;
    // dp[i][j]: mask[0..i) matches name[0..j)
    const dp: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(n + 1).fill(false));
    dp[0][0] = true;
    for (let i = 1; i <= m; i++) {
        const c = mask[i - 1];
        const secondOfPair = c === "*" && i >= 2 && mask[i - 2] === "*";
        const firstOfPair = c === "*" && mask[i] === "*";
        if (firstOfPair) {
            // the first star of '**' does nothing alone: the pair is handled at its second star
            for (let j = 0; j <= n; j++) dp[i][j] = dp[i - 1][j];
            continue;
        }
        for (let j = 0; j <= n; j++) {
            if (secondOfPair) {
                dp[i][j] = dp[i - 1][j] || (j > 0 && dp[i][j - 1]);
            } else if (c === "*") {
                dp[i][j] = dp[i - 1][j] || (j > 0 && name[j - 1] !== "/" && dp[i][j - 1]);
            } else if (c === "?") {
                dp[i][j] = j > 0 && name[j - 1] !== "/" && dp[i - 1][j - 1];
            } else {
                dp[i][j] = j > 0 && name[j - 1] === c && dp[i - 1][j - 1];
            }
        }
    }
    return dp[m][n];
}
