function crateWeightPairs(weights: number[], target: number): number[][] {
    const result: number[][] = [];
    let left = 0;
    let right = weights.length - 1;
    while (left < right) {
        const total = weights[left] + weights[right];
        if (total < target) {
            left++;
        } else if (total > target) {
            right--;
        } else {
            const a = weights[left];
            const b = weights[right];
            result.push([a, b]);
            while (left < right && weights[left] === a) left++;
            while (left < right && weights[right] === b) right--;
        }
    }
    return result;
}
