bool maskMatches(const char* mask, const char* name) {
    int m = strlen(mask), n = strlen(name);
    // cur[j] / next[j]: mask[i:] / mask[i+1:] (or i+2 after '**') match name[j:]
    char* rows = calloc((size_t)(m + 2) * (n + 1), 1);
#define ROW(i) (rows + (size_t)(i) * (n + 1))
    ROW(m)[n] = 1;
    for (int i = m - 1; i >= 0; i--) {
        char* cur = ROW(i);
        if (mask[i] == '*' && mask[i + 1] == '*') {
            char* after = ROW(i + 2);
            cur[n] = after[n];
            for (int j = n - 1; j >= 0; j--) cur[j] = after[j] || cur[j + 1];
        } else if (mask[i] == '*') {
            // the second star of a '**' also lands here; its row is never read
            char* after = ROW(i + 1);
            cur[n] = after[n];
            for (int j = n - 1; j >= 0; j--) cur[j] = after[j] || (name[j] != '/' && cur[j + 1]);
        } else if (mask[i] == '?') {
            char* after = ROW(i + 1);
            for (int j = 0; j < n; j++) cur[j] = name[j] != '/' && after[j + 1];
        } else {
            char* after = ROW(i + 1);
            for (int j = 0; j < n; j++) cur[j] = name[j] == mask[i] && after[j + 1];
        }
    }
    bool result = ROW(0)[0];
    free(rows);
    return result;
}
