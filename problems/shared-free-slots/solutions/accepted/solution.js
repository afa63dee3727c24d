/**
 * @param {number[][]} busy
 * @param {number} dayStart
 * @param {number} dayEnd
 * @return {number[][]}
 */
function sharedFreeSlots(busy, dayStart, dayEnd) {
    busy.sort((a, b) => a[0] - b[0]);
    const free = [];
    let t = dayStart;
    for (const [start, end] of busy) {
        if (t >= dayEnd) break;
        if (start > t) free.push([t, Math.min(start, dayEnd)]);
        t = Math.max(t, end);
    }
    if (t < dayEnd) free.push([t, dayEnd]);
    return free;
}
