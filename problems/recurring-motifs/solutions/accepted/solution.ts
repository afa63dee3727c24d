function recurringMotifs(signal: string, k: number): string[] {
    const count = new Map<string, number>();
    for (let i = 0; i + k <= signal.length; i++) {
        const block = signal.slice(i, i + k);
        count.set(block, (count.get(block) ?? 0) + 1);
    }
    const result: string[] = [];
    for (const [block, c] of count) {
        if (c >= 2) result.push(block);
    }
    result.sort();
    return result;
}
