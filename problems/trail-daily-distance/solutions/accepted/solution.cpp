class Solution {
    bool fits(const vector<int>& stages, int days, long long limit) {
        int used = 1;
        long long today = 0;
        for (int x : stages) {
            if (today + x > limit) {
                if (++used > days) return false;
                today = 0;
            }
            today += x;
        }
        return true;
    }

public:
    long long minDailyDistance(vector<int>& stages, int days) {
        long long lo = *max_element(stages.begin(), stages.end());
        long long hi = accumulate(stages.begin(), stages.end(), 0LL);
        while (lo < hi) {
            long long mid = lo + (hi - lo) / 2;
            if (fits(stages, days, mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
};
