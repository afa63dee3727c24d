class Solution {
    public long bestBranchPath(int[] parent, int[] values) {
        int n = parent.length;
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) children.add(new ArrayList<>());
        int root = 0;
        for (int i = 0; i < n; i++) {
            if (parent[i] == -1) root = i;
            else children.get(parent[i]).add(i);
        }
        int[] order = new int[n];
        int size = 0;
        order[size++] = root;
        for (int k = 0; k < size; k++) {
            for (int c : children.get(order[k])) order[size++] = c;
        }
        long[] gain = new long[n];
        long best = Long.MIN_VALUE;
        for (int k = n - 1; k >= 0; k--) {
            int v = order[k];
            long first = 0, second = 0;
            for (int c : children.get(v)) {
                if (gain[c] > first) {
                    second = first;
                    first = gain[c];
                } else if (gain[c] > second) {
                    second = gain[c];
                }
            }
            gain[v] = values[v] + first;
            best = Math.max(best, values[v] + first + second);
        }
        return best;
    }
}
