/**
 * stages has stagesSize elements.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
static bool fits(const int* stages, int n, int days, long long limit) {
    int used = 1;
    long long today = 0;
    for (int i = 0; i < n; i++) {
        if (today + stages[i] > limit) {
            if (++used > days) return false;
            today = 0;
        }
        today += stages[i];
    }
    return true;
}

long long minDailyDistance(const int* stages, int stagesSize, int days) {
    long long lo = 0, hi = 0;
    for (int i = 0; i < stagesSize; i++) {
        if (stages[i] > lo) lo = stages[i];
        hi += stages[i];
    }
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        if (fits(stages, stagesSize, days, mid)) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}
