class Solution {
public:
    long long bestBranchPath(vector<int>& parent, vector<int>& values) {
        int n = parent.size();
        vector<vector<int>> children(n);
        int root = 0;
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) root = i;
            else children[parent[i]].push_back(i);
        }
        vector<int> order;
        order.reserve(n);
        order.push_back(root);
        for (int k = 0; k < (int)order.size(); k++)
            for (int c : children[order[k]]) order.push_back(c);
        vector<long long> down(n);
        long long best = LLONG_MIN;
        for (int k = n - 1; k >= 0; k--) {
            int v = order[k];
            long long top1 = 0, top2 = 0;
            for (int c : children[v]) {
                long long g = max(0LL, down[c]);
                if (g > top1) { top2 = top1; top1 = g; }
                else if (g > top2) top2 = g;
            }
            down[v] = values[v] + top1;
            best = max(best, values[v] + top1 + top2);
        }
        return best;
    }
};
