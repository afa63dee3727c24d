/**
 * @param {number[]} temps
 * @return {number[]}
 */
function daysUntilWarmer(temps) {
    const answer = new Array(temps.length).fill(0);
    const stack = [];
    for (let i = 0; i < temps.length; i++) {
        while (stack.length > 0 && temps[stack[stack.length - 1]] < temps[i]) {
            const j = stack.pop();
            answer[j] = i - j;
        }
        stack.push(i);
    }
    return answer;
}
