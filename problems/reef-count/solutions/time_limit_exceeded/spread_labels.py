from typing import List


class Solution:
    def countReefs(self, chart: List[str]) -> int:
        # every reef square starts with its own label; keep lowering each label to the smallest
        # label of its neighbours until nothing changes (one pass per step of the longest reef)
        rows, cols = len(chart), len(chart[0])
        label = [[r * cols + c if chart[r][c] == "#" else -1 for c in range(cols)] for r in range(rows)]
        changed = True
        while changed:
            changed = False
            for r in range(rows):
                for c in range(cols):
                    if label[r][c] < 0:
                        continue
                    best = label[r][c]
                    for ny, nx in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        if 0 <= ny < rows and 0 <= nx < cols and 0 <= label[ny][nx] < best:
                            best = label[ny][nx]
                    if best < label[r][c]:
                        label[r][c] = best
                        changed = True
        return sum(1 for r in range(rows) for c in range(cols) if label[r][c] == r * cols + c)
