class Solution {
    public long minDailyDistance(int[] stages, int days) {
        long lo = 0, hi = 0;
        for (int x : stages) {
            lo = Math.max(lo, x);
            hi += x;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (fits(stages, days, mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private boolean fits(int[] stages, int days, long limit) {
        int used = 1;
        long today = 0;
        for (int x : stages) {
            if (today + x > limit) {
                if (++used > days) return false;
                today = 0;
            }
            today += x;
        }
        return true;
    }
}
