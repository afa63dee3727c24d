from typing import List


class Solution:
    def recurringMotifs(self, signal: str, k: int) -> List[str]:
        seen = set()
        repeated = set()
        # Bug: off by one, the block ending at the last letter is never looked at.
        for i in range(len(signal) - k):
            block = signal[i:i + k]
            if block in seen:
                repeated.add(block)
            seen.add(block)
        return sorted(repeated)
