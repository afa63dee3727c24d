/**
 * readings has readingsSize elements.
 * Return an array (malloc'd or static) and set *returnSize to its length.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
int* firstCalibrationPair(const int* readings, int readingsSize, int target, int* returnSize) {
    int* result = malloc(2 * sizeof(int));
    *returnSize = 0;
    int cap = 1;
    while (cap < 2 * readingsSize + 2) cap <<= 1;
    int* keys = malloc(cap * sizeof(int));
    int* vals = malloc(cap * sizeof(int));
    for (int i = 0; i < cap; i++) vals[i] = -1;
    for (int j = 0; j < readingsSize; j++) {
        int need = target - readings[j];
        unsigned h = ((unsigned)need * 2654435761u) & (cap - 1);
        while (vals[h] != -1 && keys[h] != need) h = (h + 1) & (cap - 1);
        if (vals[h] != -1) {
            result[0] = vals[h];
            result[1] = j;
            *returnSize = 2;
            break;
        }
        h = ((unsigned)readings[j] * 2654435761u) & (cap - 1);
        while (vals[h] != -1 && keys[h] != readings[j]) h = (h + 1) & (cap - 1);
        if (vals[h] == -1) {
            keys[h] = readings[j];
            vals[h] = j;
        }
    }
    free(keys);
    free(vals);
    return result;
}
