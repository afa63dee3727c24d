class Solution:
    def longestCappedWindow(self, s: str, k: int) -> str:
        count = defaultdict(int)
        left = 0
        best_start, best_len = 0, 0
        for right, ch in enumerate(s):
            count[ch] += 1
            while count[ch] > k:
                count[s[left]] -= 1
                left += 1
            if right - left + 1 > best_len:
                best_start, best_len = left, right - left + 1
        return s[best_start:best_start + best_len]
