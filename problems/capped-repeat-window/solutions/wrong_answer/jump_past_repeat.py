class Solution:
    def longestCappedWindow(self, s: str, k: int) -> str:
        # Bug: on a violation it restarts the window right after the current letter's previous
        # occurrence, which is only right for k = 1.
        last = {}
        left = 0
        best_start, best_len = 0, 0
        count = defaultdict(int)
        for right, ch in enumerate(s):
            count[ch] += 1
            if count[ch] > k:
                new_left = last[ch] + 1
                for i in range(left, new_left):
                    count[s[i]] -= 1
                left = new_left
            last[ch] = right
            if right - left + 1 > best_len:
                best_start, best_len = left, right - left + 1
        return s[best_start:best_start + best_len]
