/**
 * @param {number[]} stages
 * @param {number} days
 * @return {bigint}
 */
function minDailyDistance(stages, days) {
    // every sum stays below 2^53, so plain numbers are exact
    let lo = 0, hi = 0;
    for (const x of stages) {
        lo = Math.max(lo, x);
        hi += x;
    }
    const fits = (limit) => {
        let used = 1, today = 0;
        for (const x of stages) {
            if (today + x > limit) {
                if (++used > days) return false;
                today = 0;
            }
            today += x;
        }
        return true;
    };
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (fits(mid)) hi = mid;
        else lo = mid + 1;
    }
    return BigInt(lo);
}
