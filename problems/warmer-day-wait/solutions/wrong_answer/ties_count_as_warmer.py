from typing import List


class Solution:
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        answer = [0] * len(temps)
        stack = []
        for i, t in enumerate(temps):
            # bug: an equal reading releases the waiting day too
            while stack and temps[stack[-1]] <= t:
                j = stack.pop()
                answer[j] = i - j
            stack.append(i)
        return answer
