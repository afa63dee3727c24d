const DY = [1, -1, 0, 0];
const DX = [0, 0, 1, -1];

/**
 * @param {string[]} chart
 * @return {number}
 */
function countReefs(chart) {
    const rows = chart.length, cols = chart[0].length;
    const seen = new Uint8Array(rows * cols);
    let count = 0;
    for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
            if (chart[r][c] !== '#' || seen[r * cols + c]) continue;
            count++;
            seen[r * cols + c] = 1;
            const stack = [r * cols + c];
            while (stack.length) {
                const cell = stack.pop();
                const y = Math.floor(cell / cols), x = cell % cols;
                for (let d = 0; d < 4; d++) {
                    const ny = y + DY[d], nx = x + DX[d];
                    if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                    if (chart[ny][nx] === '#' && !seen[ny * cols + nx]) {
                        seen[ny * cols + nx] = 1;
                        stack.push(ny * cols + nx);
                    }
                }
            }
        }
    }
    return count;
}
