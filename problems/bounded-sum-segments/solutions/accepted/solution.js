/**
 * @param {number[]} nums
 * @param {bigint} lower
 * @param {bigint} upper
 * @return {bigint}
 */
function countBoundedSegments(nums, lower, upper) {
    // |prefix sums| <= 10^14 and |bounds| <= 10^15: all below 2^53, exact as numbers
    const lo = Number(lower), hi = Number(upper);
    const n = nums.length;
    const prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + nums[i];
    const buffer = new Float64Array(n + 1);

    function sortCount(from, to) {
        if (to - from <= 1) return 0;
        const mid = (from + to) >> 1;
        let count = sortCount(from, mid) + sortCount(mid, to);
        let a = mid, b = mid;
        for (let i = from; i < mid; i++) {
            while (a < to && prefix[a] - prefix[i] < lo) a++;
            while (b < to && prefix[b] - prefix[i] <= hi) b++;
            count += b - a;
        }
        let i = from, j = mid, k = 0;
        while (i < mid && j < to) buffer[k++] = prefix[i] <= prefix[j] ? prefix[i++] : prefix[j++];
        while (i < mid) buffer[k++] = prefix[i++];
        while (j < to) buffer[k++] = prefix[j++];
        prefix.set(buffer.subarray(0, k), from);
        return count;
    }

    return BigInt(sortCount(0, n + 1));
}
