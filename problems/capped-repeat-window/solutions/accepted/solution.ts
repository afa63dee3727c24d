function longestCappedWindow(s: string, k: number): string {
    const count = new Map<string, number>();
    let left = 0;
    let bestStart = 0;
    let bestLen = 0;
    for (let right = 0; right < s.length; right++) {
        const ch = s[right];
        count.set(ch, (count.get(ch) ?? 0) + 1);
        while ((count.get(ch) as number) > k) {
            count.set(s[left], (count.get(s[left]) as number) - 1);
            left++;
        }
        if (right - left + 1 > bestLen) {
            bestLen = right - left + 1;
            bestStart = left;
        }
    }
    return s.slice(bestStart, bestStart + bestLen);
}
