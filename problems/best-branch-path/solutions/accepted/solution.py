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
        # iterative DFS order (recursion would be too deep on a path of 50 000 clearings)
        order = []
        stack = [root]
        while stack:
            v = stack.pop()
            order.append(v)
            stack.extend(children[v])
        down = [0] * n
        best = -float("inf")
        for v in reversed(order):
            first = second = 0
            for c in children[v]:
                if down[c] > first:
                    first, second = down[c], first
                elif down[c] > second:
                    second = down[c]
            down[v] = values[v] + first
            best = max(best, values[v] + first + second)
        return best
