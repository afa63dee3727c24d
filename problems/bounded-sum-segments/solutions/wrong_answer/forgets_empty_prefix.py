from typing import List


class Solution:
    def countBoundedSegments(self, nums: List[int], lower: int, upper: int) -> int:
        # Bug: the prefix sums start after day 0 (no leading 0), so periods that start on the
        # first day are never counted.
        prefix = []
        total = 0
        for x in nums:
            total += x
            prefix.append(total)

        def sort_count(arr):
            if len(arr) <= 1:
                return arr, 0
            mid = len(arr) // 2
            left, cl = sort_count(arr[:mid])
            right, cr = sort_count(arr[mid:])
            count = cl + cr
            lo = hi = 0
            for q in left:
                while lo < len(right) and right[lo] - q < lower:
                    lo += 1
                while hi < len(right) and right[hi] - q <= upper:
                    hi += 1
                count += hi - lo
            return sorted(left + right), count

        return sort_count(prefix)[1]
