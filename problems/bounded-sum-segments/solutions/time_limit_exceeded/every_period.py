from typing import List


class Solution:
    def countBoundedSegments(self, nums: List[int], lower: int, upper: int) -> int:
        count = 0
        for i in range(len(nums)):
            total = 0
            for j in range(i, len(nums)):
                total += nums[j]
                if lower <= total <= upper:
                    count += 1
        return count
