from typing import List


class Solution:
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        n = len(temps)
        answer = [0] * n
        for i in range(n):
            for j in range(i + 1, n):
                if temps[j] > temps[i]:
                    answer[i] = j - i
                    break
        return answer
