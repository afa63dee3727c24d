from typing import List
import heapq


class Solution:
    def runningMedians(self, readings: List[int]) -> List[float]:
        lower = []  # max-heap of the smaller half, stored negated
        upper = []  # min-heap of the larger half
        result = []
        for x in readings:
            heapq.heappush(lower, -x)
            heapq.heappush(upper, -heapq.heappop(lower))
            if len(upper) > len(lower):
                heapq.heappush(lower, -heapq.heappop(upper))
            if len(lower) > len(upper):
                result.append(float(-lower[0]))
            else:
                result.append((-lower[0] + upper[0]) / 2)
        return result
