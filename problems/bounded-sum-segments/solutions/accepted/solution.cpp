class Solution {
    long long lower, upper;
    vector<long long> tmp;

    // Counts pairs q < p of positions in prefix[lo, hi) with lower <= prefix[p] - prefix[q] <= upper,
    // and sorts that range.
    long long sortCount(vector<long long>& prefix, int lo, int hi) {
        if (hi - lo <= 1) return 0;
        int mid = lo + (hi - lo) / 2;
        long long count = sortCount(prefix, lo, mid) + sortCount(prefix, mid, hi);
        int a = mid, b = mid;
        for (int i = lo; i < mid; i++) {
            while (a < hi && prefix[a] - prefix[i] < lower) a++;
            while (b < hi && prefix[b] - prefix[i] <= upper) b++;
            count += b - a;
        }
        merge(prefix.begin() + lo, prefix.begin() + mid, prefix.begin() + mid, prefix.begin() + hi, tmp.begin());
        copy(tmp.begin(), tmp.begin() + (hi - lo), prefix.begin() + lo);
        return count;
    }

public:
    long long countBoundedSegments(vector<int>& nums, long long lower, long long upper) {
        this->lower = lower;
        this->upper = upper;
        int n = nums.size();
        vector<long long> prefix(n + 1, 0);
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + nums[i];
        tmp.assign(n + 1, 0);
        return sortCount(prefix, 0, n + 1);
    }
};
