from typing import List


class Solution:
    def recurringMotifs(self, signal: str, k: int) -> List[str]:
        # Bug: a copy that overlaps the previous copy is not counted, so "aaa" in "aaaa" is missed.
        last_start = {}
        copies = defaultdict(int)
        for i in range(len(signal) - k + 1):
            block = signal[i:i + k]
            if block not in last_start or i - last_start[block] >= k:
                copies[block] += 1
                last_start[block] = i
        return sorted(block for block, c in copies.items() if c >= 2)
