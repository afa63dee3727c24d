from typing import List


class Solution:
    def recurringMotifs(self, signal: str, k: int) -> List[str]:
        found = set()
        blocks = len(signal) - k + 1
        for i in range(blocks):
            for j in range(i + 1, blocks):
                if signal[i:i + k] == signal[j:j + k]:
                    found.add(signal[i:i + k])
                    break
        return sorted(found)
