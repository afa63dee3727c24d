# Bug: bisect_right lets equal values extend a subsequence (longest non-decreasing instead).
import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tails = []
    for token in data[1:1 + n]:
        a = int(token)
        k = bisect_right(tails, a)
        if k == len(tails):
            tails.append(a)
        else:
            tails[k] = a
    print(len(tails))


main()
