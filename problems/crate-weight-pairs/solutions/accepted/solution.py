from typing import List


class Solution:
    def crateWeightPairs(self, weights: List[int], target: int) -> List[List[int]]:
        result = []
        left, right = 0, len(weights) - 1
        while left < right:
            total = weights[left] + weights[right]
            if total < target:
                left += 1
            elif total > target:
                right -= 1
            else:
                a, b = weights[left], weights[right]
                result.append([a, b])
                while left < right and weights[left] == a:
                    left += 1
                while left < right and weights[right] == b:
                    right -= 1
        return result
