/**
 * @param {string} s
 * @param {number} k
 * @return {string}
 */
function longestCappedWindow(s, k) {
    const count = new Array(26).fill(0);
    let left = 0, bestStart = 0, bestLen = 0;
    for (let right = 0; right < s.length; right++) {
        const c = s.charCodeAt(right) - 97;
        count[c]++;
        while (count[c] > k) {
            count[s.charCodeAt(left) - 97]--;
            left++;
        }
        if (right - left + 1 > bestLen) {
            bestLen = right - left + 1;
            bestStart = left;
        }
    }
    return s.substring(bestStart, bestStart + bestLen);
}
