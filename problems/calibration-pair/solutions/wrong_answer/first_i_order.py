from typing import List


class Solution:
    def firstCalibrationPair(self, readings: List[int], target: int) -> List[int]:
        # Bug: finds the pair with the smallest i first, not the one completed first.
        position = {}
        for j, x in enumerate(readings):
            position.setdefault(x, []).append(j)
        for i, x in enumerate(readings):
            for j in position.get(target - x, []):
                if j > i:
                    return [i, j]
        return []
