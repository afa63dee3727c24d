# Correct, but grows a window from every start until it covers t: O(|s|^2) in the worst case.
import sys
from collections import Counter


def main():
    s, t = sys.stdin.read().split()
    need = Counter(t)
    best_len, best_start = len(s) + 1, -1
    for start in range(len(s)):
        missing = dict(need)
        left_to_find = len(t)
        for end in range(start, len(s)):
            c = s[end]
            if missing.get(c, 0) > 0:
                missing[c] -= 1
                left_to_find -= 1
                if left_to_find == 0:
                    if end - start + 1 < best_len:
                        best_len, best_start = end - start + 1, start
                    break
    print(-1 if best_start < 0 else f"{best_len} {best_start + 1}")


main()
