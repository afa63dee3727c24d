from typing import List


class Solution:
    def minDailyDistance(self, stages: List[int], days: int) -> int:
        # Tries every daily limit upward from the longest stage: right, but far too many tries.
        limit = max(stages)
        while True:
            used, today = 1, 0
            for x in stages:
                if today + x > limit:
                    used += 1
                    today = 0
                today += x
            if used <= days:
                return limit
            limit += 1
