/**
 * Return a NUL-terminated string (malloc'd or static).
 */
char* longestCappedWindow(const char* s, int k) {
    int n = (int)strlen(s);
    int count[26] = {0};
    int left = 0, bestStart = 0, bestLen = 0;
    for (int right = 0; right < n; right++) {
        int c = s[right] - 'a';
        count[c]++;
        while (count[c] > k) {
            count[s[left] - 'a']--;
            left++;
        }
        if (right - left + 1 > bestLen) {
            bestLen = right - left + 1;
            bestStart = left;
        }
    }
    char* result = malloc(bestLen + 1);
    memcpy(result, s + bestStart, bestLen);
    result[bestLen] = '\0';
    return result;
}
