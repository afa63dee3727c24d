function sharedFreeSlots(busy: number[][], dayStart: number, dayEnd: number): number[][] {
    // sweep over +1/-1 events: free wherever nobody is busy
    const events: Array<[number, number]> = [];
    for (const [s, e] of busy) {
        events.push([s, 1], [e, -1]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const result: number[][] = [];
    let active = 0;
    let freeSince = dayStart;
    for (const [time, delta] of events) {
        if (active === 0 && delta === 1) {
            const a = Math.max(freeSince, dayStart), b = Math.min(time, dayEnd);
            if (a < b) result.push([a, b]);
        }
        active += delta;
        if (active === 0) freeSince = time;
    }
    const tail = Math.max(freeSince, dayStart);
    if (tail < dayEnd) result.push([tail, dayEnd]);
    return result;
}
