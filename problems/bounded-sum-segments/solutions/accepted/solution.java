class Solution {
    private long lower, upper;
    private long[] buffer;

    public long countBoundedSegments(int[] nums, long lower, long upper) {
        this.lower = lower;
        this.upper = upper;
        int n = nums.length;
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + nums[i];
        buffer = new long[n + 1];
        return sortCount(prefix, 0, n + 1);
    }

    private long sortCount(long[] p, int lo, int hi) {
        if (hi - lo <= 1) return 0;
        int mid = (lo + hi) >>> 1;
        long count = sortCount(p, lo, mid) + sortCount(p, mid, hi);
        int a = mid, b = mid;
        for (int i = lo; i < mid; i++) {
            while (a < hi && p[a] - p[i] < lower) a++;
            while (b < hi && p[b] - p[i] <= upper) b++;
            count += b - a;
        }
        int i = lo, j = mid, k = 0;
        while (i < mid && j < hi) buffer[k++] = p[i] <= p[j] ? p[i++] : p[j++];
        while (i < mid) buffer[k++] = p[i++];
        while (j < hi) buffer[k++] = p[j++];
        System.arraycopy(buffer, 0, p, lo, k);
        return count;
    }
}
