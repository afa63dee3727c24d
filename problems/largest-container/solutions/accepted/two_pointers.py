import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    lo, hi, best = 0, n - 1, 0
    while lo < hi:
        if h[lo] < h[hi]:
            best = max(best, (hi - lo) * h[lo])
            lo += 1
        else:
            best = max(best, (hi - lo) * h[hi])
            hi -= 1
    print(best)


main()
