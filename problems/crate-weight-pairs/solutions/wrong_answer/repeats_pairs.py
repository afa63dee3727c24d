from typing import List


class Solution:
    def crateWeightPairs(self, weights: List[int], target: int) -> List[List[int]]:
        # Bug: after a match it moves each pointer one step, so repeated weights repeat the pair.
        result = []
        left, right = 0, len(weights) - 1
        while left < right:
            total = weights[left] + weights[right]
            if total < target:
                left += 1
            elif total > target:
                right -= 1
            else:
                result.append([weights[left], weights[right]])
                left += 1
                right -= 1
        return result
