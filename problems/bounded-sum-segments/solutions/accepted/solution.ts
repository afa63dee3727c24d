function countBoundedSegments(nums: number[], lower: bigint, upper: bigint): bigint {
    const lo = Number(lower);
    const hi = Number(upper);
    const prefix: number[] = [0];
    for (const x of nums) prefix.push(prefix[prefix.length - 1] + x);

    const sortCount = (arr: number[]): [number[], number] => {
        if (arr.length <= 1) return [arr, 0];
        const mid = arr.length >> 1;
        const [left, cl] = sortCount(arr.slice(0, mid));
        const [right, cr] = sortCount(arr.slice(mid));
        let count = cl + cr;
        let a = 0;
        let b = 0;
        for (const q of left) {
            while (a < right.length && right[a] - q < lo) a++;
            while (b < right.length && right[b] - q <= hi) b++;
            count += b - a;
        }
        const merged: number[] = [];
        let i = 0;
        let j = 0;
        while (i < left.length && j < right.length) merged.push(left[i] <= right[j] ? left[i++] : right[j++]);
        while (i < left.length) merged.push(left[i++]);
        while (j < right.length) merged.push(right[j++]);
        return [merged, count];
    };

    return BigInt(sortCount(prefix)[1]);
}
