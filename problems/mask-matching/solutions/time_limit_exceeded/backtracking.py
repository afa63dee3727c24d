import sys


class Solution:
    def maskMatches(self, mask: str, name: str) -> bool:
        sys.setrecursionlimit(10000)

        def match(i: int, j: int) -> bool:
            # plain backtracking: every star tries every length, nothing is remembered
            if i == len(mask):
                return j == len(name)
            if mask.startswith("**", i):
                return match(i + 2, j) or (j < len(name) and match(i, j + 1))
            if mask[i] == "*":
                return match(i + 1, j) or (j < len(name) and name[j] != "/" and match(i, j + 1))
            if j == len(name):
                return False
            if mask[i] == "?":
                return name[j] != "/" and match(i + 1, j + 1)
            return name[j] == mask[i] and match(i + 1, j + 1)

        return match(0, 0)
