from typing import List


class Solution:
    def firstCalibrationPair(self, readings: List[int], target: int) -> List[int]:
        # Bug: overwrites the index of a repeated value, so it reports the latest partner.
        seen = {}
        for j, x in enumerate(readings):
            if target - x in seen:
                return [seen[target - x], j]
            seen[x] = j
        return []
