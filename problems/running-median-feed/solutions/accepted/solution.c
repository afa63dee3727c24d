/**
 * readings has readingsSize elements.
 * Return an array (malloc'd or static) and set *returnSize to its length.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
// a binary min-heap of ints; the max-heap stores negated values
static void push(int* h, int* n, int x) {
    int i = (*n)++;
    h[i] = x;
    while (i > 0 && h[(i - 1) / 2] > h[i]) {
        int p = (i - 1) / 2, t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
    }
}

static int pop(int* h, int* n) {
    int top = h[0];
    h[0] = h[--(*n)];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < *n && h[l] < h[m]) m = l;
        if (r < *n && h[r] < h[m]) m = r;
        if (m == i) break;
        int t = h[m];
        h[m] = h[i];
        h[i] = t;
        i = m;
    }
    return top;
}

double* runningMedians(const int* readings, int readingsSize, int* returnSize) {
    int* lo = malloc(sizeof(int) * (readingsSize + 1));  // negated: max-heap of the smaller half
    int* hi = malloc(sizeof(int) * (readingsSize + 1));
    int nlo = 0, nhi = 0;
    double* out = malloc(sizeof(double) * readingsSize);
    for (int i = 0; i < readingsSize; i++) {
        int x = readings[i];
        if (nlo == 0 || x <= -lo[0]) push(lo, &nlo, -x);
        else push(hi, &nhi, x);
        if (nlo > nhi + 1) push(hi, &nhi, -pop(lo, &nlo));
        else if (nhi > nlo) push(lo, &nlo, -pop(hi, &nhi));
        if (nlo > nhi) out[i] = -lo[0];
        else out[i] = ((long long)-lo[0] + hi[0]) / 2.0;
    }
    free(lo);
    free(hi);
    *returnSize = readingsSize;
    return out;
}
