from typing import List


class Solution:
    def firstCalibrationPair(self, readings: List[int], target: int) -> List[int]:
        for j in range(len(readings)):
            for i in range(j):
                if readings[i] + readings[j] == target:
                    return [i, j]
        return []
