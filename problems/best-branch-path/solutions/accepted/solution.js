/**
 * @param {number[]} parent
 * @param {number[]} values
 * @return {bigint}
 */
function bestBranchPath(parent, values) {
    const n = parent.length;
    const children = Array.from({ length: n }, () => []);
    let root = 0;
    parent.forEach((p, i) => {
        if (p === -1) root = i;
        else children[p].push(i);
    });
    const order = [root];
    for (let k = 0; k < order.length; k++) {
        for (const c of children[order[k]]) order.push(c);
    }
    // sums stay below 2^53 (50 000 * 10^9), so plain numbers are exact
    const down = new Array(n).fill(0);
    let best = -Infinity;
    for (let k = n - 1; k >= 0; k--) {
        const v = order[k];
        let a = 0, b = 0;
        for (const c of children[v]) {
            if (down[c] > a) { b = a; a = down[c]; }
            else if (down[c] > b) b = down[c];
        }
        down[v] = values[v] + a;
        best = Math.max(best, values[v] + a + b);
    }
    return best;
}
