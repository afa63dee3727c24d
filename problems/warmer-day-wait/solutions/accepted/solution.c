/**
 * temps has tempsSize elements.
 * Return an array (malloc'd or static) and set *returnSize to its length.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
int* daysUntilWarmer(const int* temps, int tempsSize, int* returnSize) {
    int* answer = calloc(tempsSize, sizeof(int));
    int* stack = malloc(tempsSize * sizeof(int));
    int top = 0;
    for (int i = 0; i < tempsSize; i++) {
        while (top > 0 && temps[stack[top - 1]] < temps[i]) {
            int j = stack[--top];
            answer[j] = i - j;
        }
        stack[top++] = i;
    }
    free(stack);
    *returnSize = tempsSize;
    return answer;
}
