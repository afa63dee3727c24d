class Solution {
    public boolean maskMatches(String mask, String name) {
        int m = mask.length(), n = name.length();
        // match[i][j]: mask[i..] matches name[j..]
        boolean[][] match = new boolean[m + 2][n + 1];
        match[m][n] = true;
        for (int i = m - 1; i >= 0; i--) {
            char c = mask.charAt(i);
            boolean doubleStar = c == '*' && i + 1 < m && mask.charAt(i + 1) == '*';
            for (int j = n; j >= 0; j--) {
                if (doubleStar) {
                    match[i][j] = match[i + 2][j] || (j < n && match[i][j + 1]);
                } else if (c == '*') {
                    match[i][j] = match[i + 1][j] || (j < n && name.charAt(j) != '/' && match[i][j + 1]);
                } else if (c == '?') {
                    match[i][j] = j < n && name.charAt(j) != '/' && match[i + 1][j + 1];
                } else {
                    match[i][j] = j < n && name.charAt(j) == c && match[i + 1][j + 1];
                }
            }
        }
        return match[0][0];
    }
}
