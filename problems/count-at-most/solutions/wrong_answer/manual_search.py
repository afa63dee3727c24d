# Bug: a hand-written binary search whose upper end starts at n - 1, so it never answers n.
import sys


def count_at_most(values, x):
    lo, hi = 0, len(values) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    values = sorted(map(int, data[2:2 + n]))
    out = [count_at_most(values, int(x)) for x in data[2 + n:2 + n + q]]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
