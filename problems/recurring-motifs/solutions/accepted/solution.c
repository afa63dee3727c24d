/**
 * Return an array (malloc'd or static) and set *returnSize to its length.
 */
static int cmpCodes(const void* a, const void* b) {
    long long x = *(const long long*)a, y = *(const long long*)b;
    return (x > y) - (x < y);
}

char** recurringMotifs(const char* signal, int k, int* returnSize) {
    int n = (int)strlen(signal);
    int blocks = n - k + 1;
    *returnSize = 0;
    if (blocks <= 1) return malloc(sizeof(char*));
    // A block of at most 10 letters is a base-26 number below 26^10: it fits in 64 bits,
    // and for blocks of equal length numeric order is lexicographic order.
    long long* codes = malloc(blocks * sizeof(long long));
    long long top = 1;
    for (int i = 1; i < k; i++) top *= 26;
    long long code = 0;
    for (int i = 0; i < n; i++) {
        if (i >= k) code -= (signal[i - k] - 'a') * top;
        code = code * 26 + (signal[i] - 'a');
        if (i >= k - 1) codes[i - k + 1] = code;
    }
    qsort(codes, blocks, sizeof(long long), cmpCodes);
    char** result = malloc(blocks * sizeof(char*));
    int count = 0;
    for (int i = 1; i < blocks; i++) {
        if (codes[i] == codes[i - 1] && (i < 2 || codes[i - 2] != codes[i])) {
            char* motif = malloc(k + 1);
            long long c = codes[i];
            for (int j = k - 1; j >= 0; j--) {
                motif[j] = (char)('a' + c % 26);
                c /= 26;
            }
            motif[k] = '\0';
            result[count++] = motif;
        }
    }
    free(codes);
    *returnSize = count;
    return result;
}
