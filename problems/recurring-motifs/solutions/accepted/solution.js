/**
 * @param {string} signal
 * @param {number} k
 * @return {string[]}
 */
var recurringMotifs = function(signal, k) {
    const seen = new Set();
    const repeated = new Set();
    for (let i = 0; i + k <= signal.length; i++) {
        const block = signal.substring(i, i + k);
        if (seen.has(block)) repeated.add(block);
        else seen.add(block);
    }
    return [...repeated].sort();
};
