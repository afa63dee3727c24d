# Bug: moves the pointer at the taller wall, which can skip the best pair.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    lo, hi, best = 0, n - 1, 0
    while lo < hi:
        best = max(best, (hi - lo) * min(h[lo], h[hi]))
        if h[lo] > h[hi]:
            lo += 1
        else:
            hi -= 1
    print(best)


main()
