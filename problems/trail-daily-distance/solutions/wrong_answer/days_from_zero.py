from typing import List


class Solution:
    def minDailyDistance(self, stages: List[int], days: int) -> int:
        def fits(limit):
            # Bug: the first day is never counted, so one day too many is allowed.
            used, today = 0, 0
            for x in stages:
                if today + x > limit:
                    used += 1
                    today = 0
                today += x
            return used <= days

        lo, hi = max(stages), sum(stages)
        while lo < hi:
            mid = (lo + hi) // 2
            if fits(mid):
                hi = mid
            else:
                lo = mid + 1
        return lo
