from typing import List


class Solution:
    def crateWeightPairs(self, weights: List[int], target: int) -> List[List[int]]:
        found = set()
        n = len(weights)
        for i in range(n):
            for j in range(i + 1, n):
                if weights[i] + weights[j] == target:
                    found.add((weights[i], weights[j]))
        return [list(p) for p in sorted(found)]
