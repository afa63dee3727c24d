/**
 * @param {number[]} weights
 * @param {number} target
 * @return {number[][]}
 */
function crateWeightPairs(weights, target) {
    const result = [];
    let left = 0, right = weights.length - 1;
    while (left < right) {
        const total = weights[left] + weights[right];
        if (total < target) {
            left++;
        } else if (total > target) {
            right--;
        } else {
            const a = weights[left], b = weights[right];
            result.push([a, b]);
            while (left < right && weights[left] === a) left++;
            while (left < right && weights[right] === b) right--;
        }
    }
    return result;
}
