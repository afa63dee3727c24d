from typing import List


class Solution:
    def firstCalibrationPair(self, readings: List[int], target: int) -> List[int]:
        first_seen = {}
        for j, x in enumerate(readings):
            need = target - x
            if need in first_seen:
                return [first_seen[need], j]
            if x not in first_seen:
                first_seen[x] = j
        return []
