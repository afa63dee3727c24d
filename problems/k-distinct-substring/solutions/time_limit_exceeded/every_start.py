# Correct, but extends a window from every start: O(n * answer).
import sys


def main():
    data = sys.stdin.read().split()
    k = int(data[0])
    s = data[1]
    n = len(s)
    best = 0
    for start in range(n):
        seen = set()
        end = start
        while end < n and (s[end] in seen or len(seen) < k):
            seen.add(s[end])
            end += 1
        best = max(best, end - start)
    print(best)


main()
