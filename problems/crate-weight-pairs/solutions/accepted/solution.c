/**
 * weights has weightsSize elements.
 * Return an array of *returnSize rows (malloc'd) and set *returnColumnSizes to a malloc'd array of the rows' lengths.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
int** crateWeightPairs(const int* weights, int weightsSize, int target, int* returnSize, int** returnColumnSizes) {
    int capacity = weightsSize / 2 + 1;
    int** result = malloc(capacity * sizeof(int*));
    *returnColumnSizes = malloc(capacity * sizeof(int));
    int count = 0;
    int left = 0, right = weightsSize - 1;
    while (left < right) {
        long long total = (long long)weights[left] + weights[right];
        if (total < target) {
            left++;
        } else if (total > target) {
            right--;
        } else {
            int a = weights[left], b = weights[right];
            result[count] = malloc(2 * sizeof(int));
            result[count][0] = a;
            result[count][1] = b;
            (*returnColumnSizes)[count] = 2;
            count++;
            while (left < right && weights[left] == a) left++;
            while (left < right && weights[right] == b) right--;
        }
    }
    *returnSize = count;
    return result;
}
