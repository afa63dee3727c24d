/**
 * @param {string} mask
 * @param {string} name
 * @return {boolean}
 */
function maskMatches(mask, name) {
    const tokens = [];
    for (let i = 0; i < mask.length; i++) {
        if (mask[i] === '*' && mask[i + 1] === '*') {
            tokens.push('**');
            i++;
        } else {
            tokens.push(mask[i]);
        }
    }
    const n = name.length;
    // reach[j]: the tokens so far can match name.slice(0, j)
    let reach = new Array(n + 1).fill(false);
    reach[0] = true;
    for (const t of tokens) {
        const next = new Array(n + 1).fill(false);
        if (t === '**' || t === '*') {
            next[0] = reach[0];
            for (let j = 1; j <= n; j++) {
                next[j] = reach[j] || (next[j - 1] && (t === '**' || name[j - 1] !== '/'));
            }
        } else {
            for (let j = 1; j <= n; j++) {
                const ok = t === '?' ? name[j - 1] !== '/' : name[j - 1] === t;
                next[j] = ok && reach[j - 1];
            }
        }
        reach = next;
    }
    return reach[n];
}
