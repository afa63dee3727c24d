/**
 * nums has numsSize elements.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
static long long lowerBound, upperBound;
static long long* buffer;

static long long sortCount(long long* p, int lo, int hi) {
    if (hi - lo <= 1) return 0;
    int mid = lo + (hi - lo) / 2;
    long long count = sortCount(p, lo, mid) + sortCount(p, mid, hi);
    int a = mid, b = mid;
    for (int i = lo; i < mid; i++) {
        while (a < hi && p[a] - p[i] < lowerBound) a++;
        while (b < hi && p[b] - p[i] <= upperBound) b++;
        count += b - a;
    }
    int i = lo, j = mid, k = 0;
    while (i < mid && j < hi) buffer[k++] = p[i] <= p[j] ? p[i++] : p[j++];
    while (i < mid) buffer[k++] = p[i++];
    while (j < hi) buffer[k++] = p[j++];
    memcpy(p + lo, buffer, k * sizeof(long long));
    return count;
}

long long countBoundedSegments(const int* nums, int numsSize, long long lower, long long upper) {
    lowerBound = lower;
    upperBound = upper;
    long long* prefix = malloc((numsSize + 1) * sizeof(long long));
    buffer = malloc((numsSize + 1) * sizeof(long long));
    prefix[0] = 0;
    for (int i = 0; i < numsSize; i++) prefix[i + 1] = prefix[i] + nums[i];
    long long result = sortCount(prefix, 0, numsSize + 1);
    free(prefix);
    free(buffer);
    return result;
}
