func countReefs(chart []string) int {
	rows, cols := len(chart), len(chart[0])
	seen := make([][]bool, rows)
	for i := range seen {
		seen[i] = make([]bool, cols)
	}
	count := 0
	type cell struct{ r, c int }
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if chart[r][c] != '#' || seen[r][c] {
				continue
			}
			count++
			seen[r][c] = true
			stack := []cell{{r, c}}
			for len(stack) > 0 {
				cur := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					nr, nc := cur.r+d[0], cur.c+d[1]
					if nr >= 0 && nr < rows && nc >= 0 && nc < cols && chart[nr][nc] == '#' && !seen[nr][nc] {
						seen[nr][nc] = true
						stack = append(stack, cell{nr, nc})
					}
				}
			}
		}
	}
	return count
}
