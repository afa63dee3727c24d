from typing import List
from collections import deque


class Solution:
    def countReefs(self, chart: List[str]) -> int:
        rows, cols = len(chart), len(chart[0])
        seen = [[False] * cols for _ in range(rows)]
        count = 0
        for r in range(rows):
            for c in range(cols):
                if chart[r][c] == "#" and not seen[r][c]:
                    count += 1
                    seen[r][c] = True
                    queue = deque([(r, c)])
                    while queue:
                        y, x = queue.popleft()
                        for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                            if 0 <= ny < rows and 0 <= nx < cols and not seen[ny][nx] and chart[ny][nx] == "#":
                                seen[ny][nx] = True
                                queue.append((ny, nx))
        return count
