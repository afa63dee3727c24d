from typing import List


class Solution:
    def recurringMotifs(self, signal: str, k: int) -> List[str]:
        seen = set()
        repeated = set()
        for i in range(len(signal) - k + 1):
            block = signal[i:i + k]
            if block in seen:
                repeated.add(block)
            else:
                seen.add(block)
        return sorted(repeated)
