class Heap {
    constructor(less) {
        this.a = [];
        this.less = less;
    }
    size() { return this.a.length; }
    top() { return this.a[0]; }
    push(x) {
        const a = this.a;
        a.push(x);
        let i = a.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (!this.less(a[i], a[p])) break;
            [a[i], a[p]] = [a[p], a[i]];
            i = p;
        }
    }
    pop() {
        const a = this.a;
        const top = a[0];
        const last = a.pop();
        if (a.length > 0) {
            a[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1, r = l + 1;
                let m = i;
                if (l < a.length && this.less(a[l], a[m])) m = l;
                if (r < a.length && this.less(a[r], a[m])) m = r;
                if (m === i) break;
                [a[i], a[m]] = [a[m], a[i]];
                i = m;
            }
        }
        return top;
    }
}

/**
 * @param {number[]} readings
 * @return {number[]}
 */
function runningMedians(readings) {
    const lower = new Heap((x, y) => x > y);
    const upper = new Heap((x, y) => x < y);
    const out = [];
    for (const x of readings) {
        if (lower.size() === 0 || x <= lower.top()) lower.push(x);
        else upper.push(x);
        if (lower.size() > upper.size() + 1) upper.push(lower.pop());
        else if (upper.size() > lower.size()) lower.push(upper.pop());
        out.push(lower.size() > upper.size() ? lower.top() : (lower.top() + upper.top()) / 2);
    }
    return out;
}
