/**
 * chart has chartSize elements.
 * The arguments are private copies: changing them is allowed, freeing them is not.
 */
int countReefs(const char* const* chart, int chartSize) {
    int rows = chartSize, cols = strlen(chart[0]);
    char* seen = calloc(rows * cols, 1);
    int* stack = malloc(sizeof(int) * rows * cols);
    int count = 0;
    int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            if (chart[r][c] != '#' || seen[r * cols + c]) continue;
            count++;
            int top = 0;
            stack[top++] = r * cols + c;
            seen[r * cols + c] = 1;
            while (top > 0) {
                int cell = stack[--top];
                int y = cell / cols, x = cell % cols;
                for (int d = 0; d < 4; d++) {
                    int ny = y + dr[d], nx = x + dc[d];
                    if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                    if (chart[ny][nx] != '#' || seen[ny * cols + nx]) continue;
                    seen[ny * cols + nx] = 1;
                    stack[top++] = ny * cols + nx;
                }
            }
        }
    }
    free(seen);
    free(stack);
    return count;
}
