function bestBranchPath(parent: number[], values: number[]): bigint {
    const n = parent.length;
    const children: number[][] = [];
    for (let i = 0; i < n; i++) children.push([]);
    let root = 0;
    for (let i = 0; i < n; i++) {
        if (parent[i] === -1) root = i;
        else children[parent[i]].push(i);
    }
    const order: number[] = [];
    const stack: number[] = [root];
    while (stack.length > 0) {
        const v = stack.pop()!;
        order.push(v);
        for (const c of children[v]) stack.push(c);
    }
    // |sum| <= 50 000 * 10^9 < 2^53: doubles are exact, convert once at the end
    const gain = new Float64Array(n);
    let best = -Infinity;
    for (let k = n - 1; k >= 0; k--) {
        const v = order[k];
        let first = 0, second = 0;
        for (const c of children[v]) {
            const g = gain[c];
            if (g > first) { second = first; first = g; }
            else if (g > second) second = g;
        }
        gain[v] = values[v] + first;
        best = Math.max(best, values[v] + first + second);
    }
    return BigInt(best);
}
