class MinHeap {
    private data: number[] = [];

    get size(): number {
        return this.data.length;
    }

    peek(): number {
        return this.data[0];
    }

    push(value: number): void {
        const d = this.data;
        d.push(value);
        let i = d.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (d[parent] <= d[i]) break;
            const t = d[parent]; d[parent] = d[i]; d[i] = t;
            i = parent;
        }
    }

    pop(): number {
        const d = this.data;
        const top = d[0];
        const last = d.pop()!;
        if (d.length > 0) {
            d[0] = last;
            let i = 0;
            while (true) {
                const l = 2 * i + 1, r = l + 1;
                let smallest = i;
                if (l < d.length && d[l] < d[smallest]) smallest = l;
                if (r < d.length && d[r] < d[smallest]) smallest = r;
                if (smallest === i) break;
                const t = d[smallest]; d[smallest] = d[i]; d[i] = t;
                i = smallest;
            }
        }
        return top;
    }
}

function runningMedians(readings: number[]): number[] {
    const lower = new MinHeap(); // negated values
    const upper = new MinHeap();
    const medians: number[] = [];
    for (const x of readings) {
        lower.push(-x);
        upper.push(-lower.pop());
        if (upper.size > lower.size) lower.push(-upper.pop());
        medians.push(lower.size > upper.size ? -lower.peek() : (-lower.peek() + upper.peek()) / 2);
    }
    return medians;
}
