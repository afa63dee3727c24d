from typing import List


class Solution:
    def runningMedians(self, readings: List[int]) -> List[float]:
        result = []
        for i in range(len(readings)):
            seen = sorted(readings[: i + 1])
            k = len(seen)
            if k % 2 == 1:
                result.append(float(seen[k // 2]))
            else:
                result.append((seen[k // 2 - 1] + seen[k // 2]) / 2)
        return result
