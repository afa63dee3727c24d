function minDailyDistance(stages: number[], days: number): bigint {
    let lo = 0;
    let hi = 0;
    for (const x of stages) {
        if (x > lo) lo = x;
        hi += x;
    }
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        let used = 1;
        let today = 0;
        for (const x of stages) {
            if (today + x > mid) {
                used++;
                today = 0;
            }
            today += x;
        }
        if (used <= days) hi = mid;
        else lo = mid + 1;
    }
    return BigInt(lo);
}
