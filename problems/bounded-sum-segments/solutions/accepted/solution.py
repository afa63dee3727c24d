from typing import List


class Solution:
    def countBoundedSegments(self, nums: List[int], lower: int, upper: int) -> int:
        prefix = [0]
        for x in nums:
            prefix.append(prefix[-1] + x)

        # Merge sort over the prefix sums: while merging, every left prefix q is paired with the
        # right prefixes p (later days) that satisfy lower <= p - q <= upper.
        def sort_count(arr):
            if len(arr) <= 1:
                return arr, 0
            mid = len(arr) // 2
            left, cl = sort_count(arr[:mid])
            right, cr = sort_count(arr[mid:])
            count = cl + cr
            lo = hi = 0
            n = len(right)
            for q in left:
                while lo < n and right[lo] - q < lower:
                    lo += 1
                while hi < n and right[hi] - q <= upper:
                    hi += 1
                count += hi - lo
            merged = []
            i = j = 0
            while i < len(left) and j < n:
                if left[i] <= right[j]:
                    merged.append(left[i])
                    i += 1
                else:
                    merged.append(right[j])
                    j += 1
            merged.extend(left[i:])
            merged.extend(right[j:])
            return merged, count

        return sort_count(prefix)[1]
