function countReefs(chart: string[]): number {
    const rows = chart.length;
    const cols = chart[0].length;
    const visited = new Uint8Array(rows * cols);
    const queue = new Int32Array(rows * cols);
    let count = 0;
    for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
            if (chart[r][c] !== "#" || visited[r * cols + c]) continue;
            count++;
            // breadth-first search over the reef, cells numbered r * cols + c
            let head = 0, tail = 0;
            queue[tail++] = r * cols + c;
            visited[r * cols + c] = 1;
            while (head < tail) {
                const cell = queue[head++];
                const y = (cell / cols) | 0, x = cell - y * cols;
                const neighbours: number[] = [];
                if (y > 0) neighbours.push(cell - cols);
                if (y + 1 < rows) neighbours.push(cell + cols);
                if (x > 0) neighbours.push(cell - 1);
                if (x + 1 < cols) neighbours.push(cell + 1);
                for (const next of neighbours) {
                    const ny = (next / cols) | 0;
                    if (!visited[next] && chart[ny][next - ny * cols] === "#") {
                        visited[next] = 1;
                        queue[tail++] = next;
                    }
                }
            }
        }
    }
    return count;
}
