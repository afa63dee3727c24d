function daysUntilWarmer(temps: number[]): number[] {
    const answer: number[] = new Array(temps.length).fill(0);
    const stack: number[] = [];
    temps.forEach((t, i) => {
        while (stack.length && temps[stack[stack.length - 1]] < t) {
            const j = stack.pop()!;
            answer[j] = i - j;
        }
        stack.push(i);
    });
    return answer;
}
