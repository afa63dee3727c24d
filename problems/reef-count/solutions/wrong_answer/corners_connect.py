from typing import List


class Solution:
    def countReefs(self, chart: List[str]) -> int:
        rows, cols = len(chart), len(chart[0])
        seen = set()
        count = 0
        for r in range(rows):
            for c in range(cols):
                if chart[r][c] == "#" and (r, c) not in seen:
                    count += 1
                    seen.add((r, c))
                    stack = [(r, c)]
                    while stack:
                        y, x = stack.pop()
                        # bug: walks to all eight neighbours, diagonals included
                        for dy in (-1, 0, 1):
                            for dx in (-1, 0, 1):
                                ny, nx = y + dy, x + dx
                                if 0 <= ny < rows and 0 <= nx < cols and chart[ny][nx] == "#" and (ny, nx) not in seen:
                                    seen.add((ny, nx))
                                    stack.append((ny, nx))
        return count
