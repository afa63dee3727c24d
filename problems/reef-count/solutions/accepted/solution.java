class Solution {
    private int[] parent;

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public int countReefs(String[] chart) {
        int rows = chart.length, cols = chart[0].length();
        parent = new int[rows * cols];
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (chart[r].charAt(c) != '#') continue;
                int id = r * cols + c;
                parent[id] = id;
                count++;
                if (r > 0 && chart[r - 1].charAt(c) == '#') {
                    int a = find(id), b = find(id - cols);
                    if (a != b) { parent[a] = b; count--; }
                }
                if (c > 0 && chart[r].charAt(c - 1) == '#') {
                    int a = find(id), b = find(id - 1);
                    if (a != b) { parent[a] = b; count--; }
                }
            }
        }
        return count;
    }
}
