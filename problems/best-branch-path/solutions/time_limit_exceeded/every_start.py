from typing import List


class Solution:
    def bestBranchPath(self, parent: List[int], values: List[int]) -> int:
        # try every clearing as one end of the hike and walk the whole tree from it
        n = len(parent)
        adj = [[] for _ in range(n)]
        for i, p in enumerate(parent):
            if p != -1:
                adj[i].append(p)
                adj[p].append(i)
        best = max(values)
        for start in range(n):
            total = [0] * n
            total[start] = values[start]
            seen = [False] * n
            seen[start] = True
            stack = [start]
            while stack:
                v = stack.pop()
                if total[v] > best:
                    best = total[v]
                for w in adj[v]:
                    if not seen[w]:
                        seen[w] = True
                        total[w] = total[v] + values[w]
                        stack.append(w)
        return best
