class Solution {
public:
    long long countBoundedSegments(vector<int>& nums, long long lower, long long upper) {
        int n = nums.size();
        vector<long long> prefix(n + 1, 0);
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + nums[i];
        // Fenwick tree over the ranks of the prefix sums
        vector<long long> sorted(prefix);
        sort(sorted.begin(), sorted.end());
        vector<int> tree(n + 2, 0);
        auto below = [&](int i) {
            int total = 0;
            for (; i > 0; i -= i & -i) total += tree[i];
            return total;
        };
        int count = 0;  // Bug: the number of periods can pass 2^31 - 1
        for (long long p : prefix) {
            int hi = upper_bound(sorted.begin(), sorted.end(), p - lower) - sorted.begin();
            int lo = lower_bound(sorted.begin(), sorted.end(), p - upper) - sorted.begin();
            if (hi > lo) count += below(hi) - below(lo);
            int r = lower_bound(sorted.begin(), sorted.end(), p) - sorted.begin() + 1;
            for (; r <= n + 1; r += r & -r) tree[r]++;
        }
        return count;
    }
};
