/**
 * busy has busySize rows; row i has busyColSizes[i] elements.
 * Return an array of *returnSize rows (malloc'd) and set *returnColumnSizes to a malloc'd array of the rows' lengths.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
static int byStart(const void* a, const void* b) {
    const int* x = *(const int* const*)a;
    const int* y = *(const int* const*)b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return 0;
}

int** sharedFreeSlots(int** busy, int busySize, int* busyColSizes, int dayStart, int dayEnd, int* returnSize, int** returnColumnSizes) {
    qsort(busy, busySize, sizeof(int*), byStart);
    int** out = malloc(sizeof(int*) * (busySize + 1));
    int count = 0;
    int t = dayStart;
    for (int i = 0; i < busySize && t < dayEnd; i++) {
        if (busy[i][0] > t) {
            out[count] = malloc(2 * sizeof(int));
            out[count][0] = t;
            out[count][1] = busy[i][0] < dayEnd ? busy[i][0] : dayEnd;
            count++;
        }
        if (busy[i][1] > t) t = busy[i][1];
    }
    if (t < dayEnd) {
        out[count] = malloc(2 * sizeof(int));
        out[count][0] = t;
        out[count][1] = dayEnd;
        count++;
    }
    *returnSize = count;
    *returnColumnSizes = malloc(sizeof(int) * (count + 1));
    for (int i = 0; i < count; i++) (*returnColumnSizes)[i] = 2;
    return out;
}
