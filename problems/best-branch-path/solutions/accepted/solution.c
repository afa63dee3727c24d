/**
 * parent has parentSize elements.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
long long bestBranchPath(const int* parent, int parentSize, const int* values, int valuesSize) {
    int n = parentSize;
    // children as linked lists: head[v], next[c]
    int* head = malloc(sizeof(int) * n);
    int* next = malloc(sizeof(int) * n);
    int* order = malloc(sizeof(int) * n);
    long long* down = malloc(sizeof(long long) * n);
    int root = 0;
    for (int i = 0; i < n; i++) head[i] = -1;
    for (int i = 0; i < n; i++) {
        if (parent[i] == -1) {
            root = i;
        } else {
            next[i] = head[parent[i]];
            head[parent[i]] = i;
        }
    }
    int len = 0;
    order[len++] = root;
    for (int k = 0; k < len; k++)
        for (int c = head[order[k]]; c != -1; c = next[c]) order[len++] = c;
    long long best = LLONG_MIN;
    for (int k = n - 1; k >= 0; k--) {
        int v = order[k];
        long long a = 0, b = 0;
        for (int c = head[v]; c != -1; c = next[c]) {
            if (down[c] > a) { b = a; a = down[c]; }
            else if (down[c] > b) b = down[c];
        }
        down[v] = values[v] + a;
        if (values[v] + a + b > best) best = values[v] + a + b;
    }
    free(head);
    free(next);
    free(order);
    free(down);
    return best;
}
