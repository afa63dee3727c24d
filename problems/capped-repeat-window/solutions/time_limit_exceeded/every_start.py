class Solution:
    def longestCappedWindow(self, s: str, k: int) -> str:
        best = ""
        for start in range(len(s)):
            count = {}
            end = start
            while end < len(s):
                ch = s[end]
                if count.get(ch, 0) == k:
                    break
                count[ch] = count.get(ch, 0) + 1
                end += 1
            if end - start > len(best):
                best = s[start:end]
        return best
