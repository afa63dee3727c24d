from typing import List


class Solution:
    def minDailyDistance(self, stages: List[int], days: int) -> int:
        def fits(limit):
            used, today = 1, 0
            for x in stages:
                if today + x > limit:
                    used += 1
                    if used > days:
                        return False
                    today = 0
                today += x
            return True

        lo, hi = max(stages), sum(stages)
        while lo < hi:
            mid = (lo + hi) // 2
            if fits(mid):
                hi = mid
            else:
                lo = mid + 1
        return lo
